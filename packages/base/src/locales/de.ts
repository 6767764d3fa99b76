import { formatCount } from '../localize/plural.js';
import { registerTranslation } from '../localize/registry.js';
import type { CifTranslation } from '../localize/translation.js';
import { callControls } from './de/call-controls.js';
import { contactCard } from './de/contact-card.js';
import { toast } from './de/incoming-call-toast.js';

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
  moreCount: (count) => `+${formatCount('de', count)} weitere`,
  notInDynamics: 'Nicht mit Dynamics 365 verbunden',

  dialpadLabel: 'Wähltastatur',
  dialpadNumber: 'Telefonnummer',
  dialpadTonesSent: 'Gesendete Töne',
  dialpadPlaceholder: 'Nummer eingeben',
  dialpadKey: (key, letters) => (letters ? `${key} ${letters}` : key),
  dialpadCall: 'Anrufen',
  dialpadCalling: 'Wird angerufen…',
  dialpadBackspace: 'Letzte Ziffer löschen',
  dialpadClear: 'Nummer löschen',
  dialpadCleared: 'Nummer gelöscht',
  dialpadDeleted: (characters) => `${characters} gelöscht`,
  dialpadRegion: 'Land oder Region',
  dialpadValid: (region) => `Gültige Nummer für ${region}`,
  dialpadInvalid: (region) => `Keine gültige Nummer für ${region}`,
  dialpadDoNotCall: 'Diese Nummer steht auf der Sperrliste',
  dialpadDoNotCallFailed: 'Die Sperrlistenprüfung konnte nicht abgeschlossen werden',
  dialpadBlocked: (reason) => `Nicht gewählt: ${reason}`,
  dialpadDialFailed: 'Der Anruf konnte nicht aufgebaut werden',
  dialpadDtmfFailed: 'Die Töne konnten nicht gesendet werden',
  dialpadRequired: 'Geben Sie eine Telefonnummer ein',
  dialpadRecents: 'Letzte Nummern',
  dialpadRedial: 'Erneut anrufen',
  ...toast,
  ...callControls,
  ...contactCard,
};

registerTranslation(translation);
export default translation;
