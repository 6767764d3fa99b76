import {
  CifElement,
  StoreController,
  dialpadStrings,
  formatDate,
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
import {
  DIALPAD_KEYS,
  cleanDialString,
  dialChars,
  dialIndex,
  formattedIndex,
  normaliseValue,
  sanitizeTyped,
  spliceDialString,
} from './dial-string.js';
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
import {
  readDialpadCallState,
  type DialpadCallState,
  type DialpadStateSelector,
  type DialpadStore,
} from './store.js';
import { DtmfTones } from './tones.js';

/** A verdict of a do-not-call check: `true` or a reason string blocks; `false`, `null`, `undefined` allow. */
export type DialpadDoNotCallVerdict =
  boolean | string | null | undefined | { readonly blocked: boolean; readonly reason?: string };

/** A do-not-call check, synchronous or not (a compliance service). A check that throws blocks. */
export type DialpadDoNotCallCheck = (number: {
  readonly raw: string;
  readonly normalised: string | undefined;
}) => DialpadDoNotCallVerdict | Promise<DialpadDoNotCallVerdict>;

/** A recent number offered for redial. */
export interface DialpadRecent {
  readonly number: string;
  /** Who it is, shown instead of the number. */
  readonly name?: string;
  /** When it was called; shown with the date and time in the agent's language. */
  readonly time?: Date | number;
}

const IDLE: DialpadCallState = { inCall: false, pending: false };
const KEYBOARD_TONE_SECONDS = 0.12;
const warnOnce = (key: string, message: string): void => baseWarnOnce('cif-dialpad', key, message);

const icon = (path: string) =>
  html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
    ${svg`<path d=${path} />`}
  </svg>`;
const PHONE =
  'M6.6 10.8a15.1 15.1 0 0 0 6.6 6.6l2.2-2.2c.3-.3.7-.4 1-.2 1.1.4 2.3.6 3.6.6.6 0 1 .4 1 1V20c0 .6-.4 1-1 1A17 17 0 0 1 3 4c0-.6.4-1 1-1h3.5c.6 0 1 .4 1 1 0 1.3.2 2.5.6 3.6.1.3 0 .7-.2 1z';
const BACKSPACE =
  'M22 3H7c-.7 0-1.2.3-1.6.9L0 12l5.4 8.1c.4.5.9.9 1.6.9h15c1.1 0 2-.9 2-2V5c0-1.1-.9-2-2-2zm-3 12.6L17.6 17 14 13.4 10.4 17 9 15.6 12.6 12 9 8.4 10.4 7 14 10.6 17.6 7 19 8.4 15.4 12z';
const CLEAR =
  'M19 6.4 17.6 5 12 10.6 6.4 5 5 6.4 10.6 12 5 17.6 6.4 19 12 13.4 17.6 19 19 17.6 13.4 12z';

const ALERT = 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm1 15h-2v-2h2zm0-4h-2V7h2z';

const spaced = (text: string) => [...text].join(' ');

/**
 * A telephone dialpad for CIF widgets: twelve keys with letters, an editable number with as-you-type
 * formatting and a validity hint, a call button, DTMF during calls, recent numbers and a do-not-call gate.
 * It renders from its own attributes and properties; bind `.store` to a call store (core's, or any object
 * with `getSnapshot`/`subscribe` and optional `dial`/`sendDigits`) to dial through it and switch to DTMF
 * mode while a call is connected. Form-associated: its value is submitted under its `name`.
 *
 * **Keyboard.** Typing digits, `*`, `#`, `+` (and letters with `vanity-letters`) anywhere in the dialpad
 * adds them; `,` and `;` add a pause or a wait before post-dial digits. Backspace and Delete delete; Enter
 * dials from the number field and the keys (Space presses a key). Arrow keys, Home and End move between
 * keys (one tab stop). Paste is cleaned to a dialable string. Long-pressing 0 on an empty number gives
 * `+`; long-pressing backspace clears.
 *
 * @customElement cif-dialpad
 * @summary A dialpad with formatting, DTMF tones, a call button, redial and a do-not-call gate.
 *
 * @slot region - A custom region (country) selector, replacing the built-in one. Set `region` from it.
 * @slot results - Contact search results shown under the number (listen to `input`, search, fill it).
 *
 * @csspart base - The group wrapping everything (`role="group"`).
 * @csspart display - The row with the region selector and the number.
 * @csspart region-select - The built-in region selector (shown when `regions` is set).
 * @csspart input - The number field.
 * @csspart hint - The validity hint, the do-not-call reason or an error.
 * @csspart keypad - The grid of keys.
 * @csspart key - Each key button (also `key-1` … `key-9`, `key-0`, `key-star`, `key-hash`).
 * @csspart digit - A key's digit.
 * @csspart letters - A key's letters.
 * @csspart actions - The row with the clear, call and backspace buttons (dial mode only).
 * @csspart clear-button - The clear button.
 * @csspart call-button - The call button.
 * @csspart backspace-button - The backspace button.
 * @csspart recents - The list of recent numbers.
 * @csspart recent - A recent number's redial button.
 *
 * @cssprop [--cif-dialpad-background=var(--cif-color-surface)] - Background of the dialpad.
 * @cssprop [--cif-dialpad-gap=var(--cif-space-4)] - Space between keys and rows.
 * @cssprop [--cif-dialpad-key-size=56px] - Key height and minimum width (44px when compact).
 * @cssprop [--cif-dialpad-key-radius=var(--cif-radius-lg)] - Key corner radius.
 * @cssprop [--cif-dialpad-key-background=var(--cif-color-surface-alt)] - Key background.
 * @cssprop [--cif-dialpad-key-background-hover=var(--cif-color-surface-hover)] - Hovered key background.
 * @cssprop [--cif-dialpad-key-background-active=var(--cif-color-surface-active)] - Pressed key background.
 * @cssprop [--cif-dialpad-key-color=var(--cif-color-on-surface)] - Key digit colour.
 * @cssprop [--cif-dialpad-letters-color=var(--cif-color-on-surface-muted)] - Key letters colour.
 * @cssprop [--cif-dialpad-call-background=var(--cif-color-success)] - Call button background.
 * @cssprop [--cif-dialpad-call-background-hover=var(--cif-color-success-hover)] - Hovered call button.
 * @cssprop [--cif-dialpad-call-color=var(--cif-color-on-success)] - Call button text.
 * @cssprop [--cif-dialpad-display-font-size=var(--cif-font-size-xxl)] - Size of the number.
 * @cssprop [--cif-dialpad-border-color=var(--cif-color-border-strong)] - Number field and selector border.
 * @cssprop [--cif-dialpad-focus-color=var(--cif-color-focus)] - Focus ring.
 *
 * @cssstate dtmf - DTMF mode: keys send tones on the call.
 * @cssstate composing - A number has been entered (dial mode).
 * @cssstate valid - The number is valid for the region.
 * @cssstate invalid - The number is not valid for the region (a hint; it can still be dialled).
 * @cssstate blocked - The number is on the do-not-call list.
 * @cssstate pending - A dial is in progress.
 * @cssstate disabled - The dialpad is disabled (itself or through a disabled fieldset).
 *
 * @fires input - The number changed through the dialpad (typing, keys, paste, backspace, clear).
 * @fires change - Focus left the dialpad after the number changed.
 * @fires {CifDialEvent} cif-dial - A dial was asked for. Cancelable; the default action is the store's `dial`.
 * @fires {CifDtmfEvent} cif-dtmf - A key was pressed in DTMF mode. Cancelable; the default is the store's `sendDigits`.
 * @fires {CifDialBlockedEvent} cif-dial-blocked - The do-not-call gate stopped a dial.
 * @fires {CifRegionChangeEvent} cif-region-change - A region was chosen in the built-in selector.
 */
export class CifDialpad extends CifElement {
  static override styles: CSSResultGroup = [CifElement.styles, styles];
  /** The dialpad's own English strings (other languages: `@cif-elements/base/locales/*.js`). */
  static override readonly strings = dialpadStrings;
  static override shadowRootOptions: ShadowRootInit = {
    ...CifElement.shadowRootOptions,
    delegatesFocus: true,
  };
  /** Takes part in forms through ElementInternals. */
  static formAssociated = true;

  #value = '';

  /**
   * The number as a dial string (digits, `*`, `#`, a leading `+`, `,`/`;` before post-dial digits). Other
   * text set here (`+1 (201) 555-0123`, `tel:` links) is cleaned like a paste. The attribute is the default value, restored on form reset.
   */
  @property()
  get value(): string {
    return this.#value;
  }
  set value(value: string) {
    this.#value = normaliseValue(value == null ? '' : String(value));
  }

  /** `dial`: compose, then dial. `dtmf`: every key is sent at once (set by a bound store during calls). */
  @property() mode: 'dial' | 'dtmf' = 'dial';

  /** ISO 3166-1 alpha-2 region to read numbers in (`US`); by default the region of the element's language. */
  @property() region = '';

  /** Regions offered in the built-in selector, space- or comma-separated (`US GB DE`). Empty: no selector. */
  @property() regions = '';

  /** Hides the letters on the keys. */
  @property({ type: Boolean, attribute: 'letters-hidden' }) lettersHidden = false;

  /** Maps typed letters to their digits (vanity numbers such as 1-800-FLOWERS). Pasted letters always are. */
  @property({ type: Boolean, attribute: 'vanity-letters' }) vanityLetters = false;

  /** Silences the local DTMF tones. */
  @property({ type: Boolean, attribute: 'tones-muted' }) tonesMuted = false;

  /** Volume of the local DTMF tones, 0 to 1. */
  @property({ type: Number, attribute: 'tone-volume' }) toneVolume = 0.25;

  /** How long a press must last, in milliseconds, for long-press 0 (`+`) and long-press backspace (clear). */
  @property({ type: Number, attribute: 'long-press-duration' }) longPressDuration = 600;

  /** `auto`: compact below 320 px of width (a 300 px channel panel), comfortable otherwise. */
  @property({ reflect: true }) density: 'auto' | 'compact' | 'comfortable' = 'auto';

  /** Marks a dial in progress (also read from a bound store). */
  @property({ type: Boolean }) pending = false;

  /** Disables the dialpad. */
  @property({ type: Boolean }) disabled = false;

  /** A number is required for form submission. */
  @property({ type: Boolean }) required = false;

  /** The form field name. */
  @property({ reflect: true }) name = '';

  /** Overrides the group's accessible name (default: the localised "Dialpad"). */
  @property() label = '';

  /** Overrides the empty number field's placeholder. */
  @property() placeholder = '';

  /** A call store to bind to (see `DialpadStore`). */
  @property({ attribute: false }) store: DialpadStore | undefined;

  /** Maps the store's snapshot to `{ inCall, pending }` when the default reading does not fit. */
  @property({ attribute: false }) storeSelector: DialpadStateSelector | undefined;

  /** Formats and validates numbers; by default libphonenumber-js, loaded lazily. */
  @property({ attribute: false }) numberFormatter: DialpadNumberFormatter | undefined;

  /** The do-not-call gate: a list of numbers (checked as you type) or a check run before every dial. */
  @property({ attribute: false }) doNotCall: readonly string[] | DialpadDoNotCallCheck | undefined;

  /** Recent numbers offered for redial (dial mode). */
  @property({ attribute: false }) recents: readonly (string | DialpadRecent)[] = [];

  readonly #call = new StoreController<unknown, DialpadCallState>(this, {
    select: (snapshot) => this.#select(snapshot),
    equals: (a, b) =>
      a.inCall === b.inCall &&
      a.pending === b.pending &&
      a.callId === b.callId &&
      a.digits === b.digits &&
      a.canDial === b.canDial,
  });
  readonly #tones = new DtmfTones();
  #dtmf = false;
  #sent = '';
  #busy = false;
  #formDisabled = false;
  #blocked: string | undefined;
  #error: string | undefined;
  #validity: 'valid' | 'invalid' | undefined;
  #announcement = '';
  #focusIndex = 0;
  #caret: number | undefined;
  #display = '';
  #timer: ReturnType<typeof setTimeout> | undefined;
  #suppressClick = false;
  #valueAtFocus: string | undefined;

  /** The digits sent in DTMF mode during the current call (as the bound store records them, if it does). */
  get sentDigits(): string {
    return this.#callState.digits ?? this.#sent;
  }

  get #callState(): DialpadCallState {
    return this.#call.value ?? IDLE;
  }

  /** The form this element belongs to. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  /** The validity state (`valueMissing` when `required` and empty). */
  get validity(): ValidityState {
    return this.internals.validity;
  }

  /** The validation message. */
  get validationMessage(): string {
    return this.internals.validationMessage;
  }

  /** Whether the element takes part in constraint validation. */
  get willValidate(): boolean {
    return this.internals.willValidate;
  }

  /** Checks validity (fires `invalid` when not valid). */
  checkValidity(): boolean {
    return this.internals.checkValidity();
  }

  /** Checks validity and shows the browser's message on the number field. */
  reportValidity(): boolean {
    return this.internals.reportValidity();
  }

  /** The region numbers are read in: `region`, else the region of the element's language, else `US`. */
  get resolvedRegion(): string {
    const region = this.region.trim().toUpperCase();
    if (/^[A-Z]{2}$/.test(region)) return region;
    if (region)
      warnOnce(`region:${region}`, `"${this.region}" is not an ISO 3166-1 region; ignored.`);
    try {
      return new Intl.Locale(this.localize.lang).maximize().region ?? 'US';
    } catch {
      return 'US';
    }
  }

  /**
   * Dials `number` (cleaned like a paste) or the composed number: runs the do-not-call gate, fires
   * `cif-dial`, then (unless prevented) calls the bound store's `dial`. Does nothing when disabled,
   * disconnected, in DTMF mode or while a dial is pending.
   */
  dial(number?: string): Promise<void> {
    return this.#dial('api', number);
  }

  /** Deletes the last character (in dial mode). */
  backspace(): void {
    if (this.#dtmf || !this.value) return;
    const removed = this.value.slice(-1);
    this.#edit(this.value.length - 1, this.value.length, '');
    this.#announce(this.localize.term('dialpadDeleted', removed));
  }

  /** Clears the number (or, in DTMF mode, the digits shown as sent). */
  clear(): void {
    if (this.#dtmf) {
      this.#sent = '';
      this.requestUpdate();
      return;
    }
    if (!this.value) return;
    this.#edit(0, this.value.length, '');
    this.#announce(this.localize.term('dialpadCleared'));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#endPress();
    this.#tones.close();
  }

  /** @internal */
  formResetCallback(): void {
    this.value = this.getAttribute('value') ?? '';
  }

  /** @internal */
  formStateRestoreCallback(state: unknown): void {
    if (typeof state === 'string') this.value = state;
  }

  /** @internal */
  formDisabledCallback(disabled: boolean): void {
    this.#formDisabled = disabled;
    this.requestUpdate();
  }

  get #disabled(): boolean {
    return this.disabled || this.#formDisabled;
  }

  get #input(): HTMLInputElement | null {
    return this.renderRoot.querySelector('input');
  }

  get #formatter(): DialpadNumberFormatter | undefined {
    return this.numberFormatter ?? defaultFormatter();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('store')) this.#call.store = this.store;
    if (changed.has('storeSelector') && this.#call.store) {
      const store = this.#call.store;
      this.#call.store = undefined;
      this.#call.store = store;
    }
    if (this.mode !== 'dial' && this.mode !== 'dtmf') {
      warnOnce(
        `mode:${String(this.mode)}`,
        `mode "${String(this.mode)}" is not "dial" or "dtmf"; using "dial".`,
      );
    }
    const call = this.#callState;
    const dtmf = this.mode === 'dtmf' || call.inCall;
    if (dtmf !== this.#dtmf) {
      this.#dtmf = dtmf;
      this.#sent = '';
      this.#error = undefined;
    }
    if (changed.has('value') || changed.has('doNotCall') || changed.has('region')) {
      this.#error = undefined;
      this.#blocked = this.#listVerdict();
    }
    if (this.value) this.#needFormatter();
    this.#validity = this.#check(this.value);
    const states: Record<string, boolean> = {
      dtmf,
      composing: !dtmf && !!this.value,
      valid: this.#validity === 'valid',
      invalid: this.#validity === 'invalid',
      blocked: !!this.#blocked,
      pending: this.#pending,
      disabled: this.#disabled,
    };
    for (const [name, on] of Object.entries(states)) this.setState(name, on);
  }

  get #pending(): boolean {
    return this.pending || this.#busy || this.#callState.pending;
  }

  override updated(): void {
    const input = this.#input;
    this.internals.setFormValue(this.value);
    if (this.required && !this.value && !this.#disabled) {
      this.internals.setValidity(
        { valueMissing: true },
        this.localize.term('dialpadRequired'),
        input ?? undefined,
      );
    } else {
      this.internals.setValidity({});
    }
    // The browser may have edited the field itself (IME, undo): show what the dialpad holds.
    if (input && input.value !== this.#display) input.value = this.#display;
    if (this.#caret !== undefined && input) {
      const position = formattedIndex(input.value, this.#caret);
      this.#caret = undefined;
      if ((this.renderRoot as ShadowRoot).activeElement === input)
        input.setSelectionRange(position, position);
    }
  }

  override render(): TemplateResult {
    const t = this.localize;
    const dtmf = this.#dtmf;
    const disabled = this.#disabled;
    const region = this.resolvedRegion;
    const hint = this.#hint(region);
    const empty = !this.value;
    const pending = this.#pending;
    const callUnavailable =
      empty || pending || !!this.#blocked || this.#callState.canDial === false;
    this.#display = dtmf ? this.sentDigits : this.#format(this.value, region);
    return html`<div
      part="base"
      class=${this.density === 'auto' ? 'auto' : ''}
      role="group"
      aria-label=${this.label || t.term('dialpadLabel')}
      @keydown=${this.#onKeyDown}
      @keyup=${this.#endPress}
      @paste=${this.#onPaste}
      @focusin=${this.#onFocusIn}
      @focusout=${this.#onFocusOut}
      @pointerover=${this.#needFormatter}
    >
      <div part="display" class="display">
        <slot name="region">${dtmf ? nothing : this.#renderRegions(region)}</slot>
        <input
          part="input"
          type="tel"
          inputmode="tel"
          enterkeyhint="go"
          autocomplete="off"
          spellcheck="false"
          dir="ltr"
          aria-label=${t.term(dtmf ? 'dialpadTonesSent' : 'dialpadNumber')}
          aria-describedby="hint"
          aria-invalid=${this.#blocked ? 'true' : 'false'}
          placeholder=${dtmf ? '' : this.placeholder || t.term('dialpadPlaceholder')}
          .value=${this.#display}
          ?readonly=${dtmf}
          ?disabled=${disabled}
          ?required=${this.required}
          @beforeinput=${this.#onBeforeInput}
          @input=${this.#onInput}
        />
      </div>
      <div part="hint" id="hint" class=${hint[1]}>
        ${hint[1] === 'error' ? icon(ALERT) : nothing}${hint[0]}
      </div>
      <slot name="results"></slot>
      <div
        part="keypad"
        class="keypad"
        @pointerdown=${this.#onKeyPointerDown}
        @pointerup=${this.#endPress}
        @pointercancel=${this.#endPress}
        @pointerleave=${this.#endPress}
        @contextmenu=${(e: Event) => e.preventDefault()}
      >
        ${DIALPAD_KEYS.map(([key, letters], index) => {
          const shown = this.lettersHidden ? '' : letters;
          const name = key === '*' ? 'star' : key === '#' ? 'hash' : key;
          return html`<button
            type="button"
            part="key key-${name}"
            data-key=${key}
            tabindex=${index === this.#focusIndex ? 0 : -1}
            aria-label=${t.term('dialpadKey', key, shown)}
            ?disabled=${disabled}
            @click=${this.#onKeyClick}
          >
            <span part="digit">${key}</span>
            ${this.lettersHidden ? nothing : html`<span part="letters">${letters}</span>`}
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
                  @click=${() => this.clear()}
                >
                  ${icon(CLEAR)}
                </button>
                <button
                  type="button"
                  part="call-button"
                  class=${pending ? 'pending' : ''}
                  aria-disabled=${callUnavailable ? 'true' : 'false'}
                  ?disabled=${disabled}
                  @click=${() => {
                    if (!pending && !this.#blocked) void this.#dial('user');
                  }}
                >
                  ${icon(PHONE)}<span>${t.term(pending ? 'dialpadCalling' : 'dialpadCall')}</span>
                </button>
                <button
                  type="button"
                  part="backspace-button"
                  aria-label=${t.term('dialpadBackspace')}
                  aria-disabled=${empty ? 'true' : 'false'}
                  ?disabled=${disabled}
                  @pointerdown=${this.#onBackspaceDown}
                  @pointerup=${this.#endPress}
                  @pointerleave=${this.#endPress}
                  @pointercancel=${this.#endPress}
                  @contextmenu=${(e: Event) => e.preventDefault()}
                  @click=${this.#onBackspaceClick}
                >
                  ${icon(BACKSPACE)}
                </button>
              </div>
              ${this.#renderRecents(region)}`
      }
      <div class="sr" role="status">${this.#announcement}</div>
    </div>`;
  }

  #renderRegions(region: string): TemplateResult | typeof nothing {
    const regions: unknown = this.regions;
    const list = Array.isArray(regions)
      ? regions.map(String)
      : typeof regions === 'string'
        ? regions.split(/[\s,]+/).filter(Boolean)
        : [];
    if (list.length === 0) return nothing;
    const codes = [...new Set([region, ...list.map((code) => code.trim().toUpperCase())])].filter(
      (code) => /^[A-Z]{2}$/.test(code),
    );
    let names: Intl.DisplayNames | undefined;
    try {
      names = new Intl.DisplayNames([this.localize.lang], { type: 'region' });
    } catch {
      names = undefined;
    }
    return html`<select
      part="region-select"
      aria-label=${this.localize.term('dialpadRegion')}
      ?disabled=${this.#disabled}
      @input=${(e: Event) => e.stopPropagation()}
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

  #renderRecents(region: string): TemplateResult | typeof nothing {
    const list: readonly unknown[] = Array.isArray(this.recents) ? this.recents : [];
    const recents = list
      .map((entry) => (typeof entry === 'string' ? { number: entry } : entry))
      .filter(
        (entry): entry is DialpadRecent =>
          typeof (entry as DialpadRecent | null)?.number === 'string' &&
          !!cleanDialString((entry as DialpadRecent).number),
      );
    if (recents.length === 0) return nothing;
    return html`<ul part="recents" aria-label=${this.localize.term('dialpadRecents')}>
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
            @click=${() => this.#dial('recent', number)}
          >
            <span class="sr">${this.localize.term('dialpadRedial')}:</span>
            <span>${who || html`<bdi dir="ltr">${formatted}</bdi>`}</span>
            ${who ? html`<bdi dir="ltr">${formatted}</bdi>` : nothing}
            ${
              dated
                ? html`<time datetime=${new Date(when).toISOString()}
                    >${formatDate(this.localize.lang, when, { dateStyle: 'short', timeStyle: 'short' })}</time
                  >`
                : nothing
            }
          </button>
        </li>`;
      })}
    </ul>`;
  }

  #regionName(names: Intl.DisplayNames | undefined, code: string): string {
    try {
      return names?.of(code) ?? code;
    } catch {
      return code;
    }
  }

  /** The hint text and its class: an error, the do-not-call reason, or the validity hint. */
  #hint(region: string): [string, string] {
    const t = this.localize;
    if (this.#error) return [this.#error, 'error'];
    if (this.#dtmf) return ['', ''];
    if (this.#blocked) return [t.term('dialpadBlocked', this.#blocked), 'error'];
    if (!this.#validity) return ['', ''];
    let name = region;
    try {
      name = new Intl.DisplayNames([t.lang], { type: 'region' }).of(region) ?? region;
    } catch {
      // keep the code
    }
    return this.#validity === 'valid'
      ? [t.term('dialpadValid', name), '']
      : [t.term('dialpadInvalid', name), 'invalid'];
  }

  // ---- number intelligence ----

  #needFormatter = (): void => {
    if (this.numberFormatter || defaultFormatter()) return;
    loadDefaultFormatter().then(
      () => this.requestUpdate(),
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

  #check(raw: string): 'valid' | 'invalid' | undefined {
    const formatter = this.#formatter;
    const main = this.#main(raw);
    // No hint for short codes and the first digits of a number.
    if (!formatter || !main || main.replace(/\D/g, '').length < 6) return undefined;
    try {
      return formatter.isValid(main, this.resolvedRegion) ? 'valid' : 'invalid';
    } catch {
      return undefined;
    }
  }

  #normalise(raw: string, formatter: DialpadNumberFormatter | undefined): string | undefined {
    const main = this.#main(raw);
    if (!formatter?.normalise || !main) return undefined;
    try {
      const e164 = formatter.normalise(main, this.resolvedRegion);
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
      const state = (this.storeSelector ?? readDialpadCallState)(snapshot) as
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

  async #dial(source: CifDialSource, number?: string): Promise<void> {
    if (!this.isConnected || this.#disabled || this.#dtmf || this.#pending) return;
    if (this.#callState.canDial === false) return;
    if (number !== undefined) this.value = number;
    const raw = this.value;
    if (!raw) {
      this.#error = this.localize.term('dialpadRequired');
      this.requestUpdate();
      this.#input?.focus();
      return;
    }
    this.#busy = true;
    this.requestUpdate();
    try {
      const formatter =
        this.numberFormatter ?? (await loadDefaultFormatter().catch(() => undefined));
      const region = this.resolvedRegion;
      const normalised = this.#normalise(raw, formatter);
      const reason = this.#listVerdict() ?? (await this.#checkVerdict(raw, normalised));
      // The agent changed the number, or the element left the page, while the gate was asked.
      if (raw !== this.value || !this.isConnected) return;
      if (reason) {
        this.#blocked = reason;
        this.#announce(this.localize.term('dialpadBlocked', reason));
        const blocked = new CifDialBlockedEvent({ raw, normalised, reason });
        this.dispatchEvent(blocked);
        return;
      }
      const event = new CifDialEvent({ raw, normalised, region, source });
      this.dispatchEvent(event);
      const store = this.store;
      if (!event.defaultPrevented && typeof store?.dial === 'function') {
        await store.dial(normalised ?? raw);
      }
    } catch {
      this.#error = this.localize.term('dialpadDialFailed');
      this.#announce(this.#error);
    } finally {
      this.#busy = false;
      this.requestUpdate();
    }
  }

  /** The do-not-call reason from a list, checked as the number is typed. */
  #listVerdict(): string | undefined {
    const list = this.doNotCall;
    const raw = this.value;
    if (!Array.isArray(list) || !raw) return undefined;
    const formatter = this.#formatter;
    const key = (value: string) =>
      this.#normalise(value, formatter) ?? value.replace(/[^\d+]/g, '');
    const mine = key(raw);
    const hit = (list as readonly unknown[]).some(
      (entry) => typeof entry === 'string' && key(cleanDialString(entry)) === mine,
    );
    return hit ? this.localize.term('dialpadDoNotCall') : undefined;
  }

  /** The do-not-call reason from a check function; a check that fails blocks (fails closed). */
  async #checkVerdict(raw: string, normalised: string | undefined): Promise<string | undefined> {
    const check = this.doNotCall;
    if (typeof check !== 'function') return undefined;
    const t = this.localize;
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
    if (!this.isConnected) return;
    this.#sent = (this.#sent + digits).slice(-64);
    this.#announce(spaced(digits));
    const event = new CifDtmfEvent({ digits });
    this.dispatchEvent(event);
    const store = this.store;
    const { callId } = this.#callState;
    if (!event.defaultPrevented && typeof store?.sendDigits === 'function') {
      const send = store.sendDigits;
      Promise.resolve()
        .then((): unknown => Reflect.apply(send, store, callId ? [callId, digits] : [digits]))
        .catch(() => {
          this.#error = this.localize.term('dialpadDtmfFailed');
          this.#announce(this.#error);
        });
    }
  }

  /** Replaces `[start, end)` of the value with `insert`; fires `input` and returns true when it changed. */
  #edit(start: number, end: number, insert: string, caret = false): boolean {
    const next = spliceDialString(this.value, start, end, insert);
    if (caret) this.#caret = next.caret;
    if (next.value === this.value) {
      this.requestUpdate();
      return false;
    }
    this.value = next.value;
    this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    return true;
  }

  #press(key: string): void {
    if (this.#dtmf) this.#sendDtmf(key);
    else if (this.#edit(this.value.length, this.value.length, key)) this.#announce(key);
  }

  #announce(text: string): void {
    // A trailing zero-width space makes a repeated announcement ("5", "5") a change the reader speaks.
    this.#announcement = this.#announcement === text ? `${text}\u200b` : text;
    this.requestUpdate();
  }

  #tone(key: string, seconds?: number): void {
    if (this.tonesMuted) return;
    const volume = Number.isFinite(this.toneVolume) ? this.toneVolume : 0.25;
    if (seconds === undefined) this.#tones.start(key, volume);
    else this.#tones.play(key, volume, seconds);
  }

  get #longPress(): number {
    const ms = Number(this.longPressDuration);
    return Number.isFinite(ms) ? Math.min(5000, Math.max(150, ms)) : 600;
  }

  // ---- event handlers ----

  #ownTarget(event: Event): HTMLElement | undefined {
    const origin = event.composedPath()[0];
    return origin instanceof HTMLElement && origin.getRootNode() === this.renderRoot
      ? origin
      : undefined;
  }

  #keys(): HTMLButtonElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLButtonElement>('button[data-key]')];
  }

  #onKeyDown = (event: KeyboardEvent): void => {
    const origin = this.#ownTarget(event);
    if (!origin || origin.localName === 'select' || this.#disabled) return;
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
    const onInput = origin.localName === 'input';
    const onKey = origin.dataset.key !== undefined;
    const { key } = event;
    if (key === 'Enter' && (onInput || onKey)) {
      event.preventDefault();
      if (!event.repeat) void this.#dial('user');
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
          this.#focusIndex = next;
          target.focus();
          this.requestUpdate();
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
    const chars = sanitizeTyped(key, this.vanityLetters);
    if (!chars) return;
    if (!event.repeat && /[0-9*#]/.test(chars)) this.#tone(chars);
    if (this.#dtmf) {
      event.preventDefault();
      if (!event.repeat && /^[0-9*#]$/.test(chars)) this.#sendDtmf(chars);
    } else if (!onInput) {
      event.preventDefault();
      this.#press(chars);
    }
  };

  #onBeforeInput = (event: InputEvent): void => {
    const input = event.target as HTMLInputElement;
    const type = event.inputType;
    if (event.isComposing || !/^(insert|delete)/.test(type) || type === 'insertCompositionText')
      return;
    event.preventDefault();
    if (this.#dtmf || this.#disabled) return;
    const text = input.value;
    let start = dialIndex(text, input.selectionStart ?? text.length);
    let end = dialIndex(text, input.selectionEnd ?? text.length);
    let insert = '';
    if (type.startsWith('insert')) {
      const data = event.data ?? event.dataTransfer?.getData('text/plain') ?? '';
      insert =
        type === 'insertText' ? sanitizeTyped(data, this.vanityLetters) : cleanDialString(data);
    } else if (start === end) {
      if (type.includes('Backward'))
        start = type === 'deleteContentBackward' ? Math.max(0, start - 1) : 0;
      else end = type === 'deleteContentForward' ? end + 1 : this.value.length;
    }
    const removed = this.value.slice(start, end);
    if (!this.#edit(start, end, insert, true)) return;
    if (insert) this.#announce(spaced(insert));
    else this.#announce(this.localize.term('dialpadDeleted', spaced(removed)));
  };

  /** Edits the browser made itself (IME composition, undo): re-read the field. */
  #onInput = (event: Event): void => {
    event.stopPropagation();
    const input = event.target as HTMLInputElement;
    if (this.#dtmf) return;
    const caret = sanitizeTyped(
      input.value.slice(0, input.selectionStart ?? input.value.length),
      this.vanityLetters,
    ).length;
    const next = sanitizeTyped(input.value, this.vanityLetters);
    this.#edit(0, this.value.length, next, true);
    this.#caret = Math.min(caret, this.value.length);
  };

  #onPaste = (event: ClipboardEvent): void => {
    const origin = this.#ownTarget(event);
    if (!origin || origin.localName === 'select') return;
    event.preventDefault();
    if (this.#disabled) return;
    const cleaned = cleanDialString(event.clipboardData?.getData('text/plain') ?? '');
    if (this.#dtmf) {
      const digits = cleaned.replace(/[^0-9*#]/g, '');
      if (digits) this.#sendDtmf(digits);
      return;
    }
    if (!cleaned) return;
    const input = origin === this.#input ? this.#input : null;
    const text = input?.value ?? '';
    const start = input ? dialIndex(text, input.selectionStart ?? text.length) : this.value.length;
    const end = input ? dialIndex(text, input.selectionEnd ?? text.length) : this.value.length;
    this.#edit(start, end, cleaned, !!input);
    this.#announce(spaced(this.value));
  };

  #onKeyPointerDown = (event: PointerEvent): void => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-key]');
    if (!button || button.disabled || event.button > 0) return;
    const key = button.dataset.key ?? '';
    this.#endPress();
    this.#suppressClick = false;
    this.#tone(key);
    if (key === '0' && !this.#dtmf && !this.value) {
      this.#timer = setTimeout(() => {
        this.#suppressClick = true;
        this.#tones.stop();
        this.#edit(0, 0, '+');
        this.#announce('+');
      }, this.#longPress);
    }
  };

  #onKeyClick = (event: MouseEvent): void => {
    const button = event.currentTarget as HTMLButtonElement;
    if (this.#disabled) return;
    if (this.#suppressClick) {
      this.#suppressClick = false;
      return;
    }
    const key = button.dataset.key ?? '';
    // A click without a pointer press (Space, assistive technology) plays a short tone.
    if (event.detail === 0) this.#tone(key, KEYBOARD_TONE_SECONDS);
    this.#press(key);
  };

  #onBackspaceDown = (event: PointerEvent): void => {
    if (event.button > 0 || !this.value) return;
    this.#endPress();
    this.#suppressClick = false;
    this.#timer = setTimeout(() => {
      this.#suppressClick = true;
      this.clear();
    }, this.#longPress);
  };

  #onBackspaceClick = (): void => {
    if (this.#suppressClick) {
      this.#suppressClick = false;
      return;
    }
    this.backspace();
  };

  /** Ends a press: stops the tone and any long-press timer. */
  #endPress = (): void => {
    this.#tones.stop();
    clearTimeout(this.#timer);
    this.#timer = undefined;
  };

  #onRegionChange = (event: Event): void => {
    event.stopPropagation();
    this.region = (event.target as HTMLSelectElement).value;
    this.dispatchEvent(new CifRegionChangeEvent(this.region));
  };

  #onFocusIn = (event: FocusEvent): void => {
    this.#needFormatter();
    const origin = this.#ownTarget(event);
    const index = origin ? this.#keys().indexOf(origin as HTMLButtonElement) : -1;
    if (index >= 0 && index !== this.#focusIndex) {
      this.#focusIndex = index;
      this.requestUpdate();
    }
    this.#valueAtFocus ??= this.value;
  };

  #onFocusOut = (event: FocusEvent): void => {
    const next = event.relatedTarget as Node | null;
    if (next && (this.renderRoot.contains(next) || this.contains(next))) return;
    if (this.#valueAtFocus !== undefined && this.#valueAtFocus !== this.value) {
      this.dispatchEvent(new Event('change', { bubbles: true }));
    }
    this.#valueAtFocus = undefined;
  };
}
