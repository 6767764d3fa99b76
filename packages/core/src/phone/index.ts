/**
 * Number intelligence: parse, normalise (E.164), format, validate and match phone numbers, with
 * libphonenumber-js loaded lazily; and the LCID → BCP 47 mapping Dynamics locales need.
 */
export {
  PhoneNumbers,
  createPhoneNumbers,
  type PhoneNumberInfo,
  type PhoneNumbersOptions,
  type PhoneNumberLibrary,
} from './numbers.js';
export { DYNAMICS_LANGUAGES, lcidToLocale, localeToLcid, regionFromLocale } from './lcid.js';
export { callingCodeOf, regionOfCallingCode, nationalPrefixOf } from './calling-codes.js';
