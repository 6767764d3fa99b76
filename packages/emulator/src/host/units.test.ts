import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import {
  CALL_CHANNEL_VERSION,
  isCallCommandMessage,
  isCallHelloMessage,
  isCallReadyMessage,
  isCallStateMessage,
} from '../call-channel.js';
import { defaultNotificationTemplates } from '../config/defaults.js';
import type { NotificationTemplate } from '../config/types.js';
import { Faults, publicName } from './faults.js';
import { Inspector, encodingOf, plain, safeJson } from './inspector.js';
import { NotificationCenter } from './notifications.js';
import { isTrustedOrigin, matchesTrustedDomain, originOf } from './origin.js';
import { CallSimulator } from './simulator.js';
import { resolveSlugs, slugNames } from './slugs.js';

describe('trusted origins', () => {
  it('trusts the landing URL origin exactly', () => {
    expect(
      isTrustedOrigin('http://127.0.0.1:5173', 'http://127.0.0.1:5173/widget?x=1', []),
    ).to.equal(true);
    expect(isTrustedOrigin('http://127.0.0.1:5174', 'http://127.0.0.1:5173/widget', [])).to.equal(
      false,
    );
    expect(isTrustedOrigin('https://127.0.0.1:5173', 'http://127.0.0.1:5173/widget', [])).to.equal(
      false,
    );
    expect(isTrustedOrigin('null', 'http://127.0.0.1:5173/', ['*'])).to.equal(false);
    expect(isTrustedOrigin('', 'http://127.0.0.1:5173/', [])).to.equal(false);
  });

  it('matches trusted domains with *. wildcards, schemes and ports', () => {
    expect(matchesTrustedDomain('https://app.contoso.com', '*.contoso.com')).to.equal(true);
    expect(matchesTrustedDomain('https://a.b.contoso.com', 'https://*.contoso.com')).to.equal(true);
    expect(matchesTrustedDomain('https://contoso.com', '*.contoso.com')).to.equal(false);
    expect(matchesTrustedDomain('https://evilcontoso.com', '*.contoso.com')).to.equal(false);
    expect(matchesTrustedDomain('http://app.contoso.com', 'https://*.contoso.com')).to.equal(false);
    expect(matchesTrustedDomain('https://contoso.com', 'contoso.com')).to.equal(true);
    expect(
      matchesTrustedDomain('https://contoso.com:8443', 'https://contoso.com:8443/path'),
    ).to.equal(true);
    expect(matchesTrustedDomain('https://contoso.com', 'https://contoso.com:8443')).to.equal(false);
    expect(matchesTrustedDomain('https://contoso.com', 'https://contoso.com:443')).to.equal(true);
    expect(matchesTrustedDomain('https://xn--mnchen-3ya.example', 'münchen.example')).to.equal(
      true,
    );
    expect(matchesTrustedDomain('https://contoso.com', '')).to.equal(false);
    expect(matchesTrustedDomain('not a url', 'contoso.com')).to.equal(false);
    expect(matchesTrustedDomain('https://contoso.com', 'http://')).to.equal(false);
    expect(originOf('ftp://x')).to.equal('');
    expect(originOf('nope')).to.equal('');
  });
});

describe('slugs', () => {
  it('resolves from the first source that has the slug, anchors from a record, text only', () => {
    expect(
      resolveSlugs('Call from {customerName} ({n})', [
        { customerName: 'Jo' },
        { customerName: 'X', n: 3 },
      ]),
    ).to.equal('Call from Jo (3)');
    expect(resolveSlugs('{missing}!', [{}])).to.equal('!');
    expect(
      resolveSlugs('{anchor.fullname}', [], (c) => (c === 'fullname' ? 'Ann' : undefined)),
    ).to.equal('Ann');
    expect(resolveSlugs('{o}', [{ o: { a: 1 } }])).to.equal('{"a":1}');
    expect(resolveSlugs('{b}', [{ b: true }])).to.equal('true');
    expect(resolveSlugs(5 as unknown as string, [])).to.equal('');
    expect(slugNames('{a} and {b.c}')).to.deep.equal(['a', 'b.c']);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(resolveSlugs('{c}', [{ c: cyclic }])).to.equal('');
  });
});

