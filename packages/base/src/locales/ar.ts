import { formatCount } from '../localize/plural.js';
import { registerTranslation } from '../localize/registry.js';
import type { CifTranslation } from '../localize/translation.js';
import { callControls } from './ar/call-controls.js';
import { contactCard } from './ar/contact-card.js';
import { toast } from './ar/incoming-call-toast.js';

/** Arabic (right to left). */
const translation: CifTranslation = {
  $code: 'ar',
  $name: 'العربية',
  $dir: 'rtl',

  close: 'إغلاق',
  dismiss: 'تجاهل',
  loading: 'جارٍ التحميل',
  retry: 'إعادة المحاولة',
  cancel: 'إلغاء',
  more: 'المزيد',
  unknownCaller: 'متصل غير معروف',
  moreCount: (count) => `+${formatCount('ar', count)} أخرى`,
  notInDynamics: 'غير متصل بـ Dynamics 365',

  dialpadLabel: 'لوحة الاتصال',
  dialpadNumber: 'رقم الهاتف',
  dialpadTonesSent: 'النغمات المرسلة',
  dialpadPlaceholder: 'أدخل رقمًا',
  dialpadKey: (key, letters) => (letters ? `${key} ${letters}` : key),
  dialpadCall: 'اتصال',
  dialpadCalling: 'جارٍ الاتصال…',
  dialpadBackspace: 'حذف آخر رقم',
  dialpadClear: 'مسح الرقم',
  dialpadCleared: 'تم مسح الرقم',
  dialpadDeleted: (characters) => `تم حذف ${characters}`,
  dialpadRegion: 'البلد أو المنطقة',
  dialpadValid: (region) => `رقم صالح في ${region}`,
  dialpadInvalid: (region) => `رقم غير صالح في ${region}`,
  dialpadDoNotCall: 'هذا الرقم مدرج في قائمة عدم الاتصال',
  dialpadDoNotCallFailed: 'تعذّر إكمال التحقق من قائمة عدم الاتصال',
  dialpadBlocked: (reason) => `لم يتم الاتصال: ${reason}`,
  dialpadDialFailed: 'تعذّر إجراء المكالمة',
  dialpadDtmfFailed: 'تعذّر إرسال النغمات',
  dialpadRequired: 'أدخل رقم هاتف',
  dialpadRecents: 'الأرقام الأخيرة',
  dialpadRedial: 'معاودة الاتصال',
  ...toast,
  ...callControls,
  ...contactCard,
};

registerTranslation(translation);
export default translation;
