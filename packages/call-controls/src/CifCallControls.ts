import { CifViewElement, type CifTranslation, type ViewAccess } from '@cif-elements/base';
import type { CSSResult } from 'lit';
import type { ControlsView } from './controls-view.js';
import type {
  CallControl,
  CallControlsCapabilities,
  CallControlsQuality,
  CallControlsRecording,
  CallControlsState,
  CallControlsStateSelector,
  CallControlsStore,
} from './store.js';
import { loadView as importView } from './view-loader.js';

/** A disposition offered in wrap-up: a value, or a value with a label. */
export type CallControlsDisposition = string | { readonly value: string; readonly label?: string };

/** Keyboard shortcuts per control, in `aria-keyshortcuts` syntax (`Alt+Shift+M`); `null` turns one off. */
export type CallControlsShortcuts = Partial<Record<CallControl, string | null>>;

/**
 * Everything an agent does during a call: mute, hold (with a hold timer), end, an in-call keypad,
 * blind and consult transfer (swap, merge into a conference, complete, cancel), recording, a call timer,
 * a call-quality indicator, and wrap-up (disposition, notes, Complete). Controls appear only when the
 * phone system can perform them; a command in flight shows a pending state and is never sent twice.
 *
 * It renders from its own properties (`state`, `muted`, `recording`, …), so a page drives it with
 * attributes; or bind `.store` to a call store (core's, or any object with `getSnapshot`/`subscribe` and
 * the commands of `CallControlsStore`) and it follows the store and calls its commands. Every command is
 * the default action of a cancelable intent event. The transfer panel, consult bar and wrap-up form load
 * as a separate chunk once a call starts.
 *
 * **Keyboard.** The controls are a toolbar: one tab stop, arrow keys (mirrored right to left), Home and
 * End move between controls. Shortcuts, active while focus is anywhere in the widget's document:
 * Alt+Shift+M mute, Alt+Shift+H hold, Alt+Shift+K keypad, Alt+Shift+X transfer, Alt+Shift+R record,
 * Alt+Shift+E end call (configurable with `shortcuts`, off with `shortcuts-disabled`).
 *
 * **Loading.** The define module holds the element's definition and properties; the controls themselves
 * (rendering, timers, shortcuts, commands and styles) load with `import()` as soon as the element is
 * connected, and the consult, transfer and wrap-up panels when a call starts. `updateComplete` waits
 * for the controls.
 *
 * @customElement cif-call-controls
 * @summary Mute, hold, keypad, transfer and consult, record, timers, call quality and wrap-up.
 *
 * @slot keypad - An in-call keypad, used when `<cif-dialpad>` is not defined (the keypad control shows only with one).
 * @slot transfer-target - A target picker (a directory) replacing the number field; the controls read `value` from its `input` and `change` events, or set `transferTarget`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart status - The row with the timers, the recording, conference and quality indicators.
 * @csspart timer - The call timer, or the wrap-up timer (`role="timer"`).
 * @csspart hold-timer - The hold timer (`role="timer"`).
 * @csspart recording - The recording indicator.
 * @csspart conference - The conference indicator.
 * @csspart quality - The call-quality indicator.
 * @csspart toolbar - The toolbar (`role="toolbar"`).
 * @csspart control - Each control button, also named `mute-button`, `hold-button`, `keypad-button`,
 *   `transfer-button`, `record-button`, `end-button` and `more-button`.
 * @csspart label - A control's label (its tooltip when compact).
 * @csspart menu - The overflow menu with the controls that do not fit.
 * @csspart keypad - The region holding the in-call keypad.
 * @csspart consult - The consult bar (swap, merge, complete, cancel).
 * @csspart transfer - The transfer panel.
 * @csspart wrap-up - The wrap-up form.
 * @csspart action - The buttons of the consult bar, the transfer panel and the wrap-up form.
 * @csspart error - A failed command's message.
 *
 * @cssprop [--cif-call-controls-background=var(--cif-color-surface)] - Background.
 * @cssprop [--cif-call-controls-control-background=var(--cif-color-surface-alt)] - Control background.
 * @cssprop [--cif-call-controls-control-background-hover=var(--cif-color-surface-hover)] - Hovered control.
 * @cssprop [--cif-call-controls-pressed-background=var(--cif-color-primary)] - A pressed toggle (muted, held, recording).
 * @cssprop [--cif-call-controls-pressed-color=var(--cif-color-on-primary)] - A pressed toggle's text and icon.
 * @cssprop [--cif-call-controls-end-background=var(--cif-color-danger)] - The end-call button.
 * @cssprop [--cif-call-controls-end-color=var(--cif-color-on-danger)] - The end-call button's text and icon.
 * @cssprop [--cif-call-controls-radius=var(--cif-radius-md)] - Corner radius of controls.
 * @cssprop [--cif-call-controls-focus-color=var(--cif-color-focus)] - Focus ring.
 *
 * @cssstate idle - No call.
 * @cssstate dialing - An outbound call is being placed (also `alerting`).
 * @cssstate connected - Talking.
 * @cssstate held - On hold.
 * @cssstate wrap-up - After-call work.
 * @cssstate muted - The microphone is muted.
 * @cssstate recording - The call is recorded (`recording-paused` while paused).
 * @cssstate consulting - A consult transfer is in progress.
 * @cssstate conference - Parties were merged into the call.
 * @cssstate pending - A command is waiting for the phone system.
 * @cssstate compact - Icons only, labels as tooltips.
 *
 * @fires {CifMuteChangeEvent} cif-mute-change - Mute or unmute. Cancelable; the default is the store's `setMuted`.
 * @fires {CifHoldChangeEvent} cif-hold-change - Hold or resume. Cancelable; the default is the store's `setHeld`.
 * @fires {CifHangupEvent} cif-hangup - End the call. Cancelable; the default is the store's `hangUp`.
 * @fires {CifTransferEvent} cif-transfer - A transfer step (blind, consult, swap, merge, complete, cancel). Cancelable.
 * @fires {CifRecordChangeEvent} cif-record-change - Start, pause or resume recording. Cancelable.
 * @fires {CifWrapUpCompleteEvent} cif-wrap-up-complete - Wrap-up completed. Cancelable; the default is the store's `completeWrapUp`.
 */
