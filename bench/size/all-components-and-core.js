// Size-limit entry: the four components and core in one first-load bundle (Lit counted once).
import '../../packages/dialpad/dist/cif-dialpad.js';
import '../../packages/incoming-call-toast/dist/cif-incoming-call-toast.js';
import '../../packages/call-controls/dist/cif-call-controls.js';
import '../../packages/contact-card/dist/cif-contact-card.js';

export * from '../../packages/core/dist/index.js';
