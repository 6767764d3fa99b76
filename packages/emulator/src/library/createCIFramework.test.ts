// Unit tests of the library's installer in a same-origin iframe, with this test page playing a scripted
// host: CRM URL discovery, CIFInitDone, encodings, timeouts, events and handler outcomes.
import { expect } from '@open-wc/testing';
import { installCIFramework, type CIFrameworkLibrary } from './createCIFramework.js';
import { Key, MessageType, Text, createErrorMap, type WireRequest } from './wire.js';

type Reply = { outcome: 'success' | 'failure'; data: unknown } | 'none';
type Script = (request: WireRequest) => Reply;

interface Rig {
  win: Window & typeof globalThis;
  cif: CIFrameworkLibrary;
  requests: WireRequest[];
  script: { current: Script };
  initDone: Promise<CustomEvent>;
  remove(): void;
}

const defaultScript: Script = (request) => {
  if (request.messageType === MessageType.hello)
    return { outcome: 'success', data: new Map([[Key.apiTimeout, 300]]) };
  return { outcome: 'success', data: new Map() };
};

async function rig(
  options: { crmUrl?: string | null; cifid?: boolean; src?: string; noReferrer?: boolean } = {},
): Promise<Rig> {
  const frame = document.createElement('iframe');
  if (options.noReferrer) frame.referrerPolicy = 'no-referrer';
  frame.src = options.src ?? 'about:blank';
  const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as Window & typeof globalThis;
  if (options.crmUrl !== null) {
    const script = win.document.createElement('script');
    if (options.cifid !== false) script.setAttribute('data-cifid', 'CIFMainLibrary');
    script.setAttribute('data-crmurl', options.crmUrl ?? location.origin);
    win.document.head.append(script);
  }
  const requests: WireRequest[] = [];
  const script = { current: defaultScript };
  // The installer runs in this page's realm, so the requests' source is this window: tell requests from
  // replies by their shape.
  const listener = (event: MessageEvent) => {
    const request = event.data as WireRequest & { messageOutcome?: string };
    if (!request?.messageType || request.messageOutcome) return;
    requests.push(request);
    const reply = script.current(request);
    if (reply === 'none') return;
    win.postMessage(
      {
        messageOutcome: reply.outcome,
        messageData: reply.data,
        messageCorrelationId: request.messageCorrelationId,
        messageType: 'CIF_Response',
      },
      location.origin,
    );
  };
  window.addEventListener('message', listener);
  const initDone = new Promise<CustomEvent>((resolve) =>
    win.addEventListener('CIFInitDone', (e) => resolve(e as CustomEvent), { once: true }),
  );
  const cif = installCIFramework(win);
  return {
    win,
    cif,
    requests,
    script,
    initDone,
    remove() {
      window.removeEventListener('message', listener);
      frame.remove();
    },
  };
}

/** Posts an event to the widget as the host would and resolves the widget's reply. */
function raise(
  win: Window,
  messageType: string,
  messageData: unknown,
): Promise<{ messageOutcome: string; messageData: unknown }> {
  const messageCorrelationId = `evt-${Math.random()}`;
  return new Promise((resolve) => {
    const listener = (event: MessageEvent) => {
      if (event.data?.messageCorrelationId !== messageCorrelationId || !event.data.messageOutcome)
        return;
      window.removeEventListener('message', listener);
      resolve(event.data);
    };
    window.addEventListener('message', listener);
    win.postMessage({ messageType, messageData, messageCorrelationId }, location.origin);
  });
}

