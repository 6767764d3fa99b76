import {
  CifElement,
  StoreController,
  announce,
  formatDate,
  formatNumber,
  toastStrings,
  warnOnce as baseWarnOnce,
} from '@cif-elements/base';
import {
  html,
  nothing,
  svg,
  type CSSResultGroup,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  CifAnswerEvent,
  CifDeclineEvent,
  CifTimeoutEvent,
  type CifAnswerAction,
  type CifDeclineAction,
  type CifToastSource,
} from './events.js';
import { styles } from './incoming-call-toast.styles.js';
import type { Ringtone } from './ringtone.js';
import {
  readToastState,
  type ToastCall,
  type ToastField,
  type ToastMatch,
  type ToastState,
  type ToastStateSelector,
  type ToastStore,
} from './store.js';

/** Where the toast sits: in the flow of a panel, or fixed over the page at the top or the bottom. */
export type ToastPlacement = 'inline' | 'top' | 'bottom';

/** How a ring was resolved from outside (see `resolve()`). */
export type ToastOutcome = 'answered' | 'declined' | 'missed' | 'ended';

interface Entry {
  readonly call: ToastCall;
  readonly name: string;
  /** The name shown is the number (no name known). */
  readonly anonymous: boolean;
  readonly missed: boolean;
  /** When it was missed; when it started ringing otherwise. */
  readonly at: number;
  readonly deadline: number | undefined;
}

interface Shortcut {
  readonly key: string;
  readonly alt: boolean;
  readonly ctrl: boolean;
  readonly shift: boolean;
  readonly meta: boolean;
  /** The normalised form, for `aria-keyshortcuts` (`Alt+Shift+Y`). */
  readonly aria: string;
}

const EMPTY: ToastState = { ringing: [], onCall: false };
const DEFAULT_TIMEOUT = 30;
const DEFAULT_VOLUME = 0.8;
const PLACEMENTS: readonly string[] = ['inline', 'top', 'bottom'];

const warnOnce = (key: string, message: string): void =>
  baseWarnOnce('cif-incoming-call-toast', key, message);

const str = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** Parses `Alt+Shift+Y`, `Control+Alt+Enter`, `F8`; empty, `none` or unparsable: no shortcut. */
function parseShortcut(spec: unknown): Shortcut | undefined {
  const parts = str(spec)
    .split('+')
    .map((part) => part.trim());
  const key = parts.pop() ?? '';
  if (!key || key.toLowerCase() === 'none') return undefined;
  const mods = new Set(parts.map((part) => part.toLowerCase()));
  const has = (...names: string[]) => names.some((name) => mods.delete(name));
  const alt = has('alt', 'option');
  const ctrl = has('control', 'ctrl');
  const shift = has('shift');
  const meta = has('meta', 'cmd', 'command');
  if (mods.size > 0) {
    warnOnce(`shortcut:${String(spec)}`, `shortcut "${String(spec)}" is not understood; ignored.`);
    return undefined;
  }
  const name = key.length === 1 ? key.toUpperCase() : key;
  const aria = [alt && 'Alt', ctrl && 'Control', shift && 'Shift', meta && 'Meta', name]
    .filter(Boolean)
    .join('+');
  return { key: name, alt, ctrl, shift, meta, aria };
}

/** Matches by physical key for letters and digits (any layout, and Option on a Mac), else by key name. */
function matchesShortcut(event: KeyboardEvent, shortcut: Shortcut): boolean {
  if (
    event.altKey !== shortcut.alt ||
    event.ctrlKey !== shortcut.ctrl ||
    event.shiftKey !== shortcut.shift ||
    event.metaKey !== shortcut.meta
  )
    return false;
  const { key } = shortcut;
  if (/^[A-Z]$/.test(key)) return event.code === `Key${key}`;
  if (/^\d$/.test(key)) return event.code === `Digit${key}`;
  return (
    event.key.toLowerCase() === key.toLowerCase() || event.code.toLowerCase() === key.toLowerCase()
  );
}

/** A picture URL the toast may load: http(s), blob, or an image data URL. Anything else is dropped. */
function safeImage(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const { protocol } = new URL(url, document.baseURI);
    if (protocol === 'http:' || protocol === 'https:' || protocol === 'blob:') return url;
    if (protocol === 'data:' && /^data:image\//i.test(url.trim())) return url;
  } catch {
    // not a URL
  }
  return undefined;
}

const matchesOf = (call: ToastCall): readonly ToastMatch[] =>
  Array.isArray(call.matches) ? (call.matches as readonly ToastMatch[]) : [];

