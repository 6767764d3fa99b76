/* eslint-disable @typescript-eslint/prefer-promise-reject-errors -- CIF rejects with strings, Maps and objects; the tests reproduce it */
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { CIF_TIMEOUT_MESSAGE, CIF_V2_APIS } from '../index.js';
import {
  FAKE_HOME_SESSION_ID,
  FakeCIFramework,
  ODataQueryError,
  applyQuery,
  parseFilter,
  parseQuery,
} from './index.js';

type Fn = (...args: unknown[]) => Promise<unknown>;
const call = (fake: FakeCIFramework, api: string, ...args: unknown[]) =>
  (fake.library as unknown as Record<string, Fn>)[api]!(...args);

async function rejected(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (reason) {
    return reason;
  }
  throw new Error('expected a rejection');
}

describe('FakeCIFramework', () => {
  it('imitates a CIF 1.0 library by leaving out every 2.0 function', () => {
    const v1 = new FakeCIFramework({ version: 1 });
    for (const api of CIF_V2_APIS) expect(v1.library[api], api).to.equal(undefined);
    expect(v1.library.getEnvironment).to.be.a('function');
    // The shipped library times out after 10 s in CIF 1.0 and 2.0 alike (the 2.0 docs say 100 s).
    expect(v1.hostTimeout).to.equal(10_000);
    expect(new FakeCIFramework().hostTimeout).to.equal(10_000);
    expect(new FakeCIFramework({ hostTimeout: 100_000 }).hostTimeout).to.equal(100_000);
  });

  it('answers with the real encodings: JSON strings, raw values, a Map for getSession', async () => {
    const fake = new FakeCIFramework();
    expect(await call(fake, 'getEnvironment')).to.be.a('string');
    expect(await call(fake, 'getWidth')).to.equal(340);
    expect(await call(fake, 'setClickToAct', true)).to.equal(null);
    const id = (await call(fake, 'createSession', { templateName: 't' })) as string;
    expect(await call(fake, 'getSession', id)).to.be.instanceOf(Map);
    expect(await call(fake, 'searchAndOpenRecords', 'contact', '?$top=1', true)).to.equal('{}');
    expect(await call(fake, 'notifyEvent', { templateName: 't' })).to.equal(
      '{"actionName":"Accept","responseReason":"Accept"}',
    );
  });

  it('rejects in the three real shapes, named by the message type the library posts', async () => {
    const fake = new FakeCIFramework({ tabTemplates: ['a'] });
    const json = await rejected(call(fake, 'retrieveRecord', 'contact', '{X-1}'));
    expect(JSON.parse(json as string)).to.deep.equal({
      message: "Entity 'contact' With Id = x-1 Does Not Exist",
      msdyn_name: 'retrieverecord',
    });
    const search = await rejected(call(fake, 'searchAndOpenRecords', 'contact', '$top=-1', true));
    expect(JSON.parse(search as string)).to.include({ msdyn_name: 'search' });
    const map = await rejected(call(fake, 'getSession', 'x'));
    expect(map).to.deep.equal(
      new Map([
        ['message', 'Session x does not exist or does not belong to this channel provider.'],
        ['msdyn_name', 'getSession'],
      ]),
    );
    expect(
      JSON.parse((await rejected(call(fake, 'notifyEvent', { templateName: '' }))) as string),
    ).to.deep.equal({ message: 'NotificationTemplateNotFoundError', msdyn_name: 'NotifyEvent' });
    fake.override('getTabs', { fail: 'map' });
    expect(
      ((await rejected(call(fake, 'getTabs'))) as Map<string, unknown>).get('msdyn_name'),
    ).to.equal('getTabsByTagOrName');
    expect(await rejected(call(fake, 'createTab', { templateName: 'b' }))).to.have.keys(
      'errorCode',
      'message',
    );
    expect(
      JSON.parse((await rejected(call(fake, 'createRecord', 'contact', {}))) as string),
    ).to.have.keys('message');
  });

  it('records calls and applies overrides for a number of calls, with a delay', async () => {
    const clock = sinon.useFakeTimers();
    try {
      const fake = new FakeCIFramework();
      fake.override('getWidth', { result: 1, times: 1, delay: 50 });
      let value: unknown;
      void call(fake, 'getWidth').then((v) => (value = v));
      await clock.tickAsync(49);
      expect(value).to.equal(undefined);
      await clock.tickAsync(1);
      expect(value).to.equal(1);
      expect(await call(fake, 'getWidth')).to.equal(340);
      fake.override('getWidth', { respond: (...args: unknown[]) => args.length });
      expect(await call(fake, 'getWidth', 'a', 'b')).to.equal(2);
      fake.override('getWidth', {
        respond: () => {
          throw new Error('respond failed');
        },
      });
      expect(await rejected(call(fake, 'getWidth'))).to.be.instanceOf(Error);
      fake.reset();
      expect(await call(fake, 'getWidth')).to.equal(340);
      expect(fake.callsTo('getWidth')).to.have.length(5);
      expect(fake.calls.at(-1)).to.deep.equal({ api: 'getWidth', args: [] });
    } finally {
      clock.restore();
    }
  });

  it('produces the library timeout after hostTimeout, as the library builds it', async () => {
    const clock = sinon.useFakeTimers();
    try {
      const fake = new FakeCIFramework({ version: 1 });
      fake
        .override('getEnvironment', { fail: 'timeout' })
        .override('setMode', { fail: { shape: 'timeout' } })
        .override('openForm', { fail: 'timeout' });
      const json = rejected(call(fake, 'getEnvironment'));
      const map = rejected(call(fake, 'setMode', 1));
      let form = 'pending';
      void call(fake, 'openForm', '{}').then(
        () => (form = 'resolved'),
        () => (form = 'rejected'),
      );
      await clock.tickAsync(10_000);
      // The library's own error: no msdyn_name (a JSON string drops it; the Map keeps the key, undefined).
      expect(await json).to.equal(`{"message":"${CIF_TIMEOUT_MESSAGE}"}`);
      expect(await map).to.deep.equal(
        new Map([
          ['message', CIF_TIMEOUT_MESSAGE],
          ['msdyn_name', undefined],
        ]),
      );
      // The library does not time out openForm, notifyEvent and createSession.
      await clock.tickAsync(60_000);
      expect(form).to.equal('pending');
    } finally {
      clock.restore();
    }
  });

  it('times out an answer delayed past hostTimeout, after the host has acted', async () => {
    const clock = sinon.useFakeTimers();
    try {
      const fake = new FakeCIFramework({ hostTimeout: 1_000 });
      fake.override('setWidth', { delay: 1_500, times: 1 });
      fake.override('getWidth', { delay: 500, times: 1 });
      const late = rejected(call(fake, 'setWidth', 500));
      const early = call(fake, 'getWidth');
      await clock.tickAsync(500);
      expect(await early, 'a delay alone answers as by default').to.equal(340);
      await clock.tickAsync(500);
      expect(((await late) as Map<string, unknown>).get('message')).to.equal(CIF_TIMEOUT_MESSAGE);
      expect(fake.width, 'not yet').to.equal(340);
      await clock.tickAsync(500);
      expect(fake.width, 'the host acted, too late for the widget').to.equal(500);
    } finally {
      clock.restore();
    }
  });

  it('reports what handler return values settled to', async () => {
    const clock = sinon.useFakeTimers();
    try {
      const fake = new FakeCIFramework({ hostTimeout: 1_000 });
      const handlers = [
        () => Promise.resolve('ok'),
        () => Promise.reject('no'),
        () => undefined,
        () => {
          throw new Error('threw');
        },
        () => new Promise(() => undefined),
      ];
      for (const handler of handlers) await call(fake, 'addHandler', 'onmodechanged', handler);
      await call(fake, 'addHandler', 'onmodechanged', handlers[0]);
      expect(fake.handlers('onmodechanged')).to.have.length(5);
      const outcomes = fake.toggleMode(0);
      await clock.tickAsync(1_000);
      expect((await outcomes).map((o) => o.status)).to.deep.equal([
        'fulfilled',
        'rejected',
        'not-a-promise',
        'threw',
        'timeout',
      ]);
      await call(fake, 'removeHandler', 'onmodechanged', () => undefined);
      expect(fake.handlers('onmodechanged')).to.have.length(5);
      for (const handler of handlers) await call(fake, 'removeHandler', 'onmodechanged', handler);
      expect(fake.handlers('onmodechanged')).to.have.length(0);
    } finally {
      clock.restore();
    }
  });

  it('delivers event payloads as JSON strings, Maps or raw values', async () => {
    const fake = new FakeCIFramework();
    const received: unknown[] = [];
    await call(fake, 'addHandler', 'x', (payload: unknown) => {
      received.push(payload);
      return Promise.resolve();
    });
    await fake.raise('x', { a: 1 });
    await fake.raise('x', { a: 1 }, { as: 'map' });
    await fake.raise('x', 5, { as: 'raw' });
    await fake.raise('x', 'text');
    expect(received[0]).to.equal('{"a":1}');
    expect(received[1]).to.be.instanceOf(Map);
    expect(received.slice(2)).to.deep.equal([5, 'text']);
  });

  it('installs on a window and dispatches CIFInitDone on the next task', async () => {
    const fake = new FakeCIFramework();
    const win = window as unknown as { Microsoft?: { CIFramework?: unknown; Other?: number } };
    win.Microsoft = { Other: 1 };
    const init = new Promise((resolve) =>
      window.addEventListener('CIFInitDone', resolve, { once: true }),
    );
    const uninstall = fake.install();
    expect(win.Microsoft.CIFramework).to.equal(fake.library);
    expect(win.Microsoft.Other).to.equal(1);
    await init;
    uninstall();
    expect(win.Microsoft).to.deep.equal({ Other: 1 });
    delete win.Microsoft;
    const again = fake.install();
    again();
    expect(win.Microsoft).to.equal(undefined);
  });

  it('keeps records: create, retrieve with $select, update, delete, search with $top/$orderby/$search', async () => {
    const fake = new FakeCIFramework({
      records: {
        contact: [
          { fullname: 'Zoe', telephone1: '1', contactid: '{AAA}' },
          { fullname: 'Adam', telephone1: '2' },
          { fullname: 'Mia', telephone1: null },
        ],
      },
    });
    expect(fake.records('contact')[0]!.contactid).to.equal('aaa');
    expect(
      JSON.parse(
        (await call(fake, 'retrieveRecord', 'contact', '{AAA}', '?$select=fullname')) as string,
      ),
    ).to.deep.equal({
      fullname: 'Zoe',
      contactid: 'aaa',
    });
    const sorted = JSON.parse(
      (await call(
        fake,
        'searchAndOpenRecords',
        'contact',
        '?$select=fullname&$orderby=fullname desc&$top=2',
        true,
      )) as string,
    ) as Record<string, { fullname: string }>;
    expect(Object.values(sorted).map((r) => r.fullname)).to.deep.equal(['Zoe', 'Mia']);
    const searched = JSON.parse(
      (await call(fake, 'searchAndOpenRecords', 'contact', '?$search=ada', false)) as string,
    );
    expect(Object.keys(searched)).to.have.length(1);
    expect(fake.navigations.at(-1)).to.deep.include({ type: 'search' });
    const bad = await rejected(
      call(fake, 'searchAndOpenRecords', 'contact', "?$filter=fullname eq 'x", true),
    );
    expect(String(bad)).to.contain('Invalid query');
    expect(fake.addRecord('account', { name: 'Contoso' })).to.match(/^0{8}-/);
    await call(
      fake,
      'updateRecord',
      'account',
      fake.records('account')[0]!.accountid,
      '{"name":"Fabrikam"}',
    );
    expect(fake.records('account')[0]!.name).to.equal('Fabrikam');
    expect(await rejected(call(fake, 'updateRecord', 'account', 'nope', '{}'))).to.be.a('string');
    expect(
      await rejected(
        call(fake, 'updateRecord', 'account', fake.records('account')[0]!.accountid, {}),
      ),
    ).to.be.a('string');
  });

  it('queues notifications: answer, display timeout (old and new hosts), queue limit', async () => {
    const clock = sinon.useFakeTimers();
    try {
      const fake = new FakeCIFramework({
        notificationAnswer: 'pending',
        notificationTimeout: 1_000,
        quirks: { rejectOnDisplayTimeout: true },
      });
      expect(fake.answerNotification({ actionName: 'Accept', responseReason: 'Accept' })).to.equal(
        false,
      );
      const first = call(
        fake,
        'notifyEvent',
        { templateName: 't', templateParameters: { n: 1 } },
        undefined,
        'tok',
      );
      const second = call(fake, 'notifyEvent', { templateName: 't' });
      expect(fake.pendingNotifications).to.deep.equal([
        { templateName: 't', templateParameters: { n: 1 }, cancellationToken: 'tok' },
        { templateName: 't', templateParameters: {} },
      ]);
      expect(
        fake.answerNotification({ actionName: 'Reject', responseReason: 'DeclinedByAgent' }),
      ).to.equal(true);
      expect(JSON.parse((await first) as string)).to.deep.equal({
        actionName: 'Reject',
        responseReason: 'DeclinedByAgent',
      });
      await clock.tickAsync(1_000);
      expect(JSON.parse((await second) as string)).to.deep.equal({
        actionName: 'Reject',
        responseReason: 'DisplayTimeout',
      });
      // The library reads the input object's fields: a JSON string names no template.
      expect(await rejected(call(fake, 'notifyEvent', '{"templateName":"t"}'))).to.contain(
        'NotificationTemplateNotFoundError',
      );
      expect(await rejected(call(fake, 'notifyEvent', { templateParameters: {} }))).to.contain(
        'NotificationTemplateNotFoundError',
      );
    } finally {
      clock.restore();
    }
  });

  it('refuses unknown presences, closes sessions with their tabs, focuses on switch', async () => {
    const fake = new FakeCIFramework({ presences: ['Available', 'On call'] });
    expect(await call(fake, 'setPresence', 'Busy')).to.equal(false);
    expect(await call(fake, 'setPresence', 'On call')).to.equal(true);
    const session = (await call(fake, 'createSession', { templateName: 's' })) as string;
    await call(fake, 'createTab', { templateName: 'tab' });
    expect(fake.tabs.size).to.equal(1);
    await fake.switchSession(null);
    expect(await call(fake, 'getFocusedSession')).to.equal(null);
    await fake.closeSession(session);
    expect(fake.tabs.size).to.equal(0);
    expect(fake.sessions.size).to.equal(0);
  });

  it('validates arguments as the library does, before the host: a JSON string {message}', async () => {
    const fake = new FakeCIFramework();
    const message = async (api: string, ...args: unknown[]) =>
      JSON.parse((await rejected(call(fake, api, ...args))) as string) as unknown;
    const cases: [string, unknown[], string][] = [
      ['getSession', [''], 'The sessionId parameter is null. Provide a value to the parameter'],
      ['setMode', [3], 'The setMode paramter value must be 0, 1 or 2.'],
      [
        'setWidth',
        [-1],
        'The setWidth parameter value is invalid. Provide a positive number to the parameter.',
      ],
      [
        'createRecord',
        ['', '{}'],
        'The EntityName parameter is blank. Provide a value to the parameter.',
      ],
      ['createRecord', ['contact'], 'Provide a value to the data parameter to create record.'],
      [
        'createRecord',
        ['contact', { a: 1 }],
        'The data parameter must be a JSON string (use JSON.stringify).',
      ],
      ['createRecord', ['contact', '[1]'], 'The data parameter must be a JSON object.'],
      [
        'retrieveRecord',
        ['', 'x'],
        'The EntityName parameter is blank.Provide a value to the parameter.',
      ],
      [
        'updateRecord',
        ['contact', 'x'],
        'The data parameter is blank. Provide a value to the parameter to update the record.',
      ],
      [
        'deleteRecord',
        ['contact', ''],
        'The EntityId parameter is blank. Provide a value to the parameter.',
      ],
      [
        'searchAndOpenRecords',
        ['contact', ''],
        'The queryParmeters parameter is blank. Provide a value to the parameter.',
      ],
      [
        'searchAndOpenRecords',
        ['contact', '?$top=1'],
        'The searchOnly parameter is blank. Provide a value to the parameter.',
      ],
      [
        'openForm',
        [''],
        'The EntityFormOptions parameter is blank. Provide a value to the parameter.',
      ],
      ['renderSearchPage', ['contact'], 'The SearchString Parameter cannot be NULL'],
      [
        'getEntityMetadata',
        [''],
        'The EntityName parameter is blank. Provide a value to the parameter',
      ],
      ['raiseEvent', [''], 'The EventName parameter is blank. Provide a value to the parameter.'],
      ['updateContext', [null], 'The input parameter is null. Provide a value to the parameter'],
      ['notifyEvent', [undefined], 'The Input parameter is blank. Provide a value.'],
      [
        'cancelEvent',
        [''],
        'The cancellationToken parameter is blank. Provide a value to the parameter.',
      ],
      ['createSession', [null], 'Some of required parameters are null'],
      ['requestFocusSession', [], 'SessionID is null or undefined'],
      ['setSessionTitle', [], 'The input Parameter is blank. Provide a value to the parameter'],
      ['createTab', [], 'Some of the required parameters are Null'],
      ['focusTab', [], 'tabId is null or undefined'],
      ['closeTab', [null], 'The tabId Parameter is blank. Provide a value to the parameter'],
      ['setTabTitle', ['t'], 'The input Parameter cannot be NULL'],
      ['notifyKpiBreach', [], 'SessionID is null or undefined'],
      ['notifyNewActivity', [null], 'SessionID is null or undefined'],
      ['setPresence', [], 'The presenceText parameter is null. Provide a value to the parameter'],
      ['logAnalyticsEvent', [], 'logAnalyticsEvent payload data or eventType is not valid. '],
      [
        'updateConversation',
        ['', '{}'],
        'The EntityId parameter is blank. Provide a value to the parameter.',
      ],
      ['addHandler', ['onclicktoact'], 'Passing data parameters to addHandler is mandatory.'],
      [
        'removeHandler',
        [''],
        'The EventName parameter is blank. Provide a value to the parameter.',
      ],
    ];
    for (const [api, args, text] of cases) {
      expect(await message(api, ...args), `${api}(${JSON.stringify(args)})`).to.deep.equal({
        message: text,
      });
    }
    expect(String(await rejected(call(fake, 'createRecord', 'contact', '{')))).to.match(
      /^\{"message":"The data parameter is not valid JSON: /,
    );
    expect(fake.sessions.size + fake.records('contact').length).to.equal(0);
    // An override stands for the whole function, validation included.
    fake.override('getSession', { result: 'any' });
    expect(await call(fake, 'getSession', '')).to.equal('any');
  });

  it('resolves null from void APIs and registers handlers synchronously (undefined)', async () => {
    const fake = new FakeCIFramework();
    const session = (await call(fake, 'createSession', { templateName: 's' })) as string;
    const tab = (await call(fake, 'createTab', { templateName: 't' })) as string;
    for (const [api, args] of [
      ['setClickToAct', [false]],
      ['renderSearchPage', ['contact', 'x']],
      ['requestFocusSession', [session]],
      ['setSessionTitle', [{ sessionId: session, title: 'T' }]],
      ['focusTab', [tab]],
      ['refreshTab', [tab]],
      ['notifyKpiBreach', [session]],
      ['notifyNewActivity', [session, 2]],
      ['closeTab', [tab]],
    ] as const) {
      expect(await call(fake, api, ...args), api).to.equal(null);
    }
    const handler = () => Promise.resolve();
    expect(call(fake, 'addHandler', 'onmodechanged', handler)).to.equal(undefined);
    expect(fake.handlers('onmodechanged')).to.deep.equal([handler]);
    expect(call(fake, 'removeHandler', 'onmodechanged', handler)).to.equal(undefined);
    expect(fake.handlers('onmodechanged')).to.deep.equal([]);
  });

  it('applies host rules: setClickToAct, setMode by version, setWidth, setTabTitle, counts, analytics', async () => {
    const fake = new FakeCIFramework();
    await call(fake, 'setClickToAct', true);
    await call(fake, 'setClickToAct', undefined); // the library sends false
    expect(fake.clickToAct).to.equal(false);
    const notBoolean = (await rejected(call(fake, 'setClickToAct', 'yes'))) as Map<string, unknown>;
    expect([...notBoolean]).to.deep.equal([
      ['message', 'The value parameter must be true or false.'],
      ['msdyn_name', 'setclicktoact'],
    ]);
    expect(await call(fake, 'setMode', 2)).to.equal(2);
    const v1 = new FakeCIFramework({ version: 1 });
    expect(
      ((await rejected(call(v1, 'setMode', 2))) as Map<string, unknown>).get('message'),
    ).to.equal('Mode 2 is not supported with CIF API version 1.0.');
    expect(
      ((await rejected(call(fake, 'setWidth', '400'))) as Map<string, unknown>).get('message'),
    ).to.equal('The width must be a number.');
    expect(await call(fake, 'setWidth', 420.6)).to.equal(421);
    const session = (await call(fake, 'createSession', { templateName: 's' })) as string;
    const tab = (await call(fake, 'createTab', { templateName: 't' })) as string;
    expect(await call(fake, 'setTabTitle', tab, 'Plain')).to.equal('Plain');
    expect(await call(fake, 'setTabTitle', tab, '{"title":"From JSON"}')).to.equal('From JSON');
    expect(
      ((await rejected(call(fake, 'setTabTitle', tab, { name: 'x' }))) as Map<string, unknown>).get(
        'message',
      ),
    ).to.equal('The input must carry a title.');
    await call(fake, 'notifyNewActivity', session, 4);
    expect(fake.sessions.get(session)!.activity, 'no badge on the focused session').to.equal(0);
    await fake.switchSession(null);
    await call(fake, 'notifyNewActivity', session, 4);
    expect(fake.sessions.get(session)!.activity).to.equal(4);
    await call(fake, 'notifyNewActivity', session, undefined, true);
    expect(fake.sessions.get(session)!.activity, 'reset').to.equal(0);
    await call(fake, 'requestFocusSession', session, 2);
    expect(fake.sessions.get(session)).to.include({ attention: true, activity: 2 });
    await fake.switchSession(session);
    expect(fake.sessions.get(session)).to.include({ attention: false, activity: 0 });
    await call(fake, 'setSessionTitle', { sessionId: session, customerName: 'Alex' });
    expect(fake.sessions.get(session)!.context).to.deep.equal({ customerName: 'Alex' });
    const analytics = async (data: unknown) =>
      ((await rejected(call(fake, 'logAnalyticsEvent', data, 'E'))) as Map<string, unknown>).get(
        'message',
      );
    expect(await analytics('nope')).to.equal(
      'logAnalyticsEvent payload data or eventType is not valid. ',
    );
    expect(await analytics({ conversationId: 'c' })).to.equal(
      'logAnalyticsEvent data needs providerSessionId.',
    );
    expect(await analytics({ conversationId: 'c', providerSessionId: 'p', events: [1] })).to.match(
      /needs events/,
    );
    expect(
      await call(
        fake,
        'logAnalyticsEvent',
        {
          conversationId: 'c',
          providerSessionId: 'p',
          events: [{ kpiEventName: 'Answered' }],
        },
        'E',
      ),
    ).to.equal('Success');
    expect(fake.analytics.at(-1)!.eventName).to.equal('E');
  });

  it('keeps input.context as the session context and raises onSessionSwitched as the host', async () => {
    const fake = new FakeCIFramework({ maxSessions: 2 });
    const events: unknown[] = [];
    await call(fake, 'addHandler', 'onSessionSwitched', (payload: string) => {
      events.push(JSON.parse(payload));
      return Promise.resolve();
    });
    await call(fake, 'addHandler', 'onSessionClosed', (payload: string) => {
      events.push({ closed: JSON.parse(payload) as unknown });
      return Promise.resolve();
    });
    const a = (await call(fake, 'createSession', {
      templateName: 's',
      templateParameters: { customerName: 'Alex' },
      context: { caseNumber: 'CAS-1' },
    })) as string;
    expect(fake.sessions.get(a)).to.deep.include({
      templateParameters: { customerName: 'Alex' },
      context: { caseNumber: 'CAS-1' },
    });
    const b = (await call(fake, 'createSession', {
      templateName: 's',
      customerName: 'Dana',
    })) as string;
    expect(fake.sessions.get(b)!.templateParameters).to.deep.equal({ customerName: 'Dana' });
    const limit = (await rejected(call(fake, 'createSession', { templateName: 's' }))) as Map<
      string,
      unknown
    >;
    expect(limit.get('message')).to.equal(
      'Cannot create a session: the maximum of 2 sessions are open.',
    );
    expect(
      ((await rejected(call(fake, 'createSession', {}))) as Map<string, unknown>).get('message'),
    ).to.equal('Session template undefined was not found.');
    // The conversation of each session exists, for getSession and updateConversation.
    const session = (await call(fake, 'getSession', a)) as Map<string, unknown>;
    expect(fake.records('msdyn_ocliveworkitem').map((r) => r.msdyn_ocliveworkitemid)).to.include(
      session.get('conversationId'),
    );
    // Without a session id, updateContext updates the focused session.
    expect(await call(fake, 'updateContext', { priority: 'high' })).to.equal('{"priority":"high"}');
    expect(fake.sessions.get(b)!.context).to.deep.equal({ priority: 'high' });
    await fake.switchSession(b); // already focused: nothing
    await fake.switchSession(FAKE_HOME_SESSION_ID);
    expect(await call(fake, 'updateContext', { global: true })).to.equal('{"global":true}');
    expect(fake.context).to.deep.equal({ global: true });
    await fake.switchSession(a);
    await fake.closeSession(a);
    await fake.closeSession('unknown');
    expect(events).to.deep.equal([
      { sessionId: FAKE_HOME_SESSION_ID, focused: false, context: {} },
      { sessionId: a, focused: true, context: { caseNumber: 'CAS-1' } },
      { sessionId: a, focused: false, context: { caseNumber: 'CAS-1' } },
      { sessionId: b, focused: true, context: {} },
      { sessionId: b, focused: false, context: { priority: 'high' } },
      { sessionId: FAKE_HOME_SESSION_ID, focused: true, context: {} },
      { sessionId: FAKE_HOME_SESSION_ID, focused: false, context: {} },
      { sessionId: a, focused: true, context: { caseNumber: 'CAS-1' } },
      { closed: { sessionId: a, context: { caseNumber: 'CAS-1' } } },
      { sessionId: b, focused: true, context: { priority: 'high' } },
    ]);
    const closed = fake
      .records('msdyn_ocliveworkitem')
      .find((r) => r.msdyn_ocliveworkitemid === session.get('conversationId'));
    expect(closed).to.include({ statecode: 3 });
  });

  it('spells the focus flag focussed as the docs when asked; a v1 host raises no session events', async () => {
    const fake = new FakeCIFramework({ quirks: { sessionFocusSpelling: 'focussed' } });
    const payloads: string[] = [];
    await call(fake, 'addHandler', 'onSessionSwitched', (payload: string) => {
      payloads.push(payload);
      return Promise.resolve();
    });
    await call(fake, 'createSession', { templateName: 's' });
    expect(JSON.parse(payloads[1]!)).to.have.property('focussed', true);
    const v1 = new FakeCIFramework({ version: 1 });
    await call(v1, 'addHandler', 'onSessionSwitched', () => {
      throw new Error('not raised');
    });
    expect(await v1.switchSession('x')).to.deep.equal([]);
    expect(v1.focusedSessionId).to.equal('x');
  });

  it('raises onpagenavigate for what it opens; tabs and their focus belong to the focused session', async () => {
    const fake = new FakeCIFramework({
      environment: { clientUrl: 'https://org.example', appid: 'app-1' },
      records: {
        contact: [
          { contactid: 'c1', lastname: 'Baker' },
          { contactid: 'c2', lastname: 'Chen' },
        ],
        incident: [{ title: 'a' }, { title: 'b' }],
      },
    });
    const urls: string[] = [];
    await call(fake, 'addHandler', 'onpagenavigate', (payload: string) => {
      urls.push((JSON.parse(payload) as { value: string }).value);
      return Promise.resolve();
    });
    await call(fake, 'searchAndOpenRecords', 'contact', "?$filter=lastname eq 'Baker'", false);
    await call(fake, 'searchAndOpenRecords', 'contact', "?$filter=lastname ne 'Nobody'", false);
    await call(fake, 'searchAndOpenRecords', 'incident', '?$top=5', false); // opens nothing
    await call(fake, 'openForm', { entityName: 'Contact', entityId: '{C2}' });
    await call(fake, 'renderSearchPage', 'account', 'Contoso');
    expect(urls).to.deep.equal([
      'https://org.example/main.aspx?appid=app-1&pagetype=entityrecord&etn=contact&id=c1',
      'https://org.example/main.aspx?appid=app-1&pagetype=search&searchText=Nobody',
      'https://org.example/main.aspx?appid=app-1&pagetype=entityrecord&etn=contact&id=c2',
      'https://org.example/main.aspx?appid=app-1&pagetype=search&searchText=Contoso',
    ]);
    expect(fake.navigations).to.have.length(4);
    fake.environment = { clientUrl: 'not a url' };
    await call(fake, 'openForm', '{"entityName":"lead"}');
    expect(urls.at(-1)).to.equal(
      'https://contoso.crm.dynamics.com/main.aspx?appid=&pagetype=entityrecord&etn=lead',
    );

    const homeTab = (await call(fake, 'createTab', { templateName: 'Home' })) as string;
    const session = (await call(fake, 'createSession', { templateName: 's' })) as string;
    expect(await call(fake, 'getTabs')).to.deep.equal([]);
    expect(await call(fake, 'getFocusedTab')).to.equal(null);
    const first = (await call(fake, 'createTab', {
      templateName: 'Record',
      templateParameters: { tags: ['call'] },
    })) as string;
    const second = (await call(fake, 'createTab', {
      templateName: 'Record',
      isFocused: false,
    })) as string;
    expect(await call(fake, 'getTabs', 'Record')).to.deep.equal([first, second]);
    expect(await call(fake, 'getTabs', null, 'call')).to.deep.equal([first]);
    expect(await call(fake, 'getFocusedTab')).to.equal(first);
    await call(fake, 'focusTab', second);
    await call(fake, 'closeTab', second);
    expect(await call(fake, 'getFocusedTab'), 'the tab before').to.equal(first);
    await call(fake, 'closeTab', first);
    expect(await call(fake, 'getFocusedTab')).to.equal(null);
    await fake.switchSession(null);
    expect(await call(fake, 'getTabs')).to.deep.equal([homeTab]);
    expect(fake.focusedTabId).to.equal(homeTab);
    fake.focusedTabId = null;
    expect(fake.focusedTabId, 'falls back to the first tab, as the host').to.equal(homeTab);
    expect(
      ((await rejected(call(fake, 'focusTab', 'nope'))) as Map<string, unknown>).get('message'),
    ).to.equal('Tab nope does not exist in a session of this channel provider.');
    expect(fake.sessions.has(session)).to.equal(true);
  });
});

describe('OData evaluator of the fake', () => {
  const rows = [
    { name: 'Alex Baker', phone: '+16195550129', age: 40, vip: true },
    { name: "Dana O'Brien", phone: '+442079460000', age: 31, vip: false },
    { name: 'alex chen', phone: null, age: 25, vip: false },
  ];
  const names = (filter: string) => rows.filter(parseFilter(filter)).map((row) => row.name);

  it('evaluates comparisons, functions, and/or/not and parentheses', () => {
    expect(names("name eq 'ALEX BAKER'")).to.deep.equal(['Alex Baker']);
    expect(names("name eq 'Dana O''Brien'")).to.deep.equal(["Dana O'Brien"]);
    expect(names('age gt 30 and vip eq false')).to.deep.equal(["Dana O'Brien"]);
    expect(names("contains(name,'alex') and not (age ge 40)")).to.deep.equal(['alex chen']);
    expect(names("endswith(phone,'0129') or startswith(phone,'+44')")).to.deep.equal([
      'Alex Baker',
      "Dana O'Brien",
    ]);
    expect(names('phone eq null')).to.deep.equal(['alex chen']);
    expect(names('age le 25 or age lt 0')).to.deep.equal(['alex chen']);
    expect(names('age ne -1.5 and vip eq true')).to.deep.equal(['Alex Baker']);
    expect(names('NAME ne null')).to.have.length(3);
  });

  it('refuses what it cannot read', () => {
    for (const bad of [
      "name eq 'x",
      'name',
      'name eq',
      '(name eq 1',
      'name eq 1 )',
      'name % 1',
      'contains(name,1)',
      "contains('x','y')",
      'name like 1',
      'eq eq eq',
    ]) {
      expect(() => parseFilter(bad), bad).to.throw(ODataQueryError);
    }
    expect(() => parseQuery('$top=-1')).to.throw(ODataQueryError);
  });

  it('parses query strings and applies select, search, order and top', () => {
    const query = parseQuery(
      '?$select=name&$filter=age gt 20&$expand=x&junk&$search="alex*"&$orderby=name&$top=5&$unknown=1',
    );
    const result = applyQuery(rows, query, 'id');
    expect(result).to.deep.equal([{ name: 'Alex Baker' }, { name: 'alex chen' }]);
    expect(parseQuery('')).to.deep.equal({});
    expect(parseQuery('$search=%E0%A4%A')).to.deep.equal({ search: '%E0%A4%A' });
  });
});
