import '@cif-elements/softphone/cif-softphone.js';
import { deepQueryAll, mount } from './settle.js';

const softphone = document.createElement('cif-softphone');
softphone.setAttribute('standalone', '');
softphone.setAttribute('namespace', `bench-${Math.random().toString(36).slice(2)}`);
Object.assign(softphone, { storage: null });
void mount(softphone, () =>
  deepQueryAll('cif-dialpad').some(
    (pad) => (pad.shadowRoot?.querySelectorAll('button').length ?? 0) >= 12,
  ),
);
