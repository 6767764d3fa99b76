import { defineElement } from '@cif-elements/base';
import { CifSoftphone } from './CifSoftphone.js';

defineElement('cif-softphone', CifSoftphone);

export { CifSoftphone };

declare global {
  interface HTMLElementTagNameMap {
    'cif-softphone': CifSoftphone;
  }
}
