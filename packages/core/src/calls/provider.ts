/**
 * The telephony-provider port: what a vendor implements to connect a phone system (Twilio, Amazon
 * Connect, SIP.js, …) to the call store. The store calls the commands; the provider reports what
 * happens on the line through events. The store assigns the ids of outbound calls (passed to `dial`);
 * the provider assigns the ids of inbound calls (in `incoming`) and uses the same ids in every event.
 */
import type { CallEndReason, CallState, ProviderCapabilities, RecordingState } from './types.js';

/** What {@link TelephonyProvider.dial} receives. */
export interface DialRequest {
  /** The id the store gave the call; use it in every event about this call. */
  readonly callId: string;
  /** The number to dial: E.164 when it could be normalised, otherwise as entered (without post-dial digits). */
  readonly number: string;
  /** The number exactly as the agent entered it. */
  readonly raw: string;
  /** The call this one consults for (a consult leg), when it is one. */
  readonly consultFor?: string;
}

/**
 * An event from the phone system.
 *
 * - `incoming`: a new inbound call rings. `outgoing`: a call was placed outside the store (a desk phone).
 * - `alerting`: the remote side of an outbound call rings.
 * - `connected`: the call is up: answered (on either side) or resumed from hold.
 * - `held`: the call is on hold.
 * - `ended`: the call is over (`reason` defaults from the state: a ringing call is `missed`, …).
 * - `failed`: the call failed; it ends with reason `failed`.
 * - `muted`, `recording`: the provider changed these itself.
 * - `capabilities`: what the provider can do changed (e.g. the SDK finished loading).
 */
export type ProviderEvent =
  | {
      readonly type: 'incoming';
      readonly callId: string;
      readonly number: string;
      readonly displayName?: string;
    }
  | {
      readonly type: 'outgoing';
      readonly callId: string;
      readonly number: string;
      readonly displayName?: string;
    }
  | { readonly type: 'alerting'; readonly callId: string }
  | { readonly type: 'connected'; readonly callId: string }
  | { readonly type: 'held'; readonly callId: string }
  | { readonly type: 'ended'; readonly callId: string; readonly reason?: CallEndReason }
  | { readonly type: 'failed'; readonly callId: string; readonly message?: string }
  | { readonly type: 'muted'; readonly callId: string; readonly muted: boolean }
  | { readonly type: 'recording'; readonly callId: string; readonly recording: RecordingState }
  | { readonly type: 'capabilities'; readonly capabilities: Partial<ProviderCapabilities> };

/** The type of a {@link ProviderEvent}. */
export type ProviderEventType = ProviderEvent['type'];

/** What a provider reports about a live call after a reload ({@link TelephonyProvider.getCalls}). */
export interface ProviderCallInfo {
  readonly callId: string;
  readonly state: Exclude<CallState, 'ended'>;
}

/**
 * A phone system behind the call store. Every command returns a promise that resolves once the phone
 * system has accepted it and rejects when it has not; the store applies the change on resolution (or on
 * the matching event, whichever comes first) and never calls a command twice for one agent action.
 * Commands the capabilities exclude are never called, so they may be left out.
 *
 * @example
 * const provider: TelephonyProvider = {
 *   capabilities: { canDial: true, canAnswer: true, canHold: true },
 *   subscribe(listener) { sdk.on('event', (e) => listener(toProviderEvent(e))); return () => sdk.off('event'); },
 *   dial: ({ callId, number }) => sdk.call(number, { id: callId }),
 *   answer: (callId) => sdk.get(callId).accept(),
 *   hangUp: (callId) => sdk.get(callId).hangup(),
 *   setHeld: (callId, held) => sdk.get(callId).hold(held),
 * };
 */
export interface TelephonyProvider {
  /** What the provider can do; missing flags are false. Update later with a `capabilities` event. */
  readonly capabilities: Partial<ProviderCapabilities>;
  /** Registers the store's listener; returns the function that removes it. */
  subscribe(listener: (event: ProviderEvent) => void): () => void;
  dial?(request: DialRequest): Promise<void>;
  answer?(callId: string): Promise<void>;
  decline?(callId: string): Promise<void>;
  hangUp(callId: string): Promise<void>;
  setMuted?(callId: string, muted: boolean): Promise<void>;
  setHeld?(callId: string, held: boolean): Promise<void>;
  sendDigits?(callId: string, digits: string): Promise<void>;
  /** Blind transfer to `target`. */
  transfer?(callId: string, target: string): Promise<void>;
  /**
   * Holds `callId` and places a consult call to `request.number` with id `request.callId`
   * (`request.consultFor` is `callId`).
   */
  consult?(callId: string, request: DialRequest): Promise<void>;
  /** Joins the held call and its consult call, then drops out (both calls end as `transferred`). */
  completeTransfer?(callId: string, consultCallId: string): Promise<void>;
  /** Merges `otherCallId` into `callId` (a conference); `otherCallId` ends as `merged`. */
  merge?(callId: string, otherCallId: string): Promise<void>;
  startRecording?(callId: string): Promise<void>;
  pauseRecording?(callId: string): Promise<void>;
  /**
   * The live calls the phone system knows, asked once after the store restores calls from storage.
   * Restored calls it does not list end as `lost`. Leave out when the provider cannot tell; restored
   * calls are then kept until events say otherwise.
   */
  getCalls?(): Promise<readonly ProviderCallInfo[]>;
}

/** Capabilities with every flag false. */
export const NO_CAPABILITIES: ProviderCapabilities = Object.freeze({
  canDial: false,
  canAnswer: false,
  canDecline: false,
  canMute: false,
  canHold: false,
  canSendDtmf: false,
  canTransfer: false,
  canConsult: false,
  canMerge: false,
  canRecord: false,
  canPauseRecording: false,
});

/** Fills missing flags with false and drops flags whose command the provider does not implement. */
export function resolveCapabilities(
  flags: Partial<ProviderCapabilities>,
  provider?: Partial<TelephonyProvider>,
): ProviderCapabilities {
  const has = (name: keyof TelephonyProvider) => !provider || typeof provider[name] === 'function';
  const flag = (key: keyof ProviderCapabilities, ...methods: (keyof TelephonyProvider)[]) =>
    flags[key] === true && methods.every(has);
  return Object.freeze({
    canDial: flag('canDial', 'dial'),
    canAnswer: flag('canAnswer', 'answer'),
    canDecline: flag('canDecline', 'decline'),
    canMute: flag('canMute', 'setMuted'),
    canHold: flag('canHold', 'setHeld'),
    canSendDtmf: flag('canSendDtmf', 'sendDigits'),
    canTransfer: flag('canTransfer', 'transfer'),
    canConsult: flag('canConsult', 'consult', 'completeTransfer'),
    canMerge: flag('canMerge', 'merge'),
    canRecord: flag('canRecord', 'startRecording'),
    canPauseRecording: flag('canPauseRecording', 'pauseRecording'),
  });
}
