import { plural } from '../localize/plural.js';
import { registerTranslation } from '../localize/registry.js';
import type { CifTranslation } from '../localize/translation.js';
import { callControls } from './it/call-controls.js';
import { contactCard } from './it/contact-card.js';
import { toast } from './it/incoming-call-toast.js';

/** Italian. */
const translation: CifTranslation = {
  $code: 'it',
  $name: 'Italiano',
  $dir: 'ltr',

  close: 'Chiudi',
  dismiss: 'Ignora',
  loading: 'Caricamento',
  retry: 'Riprova',
  cancel: 'Annulla',
  more: 'Altro',
  unknownCaller: 'Chiamante sconosciuto',
  moreCount: (count) => plural('it', count, { one: '+# altra', other: '+# altre' }),
  notInDynamics: 'Non connesso a Dynamics 365',

  dialpadLabel: 'Tastierino',
  dialpadNumber: 'Numero di telefono',
  dialpadTonesSent: 'Toni inviati',
  dialpadPlaceholder: 'Inserisci un numero',
  dialpadKey: (key, letters) => (letters ? `${key} ${letters}` : key),
  dialpadCall: 'Chiama',
  dialpadCalling: 'Chiamata in corso…',
  dialpadBackspace: 'Elimina l’ultima cifra',
  dialpadClear: 'Cancella il numero',
  dialpadCleared: 'Numero cancellato',
  dialpadDeleted: (characters) => `${characters} eliminato`,
  dialpadRegion: 'Paese o area geografica',
  dialpadValid: (region) => `Numero valido (${region})`,
  dialpadInvalid: (region) => `Numero non valido (${region})`,
  dialpadDoNotCall: 'Questo numero è nella lista «Non chiamare»',
  dialpadDoNotCallFailed: 'Impossibile completare la verifica della lista «Non chiamare»',
  dialpadBlocked: (reason) => `Non composto: ${reason}`,
  dialpadDialFailed: 'Impossibile effettuare la chiamata',
  dialpadDtmfFailed: 'Impossibile inviare i toni',
  dialpadRequired: 'Inserisci un numero di telefono',
  dialpadRecents: 'Numeri recenti',
  dialpadRedial: 'Richiama',
  ...toast,
  ...callControls,
  ...contactCard,
};

registerTranslation(translation);
export default translation;
