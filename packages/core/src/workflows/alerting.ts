/**
 * Alerting (CIF 2.0): shows the host's incoming-call notification (notifyEvent with a configured
 * template) for each ringing call, and drives the store with the agent's answer. An answer given in the
 * widget withdraws the notification (cancelEvent), so the host and the widget never disagree, and the
 * provider gets exactly one answer: whichever side answers first wins, the other is ignored.
 */
import type { Call } from '../calls/index.js';
import { isCifError } from '../cif/errors.js';
import type { CifNotifyEventResult } from '../cif/types.js';
import {
  afterLookup,
  callerLabel,
  owns,
  report,
  watchCalls,
  type StopWorkflow,
  type WorkflowContext,
} from './shared.js';

/** Options of alerting. */
export interface AlertingOptions {
  /** Unique name of the msdyn_notificationtemplate. */
  readonly templateName: string;
  /**
   * Slug values of the template. Default `{ customerName, phoneNumber, callId }`: the caller's name (or
   * number) and the number formatted internationally.
   */
  readonly parameters?: (
    call: Call,
    defaults: Readonly<Record<string, string>>,
  ) => Record<string, unknown>;
  /** What a display timeout does: `ignore` (default; the call keeps ringing in the widget) or `decline`. */
  readonly onTimeout?: 'ignore' | 'decline';
  /** Wait this long for the caller lookup before notifying, so the toast shows the name (default 1500 ms). */
  readonly matchWaitMs?: number;
  /** Called with every answer from the host (for logging or UI). */
  readonly onAnswer?: (call: Call, answer: CifNotifyEventResult) => void;
}

/** Notifies the host of ringing calls and applies its answers. A no-op on CIF 1.0 hosts. */
export function alertIncomingCalls(
  context: WorkflowContext,
  options: AlertingOptions,
): StopWorkflow {
  const { client, store, phone } = context;
  if (client.version < 2 || !client.capabilities.supports('notifyEvent')) return () => undefined;
  /** Calls with a notification up. */
  const shown = new Set<string>();
  let stopped = false;

  const stopWatching = watchCalls(store, ({ call, previous }) => {
    if (
      !previous &&
      call.state === 'ringing' &&
      call.direction === 'inbound' &&
      call.consultFor === null
    ) {
      void notify(call.id);
    } else if (previous?.state === 'ringing' && call.state !== 'ringing' && shown.has(call.id)) {
      // Answered, declined or missed elsewhere: withdraw the host's notification.
      shown.delete(call.id);
      client.cancelEvent(call.id).catch((error: unknown) => {
        if (!isCifError(error, 'not-found')) report(context, 'alerting', call.id, error);
      });
    }
  });

  async function notify(callId: string): Promise<void> {
    await Promise.resolve(); // let caller matching start first
    const call = await afterLookup(store, callId, options.matchWaitMs ?? 1500);
    if (stopped || call?.state !== 'ringing' || !owns(store)) return;
    const label = callerLabel(call, phone);
    const info = phone.parse(call.remoteE164 ?? call.remoteNumber);
    const defaults = {
      customerName: label,
      phoneNumber: info.e164 ? info.international : call.remoteNumber,
      callId: call.id,
    };
    shown.add(callId);
    let answer: CifNotifyEventResult;
    try {
      answer = await client.notifyEvent({
        templateName: options.templateName,
        templateParameters: options.parameters?.(call, defaults) ?? defaults,
        cancellationToken: callId,
      });
    } catch (error) {
      shown.delete(callId);
      report(
        context,
        'alerting',
        callId,
        error,
        `the host could not show the notification: ${messageOf(error)}`,
      );
      return;
    }
    const wasShown = shown.delete(callId);
    const current = store.getCall(callId);
    if (current) options.onAnswer?.(current, answer);
    // Answered in the widget meanwhile (the notification was cancelled): nothing to do.
    if (
      stopped ||
      !wasShown ||
      current?.state !== 'ringing' ||
      current.pending !== null ||
      !owns(store)
    )
      return;
    let command: Promise<void> | undefined;
    if (answer.accepted) command = store.answer(callId);
    else if (answer.action === 'Reject' && answer.reason === 'DeclinedByAgent')
      command = store.decline(callId);
    else if (answer.action === 'Timeout' && options.onTimeout === 'decline')
      command = store.decline(callId);
    await command?.catch((error: unknown) => report(context, 'alerting', callId, error));
  }

  return () => {
    stopped = true;
    stopWatching();
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
