// The core client's fake (@cif-elements/core/testing) and the emulator must agree: the same scenario runs
// against both — the fake in this page, the emulator through the real library in a cross-origin widget —
// and produces the same trace: every result and rejection with its encoding (JSON string, Map, object,
// raw), the library's argument validation, null from void APIs, session contexts, the events the widget's
// handlers receive after each step (onSessionSwitched, onSessionClosed, onpagenavigate, custom events),
// injected failures in each shape, and the library's timeout. Only ids that are random by nature (GUIDs,
// session and tab ids) are masked, each by its order of appearance, so identities still have to match.
import { expect } from '@open-wc/testing';
import { FakeCIFramework, type FakeFailure } from '@cif-elements/core/testing';
import {
  defaultNotificationTemplates,
  defaultPresences,
  defaultSessionTemplates,
  defaultTabTemplates,
} from '../config/defaults.js';
import type { ErrorShape } from '../config/types.js';
import {
  openHost,
  sleep,
  until,
  type CallOutcome,
  type HostHarness,
  type WidgetEvent,
} from '../test-utils/harness.js';

/** The library's timeout on both sides: short, so timeouts are quick to observe. */
const API_TIMEOUT = 1_000;

/** Events the test widget (test/fixtures/widget.html) handles; the fake side registers the same. */
const WIDGET_EVENTS = [
  'onclicktoact',
  'onmodechanged',
  'onsizechanged',
  'onpagenavigate',
  'onsendkbarticle',
  'onSessionSwitched',
  'onSessionClosed',
  'onPresenceChange',
  'customEvent',
];

/** A failure injected once: the emulator's fault rule, the fake's override. */
interface Failure {
  api: string;
  /** The emulator's shape; none: the API's real shape. */
  shape?: ErrorShape;
  message: string;
  errorCode?: number;
}

/** What a scenario can do on either side. */
interface Side {
  call(api: string, ...args: unknown[]): Promise<CallOutcome>;
  /** The events the widget's handlers received since the last time, once every handler has answered. */
  events(): Promise<WidgetEvent[]>;
  /** The agent answers the notification on screen. */
  answerNotification(accept: boolean): Promise<void>;
  /** The agent focuses a session (`home`: the home session). */
  switchSession(sessionId: string): Promise<void>;
  /** The agent closes a session. */
  closeSession(sessionId: string): Promise<void>;
  /** The next call of the API fails. */
  fail(failure: Failure): void;
  /** The host never answers the next call of the API. */
  neverAnswer(api: string): void;
  /** The host answers the next call of the API after `ms`. */
  answerLate(api: string, ms: number): void;
}

type Trace = { step: string; result: unknown; events: unknown[] }[];

const GUIDS = /\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?/gi;
const SESSIONS = /\bsession-(?:id-)?\d+\b/g;
const TABS = /\btab-(?:id-)?\d+\b/g;

/**
 * Masks ids (each kind numbered by first appearance, inside strings too), drops OData annotations, and
 * records how a value is encoded (`{json}` for a JSON string, `{map}` for a Map).
 */
