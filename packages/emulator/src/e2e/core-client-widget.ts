/**
 * The widget of core-client.test.ts: `@cif-elements/core` over the emulator's real drop-in library, in a
 * cross-origin frame of the emulated host. It loads the library with `loadCifLibrary`, then answers the
 * test page's commands (posted by the top window, from the CRM origin only):
 *
 * - `{coreCommand: 'call', id, method, args}`: runs `client[method](...args)`; answers `{coreResult: id,
 *   ok: true, value}` or `{ok: false, error}` with the CifError's facts;
 * - `{coreCommand: 'on', id, key, event, answer?, fail?}`: subscribes with `client.on` (the handler reports
 *   `{coreEvent: key, event, payload}` and returns `answer`, or throws `fail`);
 * - `{coreCommand: 'off', id, key}`: calls the unsubscribe function of that subscription;
 * - `{coreCommand: 'state', id}`: the client's version and subscribed events, and the errors reported to
 *   `onError`.
 */
import { isCifError, loadCifLibrary, type CifClient, type CifError } from '@cif-elements/core';

interface Command {
  coreCommand: 'call' | 'on' | 'off' | 'state';
  id: number;
  method?: string;
  args?: unknown[];
  key?: string;
  event?: string;
  answer?: unknown;
  fail?: string;
}

const params = new URLSearchParams(location.search);
const crm = params.get('crm') ?? '';
const crmOrigin = new URL(crm).origin;
const status = document.getElementById('status')!;

function post(message: Record<string, unknown>): void {
  window.top?.postMessage(message, crmOrigin);
}

/** What the test needs to know of a rejection (a CifError does not survive postMessage whole). */
function facts(error: unknown): Record<string, unknown> {
  if (!isCifError(error)) return { name: 'not a CifError', message: String(error) };
  const raw: unknown = error.raw;
  return {
    name: error.name,
    code: error.code,
    api: error.api,
    message: error.message,
    hostName: error.hostName,
    hostErrorCode: error.hostErrorCode,
    event: error.event,
    raw:
      raw instanceof Map ? 'Map' : typeof raw === 'object' && raw !== null ? 'object' : typeof raw,
  };
}

const reported: Record<string, unknown>[] = [];
const result = await loadCifLibrary({
  crmUrl: crm,
  onError: (error: CifError) => reported.push(facts(error)),
});
if (result.status !== 'ready') {
  status.textContent = result.status;
  post({ coreWidget: result.status, message: result.message });
} else {
  const client: CifClient = result.client;
  const subscriptions = new Map<string, () => void>();
  window.addEventListener('message', (event: MessageEvent<Command>) => {
    const command = event.data;
    if (event.source !== window.top || event.origin !== crmOrigin) return;
    if (typeof command !== 'object' || command === null || !('coreCommand' in command)) return;
    const answer = (message: Record<string, unknown>) =>
      post({ coreResult: command.id, ...message });
    switch (command.coreCommand) {
      case 'call': {
        const method = (client as unknown as Record<string, (...args: unknown[]) => unknown>)[
          command.method ?? ''
        ];
        Promise.resolve()
          .then(() => method!.apply(client, command.args ?? []))
          .then(
            (value) => answer({ ok: true, value }),
            (error: unknown) => answer({ ok: false, error: facts(error) }),
          );
        return;
      }
      case 'on': {
        const key = command.key ?? '';
        const off = client.on(command.event ?? '', (payload: unknown) => {
          post({ coreEvent: key, event: command.event, payload });
          if (command.fail) throw new Error(command.fail);
          return command.answer;
        });
        subscriptions.set(key, off);
        answer({ ok: true });
        return;
      }
      case 'off':
        subscriptions.get(command.key ?? '')?.();
        answer({ ok: true });
        return;
      case 'state':
        answer({
          ok: true,
          value: {
            version: client.version,
            subscribed: client.subscribedEvents,
            reported: [...reported],
          },
        });
        return;
    }
  });
  status.textContent = 'ready';
  post({
    coreWidget: 'ready',
    version: result.version,
    source: result.source,
    environment: result.environment ?? null,
  });
}
