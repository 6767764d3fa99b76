// Each import registers one element. They come before the first render, so React 19 finds the
// elements' properties and sets `contact`, `calls`… as properties instead of attributes.
import '@cif-elements/call-controls/cif-call-controls.js';
import '@cif-elements/contact-card/cif-contact-card.js';
import '@cif-elements/dialpad/cif-dialpad.js';
import '@cif-elements/incoming-call-toast/cif-incoming-call-toast.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import './style.css';

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
