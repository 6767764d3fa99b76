/**
 * All CIF workflows in one call, each opt-in: pass the options of the ones you want.
 */
import type { CallStorage } from '../calls/persist.js';
import type { CallStore } from '../calls/index.js';
import type { CifClient } from '../cif/client.js';
import type { PhoneNumbers } from '../phone/numbers.js';
import { logActivities, type ActivityLog, type ActivityOptions } from './activity.js';
import { alertIncomingCalls, type AlertingOptions } from './alerting.js';
import { logKpiEvents, type AnalyticsOptions } from './analytics.js';
import { matchCallers, type CallerMatchOptions } from './caller-match.js';
import { dialOnClick, type ClickToActOptions } from './click-to-act.js';
import { applyUserLocale, type LocaleOptions } from './locale.js';
import { syncPresence, type PresenceOptions } from './presence.js';
import { openOnAnswer, type AnswerOptions } from './session.js';
import { sharedEnvironment, type WorkflowContext, type WorkflowError } from './shared.js';

/** Options of {@link startCifWorkflows}: the context, and one entry per workflow to run. */
export interface CifWorkflowsOptions {
  readonly client: CifClient;
  readonly store: CallStore;
  readonly phone: PhoneNumbers;
  readonly onError?: (error: WorkflowError) => void;
  readonly storage?: CallStorage | null;
  readonly namespace?: string;
  /** Dial clicked phone numbers. */
  readonly clickToAct?: ClickToActOptions | boolean;
  /** Match callers to contacts/accounts (leads optional). */
  readonly callerMatch?: CallerMatchOptions | boolean;
  /** CIF 2.0: the host's incoming-call notification. */
  readonly alerting?: AlertingOptions;
  /** On answer: session (CIF 2.0) or docked panel (CIF 1.0), and the screen pop. */
  readonly onAnswer?: AnswerOptions | boolean;
  /** A phonecall activity per finished call. */
  readonly activity?: ActivityOptions | boolean;
  /** CIF 2.0: presence while on a call. */
  readonly presence?: PresenceOptions;
  /** CIF 2.0: KPI events for hold, unhold and transfer. */
  readonly analytics?: AnalyticsOptions;
  /** The user's language for the components. */
  readonly locale?: LocaleOptions;
}

/** The running workflows. */
export interface CifWorkflows {
  /** The activity queue, when activity logging runs. */
  readonly activities: ActivityLog | null;
  /** Resolves the user's locale tag once applied (undefined when the locale workflow is off). */
  readonly locale: Promise<string | undefined>;
  /** Stops every workflow (the store and the client stay usable). */
  stop(): void;
}

const opts = <T extends object>(value: T | boolean | undefined): T | undefined =>
  value === true ? ({} as T) : value === false || value === undefined ? undefined : value;

/**
 * Starts the chosen workflows over a CIF client, a call store and the phone numbers. Workflows act only
 * in the tab that owns the calls.
 *
 * @example
 * const workflows = startCifWorkflows({
 *   client, store, phone,
 *   clickToAct: true,
 *   callerMatch: { includeLeads: true },
 *   alerting: { templateName: 'contoso_incoming_call' },
 *   onAnswer: { session: { templateName: 'contoso_call_session' } },
 *   activity: true,
 *   presence: { onCall: 'On call' },
 *   locale: { onLocale: (tag) => setLocale(tag) },
 * });
 */
export function startCifWorkflows(options: CifWorkflowsOptions): CifWorkflows {
  const context: WorkflowContext = {
    client: options.client,
    store: options.store,
    phone: options.phone,
    environment: sharedEnvironment(options.client),
    ...(options.onError ? { onError: options.onError } : {}),
    ...(options.storage !== undefined ? { storage: options.storage } : {}),
    ...(options.namespace !== undefined ? { namespace: options.namespace } : {}),
  };
  const stops: (() => void)[] = [];
  // Order matters: matching starts before alerting and the screen pop, which wait for it.
  const match = opts(options.callerMatch);
  if (match) stops.push(matchCallers(context, match));
  const click = opts(options.clickToAct);
  if (click) stops.push(dialOnClick(context, click));
  if (options.alerting) stops.push(alertIncomingCalls(context, options.alerting));
  const answer = opts(options.onAnswer);
  if (answer) stops.push(openOnAnswer(context, answer));
  const activity = opts(options.activity);
  const activities = activity ? logActivities(context, activity) : null;
  if (activities) stops.push(() => activities.stop());
  if (options.presence) stops.push(syncPresence(context, options.presence));
  if (options.analytics) stops.push(logKpiEvents(context, options.analytics));
  const locale = options.locale
    ? applyUserLocale(context, options.locale)
    : Promise.resolve(undefined);
  return {
    activities,
    locale,
    stop: () => {
      for (const stop of stops.splice(0)) stop();
    },
  };
}
