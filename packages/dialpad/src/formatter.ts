/**
 * Number intelligence for the dialpad, as a small structural interface. Core's `phone` module satisfies
 * it; so does any vendor formatter. The default loads libphonenumber-js lazily, off the first-load path.
 *
 * The dialpad passes only the number part of a dial string (no post-dial digits after `,` or `;`, no
 * service codes with `*` or `#`), and an ISO 3166-1 alpha-2 region such as `US`.
 */
export interface DialpadNumberFormatter {
  /** The number formatted as typed so far (`(201) 555-01`). Must keep every digit, in order. */
  asYouType(input: string, region: string): string;
  /** Whether the number is a valid number in the region (or, with `+`, anywhere). */
  isValid(input: string, region: string): boolean;
  /** The number in E.164 (`+12015550123`), or undefined when it cannot be normalised. */
  normalise?(input: string, region: string): string | undefined;
  /** The region's country calling code (`+1`), shown in the region selector. */
  callingCode?(region: string): string | undefined;
}

let loaded: DialpadNumberFormatter | undefined;
let loading: Promise<DialpadNumberFormatter> | undefined;

/**
 * Loads the default formatter (libphonenumber-js with its minimal metadata, a separate chunk) once.
 * Until it arrives the dialpad shows raw digits without formatting and gives no validity hint; if it
 * fails to load (offline, a strict CSP) that fallback stays and a later call tries again.
 */
export function loadDefaultFormatter(): Promise<DialpadNumberFormatter> {
  loading ??= import('./libphonenumber-formatter.js').then(
    (module) => (loaded = module.libphonenumberFormatter),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** The default formatter if it has loaded, else undefined (the synchronous fallback: raw digits). */
export function defaultFormatter(): DialpadNumberFormatter | undefined {
  return loaded;
}
