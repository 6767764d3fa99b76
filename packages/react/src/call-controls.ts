import { CifCallControls as CifCallControlsElement } from '@cif-elements/call-controls/cif-call-controls.js';
import { createComponent } from '@lit/react';
import * as React from 'react';
import { callControlsEvents } from './events.js';

/** Creates the `<CifCallControls>` component for a given React module (React 18 or 19). */
export function createCifCallControls(react: typeof React) {
  return createComponent({
    react,
    tagName: 'cif-call-controls',
    elementClass: CifCallControlsElement,
    events: callControlsEvents,
    displayName: 'CifCallControls',
  });
}

/**
 * `<cif-call-controls>` as a React component: element properties as props, events as
 * `onCifMuteChange`, `onCifHoldChange`, `onCifHangup`, `onCifTransfer`, `onCifRecordChange` and
 * `onCifWrapUpComplete`, and a `ref` to the element.
 */
export const CifCallControls = createCifCallControls(React);
