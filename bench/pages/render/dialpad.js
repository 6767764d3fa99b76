import '@cif-elements/dialpad/cif-dialpad.js';
import { deepQueryAll, mount } from './settle.js';

void mount(document.createElement('cif-dialpad'), () => deepQueryAll('button').length >= 12);
