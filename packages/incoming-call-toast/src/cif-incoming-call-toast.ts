import { defineElement } from '@cif-elements/base';
import { CifIncomingCallToast } from './CifIncomingCallToast.js';

defineElement('cif-incoming-call-toast', CifIncomingCallToast);

export { CifIncomingCallToast };

declare global {
  interface HTMLElementTagNameMap {
    'cif-incoming-call-toast': CifIncomingCallToast;
  }
}
