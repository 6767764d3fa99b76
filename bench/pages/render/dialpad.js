import '@cif-elements/dialpad/cif-dialpad.js';
import { mount } from './settle.js';

void mount(document.createElement('cif-dialpad'));
