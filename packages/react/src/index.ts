export { CifDialpad, createCifDialpad } from './dialpad.js';
export { CifIncomingCallToast, createCifIncomingCallToast } from './incoming-call-toast.js';
export { CifCallControls, createCifCallControls } from './call-controls.js';
export { CifContactCard, createCifContactCard } from './contact-card.js';
export {
  callControlsEvents,
  contactCardEvents,
  dialpadEvents,
  incomingCallToastEvents,
} from './events.js';
