import '@cif-elements/softphone/cif-softphone.js';
import { mount } from './settle.js';

const softphone = document.createElement('cif-softphone');
softphone.setAttribute('standalone', '');
softphone.setAttribute('namespace', `bench-${Math.random().toString(36).slice(2)}`);
Object.assign(softphone, { storage: null });
void mount(softphone);