describe('Inspector', () => {
  it('keeps a bounded log, filters and exports it', () => {
    const log = new Inspector();
    log.limit = 3;
    const listener = sinon.spy();
    const unsubscribe = log.subscribe(listener);
    const entry = log.add({
      kind: 'call',
      name: 'getMode',
      status: 'pending',
      args: new Map([['a', new Map([['b', 1]])]]),
    });
    log.update(entry, { status: 'success', result: 1 });
    log.add({ kind: 'event', name: 'onclicktoact', status: 'dropped', note: 'fault' });
    log.add({ kind: 'security', name: 'createRecord', status: 'rejected' });
    log.add({ kind: 'host', name: 'setWidth', status: 'info' });
    expect(log.entries.map((e) => e.name)).to.deep.equal([
      'onclicktoact',
      'createRecord',
      'setWidth',
    ]);
    expect(log.filter({ status: 'errors' }).map((e) => e.name)).to.deep.equal([
      'onclicktoact',
      'createRecord',
    ]);
    expect(log.filter({ kind: 'security' })).to.have.length(1);
    expect(log.filter({ text: 'FAULT' })).to.have.length(1);
    expect(JSON.parse(log.export())).to.have.length(3);
    expect(entry.args).to.deep.equal({ a: { b: 1 } });
    log.clear();
    expect(log.entries).to.have.length(0);
    expect(listener.callCount).to.be.greaterThan(4);
    unsubscribe();
  });

  it('describes values without throwing', () => {
    expect(encodingOf(new Map())).to.equal('Map');
    expect(encodingOf('x')).to.equal('JSON string');
    expect(encodingOf(null)).to.equal('null');
    expect(encodingOf([1])).to.equal('array');
    expect(encodingOf({})).to.equal('object');
    expect(plain(new Error('e'))).to.deep.equal({ name: 'Error', message: 'e' });
    expect(plain(() => 1)).to.equal('[function]');
    expect(plain([new Map([['k', 1]])])).to.deep.equal([{ k: 1 }]);
    const deep: Record<string, unknown> = {};
    deep.self = deep;
    expect(safeJson(plain(deep))).to.contain('…');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(safeJson(cyclic)).to.equal('[object Object]');
    expect(safeJson(undefined)).to.equal('');
  });
});

describe('Faults', () => {
  it('matches public and wire names, counts uses and stops after times', () => {
    const faults = new Faults({
      latencyMs: 10,
      rules: [
        { api: 'createRecord', action: 'fail', times: 1 },
        { api: 'getmode', action: 'delay', ms: 5 },
      ],
    });
    expect(publicName('createrecord')).to.equal('createRecord');
    expect(publicName('search')).to.equal('searchAndOpenRecords');
    expect(publicName('gettabsbytagorname')).to.equal('getTabs');
    expect(publicName('whatever')).to.equal('whatever');
    const first = faults.forRequest('createrecord');
    expect(first).to.include({
      action: 'fail',
      delay: 10,
      message: 'Injected failure of createRecord',
      errorCode: 500,
    });
    expect(faults.forRequest('createrecord')).to.deep.equal({ action: 'none', delay: 10 });
    expect(faults.forRequest('getmode')).to.deep.equal({ action: 'none', delay: 15 });
    expect(faults.usage(faults.rules[0] as never)).to.equal(1);
    faults.add({ event: '*', action: 'drop', times: 1 });
    expect(faults.dropEvent('onclicktoact')).to.not.equal(undefined);
    expect(faults.dropEvent('onclicktoact')).to.equal(undefined);
    faults.setLatency(-5);
    expect(faults.latencyMs).to.equal(0);
    faults.remove(faults.rules[0] as never);
    expect(faults.rules).to.have.length(2);
    faults.clear();
    expect(faults.rules).to.have.length(0);
  });
});

