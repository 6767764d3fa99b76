// The core client (@cif-elements/core: loadCifLibrary, CifClient) over the emulator's real drop-in library,
// in a cross-origin widget framed by the emulated host: typed results, a CifError code for each rejection
// shape, events delivered to on() handlers and their answers to the host, unsubscribing. The widget
// (core-client-widget.html) is served by the test runner from the other loopback name (127.0.0.1 when the
// test page is on localhost), so the widget and the host are different origins, as in Dynamics.
import { expect } from '@open-wc/testing';
import type { EmulatorConfig } from '../config/types.js';
import { startHost, type RunningHost } from '../host/index.js';
import { until, waitForMessage } from '../test-utils/harness.js';

/** The library's timeout in this host: short, so timeouts are quick to observe. */
const API_TIMEOUT = 1_000;

/** What the widget tells of a rejection. */
interface ErrorFacts {
  name: string;
  code: string;
  api: string;
  message: string;
  hostName?: string;
  hostErrorCode?: number | string;
  event?: string;
  /** How the library rejected: 'string' (JSON or text), 'Map', 'object', 'undefined' (the client's own). */
  raw: string;
}

type Answer<T = unknown> = { ok: true; value: T } | { ok: false; error: ErrorFacts };

interface CoreEvent {
  key: string;
  event: string;
  payload: Record<string, unknown>;
}

interface CoreWidget extends RunningHost {
  container: HTMLElement;
  widgetOrigin: string;
  ready: Record<string, unknown>;
  /** Events delivered to the widget's on() handlers, in order. */
  events: CoreEvent[];
  call<T = unknown>(method: string, ...args: unknown[]): Promise<Answer<T>>;
  /** Resolves what the call resolved (fails the test when it rejected). */
  value<T = unknown>(method: string, ...args: unknown[]): Promise<T>;
  /** Resolves the facts of the CifError the call rejected with (fails the test when it resolved). */
  error(method: string, ...args: unknown[]): Promise<ErrorFacts>;
  on(key: string, event: string, options?: { answer?: unknown; fail?: string }): Promise<void>;
  off(key: string): Promise<void>;
  state(): Promise<{
    version: number;
    subscribed: string[];
    reported: ErrorFacts[];
  }>;
}

let nextId = 1;

async function openCoreWidget(config: EmulatorConfig = {}): Promise<CoreWidget> {
  const widget = new URL('./core-client-widget.html', import.meta.url);
  widget.hostname = location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1';
  widget.search = `?crm=${encodeURIComponent(location.origin)}`;
  const widgetOrigin = widget.origin;
  const container = document.createElement('div');
  container.style.height = '700px';
  document.body.append(container);
  const events: CoreEvent[] = [];
  const collect = (message: MessageEvent) => {
    const data = message.data as { coreEvent?: string; event?: string; payload?: unknown };
    if (message.origin !== widgetOrigin || typeof data?.coreEvent !== 'string') return;
    events.push({
      key: data.coreEvent,
      event: String(data.event),
      payload: data.payload as Record<string, unknown>,
    });
  };
  window.addEventListener('message', collect);
  const ready = waitForMessage<Record<string, unknown>>(
    (data, event) =>
      event.origin === widgetOrigin &&
      typeof (data as { coreWidget?: unknown }).coreWidget === 'string',
    20_000,
    'the core client widget',
  );
  const running = startHost(container, {
    ...config,
    provider: { ...config.provider, landingUrl: widget.href },
  });
  const readiness = await ready;
  const command = <T>(message: Record<string, unknown>): Promise<T> => {
    const id = nextId++;
    const result = waitForMessage<T & { coreResult: number }>(
      (data, event) =>
        event.origin === widgetOrigin && (data as { coreResult?: number }).coreResult === id,
      9_000,
      `result of ${JSON.stringify(message).slice(0, 120)}`,
    );
    container
      .querySelector<HTMLIFrameElement>('iframe#SidePanelIFrame')
      ?.contentWindow?.postMessage({ ...message, id }, widgetOrigin);
    return result;
  };
  const call = async <T>(method: string, ...args: unknown[]): Promise<Answer<T>> => {
    const { ok, value, error } = await command<{ ok: boolean; value: T; error: ErrorFacts }>({
      coreCommand: 'call',
      method,
      args,
    });
    return ok ? { ok: true, value } : { ok: false, error };
  };
  return {
    ...running,
    container,
    widgetOrigin,
    ready: readiness,
    events,
    call,
    async value<T>(method: string, ...args: unknown[]) {
      const answer = await call<T>(method, ...args);
      if (!answer.ok) throw new Error(`${method} rejected: ${JSON.stringify(answer.error)}`);
      return answer.value;
    },
    async error(method: string, ...args: unknown[]) {
      const answer = await call(method, ...args);
      if (answer.ok) throw new Error(`${method} resolved ${JSON.stringify(answer.value)}`);
      return answer.error;
    },
    async on(key, event, options = {}) {
      await command({ coreCommand: 'on', key, event, ...options });
    },
    async off(key) {
      await command({ coreCommand: 'off', key });
    },
    async state() {
      const answer = await command<Answer<Awaited<ReturnType<CoreWidget['state']>>>>({
        coreCommand: 'state',
      });
      if (!answer.ok) throw new Error('no state');
      return answer.value;
    },
    dispose() {
      window.removeEventListener('message', collect);
      running.dispose();
      container.remove();
    },
  };
}

