export { CifSoftphone, type SoftphoneStorage } from './CifSoftphone.js';
export {
  CifStatusChangeEvent,
  type CifStatusChangeDetail,
  type SoftphoneStatus,
} from './events.js';
export {
  createCifContactCardActions,
  contactFromRecord,
  type CifContactCardActionsOptions,
} from './cif-actions.js';
export { createSimulatedProvider, type SimulatedPhoneOptions } from './simulated.js';
export { softphoneStrings, type SoftphoneStrings } from './strings.js';