export class CifCallControls extends CifViewElement<ControlsView> {
  static override properties = {
    state: {},
    callId: { attribute: 'call-id' },
    muted: { type: Boolean },
    recording: {},
    callStart: { type: Number, attribute: 'call-start' },
    holdStart: { type: Number, attribute: 'hold-start' },
    wrapUpStart: { type: Number, attribute: 'wrap-up-start' },
    wrapUpDeadline: { type: Number, attribute: 'wrap-up-deadline' },
    consultTarget: { attribute: 'consult-target' },
    conference: { type: Boolean },
    pending: {},
    quality: {},
    mos: { type: Number },
    capabilities: {},
    readOnly: { type: Boolean, attribute: 'read-only' },
    disabled: { type: Boolean },
    layout: { reflect: true },
    label: {},
    transferTarget: { attribute: 'transfer-target' },
    dispositions: { attribute: false },
    shortcuts: { attribute: false },
    shortcutsDisabled: { type: Boolean, attribute: 'shortcuts-disabled' },
    store: { attribute: false },
    storeSelector: { attribute: false },
    now: { attribute: false },
  };

  /** Where the call is (without a store). `wrap-up` shows the wrap-up form; `idle` renders nothing. */
  state: CallControlsState = 'idle';

  /** The call's id, passed in event details (without a store). */
  callId = '';

  /** The microphone is muted. */
  muted = false;

  /** Recording of the call: `off`, `recording` or `paused`. */
  recording: CallControlsRecording = 'off';

  /** When the call was answered (ms since the epoch); the call timer counts from it. */
  callStart: number | undefined;

  /** Since when the call is on hold (ms); the hold timer counts from it. */
  holdStart: number | undefined;

  /** When wrap-up began (ms). */
  wrapUpStart: number | undefined;

  /** When wrap-up completes by itself (ms); the wrap-up timer then counts down. */
  wrapUpDeadline: number | undefined;

  /** The number or name being consulted: non-empty while a consult transfer is in progress. */
  consultTarget = '';

  /** Parties were merged into the call. */
  conference = false;

  /** The control whose command is in flight (`mute`, `hold`, `transfer`, `record`, `end`). */
  pending: CallControl | '' = '';

  /** Call quality: `good`, `fair` or `poor` (empty: no indicator). Also read from a bound store. */
  quality: CallControlsQuality | '' = '';

  /** Mean opinion score (1–5) shown with the quality. */
  mos: number | undefined;

  /**
   * What the phone system can do: flags (missing ones are false), or names as the attribute gives them
   * (`mute hold dtmf transfer consult merge record pause-recording`). Unset: everything (without a store)
   * or the store's capabilities (with one; set, it further limits them).
   */
  capabilities: Partial<CallControlsCapabilities> | string | undefined;

  /** Commands are refused: another window handles the call. */
  readOnly = false;

  /** Turns every control off. */
  disabled = false;

  /** `toolbar`: icons and labels; `compact`: icons with tooltips; `auto`: toolbar when every control fits. */
  layout: 'auto' | 'toolbar' | 'compact' = 'auto';

  /** Overrides the toolbar's accessible name (default: the localised "Call controls"). */
  label = '';

  /** The transfer target (a number or a name), typed in the panel or set by a slotted picker. */
  transferTarget = '';

  /** Dispositions offered in wrap-up. */
  dispositions: readonly CallControlsDisposition[] = [];

  /** Keyboard shortcuts, merged over `DEFAULT_SHORTCUTS`. */
  shortcuts: CallControlsShortcuts = {};

  /** Turns the keyboard shortcuts off. */
  shortcutsDisabled = false;

  /** A call store to bind to (see `CallControlsStore`). */
  store: CallControlsStore | undefined;

  /** Maps the store's snapshot to the controls' state when the default reading does not fit. */
  storeSelector: CallControlsStateSelector | undefined;

  /** The clock of the timers (ms); by default `Date.now`. Pass a fixed one in stories. */
  now: (() => number) | undefined;

  static override viewFailure = 'the controls could not load their view';

  protected override async loadView(
    access: ViewAccess,
  ): Promise<readonly [ControlsView, CSSResult, Partial<CifTranslation>]> {
    const { ControlsView, strings } = await importView();
    return [new ControlsView(this, access), ControlsView.styles, strings];
  }
}
