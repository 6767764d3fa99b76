import type { ToastCall } from './store.js';

/** How a call is answered: plainly, or (call waiting) after holding or ending the current call. */
export type CifAnswerAction = 'answer' | 'hold-and-answer' | 'end-and-answer';

/** How a call is turned down. */
export type CifDeclineAction = 'decline' | 'voicemail';

/** What asked: a button, a keyboard shortcut, or a method call. */
export type CifToastSource = 'button' | 'shortcut' | 'api';

/** Detail of {@link CifAnswerEvent}. */
export interface CifAnswerDetail {
  readonly callId: string;
  /** The call as the toast shows it. */
  readonly call: ToastCall;
  readonly action: CifAnswerAction;
  readonly source: CifToastSource;
}

/**
 * `cif-answer`: the agent answers a ringing call. Cancelable: `preventDefault()` stops the default
 * action, the bound store's `answer(callId)` (after `hangUp(activeCallId)` for `end-and-answer`), or,
 * without a store, closing the toast. Fired once per call, however often the agent clicks.
 */
export class CifAnswerEvent extends CustomEvent<CifAnswerDetail> {
  constructor(detail: CifAnswerDetail) {
    super('cif-answer', { detail, bubbles: true, composed: true, cancelable: true });
  }
}

/** Detail of {@link CifDeclineEvent}. */
export interface CifDeclineDetail {
  readonly callId: string;
  readonly call: ToastCall;
  readonly action: CifDeclineAction;
  readonly source: CifToastSource;
}

/**
 * `cif-decline`: the agent declines a ringing call (or sends it to voicemail). Cancelable:
 * `preventDefault()` stops the default action, the bound store's `decline(callId)` (or
 * `sendToVoicemail(callId)`), or, without a store, closing the toast.
 */
export class CifDeclineEvent extends CustomEvent<CifDeclineDetail> {
  constructor(detail: CifDeclineDetail) {
    super('cif-decline', { detail, bubbles: true, composed: true, cancelable: true });
  }
}

/** Detail of {@link CifTimeoutEvent}. */
export interface CifTimeoutDetail {
  readonly callId: string;
  readonly call: ToastCall;
}

/**
 * `cif-timeout`: the countdown of a ringing call ran out; the toast now shows it as missed (it never
 * disappears silently). Not cancelable; decline the call or send it to voicemail here if the phone
 * system does not do it by itself.
 */
export class CifTimeoutEvent extends CustomEvent<CifTimeoutDetail> {
  constructor(detail: CifTimeoutDetail) {
    super('cif-timeout', { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cif-answer': CifAnswerEvent;
    'cif-decline': CifDeclineEvent;
    'cif-timeout': CifTimeoutEvent;
  }
}
