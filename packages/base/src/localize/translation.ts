/**
 * The typed translation table. Every locale file implements `CifTranslation` completely, so a missing
 * or misspelt key is a type error, not a blank label at run time.
 *
 * Component packages add their strings here (one shared table keeps terms consistent across the kit and
 * lets one locale import translate everything).
 */
export interface CifTranslation {
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
}

/** Keys of the translation table that are translated strings or functions (not `$` metadata). */
export type CifTranslationKey = Exclude<keyof CifTranslation, `$${string}`>;

/** The arguments a function term takes (none for a plain string). */
export type CifTermArgs<K extends CifTranslationKey> = CifTranslation[K] extends (
  ...args: infer A
) => string
  ? A
  : [];
