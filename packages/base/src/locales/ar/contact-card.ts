import type { CifContactCardTerms } from '../../localize/terms/contact-card.js';

/** `<cif-contact-card>` in Arabic. */
export const contactCard = {
  cardLabel: 'جهة الاتصال',
} as const satisfies CifContactCardTerms;
