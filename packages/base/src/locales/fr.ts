import { plural } from '../localize/plural.js';
import { registerTranslation } from '../localize/registry.js';
import type { CifTranslation } from '../localize/translation.js';
import { callControls } from './fr/call-controls.js';
import { contactCard } from './fr/contact-card.js';
import { toast } from './fr/incoming-call-toast.js';

/** French. */
const translation: CifTranslation = {
  $code: 'fr',
  $name: 'Français',
  $dir: 'ltr',

  close: 'Fermer',
  dismiss: 'Ignorer',
  loading: 'Chargement',
  retry: 'Réessayer',
  cancel: 'Annuler',
  more: 'Plus',
  unknownCaller: 'Appelant inconnu',
  moreCount: (count) => plural('fr', count, { one: '+# autre', other: '+# autres' }),
  notInDynamics: 'Non connecté à Dynamics 365',

  dialpadLabel: 'Clavier numérique',
  dialpadNumber: 'Numéro de téléphone',
  dialpadTonesSent: 'Tonalités envoyées',
  dialpadPlaceholder: 'Saisissez un numéro',
  dialpadKey: (key, letters) => (letters ? `${key} ${letters}` : key),
  dialpadCall: 'Appeler',
  dialpadCalling: 'Appel en cours…',
  dialpadBackspace: 'Supprimer le dernier chiffre',
  dialpadClear: 'Effacer le numéro',
  dialpadCleared: 'Numéro effacé',
  dialpadDeleted: (characters) => `${characters} supprimé`,
  dialpadRegion: 'Pays ou région',
  dialpadValid: (region) => `Numéro valide (${region})`,
  dialpadInvalid: (region) => `Numéro non valide (${region})`,
  dialpadDoNotCall: 'Ce numéro figure sur la liste «\u00a0Ne pas appeler\u00a0»',
  dialpadDoNotCallFailed: 'La vérification de la liste «\u00a0Ne pas appeler\u00a0» n’a pas abouti',
  dialpadBlocked: (reason) => `Non composé\u00a0: ${reason}`,
  dialpadDialFailed: 'L’appel n’a pas pu être passé',
  dialpadDtmfFailed: 'Les tonalités n’ont pas pu être envoyées',
  dialpadRequired: 'Saisissez un numéro de téléphone',
  dialpadRecents: 'Numéros récents',
  dialpadRedial: 'Rappeler',
  ...toast,
  ...callControls,
  ...contactCard,
};

registerTranslation(translation);
export default translation;
