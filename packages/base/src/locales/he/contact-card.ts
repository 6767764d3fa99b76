import { plural } from '../../localize/plural.js';
import type { CifContactCardTerms } from '../../localize/terms/contact-card.js';

/** `<cif-contact-card>` in Hebrew. */
export const contactCard = {
  cardLabel: 'איש קשר',
  cardEmpty: 'אין מתקשר',
  cardError: 'לא ניתן היה לטעון את איש הקשר',
  cardActionFailed: 'הפעולה נכשלה. יש לנסות שוב.',
  cardMatches: (count) =>
    plural('he', count, {
      one: 'רשומה אחת תואמת למספר הזה',
      other: '# רשומות תואמות למספר הזה',
    }),
  cardChoose: 'בחירת המתקשר',
  cardOtherMatches: (count) =>
    plural('he', count, {
      one: 'לא המתקשר הזה? התאמה אחת',
      other: 'לא המתקשר הזה? # התאמות',
    }),
  cardChosen: (name) => `נבחר: ${name}`,
  cardOpen: (name) => `פתיחת ${name} ב-Dynamics 365`,
  cardCreate: 'יצירת איש קשר',
  cardSearch: 'חיפוש',
  cardCall: (type, number) => `חיוג אל ${number} (${type})`,
  cardCopy: (type, number) => `העתקת המספר ${number} (${type})`,
  cardCopied: (number) => `המספר ${number} הועתק`,
  cardCopyFailed: 'לא ניתן היה להעתיק את המספר',
  cardPhone: 'טלפון',
  cardPhoneBusiness: 'עבודה',
  cardPhoneMobile: 'נייד',
  cardPhoneHome: 'בית',
  cardPhoneFax: 'פקס',
  cardPhoneOther: 'אחר',
  cardEmail: 'דואר אלקטרוני',
  cardAddress: 'כתובת',
  cardLocalTime: 'שעה מקומית',
  cardVip: 'VIP',
  cardDoNotCall: 'אין להתקשר',
  cardContact: 'איש קשר',
  cardAccount: 'לקוח',
  cardLead: 'ליד',
  cardActivity: 'פעילות אחרונה',
  cardNoActivity: 'אין פעילות אחרונה',
  cardActivityFailed: 'לא ניתן היה לטעון את הפעילות האחרונה',
  cardPhoneCall: 'שיחת טלפון',
  cardCase: 'פנייה',
  cardOtherActivity: 'פעילות',
} as const satisfies CifContactCardTerms;
