/* global requestAnimationFrame, performance, OscillatorNode, Event */
// Responsiveness page: an incoming-call toast bound to a call store fed by core's simulated phone system,
// and a dialpad whose DTMF tone starts are timed. Driven by bench/responsiveness.mjs through Playwright.
import '@cif-elements/dialpad/cif-dialpad.js';
import '@cif-elements/incoming-call-toast/cif-incoming-call-toast.js';
import { SimulatedProvider, createCallStore } from '@cif-elements/core';

const provider = new SimulatedProvider({ latencyMs: 0 });
const store = createCallStore({ provider, storage: null, ownership: false });
const toast = document.createElement('cif-incoming-call-toast');
toast.setAttribute('muted', '');
Object.assign(toast, { store });
const dialpad = document.createElement('cif-dialpad');
document.body.append(toast, dialpad);

/** Tone starts: `OscillatorNode.start` calls, timestamped (the dialpad starts two per key). */
const toneStarts = [];
const start = OscillatorNode.prototype.start;
OscillatorNode.prototype.start = function (...args) {
  toneStarts.push(performance.now());
  return start.apply(this, args);
};
/** Key and pointer events as the page received them (their timeStamp: when the input happened). */
const inputs = [];
for (const type of ['keydown', 'pointerdown']) {
  window.addEventListener(type, (event) => inputs.push({ type, at: event.timeStamp }), {
    capture: true,
  });
}

/** The toast's answer button, when laid out and visible. */
function toastPainted() {
  const button = toast.shadowRoot?.querySelector('button');
  if (!button) return false;
  const box = button.getBoundingClientRect();
  return box.width > 0 && box.height > 0 && button.checkVisibility({ visibilityProperty: true });
}

let serial = 0;

/**
 * Rings a call (the provider's `ringing` event goes through the store to the toast) and counts animation
 * frames until the frame in which the toast's answer button is rendered and visible, which that frame
 * paints. Declines it after.
 */
async function ringOnce() {
  const number = `+4420794609${String(10 + (serial++ % 80))}`;
  const t0 = performance.now();
  const callId = provider.ring(number, { displayName: 'Amelia Hughes' });
  const result = await new Promise((resolve) => {
    let frames = 0;
    const tick = () => {
      frames++;
      if (toastPainted()) resolve({ frames, ms: performance.now() - t0 });
      else if (frames > 600) resolve({ frames: NaN, ms: NaN });
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await store.decline(callId);
  while (toastPainted()) await new Promise((resolve) => requestAnimationFrame(resolve));
  await new Promise((resolve) => setTimeout(resolve, 50));
  return result;
}

window.bench = {
  ringOnce,
  focusDialpad: () => dialpad.focus(),
  keyBox: (label) => {
    const key = [...(dialpad.shadowRoot?.querySelectorAll('button') ?? [])].find((b) =>
      (b.getAttribute('aria-label') ?? b.textContent ?? '').trim().startsWith(label),
    );
    const box = key?.getBoundingClientRect();
    return box ? { x: box.x + box.width / 2, y: box.y + box.height / 2 } : null;
  },
  /** Latency from the last input event to the first tone start after it, in ms. */
  lastToneLatency: () => {
    const input = inputs.at(-1);
    const tone = input && toneStarts.find((t) => t >= input.at);
    return input && tone !== undefined ? tone - input.at : NaN;
  },
  reset: () => {
    inputs.length = 0;
    toneStarts.length = 0;
  },
  clear: () => dialpad.clear?.(),
};
window.dispatchEvent(new Event('bench-ready'));
