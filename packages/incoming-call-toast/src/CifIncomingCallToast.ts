import { CifViewElement, type CifTranslation, type ViewAccess } from '@cif-elements/base';
import type { CSSResult } from 'lit';
import { DEFAULT_TIMEOUT, DEFAULT_VOLUME } from './defaults.js';
import type { CifAnswerAction, CifDeclineAction } from './events.js';
import type { ToastCall, ToastStateSelector, ToastStore } from './store.js';
import type { ToastView } from './toast-view.js';
import { loadToastView } from './view-loader.js';

/** Where the toast sits: in the flow of a panel, or fixed over the page at the top or the bottom. */
export type ToastPlacement = 'inline' | 'top' | 'bottom';

/** How a ring was resolved from outside (see `resolve()`). */
export type ToastOutcome = 'answered' | 'declined' | 'missed' | 'ended';

/**
 * Rings the agent: a toast per incoming call with the caller (number, matched name, avatar or initials,
 * company, several-matches indicator), context fields, a countdown, Answer and Decline (and, where the
 * phone system allows, voicemail, hold & answer, end & answer), a ringtone, and a missed-call state when
 * the countdown runs out — it never disappears silently. Several calls stack, newest first; while the
 * agent is on a call they show in a compact call-waiting style with a quieter tone.
 *
 * It renders from its own attributes (one call) or `calls` (several); bind `.store` to a call store
 * (core's, or any object with `getSnapshot`/`subscribe`) and it shows the store's ringing calls by itself,
 * answers and declines through it, and closes when a call stops ringing for any reason (answered in the
 * Dynamics notification, by another device, or the caller hung up — that one shows as missed).
 *
 * **Accessibility.** A new call is announced through the kit's shared assertive live region ("Incoming
 * call from Jane Doe, Contoso"); focus is never moved, so an agent typing a note keeps typing. Buttons
 * are named with the caller. Shortcuts work wherever focus is in the widget: Alt+Shift+Y answers and
 * Alt+Shift+N declines the newest ringing call (`answer-shortcut`, `decline-shortcut`; empty disables).
 *
 * **Loading.** The define module holds only what the first (empty) paint needs; the toasts, countdown,
 * ringtone and shortcuts load with `import()` as soon as the element is connected, before a call can
 * ring. `updateComplete` waits for them.
 *
 * @customElement cif-incoming-call-toast
 * @summary An incoming-call toast with countdown, ringtone, call waiting and keyboard shortcuts.
 *
 * @slot context - Extra context for the newest ringing call (a case number, a VIP badge).
 *
 * @csspart base - The region holding the toasts.
 * @csspart toast - Each call's toast (also `toast-ringing` or `toast-missed`).
 * @csspart avatar - The caller's picture or initials.
 * @csspart eyebrow - "Incoming call", "Call waiting" or "Missed call".
 * @csspart name - The caller's name (or number).
 * @csspart number - The caller's number, under a known name.
 * @csspart company - The caller's company.
 * @csspart matches - The several-matches indicator.
 * @csspart fields - The context fields (a description list).
 * @csspart countdown - The remaining time: a bar and the seconds left.
 * @csspart progress - The countdown's bar.
 * @csspart time - When a missed call was missed.
 * @csspart error - Why answering or declining failed.
 * @csspart actions - The row of buttons.
 * @csspart answer-button - The answer button.
 * @csspart decline-button - The decline button.
 * @csspart extra-button - Voicemail, hold & answer, end & answer.
 * @csspart dismiss-button - A missed call's dismiss button.
 * @csspart enable-sound - The button offered when the browser blocked the ringtone.
 * @csspart more - The "+N more" button past `max-visible`.
 *
 * @cssprop [--cif-incoming-call-toast-background=var(--cif-color-surface)] - Toast background.
 * @cssprop [--cif-incoming-call-toast-color=var(--cif-color-on-surface)] - Toast text.
 * @cssprop [--cif-incoming-call-toast-border-color=var(--cif-color-border)] - Toast border.
 * @cssprop [--cif-incoming-call-toast-radius=var(--cif-radius-lg)] - Toast corner radius.
 * @cssprop [--cif-incoming-call-toast-shadow=var(--cif-shadow-lg)] - Toast shadow (overlay placements).
 * @cssprop [--cif-incoming-call-toast-width=24rem] - Maximum width.
 * @cssprop [--cif-incoming-call-toast-offset=var(--cif-space-3)] - Distance from the viewport edge (overlay).
 * @cssprop [--cif-incoming-call-toast-z-index=1000] - Stacking order (overlay).
 * @cssprop [--cif-incoming-call-toast-avatar-size=48px] - Avatar size (32px in call waiting).
 * @cssprop [--cif-incoming-call-toast-answer-background=var(--cif-color-success)] - Answer button.
 * @cssprop [--cif-incoming-call-toast-answer-color=var(--cif-color-on-success)] - Answer button text.
 * @cssprop [--cif-incoming-call-toast-decline-background=var(--cif-color-danger)] - Decline button.
 * @cssprop [--cif-incoming-call-toast-decline-color=var(--cif-color-on-danger)] - Decline button text.
 * @cssprop [--cif-incoming-call-toast-progress-color=var(--cif-color-primary)] - Countdown bar.
 * @cssprop [--cif-incoming-call-toast-focus-color=var(--cif-color-focus)] - Focus ring.
 *
 * @cssstate ringing - At least one call is ringing.
 * @cssstate waiting - Call waiting: the agent is already on a call.
 * @cssstate missed - At least one missed call is shown.
 * @cssstate sound-blocked - The browser blocked the ringtone; the enable-sound button shows.
 * @cssstate empty - Nothing to show (the element takes no space).
 *
 * @fires {CifAnswerEvent} cif-answer - The agent answers. Cancelable; the default is the store's `answer`.
 * @fires {CifDeclineEvent} cif-decline - The agent declines (or sends to voicemail). Cancelable; the default is the store's `decline`.
 * @fires {CifTimeoutEvent} cif-timeout - A countdown ran out; the call shows as missed.
 */
