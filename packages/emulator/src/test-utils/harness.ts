/**
 * Test harness: the test page is the host (on localhost:<test port>), the plain-HTML test widget is served
 * by a static server on 127.0.0.1:<other port> — a real cross-origin setup in Chromium. The widget loads
 * msdyn_ciLibrary.js from the test page (served by test/wtr-plugins.mjs) and answers commands.
 */
import { executeServerCommand } from '@web/test-runner-commands';
import type { EmulatorConfig } from '../config/types.js';
import { startHost, type RunningHost } from '../host/index.js';

let staticPort: number | undefined;

/** The port of the fixture server (started once per test file). */
export async function fixturePort(): Promise<number> {
  if (staticPort === undefined) {
    const { port } = await executeServerCommand<{ port: number }, unknown>('cif-emulator:static', {
      action: 'start',
    });
    staticPort = port;
  }
  return staticPort;
}

/** A fixture URL on the widget origin (127.0.0.1) or another origin (`localhost`, `*.localhost`). */
export async function fixtureUrl(path: string, hostname = '127.0.0.1'): Promise<string> {
  return `http://${hostname}:${await fixturePort()}/${path}`;
}

/** What the widget's promise did. */
export interface CallOutcome {
  outcome: 'resolved' | 'rejected' | 'returned' | 'threw';
  value: unknown;
}

/** An event as the widget's handler received it. */
export interface WidgetEvent {
  name: string;
  payload: unknown;
  type: string;
}

let nextCommand = 1;

/** Waits for a message on the test page matching `predicate`. */
export function waitForMessage<T = unknown>(
  predicate: (data: unknown, event: MessageEvent) => boolean,
  timeout = 5000,
  what = 'message',
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      window.removeEventListener('message', listener);
      reject(new Error(`Timed out waiting for ${what}`));
    }, timeout);
    const listener = (event: MessageEvent) => {
      if (!predicate(event.data, event)) return;
      clearTimeout(timer);
      window.removeEventListener('message', listener);
      resolve(event.data as T);
    };
    window.addEventListener('message', listener);
  });
}

/** A running host with the test widget in its channel panel. */
export interface HostHarness extends RunningHost {
  container: HTMLElement;
  widgetOrigin: string;
  frame: HTMLIFrameElement;
  /** Calls `Microsoft.CIFramework[api](...args)` in the widget; resolves what its promise did. */
  call(api: string, ...args: unknown[]): Promise<CallOutcome>;
  /** Sends a raw command to the widget. */
  command(command: Record<string, unknown>): Promise<CallOutcome>;
  /** Resolves the next event of that name the widget's handler receives. */
  nextEvent(name: string, timeout?: number): Promise<WidgetEvent>;
  /** Collects `count` events of that name. */
  events(name: string, count: number, timeout?: number): Promise<WidgetEvent[]>;
  /** Events received so far (kept from the moment the widget was ready). */
  received: WidgetEvent[];
}

export interface HarnessOptions {
  config?: EmulatorConfig;
  /** Query of the widget URL besides `crm` (e.g. `handlers=undefined`). */
  query?: string;
  /** Widget host name (default 127.0.0.1). */
  hostname?: string;
  /** Load the library through `ucilib` instead of data-crmurl. */
  ucilib?: boolean;
}

/** Mounts a host in the test page and waits until the widget has run CIFInitDone. */
export async function openHost(options: HarnessOptions = {}): Promise<HostHarness> {
  const container = document.createElement('div');
  container.style.height = '700px';
  document.body.append(container);
  const crm = location.origin;
  const libraryParam = options.ucilib
    ? `ucilib=${encodeURIComponent(`${crm}/webresources/Widget/msdyn_ciLibrary.js`)}`
    : `crm=${encodeURIComponent(crm)}`;
  const widgetUrl = `${await fixtureUrl('widget.html', options.hostname)}?${libraryParam}${options.query ? `&${options.query}` : ''}`;
  const config: EmulatorConfig = {
    ...(options.config ?? {}),
    provider: { ...(options.config?.provider ?? {}), landingUrl: widgetUrl },
  };
  const ready = waitForMessage(
    (d) => (d as { testWidget?: string }).testWidget === 'ready',
    8000,
    'the widget to be ready',
  );
  const running = startHost(container, config);
  const received: WidgetEvent[] = [];
  const collect = (event: MessageEvent) => {
    const data = event.data as { testWidget?: string; event?: WidgetEvent };
    if (data?.testWidget === 'event' && data.event) received.push(data.event);
  };
  window.addEventListener('message', collect);
  await ready;
  const frame = container.querySelector<HTMLIFrameElement>('iframe#SidePanelIFrame')!;
  const command = (cmd: Record<string, unknown>): Promise<CallOutcome> => {
    const id = nextCommand++;
    const result = waitForMessage<CallOutcome & { testResult: number }>(
      (d) => (d as { testResult?: number }).testResult === id,
      9000,
      `result of ${JSON.stringify(cmd).slice(0, 120)}`,
    );
    frame.contentWindow?.postMessage({ ...cmd, id }, new URL(widgetUrl).origin);
    return result.then(({ outcome, value }) => ({ outcome, value }));
  };
  const events = (name: string, count: number, timeout = 5000): Promise<WidgetEvent[]> => {
    const start = received.length;
    return new Promise((resolve, reject) => {
      const deadline = Date.now() + timeout;
      const check = () => {
        const found = received.slice(start).filter((e) => e.name === name);
        if (found.length >= count) return resolve(found.slice(0, count));
        if (Date.now() > deadline)
          return reject(
            new Error(`Timed out waiting for ${count} ${name} event(s); got ${found.length}`),
          );
        setTimeout(check, 10);
      };
      check();
    });
  };
  return {
    ...running,
    container,
    frame,
    widgetOrigin: new URL(widgetUrl).origin,
    received,
    call: (api, ...args) => command({ testCommand: 'call', api, args }),
    command,
    nextEvent: (name, timeout) => events(name, 1, timeout).then((list) => list[0]!),
    events,
    dispose() {
      window.removeEventListener('message', collect);
      running.dispose();
      container.remove();
    },
  };
}

/** Resolves after `ms`. */
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `check` returns a truthy value. */
export async function until<T>(
  check: () => T,
  timeout = 3000,
  what = 'condition',
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(10);
  }
}
