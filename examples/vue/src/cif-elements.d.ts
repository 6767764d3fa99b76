// Typed templates for the four elements, as the packages ship them (Vue GlobalComponents): vue-tsc
// checks the bindings and the `@cif-…` listeners of <cif-…> tags against the elements' types.
import type {} from '@cif-elements/call-controls/vue';
import type {} from '@cif-elements/contact-card/vue';
import type {} from '@cif-elements/dialpad/vue';
import type {} from '@cif-elements/incoming-call-toast/vue';
