import { CifDialpad as CifDialpadElement } from '@cif-elements/dialpad/cif-dialpad.js';
import { createComponent } from '@lit/react';
import * as React from 'react';
import { dialpadEvents } from './events.js';

/** Creates the `<CifDialpad>` component for a given React module (React 18 or 19). */
export function createCifDialpad(react: typeof React) {
  return createComponent({
    react,
    tagName: 'cif-dialpad',
    elementClass: CifDialpadElement,
    events: dialpadEvents,
    displayName: 'CifDialpad',
  });
}

/**
 * `<cif-dialpad>` as a React component: element properties as props (objects and functions too, such
 * as `store`, `recents`, `doNotCall`), events as `onCifDial`, `onCifDtmf`, `onCifDialBlocked`,
 * `onCifRegionChange`, `onInput` and `onChange`, and a `ref` to the element.
 */
export const CifDialpad = createCifDialpad(React);
