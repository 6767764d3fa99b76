import type { CifContactCardTerms } from '../../localize/terms/contact-card.js';

/** `<cif-contact-card>` in German. */
export const contactCard = {
  cardLabel: 'Kontakt',
} as const satisfies CifContactCardTerms;