export class CifIncomingCallToast extends CifViewElement<ToastView> {
  static override properties = {
    calls: { attribute: false },
    number: {},
    callerName: { attribute: 'caller-name' },
    company: {},
    avatar: {},
    queue: {},
    campaign: {},
    callId: { attribute: 'call-id' },
    timeout: { type: Number },
    ringtone: {},
    volume: { type: Number },
    muted: { type: Boolean },
    placement: { reflect: true },
    maxVisible: { type: Number, attribute: 'max-visible' },
    callWaiting: { type: Boolean, attribute: 'call-waiting' },
    extras: {},
    answerLabel: { attribute: 'answer-label' },
    declineLabel: { attribute: 'decline-label' },
    answerShortcut: { attribute: 'answer-shortcut' },
    declineShortcut: { attribute: 'decline-shortcut' },
    store: { attribute: false },
    storeSelector: { attribute: false },
    numberFormatter: { attribute: false },
  };

  /** Calls to show (ringing, or `missed: true`), when no store is bound. Overrides the attribute call. */
  calls: readonly ToastCall[] = [];

  /** One call from attributes: the caller's number. */
  number = '';

  /** One call from attributes: the caller's name. */
  callerName = '';

  /** One call from attributes: the caller's company. */
  company = '';

  /** One call from attributes: a picture of the caller (http(s), blob or data:image URL). */
  avatar = '';

  /** One call from attributes: the queue. */
  queue = '';

  /** One call from attributes: the campaign. */
  campaign = '';

  /** One call from attributes: its id (in the events' detail). */
  callId = 'call';

  /** Seconds to answer before the call shows as missed (`cif-timeout`); 0: no countdown. */
  timeout = DEFAULT_TIMEOUT;

  /** An audio file to ring with (looped); empty: the built-in synthesised ring. */
  ringtone = '';

  /** Ringtone volume, 0 to 1 (call waiting plays at 40 % of it). */
  volume = DEFAULT_VOLUME;

  /** Silences the ringtone. */
  muted = false;

  /** `inline` in a panel, or an overlay fixed at the `top` or `bottom` of the viewport. Reflected. */
  placement: ToastPlacement = 'inline';

  /** How many toasts show before "+N more". */
  maxVisible = 3;

  /** Call-waiting style: the agent is already on a call (also read from a bound store). */
  callWaiting = false;

  /**
   * Extra actions offered, space-separated: `voicemail`, `hold` (hold & answer), `end` (end & answer);
   * hold and end only in call waiting. Empty: with a store, what it supports; without, none.
   */
  extras = '';

  /** Overrides the answer button's visible text. */
  answerLabel = '';

  /** Overrides the decline button's visible text. */
  declineLabel = '';

  /** Answers the newest ringing call from anywhere in the widget; empty or `none` disables. */
  answerShortcut = 'Alt+Shift+Y';

  /** Declines the newest ringing call from anywhere in the widget; empty or `none` disables. */
  declineShortcut = 'Alt+Shift+N';

  /** A call store to bind to (see `ToastStore`). */
  store: ToastStore | undefined;

  /** Maps the store's snapshot to `ToastState` when the default reading does not fit. */
  storeSelector: ToastStateSelector | undefined;

  /** Formats the caller's number for display (core's phone formatter, libphonenumber-js…). */
  numberFormatter: ((number: string) => string) | undefined;

  static override viewFailure = 'the toast could not load its view; no call will show';

  protected override async loadView(
    access: ViewAccess,
  ): Promise<readonly [ToastView, CSSResult, Partial<CifTranslation>]> {
    const { ToastView, strings } = await loadToastView();
    return [new ToastView(this, access), ToastView.styles, strings];
  }

  /** The calls shown, newest first: ringing calls, then missed ones. */
  get shownCalls(): readonly ToastCall[] {
    return this.loadedView?.shownCalls ?? [];
  }

  /**
   * Answers a ringing call (the newest without `callId`) as the answer button does: fires `cif-answer`,
   * then (unless prevented) answers through the store. Does nothing for a call already being answered.
   */
  async answer(callId?: string, action: CifAnswerAction = 'answer'): Promise<void> {
    await (await this.whenViewLoaded())?.answer(callId, action);
  }

  /** Declines a ringing call (the newest without `callId`) as the decline button does. */
  async decline(callId?: string, action: CifDeclineAction = 'decline'): Promise<void> {
    await (await this.whenViewLoaded())?.decline(callId, action);
  }

  /**
   * Resolves a ring from outside, without events (a controller mirroring the Dynamics notification):
   * `answered`, `declined` and `ended` close the toast; `missed` shows it as missed.
   */
  resolve(callId: string, outcome: ToastOutcome = 'answered'): void {
    const view = this.loadedView;
    if (view) view.resolve(callId, outcome);
    else void this.whenViewLoaded().then((loaded) => loaded?.resolve(callId, outcome));
  }

  /** Dismisses a missed call (all of them without `callId`). */
  dismiss(callId?: string): void {
    const view = this.loadedView;
    if (view) view.dismiss(callId);
    else void this.whenViewLoaded().then((loaded) => loaded?.dismiss(callId));
  }
}
