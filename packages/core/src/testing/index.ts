/**
 * Test doubles for code built on `@cif-elements/core`: a fake `Microsoft.CIFramework` that reproduces the
 * real library's quirks; and hostile text for security tests (`HOSTILE_PAYLOADS`, `findLiveMarkup`,
 * `watchCanary`).
 */
export {
  FakeCIFramework,
  FAKE_CANCELLED_ANSWER,
  FAKE_HOME_SESSION_ID,
  type FakeBehaviour,
  type FakeCall,
  type FakeCifOptions,
  type FakeFailure,
  type FakeFailureShape,
  type FakeHandlerOutcome,
  type FakeNavigation,
  type FakeNotification,
  type FakeNotificationAnswer,
  type FakeQuirks,
  type FakeSession,
  type FakeTab,
} from './FakeCIFramework.js';
export {
  parseQuery,
  parseFilter,
  applyQuery,
  ODataQueryError,
  type FakeRecord,
  type ParsedQuery,
} from './odata-filter.js';
export {
  HOSTILE_CANARY,
  HOSTILE_PAYLOADS,
  findLiveMarkup,
  watchCanary,
  type CanaryWatch,
  type HostilePayload,
  type HostilePayloadCategory,
  type LiveMarkup,
} from './hostile-payloads.js';
