/**
 * Terms of `<cif-call-controls>`. Keys start with `controls`; every locale must translate them all (the type says so).
 */
export interface CifCallControlsTerms {
  /** Placeholder until the component's terms are added. */
  readonly controlsLabel: string;
}
