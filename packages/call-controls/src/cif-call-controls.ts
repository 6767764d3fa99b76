import { defineElement } from '@cif-elements/base';
import { CifCallControls } from './CifCallControls.js';

defineElement('cif-call-controls', CifCallControls);

export { CifCallControls };
// The event types (and their `addEventListener` typings) come with the define module; no code does.
export type {
  CifHangupEvent,
  CifHoldChangeEvent,
  CifMuteChangeEvent,
  CifRecordChangeEvent,
  CifTransferEvent,
  CifWrapUpCompleteEvent,
} from './events.js';

declare global {
  interface HTMLElementTagNameMap {
    'cif-call-controls': CifCallControls;
  }
}
