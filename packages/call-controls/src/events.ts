import type { CallControlsRecording } from './store.js';

/** An intent of the call controls: bubbles, composed, cancelable (`preventDefault()` skips the store). */
class CifCallIntentEvent<T> extends CustomEvent<T> {
  constructor(type: string, detail: T) {
    super(type, { detail, bubbles: true, composed: true, cancelable: true });
  }
}

/** Detail of {@link CifMuteChangeEvent}. */
export interface CifMuteChangeDetail {
  /** The call (`undefined` when the controls run from properties without `call-id`). */
  readonly callId: string | undefined;
  /** The state asked for. */
  readonly muted: boolean;
}

/** `cif-mute-change`: mute or unmute was asked for. Default action: the store's `setMuted(callId, muted)`. */
export class CifMuteChangeEvent extends CifCallIntentEvent<CifMuteChangeDetail> {
  constructor(detail: CifMuteChangeDetail) {
    super('cif-mute-change', detail);
  }
}

/** Detail of {@link CifHoldChangeEvent}. */
export interface CifHoldChangeDetail {
  readonly callId: string | undefined;
  readonly held: boolean;
}

/** `cif-hold-change`: hold or resume was asked for. Default action: the store's `setHeld(callId, held)`. */
export class CifHoldChangeEvent extends CifCallIntentEvent<CifHoldChangeDetail> {
  constructor(detail: CifHoldChangeDetail) {
    super('cif-hold-change', detail);
  }
}

/** Detail of {@link CifHangupEvent}. */
export interface CifHangupDetail {
  readonly callId: string | undefined;
}

/** `cif-hangup`: ending the call was asked for. Default action: the store's `hangUp(callId)`. */
export class CifHangupEvent extends CifCallIntentEvent<CifHangupDetail> {
  constructor(detail: CifHangupDetail) {
    super('cif-hangup', detail);
  }
}

/**
 * A transfer step: `blind` (hand over at once), `consult` (call the target first), `swap` (talk to the
 * other party), `merge` (conference), `complete` (hand the caller to the consulted party), `cancel` (hang
 * up the consult call and resume the caller).
 */
export type CifTransferAction = 'blind' | 'consult' | 'swap' | 'merge' | 'complete' | 'cancel';

/** Detail of {@link CifTransferEvent}. */
export interface CifTransferDetail {
  readonly action: CifTransferAction;
  /** The customer's call. */
  readonly callId: string | undefined;
  /** The number or name to transfer to or consult (`blind` and `consult`); the consulted party otherwise. */
  readonly target: string | undefined;
}

/**
 * `cif-transfer`: a transfer step was asked for. Default action: the store's `transfer`, `consult`,
 * `setHeld` (swap), `merge`, `completeTransfer` or `hangUp` (cancel) on the call.
 */
export class CifTransferEvent extends CifCallIntentEvent<CifTransferDetail> {
  constructor(detail: CifTransferDetail) {
    super('cif-transfer', detail);
  }
}

/** Detail of {@link CifRecordChangeEvent}. */
export interface CifRecordChangeDetail {
  readonly callId: string | undefined;
  /** The state asked for: `recording` (start or resume) or `paused`. */
  readonly recording: Exclude<CallControlsRecording, 'off'>;
}

/**
 * `cif-record-change`: recording was asked to start, pause or resume. Default action: the store's
 * `startRecording(callId)` or `pauseRecording(callId)`.
 */
export class CifRecordChangeEvent extends CifCallIntentEvent<CifRecordChangeDetail> {
  constructor(detail: CifRecordChangeDetail) {
    super('cif-record-change', detail);
  }
}

/** Detail of {@link CifWrapUpCompleteEvent}. */
export interface CifWrapUpCompleteDetail {
  readonly callId: string | undefined;
  /** The disposition chosen, `null` when none. */
  readonly disposition: string | null;
  readonly notes: string;
}

/**
 * `cif-wrap-up-complete`: the agent completed after-call work. Default action: the store's
 * `completeWrapUp(callId, { disposition, notes })`; the phone-call activity is written from them.
 */
export class CifWrapUpCompleteEvent extends CifCallIntentEvent<CifWrapUpCompleteDetail> {
  constructor(detail: CifWrapUpCompleteDetail) {
    super('cif-wrap-up-complete', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cif-mute-change': CifMuteChangeEvent;
    'cif-hold-change': CifHoldChangeEvent;
    'cif-hangup': CifHangupEvent;
    'cif-transfer': CifTransferEvent;
    'cif-record-change': CifRecordChangeEvent;
    'cif-wrap-up-complete': CifWrapUpCompleteEvent;
  }
}
