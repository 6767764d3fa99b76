// Each import registers one element (importing the package root would give the classes only).
import '@cif-elements/call-controls/cif-call-controls.js';
import '@cif-elements/contact-card/cif-contact-card.js';
import '@cif-elements/dialpad/cif-dialpad.js';
import '@cif-elements/incoming-call-toast/cif-incoming-call-toast.js';
import type {
  CifHangupEvent,
  CifHoldChangeEvent,
  CifMuteChangeEvent,
} from '@cif-elements/call-controls';
import { contact, incomingCall } from './demo.js';

const $ = <K extends keyof HTMLElementTagNameMap>(tag: K): HTMLElementTagNameMap[K] => {
  const element = document.querySelector(tag);
  if (!element) throw new Error(`<${tag}> is missing from index.html`);
  return element;
};

const toast = $('cif-incoming-call-toast');
const controls = $('cif-call-controls');
const card = $('cif-contact-card');
const lastEvent = $('output');

const show = (text: string) => {
  lastEvent.value = text;
};

// Data goes in as properties: objects and arrays, not attributes.
toast.calls = [incomingCall];
card.contact = contact;

// No call store is bound, so this page owns the call state: it listens to each intent and sets the new
// state on the elements (in an app, after the phone system confirmed it).
toast.addEventListener('cif-answer', (event) => {
  const { callId } = event.detail;
  show(`cif-answer ${callId}`);
  toast.calls = [];
  controls.callId = callId;
  controls.callStart = Date.now();
  controls.muted = false;
  controls.state = 'connected';
});

toast.addEventListener('cif-decline', (event) => {
  show(`cif-decline ${event.detail.callId}`);
  toast.calls = [];
});

controls.addEventListener('cif-mute-change', (event: CifMuteChangeEvent) => {
  const { callId, muted } = event.detail;
  show(`cif-mute-change ${callId} ${muted ? 'muted' : 'unmuted'}`);
  controls.muted = muted;
});

controls.addEventListener('cif-hold-change', (event: CifHoldChangeEvent) => {
  const { callId, held } = event.detail;
  show(`cif-hold-change ${callId} ${held ? 'held' : 'resumed'}`);
  controls.state = held ? 'held' : 'connected';
  controls.holdStart = held ? Date.now() : undefined;
});

controls.addEventListener('cif-hangup', (event: CifHangupEvent) => {
  show(`cif-hangup ${event.detail.callId}`);
  controls.state = 'idle';
});

// The dialpad and the card fire the same `cif-dial`: one listener on the page places every call.
document.addEventListener('cif-dial', (event) => {
  event.preventDefault(); // no store bound: the page places the call itself
  show(`cif-dial ${event.detail.normalised ?? event.detail.raw}`);
});

card.addEventListener('cif-open-record', (event) => {
  event.preventDefault();
  show(`cif-open-record ${event.detail.record.entityName} ${event.detail.record.id}`);
});
