/**
 * The view of `<cif-dialpad>`, a chunk of its own that the element loads when it connects: the dialpad
 * itself (keys, number field, call button, hints, region selector, recent numbers) and its styles, input
 * (keys, keyboard, paste, long presses), DTMF tones, the store binding, formatting and validity, and the
 * do-not-call gate. The element's define module holds only its definition and properties.
 */
import {
  StoreController,
  dialpadStrings,
  formatDate,
  warnOnce as baseWarnOnce,
  type CifTranslation,
  type LocalizeController,
} from '@cif-elements/base';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { CifDialpad, DialpadRecent } from './CifDialpad.js';
import {
  cleanDialString,
  dialChars,
  dialIndex,
  formattedIndex,
  sanitizeTyped,
  spliceDialString,
} from './dial-string.js';
import { behaviourStyles } from './dialpad-behaviour.styles.js';
import { styles } from './dialpad.styles.js';
import {
  CifDialBlockedEvent,
  CifDialEvent,
  CifDtmfEvent,
  CifRegionChangeEvent,
  type CifDialSource,
} from './events.js';
import {
  defaultFormatter,
  loadDefaultFormatter,
  type DialpadNumberFormatter,
} from './formatter.js';
import { BACKSPACE, CLEAR, PHONE, icon } from './icons.js';
import { DIALPAD_KEYS } from './keys.js';
import { readDialpadCallState, type DialpadCallState } from './store.js';
import { DtmfTones } from './tones.js';

export { normaliseValue } from './dial-string.js';

const IDLE: DialpadCallState = { inCall: false, pending: false };
const KEYBOARD_TONE_SECONDS = 0.12;
const ALERT = 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm1 15h-2v-2h2zm0-4h-2V7h2z';
const warnOnce = (key: string, message: string): void => baseWarnOnce('cif-dialpad', key, message);
const spaced = (text: string) => [...text].join(' ');

/**
 * The dialpad's behaviour for one element. The shell renders from its fields (`dtmf`, `display`,
 * `focus`…) and hands it every event of the shadow tree through {@link DialpadBehaviour.on}, live or
 * replayed from before the chunk had loaded.
 */
export class DialpadBehaviour {
  readonly #host: CifDialpad;
  readonly #t: LocalizeController;
  readonly #internals: ElementInternals;
  readonly #call: StoreController<unknown, DialpadCallState>;
  readonly #tones = new DtmfTones();
  /** The store and selector the controller was last bound with. */
  #bound: readonly unknown[] = [];
  #first = true;
  #sent = '';
  /** The call whose digits `#sent` holds. */
  #callId: string | undefined;
  #busy = false;
  #error: string | undefined;
  #caret: number | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #suppressClick = false;
  #valueAtFocus: string | undefined;

  /** DTMF mode: set by `mode` or by a connected call in the bound store. */
  dtmf = false;
  /** What the number field shows: the formatted number, or the digits sent in DTMF mode. */
  display = '';
  /** The do-not-call reason when the number is blocked. */
  blocked: string | undefined;
  /** The validity hint for the region. */
  validity: 'valid' | 'invalid' | undefined;
  /** The index of the key in the tab order (roving tabindex). */
  focus = 0;
  /** The polite announcement. */
  announcement = '';
  /** The class of the hint: `error`, `invalid` or none. */
  hintClass = '';
  #hint = '';

