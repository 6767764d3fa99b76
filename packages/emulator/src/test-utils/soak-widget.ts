/**
 * The soak widget (soak-widget.html): what a vendor's widget runs — core's call store over a phone system,
 * and `startCifWorkflows` (caller matching and the phonecall activity per finished call) over the CIF
 * client that `loadCifLibrary` gives for the emulator's real library. Everything durable lives in the
 * frame's `localStorage` (the store's calls, the activity queue, and the simulated phone system's calls,
 * which a real phone system keeps on its server), so reloading the frame is a real widget reload.
 *
 * The top window (the host's origin only) drives it: `{soak: 'ring' | 'answer' | 'hangUp' | 'wrapUp' |
 * 'state' | 'retry' | 'call', id, callId?, number?, method?, args?}` (`call` runs one CifClient method), answered `{soakResult: id, ok, value | error}`. Every workflow
 * error is counted in `state` (what the widget would show the agent).
 */
import {
  SimulatedProvider,
  createCallStore,
  createPhoneNumbers,
  isCifError,
  loadCifLibrary,
  startCifWorkflows,
  type SimulatedCall,
  type WorkflowError,
} from '@cif-elements/core';

interface Command {
  soak: 'ring' | 'answer' | 'hangUp' | 'wrapUp' | 'state' | 'retry' | 'call';
  id: number;
  callId?: string;
  number?: string;
  /** `call`: a CifClient method and its arguments. */
  method?: string;
  args?: unknown[];
}

type Stored = Pick<SimulatedCall, 'callId' | 'number' | 'direction' | 'state'>;

const params = new URLSearchParams(location.search);
const crmOrigin = new URL(params.get('crm') ?? location.href).origin;
const namespace = params.get('ns') ?? 'soak';
const phoneKey = `soak-phone:${namespace}`;
const status = document.getElementById('status')!;
const post = (message: Record<string, unknown>) => window.top?.postMessage(message, crmOrigin);

/** The phone system's calls from before the reload. */
function savedCalls(): Stored[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(phoneKey) ?? '[]') as Stored[];
    return parsed.filter((c) => ['ringing', 'connected', 'held'].includes(String(c.state)));
  } catch {
    return [];
  }
}

const provider = new SimulatedProvider({
  latencyMs: 5,
  outbound: { alertAfterMs: null, answerAfterMs: null },
  calls: savedCalls(),
});
const save = () => {
  const calls = [...provider.calls.values()].map(({ callId, number, direction, state }) => ({
    callId,
    number,
    direction,
    state,
  }));
  localStorage.setItem(phoneKey, JSON.stringify(calls));
};
provider.subscribe(save);
provider.watchActions(() => setTimeout(save, provider.latencyMs + 1));

const phone = createPhoneNumbers({ defaultRegion: 'US' });
const store = createCallStore({
  provider,
  namespace,
  ownership: false,
  normalise: (raw) => phone.toE164(raw),
  wrapUp: { durationMs: null },
});
/** Problems reported by the workflows (kept across reloads): what the widget tells the agent. */
const errorsKey = `soak-errors:${namespace}`;
const errors = JSON.parse(localStorage.getItem(errorsKey) ?? '[]') as {
  workflow: string;
  code: string;
  message: string;
}[];
const result = await loadCifLibrary({ crmUrl: crmOrigin, version: 2 });
if (result.status !== 'ready') {
  status.textContent = result.status;
  post({ soakWidget: result.status, message: result.message });
} else {
  const workflows = startCifWorkflows({
    client: result.client,
    store,
    phone,
    namespace,
    onError: (error: WorkflowError) => {
      errors.push({ workflow: error.workflow, code: error.code, message: error.message });
      localStorage.setItem(errorsKey, JSON.stringify(errors));
    },
    callerMatch: {
      entities: [
        { entityName: 'contact', fields: ['telephone1', 'mobilephone'], nameField: 'fullname' },
      ],
    },
    activity: {
      markCompleted: true,
      retryDelaysMs: [50, 100, 200, 400, 800],
      fields: (call) => ({ description: `soak ${call.id}` }),
    },
  });
  await store.ready;
  window.addEventListener('message', (event: MessageEvent<Command>) => {
    const command = event.data;
    if (event.source !== window.top || event.origin !== crmOrigin) return;
    if (typeof command !== 'object' || command === null || typeof command.soak !== 'string') return;
    const id = command.callId ?? '';
    const run = async (): Promise<unknown> => {
      switch (command.soak) {
        case 'ring':
          // A real phone system names calls on its server: ids never repeat across widget reloads.
          return provider.ring(command.number ?? '+16195550129', {
            callId: `call-${crypto.randomUUID()}`,
          });
        case 'answer':
          return store.answer(id);
        case 'hangUp':
          return store.hangUp(id);
        case 'wrapUp':
          return store.completeWrapUp(id, { notes: 'soak' });
        case 'call': {
          // One CIF API through the client; a rejection is answered with the CifError's facts.
          const client = result.client as unknown as Record<string, (...a: unknown[]) => unknown>;
          try {
            return {
              ok: true,
              value: await client[command.method ?? '']!(...(command.args ?? [])),
            };
          } catch (error) {
            if (!isCifError(error)) return { ok: false, error: { name: String(error) } };
            const raw: unknown = error.raw;
            return {
              ok: false,
              error: {
                name: error.name,
                code: error.code,
                api: error.api,
                message: error.message,
                raw: raw instanceof Map ? 'Map' : raw === null ? 'null' : typeof raw,
              },
            };
          }
        }
        case 'retry':
          await workflows.activities?.retry();
          return true;
        case 'state': {
          const snapshot = store.getSnapshot();
          return {
            calls: snapshot.calls.map((c) => ({ id: c.id, state: c.state, lookup: c.lookup })),
            history: snapshot.history.map((c) => c.id),
            jobs: (workflows.activities?.getSnapshot() ?? []).map((j) => ({
              callId: j.callId,
              status: j.status,
              attempts: j.attempts,
            })),
            errors,
          };
        }
      }
    };
    run().then(
      (value) => post({ soakResult: command.id, ok: true, value: value ?? null }),
      (error: unknown) =>
        post({
          soakResult: command.id,
          ok: false,
          error: error instanceof Error ? error.message : String(error),
        }),
    );
  });
  status.textContent = 'ready';
  post({ soakWidget: 'ready' });
}
