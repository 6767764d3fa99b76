import type { CifIncomingCallToastTerms } from '../../localize/terms/incoming-call-toast.js';

/** `<cif-incoming-call-toast>` in German. */
export const toast = {
  toastLabel: 'Eingehender Anruf',
} as const satisfies CifIncomingCallToastTerms;
