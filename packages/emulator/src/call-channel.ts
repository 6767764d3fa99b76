/**
 * The call simulator's channel: how the emulator host drives a simulated telephony provider inside the
 * widget, so that a widget under test receives calls without a phone system.
 *
 * Transport: `window.postMessage` between the host page and the widget iframe (it works across origins,
 * unlike BroadcastChannel). The host posts to the widget frame with the widget's origin as target; the
 * widget answers to `event.source` with `event.origin` as target. The host accepts channel messages only
 * from the widget's trusted origin, and the widget should accept them only from the host it learned from
 * the first `cif-emulator:call-hello` (or from the CRM origin it gave msdyn_ciLibrary.js).
 *
 * Host → widget:
 * - `{ type: 'cif-emulator:call-hello', version: 1 }` when the widget frame loads and when the simulator
 *   opens: answer with `cif-emulator:call-ready`.
 * - `{ type: 'cif-emulator:call', version: 1, action, call }` with `action`:
 *   `ring` (an inbound call from `call.from`), `answer` (the remote party answered the outbound call
 *   `call.id`), `hangup` (the remote party hung up), `hold` / `resume` (the remote party held or resumed).
 *
 * Widget → host:
 * - `{ type: 'cif-emulator:call-ready', version: 1, provider? }`: a simulated provider listens.
 * - `{ type: 'cif-emulator:call-state', version: 1, call, state, reason? }` whenever a call changes, for
 *   calls the host started (`ringing` after `ring`) and calls the agent started (`dialing` with `call.to`),
 *   so the simulator can show them and offer "remote answers" or "remote hangs up".
 *
 * Messages carry no functions or DOM nodes (structured-clone safe); unknown fields must be ignored and a
 * `version` other than 1 refused, so the protocol can grow.
 */

/** Message type of host → widget commands. */
export const CALL_COMMAND = 'cif-emulator:call';
/** Message type of widget → host call updates. */
export const CALL_STATE = 'cif-emulator:call-state';
/** Message type of the widget's announcement. */
export const CALL_READY = 'cif-emulator:call-ready';
/** Message type of the host's greeting. */
export const CALL_HELLO = 'cif-emulator:call-hello';
/** Protocol version. */
export const CALL_CHANNEL_VERSION = 1;

/** A call as the channel describes it. */
export interface SimulatedCall {
  /** Unique per call; the host makes ids for calls it rings, the widget for calls it dials. */
  id: string;
  /** Caller number (inbound) as the caller's network presents it, e.g. `+44 20 7946 0958`. */
  from?: string;
  /** Called number (outbound). */
  to?: string;
  /** Caller name if the network presents one (CNAM). */
  displayName?: string;
  /** For test convenience: the Dataverse contact the host picked the number from. */
  contactId?: string;
  /** `inbound` or `outbound` (in state updates). */
  direction?: 'inbound' | 'outbound';
}

/** What the remote party (the simulator) does. */
export type CallAction = 'ring' | 'answer' | 'hangup' | 'hold' | 'resume';

/** The state of a call in the widget. */
export type CallState = 'ringing' | 'dialing' | 'connected' | 'held' | 'ended';

/** Host → widget: the simulator greets a provider. */
export interface CallHelloMessage {
  type: typeof CALL_HELLO;
  version: typeof CALL_CHANNEL_VERSION;
}

/** Host → widget: the remote party acts. */
export interface CallCommandMessage {
  type: typeof CALL_COMMAND;
  version: typeof CALL_CHANNEL_VERSION;
  action: CallAction;
  call: SimulatedCall;
}

/** Widget → host: a simulated provider listens. */
export interface CallReadyMessage {
  type: typeof CALL_READY;
  version: typeof CALL_CHANNEL_VERSION;
  /** A name for the provider, shown by the simulator. */
  provider?: string;
}

/** Widget → host: a call changed. */
export interface CallStateMessage {
  type: typeof CALL_STATE;
  version: typeof CALL_CHANNEL_VERSION;
  call: SimulatedCall;
  state: CallState;
  /** Why a call ended or was refused, e.g. `local-hangup`, `remote-hangup`, `declined`, `busy`. */
  reason?: string;
}

/** Any message of the channel. */
export type CallChannelMessage =
  CallHelloMessage | CallCommandMessage | CallReadyMessage | CallStateMessage;

const ACTIONS: readonly string[] = ['ring', 'answer', 'hangup', 'hold', 'resume'];
const STATES: readonly string[] = ['ringing', 'dialing', 'connected', 'held', 'ended'];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isCall(value: unknown): value is SimulatedCall {
  if (!isObject(value) || typeof value.id !== 'string' || !value.id || value.id.length > 200)
    return false;
  for (const key of ['from', 'to', 'displayName', 'contactId'] as const) {
    if (value[key] !== undefined && typeof value[key] !== 'string') return false;
  }
  return (
    value.direction === undefined || value.direction === 'inbound' || value.direction === 'outbound'
  );
}

/** True for a well-formed host → widget greeting. */
export function isCallHelloMessage(data: unknown): data is CallHelloMessage {
  return isObject(data) && data.type === CALL_HELLO && data.version === CALL_CHANNEL_VERSION;
}

/** True for a well-formed host → widget command. */
export function isCallCommandMessage(data: unknown): data is CallCommandMessage {
  return (
    isObject(data) &&
    data.type === CALL_COMMAND &&
    data.version === CALL_CHANNEL_VERSION &&
    typeof data.action === 'string' &&
    ACTIONS.includes(data.action) &&
    isCall(data.call)
  );
}

/** True for a well-formed widget → host announcement. */
export function isCallReadyMessage(data: unknown): data is CallReadyMessage {
  return (
    isObject(data) &&
    data.type === CALL_READY &&
    data.version === CALL_CHANNEL_VERSION &&
    (data.provider === undefined || typeof data.provider === 'string')
  );
}

/** True for a well-formed widget → host call update. */
export function isCallStateMessage(data: unknown): data is CallStateMessage {
  return (
    isObject(data) &&
    data.type === CALL_STATE &&
    data.version === CALL_CHANNEL_VERSION &&
    typeof data.state === 'string' &&
    STATES.includes(data.state) &&
    isCall(data.call) &&
    (data.reason === undefined || typeof data.reason === 'string')
  );
}
