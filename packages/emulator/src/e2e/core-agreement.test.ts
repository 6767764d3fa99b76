// The core client's fake (@cif-elements/core/testing) and the emulator must agree: the same scenarios run
// against both — the fake in this page, the emulator through the real library in a cross-origin widget —
// and produce the same results once ids that are random by nature (GUIDs, session and tab ids) are masked.
import { expect } from '@open-wc/testing';
import { FakeCIFramework } from '@cif-elements/core/testing';
import {
  defaultNotificationTemplates,
  defaultPresences,
  defaultSessionTemplates,
  defaultTabTemplates,
} from '../config/defaults.js';
import { openHost, until, type CallOutcome, type HostHarness } from '../test-utils/harness.js';

/** What a scenario can do on either side. */
interface Side {
  call(api: string, ...args: unknown[]): Promise<CallOutcome>;
  /** The agent answers the notification on screen. */
  answerNotification(accept: boolean): Promise<void>;
}

type Trace = { step: string; result: unknown }[];

const GUID = /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i;

/** Masks ids and annotations, and records how a value is encoded (JSON string, Map, raw). */
function normalize(value: unknown, parsedJson = false): unknown {
  if (value instanceof Map) return { map: normalize(Object.fromEntries(value), true) };
  if (typeof value === 'string') {
    if (!parsedJson && /^[[{"]/.test(value)) {
      try {
        return { json: normalize(JSON.parse(value), true) };
      } catch {
        // not JSON: a plain string
      }
    }
    if (GUID.test(value)) return '<guid>';
    if (/^session-(id-)?\d+$/.test(value)) return '<session>';
    if (/^tab-(id-)?\d+$/.test(value)) return '<tab>';
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => normalize(v, true));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k.includes('@')) continue; // OData annotations and etags: the emulator is a richer Dataverse
      out[k] = normalize(v, true);
    }
    return out;
  }
  return value;
}

/** Runs the scenarios on one side and returns the trace of normalized outcomes. */
async function scenarios(side: Side): Promise<Trace> {
  const trace: Trace = [];
  const step = async (name: string, api: string, ...args: unknown[]) => {
    const outcome = await side.call(api, ...args);
    trace.push({
      step: name,
      result: { outcome: outcome.outcome, value: normalize(outcome.value) },
    });
    return outcome;
  };

  // Panel and click-to-act.
  await step('setClickToAct', 'setClickToAct', true);
  await step('getClickToAct', 'getClickToAct');
  await step('setMode docked', 'setMode', 1);
  await step('getMode', 'getMode');
  await step('setWidth 400', 'setWidth', 400);
  await step('setWidth below 300 is ignored', 'setWidth', 250);
  await step('getWidth', 'getWidth');

  // Records.
  const created = await step(
    'createRecord',
    'createRecord',
    'contact',
    JSON.stringify({ firstname: 'Grace', lastname: 'Hopper', telephone1: '+1 202 555 0147' }),
  );
  const id = (JSON.parse(created.value as string) as { id: string }).id;
  await step(
    'retrieveRecord $select',
    'retrieveRecord',
    'contact',
    id,
    '?$select=firstname,lastname,telephone1',
  );
  await step(
    'updateRecord',
    'updateRecord',
    'contact',
    id,
    JSON.stringify({ jobtitle: 'Rear Admiral' }),
  );
  await step('retrieve after update', 'retrieveRecord', 'contact', id, '?$select=jobtitle');
  await step(
    'search by phone',
    'searchAndOpenRecords',
    'contact',
    "?$select=firstname,lastname&$filter=telephone1 eq '+1 202 555 0147'",
    true,
  );
  await step(
    'search: contains and not',
    'searchAndOpenRecords',
    'contact',
    "?$select=lastname&$filter=contains(lastname,'hopp') and not (firstname eq 'Nobody')",
    true,
  );
  await step('deleteRecord', 'deleteRecord', 'contact', id);
  const gone = await side.call('retrieveRecord', 'contact', id);
  trace.push({
    step: 'retrieve a deleted record rejects with a JSON string naming the record',
    result: {
      outcome: gone.outcome,
      type: typeof gone.value,
      mentionsMissing: String(gone.value).includes('Does Not Exist'),
    },
  });

  // Presence.
  await step('setPresence Busy', 'setPresence', 'Busy');
  await step('getPresence', 'getPresence');
  await step('setPresence unknown', 'setPresence', 'Out to lunch');

  // Sessions and tabs.
  await step('canCreateSession', 'canCreateSession');
  const session = await step('createSession', 'createSession', {
    templateName: 'GenericSession',
    templateParameters: { customerName: 'Grace' },
    context: { customerName: 'Grace' },
  });
  await step('getFocusedSession', 'getFocusedSession');
  await step('getAllSessions', 'getAllSessions');
  const map = await side.call('getSession', session.value);
  const entries =
    map.value instanceof Map
      ? Object.fromEntries([...map.value].filter(([k]) => k !== 'conversationId'))
      : map.value;
  trace.push({
    step: 'getSession is a Map',
    result: {
      outcome: map.outcome,
      isMap: map.value instanceof Map,
      entries: normalize(entries, true),
    },
  });
  const tab = await step('createTab', 'createTab', {
    templateName: 'EntityRecord',
    templateParameters: { entityName: 'contact', entityId: 'c0000000-0000-4000-8000-000000000001' },
  });
  await step('getFocusedTab', 'getFocusedTab');
  await step('setTabTitle', 'setTabTitle', tab.value, { title: 'Grace Hopper' });
  const unknownTab = await side.call('createTab', { templateName: 'NoSuchTemplate' });
  trace.push({
    step: 'createTab with an unknown template rejects {errorCode, message}',
    result: { outcome: unknownTab.outcome, value: unknownTab.value },
  });

  // Notifications.
  const accepted = side.call('notifyEvent', {
    templateName: 'IncomingCall',
    templateParameters: { customerName: 'Grace' },
  });
  await side.answerNotification(true);
  trace.push({ step: 'notifyEvent accepted', result: normalize((await accepted).value) });
  const declined = side.call('notifyEvent', {
    templateName: 'IncomingCall',
    templateParameters: { customerName: 'Grace' },
  });
  await side.answerNotification(false);
  trace.push({ step: 'notifyEvent declined', result: normalize((await declined).value) });
  const cancelled = side.call('notifyEvent', {
    templateName: 'IncomingCall',
    templateParameters: { customerName: 'Grace' },
    cancellationToken: 'tok-1',
  });
  await new Promise((r) => setTimeout(r, 100));
  await step('cancelEvent', 'cancelEvent', 'tok-1');
  trace.push({ step: 'notifyEvent cancelled', result: normalize((await cancelled).value) });
  return trace;
}

