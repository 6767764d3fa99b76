import type { CifIncomingCallToastTerms } from '../../localize/terms/incoming-call-toast.js';

/** `<cif-incoming-call-toast>` in Arabic. */
export const toast = {
  toastLabel: 'مكالمة واردة',
} as const satisfies CifIncomingCallToastTerms;
