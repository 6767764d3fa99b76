/**
 * Everything `<cif-incoming-call-toast>` does beyond its first (empty) paint: reading calls from the
 * store, `calls` or attributes, the countdown, the ringtone, the shortcuts, the actions and the toasts
 * themselves. The element loads this module as soon as it is connected, so it is ready before a call
 * can ring; see `CifIncomingCallToast`.
 */
import {
  StoreController,
  announce,
  formatDate,
  formatNumber,
  warnOnce as baseWarnOnce,
  type LocalizeController,
  type ViewAccess,
} from '@cif-elements/base';

/** The element's English, set on the element when this view arrives. */
export { toastStrings as strings } from '@cif-elements/base';
import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import {
  CifAnswerEvent,
  CifDeclineEvent,
  CifTimeoutEvent,
  type CifAnswerAction,
  type CifDeclineAction,
  type CifToastSource,
} from './events.js';
import type { CifIncomingCallToast, ToastOutcome } from './CifIncomingCallToast.js';
import { styles } from './incoming-call-toast.styles.js';
import type { Ringtone } from './ringtone.js';
import { DEFAULT_TIMEOUT, DEFAULT_VOLUME } from './defaults.js';
import {
  readToastState,
  type ToastCall,
  type ToastField,
  type ToastMatch,
  type ToastState,
} from './store.js';

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

/** The toast's behaviour and rendering, attached to one element. */
export class ToastView {
  /** The stylesheet of the toasts, adopted by the element when this module arrives. */
  static readonly styles = styles;

  readonly h: CifIncomingCallToast;
  readonly localize: LocalizeController;
  readonly #access: ViewAccess;
  readonly #bound: StoreController<unknown, ToastState>;
  #synced = false;

