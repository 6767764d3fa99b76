import type { CifContactCardTerms } from '../localize/terms/contact-card.js';

/** English strings of `<cif-contact-card>`: the element's own fallback (`static strings`). */
export const contactCardStrings = {
  cardLabel: 'Contact',
} as const satisfies CifContactCardTerms;
