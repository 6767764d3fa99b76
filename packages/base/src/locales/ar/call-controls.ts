import type { CifCallControlsTerms } from '../../localize/terms/call-controls.js';

/** `<cif-call-controls>` in Arabic. */
export const callControls = {
  controlsLabel: 'عناصر التحكم في المكالمة',
} as const satisfies CifCallControlsTerms;
