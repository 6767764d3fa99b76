export {
  CifIncomingCallToast,
  type ToastOutcome,
  type ToastPlacement,
} from './CifIncomingCallToast.js';
export {
  CifAnswerEvent,
  CifDeclineEvent,
  CifTimeoutEvent,
  type CifAnswerAction,
  type CifAnswerDetail,
  type CifDeclineAction,
  type CifDeclineDetail,
  type CifTimeoutDetail,
  type CifToastSource,
} from './events.js';
export {
  readToastState,
  type ToastCall,
  type ToastField,
  type ToastMatch,
  type ToastState,
  type ToastStateSelector,
  type ToastStore,
} from './store.js';
