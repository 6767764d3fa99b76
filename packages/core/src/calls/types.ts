/**
 * The call model: plain, serialisable, immutable data. A {@link Call} is what the store holds, persists,
 * shares with other tabs and hands to the UI; nothing in it knows about CIF or a phone system.
 */

/** Who placed the call. */
export type CallDirection = 'inbound' | 'outbound';

/**
 * Where a call is.
 *
 * - `dialing`: outbound, placed, the remote side is not ringing yet.
 * - `alerting`: outbound, the remote side is ringing.
 * - `ringing`: inbound, waiting for the agent to answer or decline (call waiting when another call is
 *   connected).
 * - `connected`: talking. At most one call is connected at a time.
 * - `held`: on hold.
 * - `ended`: over; see {@link Call.endReason}. The call stays in the store until its wrap-up completes.
 */
export type CallState = 'dialing' | 'alerting' | 'ringing' | 'connected' | 'held' | 'ended';

/**
 * Why a call ended.
 *
 * - `hung-up`: the agent hung up. `remote-hung-up`: the other party did.
 * - `declined`: the agent declined an incoming call. `missed`: the caller gave up before an answer.
 * - `no-answer` / `busy`: an outbound call was not answered / the callee was busy.
 * - `transferred`: handed over (blind transfer or completed consult). `merged`: joined into another call.
 * - `answered-elsewhere`: another device or agent took the call.
 * - `failed`: the provider failed to place or keep the call. `lost`: the call was gone after a reload.
 */
export type CallEndReason =
  | 'hung-up'
  | 'remote-hung-up'
  | 'declined'
  | 'missed'
  | 'no-answer'
  | 'busy'
  | 'transferred'
  | 'merged'
  | 'answered-elsewhere'
  | 'failed'
  | 'lost';

/** Recording of a call. */
export type RecordingState = 'off' | 'recording' | 'paused';

/** A record the call relates to (a matched caller, or the record a click-to-act came from). */
export interface CallRecordRef {
  /** Logical name, e.g. `contact`. */
  readonly entityName: string;
  /** Id without braces. */
  readonly id: string;
  /** Primary name, e.g. `Alex Baker`. */
  readonly name?: string;
}

/** A record whose phone number matched the remote number. */
export interface CallMatch extends CallRecordRef {
  /** The attribute that matched, e.g. `mobilephone`. */
  readonly field?: string;
  /** The stored number that matched, as stored. */
  readonly number?: string;
}

/** Where the caller lookup is. */
export type CallLookup = 'idle' | 'pending' | 'done' | 'failed';

/** A transfer in progress or done. */
export interface CallTransfer {
  /** `blind`: handed over at once; `consult`: the agent talks to the target first. */
  readonly mode: 'blind' | 'consult';
  /** The number or address transferred to. */
  readonly target: string;
  /** `consulting`: the consult call is up; `completed`: handed over; `merged`: joined into a conference. */
  readonly status: 'consulting' | 'completed' | 'merged';
  /** For a consult: the id of the consult call. */
  readonly consultCallId?: string;
}

/** Wrap-up: the after-call work, from the end of the call until the agent (or the timer) completes it. */
export interface CallWrapUp {
  /** When wrap-up began (the end of the call). */
  readonly startedAt: number;
  /** When wrap-up completes by itself (`null`: only by `completeWrapUp`). */
  readonly deadline: number | null;
  /** When it completed; the call then leaves `calls` for `history`. */
  readonly completedAt: number | null;
}

/** A command of the store that goes to the provider. */
export type CallCommand =
  | 'dial'
  | 'answer'
  | 'decline'
  | 'hangUp'
  | 'setMuted'
  | 'setHeld'
  | 'sendDigits'
  | 'transfer'
  | 'consult'
  | 'completeTransfer'
  | 'merge'
  | 'startRecording'
  | 'pauseRecording';

