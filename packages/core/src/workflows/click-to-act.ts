/**
 * Click-to-act: the agent clicks a phone number in Dynamics (onclicktoact) and the widget dials it,
 * normalised, with the clicked record as the call's "regarding".
 */
import type { CifClickToActPayload } from '../cif/events.js';
import { report, type StopWorkflow, type WorkflowContext } from './shared.js';

/** Keys with an optional leading +, then post-dial digits after a pause (`,`) or wait (`;`). */
const DIALABLE = /^\+?[0-9*#]+(?:[,;][0-9*#,;]*)?$/;
/** Formatting people put between the digits. */
const FORMATTING = /[\s().\-/]/g;
/** A Dataverse logical name (`contact`, `new_customer`): it ends up in an `@odata.bind` attribute name. */
const LOGICAL_NAME = /^[a-z][a-z0-9_]{0,63}$/i;
/** A record id (braces already stripped by the decoder): it ends up in an `@odata.bind` path. */
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Options of click-to-act. */
export interface ClickToActOptions {
  /** Enable click-to-act on the provider record at start (setClickToAct(true)). Default true. */
  readonly enable?: boolean;
  /** Called with the call id after a click placed a call. */
  readonly onDial?: (callId: string, payload: CifClickToActPayload) => void;
}

/** Dials clicked numbers. */
export function dialOnClick(
  context: WorkflowContext,
  options: ClickToActOptions = {},
): StopWorkflow {
  const { client, store, phone } = context;
  if (options.enable ?? true) {
    client
      .setClickToAct(true)
      .catch((error: unknown) => report(context, 'click-to-act', null, error));
  }
  try {
    return client.on('onclicktoact', async (payload) => {
      // Only phone fields (the format is absent on some hosts).
      if (payload.format && !/phone/i.test(payload.format)) return;
      await phone.load();
      const number = phone.dialString(payload.value);
      // A field that holds no phone number (text, an address) is reported, never handed to the phone system.
      if (!DIALABLE.test(number.replace(FORMATTING, ''))) {
        report(
          context,
          'click-to-act',
          null,
          new Error('not a phone number'),
          `click-to-act: "${payload.value}" is not a phone number; nothing was dialled`,
        );
        return;
      }
      // The record becomes the activity's regarding (an OData bind): only a real logical name and id.
      const regarding =
        payload.entityId &&
        GUID.test(payload.entityId) &&
        LOGICAL_NAME.test(payload.entityLogicalName)
          ? {
              entityName: payload.entityLogicalName,
              id: payload.entityId.toLowerCase(),
              ...(payload.recordTitle ? { name: payload.recordTitle } : {}),
            }
          : null;
      try {
        const callId = await store.dial(number, {
          regarding,
          displayName: payload.recordTitle ?? null,
          context: { source: 'click-to-act', field: payload.name },
        });
        options.onDial?.(callId, payload);
      } catch (error) {
        // The host gets a settled handler either way; the app hears about the failure.
        report(
          context,
          'click-to-act',
          null,
          error,
          `click-to-act could not dial ${payload.value}: ${messageOf(error)}`,
        );
      }
    });
  } catch (error) {
    report(context, 'click-to-act', null, error);
    return () => undefined;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
