import { plural } from '../../localize/plural.js';
import type { CifIncomingCallToastTerms } from '../../localize/terms/incoming-call-toast.js';

/** `<cif-incoming-call-toast>` in Arabic. */
export const toast = {
  toastLabel: 'المكالمات الواردة',
  toastIncoming: 'مكالمة واردة',
  toastWaiting: 'مكالمة في الانتظار',
  toastMissed: 'مكالمة فائتة',
  toastAnswer: 'رد',
  toastAnswerCall: (name) => `رد على مكالمة ${name}`,
  toastDecline: 'رفض',
  toastDeclineCall: (name) => `رفض مكالمة ${name}`,
  toastVoicemail: 'البريد الصوتي',
  toastVoicemailCall: (name) => `تحويل مكالمة ${name} إلى البريد الصوتي`,
  toastHoldAnswer: 'تعليق ورد',
  toastHoldAnswerCall: (name) => `تعليق ورد: ${name}`,
  toastEndAnswer: 'إنهاء ورد',
  toastEndAnswerCall: (name) => `إنهاء ورد: ${name}`,
  toastDismissCall: (name) => `تجاهل المكالمة الفائتة من ${name}`,
  toastAnnounce: (name, company) => `مكالمة واردة من ${name}${company ? `، ${company}` : ''}`,
  toastAnnounceWaiting: (name, company) =>
    `مكالمة في الانتظار: ${name}${company ? `، ${company}` : ''}`,
  toastAnnounceMissed: (name) => `مكالمة فائتة من ${name}`,
  toastMatches: (count) =>
    plural('ar', count, {
      one: 'سجل واحد مطابق',
      two: 'سجلان مطابقان',
      few: '# سجلات مطابقة',
      many: '# سجلًا مطابقًا',
      other: '# سجل مطابق',
    }),
  toastTimeLeft: (seconds) => `متبقٍ ${seconds} ث`,
  toastQueue: 'قائمة الانتظار',
  toastCampaign: 'الحملة',
  toastIvr: 'اختيارات الرد الصوتي',
  toastEnableSound: 'تفعيل نغمة الرنين',
  toastAnswerFailed: 'تعذّر الرد على المكالمة',
  toastDeclineFailed: 'تعذّر رفض المكالمة',
} as const satisfies CifIncomingCallToastTerms;
