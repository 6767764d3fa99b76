import type { CifIncomingCallToastTerms } from '../localize/terms/incoming-call-toast.js';

/** English strings of `<cif-incoming-call-toast>`: the element's own fallback (`static strings`). */
export const toastStrings = {
  toastLabel: 'Incoming call',
} as const satisfies CifIncomingCallToastTerms;
