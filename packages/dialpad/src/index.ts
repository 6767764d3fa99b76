export {
  CifDialpad,
  type DialpadDoNotCallCheck,
  type DialpadDoNotCallVerdict,
  type DialpadRecent,
} from './CifDialpad.js';
export {
  CifDialEvent,
  CifDialBlockedEvent,
  CifDtmfEvent,
  CifRegionChangeEvent,
  type CifDialDetail,
  type CifDialBlockedDetail,
  type CifDialSource,
  type CifDtmfDetail,
} from './events.js';
export {
  loadDefaultFormatter,
  defaultFormatter,
  type DialpadNumberFormatter,
} from './formatter.js';
export {
  readDialpadCallState,
  type DialpadCallState,
  type DialpadStateSelector,
  type DialpadStore,
} from './store.js';
export { DtmfTones, DTMF_FREQUENCIES, MIN_TONE_SECONDS } from './tones.js';
export {
  DIALPAD_KEYS,
  MAX_DIAL_LENGTH,
  cleanDialString,
  letterDigit,
  sanitizeTyped,
} from './dial-string.js';
