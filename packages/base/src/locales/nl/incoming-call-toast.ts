import { plural } from '../../localize/plural.js';
import type { CifIncomingCallToastTerms } from '../../localize/terms/incoming-call-toast.js';

/** `<cif-incoming-call-toast>` in Dutch. */
export const toast = {
  toastLabel: 'Inkomende gesprekken',
  toastIncoming: 'Inkomend gesprek',
  toastWaiting: 'Wachtend gesprek',
  toastMissed: 'Gemist gesprek',
  toastAnswer: 'Opnemen',
  toastAnswerCall: (name) => `Gesprek van ${name} opnemen`,
  toastDecline: 'Weigeren',
  toastDeclineCall: (name) => `Gesprek van ${name} weigeren`,
  toastVoicemail: 'Voicemail',
  toastVoicemailCall: (name) => `Gesprek van ${name} naar voicemail sturen`,
  toastHoldAnswer: 'In de wacht en opnemen',
  toastHoldAnswerCall: (name) => `In de wacht en opnemen: ${name}`,
  toastEndAnswer: 'Ophangen en opnemen',
  toastEndAnswerCall: (name) => `Ophangen en opnemen: ${name}`,
  toastDismissCall: (name) => `Gemist gesprek van ${name} negeren`,
  toastAnnounce: (name, company) => `Inkomend gesprek van ${name}${company ? `, ${company}` : ''}`,
  toastAnnounceWaiting: (name, company) =>
    `Wachtend gesprek: ${name}${company ? `, ${company}` : ''}`,
  toastAnnounceMissed: (name) => `Gemist gesprek van ${name}`,
  toastMatches: (count) =>
    plural('nl', count, { one: '# overeenkomend record', other: '# overeenkomende records' }),
  toastTimeLeft: (seconds) => `Nog ${seconds} s`,
  toastQueue: 'Wachtrij',
  toastCampaign: 'Campagne',
  toastIvr: 'IVR-keuzes',
  toastEnableSound: 'Beltoon inschakelen',
  toastAnswerFailed: 'Het gesprek kon niet worden opgenomen',
  toastDeclineFailed: 'Het gesprek kon niet worden geweigerd',
} as const satisfies CifIncomingCallToastTerms;
