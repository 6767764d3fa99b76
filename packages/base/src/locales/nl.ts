import { plural } from '../localize/plural.js';
import { registerTranslation } from '../localize/registry.js';
import type { CifTranslation } from '../localize/translation.js';
import { callControls } from './nl/call-controls.js';
import { contactCard } from './nl/contact-card.js';
import { toast } from './nl/incoming-call-toast.js';

/** Dutch. */
const translation: CifTranslation = {
  $code: 'nl',
  $name: 'Nederlands',
  $dir: 'ltr',

  close: 'Sluiten',
  dismiss: 'Negeren',
  loading: 'Laden',
  retry: 'Opnieuw proberen',
  cancel: 'Annuleren',
  more: 'Meer',
  unknownCaller: 'Onbekende beller',
  moreCount: (count) => plural('nl', count, { other: '+# meer' }),
  notInDynamics: 'Niet verbonden met Dynamics 365',

  dialpadLabel: 'Kiestoetsen',
  dialpadNumber: 'Telefoonnummer',
  dialpadTonesSent: 'Verzonden tonen',
  dialpadPlaceholder: 'Voer een nummer in',
  dialpadKey: (key, letters) => (letters ? `${key} ${letters}` : key),
  dialpadCall: 'Bellen',
  dialpadCalling: 'Bellen…',
  dialpadBackspace: 'Laatste cijfer verwijderen',
  dialpadClear: 'Nummer wissen',
  dialpadCleared: 'Nummer gewist',
  dialpadDeleted: (characters) => `${characters} verwijderd`,
  dialpadRegion: 'Land of regio',
  dialpadValid: (region) => `Geldig nummer (${region})`,
  dialpadInvalid: (region) => `Geen geldig nummer (${region})`,
  dialpadDoNotCall: 'Dit nummer staat op de bel-me-niet-lijst',
  dialpadDoNotCallFailed: 'De controle van de bel-me-niet-lijst kon niet worden voltooid',
  dialpadBlocked: (reason) => `Niet gekozen: ${reason}`,
  dialpadDialFailed: 'Het gesprek kon niet tot stand worden gebracht',
  dialpadDtmfFailed: 'De tonen konden niet worden verzonden',
  dialpadRequired: 'Voer een telefoonnummer in',
  dialpadRecents: 'Recente nummers',
  dialpadRedial: 'Opnieuw bellen',
  ...toast,
  ...callControls,
  ...contactCard,
};

registerTranslation(translation);
export default translation;
