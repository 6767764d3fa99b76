import type { CifTranslation } from '../localize/translation.js';

/** English terms shared across the kit: the built-in fallback of every element. */
export const sharedStrings = {
  close: 'Close',
  dismiss: 'Dismiss',
  loading: 'Loading',
  retry: 'Retry',
  cancel: 'Cancel',
  more: 'More',
  unknownCaller: 'Unknown caller',
  moreCount: (count) => `+${count.toLocaleString('en')} more`,
  notInDynamics: 'Not connected to Dynamics 365',
} as const satisfies Partial<CifTranslation>;
