// Typed markup for the four elements in Svelte 5: each element's properties as attributes (Svelte sets
// them as properties), and its events as `oncif-…` event attributes.
import type { CifCallControls } from '@cif-elements/call-controls';
import type { CifContactCard } from '@cif-elements/contact-card';
import type { CifDialpad } from '@cif-elements/dialpad';
import type { CifIncomingCallToast } from '@cif-elements/incoming-call-toast';
import type { HTMLAttributes } from 'svelte/elements';

type ElementProps<
  E extends HTMLElement,
  Events extends keyof HTMLElementEventMap,
> = HTMLAttributes<E> &
  Partial<Omit<E, keyof HTMLElement>> & {
    [K in Events as `on${K}`]?: (event: HTMLElementEventMap[K]) => void;
  };

declare module 'svelte/elements' {
  export interface SvelteHTMLElements {
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
