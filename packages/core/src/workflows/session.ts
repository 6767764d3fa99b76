/**
 * On answer: a CIF 2.0 session per call (createSession with a configured template, title and context) or,
 * on CIF 1.0, the docked panel; then the screen pop: one match opens the record, several open the search
 * page, none opens a create form prefilled with the number.
 */
import type { Call, CallMatch } from '../calls/index.js';
import type { CifEntityFormOptions, CifTemplateInput } from '../cif/types.js';
import {
  afterLookup,
  callerLabel,
  owns,
  report,
  watchCalls,
  type StopWorkflow,
  type WorkflowContext,
} from './shared.js';

/** Options of the CIF 2.0 session per call. */
export interface SessionOptions {
  /** Unique name of the (Generic) session template. */
  readonly templateName: string;
  /**
   * Template parameters: the slug values of the template's title and tabs. Default
   * `{ customerName, phoneNumber, callId }`, plus the single match as `entityName` and `entityId`.
   */
  readonly parameters?: (
    call: Call,
    defaults: Readonly<Record<string, string>>,
  ) => Record<string, unknown>;
  /** The session context (read by other apps on the session). Default: the same values as the parameters. */
  readonly context?: (
    call: Call,
    defaults: Readonly<Record<string, string>>,
  ) => Record<string, unknown>;
}

/** What the screen pop does. */
export interface ScreenPopOptions {
  /** One match: open its form (default) or nothing. */
  readonly single?: 'open' | 'none';
  /**
   * Several matches: open the search page (default; for the entity with most matches, searching the
   * number as those records store it) or nothing.
   */
  readonly multiple?: 'search' | 'none';
  /** No match: open a create form prefilled with the number (default), the search page, or nothing. */
  readonly none?: 'create' | 'search' | 'none';
  /** Entity of the create form (default `contact`). */
  readonly createEntity?: string;
  /** Attribute the number is prefilled in (default `telephone1`). */
  readonly numberField?: string;
  /** Use the quick create form. */
  readonly useQuickCreateForm?: boolean;
  /** Extra form parameters of the create form. */
  readonly createParameters?: (call: Call) => Record<string, unknown>;
  /** Entity searched for `none: 'search'` (default `contact`). */
  readonly searchEntity?: string;
}

/** Options of {@link openOnAnswer}. */
export interface AnswerOptions {
  /** CIF 2.0: a session per answered call (skipped when absent or on CIF 1.0). */
  readonly session?: SessionOptions;
  /** CIF 1.0 (and 2.0 without a session): dock the panel on answer (default true). */
  readonly dockPanel?: boolean;
  /** Screen pop options; `false` disables it. */
  readonly screenPop?: ScreenPopOptions | false;
  /** Which calls (default inbound only). */
  readonly directions?: readonly Call['direction'][];
  /** Wait this long for the caller lookup before the screen pop (default 3000 ms). */
  readonly matchWaitMs?: number;
}

/** The key under which the CIF session id is kept in the call's context. */
export const SESSION_CONTEXT_KEY = 'cifSessionId';

/**
 * Opens a session and pops the screen when a call is answered (the first time it connects, whether
 * answered in the widget, in the host's notification, or on another device).
 */
export function openOnAnswer(context: WorkflowContext, options: AnswerOptions = {}): StopWorkflow {
  const { store } = context;
  const directions = options.directions ?? ['inbound'];
  let stopped = false;
  const stop = watchCalls(store, ({ call, previous }) => {
    const answered =
      call.answeredAt !== null && (previous === undefined || previous.answeredAt === null);
    if (!answered || call.consultFor !== null || !directions.includes(call.direction)) return;
    void onAnswer(call.id);
  });

  async function onAnswer(callId: string): Promise<void> {
    const call = await afterLookup(store, callId, options.matchWaitMs ?? 3000);
    if (stopped || !call || !owns(store)) return;
    await openSession(context, call, options);
    if (options.screenPop !== false) await popScreen(context, call, options.screenPop ?? {});
  }

  return () => {
    stopped = true;
    stop();
  };
}

async function openSession(
  context: WorkflowContext,
  call: Call,
  options: AnswerOptions,
): Promise<void> {
  const { client, store, phone } = context;
  if (options.session && client.version >= 2) {
    try {
      if (!(await client.canCreateSession())) {
        report(
          context,
          'session',
          call.id,
          new Error('no more sessions can be opened (at most 10)'),
        );
        return;
      }
      const single = call.matches.length === 1 ? call.matches[0] : undefined;
      const info = phone.parse(call.remoteE164 ?? call.remoteNumber);
      const defaults: Record<string, string> = {
        customerName: callerLabel(call, phone),
        phoneNumber: info.e164 ? info.international : call.remoteNumber,
        callId: call.id,
        ...(single ? { entityName: single.entityName, entityId: single.id } : {}),
      };
      // The library sends `context` as the session context next to the template parameters.
      const input: CifTemplateInput & { readonly context: Record<string, unknown> } = {
        templateName: options.session.templateName,
        templateParameters: options.session.parameters?.(call, defaults) ?? defaults,
        context: options.session.context?.(call, defaults) ?? defaults,
      };
      const sessionId = await client.createSession(input);
      let conversationId: string | undefined;
      try {
        conversationId = (await client.getSession(sessionId)).conversationId;
      } catch (error) {
        report(context, 'session', call.id, error);
      }
      if (store.getCall(call.id)) {
        await store.annotate(call.id, {
          context: {
            [SESSION_CONTEXT_KEY]: sessionId,
            ...(conversationId ? { conversationId } : {}),
          },
        });
      }
    } catch (error) {
      report(context, 'session', call.id, error);
    }
    return;
  }
  if (options.dockPanel ?? true) {
    try {
      await client.setMode(1);
    } catch (error) {
      report(context, 'session', call.id, error);
    }
  }
}

/** Entity with the most matches (ties: the first listed). */
function mainEntity(matches: readonly CallMatch[]): string {
  const counts = new Map<string, number>();
  for (const match of matches)
    counts.set(match.entityName, (counts.get(match.entityName) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'contact';
}

/** The screen pop for a call, from its matches. Failures are reported, never thrown. */
export async function popScreen(
  context: WorkflowContext,
  call: Call,
  options: ScreenPopOptions = {},
): Promise<void> {
  const { client, phone } = context;
  const matches = call.matches;
  const number = call.remoteE164 ?? call.remoteNumber;
  try {
    const only = matches.length === 1 ? matches[0] : undefined;
    if (only) {
      if ((options.single ?? 'open') === 'open') {
        await client.openForm({ entityName: only.entityName, entityId: only.id });
      }
    } else if (matches.length > 1) {
      if ((options.multiple ?? 'search') === 'search') {
        // The number as the matched records store it finds them all in the search page.
        const entityName = mainEntity(matches);
        const stored = matches.find((m) => m.entityName === entityName)?.number;
        await client.renderSearchPage(entityName, stored ?? number);
      }
    } else if ((options.none ?? 'create') === 'create') {
      const form: CifEntityFormOptions = {
        entityName: options.createEntity ?? 'contact',
        ...(options.useQuickCreateForm ? { useQuickCreateForm: true } : {}),
      };
      const info = phone.parse(number);
      await client.openForm(form, {
        [options.numberField ?? 'telephone1']: info.e164 ? info.international : call.remoteNumber,
        ...options.createParameters?.(call),
      });
    } else if (options.none === 'search') {
      await client.renderSearchPage(options.searchEntity ?? 'contact', number);
    }
  } catch (error) {
    report(context, 'screen-pop', call.id, error);
  }
}
