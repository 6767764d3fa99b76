import { defineElement } from '@cif-elements/base';
import { CifContactCard } from './CifContactCard.js';

defineElement('cif-contact-card', CifContactCard);

export { CifContactCard };
// The event types (and their `addEventListener` typings) come with the define module; no code does.
export type {
  CifCreateRecordEvent,
  CifOpenRecordEvent,
  CifRetryEvent,
  CifSearchRecordsEvent,
  CifSelectMatchEvent,
} from './events.js';

declare global {
  interface HTMLElementTagNameMap {
    'cif-contact-card': CifContactCard;
  }
}
