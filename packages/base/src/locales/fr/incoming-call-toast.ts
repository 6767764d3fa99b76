import { plural } from '../../localize/plural.js';
import type { CifIncomingCallToastTerms } from '../../localize/terms/incoming-call-toast.js';

/** `<cif-incoming-call-toast>` in French. */
export const toast = {
  toastLabel: 'Appels entrants',
  toastIncoming: 'Appel entrant',
  toastWaiting: 'Appel en attente',
  toastMissed: 'Appel manqué',
  toastAnswer: 'Répondre',
  toastAnswerCall: (name) => `Répondre à l’appel de ${name}`,
  toastDecline: 'Refuser',
  toastDeclineCall: (name) => `Refuser l’appel de ${name}`,
  toastVoicemail: 'Messagerie',
  toastVoicemailCall: (name) => `Renvoyer l’appel de ${name} vers la messagerie`,
  toastHoldAnswer: 'Mettre en attente et répondre',
  toastHoldAnswerCall: (name) => `Mettre en attente et répondre à ${name}`,
  toastEndAnswer: 'Raccrocher et répondre',
  toastEndAnswerCall: (name) => `Raccrocher et répondre à ${name}`,
  toastDismissCall: (name) => `Ignorer l’appel manqué de ${name}`,
  toastAnnounce: (name, company) => `Appel entrant de ${name}${company ? `, ${company}` : ''}`,
  toastAnnounceWaiting: (name, company) =>
    `Appel en attente\u00a0: ${name}${company ? `, ${company}` : ''}`,
  toastAnnounceMissed: (name) => `Appel manqué de ${name}`,
  toastMatches: (count) =>
    plural('fr', count, { one: '# fiche correspondante', other: '# fiches correspondantes' }),
  toastTimeLeft: (seconds) => `${seconds}\u00a0s restantes`,
  toastQueue: 'File d’attente',
  toastCampaign: 'Campagne',
  toastIvr: 'Choix SVI',
  toastEnableSound: 'Activer la sonnerie',
  toastAnswerFailed: 'Impossible de répondre à l’appel',
  toastDeclineFailed: 'Impossible de refuser l’appel',
} as const satisfies CifIncomingCallToastTerms;
