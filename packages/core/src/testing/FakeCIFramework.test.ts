/* eslint-disable @typescript-eslint/prefer-promise-reject-errors -- CIF rejects with strings, Maps and objects; the tests reproduce it */
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { CIF_TIMEOUT_MESSAGE, CIF_V2_APIS } from '../index.js';
import { FakeCIFramework, ODataQueryError, applyQuery, parseFilter, parseQuery } from './index.js';

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
    expect(v1.hostTimeout).to.equal(10_000);
    expect(new FakeCIFramework().hostTimeout).to.equal(100_000);
  });

  it('answers with the real encodings: JSON strings, raw values, a Map for getSession', async () => {
    const fake = new FakeCIFramework();
    expect(await call(fake, 'getEnvironment')).to.be.a('string');
    expect(await call(fake, 'getWidth')).to.equal(340);
    expect(await call(fake, 'setClickToAct', true)).to.equal(null);
    const id = (await call(fake, 'createSession', { templateName: 't' })) as string;
    expect(await call(fake, 'getSession', id)).to.be.instanceOf(Map);
    expect(await call(fake, 'searchAndOpenRecords', 'contact', '', true)).to.equal('{}');
    expect(await call(fake, 'notifyEvent', { templateName: 't' })).to.equal(
      '{"actionName":"Accept","responseReason":"Accept"}',
    );
  });

  it('rejects in the three real shapes', async () => {
    const fake = new FakeCIFramework({ tabTemplates: ['a'] });
    const json = await rejected(call(fake, 'retrieveRecord', 'contact', 'x'));
    expect(JSON.parse(json as string)).to.have.keys('message', 'msdyn_name');
    expect(await rejected(call(fake, 'getSession', 'x'))).to.be.instanceOf(Map);
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

  it('produces the host timeout after hostTimeout, in the API’s own shape', async () => {
    const clock = sinon.useFakeTimers();
    try {
      const fake = new FakeCIFramework({ version: 1 });
      fake
        .override('openForm', { fail: 'timeout' })
        .override('setMode', { fail: { shape: 'timeout' } });
      const json = rejected(call(fake, 'openForm', '{}'));
      const map = rejected(call(fake, 'setMode', 1));
      await clock.tickAsync(10_000);
      expect(JSON.parse((await json) as string)).to.deep.equal({
        message: CIF_TIMEOUT_MESSAGE,
        msdyn_name: 'OpenForm',
      });
      expect(((await map) as Map<string, string>).get('message')).to.equal(CIF_TIMEOUT_MESSAGE);
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
      const second = call(fake, 'notifyEvent', '{"templateName":"t"}');
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
      expect(await rejected(call(fake, 'notifyEvent', { templateParameters: {} }))).to.contain(
        'RejectAfterClientError',
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
