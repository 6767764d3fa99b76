/**
 * The call store and the telephony-provider port. Framework-agnostic and CIF-agnostic: the store takes a
 * provider and exposes snapshots; the CIF workflows (`../workflows`) bridge it to Dynamics.
 */
export {
  CallStore,
  createCallStore,
  canTransition,
  type CallStoreOptions,
  type CallStoreOwnership,
  type CallStoreWrapUp,
  type CallAnnotation,
  type CallWrapUpDetails,
  type DialOptions,
} from './store.js';
export { CallError, isCallError, type CallErrorCode } from './errors.js';
export {
  NO_CAPABILITIES,
  resolveCapabilities,
  type TelephonyProvider,
  type ProviderEvent,
  type ProviderEventType,
  type ProviderCallInfo,
  type DialRequest,
} from './provider.js';
export { reviveCall, readPersisted, type CallStorage, type PersistedCalls } from './persist.js';
export { claimOwnership, type OwnershipHandlers } from './ownership.js';
export {
  selectActiveCall,
  selectRingingCalls,
  selectHeldCalls,
  selectWrapUpCalls,
  talkTimeMs,
  holdTimeMs,
} from './selectors.js';
export {
  SimulatedProvider,
  SIMULATED_SCENARIOS,
  randomScenario,
  seededRandom,
  type SimulatedProviderOptions,
  type SimulatedAction,
  type SimulatedCall,
  type SimulatedOutbound,
  type SimulatedStep,
  type RandomScenarioOptions,
} from './simulated-provider.js';
export { connectCallSimulator, type CallSimulatorOptions } from './simulator-channel.js';
export type {
  Call,
  CallCommand,
  CallContextValue,
  CallDirection,
  CallEndReason,
  CallLookup,
  CallMatch,
  CallRecordRef,
  CallState,
  CallStoreError,
  CallStoreRole,
  CallStoreSnapshot,
  CallTransfer,
  CallWrapUp,
  ProviderCapabilities,
  RecordingState,
} from './types.js';