describe('NotificationCenter', () => {
  let clock: sinon.SinonFakeTimers;
  const template = (extra: Partial<NotificationTemplate> = {}): NotificationTemplate => ({
    ...defaultNotificationTemplates[0]!,
    timeout: 30,
    ...extra,
  });
  beforeEach(
    () => (clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })),
  );
  afterEach(() => clock.restore());

  it('counts down a shown notification to Timeout/DisplayTimeout (Reject on older hosts)', async () => {
    const center = new NotificationCenter();
    const answer = center.notify(template(), 'Call', []);
    expect(center.current?.deadline).to.equal(Date.now() + 30_000);
    await clock.tickAsync(30_000);
    expect(await answer).to.deep.equal({ actionName: 'Timeout', responseReason: 'DisplayTimeout' });
    const old = new NotificationCenter({ displayTimeoutAction: 'Reject' });
    const rejected = old.notify(template(), 'Call', []);
    await clock.tickAsync(30_000);
    expect(await rejected).to.deep.equal({
      actionName: 'Reject',
      responseReason: 'DisplayTimeout',
    });
  });

  it('shows one at a time; a queued one that waits past its timeout answers NotificationQueueTimeLimitExceeded', async () => {
    const center = new NotificationCenter();
    const first = center.notify(template({ timeout: 0 }), 'First', []);
    const second = center.notify(template({ timeout: 10 }), 'Second', [], 'tok');
    expect(center.current?.title).to.equal('First');
    expect(center.answer(center.queued[1]?.id ?? 0, true)).to.equal(false);
    await clock.tickAsync(10_000);
    expect(await second).to.deep.equal({
      actionName: 'Reject',
      responseReason: 'NotificationQueueTimeLimitExceeded',
    });
    expect(center.answer(center.current?.id ?? 0, true)).to.equal(true);
    expect(await first).to.deep.equal({ actionName: 'Accept', responseReason: 'Accept' });
    expect(center.history.map((n) => n.answer?.responseReason)).to.deep.equal([
      'NotificationQueueTimeLimitExceeded',
      'Accept',
    ]);
  });

  it('promotes the next notification when one is answered, and clear() declines the rest', async () => {
    const center = new NotificationCenter();
    const a = center.notify(template(), 'A', []);
    const b = center.notify(template(), 'B', []);
    center.answer(center.current?.id ?? 0, false);
    expect(await a).to.deep.equal({ actionName: 'Reject', responseReason: 'DeclinedByAgent' });
    expect(center.current?.title).to.equal('B');
    expect(center.current?.shownAt).to.be.a('number');
    expect(center.cancel('nope')).to.equal(false);
    center.clear();
    expect((await b).actionName).to.equal('Reject');
  });
});

describe('call channel messages and the simulator', () => {
  it('validates messages strictly', () => {
    expect(isCallHelloMessage({ type: 'cif-emulator:call-hello', version: 1 })).to.equal(true);
    expect(isCallHelloMessage({ type: 'cif-emulator:call-hello', version: 2 })).to.equal(false);
    expect(
      isCallReadyMessage({
        type: 'cif-emulator:call-ready',
        version: CALL_CHANNEL_VERSION,
        provider: 5,
      }),
    ).to.equal(false);
    expect(
      isCallCommandMessage({
        type: 'cif-emulator:call',
        version: 1,
        action: 'explode',
        call: { id: 'x' },
      }),
    ).to.equal(false);
    expect(
      isCallCommandMessage({
        type: 'cif-emulator:call',
        version: 1,
        action: 'ring',
        call: { id: '' },
      }),
    ).to.equal(false);
    expect(
      isCallStateMessage({
        type: 'cif-emulator:call-state',
        version: 1,
        state: 'connected',
        call: { id: 'x', from: 5 },
      }),
    ).to.equal(false);
    expect(
      isCallStateMessage({
        type: 'cif-emulator:call-state',
        version: 1,
        state: 'connected',
        call: { id: 'x', direction: 'sideways' },
      }),
    ).to.equal(false);
    expect(
      isCallStateMessage({
        type: 'cif-emulator:call-state',
        version: 1,
        state: 'ended',
        call: { id: 'x' },
        reason: 'busy',
      }),
    ).to.equal(true);
    expect(isCallStateMessage(null)).to.equal(false);
  });

  it('tracks calls from state updates and refuses to act on ended or unknown calls', () => {
    const sent: unknown[] = [];
    const sim = new CallSimulator(
      (m) => (sent.push(m), true),
      () => 1000,
    );
    const id = sim.ring(' +1 555 0100 ', { displayName: 'X', contactId: 'c' });
    expect(sent[0]).to.deep.include({ action: 'ring' });
    expect(sim.calls[0]?.state).to.equal('sent');
    expect(
      sim.receive({
        type: 'cif-emulator:call-state',
        version: 1,
        call: { id, from: '+1 555 0100' },
        state: 'ended',
        reason: 'declined',
      }),
    ).to.equal(true);
    expect(sim.hold(id)).to.equal(false);
    expect(
      sim.receive({
        type: 'cif-emulator:call-state',
        version: 1,
        call: { id: 'w1', to: '+2' },
        state: 'dialing',
      }),
    ).to.equal(true);
    expect(sim.calls.find((c) => c.call.id === 'w1')?.direction).to.equal('outbound');
    expect(sim.receive({ hello: 1 })).to.equal(false);
    expect(sim.activeCalls.map((c) => c.call.id)).to.deep.equal(['w1']);
  });
});