describe('the core fake and the emulator agree', () => {
  let h: HostHarness;
  before(async () => {
    h = await openHost();
  });
  after(() => h.dispose());

  it('produces the same results for the same scenarios', async () => {
    const fake = new FakeCIFramework({
      version: 2,
      width: 340,
      mode: 1,
      clickToAct: true,
      presences: defaultPresences.map((p) => p.text),
      presence: 'Available',
      notificationAnswer: 'pending',
      // The same org on both sides: the emulator's default templates.
      notificationTemplates: defaultNotificationTemplates.map((t) => t.name),
      sessionTemplates: defaultSessionTemplates.map((t) => t.name),
      tabTemplates: defaultTabTemplates.map((t) => t.name),
      quirks: { sessionFocusSpelling: 'focused' },
    });
    const library = fake.library as unknown as Record<string, (...args: unknown[]) => unknown>;
    const fakeSide: Side = {
      async call(api, ...args) {
        try {
          const result = library[api]?.(...args);
          if (result && typeof (result as Promise<unknown>).then === 'function') {
            return await (result as Promise<unknown>).then(
              (value) => ({ outcome: 'resolved' as const, value }),
              (value: unknown) => ({ outcome: 'rejected' as const, value }),
            );
          }
          return { outcome: 'returned', value: result };
        } catch (error) {
          return { outcome: 'threw', value: String(error) };
        }
      },
      async answerNotification(accept) {
        await until(
          () => fake.pendingNotifications.length > 0,
          2000,
          'a pending fake notification',
        );
        fake.answerNotification(
          accept
            ? { actionName: 'Accept', responseReason: 'Accept' }
            : { actionName: 'Reject', responseReason: 'DeclinedByAgent' },
        );
      },
    };
    const emulatorSide: Side = {
      call: (api, ...args) => h.call(api, ...args),
      async answerNotification(accept) {
        const current = await until(() => h.host.notifications.current, 3000, 'a notification');
        h.host.userAnswerNotification(current.id, accept);
      },
    };
    const fakeTrace = await scenarios(fakeSide);
    const emulatorTrace = await scenarios(emulatorSide);
    for (let i = 0; i < Math.max(fakeTrace.length, emulatorTrace.length); i++) {
      expect(emulatorTrace[i], `step ${i}: ${fakeTrace[i]?.step}`).to.deep.equal(fakeTrace[i]);
    }
  });
});
