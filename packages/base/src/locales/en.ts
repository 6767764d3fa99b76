import type { CifTranslation } from '../localize/translation.js';

/** English. Built in: always registered, and the fallback for every other locale. */
const translation: CifTranslation = {
  $code: 'en',
  $name: 'English',
  $dir: 'ltr',

  close: 'Close',
  dismiss: 'Dismiss',
  loading: 'Loading',
  retry: 'Retry',
  cancel: 'Cancel',
  more: 'More',
  unknownCaller: 'Unknown caller',
  moreCount: (count) => `+${count} more`,
  notInDynamics: 'Not connected to Dynamics 365',
};

export default translation;