  constructor(host: CifIncomingCallToast, access: ViewAccess) {
    this.h = host;
    this.#access = access;
    this.localize = access.localize;
    this.#bound = new StoreController<unknown, ToastState>(host, {
      select: (snapshot) => this.#select(snapshot),
    });
  }

  setState(name: string, on: boolean): void {
    this.#access.setState(name, on);
  }
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

  /** The element was connected (also called once when the view is created on a connected element). */
  connected(): void {
    this.h.ownerDocument.addEventListener('keydown', this.#onKeyDown, true);
  }

  /** The element was disconnected. */
  disconnected(): void {
    this.h.ownerDocument.removeEventListener('keydown', this.#onKeyDown, true);
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
    this.h.requestUpdate();
  }

  /** Dismisses a missed call (all of them without `callId`). */
  dismiss(callId?: string): void {
    for (const entry of this.#entries) {
      if (entry.missed && (callId === undefined || entry.call.id === callId))
        this.#close(entry.call.id);
    }
    this.h.requestUpdate();
  }

  // ---- state ----

  willUpdate(changed: PropertyValues<CifIncomingCallToast>): void {
    this.#hadFocus = !!(this.h.renderRoot as ShadowRoot | undefined)?.activeElement;
    // The first update after this module arrived takes over whatever was set before.
    if (changed.has('store') || !this.#synced) this.#bound.store = this.h.store;
    this.#synced = true;
    if (changed.has('storeSelector') && this.#bound.store) {
      const store = this.#bound.store;
      this.#bound.store = undefined;
      this.#bound.store = store;
    }
    if (!PLACEMENTS.includes(this.h.placement)) {
      warnOnce(
        `placement:${String(this.h.placement)}`,
        `placement "${String(this.h.placement)}" is not inline, top or bottom.`,
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
    this.#shouldRing = ringing && !this.h.muted;
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

  updated(): void {
    // The toast holding focus closed: give focus back to where the agent came from, never further on
    // to another call's buttons (a repeated Enter must not answer the next caller).
    if (this.#hadFocus && !(this.h.renderRoot as ShadowRoot).activeElement) this.#returnTo?.focus();
    this.#syncRing();
    this.#schedule();
  }

  get #waiting(): boolean {
    return this.h.callWaiting || this.#state.onCall;
  }

  get #max(): number {
    const max = Math.floor(Number(this.h.maxVisible));
    return Number.isFinite(max) && max >= 1 ? max : 3;
  }

  get #timeoutMs(): number {
    const seconds = Number(this.h.timeout);
    if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
    warnOnce(
      `timeout:${String(this.h.timeout)}`,
      `timeout "${String(this.h.timeout)}" is not a number of seconds; using ${DEFAULT_TIMEOUT}.`,
    );
    return DEFAULT_TIMEOUT * 1000;
  }

  get #volume(): number {
    const volume = Number(this.h.volume);
    if (Number.isFinite(volume)) return Math.min(1, Math.max(0, volume));
    warnOnce(
      `volume:${String(this.h.volume)}`,
      `volume "${String(this.h.volume)}" is not a number; using ${DEFAULT_VOLUME}.`,
    );
    return DEFAULT_VOLUME;
  }

  #isPending(call: ToastCall): boolean {
    return this.#pending.has(call.id) || call.pending === true;
  }

  /** The calls to show, from the store, `calls`, or the attributes. */
  #read(): ToastState {
    if (this.#bound.store) return this.#bound.value ?? EMPTY;
    const calls: unknown = this.h.calls;
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
    if (!str(this.h.number) && !str(this.h.callerName)) return EMPTY;
    return {
      ringing: [
        {
          id: str(this.h.callId) || 'call',
          number: str(this.h.number),
          name: str(this.h.callerName),
          company: str(this.h.company),
          avatar: str(this.h.avatar),
          queue: str(this.h.queue),
          campaign: str(this.h.campaign),
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
    const formatter = this.h.numberFormatter;
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
    // Hidden while its source still lists it; a call that has already left the list needs no entry (an
    // answer or decline often completes after the store has dropped the call).
    if (this.#seen.has(callId)) this.#closed.add(callId);
    this.#missed.delete(callId);
    this.#pending.delete(callId);
    this.#errors.delete(callId);
  }

  // ---- store ----

  #select(snapshot: unknown): ToastState {
    try {
      const state = (this.h.storeSelector ?? readToastState)(snapshot) as
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
    const asked = str(this.h.extras);
    const allowed = asked ? new Set(asked.toLowerCase().split(/[\s,]+/)) : undefined;
    const store = this.#bound.store ? this.h.store : undefined;
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
    if (!this.h.isConnected) return undefined;
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
    const store = this.#bound.store ? this.h.store : undefined;
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
    const store = this.#bound.store ? this.h.store : undefined;
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
    this.h.requestUpdate();
    this.h.dispatchEvent(event);
    if (event.defaultPrevented) {
      this.#pending.delete(id);
      this.h.requestUpdate();
      return;
    }
    if (!command) {
      this.#close(id);
      this.h.requestUpdate();
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
      this.h.requestUpdate();
    }
  }

  // ---- countdown ----

  #schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (!this.h.isConnected) return;
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
      this.h.dispatchEvent(new CifTimeoutEvent({ callId: call.id, call }));
    }
    this.h.requestUpdate();
  };

  // ---- ringtone ----

  #syncRing(): void {
    if (!this.#shouldRing || !this.h.isConnected) {
      this.#stopRing();
      return;
    }
    const url = str(this.h.ringtone);
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
        this.h.requestUpdate();
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
      this.h.requestUpdate();
    });
  };

  // ---- keyboard ----

  #onFocusIn = (event: FocusEvent): void => {
    const from = event.relatedTarget;
    if (from instanceof HTMLElement && !this.h.renderRoot.contains(from)) this.#returnTo = from;
  };

  #onKeyDown = (event: KeyboardEvent): void => {
    if (event.repeat || event.isComposing || event.defaultPrevented) return;
    const answer = parseShortcut(this.h.answerShortcut);
    const decline = parseShortcut(this.h.declineShortcut);
    const isAnswer = !!answer && matchesShortcut(event, answer);
    if (!isAnswer && !(decline && matchesShortcut(event, decline))) return;
    if (!this.#target(undefined)) return;
    event.preventDefault();
    if (isAnswer) void this.#answer(undefined, 'answer', 'shortcut');
    else void this.#decline(undefined, 'decline', 'shortcut');
  };

  // ---- rendering ----

  render(): TemplateResult | typeof nothing {
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
                this.h.requestUpdate();
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
                this.h.requestUpdate();
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
    const answerLabel = str(this.h.answerLabel);
    const declineLabel = str(this.h.declineLabel);
    const answerKeys = parseShortcut(this.h.answerShortcut)?.aria;
    const declineKeys = parseShortcut(this.h.declineShortcut)?.aria;
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
