import { plural } from '../../localize/plural.js';
import type { CifContactCardTerms } from '../../localize/terms/contact-card.js';

/** `<cif-contact-card>` in Arabic. */
export const contactCard = {
  cardLabel: 'جهة الاتصال',
  cardEmpty: 'لا يوجد متصل',
  cardError: 'تعذّر تحميل جهة الاتصال',
  cardActionFailed: 'لم ينجح ذلك. حاول مرة أخرى.',
  cardMatches: (count) =>
    plural('ar', count, {
      one: 'سجل واحد يطابق هذا الرقم',
      two: 'سجلان يطابقان هذا الرقم',
      few: '# سجلات تطابق هذا الرقم',
      other: 'عدد السجلات المطابقة لهذا الرقم: #',
    }),
  cardChoose: 'اختر المتصل',
  cardOtherMatches: (count) =>
    `ليس هذا المتصل؟ ${plural('ar', count, {
      one: 'نتيجة واحدة',
      two: 'نتيجتان',
      few: '# نتائج',
      other: '# نتيجة',
    })}`,
  cardChosen: (name) => `تم اختيار ${name}`,
  cardOpen: (name) => `فتح ${name} في Dynamics 365`,
  cardCreate: 'إنشاء جهة اتصال',
  cardSearch: 'بحث',
  cardCall: (type, number) => `اتصال بهاتف ${type} ${number}`,
  cardCopy: (type, number) => `نسخ رقم ${type} ${number}`,
  cardCopied: (number) => `تم نسخ ${number}`,
  cardCopyFailed: 'تعذّر نسخ الرقم',
  cardPhone: 'الهاتف',
  cardPhoneBusiness: 'العمل',
  cardPhoneMobile: 'المحمول',
  cardPhoneHome: 'المنزل',
  cardPhoneFax: 'الفاكس',
  cardPhoneOther: 'آخر',
  cardEmail: 'البريد الإلكتروني',
  cardAddress: 'العنوان',
  cardLocalTime: 'الوقت المحلي',
  cardVip: 'عميل مميز',
  cardDoNotCall: 'عدم الاتصال',
  cardContact: 'جهة اتصال',
  cardAccount: 'حساب',
  cardLead: 'عميل محتمل',
  cardActivity: 'النشاط الأخير',
  cardNoActivity: 'لا يوجد نشاط حديث',
  cardActivityFailed: 'تعذّر تحميل النشاط الأخير',
  cardPhoneCall: 'مكالمة هاتفية',
  cardCase: 'حالة',
  cardOtherActivity: 'نشاط',
} as const satisfies CifContactCardTerms;
