/**
 * End-to-end harness: the emulator (a simulated Dynamics 365) with the softphone framed in its channel
 * panel, started from Node by the server commands of test/wtr-plugins.mjs, and driven in a second page
 * of the same Chromium: real clicks and typing in the host page and in the widget's cross-origin frame,
 * state read from the host's `window.cifEmulator` (Dataverse, sessions, inspector, call simulator).
 */
import { executeServerCommand } from '@web/test-runner-commands';

/** A frame to act in: the host page, or the softphone's frame. */
export type Where = 'host' | 'widget';

/** A running emulator + softphone with a page open on the host. */
export interface Stack {
  readonly id: string;
  readonly url: string;
  readonly widgetUrl: string;
  readonly api: 1 | 2;
  readonly pageId: string;
}

const command = <T>(name: string, payload: Record<string, unknown>) =>
  executeServerCommand<T, Record<string, unknown>>(name, payload);

const pageCommand = <T>(stack: Stack, payload: Record<string, unknown>) =>
  command<T>('cif-softphone:page', { id: stack.pageId, ...payload });

/** Starts the emulator (CIF 1.0 or 2.0) with the softphone, and opens the host in a new page. */
export async function startStack(api: 1 | 2, config?: Record<string, unknown>): Promise<Stack> {
  const started = await command<{ id: string; url: string; widgetUrl: string; api: 1 | 2 }>(
    'cif-softphone:start',
    { api, ...(config ? { config } : {}) },
  );
  const { id: pageId } = await command<{ id: string }>('cif-softphone:page', {
    action: 'open',
    url: started.url,
    widgetUrl: started.widgetUrl,
  });
  return { ...started, pageId };
}

/** Closes the page and stops the servers. */
export async function stopStack(stack: Stack | undefined): Promise<void> {
  if (!stack) return;
  await command('cif-softphone:page', { id: stack.pageId, action: 'close' });
  await command('cif-softphone:stop', { id: stack.id });
}

/** Runs `script` (the body of an async function) in the host page or the widget frame. */
export async function run<T = unknown>(stack: Stack, where: Where, script: string): Promise<T> {
  const { value } = await pageCommand<{ value: T }>(stack, {
    action: 'eval',
    frame: where,
    script,
  });
  return value;
}

/**
 * Polls `script` (a body returning a value) until the value is truthy; resolves it. `what` names the
 * condition in the timeout error.
 */
export async function until<T>(
  stack: Stack,
  where: Where,
  script: string,
  what: string,
  timeout = 8000,
): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    last = await run<T>(stack, where, script);
    if (last) return last as T;
    if (Date.now() > deadline)
      throw new Error(`Timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
    await new Promise((resolve) => setTimeout(resolve, 60));
  }
}

/** Clicks an element (puppeteer selector: `>>>` pierces shadow roots, `::-p-aria(name)`). */
export function click(
  stack: Stack,
  where: Where,
  selector: string,
  timeout?: number,
): Promise<void> {
  return pageCommand(stack, { action: 'click', frame: where, selector, timeout });
}

/** Types into a field, replacing its text. */
export function type(stack: Stack, where: Where, selector: string, text: string): Promise<void> {
  return pageCommand(stack, { action: 'type', frame: where, selector, text, clear: true });
}

/** Chooses an option of a `<select>` by value. */
export function select(stack: Stack, where: Where, selector: string, value: string): Promise<void> {
  return pageCommand(stack, { action: 'select', frame: where, selector, value });
}

/** Waits until an element is visible. */
export function waitFor(
  stack: Stack,
  where: Where,
  selector: string,
  timeout?: number,
): Promise<void> {
  return pageCommand(stack, { action: 'wait', frame: where, selector, timeout });
}

/** Presses a key (puppeteer key name) where focus is. */
export function press(stack: Stack, key: string): Promise<void> {
  return pageCommand(stack, { action: 'press', key });
}

/** Reloads the widget frame (the host keeps running) and waits for its load. */
export function reloadWidget(stack: Stack): Promise<void> {
  return pageCommand(stack, { action: 'reload-widget' });
}

/** Saves a screenshot of the host page to packages/softphone/test-results/<name>.png. */
export function screenshot(
  stack: Stack,
  name: string,
  clip?: { x: number; y: number; width: number; height: number },
): Promise<string> {
  return pageCommand(stack, { action: 'screenshot', name, ...(clip ? { clip } : {}) });
}

/** Console errors, uncaught exceptions and unhandled rejections of the host and the widget so far. */
export function problems(stack: Stack, clear = false): Promise<string[]> {
  return pageCommand(stack, { action: 'problems', clear });
}
