export { CifElement } from './CifElement.js';
export { CifViewElement, type ElementView, type ViewAccess } from './CifViewElement.js';
export { defineElement, type StampedConstructor } from './define.js';
export { warnOnce } from './warn.js';
export {
  CifDialEvent,
  type CifDialDetail,
  type CifDialRecord,
  type CifDialSource,
} from './events.js';
export { VERSION } from './version.js';
export { tokens, adoptTokens, hostThemeStyles } from './tokens/tokens.js';
export { tokensCssText } from './tokens/generate.js';
export { tokenDefinitions, type CifTokenName, type TokenDefinition } from './tokens/definitions.js';
export { LocalizeController, directionOf } from './localize/LocalizeController.js';
export { formatNumber, formatDate, formatRelativeTime, formatDuration } from './localize/format.js';
export { plural, formatCount, type PluralForms } from './localize/plural.js';
export {
  registerTranslation,
  setLocale,
  getLocale,
  registeredLocales,
  resolveTranslation,
  onLocaleRegistryChange,
} from './localize/registry.js';
export { sharedStrings } from './strings/shared.js';
export { dialpadStrings } from './strings/dialpad.js';
export { toastStrings } from './strings/incoming-call-toast.js';
export { callControlsStrings } from './strings/call-controls.js';
export { contactCardStrings } from './strings/contact-card.js';
export type { CifTranslation, CifTranslationKey, CifTermArgs } from './localize/translation.js';
export { announce, announcements, type AnnounceOptions, type Politeness } from './announce.js';
export { StoreController, type ExternalStore } from './store/StoreController.js';
