/**
 * The call controls' binding to a call store, as a small structural interface: core's call store
 * satisfies it, and so does a vendor's own store. The element knows nothing else about calls.
 */

/** The controls of the toolbar. */
export type CallControl = 'mute' | 'hold' | 'keypad' | 'transfer' | 'record' | 'end';

/** Where the call is, as the controls see it. `wrap-up`: the call ended and after-call work is open. */
export type CallControlsState = 'idle' | 'dialing' | 'alerting' | 'connected' | 'held' | 'wrap-up';

/** Recording of the call. */
export type CallControlsRecording = 'off' | 'recording' | 'paused';

/** Call quality. */
export type CallControlsQuality = 'good' | 'fair' | 'poor';

/** What the phone system can do; a control shows only when its flag is true. */
export interface CallControlsCapabilities {
  readonly canMute: boolean;
  readonly canHold: boolean;
  readonly canSendDtmf: boolean;
  readonly canTransfer: boolean;
  readonly canConsult: boolean;
  readonly canMerge: boolean;
  readonly canRecord: boolean;
  readonly canPauseRecording: boolean;
}

/** Disposition and notes of wrap-up, passed to `completeWrapUp` (and to `updateWrapUp` as they change). */
export interface CallControlsWrapUp {
  readonly disposition: string | null;
  readonly notes: string;
}

/**
 * A call store the controls can bind to. Only `getSnapshot` and `subscribe` are required; each command is
 * the default action of an intent event, called when the store has it and the event was not prevented.
 */
export interface CallControlsStore {
  getSnapshot(): unknown;
  subscribe(listener: () => void): () => void;
  setMuted?(callId: string, muted: boolean): Promise<unknown>;
  setHeld?(callId: string, held: boolean): Promise<unknown>;
  hangUp?(callId: string): Promise<unknown>;
  sendDigits?(callId: string, digits: string): Promise<unknown>;
  transfer?(callId: string, target: string): Promise<unknown>;
  consult?(callId: string, target: string): Promise<unknown>;
  completeTransfer?(callId: string): Promise<unknown>;
  merge?(callId: string): Promise<unknown>;
  startRecording?(callId: string): Promise<unknown>;
  pauseRecording?(callId: string): Promise<unknown>;
  updateWrapUp?(callId: string, details: CallControlsWrapUp): Promise<unknown>;
  completeWrapUp?(callId: string, details: CallControlsWrapUp): Promise<unknown>;
}

/** What the controls read from a store snapshot (or, without a store, from their properties). */
export interface CallControlsCallState {
  readonly state: CallControlsState;
  /** The call the agent talks to: mute, hold, keypad and end act on it (the consult call while consulting). */
  readonly callId?: string | undefined;
  /** The customer's call: record, transfer, merge, complete and wrap-up act on it. Defaults to `callId`. */
  readonly primaryId?: string | undefined;
  readonly muted?: boolean | undefined;
  readonly recording?: CallControlsRecording | undefined;
  /** When the call was answered (ms); the call timer counts from it. */
  readonly callStart?: number | undefined;
  /** Since when the customer is on hold (ms); the hold timer counts from it. */
  readonly holdStart?: number | undefined;
  /** When wrap-up began (ms). */
  readonly wrapUpStart?: number | undefined;
  /** When wrap-up completes by itself (ms); the wrap-up timer counts down to it. */
  readonly wrapUpDeadline?: number | undefined;
  /** The number or name consulted, while a consult is in progress. */
  readonly consultTarget?: string | undefined;
  /** The consult call's id (hung up by Cancel consult). */
  readonly consultId?: string | undefined;
  /** Other parties were merged into the call. */
  readonly conference?: boolean | undefined;
  /** The control whose command is waiting for the phone system. */
  readonly pending?: CallControl | undefined;
  readonly quality?: CallControlsQuality | undefined;
  /** Mean opinion score, 1 to 5. */
  readonly mos?: number | undefined;
  readonly disposition?: string | undefined;
  readonly notes?: string | undefined;
  /** What the phone system can do (missing: everything). */
  readonly capabilities?: Partial<CallControlsCapabilities> | undefined;
  /** Commands are refused (another tab owns the calls). */
  readonly readOnly?: boolean | undefined;
  /** The customer's call that ended last (in wrap-up, or finished): the controls announce its end. */
  readonly endedId?: string | undefined;
  /**
   * Set when that call ended by a transfer (blind or consult): where it went, or `''` when the snapshot
   * does not say (yet).
   */
  readonly transferredTo?: string | undefined;
}

