/**
 * @cif-elements/emulator — a simulated Dynamics 365 host and a drop-in msdyn_ciLibrary.js.
 *
 * This entry is browser-safe and side-effect free: the call simulator's channel protocol (for simulated
 * telephony providers), the configuration types and normaliser, and the wire constants. The host page is
 * at `@cif-elements/emulator/host`, the in-memory Dataverse at `@cif-elements/emulator/dataverse`, the
 * Node server, middleware and Vite plugin at `@cif-elements/emulator/server`, the CLI is `cif-emulator`.
 */
export {
  CALL_CHANNEL_VERSION,
  CALL_COMMAND,
  CALL_HELLO,
  CALL_READY,
  CALL_STATE,
  isCallCommandMessage,
  isCallHelloMessage,
  isCallReadyMessage,
  isCallStateMessage,
  type CallAction,
  type CallChannelMessage,
  type CallCommandMessage,
  type CallHelloMessage,
  type CallReadyMessage,
  type CallState,
  type CallStateMessage,
  type SimulatedCall,
} from './call-channel.js';
export {
  ConfigError,
  normalizeConfig,
  parseConfigText,
  type NormalizedConfig,
} from './config/normalize.js';
export { defaultConfig } from './config/defaults.js';
export type {
  ApiVersion,
  EmulatorConfig,
  ErrorShape,
  FaultRule,
  FaultsConfig,
  NotificationTemplate,
  PanelMode,
  Presence,
  QuirksConfig,
  ResolvedConfig,
  SessionTemplate,
  TabTemplate,
  TabType,
} from './config/types.js';
export { DEFAULT_API_TIMEOUT, EventName, MessageType, Text as CifTexts } from './library/wire.js';
export type { CIFEventHandler, CIFrameworkLibrary } from './library/createCIFramework.js';
