/**
 * Windows locale ids (LCIDs), as Dynamics reports them (`userLcid`, `orgLcid`), mapped to BCP 47 tags.
 */

/**
 * The languages Dynamics 365 ships language packs for (the values a user's UI language can take),
 * each with its LCID.
 */
export const DYNAMICS_LANGUAGES: Readonly<Record<number, string>> = Object.freeze({
  1025: 'ar-SA', // Arabic
  1026: 'bg-BG', // Bulgarian
  1027: 'ca-ES', // Catalan
  1028: 'zh-TW', // Chinese (Traditional)
  1029: 'cs-CZ', // Czech
  1030: 'da-DK', // Danish
  1031: 'de-DE', // German
  1032: 'el-GR', // Greek
  1033: 'en-US', // English
  1035: 'fi-FI', // Finnish
  1036: 'fr-FR', // French
  1037: 'he-IL', // Hebrew
  1038: 'hu-HU', // Hungarian
  1040: 'it-IT', // Italian
  1041: 'ja-JP', // Japanese
  1042: 'ko-KR', // Korean
  1043: 'nl-NL', // Dutch
  1044: 'nb-NO', // Norwegian (Bokmål)
  1045: 'pl-PL', // Polish
  1046: 'pt-BR', // Portuguese (Brazil)
  1048: 'ro-RO', // Romanian
  1049: 'ru-RU', // Russian
  1050: 'hr-HR', // Croatian
  1051: 'sk-SK', // Slovak
  1053: 'sv-SE', // Swedish
  1054: 'th-TH', // Thai
  1055: 'tr-TR', // Turkish
  1057: 'id-ID', // Indonesian
  1058: 'uk-UA', // Ukrainian
  1060: 'sl-SI', // Slovenian
  1061: 'et-EE', // Estonian
  1062: 'lv-LV', // Latvian
  1063: 'lt-LT', // Lithuanian
  1066: 'vi-VN', // Vietnamese
  1069: 'eu-ES', // Basque
  1081: 'hi-IN', // Hindi
  1086: 'ms-MY', // Malay
  1087: 'kk-KZ', // Kazakh
  1110: 'gl-ES', // Galician
  2052: 'zh-CN', // Chinese (Simplified)
  2070: 'pt-PT', // Portuguese (Portugal)
  2074: 'sr-Latn-RS', // Serbian (Latin)
  3076: 'zh-HK', // Chinese (Hong Kong SAR)
  3082: 'es-ES', // Spanish (modern sort)
  3098: 'sr-Cyrl-RS', // Serbian (Cyrillic)
});

/**
 * Further LCIDs users pick as their format locale (`localeid`) or that older orgs report: regional
 * variants of the languages above.
 */
const REGIONAL: Readonly<Record<number, string>> = {
  1034: 'es-ES', // Spanish (traditional sort)
  1039: 'is-IS',
  1052: 'sq-AL',
  1056: 'ur-PK',
  1059: 'be-BY',
  1065: 'fa-IR',
  1071: 'mk-MK',
  1089: 'sw-KE',
  1093: 'bn-IN',
  1097: 'ta-IN',
  1098: 'te-IN',
  1100: 'ml-IN',
  1106: 'cy-GB',
  2049: 'ar-IQ',
  2055: 'de-CH',
  2057: 'en-GB',
  2058: 'es-MX',
  2060: 'fr-BE',
  2064: 'it-CH',
  2067: 'nl-BE',
  2068: 'nn-NO',
  2077: 'sv-FI',
  2108: 'ga-IE',
  3073: 'ar-EG',
  3079: 'de-AT',
  3081: 'en-AU',
  3084: 'fr-CA',
  4097: 'ar-LY',
  4100: 'zh-SG',
  4103: 'de-LU',
  4105: 'en-CA',
  4106: 'es-GT',
  4108: 'fr-CH',
  5121: 'ar-DZ',
  5124: 'zh-MO',
  5127: 'de-LI',
  5129: 'en-NZ',
  5130: 'es-CR',
  5132: 'fr-LU',
  6145: 'ar-MA',
  6153: 'en-IE',
  6154: 'es-PA',
  7169: 'ar-TN',
  7177: 'en-ZA',
  7178: 'es-DO',
  8193: 'ar-OM',
  8201: 'en-JM',
  8202: 'es-VE',
  9217: 'ar-YE',
  9226: 'es-CO',
  10241: 'ar-SY',
  10250: 'es-PE',
  11265: 'ar-JO',
  11274: 'es-AR',
  12289: 'ar-LB',
  12298: 'es-EC',
  13313: 'ar-KW',
  13322: 'es-CL',
  14337: 'ar-AE',
  14346: 'es-UY',
  15361: 'ar-BH',
  15370: 'es-PY',
  16385: 'ar-QA',
  16393: 'en-IN',
  16394: 'es-BO',
  17418: 'es-SV',
  18442: 'es-HN',
  18441: 'en-SG',
  19466: 'es-NI',
  20490: 'es-PR',
  17417: 'en-MY',
  13321: 'en-PH',
  21514: 'es-US',
};

/**
 * The BCP 47 tag of a Windows LCID (`1031` → `'de-DE'`), covering every Dynamics 365 language and the
 * common regional variants; `undefined` for an unknown or missing LCID. Accepts numeric strings
 * (`"1033"`), as some hosts send them.
 *
 * @example
 * const { userLcid } = await client.getEnvironment();
 * const tag = lcidToLocale(userLcid) ?? 'en-US';
 */
export function lcidToLocale(lcid: number | string | null | undefined): string | undefined {
  const id = typeof lcid === 'string' ? Number.parseInt(lcid, 10) : lcid;
  if (typeof id !== 'number' || !Number.isInteger(id)) return undefined;
  return DYNAMICS_LANGUAGES[id] ?? REGIONAL[id];
}

/** The LCID of a BCP 47 tag (exact match first, then the language's Dynamics LCID), or undefined. */
export function localeToLcid(tag: string): number | undefined {
  const lower = tag.toLowerCase();
  const all = [...Object.entries(DYNAMICS_LANGUAGES), ...Object.entries(REGIONAL)];
  const exact = all.find(([, value]) => value.toLowerCase() === lower);
  if (exact) return Number(exact[0]);
  const language = lower.split('-')[0];
  const same = Object.entries(DYNAMICS_LANGUAGES).find(
    ([, value]) => value.toLowerCase().split('-')[0] === language,
  );
  return same ? Number(same[0]) : undefined;
}

/**
 * The region of a BCP 47 tag (`'de-AT'` → `'AT'`), or its likely region when the tag has none
 * (`'de'` → `'DE'`, through `Intl.Locale#maximize`); `undefined` when unknown.
 */
export function regionFromLocale(tag: string | null | undefined): string | undefined {
  if (!tag) return undefined;
  try {
    const locale = new Intl.Locale(tag);
    const region = locale.region ?? locale.maximize().region;
    return region && /^[A-Z]{2}$/.test(region) ? region : undefined;
  } catch {
    return undefined;
  }
}
