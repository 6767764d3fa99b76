import type { CifIncomingCallToastTerms } from './terms/incoming-call-toast.js';
import type { CifCallControlsTerms } from './terms/call-controls.js';
import type { CifContactCardTerms } from './terms/contact-card.js';

/**
 * The typed translation table. Every locale file implements `CifTranslation` completely, so a missing
 * or misspelt key is a type error, not a blank label at run time.
 *
 * Component packages add their strings here (one shared table keeps terms consistent across the kit and
 * lets one locale import translate everything).
 */
export interface CifTranslation
  extends CifIncomingCallToastTerms, CifCallControlsTerms, CifContactCardTerms {
  /** BCP 47 tag of this translation, e.g. `pt-BR`. */
  readonly $code: string;
  /** The language's own name, e.g. `Deutsch`. */
  readonly $name: string;
  /** Writing direction. */
  readonly $dir: 'ltr' | 'rtl';

  // Shared terms
  readonly close: string;
  readonly dismiss: string;
  readonly loading: string;
  readonly retry: string;
  readonly cancel: string;
  readonly more: string;
  readonly unknownCaller: string;
  /** "+3 more" */
  readonly moreCount: (count: number) => string;
  /** Announced when the kit cannot reach Dynamics. */
  readonly notInDynamics: string;

  // <cif-dialpad>
  /** The dialpad group's accessible name. */
  readonly dialpadLabel: string;
  /** The number field's accessible name. */
  readonly dialpadNumber: string;
  /** The number field's name in DTMF mode, where it shows the tones sent. */
  readonly dialpadTonesSent: string;
  /** Placeholder of the empty number field. */
  readonly dialpadPlaceholder: string;
  /** A key's accessible name: "2 ABC"; `letters` is empty for keys without letters or when they are hidden. */
  readonly dialpadKey: (key: string, letters: string) => string;
  readonly dialpadCall: string;
  /** The call button while a dial is in progress. */
  readonly dialpadCalling: string;
  readonly dialpadBackspace: string;
  readonly dialpadClear: string;
  /** Announced after the number was cleared. */
  readonly dialpadCleared: string;
  /** Announced after a character was deleted. */
  readonly dialpadDeleted: (characters: string) => string;
  /** The region selector's accessible name. */
  readonly dialpadRegion: string;
  /** Validity hint for a valid number; `region` is the region's display name. */
  readonly dialpadValid: (region: string) => string;
  /** Validity hint for a number that is not valid in the region. */
  readonly dialpadInvalid: (region: string) => string;
  /** The default reason shown for a number on the do-not-call list. */
  readonly dialpadDoNotCall: string;
  /** Shown when a do-not-call check could not be completed (the dialpad fails closed). */
  readonly dialpadDoNotCallFailed: string;
  /** Shown, and announced, when a number was not dialled. */
  readonly dialpadBlocked: (reason: string) => string;
  readonly dialpadDialFailed: string;
  readonly dialpadDtmfFailed: string;
  /** Validation message of a required, empty dialpad. */
  readonly dialpadRequired: string;
  /** The recent numbers list's accessible name. */
  readonly dialpadRecents: string;
  /** Read before a recent number's name and number on its redial button. */
  readonly dialpadRedial: string;
}

/** Keys of the translation table that are translated strings or functions (not `$` metadata). */
export type CifTranslationKey = Exclude<keyof CifTranslation, `$${string}`>;

/** The arguments a function term takes (none for a plain string). */
export type CifTermArgs<K extends CifTranslationKey> = CifTranslation[K] extends (
  ...args: infer A
) => string
  ? A
  : [];
