import { defineElement } from '@cif-elements/base';
import { CifCallControls } from './CifCallControls.js';

defineElement('cif-call-controls', CifCallControls);

export { CifCallControls };

declare global {
  interface HTMLElementTagNameMap {
    'cif-call-controls': CifCallControls;
  }
}
