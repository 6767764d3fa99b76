import { plural } from '../localize/plural.js';
import type { CifIncomingCallToastTerms } from '../localize/terms/incoming-call-toast.js';

/** English strings of `<cif-incoming-call-toast>`: the element's own fallback (`static strings`). */
export const toastStrings = {
  toastLabel: 'Incoming calls',
  toastIncoming: 'Incoming call',
  toastWaiting: 'Call waiting',
  toastMissed: 'Missed call',
  toastAnswer: 'Answer',
  toastAnswerCall: (name) => `Answer call from ${name}`,
  toastDecline: 'Decline',
  toastDeclineCall: (name) => `Decline call from ${name}`,
  toastVoicemail: 'Voicemail',
  toastVoicemailCall: (name) => `Send call from ${name} to voicemail`,
  toastHoldAnswer: 'Hold & answer',
  toastHoldAnswerCall: (name) => `Hold & answer ${name}`,
  toastEndAnswer: 'End & answer',
  toastEndAnswerCall: (name) => `End & answer ${name}`,
  toastDismissCall: (name) => `Dismiss missed call from ${name}`,
  toastAnnounce: (name, company) => `Incoming call from ${name}${company ? `, ${company}` : ''}`,
  toastAnnounceWaiting: (name, company) => `Call waiting: ${name}${company ? `, ${company}` : ''}`,
  toastAnnounceMissed: (name) => `Missed call from ${name}`,
  toastMatches: (count) =>
    plural('en', count, { one: '# matching record', other: '# matching records' }),
  toastTimeLeft: (seconds) => `${seconds} s left`,
  toastQueue: 'Queue',
  toastCampaign: 'Campaign',
  toastIvr: 'IVR choices',
  toastEnableSound: 'Enable ringtone',
  toastAnswerFailed: 'The call could not be answered',
  toastDeclineFailed: 'The call could not be declined',
} as const satisfies CifIncomingCallToastTerms;
