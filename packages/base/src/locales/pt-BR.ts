import { plural } from '../localize/plural.js';
import { registerTranslation } from '../localize/registry.js';
import type { CifTranslation } from '../localize/translation.js';
import { callControls } from './pt-BR/call-controls.js';
import { contactCard } from './pt-BR/contact-card.js';
import { toast } from './pt-BR/incoming-call-toast.js';

/** Portuguese (Brazil). */
const translation: CifTranslation = {
  $code: 'pt-BR',
  $name: 'Português (Brasil)',
  $dir: 'ltr',

  close: 'Fechar',
  dismiss: 'Descartar',
  loading: 'Carregando',
  retry: 'Tentar novamente',
  cancel: 'Cancelar',
  more: 'Mais',
  unknownCaller: 'Número desconhecido',
  moreCount: (count) => plural('pt-BR', count, { one: '+# outra', other: '+# outras' }),
  notInDynamics: 'Não conectado ao Dynamics 365',

  dialpadLabel: 'Teclado de discagem',
  dialpadNumber: 'Número de telefone',
  dialpadTonesSent: 'Tons enviados',
  dialpadPlaceholder: 'Digite um número',
  dialpadKey: (key, letters) => (letters ? `${key} ${letters}` : key),
  dialpadCall: 'Ligar',
  dialpadCalling: 'Ligando…',
  dialpadBackspace: 'Apagar o último dígito',
  dialpadClear: 'Limpar o número',
  dialpadCleared: 'Número apagado',
  dialpadDeleted: (characters) => `${characters} apagado`,
  dialpadRegion: 'País ou região',
  dialpadValid: (region) => `Número válido (${region})`,
  dialpadInvalid: (region) => `Número inválido (${region})`,
  dialpadDoNotCall: 'Este número está na lista de não ligar',
  dialpadDoNotCallFailed: 'Não foi possível concluir a verificação da lista de não ligar',
  dialpadBlocked: (reason) => `Não discado: ${reason}`,
  dialpadDialFailed: 'Não foi possível fazer a chamada',
  dialpadDtmfFailed: 'Não foi possível enviar os tons',
  dialpadRequired: 'Digite um número de telefone',
  dialpadRecents: 'Números recentes',
  dialpadRedial: 'Ligar novamente',
  ...toast,
  ...callControls,
  ...contactCard,
};

registerTranslation(translation);
export default translation;
