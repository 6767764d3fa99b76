export { CifContactCard, type ContactCardView } from './CifContactCard.js';
export type {
  ContactActivity,
  ContactActivityType,
  ContactCardContact,
  ContactEmail,
  ContactField,
  ContactPhone,
  ContactPhoneType,
  ContactRecordRef,
} from './types.js';
export type {
  ContactCardActions,
  ContactCardCallContext,
  ContactCardCreateRequest,
  ContactCardDialRequest,
  ContactCardSearchRequest,
} from './actions.js';
export {
  CifCreateRecordEvent,
  CifDialEvent,
  CifOpenRecordEvent,
  CifRetryEvent,
  CifSearchRecordsEvent,
  CifSelectMatchEvent,
  type CifCreateRecordDetail,
  type CifDialDetail,
  type CifDialSource,
  type CifOpenRecordDetail,
  type CifRetryDetail,
  type CifSearchRecordsDetail,
  type CifSelectMatchDetail,
} from './events.js';
export {
  readContactCardCallState,
  recordOf,
  type ContactCardCallState,
  type ContactCardLookup,
  type ContactCardStateSelector,
  type ContactCardStore,
} from './store.js';
export {
  dialable,
  e164,
  formatPhone,
  hue,
  initials,
  isEmail,
  safeImageUrl,
  type ContactCardNumberFormatter,
} from './format.js';
