/* global requestAnimationFrame, MessageChannel, performance */
// Long-shift page: the real <cif-softphone> (standalone, every component inside it) on core's simulated
// phone system, driven call after call through its own buttons by an in-page loop. bench/long-shift.mjs
// measures heap, DOM nodes and listeners through the DevTools protocol between runs.
import { SimulatedProvider } from '@cif-elements/core';
import '@cif-elements/softphone/cif-softphone.js';

const provider = new SimulatedProvider({ latencyMs: 0 });
const softphone = document.createElement('cif-softphone');
softphone.setAttribute('standalone', '');
softphone.setAttribute('wrap-up-seconds', '0');
softphone.setAttribute('namespace', 'bench-long-shift');
Object.assign(softphone, { provider, storage: null });
document.body.append(softphone);

const errors = [];
window.addEventListener('error', (event) => errors.push(`error: ${event.message}`));
window.addEventListener('unhandledrejection', (event) =>
  errors.push(`unhandled rejection: ${String(event.reason)}`),
);
const consoleError = console.error;
console.error = (...args) => {
  errors.push(`console.error: ${args.map(String).join(' ')}`);
  consoleError.apply(console, args);
};

// A task boundary without setTimeout's 4 ms clamp.
const channel = new MessageChannel();
const waiting = [];
channel.port1.onmessage = () => waiting.shift()?.();
const nextTask = () =>
  new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(0);
  });
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** Waits (task by task) until `check` returns something truthy. */
async function until(check, what) {
  for (let i = 0; i < 2000; i++) {
    const value = check();
    if (value) return value;
    await nextTask();
  }
  throw new Error(`timed out waiting for ${what}`);
}

const part = (name) => softphone.shadowRoot?.querySelector(`[part~="${name}"]`) ?? null;
const inner = (host, selector) => host?.shadowRoot?.querySelector(selector) ?? null;
const store = () => softphone.store;
const callOf = (id) =>
  store()
    ?.getSnapshot()
    .calls.find((call) => call.id === id);

/** Counts of what the simulated phone system records about every command and event (see the report). */
let simulatorRecords = 0;
let staleKeypad = 0;
let staleExample = '';
let serial = 0;

/**
 * One call through the softphone's own buttons: ring → Answer (toast) → Mute → Hold → Resume →
 * keypad digit (DTMF) → End call → wrap-up submitted. The UI renders (Lit updates the DOM) at every step;
 * every tenth call ends with an animation frame, so the browser also lays out and paints regularly.
 */
async function oneCall() {
  const n = serial++;
  const number = `+44207946${String(1000 + (n % 9000)).padStart(4, '0')}`;
  const id = provider.ring(number, { displayName: `Caller ${n % 500}` });
  const answer = await until(
    () => inner(part('toast'), 'button[part~="answer"]') ?? findButton(part('toast'), /^Answer/),
    'the Answer button',
  );
  answer.click();
  await until(() => callOf(id)?.state === 'connected', 'connected');
  const controls = await until(() => part('controls'), 'the call controls');
  const control = (key) => inner(controls, `[data-key="${key}"]`);
  (await until(() => control('mute'), 'Mute')).click();
  await until(() => callOf(id)?.muted === true, 'muted');
  (await until(() => control('hold'), 'Hold')).click();
  await until(() => callOf(id)?.state === 'held', 'held');
  control('hold').click();
  await until(() => callOf(id)?.state === 'connected', 'resumed');
  (await until(() => control('keypad'), 'Keypad')).click();
  const pad = await until(() => {
    const region = inner(controls, '[part~="keypad"]');
    const dialpad = region?.querySelector('cif-dialpad') ?? null;
    return dialpad && !region.hidden ? dialpad : null;
  }, 'the in-call keypad');
  // A new call's keypad shows no digits yet; count the calls where it still shows earlier ones.
  if (pad.sentDigits) {
    staleKeypad++;
    staleExample ||= `call ${n + 1}: the keypad opened showing "${pad.sentDigits}"`;
  }
  const before = provider.actions.filter((a) => a.command === 'sendDigits').length;
  (await until(() => findButton(pad, /^5/), 'key 5')).click();
  await until(
    () => provider.actions.filter((a) => a.command === 'sendDigits').length > before,
    'the DTMF digit sent',
  );
  control('keypad')?.click();
  (await until(() => control('end'), 'End call')).click();
  await until(() => callOf(id)?.state === 'ended', 'ended');
  const form = await until(() => inner(controls, '[part~="wrap-up"]'), 'the wrap-up form');
  form.requestSubmit();
  await until(() => store()?.getSnapshot().calls.length === 0, 'idle after wrap-up');
  if (n % 10 === 9) await nextFrame();
  // The simulated phone system keeps every command and event it saw; a real one does not.
  simulatorRecords += provider.actions.length + provider.events.length;
  provider.actions.length = 0;
  provider.events.length = 0;
}

function findButton(host, name) {
  const buttons = host?.shadowRoot?.querySelectorAll('button') ?? [];
  return (
    [...buttons].find(
      (b) =>
        name.test(b.getAttribute('aria-label') ?? '') || name.test(b.textContent?.trim() ?? ''),
    ) ?? null
  );
}

/** Runs `count` calls; returns the time taken and any error. */
async function run(count) {
  const started = performance.now();
  let done = 0;
  try {
    for (; done < count; done++) await oneCall();
  } catch (error) {
    errors.push(`driver after ${serial} calls: ${error instanceof Error ? error.message : error}`);
  }
  return { done, ms: performance.now() - started };
}

window.bench = {
  ready: () => softphone.status === 'standalone' && Boolean(store()),
  run,
  errors: () => [...errors],
  simulatorRecords: () => simulatorRecords,
  staleKeypad: () => ({ calls: staleKeypad, example: staleExample }),
  idle: () => store()?.getSnapshot().calls.length === 0,
  historyLength: () => store()?.getSnapshot().history.length ?? -1,
};
