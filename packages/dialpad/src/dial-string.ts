/**
 * Dial strings: what a dialpad holds and a telephone system accepts.
 *
 * Alphabet: an optional leading `+`, the DTMF keys `0-9 * #`, and the post-dial separators `,` (pause)
 * and `;` (wait) followed by more keys (extensions, conference PINs). A dialable string starts and ends
 * with a key: `+12015550123,,42#`.
 */

export { DIALPAD_KEYS } from './keys.js';

/** The longest dial string kept; longer input is cut (hostile pastes, runaway key repeat). */
export const MAX_DIAL_LENGTH = 64;

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LETTER_DIGITS = '22233344455566677778889999';

/** The digit a letter stands for on a keypad (`F` → `3`), or undefined. */
export function letterDigit(letter: string): string | undefined {
  const index = LETTERS.indexOf(letter.toUpperCase());
  return index < 0 || letter.length !== 1 ? undefined : LETTER_DIGITS[index];
}

/** Zeros of the decimal digit blocks people paste from (Arabic-Indic, Persian, Devanagari, Bengali). */
const DIGIT_ZEROS = [0x660, 0x6f0, 0x966, 0x9e6];

/** Folds fullwidth forms (NFKC) and other scripts' digits to ASCII. */
function foldDigits(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\u09e6-\u09ef]/g, (c) => {
      const code = c.charCodeAt(0);
      const zero = DIGIT_ZEROS.find((z) => code >= z && code <= z + 9) ?? code;
      return String(code - zero);
    });
}

/** Keeps `+` only in front; cuts to the maximum length. */
function fixPlus(text: string): string {
  return text.replace(/(?!^)\+/g, '').slice(0, MAX_DIAL_LENGTH);
}

/**
 * Filters typed characters: ASCII and other-script digits, `* # + , ;`, and letters mapped to their
 * digit when `letters` is true (dropped otherwise). Everything else is dropped. Used for typing, where
 * every character counts and nothing is guessed.
 */
export function sanitizeTyped(text: string, letters: boolean): string {
  let out = '';
  for (const c of foldDigits(text)) {
    if (/[0-9*#+,;]/.test(c)) out += c;
    else if (letters) out += letterDigit(c) ?? '';
  }
  return out;
}

/**
 * Cleans pasted text into a dial string, or returns `''` when there is nothing to dial. Never throws.
 *
 * - a `tel:` / `callto:` scheme is dropped; for `sip:` URIs the user part is kept;
 * - labels before the number (`Tel.`, `Mobile:`) are dropped;
 * - `+` is kept in front only; `(0)` after a country code (`+44 (0)20 …`) is dropped;
 * - spaces, dashes, dots, slashes and parentheses are stripped; other-script digits are folded to ASCII;
 * - extension markers (`x`, `ext`, `ext.`, `extension`, `;ext=`, `#` before an extension is not one) and
 *   the separators `,` `;` become post-dial digits: `x 42` → `,42`;
 * - remaining letters are mapped to their digits (`1-800-FLOWERS` → `18003569377`);
 * - leading and trailing separators are dropped, and the result is cut to {@link MAX_DIAL_LENGTH}.
 */
export function cleanDialString(input: unknown): string {
  if (typeof input !== 'string') return '';
  let text = foldDigits(input.slice(0, 4 * MAX_DIAL_LENGTH)).trim();
  text = text.replace(/^(?:tel|callto):\/*/i, '');
  const sip = /^sips?:([^@]*)@/i.exec(text);
  if (sip) text = sip[1] ?? '';
  // Drop labels in front of the number: everything before the first key or `+`.
  text = text.replace(/^[^0-9*#+]*/, '');
  if (text.startsWith('+')) text = text.replace(/^(\+[\s.-]*\d{1,3}[\s.-]*)\(0\)/, '$1');
  // Extension markers not glued to a preceding letter become a pause.
  text = text.replace(/(^|[^A-Za-z])(?:;?\s*ext(?:ension)?\s*[.:=]?|x\s*[.:]?)\s*(?=\d)/gi, '$1,');
  let out = '';
  for (const c of text) {
    if (/[0-9*#+,;]/.test(c)) out += c;
    else out += letterDigit(c) ?? '';
  }
  return fixPlus(out)
    .replace(/^(\+?)[,;]+/, '$1')
    .replace(/[,;]+$/, '')
    .replace(/^\+$/, '');
}

/**
 * Normalises a value set by the app: a string of dial-string characters is kept as it is (a number being
 * composed, such as `+` or `555,`, included) with `+` in front only; anything else is cleaned like a paste.
 */
export function normaliseValue(input: unknown): string {
  if (typeof input === 'string' && /^[0-9*#+,;]*$/.test(input)) return fixPlus(input);
  return cleanDialString(input);
}

/**
 * Applies an edit to a dial string: replaces `[start, end)` with `insert`, keeps `+` in front only, cuts
 * to the maximum length. Returns the new string and the caret position after the insertion.
 */
export function spliceDialString(
  value: string,
  start: number,
  end: number,
  insert: string,
): { value: string; caret: number } {
  const before = value.slice(0, start) + insert;
  const next = fixPlus(before + value.slice(end));
  return { value: next, caret: Math.min(fixPlus(before).length, next.length) };
}

/** Whether a character belongs to the dial-string alphabet (formatting characters do not). */
export function isDialChar(c: string): boolean {
  return /^[0-9*#+,;]$/.test(c);
}

/** The number of dial-string characters in `text` before `position` (maps a formatted caret to the raw one). */
export function dialIndex(text: string, position: number): number {
  let count = 0;
  for (const c of text.slice(0, position)) if (isDialChar(c)) count++;
  return count;
}

/** The position in formatted `text` just after its `index`-th dial-string character. */
export function formattedIndex(text: string, index: number): number {
  if (index <= 0) return 0;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    if (isDialChar(text[i]!) && ++count === index) return i + 1;
  }
  return text.length;
}

/** Only the dial-string characters of `text` (drops formatting). */
export function dialChars(text: string): string {
  let out = '';
  for (const c of text) if (isDialChar(c)) out += c;
  return out;
}
