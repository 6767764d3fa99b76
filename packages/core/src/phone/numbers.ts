/**
 * Number intelligence: one normaliser for dialing and for contact matching. Parses what agents type and
 * what Dataverse stores (formatting, `tel:` URIs, extensions, vanity letters, `(0)`, full-width digits),
 * normalises to E.164, formats, validates and compares.
 *
 * libphonenumber-js (full metadata) is loaded lazily with a dynamic import, off the first-load path.
 * Until it has arrived every method answers synchronously from a fallback: the same cleaning, then
 * E.164 from the calling code and national prefix of the region (international forms with `+`, `00`,
 * `011`, … are exact; national forms are right wherever the national prefix is simply dropped, which
 * is most regions); `valid` is then only a length check and `precise` is false. Call {@link
 * PhoneNumbers.load} (or await {@link PhoneNumbers.ready}) where the exact answer matters, e.g. before
 * matching callers.
 */
import type * as LibPhoneNumber from 'libphonenumber-js/max';
import {
  callingCodeOf,
  nationalPrefixOf,
  regionOfCallingCode,
  splitCallingCode,
} from './calling-codes.js';
import { lcidToLocale, regionFromLocale } from './lcid.js';

/** The parts of libphonenumber-js the normaliser uses (the module `libphonenumber-js/max`). */
export type PhoneNumberLibrary = Pick<
  typeof LibPhoneNumber,
  'parsePhoneNumberFromString' | 'AsYouType' | 'isSupportedCountry'
>;

/** What {@link PhoneNumbers.parse} tells about a number. */
export interface PhoneNumberInfo {
  /** The input as given. */
  readonly input: string;
  /** E.164 (`'+16195550129'`), `null` when the input is not a (possible) phone number. */
  readonly e164: string | null;
  /** The region the number belongs to (`'US'`), when known. */
  readonly region: string | null;
  /** The country calling code without `+` (`'1'`), when known. */
  readonly callingCode: string | null;
  /** National formatting (`'(619) 555-0129'`); the cleaned input when the number cannot be parsed. */
  readonly national: string;
  /** International formatting (`'+1 619 555 0129'`); the cleaned input when the number cannot be parsed. */
  readonly international: string;
  /** The extension (`'123'` from `ext. 123`, `x123`, `;ext=123`), `null` when none. */
  readonly extension: string | null;
  /**
   * DTMF to send after the call connects: the extension after a pause (`',123'`), or the digits after a
   * `,` or `;` in the input; `null` when none.
   */
  readonly postDial: string | null;
  /** Valid for its region (exact with libphonenumber-js; a length check in the fallback). */
  readonly valid: boolean;
  /** Has a possible length for its region. */
  readonly possible: boolean;
  /** Letters were read as keypad digits (`1-800-FLOWERS`). */
  readonly vanity: boolean;
  /** Answered by libphonenumber-js (true) or by the synchronous fallback (false). */
  readonly precise: boolean;
}

/** Options of {@link createPhoneNumbers}. */
export interface PhoneNumbersOptions {
  /** Region for national numbers (ISO 3166 alpha-2, e.g. `'US'`). Wins over `lcid` and `locale`. */
  readonly defaultRegion?: string | null;
  /** A Dynamics LCID (the user's `userLcid`) whose locale's region becomes the default region. */
  readonly lcid?: number | null;
  /** A BCP 47 locale whose region becomes the default region. Defaults to `navigator.language`. */
  readonly locale?: string | null;
  /** Loads libphonenumber-js. Defaults to `import('libphonenumber-js/max')`. */
  readonly load?: () => Promise<PhoneNumberLibrary>;
  /** Start loading on the first use (default true). With false, only {@link PhoneNumbers.load} loads. */
  readonly autoLoad?: boolean;
}

