import type { CifCallControlsTerms } from '../../localize/terms/call-controls.js';

/** `<cif-call-controls>` in German. */
export const callControls = {
  controlsLabel: 'Anrufsteuerung',
} as const satisfies CifCallControlsTerms;
