import { registerTranslation } from '../localize/registry.js';
import type { CifTranslation } from '../localize/translation.js';
import { dialpadStrings } from '../strings/dialpad.js';
import { sharedStrings } from '../strings/shared.js';
import { toastStrings } from '../strings/incoming-call-toast.js';
import { callControlsStrings } from '../strings/call-controls.js';
import { contactCardStrings } from '../strings/contact-card.js';

/**
 * English, complete. Components carry their own English (`static strings`) so it need not be imported;
 * import it to override English terms or to register every English string at once.
 */
const translation: CifTranslation = {
  $code: 'en',
  $name: 'English',
  $dir: 'ltr',
  ...sharedStrings,
  ...dialpadStrings,
  ...toastStrings,
  ...callControlsStrings,
  ...contactCardStrings,
};

registerTranslation(translation);
export default translation;
