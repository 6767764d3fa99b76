import { CifElement, warnOnce, type CifTranslation } from '@cif-elements/base';
import {
  css,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import type * as Chunk from './dialpad-behaviour.js';
import type { DialpadBehaviour } from './dialpad-behaviour.js';
import type { DialpadNumberFormatter } from './formatter.js';
import type { DialpadStateSelector, DialpadStore } from './store.js';

/** Until the behaviour arrives the dialpad shows nothing, so the first load carries no dialpad styles. */
const shellStyles = css`
  :host {
    display: block;
  }
`;

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

/**
 * @internal The behaviour chunk, loaded once per page (a failed load is tried again by the next element
 * that connects). Tests replace `load` to delay or fail it.
 */
export const behaviourChunk: {
  load: () => Promise<typeof Chunk>;
  loading?: Promise<typeof Chunk> | undefined;
  module?: typeof Chunk | undefined;
} = { load: () => import('./dialpad-behaviour.js') };

/**
 * The English the element needs before its behaviour arrives (the validity message of a required, empty
 * dialpad); the behaviour adds the rest of base's `dialpadStrings` when it loads.
 */
const FIRST_STRINGS: Partial<CifTranslation> = {
  dialpadRequired: 'Enter a phone number',
};

/** Every event the behaviour handles, listened to once on the shadow root (capture: `pointerleave` too). */
const EVENTS =
  'keydown keyup paste focusin focusout click pointerdown pointerup pointercancel pointerleave pointerover contextmenu beforeinput input';

/**
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
 * **Loading.** The define module holds the element's definition and properties; the dialpad itself (its
 * rendering and styles, input handling, tones, the store, formatting, the do-not-call gate, hints, the
 * region selector and recent numbers) is a separate chunk that starts loading when the element connects.
 * A value set and `backspace()`/`clear()`/`dial()` called before it arrives are carried out once it has;
 * `updateComplete` waits for it.
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
  static override styles = [CifElement.styles, shellStyles];
  /**
   * The dialpad's own English strings (other languages: `@cif-elements/base/locales/*.js`): the validity
   * message at first, completed with base's `dialpadStrings` when the behaviour loads.
   */
  static override strings: Partial<CifTranslation> = FIRST_STRINGS;
  static override shadowRootOptions: ShadowRootInit = {
    ...CifElement.shadowRootOptions,
    delegatesFocus: true,
  };
  /** Takes part in forms through ElementInternals. */
  static formAssociated = true;
  static override properties: PropertyDeclarations = {
    value: {},
    mode: {},
    region: {},
    regions: {},
    lettersHidden: { type: Boolean, attribute: 'letters-hidden' },
    vanityLetters: { type: Boolean, attribute: 'vanity-letters' },
    tonesMuted: { type: Boolean, attribute: 'tones-muted' },
    toneVolume: { type: Number, attribute: 'tone-volume' },
    longPressDuration: { type: Number, attribute: 'long-press-duration' },
    density: { reflect: true },
    pending: { type: Boolean },
    disabled: { type: Boolean },
    required: { type: Boolean },
    name: { reflect: true },
    label: {},
    placeholder: {},
    store: { attribute: false },
    storeSelector: { attribute: false },
    numberFormatter: { attribute: false },
    doNotCall: { attribute: false },
    recents: { attribute: false },
  };

  #value = '';

  /**
   * The number as a dial string (digits, `*`, `#`, a leading `+`, `,`/`;` before post-dial digits). Other
   * text set here (`+1 (201) 555-0123`, `tel:` links) is cleaned like a paste (once the behaviour has
   * loaded; `updateComplete` waits for it). The attribute is the default value, restored on form reset.
   */
  get value(): string {
    return this.#value;
  }
  set value(value: string) {
    const text = value == null ? '' : String(value);
    this.#value = behaviourChunk.module?.normaliseValue(text) ?? text;
  }

  /** `dial`: compose, then dial. `dtmf`: every key is sent at once (set by a bound store during calls). */
  mode: 'dial' | 'dtmf' = 'dial';

  /** ISO 3166-1 alpha-2 region to read numbers in (`US`); by default the region of the element's language. */
  region = '';

  /** Regions offered in the built-in selector, space- or comma-separated (`US GB DE`). Empty: no selector. */
  regions = '';

  /** Hides the letters on the keys. */
  lettersHidden = false;

  /** Maps typed letters to their digits (vanity numbers such as 1-800-FLOWERS). Pasted letters always are. */
  vanityLetters = false;

  /** Silences the local DTMF tones. */
  tonesMuted = false;

  /** Volume of the local DTMF tones, 0 to 1. */
  toneVolume = 0.25;

  /** How long a press must last, in milliseconds, for long-press 0 (`+`) and long-press backspace (clear). */
  longPressDuration = 600;

  /** `auto`: compact below 320 px of width (a 300 px channel panel), comfortable otherwise. */
  density: 'auto' | 'compact' | 'comfortable' = 'auto';

  /** Marks a dial in progress (also read from a bound store). */
  pending = false;

  /** Disables the dialpad. */
  disabled = false;

  /** A number is required for form submission. */
  required = false;

  /** The form field name. */
  name = '';

  /** Overrides the group's accessible name (default: the localised "Dialpad"). */
  label = '';

  /** Overrides the empty number field's placeholder. */
  placeholder = '';

  /** A call store to bind to (see `DialpadStore`). */
  store: DialpadStore | undefined;

  /** Maps the store's snapshot to `{ inCall, pending }` when the default reading does not fit. */
  storeSelector: DialpadStateSelector | undefined;

  /** Formats and validates numbers; by default libphonenumber-js, loaded lazily. */
  numberFormatter: DialpadNumberFormatter | undefined;

  /** The do-not-call gate: a list of numbers (checked as you type) or a check run before every dial. */
  doNotCall: readonly string[] | DialpadDoNotCallCheck | undefined;

  /** Recent numbers offered for redial (dial mode). */
  recents: readonly (string | DialpadRecent)[] = [];

  /** The behaviour, once its chunk has loaded. */
  #b: DialpadBehaviour | undefined;
  /** Work waiting for the behaviour (input that came first); undefined once its chunk failed to load. */
  #queue: ((behaviour: DialpadBehaviour) => unknown)[] | undefined = [];
  #loading: Promise<unknown> | undefined;

  /** The digits sent in DTMF mode during the current call (as the bound store records them, if it does). */
  get sentDigits(): string {
    return this.#b?.sentDigits ?? '';
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
    const region = String(this.region).trim().toUpperCase();
    if (/^[A-Z]{2}$/.test(region)) return region;
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
  async dial(number?: string): Promise<void> {
    await this.updateComplete;
    return this.#b?.dial('api', number);
  }

  /** Deletes the last character (in dial mode). */
  backspace(): void {
    this.#run((b) => b.backspace());
  }

  /** Clears the number (or, in DTMF mode, the digits shown as sent). */
  clear(): void {
    this.#run((b) => b.clear());
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const chunk = behaviourChunk;
    if (chunk.module) this.#attach(chunk.module);
    this.#loading ??= (chunk.loading ??= chunk.load()).then(
      (module) => this.#attach((chunk.module = module)),
      (error: unknown) => {
        chunk.loading = this.#queue = undefined;
        warnOnce(
          'cif-dialpad',
          'chunk',
          `the dialpad's behaviour could not be loaded (${String(error)}); it shows without working.`,
        );
      },
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#b?.disconnected();
  }

  /** `updateComplete` also waits for the behaviour, so a resolved update is a working dialpad. */
  protected override async getUpdateComplete(): Promise<boolean> {
    await super.getUpdateComplete();
    await this.#loading;
    return super.getUpdateComplete();
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
  formDisabledCallback(): void {
    this.requestUpdate();
  }

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = super.createRenderRoot();
    for (const type of EVENTS.split(' ')) root.addEventListener(type, this.#on, true);
    return root;
  }

  /** One listener for every event of the shadow tree, which exists only once the behaviour has loaded. */
  #on = (event: Event): void => {
    const origin = event.composedPath()[0] as HTMLElement;
    const extra =
      (event as ClipboardEvent).clipboardData?.getData('text/plain') ??
      (event as FocusEvent).relatedTarget;
    this.#b?.on(event, origin, extra);
  };

  #run(work: (behaviour: DialpadBehaviour) => unknown): void {
    if (this.#b) work(this.#b);
    else this.#queue?.push(work);
  }

  #attach(module: typeof Chunk): void {
    if (this.#b) return;
    const b = (this.#b = new module.DialpadBehaviour(this, this.localize, this.internals));
    this.value = this.#value;
    for (const work of this.#queue?.splice(0) ?? []) work(b);
    this.requestUpdate();
  }

  get #disabled(): boolean {
    // `:disabled` also matches in a disabled fieldset (form-associated).
    return this.disabled || this.matches(':disabled');
  }

  override willUpdate(changed: PropertyValues<this>): void {
    this.#b?.willUpdate(changed);
  }

  override updated(): void {
    const input = this.renderRoot.querySelector('input');
    this.internals.setFormValue(this.value);
    this.internals.setValidity(
      { valueMissing: this.required && !this.value && !this.#disabled },
      this.localize.term('dialpadRequired'),
      input ?? undefined,
    );
    this.#b?.updated(input);
  }

  override render(): TemplateResult | typeof nothing {
    return this.#b ? this.#b.render() : nothing;
  }
}
