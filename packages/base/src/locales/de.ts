import { registerTranslation } from '../localize/registry.js';
import type { CifTranslation } from '../localize/translation.js';

/** German. */
const translation: CifTranslation = {
  $code: 'de',
  $name: 'Deutsch',
  $dir: 'ltr',

  close: 'Schließen',
  dismiss: 'Verwerfen',
  loading: 'Wird geladen',
  retry: 'Erneut versuchen',
  cancel: 'Abbrechen',
  more: 'Mehr',
  unknownCaller: 'Unbekannter Anrufer',
  moreCount: (count) => `+${count} weitere`,
  notInDynamics: 'Nicht mit Dynamics 365 verbunden',
};

registerTranslation(translation);
export default translation;
