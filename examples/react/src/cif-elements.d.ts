// JSX typings of the four elements for React 19: every public property of the element class as a prop,
// plus the `on<event>` props React 19 turns into `addEventListener(<event>)`.
import type { CifCallControls } from '@cif-elements/call-controls';
import type { CifContactCard } from '@cif-elements/contact-card';
import type { CifDialpad } from '@cif-elements/dialpad';
import type { CifIncomingCallToast } from '@cif-elements/incoming-call-toast';
import type { DetailedHTMLProps, HTMLAttributes } from 'react';

type ElementProps<
  E extends HTMLElement,
  Events extends keyof HTMLElementEventMap,
> = DetailedHTMLProps<HTMLAttributes<E>, E> &
  Partial<Omit<E, keyof HTMLElement>> & {
    [K in Events as `on${K}`]?: (event: HTMLElementEventMap[K]) => void;
  };

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- how React declares JSX elements
  namespace JSX {
    interface IntrinsicElements {
      'cif-dialpad': ElementProps<
        CifDialpad,
        'cif-dial' | 'cif-dtmf' | 'cif-dial-blocked' | 'cif-region-change'
      >;
      'cif-incoming-call-toast': ElementProps<
        CifIncomingCallToast,
        'cif-answer' | 'cif-decline' | 'cif-timeout'
      >;
      'cif-call-controls': ElementProps<
        CifCallControls,
        | 'cif-mute-change'
        | 'cif-hold-change'
        | 'cif-hangup'
        | 'cif-transfer'
        | 'cif-record-change'
        | 'cif-wrap-up-complete'
      >;
      'cif-contact-card': ElementProps<
        CifContactCard,
        | 'cif-dial'
        | 'cif-open-record'
        | 'cif-create-record'
        | 'cif-search-records'
        | 'cif-select-match'
        | 'cif-retry'
      >;
    }
  }
}
