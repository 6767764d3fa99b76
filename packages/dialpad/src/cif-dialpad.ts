import { defineElement } from '@cif-elements/base';
import { CifDialpad } from './CifDialpad.js';

defineElement('cif-dialpad', CifDialpad);

export { CifDialpad };

declare global {
  interface HTMLElementTagNameMap {
    'cif-dialpad': CifDialpad;
  }
}
