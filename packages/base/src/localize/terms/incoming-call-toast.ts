/**
 * Terms of `<cif-incoming-call-toast>`. Keys start with `toast`; every locale must translate them all (the type says so).
 */
export interface CifIncomingCallToastTerms {
  /** Placeholder until the component's terms are added. */
  readonly toastLabel: string;
}