function normalizer() {
  const seen = new Map<string, string>();
  const counts = new Map<string, number>();
  const token = (kind: string, id: string) => {
    const key = `${kind}:${id.replace(/[{}]/g, '').toLowerCase()}`;
    let masked = seen.get(key);
    if (!masked) {
      const n = (counts.get(kind) ?? 0) + 1;
      counts.set(kind, n);
      masked = `<${kind}-${n}>`;
      seen.set(key, masked);
    }
    return masked;
  };
  const text = (value: string) =>
    value
      .replace(GUIDS, (id) => token('guid', id))
      .replace(SESSIONS, (id) => token('session', id))
      .replace(TABS, (id) => token('tab', id));
  const normalize = (value: unknown, parsedJson = false): unknown => {
    if (value instanceof Map) return { map: normalize(Object.fromEntries(value), true) };
    if (typeof value === 'string') {
      if (!parsedJson && /^[[{"]/.test(value)) {
        try {
          return { json: normalize(JSON.parse(value), true) };
        } catch {
          // not JSON: a plain string
        }
      }
      return text(value);
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
  };
  return normalize;
}

/** Runs the scenario on one side and returns its trace. */
async function scenario(side: Side): Promise<Trace> {
  const normalize = normalizer();
  const trace: Trace = [];
  const record = async (step: string, result: unknown) => {
    const events = (await side.events()).map((event) => ({
      name: event.name,
      type: event.type,
      payload: normalize(event.payload),
    }));
    const outcome = result as Partial<CallOutcome> | null;
    trace.push({
      step,
      // A call's outcome and its value (a JSON string is read as such), or a plain value.
      result:
        outcome && typeof outcome === 'object' && 'outcome' in outcome
          ? { outcome: outcome.outcome, value: normalize(outcome.value) }
          : normalize(result),
      events,
    });
  };
  const step = async (name: string, api: string, ...args: unknown[]) => {
    const outcome = await side.call(api, ...args);
    await record(name, outcome);
    return outcome;
  };
  const agent = async (name: string, action: () => Promise<void>) => {
    await action();
    await record(name, null);
  };

  // Panel and click-to-act; void APIs resolve null.
  await step('setClickToAct resolves null', 'setClickToAct', true);
  await step('getClickToAct', 'getClickToAct');
  await step('setClickToAct refuses a non-boolean (Map)', 'setClickToAct', 'yes');
  await step('setMode docked', 'setMode', 1);
  await step('getMode', 'getMode');
  await step('setWidth 400', 'setWidth', 400);
  await step('setWidth below 300 is ignored', 'setWidth', 250);
  await step('getWidth', 'getWidth');

  // The library's argument validation: a JSON string {"message"}, before the host is asked.
  await step('validation: getSession("")', 'getSession', '');
  await step('validation: setMode(3)', 'setMode', 3);
  await step('validation: setWidth(-1)', 'setWidth', -1);
  await step('validation: createRecord without an entity', 'createRecord', '', '{}');
  await step('validation: createRecord without data', 'createRecord', 'contact');
  await step('validation: createRecord with an object', 'createRecord', 'contact', { a: 1 });
  await step('validation: createRecord with bad JSON', 'createRecord', 'contact', '{"a":');
  await step('validation: createRecord with an array', 'createRecord', 'contact', '[1]');
  await step('validation: retrieveRecord without an id', 'retrieveRecord', 'contact', '');
  await step('validation: updateRecord without data', 'updateRecord', 'contact', 'x');
  await step('validation: searchAndOpenRecords without a query', 'searchAndOpenRecords', 'a', '');
  await step(
    'validation: searchAndOpenRecords without searchOnly',
    'searchAndOpenRecords',
    'a',
    'q',
  );
  await step('validation: openForm without options', 'openForm', '');
  await step('validation: renderSearchPage without text', 'renderSearchPage', 'contact', null);
  await step('validation: raiseEvent without a name', 'raiseEvent', '');
  await step('validation: updateContext(null)', 'updateContext', null);
  await step('validation: notifyEvent()', 'notifyEvent', undefined);
  await step('validation: cancelEvent("")', 'cancelEvent', '');
  await step('validation: createSession(null)', 'createSession', null);
  await step('validation: requestFocusSession()', 'requestFocusSession', undefined);
  await step('validation: setSessionTitle()', 'setSessionTitle', undefined);
  await step('validation: createTab()', 'createTab', undefined);
  await step('validation: focusTab()', 'focusTab', undefined);
  await step('validation: closeTab(null)', 'closeTab', null);
  await step('validation: setTabTitle without input', 'setTabTitle', 'tab-1', null);
  await step('validation: setPresence()', 'setPresence', undefined);
  await step('validation: logAnalyticsEvent()', 'logAnalyticsEvent', null, null);
  await step('validation: updateConversation without an id', 'updateConversation', '', '{}');

  // Records, and the JSON-string rejection of a missing record.
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

  // What opens raises onpagenavigate with the app URL.
  await step(
    'searchAndOpenRecords opens the one match',
    'searchAndOpenRecords',
    'contact',
    "?$select=lastname&$filter=contains(lastname,'hopp')",
    false,
  );
  await step('renderSearchPage opens the search page', 'renderSearchPage', 'contact', 'Hopper');
  await step(
    'openForm opens the record',
    'openForm',
    JSON.stringify({ entityName: 'contact', entityId: id }),
  );

  await step('deleteRecord', 'deleteRecord', 'contact', id);
  await step('retrieve a deleted record rejects (JSON string)', 'retrieveRecord', 'contact', id);
  await step('update a deleted record rejects', 'updateRecord', 'contact', id, '{"a":1}');
  await step('delete a deleted record rejects', 'deleteRecord', 'contact', id);

  // Presence.
  await step('setPresence Busy', 'setPresence', 'Busy');
  await step('getPresence', 'getPresence');
  await step('setPresence unknown', 'setPresence', 'Out to lunch');

  // Sessions: input.context is the context; createSession switches focus (home false, new true).
  await step('canCreateSession', 'canCreateSession');
  const first = await step('createSession switches to the new session', 'createSession', {
    templateName: 'GenericSession',
    templateParameters: { customerName: 'Grace' },
    context: { caseNumber: 'CAS-1' },
  });
  const a = first.value as string;
  await step('getFocusedSession', 'getFocusedSession');
  await step('getAllSessions', 'getAllSessions');
  await step('getSession: a Map with the context and the conversation', 'getSession', a);
  await step('updateContext of the focused session', 'updateContext', { priority: 'high' });
  await step('getSession after updateContext', 'getSession', a);
  await step('updateContext deletes', 'updateContext', { priority: '' }, a, true);
  await step('setSessionTitle resolves null', 'setSessionTitle', { sessionId: a, title: 'Grace' });
  await step('requestFocusSession resolves null', 'requestFocusSession', a);
  await step('notifyKpiBreach resolves null', 'notifyKpiBreach', a, false, 'Waiting');
  await step('notifyNewActivity resolves null', 'notifyNewActivity', a, 2);
  await step('notifyNewActivity refuses a negative count (Map)', 'notifyNewActivity', a, -1);
  const tab = await step('createTab', 'createTab', {
    templateName: 'EntityRecord',
    templateParameters: { entityName: 'contact', entityId: 'c0000000-0000-4000-8000-000000000001' },
  });
  await step('getFocusedTab', 'getFocusedTab');
  await step('getTabs by template', 'getTabs', 'EntityRecord');
  await step('setTabTitle', 'setTabTitle', tab.value, { title: 'Grace Hopper' });
  await step('setTabTitle refuses an input without a title (Map)', 'setTabTitle', tab.value, {});
  await step('focusTab resolves null', 'focusTab', tab.value);
  await step('refreshTab resolves null', 'refreshTab', tab.value);
  await step('createTab with an unknown template: {errorCode, message}', 'createTab', {
    templateName: 'NoSuchTemplate',
  });
  const second = await step('a second session takes focus', 'createSession', {
    templateName: 'GenericSession',
    context: { caseNumber: 'CAS-2' },
  });
  const b = second.value as string;
  await agent('the agent switches to the first session', () => side.switchSession(a));
  await agent('the agent switches to the first session again: nothing', () =>
    side.switchSession(a),
  );
  await agent('the agent switches home', () => side.switchSession('home'));
  await step('getFocusedSession at home is null', 'getFocusedSession');
  await step('updateContext at home', 'updateContext', { desk: 'EMEA' });
  await agent('the agent closes the unfocused second session', () => side.closeSession(b));
  await agent('the agent switches to the first session', () => side.switchSession(a));
  await agent('the agent closes the focused session: home takes focus', () => side.closeSession(a));
  await step('getAllSessions after closing', 'getAllSessions');
  await step('a closed session is not found (Map)', 'getSession', a);
  await step('its tabs are gone (Map)', 'closeTab', tab.value);

  // Error shapes of the host.
  await step('getSession of another provider (Map)', 'getSession', 'no-such-session');
  await step('focusTab of an unknown tab (Map)', 'focusTab', 'no-such-tab');
  await step('updateContext of an unknown session (Map)', 'updateContext', { a: 1 }, 'nope');
  await step('createSession with an unknown template (Map)', 'createSession', {
    templateName: 'NoSuchTemplate',
  });
  await step('notifyEvent with an unknown template (JSON, NotifyEvent)', 'notifyEvent', {
    templateName: 'NoSuchTemplate',
  });
  await step('cancelEvent of an unknown token (JSON)', 'cancelEvent', 'no-such-token');
  await step('logAnalyticsEvent without ids (Map)', 'logAnalyticsEvent', { events: [] }, 'E');
  await step(
    'updateConversation of an unknown conversation (JSON)',
    'updateConversation',
    'c0000000-0000-4000-8000-00000000dead',
    '{"a":1}',
  );

  // Injected failures, in each shape.
  side.fail({ api: 'getWidth', shape: 'map', message: 'Panel unavailable' });
  await step('injected: a Map', 'getWidth');
  side.fail({ api: 'getMode', shape: 'json', message: 'As JSON' });
  await step('injected: a JSON string on a raw API', 'getMode');
  side.fail({ api: 'createTab', shape: 'object', message: 'Tabs unavailable', errorCode: 503 });
  await step('injected: {errorCode, message}', 'createTab', { templateName: 'EntityRecord' });
  side.fail({ api: 'retrieveRecord', message: 'Dataverse is down' });
  await step('injected: the real shape of a JSON API', 'retrieveRecord', 'contact', id);
  side.fail({ api: 'getPresence', shape: 'string', message: 'plain' });
  await step('injected: a plain string', 'getPresence');
  await step('the next call answers again', 'getWidth');

  // Custom events reach the widget's handlers as raised.
  await step('raiseEvent', 'raiseEvent', 'customEvent', '{"callId":"c1"}');

  // Notifications.
  const accepted = side.call('notifyEvent', {
    templateName: 'IncomingCall',
    templateParameters: { customerName: 'Grace' },
  });
  await side.answerNotification(true);
  await record('notifyEvent accepted', await accepted);
  const declined = side.call('notifyEvent', {
    templateName: 'IncomingCall',
    templateParameters: { customerName: 'Grace' },
  });
  await side.answerNotification(false);
  await record('notifyEvent declined', await declined);
  const cancelled = side.call('notifyEvent', {
    templateName: 'IncomingCall',
    templateParameters: { customerName: 'Grace' },
    cancellationToken: 'tok-1',
  });
  await sleep(100);
  await step('cancelEvent', 'cancelEvent', 'tok-1');
  await record('notifyEvent cancelled', await cancelled);

  // The library's timeout, as the library builds it; none for createSession.
  side.neverAnswer('getEnvironment');
  await step('timeout of a JSON API: {"message"}', 'getEnvironment');
  side.neverAnswer('getWidth');
  await step('timeout of a raw API: a Map without msdyn_name', 'getWidth');
  side.answerLate('getMode', API_TIMEOUT * 1.5);
  await step('an answer after the timeout comes too late', 'getMode');
  side.neverAnswer('createSession');
  // (The harness gives up on the emulator's answer after a few seconds: that is not a settlement.)
  const waiting = side.call('createSession', { templateName: 'GenericSession' }).then(
    () => 'settled',
    () => 'gone',
  );
  const settled = await Promise.race([waiting, sleep(API_TIMEOUT * 1.5).then(() => 'pending')]);
  await record('createSession is not timed out by the library', settled);
  await sleep(API_TIMEOUT); // let the late getMode answer arrive before the next step
  await step('the host answers again', 'getMode');
  return trace;
}

describe('the core fake and the emulator agree', () => {
  let h: HostHarness;
  before(async () => {
    h = await openHost({ config: { apiTimeoutMs: API_TIMEOUT } });
  });
  after(() => h.dispose());

  it('produces the same trace for the same scenario', async function () {
    this.timeout(60_000);
    const fake = new FakeCIFramework({
      version: 2,
      width: 340,
      mode: 1,
      clickToAct: true,
      presences: defaultPresences.map((p) => p.text),
      presence: 'Available',
      notificationAnswer: 'pending',
      hostTimeout: API_TIMEOUT,
      // The same org on both sides: the emulator's default templates, its app and its URL.
      notificationTemplates: defaultNotificationTemplates.map((t) => t.name),
      sessionTemplates: defaultSessionTemplates.map((t) => t.name),
      tabTemplates: defaultTabTemplates.map((t) => t.name),
      environment: { clientUrl: h.host.origin, appid: h.host.config.org.appId },
    });
    const library = fake.library as unknown as Record<string, (...args: unknown[]) => unknown>;
    let fakeEvents: WidgetEvent[] = [];
    for (const name of WIDGET_EVENTS) {
      library.addHandler!(name, (payload: unknown) => {
        fakeEvents.push({ name, payload, type: payload instanceof Map ? 'map' : typeof payload });
        return Promise.resolve(`handled ${name}`);
      });
    }
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
      events() {
        const drained = fakeEvents;
        fakeEvents = [];
        return Promise.resolve(drained);
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
      async switchSession(sessionId) {
        await fake.switchSession(sessionId === 'home' ? null : sessionId);
      },
      async closeSession(sessionId) {
        await fake.closeSession(sessionId);
      },
      fail({ api, shape, message, errorCode }) {
        const failure: FakeFailure =
          shape === 'string'
            ? { shape: 'raw', value: message }
            : { shape: shape ?? 'native', message, ...(errorCode ? { errorCode } : {}) };
        fake.override(api as never, { fail: failure, times: 1 });
      },
      neverAnswer(api) {
        fake.override(api as never, { fail: 'timeout', times: 1 });
      },
      answerLate(api, ms) {
        fake.override(api as never, { delay: ms, times: 1 });
      },
    };

    let seen = h.received.length;
    const emulatorSide: Side = {
      call: (api, ...args) => h.call(api, ...args),
      async events() {
        // A handler's report reaches this page before its answer reaches the host.
        await until(
          () => h.host.inspector.entries.every((e) => e.kind !== 'event' || e.status !== 'pending'),
          3000,
          'the widget to answer every event',
        );
        const drained = h.received.slice(seen);
        seen = h.received.length;
        return drained;
      },
      async answerNotification(accept) {
        const current = await until(() => h.host.notifications.current, 3000, 'a notification');
        h.host.userAnswerNotification(current.id, accept);
      },
      switchSession(sessionId) {
        h.host.userFocusSession(sessionId === 'home' ? 'session-id-0' : sessionId);
        return Promise.resolve();
      },
      closeSession(sessionId) {
        h.host.userCloseSession(sessionId);
        return Promise.resolve();
      },
      fail({ api, shape, message, errorCode }) {
        h.host.faults.add({
          api,
          action: 'fail',
          message,
          times: 1,
          ...(shape ? { shape } : {}),
          ...(errorCode ? { errorCode } : {}),
        });
      },
      neverAnswer(api) {
        h.host.faults.add({ api, action: 'timeout', times: 1 });
      },
      answerLate(api, ms) {
        h.host.faults.add({ api, action: 'delay', ms, times: 1 });
      },
    };

    const fakeTrace = await scenario(fakeSide);
    await emulatorSide.events(); // events of the widget's start (none expected) are not the scenario's
    const emulatorTrace = await scenario(emulatorSide);
    expect(emulatorTrace.length, 'steps').to.equal(fakeTrace.length);
    for (let i = 0; i < fakeTrace.length; i++) {
      expect(emulatorTrace[i], `step ${i}: ${fakeTrace[i]?.step}`).to.deep.equal(fakeTrace[i]);
    }
    // The scenario did exercise what it claims.
    const all = JSON.stringify(fakeTrace);
    for (const needle of [
      '"onSessionSwitched"',
      '"onSessionClosed"',
      '"onpagenavigate"',
      '"customEvent"',
      '"msdyn_name":"getSession"',
      '"msdyn_name":"retrieverecord"',
      '"msdyn_name":"NotifyEvent"',
      '"errorCode":404',
      'Timeout occurred as no response was received from listener window',
      'The sessionId parameter is null. Provide a value to the parameter',
    ]) {
      expect(all, needle).to.contain(needle);
    }
  });
});
