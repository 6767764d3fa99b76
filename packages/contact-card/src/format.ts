/**
 * Small, pure helpers of the card: number display, initials and avatar colour, and the URL and e-mail
 * checks that keep hostile data from becoming links.
 */

/**
 * Formats numbers for display. `<cif-dialpad>`'s `DialpadNumberFormatter` (libphonenumber-js, or core's
 * phone module) satisfies it, so one formatter serves both: `card.numberFormatter = await loadDefaultFormatter()`.
 */
export interface ContactCardNumberFormatter {
  /** The number formatted (`+1 206 555 0100`). Must keep every digit, in order. */
  asYouType(input: string, region: string): string;
  /** The number in E.164, or undefined when it cannot be normalised. */
  normalise?(input: string, region: string): string | undefined;
}

/** The dialable characters of a number: digits and a leading `+`. */
export function dialable(number: string): string {
  const trimmed = number.trim();
  return (trimmed.startsWith('+') ? '+' : '') + trimmed.replace(/\D/g, '');
}

/**
 * Light display formatting without metadata: a bare North American E.164 number (`+12065550100`) reads
 * `+1 206-555-0100`; anything else keeps its own formatting, with runs of white space collapsed.
 */
export function formatPhone(number: string): string {
  const nanp = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(number.trim());
  return nanp ? `+1 ${nanp[1]}-${nanp[2]}-${nanp[3]}` : number.trim().replace(/\s+/g, ' ');
}

/** E.164 when the number already is one once punctuation is dropped (`+1 (206) 555-0100`), else undefined. */
export function e164(number: string): string | undefined {
  const value = dialable(number);
  return /^\+[1-9]\d{6,14}$/.test(value) ? value : undefined;
}

/** Up to two initials: the first letters of the first and last words (`Alex de Baker` → `AB`). */
export function initials(name: string, lang: string): string {
  const words = name.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
  const first = (word: string | undefined) =>
    [...(word ?? '').replace(/^[^\p{L}\p{N}]+/u, '')][0] ?? '';
  const letters = first(words[0]) + (words.length > 1 ? first(words.at(-1)) : '');
  try {
    return letters.toLocaleUpperCase(lang);
  } catch {
    return letters.toUpperCase();
  }
}

/** A deterministic colour index 0–7 for a key (the record id, else the name). */
export function hue(key: string): number {
  let hash = 0;
  for (const char of key) hash = (Math.imul(hash, 31) + (char.codePointAt(0) ?? 0)) | 0;
  return Math.abs(hash) % 8;
}

/**
 * An image URL safe to put in `<img src>`: http(s) and blob URLs (resolved against the page), and
 * `data:image/…`. Anything else (`javascript:`, `vbscript:`, `data:text/html`, …) gives undefined.
 */
export function safeImageUrl(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  const value = url.trim();
  if (/^data:image\/[\w.+-]+[;,]/i.test(value)) return value;
  try {
    const parsed = new URL(value, document.baseURI);
    return value && /^(?:https?|blob):$/.test(parsed.protocol) ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether `address` is a plain e-mail address safe to make a `mailto:` link of: no white space, no
 * characters that start mailto headers (`?`, `&`) or markup, one `@`, a dotted domain.
 */
export function isEmail(address: string): boolean {
  return (
    address.length <= 254 &&
    /^[^\s@<>()[\]\\,;:"'?&#%/]+@[^\s@<>()[\]\\,;:"'?&#%/]+\.[^\s@<>()[\]\\,;:"'?&#%/.]+$/.test(
      address,
    )
  );
}
