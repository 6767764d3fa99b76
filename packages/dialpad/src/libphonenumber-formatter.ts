import {
  AsYouType,
  getCountryCallingCode,
  isSupportedCountry,
  isValidPhoneNumber,
  parsePhoneNumberFromString,
  type CountryCode,
} from 'libphonenumber-js/min';
import type { DialpadNumberFormatter } from './formatter.js';

const country = (region: string): CountryCode | undefined => {
  const code = region.toUpperCase();
  return isSupportedCountry(code) ? code : undefined;
};

/** The default formatter: libphonenumber-js with minimal metadata. Loaded lazily by the dialpad. */
export const libphonenumberFormatter: DialpadNumberFormatter = {
  asYouType: (input, region) => new AsYouType(country(region)).input(input),
  isValid: (input, region) => isValidPhoneNumber(input, country(region)),
  normalise(input, region) {
    const parsed = parsePhoneNumberFromString(input, country(region));
    return parsed?.isValid() ? parsed.number : undefined;
  },
  callingCode(region) {
    const code = country(region);
    return code ? `+${getCountryCallingCode(code)}` : undefined;
  },
};
