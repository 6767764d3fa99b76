export { DEFAULT_SHORTCUTS } from './shortcuts.js';
export {
  CifCallControls,
  type CallControlsDisposition,
  type CallControlsShortcuts,
} from './CifCallControls.js';
export {
  CifMuteChangeEvent,
  CifHoldChangeEvent,
  CifHangupEvent,
  CifTransferEvent,
  CifRecordChangeEvent,
  CifWrapUpCompleteEvent,
  type CifMuteChangeDetail,
  type CifHoldChangeDetail,
  type CifHangupDetail,
  type CifTransferAction,
  type CifTransferDetail,
  type CifRecordChangeDetail,
  type CifWrapUpCompleteDetail,
} from './events.js';
export {
  readCallControlsState,
  type CallControl,
  type CallControlsCallState,
  type CallControlsCapabilities,
  type CallControlsQuality,
  type CallControlsRecording,
  type CallControlsState,
  type CallControlsStateSelector,
  type CallControlsStore,
  type CallControlsWrapUp,
} from './store.js';
