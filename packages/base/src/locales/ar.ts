import { registerTranslation } from '../localize/registry.js';
import type { CifTranslation } from '../localize/translation.js';

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
  moreCount: (count) => `+${count} أخرى`,
  notInDynamics: 'غير متصل بـ Dynamics 365',
};

registerTranslation(translation);
export default translation;
