import { plural } from '../../localize/plural.js';
import type { CifIncomingCallToastTerms } from '../../localize/terms/incoming-call-toast.js';

/** `<cif-incoming-call-toast>` in German. */
export const toast = {
  toastLabel: 'Eingehende Anrufe',
  toastIncoming: 'Eingehender Anruf',
  toastWaiting: 'Anklopfen',
  toastMissed: 'Verpasster Anruf',
  toastAnswer: 'Annehmen',
  toastAnswerCall: (name) => `Anruf von ${name} annehmen`,
  toastDecline: 'Ablehnen',
  toastDeclineCall: (name) => `Anruf von ${name} ablehnen`,
  toastVoicemail: 'Mailbox',
  toastVoicemailCall: (name) => `Anruf von ${name} an die Mailbox senden`,
  toastHoldAnswer: 'Halten & annehmen',
  toastHoldAnswerCall: (name) => `Halten & annehmen: ${name}`,
  toastEndAnswer: 'Beenden & annehmen',
  toastEndAnswerCall: (name) => `Beenden & annehmen: ${name}`,
  toastDismissCall: (name) => `Verpassten Anruf von ${name} verwerfen`,
  toastAnnounce: (name, company) => `Eingehender Anruf von ${name}${company ? `, ${company}` : ''}`,
  toastAnnounceWaiting: (name, company) => `Anklopfen: ${name}${company ? `, ${company}` : ''}`,
  toastAnnounceMissed: (name) => `Verpasster Anruf von ${name}`,
  toastMatches: (count) =>
    plural('de', count, { one: '# passender Datensatz', other: '# passende Datensätze' }),
  toastTimeLeft: (seconds) => `noch ${seconds} s`,
  toastQueue: 'Warteschlange',
  toastCampaign: 'Kampagne',
  toastIvr: 'IVR-Auswahl',
  toastEnableSound: 'Klingelton aktivieren',
  toastAnswerFailed: 'Der Anruf konnte nicht angenommen werden',
  toastDeclineFailed: 'Der Anruf konnte nicht abgelehnt werden',
} as const satisfies CifIncomingCallToastTerms;