  constructor(host: CifDialpad, localize: LocalizeController, internals: ElementInternals) {
    this.#host = host;
    this.#t = localize;
    this.#internals = internals;
    // The dialpad's English, after the class's own (its validity message, or a subclass's).
    const element = host.constructor as { strings?: Partial<CifTranslation> };
    element.strings = { ...dialpadStrings, ...element.strings };
    this.#call = new StoreController<unknown, DialpadCallState>(host, {
      select: (snapshot) => this.#select(snapshot),
      equals: (a, b) =>
        a.inCall === b.inCall &&
        a.pending === b.pending &&
        a.callId === b.callId &&
        a.digits === b.digits &&
        a.canDial === b.canDial,
    });
    const root = host.renderRoot as ShadowRoot;
    const sheets = [styles.styleSheet, behaviourStyles.styleSheet].filter(
      (sheet): sheet is CSSStyleSheet => !!sheet && !root.adoptedStyleSheets.includes(sheet),
    );
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...sheets];
    // Focus that arrived before the behaviour: the roving key and the value a `change` compares with.
    const active = root.activeElement;
    if (active) {
      this.focus = Math.max(0, this.#keys().indexOf(active as HTMLButtonElement));
      this.#valueAtFocus = host.value;
    }
  }

  /** The digits sent in DTMF mode during the current call (as the bound store records them, if it does). */
  get sentDigits(): string {
    return this.#callState.digits ?? this.#sent;
  }

  /** A dial is in progress (here or in the bound store); the element's own `pending` is added by it. */
  get pending(): boolean {
    return this.#busy || this.#callState.pending;
  }

  /** `false` when the bound store cannot dial now. */
  get canDial(): boolean | undefined {
    return this.#callState.canDial;
  }

  get #callState(): DialpadCallState {
    return this.#call.value ?? IDLE;
  }

  get #disabled(): boolean {
    // `:disabled` also matches a dialpad in a disabled fieldset (form-associated).
    return this.#host.disabled || this.#host.matches(':disabled');
  }

  get #input(): HTMLInputElement | null {
    return this.#host.renderRoot.querySelector('input');
  }

  get #formatter(): DialpadNumberFormatter | undefined {
    return this.#host.numberFormatter ?? defaultFormatter();
  }

  /** Deletes the last character (in dial mode). */
  backspace(): void {
    const { value } = this.#host;
    if (this.dtmf || !value) return;
    this.#edit(value.length - 1, value.length, '');
    this.#announce(this.#t.term('dialpadDeleted', value.slice(-1)));
  }

  /** Clears the number (or, in DTMF mode, the digits shown as sent). */
  clear(): void {
    const host = this.#host;
    if (this.dtmf) {
      this.#sent = '';
      host.requestUpdate();
      return;
    }
    if (!host.value) return;
    this.#edit(0, host.value.length, '');
    this.#announce(this.#t.term('dialpadCleared'));
  }

  disconnected(): void {
    this.#endPress();
    this.#tones.close();
  }

  willUpdate(changed: PropertyValues<CifDialpad>): void {
    const host = this.#host;
    if (this.#bound[0] !== host.store || this.#bound[1] !== host.storeSelector) {
      // A new store, or a new selector that reads the store again: subscribe afresh.
      this.#bound = [host.store, host.storeSelector];
      this.#call.store = undefined;
      this.#call.store = host.store;
    }
    if (host.mode !== 'dial' && host.mode !== 'dtmf') {
      warnOnce(
        `mode:${String(host.mode)}`,
        `mode "${String(host.mode)}" is not "dial" or "dtmf"; using "dial".`,
      );
    }
    const dtmf = host.mode === 'dtmf' || this.#callState.inCall;
    const { callId } = this.#callState;
    if (dtmf !== this.dtmf || callId !== this.#callId) {
      // Another mode or another call: the digits shown as sent were the last call's.
      this.dtmf = dtmf;
      this.#callId = callId;
      this.#sent = '';
      this.#error = undefined;
    }
    const region = host.resolvedRegion;
    if (this.#first || changed.has('region')) {
      const given = String(host.region).trim();
      if (given && given.toUpperCase() !== region)
        warnOnce(`region:${given}`, `"${given}" is not an ISO 3166-1 region; ignored.`);
    }
    if (this.#first || changed.has('value') || changed.has('doNotCall') || changed.has('region')) {
      this.#error = undefined;
      this.blocked = this.#listVerdict();
    }
    this.#first = false;
    if (host.value) this.#needFormatter();
    this.validity = this.#check(host.value, region);
    this.display = dtmf ? this.sentDigits : this.#format(host.value, region);
    this.#setHint(region);
    const states = {
      dtmf,
      composing: !dtmf && !!host.value,
      valid: this.validity === 'valid',
      invalid: this.validity === 'invalid',
      blocked: !!this.blocked,
      pending: host.pending || this.pending,
      disabled: this.#disabled,
    };
    for (const [name, on] of Object.entries(states)) {
      try {
        if (on) this.#internals.states.add(name);
        else this.#internals.states.delete(name);
      } catch {
        // Browsers before CustomStateSet: styling by state is lost, nothing else.
      }
    }
  }

  updated(input: HTMLInputElement | null): void {
    if (!input) return;
    // The browser may have edited the field itself (IME, undo): show what the dialpad holds.
    if (input.value !== this.display) input.value = this.display;
    if (this.#caret !== undefined) {
      const position = formattedIndex(input.value, this.#caret);
      this.#caret = undefined;
      if ((this.#host.renderRoot as ShadowRoot).activeElement === input)
        input.setSelectionRange(position, position);
    }
  }

  // ---- templates ----

  renderHint(): TemplateResult | string {
    return this.hintClass === 'error' ? html`${icon(ALERT)}${this.#hint}` : this.#hint;
  }

  renderRegions(): TemplateResult | typeof nothing {
    const host = this.#host;
    const regions: unknown = host.regions;
    const list = Array.isArray(regions)
      ? regions.map(String)
      : typeof regions === 'string'
        ? regions.split(/[\s,]+/).filter(Boolean)
        : [];
    if (list.length === 0) return nothing;
    const region = host.resolvedRegion;
    const codes = [...new Set([region, ...list.map((code) => code.trim().toUpperCase())])].filter(
      (code) => /^[A-Z]{2}$/.test(code),
    );
    const names = this.#regionNames();
    return html`<select
      part="region-select"
      aria-label=${this.#t.term('dialpadRegion')}
      ?disabled=${this.#disabled}
      @change=${this.#onRegionChange}
    >
      ${codes.map((code) => {
        const callingCode = this.#formatter?.callingCode?.(code);
        return html`<option value=${code} ?selected=${code === region}>
          ${this.#regionName(names, code)}${callingCode ? ` (${callingCode})` : ''}
        </option>`;
      })}
    </select>`;
  }

  renderRecents(): TemplateResult | typeof nothing {
    const host = this.#host;
    const list: readonly unknown[] = Array.isArray(host.recents) ? host.recents : [];
    const recents = list
      .map((entry) => (typeof entry === 'string' ? { number: entry } : entry))
      .filter(
        (entry): entry is DialpadRecent =>
          typeof (entry as DialpadRecent | null)?.number === 'string' &&
          !!cleanDialString((entry as DialpadRecent).number),
      );
    if (recents.length === 0) return nothing;
    const region = host.resolvedRegion;
    const t = this.#t;
    return html`<ul part="recents" aria-label=${t.term('dialpadRecents')}>
      ${recents.map(({ number, name, time }) => {
        const formatted = this.#format(cleanDialString(number), region);
        const who = typeof name === 'string' && name.trim() ? name.trim() : '';
        const when = typeof time === 'number' ? time : time instanceof Date ? time.getTime() : NaN;
        const dated = Number.isFinite(when) && Math.abs(when) <= 8.64e15; // the range of Date
        return html`<li>
          <button
            type="button"
            part="recent"
            ?disabled=${this.#disabled}
            @click=${() => this.dial('recent', number)}
          >
            <span class="sr">${t.term('dialpadRedial')}:</span>
            <span>${who || html`<bdi dir="ltr">${formatted}</bdi>`}</span>
            ${who ? html`<bdi dir="ltr">${formatted}</bdi>` : nothing}
            ${
              dated
                ? html`<time datetime=${new Date(when).toISOString()}
                    >${formatDate(t.lang, when, { dateStyle: 'short', timeStyle: 'short' })}</time
                  >`
                : nothing
            }
          </button>
        </li>`;
      })}
    </ul>`;
  }

  #regionNames(): Intl.DisplayNames | undefined {
    try {
      return new Intl.DisplayNames([this.#t.lang], { type: 'region' });
    } catch {
      return undefined;
    }
  }

  #regionName(names: Intl.DisplayNames | undefined, code: string): string {
    try {
      return names?.of(code) ?? code;
    } catch {
      return code;
    }
  }

  /** The hint text and its class: an error, the do-not-call reason, or the validity hint. */
  #setHint(region: string): void {
    const t = this.#t;
    let text = '';
    let kind = '';
    if (this.#error) [text, kind] = [this.#error, 'error'];
    else if (this.dtmf) [text, kind] = ['', ''];
    else if (this.blocked) [text, kind] = [t.term('dialpadBlocked', this.blocked), 'error'];
    else if (this.validity) {
      const name = this.#regionName(this.#regionNames(), region);
      [text, kind] =
        this.validity === 'valid'
          ? [t.term('dialpadValid', name), '']
          : [t.term('dialpadInvalid', name), 'invalid'];
    }
    this.#hint = text;
    this.hintClass = kind;
  }

  // ---- number intelligence ----

  #needFormatter = (): void => {
    if (this.#host.numberFormatter || defaultFormatter()) return;
    loadDefaultFormatter().then(
      () => this.#host.requestUpdate(),
      (error: unknown) =>
        warnOnce(
          'formatter',
          `libphonenumber-js could not be loaded (${String(error)}); showing raw digits.`,
        ),
    );
  };

  /** The number part of a dial string (before post-dial digits), if it can be formatted at all. */
  #main(raw: string): string | undefined {
    const main = raw.split(/[,;]/)[0] ?? '';
    return main && !/[*#]/.test(main) ? main : undefined;
  }

  #format(raw: string, region: string): string {
    const formatter = this.#formatter;
    const main = this.#main(raw);
    if (!formatter || !main) return raw;
    try {
      const out = String(formatter.asYouType(main, region));
      // A formatter that drops or changes a digit would desynchronise the caret: show raw digits instead.
      if (dialChars(out) === main) return out + raw.slice(main.length);
    } catch (error) {
      warnOnce('asYouType', `numberFormatter.asYouType threw: ${String(error)}`);
    }
    return raw;
  }

  #check(raw: string, region: string): 'valid' | 'invalid' | undefined {
    const formatter = this.#formatter;
    const main = this.#main(raw);
    // No hint for short codes and the first digits of a number.
    if (!formatter || !main || main.replace(/\D/g, '').length < 6) return undefined;
    try {
      return formatter.isValid(main, region) ? 'valid' : 'invalid';
    } catch {
      return undefined;
    }
  }

  #normalise(raw: string, formatter: DialpadNumberFormatter | undefined): string | undefined {
    const main = this.#main(raw);
    if (!formatter?.normalise || !main) return undefined;
    try {
      const e164 = formatter.normalise(main, this.#host.resolvedRegion);
      return typeof e164 === 'string' && /^\+\d{2,15}$/.test(e164)
        ? e164 + raw.slice(main.length)
        : undefined;
    } catch {
      return undefined;
    }
  }

  // ---- store ----

  #select(snapshot: unknown): DialpadCallState {
    try {
      const state = (this.#host.storeSelector ?? readDialpadCallState)(snapshot) as
        Partial<DialpadCallState> | undefined;
      return {
        inCall: state?.inCall === true,
        pending: state?.pending === true,
        callId: typeof state?.callId === 'string' ? state.callId : undefined,
        digits: typeof state?.digits === 'string' ? state.digits.slice(-64) : undefined,
        canDial: state?.canDial === false ? false : undefined,
      };
    } catch (error) {
      warnOnce('selector', `storeSelector threw: ${String(error)}`);
      return IDLE;
    }
  }

  // ---- actions ----

  /** Dials (see `CifDialpad.dial`). */
  async dial(source: CifDialSource, number?: string): Promise<void> {
    const host = this.#host;
    if (!host.isConnected || this.#disabled || this.dtmf || host.pending || this.pending) return;
    if (this.#callState.canDial === false) return;
    if (number !== undefined) host.value = number;
    const raw = host.value;
    if (!raw) {
      this.#error = this.#t.term('dialpadRequired');
      host.requestUpdate();
      this.#input?.focus();
      return;
    }
    this.#busy = true;
    host.requestUpdate();
    try {
      const formatter =
        host.numberFormatter ?? (await loadDefaultFormatter().catch(() => undefined));
      const region = host.resolvedRegion;
      const normalised = this.#normalise(raw, formatter);
      const reason = this.#listVerdict() ?? (await this.#checkVerdict(raw, normalised));
      // The agent changed the number, or the element left the page, while the gate was asked.
      if (raw !== host.value || !host.isConnected) return;
      if (reason) {
        this.blocked = reason;
        this.#announce(this.#t.term('dialpadBlocked', reason));
        host.dispatchEvent(new CifDialBlockedEvent({ raw, normalised, reason }));
        return;
      }
      const event = new CifDialEvent({ raw, normalised, region, source });
      host.dispatchEvent(event);
      const store = host.store;
      if (!event.defaultPrevented && typeof store?.dial === 'function') {
        await store.dial(normalised ?? raw);
      }
    } catch {
      this.#error = this.#t.term('dialpadDialFailed');
      this.#announce(this.#error);
    } finally {
      this.#busy = false;
      host.requestUpdate();
    }
  }

  /** The do-not-call reason from a list, checked as the number is typed. */
  #listVerdict(): string | undefined {
    const { doNotCall: list, value: raw } = this.#host;
    if (!Array.isArray(list) || !raw) return undefined;
    const formatter = this.#formatter;
    const key = (value: string) =>
      this.#normalise(value, formatter) ?? value.replace(/[^\d+]/g, '');
    const mine = key(raw);
    const hit = (list as readonly unknown[]).some(
      (entry) => typeof entry === 'string' && key(cleanDialString(entry)) === mine,
    );
    return hit ? this.#t.term('dialpadDoNotCall') : undefined;
  }

  /** The do-not-call reason from a check function; a check that fails blocks (fails closed). */
  async #checkVerdict(raw: string, normalised: string | undefined): Promise<string | undefined> {
    const check = this.#host.doNotCall;
    if (typeof check !== 'function') return undefined;
    const t = this.#t;
    try {
      const verdict = await check({ raw, normalised });
      if (verdict === true) return t.term('dialpadDoNotCall');
      if (typeof verdict === 'string') return verdict.trim() || undefined;
      if (typeof verdict === 'object' && verdict?.blocked === true) {
        return typeof verdict.reason === 'string' && verdict.reason.trim()
          ? verdict.reason.trim()
          : t.term('dialpadDoNotCall');
      }
      return undefined;
    } catch {
      return t.term('dialpadDoNotCallFailed');
    }
  }

  #sendDtmf(digits: string): void {
    const host = this.#host;
    if (!host.isConnected) return;
    this.#sent = (this.#sent + digits).slice(-64);
    this.#announce(spaced(digits));
    const event = new CifDtmfEvent({ digits });
    host.dispatchEvent(event);
    const store = host.store;
    const { callId } = this.#callState;
    if (!event.defaultPrevented && typeof store?.sendDigits === 'function') {
      const send = store.sendDigits;
      Promise.resolve()
        .then((): unknown => Reflect.apply(send, store, callId ? [callId, digits] : [digits]))
        .catch(() => {
          this.#error = this.#t.term('dialpadDtmfFailed');
          this.#announce(this.#error);
        });
    }
  }

  /** Replaces `[start, end)` of the value with `insert`; fires `input` and returns true when it changed. */
  #edit(start: number, end: number, insert: string, caret = false): boolean {
    const host = this.#host;
    const next = spliceDialString(host.value, start, end, insert);
    if (caret) this.#caret = next.caret;
    if (next.value === host.value) {
      host.requestUpdate();
      return false;
    }
    host.value = next.value;
    host.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    return true;
  }

  #press(key: string): void {
    const { value } = this.#host;
    if (this.dtmf) this.#sendDtmf(key);
    else if (this.#edit(value.length, value.length, key)) this.#announce(key);
  }

  #announce(text: string): void {
    // A trailing zero-width space makes a repeated announcement ("5", "5") a change the reader speaks.
    this.announcement = this.announcement === text ? `${text}\u200b` : text;
    this.#host.requestUpdate();
  }

  #tone(key: string, seconds?: number): void {
    const { tonesMuted, toneVolume } = this.#host;
    if (tonesMuted) return;
    const volume = Number.isFinite(toneVolume) ? toneVolume : 0.25;
    if (seconds === undefined) this.#tones.start(key, volume);
    else this.#tones.play(key, volume, seconds);
  }

  get #longPress(): number {
    const ms = Number(this.#host.longPressDuration);
    return Number.isFinite(ms) ? Math.min(5000, Math.max(150, ms)) : 600;
  }

  // ---- events ----

  #keys(): HTMLButtonElement[] {
    return [...this.#host.renderRoot.querySelectorAll<HTMLButtonElement>('button[data-key]')];
  }

  /**
   * Handles an event of the shadow tree. `origin` is where it started (the first node of its composed
   * path, kept by the shell, since a replayed event has lost its path); `extra` is the pasted text or
   * the focus event's related target. A replayed event (dispatched before the chunk had loaded) plays no
   * tone and starts no long press: only what it changes is applied.
   */
  on(event: Event, origin: HTMLElement, extra: unknown): void {
    const live = event.eventPhase !== Event.NONE;
    const { type } = event;
    if (type === 'pointerover') return this.#needFormatter();
    // Focus moving within the element, slotted content included, is one visit (for `change`).
    if (type === 'focusin') return this.#onFocusIn(origin);
    if (type === 'focusout') return this.#onFocusOut(extra as Node | null);
    // Other events from slotted content (a vendor's region selector, contact results) are not the dialpad's.
    if (!this.#host.renderRoot.contains(origin)) return;
    const button = origin.closest('button');
    const part = button?.getAttribute('part') ?? '';
    const key = button?.dataset.key;
    switch (type) {
      case 'keydown':
        return this.#onKeyDown(event as KeyboardEvent, origin, live);
      case 'keyup':
      case 'pointerup':
      case 'pointercancel':
        return this.#endPress();
      case 'pointerleave':
        if (origin.matches('.keypad, [part="backspace-button"]')) this.#endPress();
        return;
      case 'contextmenu':
        if (button) event.preventDefault();
        return;
      case 'paste':
        return this.#onPaste(event, origin, typeof extra === 'string' ? extra : '');
      case 'beforeinput':
        if (live && origin === this.#input) this.#onBeforeInput(event as InputEvent, origin);
        return;
      case 'input':
        event.stopPropagation();
        if (origin === this.#input) this.#onInput(origin as HTMLInputElement);
        return;
      case 'pointerdown':
        if (!live || !button || button.disabled || (event as PointerEvent).button > 0) return;
        if (key !== undefined) this.#onKeyPointerDown(key);
        else if (part === 'backspace-button') this.#onBackspaceDown();
        return;
      case 'click':
        if (!button || this.#disabled) return;
        if (key !== undefined) this.#onKeyClick(key, live && (event as MouseEvent).detail === 0);
        else if (part === 'clear-button') this.clear();
        else if (part === 'call-button') {
          if (!this.#host.pending && !this.pending && !this.blocked) void this.dial('user');
        } else if (part === 'backspace-button' && !this.#wasLongPress()) this.backspace();
    }
  }

  #onKeyDown(event: KeyboardEvent, origin: HTMLElement, live: boolean): void {
    if (origin.localName === 'select' || this.#disabled) return;
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
    const onInput = origin.localName === 'input';
    const onKey = origin.dataset.key !== undefined;
    const { key } = event;
    if (key === 'Enter' && (onInput || onKey)) {
      event.preventDefault();
      if (!event.repeat) void this.dial('user');
      return;
    }
    if (onKey) {
      const keys = this.#keys();
      const index = keys.indexOf(origin as HTMLButtonElement);
      const moves: Record<string, number> = {
        ArrowRight: index + 1,
        ArrowLeft: index - 1,
        ArrowDown: index + 3,
        ArrowUp: index - 3,
        Home: 0,
        End: keys.length - 1,
      };
      const next = moves[key];
      if (next !== undefined) {
        event.preventDefault();
        const target = keys[next];
        if (target) {
          this.focus = next;
          target.focus();
          this.#host.requestUpdate();
        }
        return;
      }
    }
    if ((key === 'Backspace' || key === 'Delete') && !onInput) {
      event.preventDefault();
      this.backspace();
      return;
    }
    if (key.length !== 1) return;
    const chars = sanitizeTyped(key, this.#host.vanityLetters);
    if (!chars) return;
    if (live && !event.repeat && /[0-9*#]/.test(chars)) this.#tone(chars);
    if (this.dtmf) {
      event.preventDefault();
      if (!event.repeat && /^[0-9*#]$/.test(chars)) this.#sendDtmf(chars);
    } else if (!onInput) {
      event.preventDefault();
      this.#press(chars);
    }
  }

  #onBeforeInput(event: InputEvent, origin: HTMLElement): void {
    const input = origin as HTMLInputElement;
    const type = event.inputType;
    if (event.isComposing || !/^(insert|delete)/.test(type) || type === 'insertCompositionText')
      return;
    event.preventDefault();
    if (this.dtmf || this.#disabled) return;
    const text = input.value;
    let start = dialIndex(text, input.selectionStart ?? text.length);
    let end = dialIndex(text, input.selectionEnd ?? text.length);
    let insert = '';
    if (type.startsWith('insert')) {
      const data = event.data ?? event.dataTransfer?.getData('text/plain') ?? '';
      insert =
        type === 'insertText'
          ? sanitizeTyped(data, this.#host.vanityLetters)
          : cleanDialString(data);
    } else if (start === end) {
      if (type.includes('Backward'))
        start = type === 'deleteContentBackward' ? Math.max(0, start - 1) : 0;
      else end = type === 'deleteContentForward' ? end + 1 : this.#host.value.length;
    }
    const removed = this.#host.value.slice(start, end);
    if (!this.#edit(start, end, insert, true)) return;
    if (insert) this.#announce(spaced(insert));
    else this.#announce(this.#t.term('dialpadDeleted', spaced(removed)));
  }

  /** Edits the browser made itself (IME composition, undo, typing before the chunk loaded): re-read the field. */
  #onInput(input: HTMLInputElement): void {
    if (this.dtmf) return;
    const letters = this.#host.vanityLetters;
    const caret = sanitizeTyped(
      input.value.slice(0, input.selectionStart ?? input.value.length),
      letters,
    ).length;
    const next = sanitizeTyped(input.value, letters);
    this.#edit(0, this.#host.value.length, next, true);
    this.#caret = Math.min(caret, this.#host.value.length);
  }

  #onPaste(event: Event, origin: HTMLElement, text: string): void {
    if (origin.localName === 'select') return;
    event.preventDefault();
    if (this.#disabled) return;
    const cleaned = cleanDialString(text);
    if (this.dtmf) {
      const digits = cleaned.replace(/[^0-9*#]/g, '');
      if (digits) this.#sendDtmf(digits);
      return;
    }
    if (!cleaned) return;
    const { value } = this.#host;
    const input = origin === this.#input ? (origin as HTMLInputElement) : null;
    const shown = input?.value ?? '';
    const start = input ? dialIndex(shown, input.selectionStart ?? shown.length) : value.length;
    const end = input ? dialIndex(shown, input.selectionEnd ?? shown.length) : value.length;
    this.#edit(start, end, cleaned, !!input);
    this.#announce(spaced(this.#host.value));
  }

  #onKeyPointerDown(key: string): void {
    this.#endPress();
    this.#suppressClick = false;
    this.#tone(key);
    if (key === '0' && !this.dtmf && !this.#host.value) {
      this.#timer = setTimeout(() => {
        this.#suppressClick = true;
        this.#tones.stop();
        this.#edit(0, 0, '+');
        this.#announce('+');
      }, this.#longPress);
    }
  }

  #onKeyClick(key: string, keyboard: boolean): void {
    if (this.#wasLongPress()) return;
    // A click without a pointer press (Space, assistive technology) plays a short tone.
    if (keyboard) this.#tone(key, KEYBOARD_TONE_SECONDS);
    this.#press(key);
  }

  #onBackspaceDown(): void {
    if (!this.#host.value) return;
    this.#endPress();
    this.#suppressClick = false;
    this.#timer = setTimeout(() => {
      this.#suppressClick = true;
      this.clear();
    }, this.#longPress);
  }

  /** Whether the click ends a long press (which did its own thing): the click then adds nothing. */
  #wasLongPress(): boolean {
    const was = this.#suppressClick;
    this.#suppressClick = false;
    return was;
  }

  /** Ends a press: stops the tone and any long-press timer. */
  #endPress(): void {
    this.#tones.stop();
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #onRegionChange = (event: Event): void => {
    event.stopPropagation();
    const host = this.#host;
    host.region = (event.target as HTMLSelectElement).value;
    host.dispatchEvent(new CifRegionChangeEvent(host.region));
  };

  #onFocusIn(origin: HTMLElement): void {
    this.#needFormatter();
    const index = this.#keys().indexOf(origin as HTMLButtonElement);
    if (index >= 0 && index !== this.focus) {
      this.focus = index;
      this.#host.requestUpdate();
    }
    this.#valueAtFocus ??= this.#host.value;
  }

  #onFocusOut(next: Node | null): void {
    const host = this.#host;
    if (next && (host.renderRoot.contains(next) || host.contains(next))) return;
    if (this.#valueAtFocus !== undefined && this.#valueAtFocus !== host.value) {
      host.dispatchEvent(new Event('change', { bubbles: true }));
    }
    this.#valueAtFocus = undefined;
  }

  /** The whole dialpad. */
  render(): TemplateResult {
    const h = this.#host;
    const t = this.#t;
    const dtmf = this.dtmf;
    const disabled = this.#disabled;
    const pending = h.pending || !!this.pending;
    const empty = !h.value;
    const blocked = !!this.blocked;
    const focus = this.focus;
    return html`<div part="base" role="group" aria-label=${h.label || t.term('dialpadLabel')}>
      <div part="display" class="display">
        <slot name="region">${dtmf ? nothing : this.renderRegions()}</slot>
        <input
          part="input"
          type="tel"
          enterkeyhint="go"
          autocomplete="off"
          dir="ltr"
          aria-label=${t.term(dtmf ? 'dialpadTonesSent' : 'dialpadNumber')}
          aria-describedby="hint"
          aria-invalid=${blocked ? 'true' : 'false'}
          placeholder=${dtmf ? '' : h.placeholder || t.term('dialpadPlaceholder')}
          .value=${this.display}
          ?readonly=${dtmf}
          ?disabled=${disabled}
          ?required=${h.required}
        />
      </div>
      <div part="hint" id="hint" class=${this.hintClass}>${this.renderHint()}</div>
      <slot name="results"></slot>
      <div part="keypad" class="keypad">
        ${DIALPAD_KEYS.map(([key, letters], index) => {
          const shown = h.lettersHidden ? '' : letters;
          const name = key === '*' ? 'star' : key === '#' ? 'hash' : key;
          return html`<button
            type="button"
            part="key key-${name}"
            data-key=${key}
            tabindex=${index === focus ? 0 : -1}
            aria-label=${t.term('dialpadKey', key, shown)}
            ?disabled=${disabled}
          >
            <span part="digit">${key}</span>
            ${h.lettersHidden ? nothing : html`<span part="letters">${letters}</span>`}
          </button>`;
        })}
      </div>
      ${
        dtmf
          ? nothing
          : html`<div part="actions" class="actions">
                <button
                  type="button"
                  part="clear-button"
                  aria-label=${t.term('dialpadClear')}
                  aria-disabled=${empty ? 'true' : 'false'}
                  ?disabled=${disabled}
                >
                  ${icon(CLEAR)}
                </button>
                <button
                  type="button"
                  part="call-button"
                  class=${pending ? 'pending' : ''}
                  aria-disabled=${empty || pending || blocked || this.canDial === false ? 'true' : 'false'}
                  ?disabled=${disabled}
                >
                  ${icon(PHONE)}<span>${t.term(pending ? 'dialpadCalling' : 'dialpadCall')}</span>
                </button>
                <button
                  type="button"
                  part="backspace-button"
                  aria-label=${t.term('dialpadBackspace')}
                  aria-disabled=${empty ? 'true' : 'false'}
                  ?disabled=${disabled}
                >
                  ${icon(BACKSPACE)}
                </button>
              </div>
              ${this.renderRecents()}`
      }
      <div class="sr" role="status">${this.announcement}</div>
    </div>`;
  }
}
