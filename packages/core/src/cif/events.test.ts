/* eslint-disable @typescript-eslint/prefer-promise-reject-errors -- CIF rejects with strings, Maps and objects; the tests reproduce it */
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import {
  FAKE_HOME_SESSION_ID,
  FakeCIFramework,
  type FakeHandlerOutcome,
} from '../testing/index.js';
import { CifClient, CifError, createCifClient, type CifEventMap } from '../index.js';

function setup(options: ConstructorParameters<typeof FakeCIFramework>[0] = {}) {
  const fake = new FakeCIFramework(options);
  const errors: CifError[] = [];
  const client = createCifClient(fake.library, { onError: (error) => errors.push(error) });
  return { fake, client, errors };
}

function only(outcomes: FakeHandlerOutcome[]): FakeHandlerOutcome {
  expect(outcomes).to.have.length(1);
  return outcomes[0]!;
}

describe('CifClient events', () => {
  it('onclicktoact: parses the JSON string, strips braces; raised only when click-to-act is on', async () => {
    const { fake, client } = setup();
    const seen: CifEventMap['onclicktoact'][] = [];
    client.on('onclicktoact', (payload) => {
      seen.push(payload);
    });
    const payload = {
      value: '619-555-0129',
      name: 'mobilephone',
      format: 'Phone',
      entityLogicalName: 'contact',
      entityId: '{80AC0A5D-1111-4C2B-9E3F-000000000001}',
      recordTitle: 'Alex Baker',
    };
    expect(await fake.clickToActFrom(payload)).to.deep.equal([]);
    await client.setClickToAct(true);
    expect(only(await fake.clickToActFrom(payload)).status).to.equal('fulfilled');
    expect(seen).to.have.length(1);
    expect(seen[0]).to.deep.include({
      value: '619-555-0129',
      name: 'mobilephone',
      format: 'Phone',
      entityLogicalName: 'contact',
      entityId: '80AC0A5D-1111-4C2B-9E3F-000000000001',
      recordTitle: 'Alex Baker',
    });
    await fake.raise('onclicktoact', { value: 6195550129 });
    expect(seen[1]).to.deep.include({
      value: '6195550129',
      name: '',
      format: '',
      entityLogicalName: '',
    });
    expect(seen[1]).to.not.have.property('entityId');
  });

  it('onmodechanged and onsizechanged: numbers from numbers or text', async () => {
    const { fake, client } = setup();
    const modes: number[] = [];
    const widths: number[] = [];
    client.on('onmodechanged', ({ value }) => {
      modes.push(value);
    });
    client.on('onsizechanged', ({ value }) => {
      widths.push(value);
    });
    await fake.toggleMode(0);
    await fake.raise('onmodechanged', '{"value":"2"}');
    await fake.resize(480);
    await fake.raise('onsizechanged', { value: '512' });
    expect(modes).to.deep.equal([0, 2]);
    expect(widths).to.deep.equal([480, 512]);
  });

  it('onpagenavigate: the URL and what its query says about the page', async () => {
    const { fake, client } = setup();
    const pages: CifEventMap['onpagenavigate'][] = [];
    client.on('onpagenavigate', (payload) => {
      pages.push(payload);
    });
    const url =
      'https://contoso.crm.dynamics.com/main.aspx?appid=5b0e&pagetype=entityrecord&etn=contact&id=%7B80AC0A5D-1111%7D';
    await fake.raise('onpagenavigate', { value: url });
    expect(pages[0]!.value).to.equal(url);
    expect(pages[0]!.page).to.deep.equal({
      appId: '5b0e',
      pageType: 'entityrecord',
      entityName: 'contact',
      entityId: '80AC0A5D-1111',
    });
    await fake.raise('onpagenavigate', { value: 'not a url at all' });
    expect(pages[1]!.page).to.deep.equal({});
  });

  it('onsendkbarticle: title and link', async () => {
    const { fake, client } = setup();
    const articles: { title: string; link: string }[] = [];
    client.on('onsendkbarticle', ({ title, link }) => {
      articles.push({ title, link });
    });
    await fake.raise('onsendkbarticle', {
      title: 'Reset a router',
      link: 'https://kb.contoso.com/1',
    });
    expect(articles).to.deep.equal([{ title: 'Reset a router', link: 'https://kb.contoso.com/1' }]);
  });

  it('onSessionSwitched: fires twice per switch; the documented focussed is read as focused', async () => {
    const { fake, client } = setup({ quirks: { sessionFocusSpelling: 'focussed' } });
    const a = await client.createSession({
      templateName: 's',
      templateParameters: { customer: 'Alex' },
    });
    const b = await client.createSession({ templateName: 's' });
    const switches: [string, boolean][] = [];
    client.on('onSessionSwitched', ({ sessionId, focused }) => {
      switches.push([sessionId, focused]);
    });
    await fake.switchSession(a);
    expect(switches).to.deep.equal([
      [b, false],
      [a, true],
    ]);
    await fake.raise('onSessionSwitched', {
      sessionId: a,
      focused: 'false',
      context: '{"customer":"Alex"}',
    });
    expect(switches[2]).to.deep.equal([a, false]);
  });

  it('onSessionSwitched with the focused spelling, and contexts as objects', async () => {
    const { fake, client } = setup({ quirks: { sessionFocusSpelling: 'focused' } });
    const payloads: CifEventMap['onSessionSwitched'][] = [];
    client.on('onSessionSwitched', (payload) => {
      payloads.push(payload);
    });
    // createSession focuses the new session: the home session loses focus, the new one gains it.
    const id = await client.createSession({
      templateName: 's',
      templateParameters: { customerName: 'Alex Baker' },
      context: { customer: 'Alex' },
    });
    expect(payloads.map(({ sessionId, focused }) => [sessionId, focused])).to.deep.equal([
      [FAKE_HOME_SESSION_ID, false],
      [id, true],
    ]);
    expect(payloads[1]).to.deep.include({ context: { customer: 'Alex' } });
    expect(payloads[1]!.raw).to.have.property('focused', true);
    await fake.switchSession(null);
    await fake.switchSession(id);
    expect(payloads.slice(2).map(({ sessionId, focused }) => [sessionId, focused])).to.deep.equal([
      [id, false],
      [FAKE_HOME_SESSION_ID, true],
      [FAKE_HOME_SESSION_ID, false],
      [id, true],
    ]);
  });

  it('onSessionClosed: the session and its context', async () => {
    const { fake, client } = setup();
    const id = await client.createSession({ templateName: 's', context: { customer: 'Alex' } });
    const closed: CifEventMap['onSessionClosed'][] = [];
    client.on('onSessionClosed', (payload) => {
      closed.push(payload);
    });
    await fake.closeSession(id);
    expect(closed[0]).to.deep.include({ sessionId: id, context: { customer: 'Alex' } });
    expect(await client.getAllSessions()).to.deep.equal([]);
  });

  it('onPresenceChange: presenceInfo as an object, from an object or a JSON string', async () => {
    const { fake, client } = setup();
    const presences: CifEventMap['onPresenceChange'][] = [];
    client.on('onPresenceChange', (payload) => {
      presences.push(payload);
    });
    await fake.changePresence('Busy', {
      basePresenceStatus: 'BUSY',
      presenceColor: '#FF0000',
      presenceId: 'p2',
    });
    expect(presences[0]!.presenceInfo).to.deep.equal({
      presenceText: 'Busy',
      presenceId: 'p2',
      basePresenceStatus: 'BUSY',
      presenceColor: '#FF0000',
    });
    await fake.raise('onPresenceChange', { presenceInfo: '{"presenceText":"Away"}' });
    expect(presences[1]!.presenceInfo).to.deep.equal({ presenceText: 'Away' });
  });

  it('custom events: raiseEvent reaches handlers with the parsed payload', async () => {
    const { client } = setup();
    const received: unknown[] = [];
    client.on('callEnded', (payload) => {
      received.push(payload);
    });
    await client.raiseEvent('callEnded', { callId: 'c1', duration: 42 });
    await client.raiseEvent('callEnded', 'plain text');
    await Promise.resolve();
    expect(received).to.deep.equal([{ callId: 'c1', duration: 42 }, 'plain text']);
  });

  it('custom events delivered as the documented Map {value, correlationId} are unwrapped', async () => {
    const { fake, client } = setup({ quirks: { customEventsAsMap: true } });
    const received: unknown[] = [];
    client.on('widgetEvent', (payload) => {
      received.push(payload);
    });
    await client.raiseEvent('widgetEvent', { callId: 'c2' }, { correlationId: 'corr' });
    await fake.raise('widgetEvent', new Map([['other', 1]]), { as: 'raw' });
    expect(received).to.deep.equal([{ callId: 'c2' }, { other: 1 }]);
  });

  describe('handler protocol', () => {
    it('answers the host with a promise when the app handler returns nothing', async () => {
      const { fake, client } = setup();
      client.on('onmodechanged', () => undefined);
      expect(only(await fake.toggleMode(0))).to.deep.equal({
        status: 'fulfilled',
        value: undefined,
      });
    });

    it('passes the app handler’s JSON-safe result to the host', async () => {
      const { fake, client } = setup();
      client.on('custom', () => Promise.resolve({ handled: true, fn: () => 1 }));
      expect(only(await fake.raise('custom', {}))).to.deep.equal({
        status: 'fulfilled',
        value: { handled: true },
      });
    });

    it('answers with a rejected promise (a message) when the handler throws or rejects, and reports it', async () => {
      const { fake, client, errors } = setup();
      const off = client.on('onmodechanged', () => {
        throw new Error('dialer offline');
      });
      const outcome = only(await fake.toggleMode(1));
      expect(outcome.status).to.equal('rejected');
      expect((outcome as { reason: unknown }).reason).to.equal(
        'onmodechanged handler failed: dialer offline',
      );
      expect(errors[0]).to.include({ code: 'unknown', event: 'onmodechanged' });
      off();
      client.on('onmodechanged', () => Promise.reject('nope'));
      expect(only(await fake.toggleMode(1)).status).to.equal('rejected');
      client.on('custom', () => Promise.reject({ why: 'x' }));
      expect(only(await fake.raise('custom', 1))).to.deep.equal({
        status: 'rejected',
        reason: 'custom handler failed: {"why":"x"}',
      });
    });

    it('answers the host after handlerTimeout when the app handler never settles', async () => {
      const clock = sinon.useFakeTimers();
      try {
        const fake = new FakeCIFramework();
        const errors: CifError[] = [];
        const client = new CifClient(fake.library, {
          handlerTimeout: 3_000,
          onError: (e) => errors.push(e),
        });
        client.on('onmodechanged', () => new Promise(() => undefined));
        const outcomes = fake.toggleMode(0);
        await clock.tickAsync(3_000);
        expect(only(await outcomes)).to.deep.equal({ status: 'fulfilled', value: undefined });
        expect(errors[0]).to.include({ code: 'timeout', event: 'onmodechanged' });
      } finally {
        clock.restore();
      }
    });

    it('rejects (and reports invalid-response) for a payload that cannot be read; handlers are not called', async () => {
      const { fake, client, errors } = setup();
      const handler = sinon.spy();
      client.on('onmodechanged', handler);
      client.on('onclicktoact', handler);
      client.on('onSessionSwitched', handler);
      expect(only(await fake.raise('onmodechanged', '{"value":9}')).status).to.equal('rejected');
      expect(
        only(await fake.raise('onmodechanged', '<img src=x onerror=alert(1)>')).status,
      ).to.equal('rejected');
      expect(only(await fake.raise('onclicktoact', '{"name":"telephone1"}')).status).to.equal(
        'rejected',
      );
      expect(only(await fake.raise('onSessionSwitched', '{broken')).status).to.equal('rejected');
      expect(handler.called).to.equal(false);
      expect(errors.map((e) => e.code)).to.deep.equal([
        'invalid-response',
        'invalid-response',
        'invalid-response',
        'invalid-response',
      ]);
    });

    it('an onError that throws does not break the answer', async () => {
      const fake = new FakeCIFramework();
      const client = new CifClient(fake.library, {
        onError: () => {
          throw new Error('reporter broke');
        },
      });
      client.on('onmodechanged', () => {
        throw new Error('x');
      });
      expect(only(await fake.toggleMode(0)).status).to.equal('rejected');
    });

    it('reports to console.error by default', async () => {
      const fake = new FakeCIFramework();
      const client = new CifClient(fake.library);
      const stub = sinon.stub(console, 'error');
      try {
        client.on('onmodechanged', () => {
          throw new Error('x');
        });
        await fake.toggleMode(0);
        expect(stub.calledOnce).to.equal(true);
        expect(String(stub.firstCall.args[0])).to.contain('onmodechanged');
      } finally {
        stub.restore();
      }
    });
  });

  describe('subscription', () => {
    it('registers one host handler per event and removes it with the same reference', async () => {
      const { fake, client } = setup();
      const first = sinon.spy();
      const second = sinon.spy();
      const offFirst = client.on('onmodechanged', first);
      const offSecond = client.on('onmodechanged', second);
      expect(fake.callsTo('addHandler')).to.have.length(1);
      const registered = fake.handlers('onmodechanged');
      expect(registered).to.have.length(1);
      await fake.toggleMode(0);
      expect(first.calledOnce && second.calledOnce).to.equal(true);
      offFirst();
      offFirst();
      expect(fake.callsTo('removeHandler')).to.have.length(0);
      await fake.toggleMode(1);
      expect(first.callCount).to.equal(1);
      expect(second.callCount).to.equal(2);
      offSecond();
      const removal = fake.callsTo('removeHandler');
      expect(removal).to.have.length(1);
      expect(removal[0]!.args[0]).to.equal('onmodechanged');
      expect(removal[0]!.args[1]).to.equal(fake.callsTo('addHandler')[0]!.args[1]);
      expect(fake.handlers('onmodechanged')).to.have.length(0);
      expect(client.subscribedEvents).to.deep.equal([]);
    });

    it('the same function subscribed twice runs twice and unsubscribes independently', async () => {
      const { fake, client } = setup();
      const handler = sinon.spy();
      const offA = client.on('onmodechanged', handler);
      client.on('onmodechanged', handler);
      await fake.toggleMode(0);
      expect(handler.callCount).to.equal(2);
      offA();
      await fake.toggleMode(1);
      expect(handler.callCount).to.equal(3);
    });

    it('once resolves the next payload and unsubscribes; an abort rejects', async () => {
      const { fake, client } = setup();
      const next = client.once('onsizechanged');
      await fake.resize(400);
      expect((await next).value).to.equal(400);
      expect(fake.handlers('onsizechanged')).to.have.length(0);
      const controller = new AbortController();
      const waiting = client.once('custom', { signal: controller.signal });
      controller.abort();
      const error = await waiting.then(
        () => undefined,
        (e: CifError) => e,
      );
      expect(error?.code).to.equal('aborted');
      expect(fake.handlers('custom')).to.have.length(0);
      const already = new AbortController();
      already.abort();
      expect(
        await client.once('custom', { signal: already.signal }).catch((e: CifError) => e.code),
      ).to.equal('aborted');
    });

    it('dispose removes every handler', () => {
      const { fake, client } = setup();
      client.on('onmodechanged', () => undefined);
      client.on('onclicktoact', () => undefined);
      client.dispose();
      expect(fake.handlers('onmodechanged')).to.have.length(0);
      expect(fake.handlers('onclicktoact')).to.have.length(0);
    });

    it('validates arguments and reports libraries that cannot register', async () => {
      const { client } = setup();
      expect(() => client.on('', () => undefined)).to.throw(CifError);
      expect(() => client.on('x', 'nope' as unknown as () => void)).to.throw(CifError);
      const bare = new CifClient({}, { version: 1 });
      expect(() => bare.on('onmodechanged', () => undefined))
        .to.throw(CifError)
        .with.property('code', 'not-available');
      const throwing = new CifClient(
        {
          addHandler: () => {
            throw new Error('not ready');
          },
        },
        { version: 1 },
      );
      expect(() => throwing.on('onmodechanged', () => undefined)).to.throw(CifError);
      expect(await throwing.once('onmodechanged').catch((e: CifError) => e.message)).to.equal(
        'not ready',
      );
    });

    it('reports a rejected addHandler promise and a failing or missing removeHandler', async () => {
      const errors: CifError[] = [];
      const library = {
        addHandler: () =>
          Promise.reject('{"message":"Sender domain is not a recognised or is invalid"}'),
        removeHandler: () => {
          throw new Error('gone');
        },
      };
      const client = new CifClient(library, { version: 1, onError: (e) => errors.push(e) });
      const off = client.on('onmodechanged', () => undefined);
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(errors[0]).to.include({
        code: 'sender-not-trusted',
        api: 'addHandler',
        event: 'onmodechanged',
      });
      off();
      expect(errors[1]).to.include({ api: 'removeHandler', message: 'gone' });
      const noRemove = new CifClient(
        { addHandler: () => undefined },
        { version: 1, onError: (e) => errors.push(e) },
      );
      noRemove.on('x', () => undefined)();
      expect(errors[2]).to.include({ code: 'not-available', api: 'removeHandler' });
    });
  });
});