describe('installCIFramework', () => {
  let r: Rig;
  afterEach(() => r?.remove());

  it('dispatches CIFInitDone asynchronously with the trusted domains, and installs once', async () => {
    r = await rig();
    let fired = false;
    void r.initDone.then(() => (fired = true));
    expect(fired).to.equal(false);
    const event = await r.initDone;
    expect(event.detail).to.deep.equal([location.origin]);
    expect(installCIFramework(r.win)).to.equal(r.cif);
    expect(
      (r.win as unknown as { Microsoft: { CIFramework: unknown } }).Microsoft.CIFramework,
    ).to.equal(r.cif);
  });

  it('resolves messageData.value, or null when there is none', async () => {
    r = await rig();
    r.script.current = (req) =>
      req.messageType === MessageType.getWidth
        ? { outcome: 'success', data: new Map([['value', 512]]) }
        : defaultScript(req);
    expect(await r.cif.getWidth()).to.equal(512);
    expect(await r.cif.setClickToAct(true)).to.equal(null);
    const request = r.requests.find((q) => q.messageType === MessageType.setClickToAct);
    expect((request?.messageData as Map<string, unknown>).get('value')).to.equal(true);
  });

  it('stringifies results and errors of the JSON APIs, keeps Maps for the others', async () => {
    r = await rig();
    r.script.current = (req) => {
      if (req.messageType === MessageType.retrieveRecord)
        return { outcome: 'success', data: new Map([['value', new Map([['name', 'A']])]]) };
      if (req.messageType === MessageType.deleteRecord)
        return { outcome: 'failure', data: createErrorMap('gone', 'deleterecord') };
      if (req.messageType === MessageType.getSession)
        return { outcome: 'failure', data: createErrorMap('no session', 'getSession') };
      return defaultScript(req);
    };
    expect(await r.cif.retrieveRecord('account', '1')).to.equal('{"name":"A"}');
    const deleted = await r.cif.deleteRecord('account', '1').catch((e: unknown) => e);
    expect(deleted).to.equal('{"message":"gone","msdyn_name":"deleterecord"}');
    const session = await r.cif.getSession('s').catch((e: unknown) => e);
    expect(session).to.be.instanceOf(r.win.Map);
    expect((session as Map<string, unknown>).get('message')).to.equal('no session');
  });

  it('times out with the real text after the timeout the host announced; not for notifyEvent', async () => {
    r = await rig();
    await new Promise((res) => setTimeout(res, 20)); // let the hello answer arrive
    r.script.current = (req) =>
      req.messageType === MessageType.hello ? defaultScript(req) : 'none';
    const started = performance.now();
    const raw = await r.cif.getMode().catch((e: unknown) => e);
    expect(performance.now() - started).to.be.within(250, 2000);
    expect((raw as Map<string, unknown>).get('message')).to.equal(Text.timeout);
    expect(await r.cif.getEnvironment().catch((e: unknown) => e)).to.equal(
      `{"message":"${Text.timeout}"}`,
    );
    let settled = false;
    void r.cif.notifyEvent({ templateName: 'x' }).finally(() => (settled = true));
    await new Promise((res) => setTimeout(res, 450));
    expect(settled).to.equal(false);
  });

  it('validates arguments in the library and tells the host (logErrorsAndReject)', async () => {
    r = await rig();
    expect(await r.cif.createRecord('', '{}').catch((e: unknown) => e)).to.equal(
      '{"message":"The EntityName parameter is blank. Provide a value to the parameter."}',
    );
    expect(await r.cif.updateRecord('contact', 'id', '[1]').catch((e: unknown) => e)).to.equal(
      '{"message":"The data parameter must be a JSON object."}',
    );
    expect(await r.cif.updateRecord('contact', 'id', '{bad').catch((e: unknown) => e)).to.match(
      /not valid JSON/,
    );
    expect(
      await r.cif
        .searchAndOpenRecords('contact', '?$top=1', undefined as unknown as boolean)
        .catch((e: unknown) => e),
    ).to.equal(
      '{"message":"The searchOnly parameter is blank. Provide a value to the parameter."}',
    );
    const messages: unknown[] = [];
    for (const attempt of [
      () => r.cif.setTabTitle('t', null),
      () => r.cif.renderSearchPage('contact', null as unknown as string),
      () => r.cif.addHandler('', () => Promise.resolve()),
      () => r.cif.removeHandler('x', null as unknown as () => Promise<void>),
      () => r.cif.notifyKpiBreach(null as unknown as string),
      () => r.cif.logAnalyticsEvent(null, null as unknown as string),
      () => r.cif.cancelEvent(''),
      () => r.cif.updateConversation('c', null as unknown as string),
    ]) {
      messages.push(await attempt()!.catch((e: unknown) => e));
    }
    expect(messages.every((m) => typeof m === 'string' && JSON.parse(m).message)).to.equal(true);
    await new Promise((res) => setTimeout(res, 20));
    expect(
      r.requests.filter((q) => q.messageType === MessageType.logErrorsAndReject).length,
    ).to.be.at.least(12);
  });

  it('runs handlers: a promise answers success, undefined or a throw answer failure, none answers "No handlers"', async () => {
    r = await rig();
    await r.initDone;
    const seen: unknown[] = [];
    expect(
      void r.cif.addHandler(
        'onmodechanged',
        (payload) => (seen.push(payload), Promise.resolve('ok')),
      ),
    ).to.equal(undefined);
    expect(await raise(r.win, 'onmodechanged', '{"value":0}')).to.deep.include({
      messageOutcome: 'success',
      messageData: 'ok',
    });
    expect(seen).to.deep.equal(['{"value":0}']);
    const undef = () => undefined;
    void r.cif.addHandler('onsizechanged', undef);
    const failed = await raise(r.win, 'onsizechanged', '{"value":400}');
    expect(failed.messageOutcome).to.equal('failure');
    expect((failed.messageData as Map<string, unknown>).get('message')).to.match(/then/);
    void r.cif.removeHandler('onsizechanged', undef);
    const none = await raise(r.win, 'onsizechanged', '{"value":400}');
    expect(none.messageOutcome).to.equal('success');
    expect((none.messageData as Map<string, unknown>).get('message')).to.equal(Text.noHandlers);
    void r.cif.addHandler('custom', () => Promise.reject(new Error('nope')));
    const rejected = await raise(r.win, 'custom', new Map([['value', 1]]));
    expect(rejected.messageOutcome).to.equal('failure');
    expect((rejected.messageData as Map<string, unknown>).get('message')).to.equal('nope');
    void r.cif.addHandler('unclonable', () => Promise.resolve(() => 1));
    const unclonable = await raise(r.win, 'unclonable', '{}');
    expect(unclonable.messageOutcome).to.equal('failure');
  });

  it('rejects every call when it cannot know the CRM URL', async () => {
    r = await rig({
      crmUrl: null,
      noReferrer: true,
      src: '/packages/emulator/test/fixtures/blank.html',
    });
    expect(await r.cif.getMode().catch((e: unknown) => e)).to.equal(
      `{"message":"${Text.noTarget}"}`,
    );
  });

  it('reads data-crmurl only from the script tagged data-cifid="CIFMainLibrary" (else the referrer)', async () => {
    r = await rig({ crmUrl: 'https://org.crm.dynamics.com', cifid: false });
    expect((await r.initDone).detail).to.deep.equal([location.origin]);
  });

  it('adds the ucilib origin and posts to it', async () => {
    const ucilib = encodeURIComponent(`${location.origin}/webresources/Widget/msdyn_ciLibrary.js`);
    r = await rig({
      crmUrl: 'https://org.crm.dynamics.com',
      src: `/packages/emulator/test/fixtures/blank.html?ucilib=${ucilib}`,
    });
    expect((await r.initDone).detail).to.deep.equal([
      'https://org.crm.dynamics.com',
      location.origin,
    ]);
    expect(await r.cif.getPresence()).to.equal(null);
  });

  it('sends every documented method under the real wire names, with its parameters', async () => {
    r = await rig();
    const f = () => Promise.resolve();
    const calls: [string, () => unknown, Record<string, unknown>][] = [
      ['setclicktoact', () => r.cif.setClickToAct(null as unknown as boolean), { value: false }],
      ['getclicktoact', () => r.cif.getClickToAct(), {}],
      ['setmode', () => r.cif.setMode(1, 'c1'), { value: 1, correlationId: 'c1' }],
      ['getmode', () => r.cif.getMode(), {}],
      ['setwidth', () => r.cif.setWidth(400), { value: 400 }],
      ['getwidth', () => r.cif.getWidth(), {}],
      ['getenvironment', () => r.cif.getEnvironment(), {}],
      [
        'createrecord',
        () => r.cif.createRecord('contact', '{"lastname":"L"}'),
        { entityName: 'contact' },
      ],
      [
        'retrieverecord',
        () => r.cif.retrieveRecord('contact', 'id', '?$select=fullname'),
        { entityId: 'id', queryParameters: '?$select=fullname' },
      ],
      ['updaterecord', () => r.cif.updateRecord('contact', 'id', '{}'), { entityId: 'id' }],
      ['deleterecord', () => r.cif.deleteRecord('contact', 'id'), { entityId: 'id' }],
      [
        'search',
        () => r.cif.searchAndOpenRecords('contact', '?$top=1', true, 'c', 0),
        { searchOnly: true, searchType: 0 },
      ],
      [
        'searchandopenrecords',
        () => r.cif.searchAndOpenRecords('contact', '?$top=1', false),
        { searchOnly: false },
      ],
      [
        'openform',
        () => r.cif.openForm('{"entityName":"contact"}', '{}'),
        { entityFormOptions: '{"entityName":"contact"}' },
      ],
      ['renderSearchPage', () => r.cif.renderSearchPage('contact', 'x'), { searchString: 'x' }],
      [
        'getEntityMetadata',
        () => r.cif.getEntityMetadata('contact', ['fullname']),
        { attributes: ['fullname'] },
      ],
      [
        'addGenericHandler',
        () => r.cif.addHandler('onclicktoact', f),
        { eventType: 'onclicktoact' },
      ],
      [
        'removeGenericHandler',
        () => r.cif.removeHandler('onclicktoact', f),
        { eventType: 'onclicktoact' },
      ],
      [
        'raiseEvent',
        () => r.cif.raiseEvent('custom', '{"a":1}'),
        { eventType: 'custom', value: '{"a":1}' },
      ],
      [
        'updateContext',
        () => r.cif.updateContext({ a: 1 }, 's1', true),
        { sessionId: 's1', isDelete: true },
      ],
      [
        'notifyEvent',
        () => r.cif.notifyEvent({ templateName: 't', templateParameters: { a: 1 } }, 'c', 'tok'),
        { templateName: 't', cancellationToken: 'tok' },
      ],
      ['cancelEvent', () => r.cif.cancelEvent('tok'), { cancellationToken: 'tok' }],
      ['canCreateSession', () => r.cif.canCreateSession(), {}],
      [
        'createSession',
        () =>
          r.cif.createSession(
            { templateName: 's', templateParameters: { customerName: 'C' } },
            'c',
            'p',
          ),
        { customerName: 'C', providerSessionId: 'p' },
      ],
      ['getSession', () => r.cif.getSession('s1'), { sessionId: 's1' }],
      ['getFocusedSession', () => r.cif.getFocusedSession(), {}],
      ['getAllSessions', () => r.cif.getAllSessions(), {}],
      [
        'requestFocusSession',
        () => r.cif.requestFocusSession('s1', 2),
        { sessionId: 's1', messagesCount: 2 },
      ],
      ['setSessionTitle', () => r.cif.setSessionTitle({ sessionId: 's1', title: 't' }), {}],
      ['createTab', () => r.cif.createTab({ templateName: 't' }), {}],
      [
        'getTabsByTagOrName',
        () => r.cif.getTabs('t', ['x']),
        { msdyn_name: 't', templateTag: ['x'] },
      ],
      ['getFocusedTab', () => r.cif.getFocusedTab(), {}],
      ['focusTab', () => r.cif.focusTab('t1'), { tabId: 't1' }],
      ['refreshTab', () => r.cif.refreshTab('t1'), { tabId: 't1' }],
      ['closeTab', () => r.cif.closeTab('t1'), { tabId: 't1' }],
      ['setTabTitle', () => r.cif.setTabTitle('t1', { title: 'x' }), { tabId: 't1' }],
      [
        'notifyKpiBreach',
        () => r.cif.notifyKpiBreach('s1', true, 'd'),
        { resetKpiBreach: true, kpiBreachDetails: 'd' },
      ],
      [
        'notifyNewActivity',
        () => r.cif.notifyNewActivity('s1', 3, false),
        { messagesCount: 3, shouldReset: false },
      ],
      ['setPresence', () => r.cif.setPresence('Busy'), { presenceText: 'Busy' }],
      ['getPresence', () => r.cif.getPresence(), {}],
      [
        'logAnalyticsEvent',
        () => r.cif.logAnalyticsEvent({ a: 1 }, 'E'),
        { analyticsEventname: 'E' },
      ],
      [
        'updateConversation',
        () => r.cif.updateConversation('conv', '{"a":1}'),
        { entityId: 'conv', entityName: 'msdyn_ocliveworkitem' },
      ],
    ];
    for (const [type, invoke, expected] of calls) {
      const before = r.requests.length;
      const result = invoke();
      if (result instanceof Promise) await result.catch(() => undefined);
      else await new Promise((res) => setTimeout(res, 10));
      const request = r.requests.slice(before).find((q) => q.messageType === type);
      expect(request, type).to.not.equal(undefined);
      const data = request?.messageData as Map<string, unknown>;
      for (const [key, value] of Object.entries(expected))
        expect(data.get(key), `${type}.${key}`).to.deep.equal(value);
    }
    // invalid calls never reach the host as API calls
    for (const invalid of [
      () => r.cif.setMode(9),
      () => r.cif.setWidth(Number.NaN),
      () => r.cif.createRecord('c', undefined as unknown as string),
      () => r.cif.createRecord('c', 5 as unknown as string),
      () => r.cif.retrieveRecord('c', ''),
      () => r.cif.updateRecord('', 'i', '{}'),
      () => r.cif.updateRecord('c', '', '{}'),
      () => r.cif.updateRecord('c', 'i', undefined as unknown as string),
      () => r.cif.deleteRecord('', 'i'),
      () => r.cif.deleteRecord('c', ''),
      () => r.cif.searchAndOpenRecords('', 'q', true),
      () => r.cif.searchAndOpenRecords('c', '', true),
      () => r.cif.renderSearchPage('', 'x'),
      () => r.cif.getEntityMetadata(''),
      () => r.cif.addHandler('x', undefined as unknown as () => Promise<void>),
      () => r.cif.removeHandler('', f),
      () => r.cif.raiseEvent('', 1),
      () => r.cif.updateContext(null),
      () => r.cif.notifyEvent(null),
      () => r.cif.createSession(null),
      () => r.cif.requestFocusSession(null as unknown as string),
      () => r.cif.setSessionTitle(null),
      () => r.cif.createTab(null),
      () => r.cif.focusTab(null as unknown as string),
      () => r.cif.refreshTab(null as unknown as string),
      () => r.cif.closeTab(null as unknown as string),
      () => r.cif.setTabTitle(null as unknown as string, {}),
      () => r.cif.notifyNewActivity(null as unknown as string),
      () => r.cif.setPresence(null as unknown as string),
      () => r.cif.updateConversation('', '{}'),
      () => r.cif.updateConversation('c', '{'),
    ]) {
      const error = await invalid()!.catch((e: unknown) => e);
      expect(JSON.parse(error as string)).to.have.property('message');
    }
  });
});
