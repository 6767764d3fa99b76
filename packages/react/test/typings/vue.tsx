// Vue templates' view of the elements, typed by each package's generated `vue.d.ts`
// (`@cif-elements/<package>/vue`): the props Vue's type checker (vue-tsc) reads from GlobalComponents.
// (A .tsx file like the React fixtures: these type-check against the built packages, after the build.)
import type {} from '@cif-elements/call-controls/vue';
import type {} from '@cif-elements/contact-card/vue';
import type {} from '@cif-elements/dialpad/vue';
import type {} from '@cif-elements/incoming-call-toast/vue';
import type { GlobalComponents } from 'vue';

type PropsOf<T> = T extends abstract new (...args: never[]) => { $props: infer P } ? P : never;

export const dialpad: PropsOf<GlobalComponents['cif-dialpad']> = {
  value: '2015550123',
  lettersHidden: true,
  onCifDial: (event) => {
    const raw: string = event.detail.raw;
    return raw;
  },
  onInput: (event) => event.type,
};
export const toast: PropsOf<GlobalComponents['cif-incoming-call-toast']> = {
  callerName: 'Jane Doe',
  onCifDecline: (event) => event.detail.callId,
};
export const controls: PropsOf<GlobalComponents['cif-call-controls']> = {
  state: 'connected',
  onCifMuteChange: (event) => event.detail.muted,
};
export const card: PropsOf<GlobalComponents['cif-contact-card']> = {
  number: '+12065550100',
  onCifOpenRecord: (event) => event.detail,
};

// @ts-expect-error lettersHidden is a boolean
export const wrongType: PropsOf<GlobalComponents['cif-dialpad']> = { lettersHidden: 'yes' };
export const wrongEvent: PropsOf<GlobalComponents['cif-dialpad']> = {
  // @ts-expect-error the handler gets a CifDialEvent, whose detail has no `number`
  onCifDial: (event) => event.detail.number,
};
// @ts-expect-error state is a call state, not any string
export const wrongState: PropsOf<GlobalComponents['cif-call-controls']> = { state: 'dancing' };
