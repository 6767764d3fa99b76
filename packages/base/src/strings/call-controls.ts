import type { CifCallControlsTerms } from '../localize/terms/call-controls.js';

/** English strings of `<cif-call-controls>`: the element's own fallback (`static strings`). */
export const callControlsStrings = {
  controlsLabel: 'Call controls',
} as const satisfies CifCallControlsTerms;
