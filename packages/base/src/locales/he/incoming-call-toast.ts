import { plural } from '../../localize/plural.js';
import type { CifIncomingCallToastTerms } from '../../localize/terms/incoming-call-toast.js';

/** `<cif-incoming-call-toast>` in Hebrew. */
export const toast = {
  toastLabel: 'שיחות נכנסות',
  toastIncoming: 'שיחה נכנסת',
  toastWaiting: 'שיחה ממתינה',
  toastMissed: 'שיחה שלא נענתה',
  toastAnswer: 'מענה',
  toastAnswerCall: (name) => `מענה לשיחה מ-${name}`,
  toastDecline: 'דחייה',
  toastDeclineCall: (name) => `דחייה של השיחה מ-${name}`,
  toastVoicemail: 'תא קולי',
  toastVoicemailCall: (name) => `העברת השיחה מ-${name} אל תא קולי`,
  toastHoldAnswer: 'המתנה ומענה',
  toastHoldAnswerCall: (name) => `המתנה ומענה: ${name}`,
  toastEndAnswer: 'ניתוק ומענה',
  toastEndAnswerCall: (name) => `ניתוק ומענה: ${name}`,
  toastDismissCall: (name) => `הסרת השיחה שלא נענתה מ-${name}`,
  toastAnnounce: (name, company) => `שיחה נכנסת מ-${name}${company ? `, ${company}` : ''}`,
  toastAnnounceWaiting: (name, company) => `שיחה ממתינה: ${name}${company ? `, ${company}` : ''}`,
  toastAnnounceMissed: (name) => `שיחה שלא נענתה מ-${name}`,
  toastMatches: (count) =>
    plural('he', count, { one: 'רשומה תואמת אחת', other: '# רשומות תואמות' }),
  toastTimeLeft: (seconds) => `נותרו ${seconds} שנ׳`,
  toastQueue: 'תור',
  toastCampaign: 'קמפיין',
  toastIvr: 'בחירות במענה הקולי',
  toastEnableSound: 'הפעלת צלצול',
  toastAnswerFailed: 'לא ניתן היה לענות לשיחה',
  toastDeclineFailed: 'לא ניתן היה לדחות את השיחה',
} as const satisfies CifIncomingCallToastTerms;
