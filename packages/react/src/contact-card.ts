import { CifContactCard as CifContactCardElement } from '@cif-elements/contact-card/cif-contact-card.js';
import { createComponent } from '@lit/react';
import * as React from 'react';
import { contactCardEvents } from './events.js';

/** Creates the `<CifContactCard>` component for a given React module (React 18 or 19). */
export function createCifContactCard(react: typeof React) {
  return createComponent({
    react,
    tagName: 'cif-contact-card',
    elementClass: CifContactCardElement,
    events: contactCardEvents,
    displayName: 'CifContactCard',
  });
}

/**
 * `<cif-contact-card>` as a React component: element properties as props, events as `onCifDial`,
 * `onCifOpenRecord`, `onCifCreateRecord`, `onCifSearchRecords`, `onCifSelectMatch` and `onCifRetry`,
 * and a `ref` to the element.
 */
export const CifContactCard = createCifContactCard(React);
