import { defineElement } from '@cif-elements/base';
import { CifContactCard } from './CifContactCard.js';

defineElement('cif-contact-card', CifContactCard);

export { CifContactCard };

declare global {
  interface HTMLElementTagNameMap {
    'cif-contact-card': CifContactCard;
  }
}
