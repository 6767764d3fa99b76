/**
 * The CIF workflows: the bridge between the call store and Dynamics (click-to-act, caller matching,
 * alerting, session and screen pop, activity logging, presence, KPI analytics, locale; the contact card's
 * CRM bridge). Each is opt-in.
 */
export { startCifWorkflows, type CifWorkflows, type CifWorkflowsOptions } from './workflows.js';
export {
  watchCalls,
  sharedEnvironment,
  entitySetOf,
  type CallChange,
  type StopWorkflow,
  type WorkflowContext,
  type WorkflowError,
  type WorkflowName,
} from './shared.js';
export {
  matchCallers,
  findCallers,
  candidateFilter,
  confirmMatches,
  CONTACT_MATCH,
  ACCOUNT_MATCH,
  LEAD_MATCH,
  type CallerMatchOptions,
  type MatchEntity,
} from './caller-match.js';
export { dialOnClick, type ClickToActOptions } from './click-to-act.js';
export { alertIncomingCalls, type AlertingOptions } from './alerting.js';
export {
  openOnAnswer,
  popScreen,
  SESSION_CONTEXT_KEY,
  type AnswerOptions,
  type SessionOptions,
  type ScreenPopOptions,
} from './session.js';
export {
  logActivities,
  phonecallData,
  defaultSubject,
  type ActivityJob,
  type ActivityLog,
  type ActivityOptions,
} from './activity.js';
export { syncPresence, type PresenceOptions } from './presence.js';
export { logKpiEvents, type AnalyticsOptions, type KpiEvent } from './analytics.js';
export { applyUserLocale, type LocaleOptions } from './locale.js';
export {
  createContactCardActions,
  contactFromRecord,
  type ContactCardActionsLike,
  type ContactCardActionsOptions,
  type ContactCardActivityLike,
  type ContactCardCallContextLike,
  type ContactCardContactLike,
  type ContactCardPhoneLike,
} from './contact-card.js';
