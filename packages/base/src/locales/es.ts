import { plural } from '../localize/plural.js';
import { registerTranslation } from '../localize/registry.js';
import type { CifTranslation } from '../localize/translation.js';
import { callControls } from './es/call-controls.js';
import { contactCard } from './es/contact-card.js';
import { toast } from './es/incoming-call-toast.js';

/** Spanish. */
const translation: CifTranslation = {
  $code: 'es',
  $name: 'Español',
  $dir: 'ltr',

  close: 'Cerrar',
  dismiss: 'Descartar',
  loading: 'Cargando',
  retry: 'Reintentar',
  cancel: 'Cancelar',
  more: 'Más',
  unknownCaller: 'Llamante desconocido',
  moreCount: (count) => plural('es', count, { other: '+# más' }),
  notInDynamics: 'No conectado a Dynamics 365',

  dialpadLabel: 'Teclado de marcación',
  dialpadNumber: 'Número de teléfono',
  dialpadTonesSent: 'Tonos enviados',
  dialpadPlaceholder: 'Introduzca un número',
  dialpadKey: (key, letters) => (letters ? `${key} ${letters}` : key),
  dialpadCall: 'Llamar',
  dialpadCalling: 'Llamando…',
  dialpadBackspace: 'Borrar el último dígito',
  dialpadClear: 'Borrar el número',
  dialpadCleared: 'Número borrado',
  dialpadDeleted: (characters) => `${characters} borrado`,
  dialpadRegion: 'País o región',
  dialpadValid: (region) => `Número válido (${region})`,
  dialpadInvalid: (region) => `Número no válido (${region})`,
  dialpadDoNotCall: 'Este número está en la lista de no llamar',
  dialpadDoNotCallFailed: 'No se pudo completar la comprobación de la lista de no llamar',
  dialpadBlocked: (reason) => `No marcado: ${reason}`,
  dialpadDialFailed: 'No se pudo realizar la llamada',
  dialpadDtmfFailed: 'No se pudieron enviar los tonos',
  dialpadRequired: 'Introduzca un número de teléfono',
  dialpadRecents: 'Números recientes',
  dialpadRedial: 'Volver a llamar',
  ...toast,
  ...callControls,
  ...contactCard,
};

registerTranslation(translation);
export default translation;