const KEYPAD: Readonly<Record<string, string>> = {
  A: '2',
  B: '2',
  C: '2',
  D: '3',
  E: '3',
  F: '3',
  G: '4',
  H: '4',
  I: '4',
  J: '5',
  K: '5',
  L: '5',
  M: '6',
  N: '6',
  O: '6',
  P: '7',
  Q: '7',
  R: '7',
  S: '7',
  T: '8',
  U: '8',
  V: '8',
  W: '9',
  X: '9',
  Y: '9',
  Z: '9',
};
const EXTENSION =
  /(?<=[\s\d).-])\s*(?:extension|extn\.?|ext\.?|x\.?|#|доб\.?)\s*[:.]?\s*(\d{1,10})\s*#?\s*$/i;
const PHONE_CHARS = /^\+?[\d\s().\-/[\]]*$/;
const MAX_INPUT = 120;
const CACHE_LIMIT = 500;

interface Prepared {
  /** Phone characters only (letters converted), `+` kept when leading. */
  readonly text: string;
  readonly digits: string;
  readonly plus: boolean;
  readonly extension: string | null;
  readonly postDial: string | null;
  readonly vanity: boolean;
  readonly garbage: boolean;
}

/** Maps Arabic-Indic and other decimal digits to ASCII, full-width forms through NFKC. */
function asciiDigits(text: string): string {
  return (
    text
      .normalize('NFKC')
      .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
      .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
      .replace(/[\u2010-\u2015\u2212]/g, '-')
      .replace(/[\u00A0\u2000-\u200B\u202F]/g, ' ')
      // Bidi marks, embeddings, isolates and joiners that right-to-left pages wrap numbers in.
      .replace(/[\u061C\u200C-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g, '')
  );
}

/** Text of a value an untyped caller passed for a number; '' when it has none (never throws). */
function textOf(value: unknown): string {
  try {
    // Numbers, and objects that carry their own text (a toString), as the untyped caller meant them.
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- any value, read leniently
    return String(value ?? '');
  } catch {
    return '';
  }
}

/** Cleans an input into phone characters, extension and post-dial digits. */
function prepare(input: string): Prepared {
  let text = asciiDigits(input).trim();
  let extension: string | null = null;
  let postDial: string | null = null;
  // URIs: tel:+1-201-555-0123;ext=1234, sip:+12015550123@host, callto:
  const uri = /^(?:tel|callto|sips?):/i.exec(text);
  if (uri) {
    text = text.slice(uri[0].length).replace(/^\/\//, '');
    const at = text.indexOf('@');
    if (at >= 0) text = text.slice(0, at);
    const ext = /;ext=(\d{1,10})/i.exec(text);
    if (ext) extension = ext[1] ?? null;
    text = text.replace(/;.*$/, '');
  }
  // Post-dial: everything after the first , or ;
  const pause = text.search(/[,;]/);
  if (pause >= 0) {
    const rest = text.slice(pause).replace(/\s/g, '');
    text = text.slice(0, pause).trim();
    if (/^[,;]+[\d*#,;]*$/.test(rest) && /[\d*#]/.test(rest)) postDial = rest;
    else if (rest.replace(/[,;]/g, '') !== '') {
      return {
        text,
        digits: '',
        plus: false,
        extension,
        postDial: null,
        vanity: false,
        garbage: true,
      };
    }
  }
  if (extension === null) {
    const ext = EXTENSION.exec(text);
    if (ext) {
      extension = ext[1] ?? null;
      text = text.slice(0, ext.index).trim();
    }
  }
  // +44 (0) 20 7946 0958: the (0) is the national prefix, not dialled from abroad.
  if (/^(?:\+|00)/.test(text)) text = text.replace(/\(\s*0\s*\)/g, '');
  let vanity = false;
  const letters = (text.match(/[A-Z]/gi) ?? []).length;
  if (letters > 0) {
    const digitCount = (text.match(/\d/g) ?? []).length;
    if (letters > 10 || digitCount < 3 || !/^\+?[\dA-Z\s().\-/]+$/i.test(text)) {
      return { text, digits: '', plus: false, extension, postDial, vanity: false, garbage: true };
    }
    text = text.replace(/[A-Z]/gi, (char) => KEYPAD[char.toUpperCase()] ?? char);
    vanity = true;
  }
  const plus = text.startsWith('+');
  const digits = text.replace(/\D/g, '');
  const garbage =
    text.length > MAX_INPUT || !PHONE_CHARS.test(text) || digits.length < 3 || digits.length > 17;
  if (extension !== null && postDial === null) postDial = `,${extension}`;
  return { text, digits, plus, extension, postDial, vanity, garbage };
}

interface FallbackResult {
  readonly code: string;
  readonly national: string;
}

/** E.164 parts without metadata: the international prefix, the calling code and the national prefix. */
function fallbackParts(p: Prepared, region: string | null): FallbackResult | null {
  const { digits } = p;
  let international: string | null = null;
  if (p.plus) {
    international = digits;
  } else if (region) {
    const code = callingCodeOf(region);
    if (!code) return null;
    const exits = [
      '00',
      code === '1' ? '011' : '',
      region === 'AU' ? '0011' : '',
      region === 'JP' ? '010' : '',
    ];
    if (['RU', 'BY', 'KZ', 'TM'].includes(region)) exits.push('810');
    const exit = exits
      .filter((prefix) => prefix !== '' && digits.startsWith(prefix))
      .sort((a, b) => b.length - a.length)[0];
    if (exit) {
      international = digits.slice(exit.length);
    } else if (code === '1') {
      if (digits.length === 10) international = `1${digits}`;
      else if (digits.length === 11 && digits.startsWith('1')) international = digits;
    } else {
      const prefix = nationalPrefixOf(region);
      international =
        code + (prefix && digits.startsWith(prefix) ? digits.slice(prefix.length) : digits);
    }
  } else if (digits.startsWith('00')) {
    international = digits.slice(2);
  }
  if (international === null) return null;
  const split = splitCallingCode(international);
  if (!split) return null;
  const [code, national] = split;
  if (national.length < 4 || international.length < 8 || international.length > 15) return null;
  return { code, national };
}

function normaliseRegion(region: string | null | undefined): string | null {
  if (typeof region !== 'string') return null;
  const upper = region.trim().toUpperCase();
  return /^[A-Z]{2}$/.test(upper) && callingCodeOf(upper) !== undefined ? upper : null;
}

function defaultLoader(): Promise<PhoneNumberLibrary> {
  return import('libphonenumber-js/max');
}

/**
 * The number normaliser. Create one with {@link createPhoneNumbers} and share it: the call store's
 * `normalise` option, the click-to-act and caller-matching workflows and the dialpad all read numbers
 * the same way.
 *
 * @example
 * const phone = createPhoneNumbers({ lcid: env.userLcid });
 * phone.toE164('(619) 555-0129');          // '+16195550129' (fallback, before the library loads)
 * await phone.ready;
 * phone.parse('+44 20 7946 0958 ext. 12'); // { e164: '+442079460958', extension: '12', postDial: ',12', … }
 * phone.matches('020 7946 0958', '+44 20 7946 0958', 'GB'); // true
 */
export class PhoneNumbers {
  readonly #loader: () => Promise<PhoneNumberLibrary>;
  readonly #autoLoad: boolean;
  readonly #cache = new Map<string, PhoneNumberInfo>();
  readonly #listeners = new Set<() => void>();
  #region: string | null;
  #lib: PhoneNumberLibrary | null = null;
  #loading: Promise<boolean> | null = null;
  #loadError: unknown = null;

  constructor(options: PhoneNumbersOptions = {}) {
    this.#loader = options.load ?? defaultLoader;
    this.#autoLoad = options.autoLoad ?? true;
    const navigatorLocale = typeof navigator === 'undefined' ? undefined : navigator.language;
    this.#region =
      normaliseRegion(options.defaultRegion) ??
      normaliseRegion(regionFromLocale(lcidToLocale(options.lcid))) ??
      normaliseRegion(regionFromLocale(options.locale ?? navigatorLocale));
  }

  /** The region national numbers belong to, `null` when none could be determined. */
  get defaultRegion(): string | null {
    return this.#region;
  }

  /** Sets the default region (e.g. from the user's LCID once getEnvironment answers). Invalid: ignored. */
  setDefaultRegion(region: string | null): void {
    const next = region === null ? null : normaliseRegion(region);
    if (region !== null && next === null) return;
    this.#region = next;
    this.#cache.clear();
  }

  /** Whether libphonenumber-js has loaded (answers are `precise`). */
  get loaded(): boolean {
    return this.#lib !== null;
  }

  /** Why loading failed, when it did (the fallback keeps answering). */
  get loadError(): unknown {
    return this.#loadError;
  }

  /**
   * Loads libphonenumber-js (once). Resolves true when it is available, false when loading failed (the
   * fallback keeps answering; `loadError` says why; a later call tries again).
   */
  load(): Promise<boolean> {
    if (this.#lib) return Promise.resolve(true);
    this.#loading ??= this.#loader().then(
      (lib) => {
        this.#lib = lib;
        this.#loadError = null;
        this.#cache.clear();
        for (const listener of [...this.#listeners]) listener();
        return true;
      },
      (error: unknown) => {
        this.#loadError = error;
        this.#loading = null;
        return false;
      },
    );
    return this.#loading;
  }

  /** Resolves once libphonenumber-js is loaded (or failed to load: check `loaded`). */
  get ready(): Promise<boolean> {
    return this.load();
  }

  /** Calls `listener` once libphonenumber-js has loaded (re-render formatted numbers). */
  onLoad(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /** Everything about a number; `region` overrides the default region for national numbers. */
  parse(input: string, region?: string | null): PhoneNumberInfo {
    const text = typeof input === 'string' ? input : textOf(input);
    const where = region === undefined ? this.#region : normaliseRegion(region);
    const key = `${this.#lib ? 1 : 0}|${where ?? ''}|${text}`;
    const cached = this.#cache.get(key);
    if (cached) return cached;
    if (!this.#lib && this.#autoLoad) void this.load();
    const info = Object.freeze(this.#parse(text, where));
    if (this.#cache.size >= CACHE_LIMIT) this.#cache.delete(this.#cache.keys().next().value ?? '');
    this.#cache.set(key, info);
    return info;
  }

  /** E.164, or `null` when the input is not a possible phone number. */
  toE164(input: string, region?: string | null): string | null {
    return this.parse(input, region).e164;
  }

  /** National formatting (`'(619) 555-0129'`). */
  formatNational(input: string, region?: string | null): string {
    return this.parse(input, region).national;
  }

  /** International formatting (`'+1 619 555 0129'`). */
  formatInternational(input: string, region?: string | null): string {
    return this.parse(input, region).international;
  }

  /** Whether the number is valid for its region. */
  isValid(input: string, region?: string | null): boolean {
    return this.parse(input, region).valid;
  }

  /**
   * Formats a partial number as the agent types (`'6195'` → `'(619) 5'`). Before libphonenumber-js has
   * loaded, the input is returned unchanged.
   */
  asYouType(input: string, region?: string | null): string {
    const text = typeof input === 'string' ? input : '';
    const where = region === undefined ? this.#region : normaliseRegion(region);
    if (!this.#lib) {
      if (this.#autoLoad) void this.load();
      return text;
    }
    const lib = this.#lib;
    const country = where && lib.isSupportedCountry(where) ? where : undefined;
    return new lib.AsYouType(country).input(asciiDigits(text));
  }

  /**
   * Whether two numbers are the same line: both normalise to E.164 and the E.164 numbers are equal.
   * Extensions are ignored (a call from a company's main line matches its contacts). Never a substring
   * comparison: `555 0129` does not match `+1 619 555 0129`.
   */
  matches(a: string, b: string, region?: string | null): boolean {
    const left = this.toE164(a, region);
    return left !== null && left === this.toE164(b, region);
  }

  /**
   * The string to hand the call store's `dial`: E.164 (or the cleaned input when it cannot be
   * normalised) followed by the post-dial digits (`'+16195550129,123'`).
   */
  dialString(input: string, region?: string | null): string {
    const info = this.parse(input, region);
    const main = info.e164 ?? prepare(info.input).text;
    return info.postDial ? `${main}${info.postDial}` : main;
  }

  /**
   * Ways the number is commonly stored (E.164, with and without `+`, national and international
   * formatting with spaces, dashes, dots or nothing between the groups) that read back as the same
   * number, to find candidate records with `eq` filters. Candidates must still be confirmed with
   * {@link matches} (a stored number may carry an extension or other formatting). Empty when not a number.
   */
  variants(input: string, region?: string | null): string[] {
    const info = this.parse(input, region);
    if (!info.e164) return [];
    const out = new Set<string>([info.e164, info.e164.slice(1), info.national, info.international]);
    const nationalGroups = info.national.match(/\d+/g) ?? [];
    const internationalGroups = info.international.replace(/^\+\d+\s*/, '').match(/\d+/g) ?? [];
    const code = `+${info.callingCode ?? ''}`;
    for (const joiner of [' ', '-', '.', '']) {
      out.add(nationalGroups.join(joiner));
      out.add(`${code} ${internationalGroups.join(joiner)}`);
      out.add(`${code}${joiner === '' ? '' : joiner}${internationalGroups.join(joiner)}`);
    }
    // +44 (0)20 7946 0958: the national prefix in brackets, common in European data.
    const trunk = nationalPrefixOf(info.region ?? '');
    const [first, ...rest] = nationalGroups;
    if (trunk === '0' && first?.startsWith('0')) {
      const groups = [first.slice(1), ...rest].filter(Boolean).join(' ');
      out.add(`${code} (0)${groups}`);
      out.add(`${code} (0) ${groups}`);
    }
    if (info.callingCode === '1' && nationalGroups.length === 3) {
      const [area, exchange, line] = nationalGroups;
      out.add(`(${area}) ${exchange}-${line}`);
      out.add(`(${area})${exchange}-${line}`);
      out.add(`1-${area}-${exchange}-${line}`);
      out.add(`+1 (${area}) ${exchange}-${line}`);
    }
    // Only forms that read back as this number (E.164 without `+` does not, outside NANP).
    return [...out].filter(
      (variant) => variant !== '' && this.matches(variant, info.e164 ?? '', region),
    );
  }

  #parse(input: string, region: string | null): PhoneNumberInfo {
    const p = prepare(input);
    const base = {
      input,
      extension: p.extension,
      postDial: p.postDial,
      vanity: p.vanity,
      precise: this.#lib !== null,
    };
    const unknown: PhoneNumberInfo = {
      ...base,
      e164: null,
      region: null,
      callingCode: null,
      national: p.garbage ? input.trim() : p.text,
      international: p.garbage ? input.trim() : p.text,
      valid: false,
      possible: false,
    };
    if (p.garbage) return unknown;
    const lib = this.#lib;
    if (lib) {
      const country = region && lib.isSupportedCountry(region) ? region : undefined;
      // Without a region, a 00-prefixed number is still international.
      const text =
        !country && !p.plus && p.digits.startsWith('00') ? `+${p.digits.slice(2)}` : p.text;
      let parsed: LibPhoneNumber.PhoneNumber | undefined;
      try {
        parsed = lib.parsePhoneNumberFromString(text, { defaultCountry: country, extract: false });
      } catch {
        parsed = undefined;
      }
      if (!parsed) return unknown;
      const possible = parsed.isPossible();
      return {
        ...base,
        e164: possible ? parsed.number : null,
        region: parsed.country ?? regionOfCallingCode(parsed.countryCallingCode) ?? null,
        callingCode: parsed.countryCallingCode,
        national: parsed.formatNational(),
        international: parsed.formatInternational(),
        valid: possible && parsed.isValid(),
        possible,
      };
    }
    const parts = fallbackParts(p, region);
    if (!parts) return unknown;
    return {
      ...base,
      e164: `+${parts.code}${parts.national}`,
      region:
        parts.code === callingCodeOf(region ?? '')
          ? region
          : (regionOfCallingCode(parts.code) ?? null),
      callingCode: parts.code,
      national: p.plus
        ? `${parts.code === '1' ? '' : nationalPrefixOf(regionOfCallingCode(parts.code) ?? '')}${parts.national}`
        : p.text,
      international: `+${parts.code} ${parts.national}`,
      valid: true,
      possible: true,
    };
  }
}

/**
 * Creates a {@link PhoneNumbers} normaliser.
 *
 * @example
 * const phone = createPhoneNumbers({ defaultRegion: 'GB' });
 * const store = createCallStore({ provider, normalise: (raw) => phone.toE164(raw) });
 */
export function createPhoneNumbers(options?: PhoneNumbersOptions): PhoneNumbers {
  return new PhoneNumbers(options);
}