/** Up to two initials, from the first and last words of a name. */
function initials(name: string): string {
  const words = name.match(/\p{L}[\p{L}\p{M}'’-]*/gu) ?? [];
  const first = words[0];
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  return [first, last]
    .map((word) => (word ? [...word][0] : ''))
    .join('')
    .toLocaleUpperCase();
}

function fieldsOf(
  call: ToastCall,
  labels: Record<'queue' | 'campaign' | 'ivr', string>,
): ToastField[] {
  const out: ToastField[] = [];
  const add = (label: unknown, value: unknown) => {
    const v = typeof value === 'number' ? String(value) : str(value);
    const l = str(label);
    if (l && v && out.length < 12) out.push({ label: l, value: v });
  };
  add(labels.queue, call.queue);
  add(labels.campaign, call.campaign);
  const ivr: unknown = call.ivr;
  add(labels.ivr, Array.isArray(ivr) ? ivr.map(str).filter(Boolean).join(' › ') : ivr);
  const fields: unknown = call.fields;
  if (Array.isArray(fields)) {
    for (const field of fields as unknown[]) {
      const f = field as Partial<ToastField> | null;
      add(f?.label, f?.value);
    }
  } else if (fields && typeof fields === 'object') {
    for (const [label, value] of Object.entries(fields)) add(label, value);
  }
  return out;
}

const icon = (path: string) =>
  html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
    ${svg`<path d=${path} />`}
  </svg>`;
const PHONE =
  'M6.6 10.8a15.1 15.1 0 0 0 6.6 6.6l2.2-2.2c.3-.3.7-.4 1-.2 1.1.4 2.3.6 3.6.6.6 0 1 .4 1 1V20c0 .6-.4 1-1 1A17 17 0 0 1 3 4c0-.6.4-1 1-1h3.5c.6 0 1 .4 1 1 0 1.3.2 2.5.6 3.6.1.3 0 .7-.2 1z';
const CLOSE =
  'M19 6.4 17.6 5 12 10.6 6.4 5 5 6.4 10.6 12 5 17.6 6.4 19 12 13.4 17.6 19 19 17.6 13.4 12z';
const SOUND = 'M3 9v6h4l5 5V4L7 9H3zm13.5 3A4.5 4.5 0 0 0 14 8v8a4.5 4.5 0 0 0 2.5-4z';

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
export class CifIncomingCallToast extends CifElement {
  static override styles: CSSResultGroup = [CifElement.styles, styles];
  /** The toast's own English strings (other languages: `@cif-elements/base/locales/*.js`). */
  static override readonly strings = toastStrings;

  /** Calls to show (ringing, or `missed: true`), when no store is bound. Overrides the attribute call. */
  @property({ attribute: false }) calls: readonly ToastCall[] = [];

  /** One call from attributes: the caller's number. */
  @property() number = '';

  /** One call from attributes: the caller's name. */
  @property({ attribute: 'caller-name' }) callerName = '';

  /** One call from attributes: the caller's company. */
  @property() company = '';

  /** One call from attributes: a picture of the caller (http(s), blob or data:image URL). */
  @property() avatar = '';

  /** One call from attributes: the queue. */
  @property() queue = '';

  /** One call from attributes: the campaign. */
  @property() campaign = '';

  /** One call from attributes: its id (in the events' detail). */
  @property({ attribute: 'call-id' }) callId = 'call';

  /** Seconds to answer before the call shows as missed (`cif-timeout`); 0: no countdown. */
  @property({ type: Number }) timeout = DEFAULT_TIMEOUT;

  /** An audio file to ring with (looped); empty: the built-in synthesised ring. */
  @property() ringtone = '';

  /** Ringtone volume, 0 to 1 (call waiting plays at 40 % of it). */
  @property({ type: Number }) volume = DEFAULT_VOLUME;

  /** Silences the ringtone. */
  @property({ type: Boolean }) muted = false;

  /** `inline` in a panel, or an overlay fixed at the `top` or `bottom` of the viewport. Reflected. */
  @property({ reflect: true }) placement: ToastPlacement = 'inline';

  /** How many toasts show before "+N more". */
  @property({ type: Number, attribute: 'max-visible' }) maxVisible = 3;

  /** Call-waiting style: the agent is already on a call (also read from a bound store). */
  @property({ type: Boolean, attribute: 'call-waiting' }) callWaiting = false;

  /**
   * Extra actions offered, space-separated: `voicemail`, `hold` (hold & answer), `end` (end & answer);
   * hold and end only in call waiting. Empty: with a store, what it supports; without, none.
   */
  @property() extras = '';

  /** Overrides the answer button's visible text. */
  @property({ attribute: 'answer-label' }) answerLabel = '';

  /** Overrides the decline button's visible text. */
  @property({ attribute: 'decline-label' }) declineLabel = '';

  /** Answers the newest ringing call from anywhere in the widget; empty or `none` disables. */
  @property({ attribute: 'answer-shortcut' }) answerShortcut = 'Alt+Shift+Y';

  /** Declines the newest ringing call from anywhere in the widget; empty or `none` disables. */
  @property({ attribute: 'decline-shortcut' }) declineShortcut = 'Alt+Shift+N';

  /** A call store to bind to (see `ToastStore`). */
  @property({ attribute: false }) store: ToastStore | undefined;

  /** Maps the store's snapshot to `ToastState` when the default reading does not fit. */
  @property({ attribute: false }) storeSelector: ToastStateSelector | undefined;

  /** Formats the caller's number for display (core's phone formatter, libphonenumber-js…). */
  @property({ attribute: false }) numberFormatter: ((number: string) => string) | undefined;

  readonly #bound = new StoreController<unknown, ToastState>(this, {
    select: (snapshot) => this.#select(snapshot),
  });
  /** When each listed call was first seen (its countdown starts there without `createdAt`). */
  readonly #seen = new Map<string, number>();
  /** The last data of each listed call (kept to show a call missed after it left the list). */
  readonly #last = new Map<string, ToastCall>();
  readonly #missed = new Map<string, { call: ToastCall; at: number }>();
  /** Calls resolved here (answered, declined, dismissed), hidden while the source still lists them. */
  readonly #closed = new Set<string>();
  readonly #pending = new Set<string>();
  readonly #errors = new Map<string, string>();
  readonly #brokenImages = new Set<string>();
  #state: ToastState = EMPTY;
  #entries: Entry[] = [];
  #expanded = false;
  #shouldRing = false;
  #ring: Ringtone | undefined;
  #ringKey = '';
  #blocked = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Where focus came from when the agent moved into the toast (given back when its toast closes). */
  #returnTo: HTMLElement | undefined;
  #hadFocus = false;

  /** The calls shown, newest first: ringing calls, then missed ones. */
  get shownCalls(): readonly ToastCall[] {
    return this.#entries.map((entry) => entry.call);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.ownerDocument.addEventListener('keydown', this.#onKeyDown, true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.ownerDocument.removeEventListener('keydown', this.#onKeyDown, true);
    clearTimeout(this.#timer);
    this.#stopRing();
  }

  /**
   * Answers a ringing call (the newest without `callId`) as the answer button does: fires `cif-answer`,
   * then (unless prevented) answers through the store. Does nothing for a call already being answered.
   */
  answer(callId?: string, action: CifAnswerAction = 'answer'): Promise<void> {
    return this.#answer(callId, action, 'api');
  }

  /** Declines a ringing call (the newest without `callId`) as the decline button does. */
  decline(callId?: string, action: CifDeclineAction = 'decline'): Promise<void> {
    return this.#decline(callId, action, 'api');
  }

  /**
   * Resolves a ring from outside, without events (a controller mirroring the Dynamics notification):
   * `answered`, `declined` and `ended` close the toast; `missed` shows it as missed.
   */
  resolve(callId: string, outcome: ToastOutcome = 'answered'): void {
    const call = this.#last.get(callId);
    if (outcome === 'missed') {
      if (call && !this.#missed.has(callId)) this.#miss(call, Date.now());
    } else {
      this.#close(callId);
    }
    this.requestUpdate();
  }

  /** Dismisses a missed call (all of them without `callId`). */
  dismiss(callId?: string): void {
    for (const entry of this.#entries) {
      if (entry.missed && (callId === undefined || entry.call.id === callId))
        this.#close(entry.call.id);
    }
    this.requestUpdate();
  }

  // ---- state ----

  override willUpdate(changed: PropertyValues<this>): void {
    this.#hadFocus = !!(this.renderRoot as ShadowRoot | undefined)?.activeElement;
    if (changed.has('store')) this.#bound.store = this.store;
    if (changed.has('storeSelector') && this.#bound.store) {
      const store = this.#bound.store;
      this.#bound.store = undefined;
      this.#bound.store = store;
    }
    if (!PLACEMENTS.includes(this.placement)) {
      warnOnce(
        `placement:${String(this.placement)}`,
        `placement "${String(this.placement)}" is not inline, top or bottom.`,
      );
    }
    const state = this.#read();
    this.#state = state;
    const now = Date.now();
    const listed = new Set(state.ringing.map((call) => call.id));
    const incoming: ToastCall[] = [];
    for (const call of state.ringing) {
      if (!this.#seen.has(call.id)) {
        this.#seen.set(call.id, now);
        if (call.missed) this.#miss(call, call.createdAt ?? now);
        else if (!this.#closed.has(call.id)) incoming.push(call);
      }
      this.#last.set(call.id, call);
    }
    for (const id of [...this.#seen.keys()]) {
      if (listed.has(id)) continue;
      const call = this.#last.get(id);
      this.#seen.delete(id);
      this.#last.delete(id);
      this.#pending.delete(id);
      this.#errors.delete(id);
      if (call?.missed || state.activeCallId === id) this.#missed.delete(id);
      else if (call && state.missed?.includes(id) && !this.#closed.has(id) && !this.#missed.has(id))
        this.#miss(call, now);
      this.#closed.delete(id);
    }
    if (incoming.length > 0) {
      const waiting = this.#waiting;
      const t = this.localize;
      announce(
        incoming
          .map((call) => {
            const { name } = this.#who(call);
            const company = this.#company(call);
            return waiting
              ? t.term('toastAnnounceWaiting', name, company)
              : t.term('toastAnnounce', name, company);
          })
          .join('. '),
        { politeness: 'assertive' },
      );
    }
    this.#entries = this.#build(state, now);
    const ringing = this.#entries.some((entry) => !entry.missed && !this.#isPending(entry.call));
    this.#shouldRing = ringing && !this.muted;
    if (this.#entries.length <= this.#max) this.#expanded = false;
    const states: Record<string, boolean> = {
      ringing,
      waiting: this.#waiting,
      missed: this.#entries.some((entry) => entry.missed),
      'sound-blocked': this.#blocked && this.#shouldRing,
      empty: this.#entries.length === 0,
    };
    for (const [name, on] of Object.entries(states)) this.setState(name, on);
  }

  override updated(): void {
    // The toast holding focus closed: give focus back to where the agent came from, never further on
    // to another call's buttons (a repeated Enter must not answer the next caller).
    if (this.#hadFocus && !(this.renderRoot as ShadowRoot).activeElement) this.#returnTo?.focus();
    this.#syncRing();
    this.#schedule();
  }

  get #waiting(): boolean {
    return this.callWaiting || this.#state.onCall;
  }

  get #max(): number {
    const max = Math.floor(Number(this.maxVisible));
    return Number.isFinite(max) && max >= 1 ? max : 3;
  }

  get #timeoutMs(): number {
    const seconds = Number(this.timeout);
    if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
    warnOnce(
      `timeout:${String(this.timeout)}`,
      `timeout "${String(this.timeout)}" is not a number of seconds; using ${DEFAULT_TIMEOUT}.`,
    );
    return DEFAULT_TIMEOUT * 1000;
  }

  get #volume(): number {
    const volume = Number(this.volume);
    if (Number.isFinite(volume)) return Math.min(1, Math.max(0, volume));
    warnOnce(
      `volume:${String(this.volume)}`,
      `volume "${String(this.volume)}" is not a number; using ${DEFAULT_VOLUME}.`,
    );
    return DEFAULT_VOLUME;
  }

  #isPending(call: ToastCall): boolean {
    return this.#pending.has(call.id) || call.pending === true;
  }

  /** The calls to show, from the store, `calls`, or the attributes. */
  #read(): ToastState {
    if (this.#bound.store) return this.#bound.value ?? EMPTY;
    const calls: unknown = this.calls;
    if (Array.isArray(calls) && calls.length > 0) {
      const valid = (calls as unknown[]).filter(
        (call): call is ToastCall =>
          typeof call === 'object' &&
          call !== null &&
          (typeof (call as ToastCall).id === 'string' ||
            typeof (call as ToastCall).id === 'number'),
      );
      if (valid.length < calls.length) warnOnce('calls', 'calls without an id are ignored.');
      return { ringing: valid.map((call) => ({ ...call, id: String(call.id) })), onCall: false };
    }
    if (!Array.isArray(calls)) warnOnce('calls-type', '`calls` must be an array; ignored.');
    if (!str(this.number) && !str(this.callerName)) return EMPTY;
    return {
      ringing: [
        {
          id: str(this.callId) || 'call',
          number: str(this.number),
          name: str(this.callerName),
          company: str(this.company),
          avatar: str(this.avatar),
          queue: str(this.queue),
          campaign: str(this.campaign),
        },
      ],
      onCall: false,
    };
  }

  #build(state: ToastState, now: number): Entry[] {
    const timeout = this.#timeoutMs;
    const ringing: Entry[] = [];
    state.ringing.forEach((call, index) => {
      if (this.#closed.has(call.id) || this.#missed.has(call.id) || call.missed) return;
      const start =
        typeof call.createdAt === 'number' && Number.isFinite(call.createdAt)
          ? call.createdAt
          : (this.#seen.get(call.id) ?? now);
      ringing.push({
        ...this.#who(call),
        call,
        missed: false,
        // Later calls sort first among equal start times.
        at: start + index / 1000,
        deadline: timeout > 0 ? start + timeout : undefined,
      });
    });
    const missed: Entry[] = [...this.#missed.values()]
      .filter(({ call }) => !this.#closed.has(call.id))
      .map(({ call, at }) => ({ ...this.#who(call), call, missed: true, at, deadline: undefined }));
    const newest = (a: Entry, b: Entry) => b.at - a.at;
    return [...ringing.sort(newest), ...missed.sort(newest)];
  }

  #who(call: ToastCall): { name: string; anonymous: boolean } {
    const matches = matchesOf(call);
    const name = str(call.name) || (matches.length === 1 ? str(matches[0]?.name) : '');
    if (name) return { name, anonymous: false };
    const number = this.#format(str(call.number));
    return { name: number || this.localize.term('unknownCaller'), anonymous: true };
  }

  #company(call: ToastCall): string {
    const matches = matchesOf(call);
    return str(call.company) || (matches.length === 1 ? str(matches[0]?.company) : '');
  }

  #format(number: string): string {
    const formatter = this.numberFormatter;
    if (!number || typeof formatter !== 'function') return number;
    try {
      return str(formatter(number)) || number;
    } catch (error) {
      warnOnce('formatter', `numberFormatter threw: ${String(error)}`);
      return number;
    }
  }

  #miss(call: ToastCall, at: number): void {
    this.#missed.set(call.id, { call, at });
    this.#pending.delete(call.id);
    announce(this.localize.term('toastAnnounceMissed', this.#who(call).name));
  }

  #close(callId: string): void {
    this.#closed.add(callId);
    this.#missed.delete(callId);
    this.#pending.delete(callId);
    this.#errors.delete(callId);
  }

  // ---- store ----

  #select(snapshot: unknown): ToastState {
    try {
      const state = (this.storeSelector ?? readToastState)(snapshot) as
        Partial<ToastState> | undefined;
      const ringing: unknown = state?.ringing;
      return {
        ringing: Array.isArray(ringing)
          ? (ringing as unknown[])
              .filter(
                (call): call is ToastCall => typeof (call as ToastCall | null)?.id === 'string',
              )
              .slice(0, 50)
          : [],
        onCall: state?.onCall === true,
        activeCallId: typeof state?.activeCallId === 'string' ? state.activeCallId : undefined,
        missed: Array.isArray(state?.missed) ? state.missed : [],
        canAnswer: state?.canAnswer,
        canDecline: state?.canDecline,
        canHold: state?.canHold,
      };
    } catch (error) {
      warnOnce('selector', `storeSelector threw: ${String(error)}`);
      return EMPTY;
    }
  }

  /** Which extra actions to offer now. */
  get #extras(): { voicemail: boolean; hold: boolean; end: boolean } {
    const asked = str(this.extras);
    const allowed = asked ? new Set(asked.toLowerCase().split(/[\s,]+/)) : undefined;
    const store = this.#bound.store ? this.store : undefined;
    const state = this.#state;
    const waiting = this.#waiting;
    if (!store) {
      return {
        voicemail: !!allowed?.has('voicemail'),
        hold: waiting && !!allowed?.has('hold'),
        end: waiting && !!allowed?.has('end'),
      };
    }
    const ok = (name: string) => !allowed || allowed.has(name);
    return {
      voicemail: ok('voicemail') && typeof store.sendToVoicemail === 'function',
      hold: ok('hold') && waiting && state.canHold !== false && state.canAnswer !== false,
      end:
        ok('end') &&
        waiting &&
        state.canAnswer !== false &&
        !!state.activeCallId &&
        typeof store.hangUp === 'function',
    };
  }

  // ---- actions ----

  /** The ringing entry to act on (the newest without `callId`), unless it is already being acted on. */
  #target(callId: string | undefined): Entry | undefined {
    if (!this.isConnected) return undefined;
    const entry = this.#entries.find(
      (e) => !e.missed && (callId === undefined || e.call.id === callId),
    );
    return entry && !this.#isPending(entry.call) ? entry : undefined;
  }

  async #answer(
    callId: string | undefined,
    action: CifAnswerAction,
    source: CifToastSource,
  ): Promise<void> {
    const entry = this.#target(callId);
    if (!entry) return;
    const { call } = entry;
    const id = call.id;
    const store = this.#bound.store ? this.store : undefined;
    await this.#act(
      id,
      new CifAnswerEvent({ callId: id, call, action, source }),
      store?.answer
        ? async () => {
            const active = this.#state.activeCallId;
            if (action === 'end-and-answer' && active && active !== id)
              await store.hangUp?.(active);
            await store.answer?.(id);
          }
        : undefined,
      'toastAnswerFailed',
    );
  }

  async #decline(
    callId: string | undefined,
    action: CifDeclineAction,
    source: CifToastSource,
  ): Promise<void> {
    const entry = this.#target(callId);
    if (!entry) return;
    const { call } = entry;
    const id = call.id;
    const store = this.#bound.store ? this.store : undefined;
    const voicemail = action === 'voicemail';
    const supported = voicemail
      ? typeof store?.sendToVoicemail === 'function'
      : typeof store?.decline === 'function';
    await this.#act(
      id,
      new CifDeclineEvent({ callId: id, call, action, source }),
      store && supported
        ? async () => {
            await (voicemail ? store.sendToVoicemail?.(id) : store.decline?.(id));
          }
        : undefined,
      'toastDeclineFailed',
    );
  }

  /**
   * Marks the call pending (a second click does nothing), fires the intent event, then runs the default:
   * the store command, or closing the toast when there is no store.
   */
  async #act(
    id: string,
    event: CifAnswerEvent | CifDeclineEvent,
    command: (() => Promise<unknown>) | undefined,
    failure: 'toastAnswerFailed' | 'toastDeclineFailed',
  ): Promise<void> {
    this.#pending.add(id);
    this.#errors.delete(id);
    this.#stopRingIfIdle(id);
    this.requestUpdate();
    this.dispatchEvent(event);
    if (event.defaultPrevented) {
      this.#pending.delete(id);
      this.requestUpdate();
      return;
    }
    if (!command) {
      this.#close(id);
      this.requestUpdate();
      return;
    }
    try {
      await command();
      this.#close(id);
    } catch {
      this.#pending.delete(id);
      const message = this.localize.term(failure);
      this.#errors.set(id, message);
      announce(message, { politeness: 'assertive' });
    } finally {
      this.requestUpdate();
    }
  }

  // ---- countdown ----

  #schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (!this.isConnected) return;
    const now = Date.now();
    let next = Infinity;
    for (const entry of this.#entries) {
      if (entry.missed || entry.deadline === undefined || this.#isPending(entry.call)) continue;
      const left = entry.deadline - now;
      next = Math.min(next, left <= 0 ? 0 : left % 1000 || 1000);
    }
    if (next < Infinity) this.#timer = setTimeout(this.#tick, next);
  }

  #tick = (): void => {
    const now = Date.now();
    for (const entry of this.#entries) {
      const { call, deadline } = entry;
      if (entry.missed || deadline === undefined || deadline > now || this.#isPending(call))
        continue;
      if (this.#missed.has(call.id) || this.#closed.has(call.id)) continue;
      this.#miss(call, deadline);
      this.dispatchEvent(new CifTimeoutEvent({ callId: call.id, call }));
    }
    this.requestUpdate();
  };

  // ---- ringtone ----

  #syncRing(): void {
    if (!this.#shouldRing || !this.isConnected) {
      this.#stopRing();
      return;
    }
    const url = str(this.ringtone);
    const volume = this.#volume;
    const quiet = this.#waiting;
    const key = `${url}\u0000${volume}\u0000${quiet}`;
    if (key === this.#ringKey) return;
    this.#ringKey = key;
    void import('./ringtone.js')
      .then(async ({ Ringtone }) => {
        this.#ring ??= new Ringtone();
        if (this.#ringKey !== key) return;
        const playing = await this.#ring.play({ url, volume, quiet });
        if (this.#ringKey !== key) return;
        this.#blocked = !playing;
        this.requestUpdate();
      })
      .catch((error: unknown) => warnOnce('ringtone', `the ringtone failed: ${String(error)}`));
  }

  #stopRing(): void {
    this.#ringKey = '';
    this.#blocked = false;
    this.#ring?.stop();
  }

  /** Stops the ring at once when the call being acted on was the only one ringing. */
  #stopRingIfIdle(id: string): void {
    const others = this.#entries.some(
      (entry) => !entry.missed && entry.call.id !== id && !this.#isPending(entry.call),
    );
    if (!others) this.#stopRing();
  }

  #enableSound = (): void => {
    const ring = this.#ring;
    if (!ring) return;
    const key = this.#ringKey;
    void ring.unlock().then((playing) => {
      if (key !== this.#ringKey) return;
      this.#blocked = !playing;
      this.requestUpdate();
    });
  };

  // ---- keyboard ----

  #onFocusIn = (event: FocusEvent): void => {
    const from = event.relatedTarget;
    if (from instanceof HTMLElement && !this.renderRoot.contains(from)) this.#returnTo = from;
  };

  #onKeyDown = (event: KeyboardEvent): void => {
    if (event.repeat || event.isComposing || event.defaultPrevented) return;
    const answer = parseShortcut(this.answerShortcut);
    const decline = parseShortcut(this.declineShortcut);
    const isAnswer = !!answer && matchesShortcut(event, answer);
    if (!isAnswer && !(decline && matchesShortcut(event, decline))) return;
    if (!this.#target(undefined)) return;
    event.preventDefault();
    if (isAnswer) void this.#answer(undefined, 'answer', 'shortcut');
    else void this.#decline(undefined, 'decline', 'shortcut');
  };

  // ---- rendering ----

  override render(): TemplateResult | typeof nothing {
    const entries = this.#entries;
    if (entries.length === 0) return nothing;
    const t = this.localize;
    const max = this.#max;
    const shown = this.#expanded ? entries : entries.slice(0, max);
    const more = entries.length - shown.length;
    // A region the agent can find, not an alertdialog: an alertdialog must take focus, and the toast
    // must not take it from an agent who is typing. The ring is announced through the kit's shared
    // assertive live region instead, and the shortcuts answer from anywhere.
    return html`<section part="base" aria-label=${t.term('toastLabel')} @focusin=${this.#onFocusIn}>
      ${
        this.#blocked && this.#shouldRing
          ? html`<button type="button" part="enable-sound" @click=${this.#enableSound}>
              ${icon(SOUND)}<span>${t.term('toastEnableSound')}</span>
            </button>`
          : nothing
      }
      ${repeat(
        shown,
        (entry) => entry.call.id,
        // Keyed by call: a new call or a closing one never turns a focused button into another
        // caller's, and a closing toast takes its DOM (and focus) with it.
        (entry, index) => this.#renderEntry(entry, index),
      )}
      ${
        more > 0
          ? html`<button
              type="button"
              part="more"
              aria-expanded="false"
              @click=${() => {
                this.#expanded = true;
                this.requestUpdate();
              }}
            >
              ${t.term('moreCount', more)}
            </button>`
          : nothing
      }
    </section>`;
  }

  #renderEntry(entry: Entry, index: number): TemplateResult {
    const t = this.localize;
    const { call, name, anonymous, missed } = entry;
    const waiting = this.#waiting;
    const pending = this.#isPending(call);
    const number = this.#format(str(call.number));
    const company = this.#company(call);
    const matches = matchesOf(call).length;
    const error = this.#errors.get(call.id);
    const fields =
      missed || waiting
        ? []
        : fieldsOf(call, {
            queue: t.term('toastQueue'),
            campaign: t.term('toastCampaign'),
            ivr: t.term('toastIvr'),
          });
    const eyebrow = t.term(missed ? 'toastMissed' : waiting ? 'toastWaiting' : 'toastIncoming');
    return html`<div
      part="toast ${missed ? 'toast-missed' : 'toast-ringing'}"
      class="toast"
      role="group"
      aria-labelledby="eyebrow-${index} name-${index}"
    >
      <div class="head">
        ${this.#renderAvatar(call, name, anonymous)}
        <div class="who">
          <span part="eyebrow" id="eyebrow-${index}">${eyebrow}</span>
          <span part="name" id="name-${index}"
            >${anonymous ? html`<bdi dir="ltr">${name}</bdi>` : html`<bdi>${name}</bdi>`}</span
          >
          ${!anonymous && number ? html`<span part="number"><bdi dir="ltr">${number}</bdi></span>` : nothing}
          ${company ? html`<span part="company">${company}</span>` : nothing}
          ${matches > 1 ? html`<span part="matches">${t.term('toastMatches', matches)}</span>` : nothing}
        </div>
        ${missed ? this.#renderTime(entry.at) : this.#renderCountdown(entry)}
      </div>
      ${
        fields.length > 0
          ? html`<dl part="fields">
              ${fields.map(
                ({ label, value }) =>
                  html`<div>
                    <dt>${label}</dt>
                    <dd>${value}</dd>
                  </div>`,
              )}
            </dl>`
          : nothing
      }
      ${index === 0 && !missed ? html`<slot name="context"></slot>` : nothing}
      ${error ? html`<p part="error">${error}</p>` : nothing}
      <div part="actions" class="actions">
        ${missed ? this.#renderDismiss(call, name) : this.#renderButtons(call, name, pending)}
      </div>
    </div>`;
  }

  #renderAvatar(call: ToastCall, name: string, anonymous: boolean): TemplateResult {
    const url = safeImage(str(call.avatar));
    const letters = anonymous ? '' : initials(name);
    return html`<span part="avatar" class="avatar" aria-hidden="true">
      ${
        url && !this.#brokenImages.has(url)
          ? html`<img
              src=${url}
              alt=""
              @error=${() => {
                this.#brokenImages.add(url);
                this.requestUpdate();
              }}
            />`
          : letters || icon(PHONE)
      }
    </span>`;
  }

  #renderCountdown(entry: Entry): TemplateResult | typeof nothing {
    const { deadline } = entry;
    const total = this.#timeoutMs;
    if (deadline === undefined || total <= 0) return nothing;
    const left = Math.max(0, deadline - Date.now());
    const seconds = Math.ceil(left / 1000);
    return html`<div part="countdown" class="countdown">
      <svg class="bar" viewBox="0 0 100 4" preserveAspectRatio="none" aria-hidden="true">
        <rect part="progress" height="4" width=${Math.min(100, (left / total) * 100)} />
      </svg>
      <span>${this.localize.term('toastTimeLeft', formatNumber(this.localize.lang, seconds))}</span>
    </div>`;
  }

  #renderTime(at: number): TemplateResult {
    const lang = this.localize.lang;
    let label = '';
    try {
      label = formatDate(lang, at, { timeStyle: 'short' });
    } catch {
      label = '';
    }
    return html`<time part="time" datetime=${new Date(at).toISOString()}>${label}</time>`;
  }

  #renderButtons(call: ToastCall, name: string, pending: boolean): TemplateResult {
    const t = this.localize;
    const state = this.#state;
    const extras = this.#extras;
    const id = call.id;
    const answerLabel = str(this.answerLabel);
    const declineLabel = str(this.declineLabel);
    const answerKeys = parseShortcut(this.answerShortcut)?.aria;
    const declineKeys = parseShortcut(this.declineShortcut)?.aria;
    const off = (unsupported: boolean | undefined) => (pending || unsupported ? 'true' : 'false');
    const extra = (label: string, aria: string, run: () => void) =>
      html`<button
        type="button"
        part="extra-button"
        aria-label=${aria}
        aria-disabled=${off(false)}
        @click=${run}
      >
        ${label}
      </button>`;
    return html`${
        extras.voicemail
          ? extra(
              t.term('toastVoicemail'),
              t.term('toastVoicemailCall', name),
              () => void this.#decline(id, 'voicemail', 'button'),
            )
          : nothing
      }${
        extras.hold
          ? extra(
              t.term('toastHoldAnswer'),
              t.term('toastHoldAnswerCall', name),
              () => void this.#answer(id, 'hold-and-answer', 'button'),
            )
          : nothing
      }${
        extras.end
          ? extra(
              t.term('toastEndAnswer'),
              t.term('toastEndAnswerCall', name),
              () => void this.#answer(id, 'end-and-answer', 'button'),
            )
          : nothing
      }
      <button
        type="button"
        part="decline-button"
        class="decline"
        aria-label=${declineLabel ? `${declineLabel}, ${name}` : t.term('toastDeclineCall', name)}
        aria-keyshortcuts=${declineKeys ?? nothing}
        aria-disabled=${off(state.canDecline === false)}
        @click=${() => void this.#decline(id, 'decline', 'button')}
      >
        ${icon(PHONE)}<span>${declineLabel || t.term('toastDecline')}</span>
      </button>
      <button
        type="button"
        part="answer-button"
        class="answer"
        aria-label=${answerLabel ? `${answerLabel}, ${name}` : t.term('toastAnswerCall', name)}
        aria-keyshortcuts=${answerKeys ?? nothing}
        aria-disabled=${off(state.canAnswer === false)}
        @click=${() => void this.#answer(id, 'answer', 'button')}
      >
        ${icon(PHONE)}<span>${answerLabel || t.term('toastAnswer')}</span>
      </button>`;
  }

  #renderDismiss(call: ToastCall, name: string): TemplateResult {
    return html`<button
      type="button"
      part="dismiss-button"
      aria-label=${this.localize.term('toastDismissCall', name)}
      @click=${() => this.dismiss(call.id)}
    >
      ${icon(CLOSE)}<span>${this.localize.term('dismiss')}</span>
    </button>`;
  }
}
