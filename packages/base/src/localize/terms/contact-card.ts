/**
 * Terms of `<cif-contact-card>`. Keys start with `card`; every locale must translate them all (the type says so).
 */
export interface CifContactCardTerms {
  /** Placeholder until the component's terms are added. */
  readonly cardLabel: string;
}
