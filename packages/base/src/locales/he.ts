import { plural } from '../localize/plural.js';
import { registerTranslation } from '../localize/registry.js';
import type { CifTranslation } from '../localize/translation.js';
import { callControls } from './he/call-controls.js';
import { contactCard } from './he/contact-card.js';
import { toast } from './he/incoming-call-toast.js';

/** Hebrew (right to left). */
const translation: CifTranslation = {
  $code: 'he',
  $name: 'עברית',
  $dir: 'rtl',

  close: 'סגירה',
  dismiss: 'הסרה',
  loading: 'בטעינה',
  retry: 'ניסיון נוסף',
  cancel: 'ביטול',
  more: 'עוד',
  unknownCaller: 'מתקשר לא מזוהה',
  moreCount: (count) => plural('he', count, { one: '+# נוספת', other: '+# נוספות' }),
  notInDynamics: 'אין חיבור ל-Dynamics 365',

  dialpadLabel: 'לוח חיוג',
  dialpadNumber: 'מספר טלפון',
  dialpadTonesSent: 'צלילים שנשלחו',
  dialpadPlaceholder: 'הזנת מספר',
  dialpadKey: (key, letters) => (letters ? `${key} ${letters}` : key),
  dialpadCall: 'חיוג',
  dialpadCalling: 'מחייג…',
  dialpadBackspace: 'מחיקת הספרה האחרונה',
  dialpadClear: 'ניקוי המספר',
  dialpadCleared: 'המספר נוקה',
  dialpadDeleted: (characters) => `${characters} נמחק`,
  dialpadRegion: 'מדינה או אזור',
  dialpadValid: (region) => `מספר תקין (${region})`,
  dialpadInvalid: (region) => `מספר לא תקין (${region})`,
  dialpadDoNotCall: 'המספר הזה נמצא ברשימת ״אין להתקשר״',
  dialpadDoNotCallFailed: 'לא ניתן היה להשלים את הבדיקה מול רשימת ״אין להתקשר״',
  dialpadBlocked: (reason) => `לא חויג: ${reason}`,
  dialpadDialFailed: 'לא ניתן היה לבצע את השיחה',
  dialpadDtmfFailed: 'לא ניתן היה לשלוח את הצלילים',
  dialpadRequired: 'יש להזין מספר טלפון',
  dialpadRecents: 'מספרים אחרונים',
  dialpadRedial: 'חיוג חוזר',
  ...toast,
  ...callControls,
  ...contactCard,
};

registerTranslation(translation);
export default translation;
