import { plural } from '../../localize/plural.js';
import type { CifIncomingCallToastTerms } from '../../localize/terms/incoming-call-toast.js';

/** `<cif-incoming-call-toast>` in Italian. */
export const toast = {
  toastLabel: 'Chiamate in arrivo',
  toastIncoming: 'Chiamata in arrivo',
  toastWaiting: 'Chiamata in attesa',
  toastMissed: 'Chiamata persa',
  toastAnswer: 'Rispondi',
  toastAnswerCall: (name) => `Rispondi alla chiamata di ${name}`,
  toastDecline: 'Rifiuta',
  toastDeclineCall: (name) => `Rifiuta la chiamata di ${name}`,
  toastVoicemail: 'Segreteria',
  toastVoicemailCall: (name) => `Inoltra la chiamata di ${name} alla segreteria`,
  toastHoldAnswer: 'Metti in attesa e rispondi',
  toastHoldAnswerCall: (name) => `Metti in attesa e rispondi a ${name}`,
  toastEndAnswer: 'Chiudi e rispondi',
  toastEndAnswerCall: (name) => `Chiudi e rispondi a ${name}`,
  toastDismissCall: (name) => `Ignora la chiamata persa di ${name}`,
  toastAnnounce: (name, company) => `Chiamata in arrivo da ${name}${company ? `, ${company}` : ''}`,
  toastAnnounceWaiting: (name, company) =>
    `Chiamata in attesa: ${name}${company ? `, ${company}` : ''}`,
  toastAnnounceMissed: (name) => `Chiamata persa da ${name}`,
  toastMatches: (count) =>
    plural('it', count, { one: '# record corrispondente', other: '# record corrispondenti' }),
  toastTimeLeft: (seconds) => `${seconds} s rimanenti`,
  toastQueue: 'Coda',
  toastCampaign: 'Campagna',
  toastIvr: 'Scelte IVR',
  toastEnableSound: 'Attiva la suoneria',
  toastAnswerFailed: 'Impossibile rispondere alla chiamata',
  toastDeclineFailed: 'Impossibile rifiutare la chiamata',
} as const satisfies CifIncomingCallToastTerms;
