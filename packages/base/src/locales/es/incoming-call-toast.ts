import { plural } from '../../localize/plural.js';
import type { CifIncomingCallToastTerms } from '../../localize/terms/incoming-call-toast.js';

/** `<cif-incoming-call-toast>` in Spanish. */
export const toast = {
  toastLabel: 'Llamadas entrantes',
  toastIncoming: 'Llamada entrante',
  toastWaiting: 'Llamada en espera',
  toastMissed: 'Llamada perdida',
  toastAnswer: 'Responder',
  toastAnswerCall: (name) => `Responder la llamada de ${name}`,
  toastDecline: 'Rechazar',
  toastDeclineCall: (name) => `Rechazar la llamada de ${name}`,
  toastVoicemail: 'Buzón de voz',
  toastVoicemailCall: (name) => `Enviar la llamada de ${name} al buzón de voz`,
  toastHoldAnswer: 'Retener y responder',
  toastHoldAnswerCall: (name) => `Retener y responder a ${name}`,
  toastEndAnswer: 'Colgar y responder',
  toastEndAnswerCall: (name) => `Colgar y responder a ${name}`,
  toastDismissCall: (name) => `Descartar la llamada perdida de ${name}`,
  toastAnnounce: (name, company) => `Llamada entrante de ${name}${company ? `, ${company}` : ''}`,
  toastAnnounceWaiting: (name, company) =>
    `Llamada en espera: ${name}${company ? `, ${company}` : ''}`,
  toastAnnounceMissed: (name) => `Llamada perdida de ${name}`,
  toastMatches: (count) =>
    plural('es', count, { one: '# registro coincidente', other: '# registros coincidentes' }),
  toastTimeLeft: (seconds) => `Quedan ${seconds} s`,
  toastQueue: 'Cola',
  toastCampaign: 'Campaña',
  toastIvr: 'Opciones de IVR',
  toastEnableSound: 'Activar el tono de llamada',
  toastAnswerFailed: 'No se pudo responder la llamada',
  toastDeclineFailed: 'No se pudo rechazar la llamada',
} as const satisfies CifIncomingCallToastTerms;
