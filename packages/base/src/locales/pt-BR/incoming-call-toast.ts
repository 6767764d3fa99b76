import { plural } from '../../localize/plural.js';
import type { CifIncomingCallToastTerms } from '../../localize/terms/incoming-call-toast.js';

/** `<cif-incoming-call-toast>` in Portuguese (Brazil). */
export const toast = {
  toastLabel: 'Chamadas recebidas',
  toastIncoming: 'Chamada recebida',
  toastWaiting: 'Chamada em espera',
  toastMissed: 'Chamada perdida',
  toastAnswer: 'Atender',
  toastAnswerCall: (name) => `Atender chamada de ${name}`,
  toastDecline: 'Recusar',
  toastDeclineCall: (name) => `Recusar chamada de ${name}`,
  toastVoicemail: 'Correio de voz',
  toastVoicemailCall: (name) => `Enviar chamada de ${name} para o correio de voz`,
  toastHoldAnswer: 'Colocar em espera e atender',
  toastHoldAnswerCall: (name) => `Colocar em espera e atender ${name}`,
  toastEndAnswer: 'Encerrar e atender',
  toastEndAnswerCall: (name) => `Encerrar e atender ${name}`,
  toastDismissCall: (name) => `Descartar chamada perdida de ${name}`,
  toastAnnounce: (name, company) => `Chamada recebida de ${name}${company ? `, ${company}` : ''}`,
  toastAnnounceWaiting: (name, company) =>
    `Chamada em espera: ${name}${company ? `, ${company}` : ''}`,
  toastAnnounceMissed: (name) => `Chamada perdida de ${name}`,
  toastMatches: (count) =>
    plural('pt-BR', count, {
      one: '# registro correspondente',
      other: '# registros correspondentes',
    }),
  toastTimeLeft: (seconds) => `${seconds} s restantes`,
  toastQueue: 'Fila',
  toastCampaign: 'Campanha',
  toastIvr: 'Opções da URA',
  toastEnableSound: 'Ativar toque',
  toastAnswerFailed: 'Não foi possível atender a chamada',
  toastDeclineFailed: 'Não foi possível recusar a chamada',
} as const satisfies CifIncomingCallToastTerms;
