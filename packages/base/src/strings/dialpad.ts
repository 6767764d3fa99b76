import type { CifTranslation } from '../localize/translation.js';

/**
 * English strings of `<cif-dialpad>`: the element's own fallback (`static strings`), so a component ships
 * only its own English, not the whole kit's.
 */
export const dialpadStrings = {
  dialpadLabel: 'Dialpad',
  dialpadNumber: 'Phone number',
  dialpadTonesSent: 'Tones sent',
  dialpadPlaceholder: 'Enter a number',
  dialpadKey: (key, letters) => (letters ? `${key} ${letters}` : key),
  dialpadCall: 'Call',
  dialpadCalling: 'Calling…',
  dialpadBackspace: 'Delete last digit',
  dialpadClear: 'Clear number',
  dialpadCleared: 'Number cleared',
  dialpadDeleted: (characters) => `${characters} deleted`,
  dialpadRegion: 'Country or region',
  dialpadValid: (region) => `Valid number for ${region}`,
  dialpadInvalid: (region) => `Not a valid number for ${region}`,
  dialpadDoNotCall: 'This number is on the do-not-call list',
  dialpadDoNotCallFailed: 'The do-not-call check could not be completed',
  dialpadBlocked: (reason) => `Not dialled: ${reason}`,
  dialpadDialFailed: 'The call could not be placed',
  dialpadDtmfFailed: 'The tones could not be sent',
  dialpadRequired: 'Enter a phone number',
  dialpadRecents: 'Recent numbers',
  dialpadRedial: 'Call again',
} as const satisfies Partial<CifTranslation>;
