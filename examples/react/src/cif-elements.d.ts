// Typed JSX for the four elements in React 19, as the packages ship it: each element's properties as
// props, and its events as `oncif-…` props (React 19 adds them with addEventListener).
import type {} from '@cif-elements/call-controls/react';
import type {} from '@cif-elements/contact-card/react';
import type {} from '@cif-elements/dialpad/react';
import type {} from '@cif-elements/incoming-call-toast/react';
