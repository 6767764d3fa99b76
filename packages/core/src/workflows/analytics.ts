/**
 * KPI analytics (CIF 2.0, opt-in): logAnalyticsEvent for hold, unhold and transfer, so supervisors see
 * them in the Omnichannel analytics.
 */
import type { Call } from '../calls/index.js';
import type { CifAnalyticsData } from '../cif/types.js';
import { SESSION_CONTEXT_KEY } from './session.js';
import { report, watchCalls, type StopWorkflow, type WorkflowContext } from './shared.js';

/** The KPI events logged. */
export type KpiEvent = 'hold' | 'unhold' | 'transfer';

/** Options of analytics. */
export interface AnalyticsOptions {
  /** Must be true (analytics also needs `enableanalytics` on the channel provider). */
  readonly enabled: boolean;
  /** KPI event names (defaults `Hold`, `Unhold`, `Transfer`). */
  readonly eventNames?: Readonly<Partial<Record<KpiEvent, string>>>;
  /**
   * The conversation and provider session of a call. Defaults: the call's context `conversationId`
   * (else the call id) and the CIF session id (else the call id).
   */
  readonly data?: (
    call: Call,
  ) => Partial<
    Pick<
      CifAnalyticsData,
      'conversationId' | 'providerSessionId' | 'clientSessionId' | 'participantId'
    >
  >;
}

const NAMES: Readonly<Record<KpiEvent, string>> = {
  hold: 'Hold',
  unhold: 'Unhold',
  transfer: 'Transfer',
};

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Logs hold, unhold and transfer as KPI events. A no-op unless enabled, and on CIF 1.0 hosts. */
export function logKpiEvents(context: WorkflowContext, options: AnalyticsOptions): StopWorkflow {
  const { client, store } = context;
  if (
    !options.enabled ||
    client.version < 2 ||
    !client.capabilities.supports('logAnalyticsEvent')
  ) {
    return () => undefined;
  }
  const log = (call: Call, kind: KpiEvent) => {
    const name = options.eventNames?.[kind] ?? NAMES[kind];
    const data: CifAnalyticsData = {
      conversationId: text(call.context.conversationId) ?? call.id,
      providerSessionId: text(call.context[SESSION_CONTEXT_KEY]) ?? call.id,
      ...options.data?.(call),
      events: [
        {
          kpiEventName: name,
          kpiEventReason: kind === 'transfer' ? (call.transfer?.mode ?? 'blind') : name,
          eventTimestamp: new Date().toISOString(),
          externalCorrelationId: call.id,
        },
      ],
    };
    client
      .logAnalyticsEvent(data, name)
      .catch((error: unknown) => report(context, 'analytics', call.id, error));
  };
  return watchCalls(store, ({ call, previous }) => {
    if (!previous) return;
    if (previous.state === 'connected' && call.state === 'held') log(call, 'hold');
    if (previous.state === 'held' && call.state === 'connected') log(call, 'unhold');
    if (
      call.endReason === 'transferred' &&
      previous.endReason !== 'transferred' &&
      call.consultFor === null
    ) {
      log(call, 'transfer');
    }
  });
}
