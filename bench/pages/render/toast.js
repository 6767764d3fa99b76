import '@cif-elements/incoming-call-toast/cif-incoming-call-toast.js';
import { deepQueryAll, mount } from './settle.js';

const toast = document.createElement('cif-incoming-call-toast');
toast.setAttribute('number', '+442079460958');
toast.setAttribute('caller-name', 'Amelia Hughes');
toast.setAttribute('company', 'Contoso');
toast.setAttribute('queue', 'Support');
toast.setAttribute('muted', '');
void mount(toast, () => deepQueryAll('button').length >= 2);