/** Maps a store snapshot to what the controls need. Set `storeSelector` when the default does not fit. */
export type CallControlsStateSelector = (snapshot: unknown) => CallControlsCallState;

type Bag = Record<string, unknown>;
const isBag = (value: unknown): value is Bag => typeof value === 'object' && value !== null;
const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
const time = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;
const LIVE = ['connected', 'dialing', 'alerting', 'held'];
const PENDING: Record<string, CallControl> = {
  setMuted: 'mute',
  setHeld: 'hold',
  hangUp: 'end',
  transfer: 'transfer',
  consult: 'transfer',
  completeTransfer: 'transfer',
  merge: 'transfer',
  startRecording: 'record',
  pauseRecording: 'record',
};

/**
 * The default selector, for core's call store (`{ calls, capabilities, readOnly }` with core's `Call`
 * records). The customer's call is the live call that is not a consult leg (the one consulting first,
 * then connected, then being placed, then held); while it consults, the agent talks to whichever of the
 * two is connected. With no live call, an ended call whose wrap-up is open is in wrap-up. Ringing calls
 * are the incoming-call toast's. Quality comes from the call's `context.quality` and `context.mos`
 * (set them with core's `annotate`). Anything else reads as idle.
 */
export const readCallControlsState: CallControlsStateSelector = (snapshot) => {
  const bag = isBag(snapshot) ? snapshot : {};
  const calls = (Array.isArray(bag.calls) ? (bag.calls as unknown[]) : []).filter(isBag);
  const common = {
    capabilities: isBag(bag.capabilities) ? bag.capabilities : undefined,
    readOnly: bag.readOnly === true,
  };
  const own = calls.filter((c) => c.consultFor == null);
  const rank = (c: Bag) =>
    isBag(c.transfer) && c.transfer.status === 'consulting'
      ? -1
      : LIVE.indexOf(text(c.state) ?? '');
  const primary =
    own.filter((c) => LIVE.includes(text(c.state) ?? '')).sort((a, b) => rank(a) - rank(b))[0] ??
    own.find((c) => c.state === 'ended' && isBag(c.wrapUp) && c.wrapUp.completedAt == null);
  // The customer's call that ended last, in wrap-up or finished: its end is news (and a transfer is
  // told from a hang-up), also when another call stays on hold.
  const history = Array.isArray(bag.history) ? (bag.history as unknown[]) : [];
  const ended = [...calls, ...history.filter(isBag)]
    .filter((c) => c.state === 'ended' && c.consultFor == null)
    .sort((a, b) => (time(b.endedAt) ?? 0) - (time(a.endedAt) ?? 0))[0];
  const last = ended ? endOf(ended) : {};
  if (!primary) return { state: 'idle', ...common, ...last };
  const transfer = isBag(primary.transfer) ? primary.transfer : {};
  const consulting = transfer.status === 'consulting';
  const leg = consulting ? calls.find((c) => c.id === transfer.consultCallId) : undefined;
  const focus = leg && primary.state !== 'connected' ? leg : primary;
  const context = isBag(primary.context) ? primary.context : {};
  const wrapUp = isBag(primary.wrapUp) ? primary.wrapUp : {};
  const over = primary.state === 'ended';
  const held = primary.state === 'held' ? primary : focus;
  return {
    ...common,
    state: over ? 'wrap-up' : (text(focus.state) as CallControlsState),
    callId: text(focus.id),
    primaryId: text(primary.id),
    muted: focus.muted === true,
    recording: text(primary.recording) as CallControlsRecording | undefined,
    callStart: time(primary.answeredAt),
    holdStart: time(held.heldSince),
    wrapUpStart: over ? time(wrapUp.startedAt) : undefined,
    wrapUpDeadline: over ? time(wrapUp.deadline) : undefined,
    consultTarget: consulting ? text(transfer.target) : undefined,
    consultId: text(leg?.id),
    conference: Array.isArray(primary.merged) && primary.merged.length > 0,
    pending: PENDING[text(focus.pending) ?? text(primary.pending) ?? ''],
    quality: text(context.quality) as CallControlsQuality | undefined,
    mos: time(context.mos),
    disposition: text(primary.disposition),
    notes: text(primary.notes),
    ...last,
  };
};

/** How an ended call ended, as far as the controls announce it. */
function endOf(call: Bag): Pick<CallControlsCallState, 'endedId' | 'transferredTo'> {
  const transfer = isBag(call.transfer) ? call.transfer : {};
  const transferred = call.endReason === 'transferred' || transfer.status === 'completed';
  const endedId = text(call.id);
  return transferred ? { endedId, transferredTo: text(transfer.target) ?? '' } : { endedId };
}
