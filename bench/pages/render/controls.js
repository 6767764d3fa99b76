import '@cif-elements/call-controls/cif-call-controls.js';
import { deepQueryAll, mount } from './settle.js';

const controls = document.createElement('cif-call-controls');
const start = Date.now() - 65_000;
controls.setAttribute('state', 'connected');
controls.setAttribute('call-id', 'bench-call');
controls.setAttribute('call-start', String(start));
// A fixed clock: every sample renders the same 1:05.
Object.assign(controls, { now: () => start + 65_000 });
void mount(controls, () => deepQueryAll('button[data-key]').length >= 4);