describe('the core client over the emulator, in a cross-origin widget', () => {
  let w: CoreWidget;
  before(async () => {
    w = await openCoreWidget({ apiTimeoutMs: API_TIMEOUT });
  });
  after(() => w.dispose());

  it('loads the library with loadCifLibrary and speaks CIF 2.0', () => {
    expect(w.widgetOrigin).to.not.equal(location.origin);
    expect(w.ready).to.include({ coreWidget: 'ready', version: 2, source: 'injected' });
    const environment = w.ready.environment as Record<string, unknown>;
    expect(environment).to.include({
      userId: w.host.config.user.id.toUpperCase(),
      username: w.host.config.user.name,
      userLcid: w.host.config.user.lcid,
      orgUniqueName: w.host.config.org.uniqueName,
      clientUrl: location.origin,
    });
  });

  it('resolves typed results: void, booleans, numbers, references, records, lists, sessions, answers', async () => {
    expect(await w.call('setClickToAct', true)).to.deep.equal({ ok: true, value: undefined });
    expect(await w.value('getClickToAct')).to.equal(true);
    expect(await w.value('setMode', 1)).to.equal(1);
    expect(await w.value('getMode')).to.equal(1);
    expect(await w.value('setWidth', 420.4)).to.equal(420);
    expect(await w.value('setWidth', 120), 'below 300: ignored').to.equal(420);
    expect(await w.value('getWidth')).to.equal(420);

    const reference = await w.value<{ id: string; entityName: string }>('createRecord', 'contact', {
      firstname: 'Ada',
      lastname: 'Lovelace',
      telephone1: '+44 20 7946 0001',
    });
    expect(reference.id).to.match(/^[0-9a-f]{8}-[0-9a-f-]{27}$/);
    expect(reference.entityName).to.equal('contact');
    const record = await w.value<Record<string, unknown>>(
      'retrieveRecord',
      'contact',
      `{${reference.id.toUpperCase()}}`,
      { select: ['firstname', 'lastname'] },
    );
    expect(record).to.include({ firstname: 'Ada', lastname: 'Lovelace', contactid: reference.id });
    const found = await w.value<Record<string, unknown>[]>(
      'searchAndOpenRecords',
      'contact',
      { select: ['lastname'], filter: "telephone1 eq '+44 20 7946 0001'" },
      true,
    );
    expect(Array.isArray(found)).to.equal(true);
    expect(found.map((r) => r.contactid)).to.deep.equal([reference.id]);
    expect(
      await w.value('updateRecord', 'contact', reference.id, { jobtitle: 'Analyst' }),
    ).to.deep.include({ id: reference.id, entityName: 'contact' });

    const sessionId = await w.value<string>('createSession', {
      templateName: 'GenericSession',
      templateParameters: { customerName: 'Ada Lovelace' },
      context: { caseNumber: 'CAS-9' },
    });
    expect(sessionId).to.be.a('string').and.not.equal('');
    const session = await w.value<Record<string, unknown>>('getSession', sessionId);
    expect(session).to.deep.include({
      sessionId,
      focused: true,
      context: { caseNumber: 'CAS-9' },
    });
    expect(session.conversationId).to.be.a('string');
    expect(await w.value('updateContext', { priority: 'high' })).to.deep.equal({
      caseNumber: 'CAS-9',
      priority: 'high',
    });
    expect(await w.value('getFocusedSession')).to.equal(sessionId);
    expect(await w.value('getAllSessions')).to.deep.equal([sessionId]);
    expect(await w.value('requestFocusSession', sessionId)).to.equal(undefined);
    expect(await w.value('setPresence', 'Busy')).to.equal(true);
    expect(await w.value('getPresence')).to.equal('Busy');

    const answer = w.value('notifyEvent', {
      templateName: 'IncomingCall',
      templateParameters: { customerName: 'Ada Lovelace', phoneNumber: '+44 20 7946 0001' },
    });
    const shown = await until(() => w.host.notifications.current, 3000, 'the notification');
    w.host.userAnswerNotification(shown.id, true);
    expect(await answer).to.deep.include({ accepted: true, action: 'Accept', reason: 'Accept' });
    w.host.userCloseSession(sessionId);
  });

  it('rejects with a CifError whose code says why, whatever shape the library rejected with', async () => {
    // The client's own validation: the library is not called.
    expect(await w.error('createSession', { templateName: '' })).to.include({
      name: 'CifError',
      code: 'validation',
      api: 'createSession',
      raw: 'undefined',
    });
    // The library's validation: a JSON string {"message"}.
    expect(await w.error('setMode', 3)).to.include({
      code: 'validation',
      message: 'The setMode paramter value must be 0, 1 or 2.',
      raw: 'string',
      hostName: undefined,
    });
    // A JSON string {"message", "msdyn_name"}.
    expect(
      await w.error('retrieveRecord', 'contact', '00000000-0000-4000-8000-000000000000'),
    ).to.include({
      code: 'not-found',
      api: 'retrieveRecord',
      hostName: 'retrieverecord',
      raw: 'string',
    });
    // A Map.
    expect(await w.error('getSession', 'no-such-session')).to.include({
      code: 'not-found',
      hostName: 'getSession',
      raw: 'Map',
    });
    // {errorCode, message}.
    expect(await w.error('createTab', { templateName: 'NoSuchTemplate' })).to.include({
      code: 'template-not-found',
      hostErrorCode: 404,
      raw: 'object',
    });
    expect(await w.error('notifyEvent', { templateName: 'NoSuchTemplate' })).to.include({
      code: 'template-not-found',
      hostName: 'NotifyEvent',
      message: 'NotificationTemplateNotFoundError',
    });
    expect(await w.error('createSession', { templateName: 'NoSuchTemplate' })).to.include({
      code: 'template-not-found',
      hostName: 'createSession',
      raw: 'Map',
    });
    // Injected: a privilege failure of Dataverse, and a plain string.
    w.host.faults.add({
      api: 'createRecord',
      action: 'fail',
      message: 'Principal user is missing prvCreateContact privilege',
      times: 1,
    });
    expect(await w.error('createRecord', 'contact', { lastname: 'X' })).to.include({
      code: 'permission-denied',
      hostName: 'createrecord',
      raw: 'string',
    });
    w.host.faults.add({
      api: 'getPresence',
      action: 'fail',
      shape: 'string',
      message: 'plain',
      times: 1,
    });
    expect(await w.error('getPresence')).to.include({
      code: 'unknown',
      message: 'plain',
      raw: 'string',
    });
    // The library's timeout (its own text), and the client's when it is shorter.
    w.host.faults.add({ api: 'getEnvironment', action: 'timeout', times: 1 });
    expect(await w.error('getEnvironment')).to.include({
      code: 'timeout',
      message: 'Timeout occurred as no response was received from listener window',
      raw: 'string',
    });
    w.host.faults.add({ api: 'getWidth', action: 'timeout', times: 1 });
    expect(await w.error('getWidth')).to.include({ code: 'timeout', raw: 'Map' });
    w.host.faults.add({ api: 'getMode', action: 'delay', ms: 600, times: 1 });
    expect(await w.error('getMode', { timeout: 200 })).to.include({
      code: 'timeout',
      message: 'getMode got no answer within 200 ms',
      raw: 'undefined',
    });
    expect(await w.value('getMode'), 'answers again').to.equal(w.host.panelMode);
  });

  it('delivers events to on() handlers, answers the host, and unsubscribes', async () => {
    await w.value('setClickToAct', true);
    const contact = await w.value<{ id: string }>('createRecord', 'contact', {
      firstname: 'Alan',
      lastname: 'Turing',
      telephone1: '+44 20 7946 0002',
    });
    await w.on('click', 'onclicktoact', { answer: 'dialling' });
    await w.on('first', 'onSessionSwitched');
    await w.on('second', 'onSessionSwitched');
    await w.on('article', 'onsendkbarticle', { fail: 'app bug' });
    expect((await w.state()).subscribed).to.have.members([
      'onclicktoact',
      'onSessionSwitched',
      'onsendkbarticle',
    ]);
    expect(w.host.registeredHandlers.get('onSessionSwitched'), 'one host handler').to.equal(1);

    // The handler's answer reaches the host; the payload is parsed and typed.
    const clicked = await w.host.userClickToAct('contact', contact.id, 'telephone1');
    expect(clicked).to.deep.equal({ status: 'success', value: 'dialling' });
    const click = w.events.find((e) => e.key === 'click')!;
    expect(click.payload).to.deep.include({
      value: '+44 20 7946 0002',
      name: 'telephone1',
      format: 'Phone',
      entityLogicalName: 'contact',
      entityId: contact.id,
      recordTitle: 'Alan Turing',
    });

    // createSession switches focus: both subscribers get home (false), then the new session (true).
    const before = w.events.length;
    const sessionId = await w.value<string>('createSession', {
      templateName: 'GenericSession',
      context: { caseNumber: 'CAS-10' },
    });
    await until(() => w.events.length >= before + 4, 3000, 'four onSessionSwitched deliveries');
    const switches = (key: string) =>
      w.events
        .slice(before)
        .filter((e) => e.key === key)
        .map((e) => [e.payload.sessionId, e.payload.focused, e.payload.context]);
    for (const key of ['first', 'second']) {
      expect(switches(key), key).to.deep.equal([
        ['session-id-0', false, {}],
        [sessionId, true, { caseNumber: 'CAS-10' }],
      ]);
    }

    // A handler that throws: the host gets a failure (a message), onError gets the CifError.
    const article = w.host.dataverse.query('knowledgearticle', '$top=1')[0]!;
    const sent = await w.host.userSendKbArticle(String(article.knowledgearticleid));
    expect(sent).to.deep.equal({
      status: 'failure',
      error: 'onsendkbarticle handler failed: app bug',
    });
    expect((await w.state()).reported.at(-1)).to.include({
      code: 'unknown',
      event: 'onsendkbarticle',
    });

    // Unsubscribing one of two subscribers keeps the host handler; the last one removes it.
    await w.off('first');
    const mark = w.events.length;
    w.host.userFocusSession('session-id-0');
    await until(() => w.events.length >= mark + 2, 3000, 'two deliveries to the second subscriber');
    expect(w.events.slice(mark).map((e) => e.key)).to.deep.equal(['second', 'second']);
    await w.off('second');
    await w.off('click');
    await w.off('article');
    expect((await w.state()).subscribed).to.deep.equal([]);
    await until(
      () => !w.host.registeredHandlers.has('onSessionSwitched'),
      3000,
      'removeHandler to reach the host',
    );
    const quiet = w.events.length;
    w.host.userFocusSession(sessionId);
    const unhandled = await w.host.userClickToAct('contact', contact.id, 'telephone1');
    expect(unhandled.status).to.equal('success');
    expect((unhandled as { value: Map<string, unknown> }).value.get('message')).to.equal(
      'No handlers found to process the request.',
    );
    await until(
      () => w.host.inspector.entries.every((e) => e.kind !== 'event' || e.status !== 'pending'),
      3000,
      'the widget to answer every event',
    );
    expect(w.events.length, 'nothing delivered after unsubscribing').to.equal(quiet);
  });
});