/** A call. Every field is plain data; timestamps are milliseconds from the store's clock. */
export interface Call {
  /** Unique id (assigned by the store for outbound calls, by the provider for inbound ones). */
  readonly id: string;
  readonly direction: CallDirection;
  /** The remote number as dialled or presented (`'+1 (619) 555-0129'`). */
  readonly remoteNumber: string;
  /** The remote number in E.164 (`'+16195550129'`), `null` when it cannot be normalised. */
  readonly remoteE164: string | null;
  /** The remote party's display name, when known (from the provider or a matched record). */
  readonly displayName: string | null;
  /** Records whose phone number matches the remote number. */
  readonly matches: readonly CallMatch[];
  /** Where the caller lookup is. */
  readonly lookup: CallLookup;
  /** The record the call is about (a click-to-act record, or the single match). */
  readonly regarding: CallRecordRef | null;
  readonly state: CallState;
  /** Why the call ended; `null` until it has. */
  readonly endReason: CallEndReason | null;
  readonly muted: boolean;
  /** When the call was created (placed or presented). */
  readonly createdAt: number;
  /** When it was first connected; `null` if never. */
  readonly answeredAt: number | null;
  /** Since when it is on hold; `null` unless held. */
  readonly heldSince: number | null;
  /** Hold time of completed hold periods, in ms (add `now - heldSince` while held). */
  readonly totalHoldMs: number;
  /** When it ended; `null` until it has. */
  readonly endedAt: number | null;
  /** DTMF digits sent during the call, in order. */
  readonly dtmf: string;
  /** Digits to send once the outbound call connects (an extension), `null` when none or sent. */
  readonly postDial: string | null;
  readonly recording: RecordingState;
  /** The transfer or consult in progress or done; `null` when none. */
  readonly transfer: CallTransfer | null;
  /** For a consult call: the id of the call it consults for. */
  readonly consultFor: string | null;
  /** Remote numbers merged into this call (a conference). */
  readonly merged: readonly string[];
  /** A disposition code chosen by the agent (during the call or in wrap-up). */
  readonly disposition: string | null;
  /** Notes typed by the agent (during the call or in wrap-up). */
  readonly notes: string;
  /** Wrap-up; `null` until the call ends. */
  readonly wrapUp: CallWrapUp | null;
  /** The command waiting for the provider, if any (show a busy state). */
  readonly pending: CallCommand | null;
  /** App data attached with `annotate` (e.g. the CIF session id); JSON only. */
  readonly context: Readonly<Record<string, CallContextValue>>;
}

/** A JSON value stored in {@link Call.context}. */
export type CallContextValue =
  | string
  | number
  | boolean
  | null
  | readonly CallContextValue[]
  | { readonly [key: string]: CallContextValue };

/**
 * What the provider can do. The store exposes these in its snapshot so the UI shows only what is
 * supported, and rejects a command the provider cannot perform with `unsupported`.
 */
export interface ProviderCapabilities {
  readonly canDial: boolean;
  readonly canAnswer: boolean;
  readonly canDecline: boolean;
  readonly canMute: boolean;
  readonly canHold: boolean;
  readonly canSendDtmf: boolean;
  readonly canTransfer: boolean;
  readonly canConsult: boolean;
  readonly canMerge: boolean;
  readonly canRecord: boolean;
  readonly canPauseRecording: boolean;
}

/** This store's part in cross-tab ownership. */
export type CallStoreRole =
  /** Deciding (waiting for the lock answer); commands wait. */
  | 'connecting'
  /** This instance owns the calls: it talks to the provider and persists. */
  | 'owner'
  /** Another tab owns the calls; this one mirrors them read-only. */
  | 'follower'
  /** Disposed. */
  | 'disposed';

/** The last failure, for display. */
export interface CallStoreError {
  readonly code: string;
  readonly message: string;
  readonly callId: string | null;
  readonly command: CallCommand | 'event' | 'restore' | null;
  readonly at: number;
}

/** An immutable snapshot of the store. A new object on every change; unchanged otherwise. */
export interface CallStoreSnapshot {
  /** Calls not yet finished (including ended calls in wrap-up), oldest first. */
  readonly calls: readonly Call[];
  /**
   * The call the agent is working on: the connected call, else an outbound call being placed, else
   * `null`. Ringing calls are offered, not active; held calls are parked.
   */
  readonly activeCallId: string | null;
  /** Finished calls (wrap-up completed), newest first, bounded by the `historyLimit` option. */
  readonly history: readonly Call[];
  readonly capabilities: ProviderCapabilities;
  readonly role: CallStoreRole;
  /** True when commands are refused: another tab owns the calls, or the store is disposed. */
  readonly readOnly: boolean;
  /** The last failure (a provider failure or a rejected event), `null` when none. */
  readonly lastError: CallStoreError | null;
}
