// Test-runner plugins of @cif-elements/softphone (loaded by the root web-test-runner config): server
// commands that start the emulator with the softphone framed in its channel panel (both on free loopback
// ports, the softphone bundled from source exactly as `pnpm start` serves it), and drive the host in a
// second page of the test run's Chromium — real clicks and typing through puppeteer, in the host page or
// in the widget's cross-origin frame — while collecting every console error, uncaught exception and
// unhandled rejection of both. Screenshots go to packages/softphone/test-results/ (ignored by git).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDevStack } from '../scripts/dev-server.mjs';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const resultsDir = join(packageDir, 'test-results');

/** @type {Map<string, Awaited<ReturnType<typeof startDevStack>>>} */
const stacks = new Map();
/**
 * @typedef {{ page: import('puppeteer-core').Page; widgetOrigin: string; problems: string[] }} OpenPage
 * @type {Map<string, OpenPage>}
 */
const pages = new Map();
let nextId = 1;

/** Records an unhandled rejection of any frame as a console error (pageerror covers exceptions). */
const WATCH_REJECTIONS = `window.addEventListener('unhandledrejection', (event) => {
  const reason = event.reason;
  console.error('Unhandled rejection: ' + (reason && reason.stack ? reason.stack : String(reason)));
});`;

/**
 * The frame to act in: the host page, or the widget's frame.
 * @param {OpenPage} open
 * @param {'host' | 'widget' | undefined} where
 */
async function frameOf(open, where) {
  if (where !== 'widget') return open.page.mainFrame();
  const deadline = Date.now() + 10_000;
  for (;;) {
    const frame = open.page.frames().find((f) => f.url().startsWith(open.widgetOrigin));
    if (frame && !frame.detached) return frame;
    if (Date.now() > deadline) throw new Error('the widget frame did not appear');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Waits for a selector (puppeteer syntax: `>>>` pierces shadow roots, `::-p-aria(name)` finds by
 * accessible name) to be visible, and returns its handle.
 * @param {import('puppeteer-core').Frame} frame
 * @param {string} selector
 * @param {number} timeout
 */
async function visible(frame, selector, timeout) {
  const handle = await frame.waitForSelector(selector, { visible: true, timeout });
  if (!handle) throw new Error(`no element matches ${selector}`);
  return handle;
}

export default [
  {
    name: 'cif-softphone-commands',
    /** @param {{ command: string; payload: any; session: any }} context */
    async executeCommand({ command, payload, session }) {
      switch (command) {
        case 'cif-softphone:start': {
          const stack = await startDevStack({
            port: 0,
            ...(payload?.api ? { api: payload.api } : {}),
            ...(payload?.config ? { config: payload.config } : {}),
          });
          const id = String(nextId++);
          stacks.set(id, stack);
          return { id, url: stack.url, widgetUrl: stack.widgetUrl, api: stack.api };
        }
        case 'cif-softphone:stop': {
          const stack = stacks.get(payload.id);
          stacks.delete(payload.id);
          await stack?.close();
          return true;
        }
        case 'cif-softphone:page':
          return page(payload, session);
        default:
          return undefined;
      }
    },
  },
];

/**
 * @param {any} payload
 * @param {any} session
 */
async function page(payload, session) {
  if (payload.action === 'open') {
    const browser = session.browser.getPage(session.id).browser();
    const created = await browser.newPage();
    await created.setViewport({
      width: payload.width ?? 1280,
      height: payload.height ?? 960,
      deviceScaleFactor: 1,
    });
    /** @type {OpenPage} */
    const open = {
      page: created,
      widgetOrigin: new URL(payload.widgetUrl).origin,
      problems: [],
    };
    const id = String(nextId++);
    pages.set(id, open);
    created.on('console', (message) => {
      if (message.type() !== 'error') return;
      const url = message.location()?.url ?? '';
      const where = url.startsWith(open.widgetOrigin) ? 'widget' : 'host';
      open.problems.push(`console.error in ${where} (${url}): ${message.text()}`);
    });
    created.on('pageerror', (error) =>
      open.problems.push(`uncaught: ${error instanceof Error ? error.stack : String(error)}`),
    );
    created.on('requestfailed', (request) =>
      open.problems.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`),
    );
    await created.evaluateOnNewDocument(WATCH_REJECTIONS);
    await created.goto(payload.url, { waitUntil: 'load' });
    return { id };
  }
  const open = pages.get(payload.id);
  if (!open) throw new Error(`no page ${payload.id}`);
  const timeout = payload.timeout ?? 10_000;
  switch (payload.action) {
    case 'close':
      pages.delete(payload.id);
      await open.page.close();
      return true;
    case 'problems': {
      const problems = [...open.problems];
      if (payload.clear) open.problems.length = 0;
      return problems;
    }
    case 'eval': {
      const frame = await frameOf(open, payload.frame);
      // Wrapped: a command that resolves undefined reads as "unknown command" to the test runner.
      const value = await frame.evaluate(
        `(async () => { const value = await (async () => { ${payload.script} })(); return value instanceof Node ? true : value ?? null; })()`,
      );
      return { value };
    }
    case 'click': {
      const frame = await frameOf(open, payload.frame);
      const handle = await visible(frame, payload.selector, timeout);
      await handle.click();
      await handle.dispose();
      return true;
    }
    case 'type': {
      const frame = await frameOf(open, payload.frame);
      const handle = await visible(frame, payload.selector, timeout);
      await handle.click({ count: 3 });
      if (payload.clear) await open.page.keyboard.press('Backspace');
      await handle.type(payload.text, { delay: 0 });
      await handle.dispose();
      return true;
    }
    case 'select': {
      const frame = await frameOf(open, payload.frame);
      const handle = await visible(frame, payload.selector, timeout);
      await handle.select(payload.value);
      await handle.dispose();
      return true;
    }
    case 'press':
      await open.page.keyboard.press(payload.key);
      return true;
    case 'wait': {
      const frame = await frameOf(open, payload.frame);
      const handle = await visible(frame, payload.selector, timeout);
      await handle.dispose();
      return true;
    }
    case 'reload-widget': {
      const frame = await frameOf(open, 'widget');
      const navigated = frame.waitForNavigation({ waitUntil: 'load', timeout });
      await frame.evaluate('location.reload()');
      await navigated;
      return true;
    }
    case 'screenshot': {
      mkdirSync(resultsDir, { recursive: true });
      // Let entrance animations (the toasts) end.
      await new Promise((resolve) => setTimeout(resolve, 400));
      const path = join(resultsDir, `${payload.name}.png`);
      // Within the viewport: resizing it for the capture would re-lay out the widget's frame.
      await open.page.screenshot({
        path,
        captureBeyondViewport: false,
        ...(payload.clip ? { clip: payload.clip } : {}),
      });
      return path;
    }
    default:
      throw new Error(`unknown page action ${payload.action}`);
  }
}
