import { CifIncomingCallToast as CifIncomingCallToastElement } from '@cif-elements/incoming-call-toast/cif-incoming-call-toast.js';
import { createComponent } from '@lit/react';
import * as React from 'react';
import { incomingCallToastEvents } from './events.js';

/** Creates the `<CifIncomingCallToast>` component for a given React module (React 18 or 19). */
export function createCifIncomingCallToast(react: typeof React) {
  return createComponent({
    react,
    tagName: 'cif-incoming-call-toast',
    elementClass: CifIncomingCallToastElement,
    events: incomingCallToastEvents,
    displayName: 'CifIncomingCallToast',
  });
}

/**
 * `<cif-incoming-call-toast>` as a React component: element properties as props, events as
 * `onCifAnswer`, `onCifDecline` and `onCifTimeout`, and a `ref` to the element.
 */
export const CifIncomingCallToast = createCifIncomingCallToast(React);
