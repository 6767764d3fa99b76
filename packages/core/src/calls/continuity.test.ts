import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { expectCallError, memoryStorage } from './harness.test.js';
import { claimOwnership } from './ownership.js';
import { readPersisted, reviveCall } from './persist.js';
import { SimulatedProvider } from './simulated-provider.js';
import { createCallStore, type CallStore, type CallStoreOptions } from './store.js';
import type { CallStoreError } from './types.js';

const NUMBER = '+16195550129';
const KEY = 'cif-elements:calls:test';
let channels = 0;

/** Waits (in real time) until `predicate` holds. */
async function until(predicate: () => boolean, what: string, ms = 2000): Promise<void> {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('call continuity', () => {
  const stores: CallStore[] = [];
  const make = (options: CallStoreOptions) => {
    const store = createCallStore(options);
    stores.push(store);
    return store;
  };
  afterEach(() => {
    for (const store of stores.splice(0)) store.dispose();
  });

  describe('a widget reload', () => {
    it('restores a held call with its timestamps and lets the reloaded widget act on it', async () => {
      const storage = memoryStorage();
      const provider = new SimulatedProvider();
      const before = make({ provider, storage, namespace: 'test', ownership: false });
      const id = provider.ring(NUMBER, { displayName: 'Alex Baker' });
      await before.answer(id);
      await before.annotate(id, { context: { sessionId: 'session-1' } });
      await before.setMuted(id, true);
      await before.setHeld(id, true);
      const held = before.getCall(id);
      before.dispose();

      const after = make({ provider, storage, namespace: 'test', ownership: false });
      expect(after.getCall(id)).to.deep.equal({ ...held, pending: null });
      expect(after.getSnapshot().role).to.equal('owner');
      await after.setHeld(id, false);
      await after.hangUp(id);
      expect(after.getCall(id)).to.include({ state: 'ended', endReason: 'hung-up' });
      expect(provider.actionsOf('hangUp')).to.have.length(1);
    });

    it('ends restored calls the phone system no longer has as lost, and syncs the others', async () => {
      const storage = memoryStorage();
      const first = new SimulatedProvider();
      const before = make({ provider: first, storage, namespace: 'test', ownership: false });
      const gone = first.ring(NUMBER);
      const kept = first.ring('+442079460958');
      await before.answer(kept);
      await before.setHeld(kept, true);
      before.dispose();

      const errors: CallStoreError[] = [];
      const second = new SimulatedProvider({
        calls: [
          { callId: kept, number: '+442079460958', direction: 'inbound', state: 'connected' },
        ],
      });
      const after = make({
        provider: second,
        storage,
        namespace: 'test',
        ownership: false,
        onError: (e) => errors.push(e),
      });
      await until(() => after.getCall(kept)?.state === 'connected', 'the sync');
      const lost = after.getSnapshot().history.find((c) => c.id === gone);
      expect(lost).to.include({ state: 'ended', endReason: 'lost' });
      expect(second.actionsOf('getCalls')).to.have.length(1);
      expect(errors).to.deep.equal([]);
    });

    it('reports a failing getCalls and keeps the restored calls', async () => {
      const storage = memoryStorage();
      const provider = new SimulatedProvider();
      const before = make({ provider, storage, namespace: 'test', ownership: false });
      const id = provider.ring(NUMBER);
      before.dispose();
      provider.failNext('getCalls', new Error('offline'));
      const after = make({ provider, storage, namespace: 'test', ownership: false });
      await until(() => after.getSnapshot().lastError !== null, 'the error');
      expect(after.getSnapshot().lastError).to.include({ command: 'restore' });
      expect(after.getCall(id)?.state).to.equal('ringing');
    });

    it('completes a wrap-up whose deadline passed during the reload', async () => {
      const clock = sinon.useFakeTimers({
        now: 10_000,
        toFake: ['setTimeout', 'clearTimeout', 'Date'],
      });
      try {
        const storage = memoryStorage();
        const provider = new SimulatedProvider();
        const options = {
          provider,
          storage,
          namespace: 'test',
          ownership: false,
          wrapUp: { durationMs: 5000 },
        } as const;
        const before = make(options);
        const id = provider.ring(NUMBER);
        await before.answer(id);
        await before.hangUp(id);
        before.dispose();
        await clock.tickAsync(60_000);
        const after = make(options);
        expect(after.getCall(id)?.wrapUp?.completedAt).to.equal(null);
        await clock.tickAsync(1);
        expect(after.getSnapshot().history[0]?.id).to.equal(id);
      } finally {
        clock.restore();
      }
    });

    it('starts empty from garbage, another format or a blocked storage, and keeps valid calls only', () => {
      const storage = memoryStorage();
      for (const text of ['not json', '{"v":2,"calls":[]}', '[]', 'null']) {
        storage.data.set(KEY, text);
        expect(readPersisted(storage, KEY).calls).to.deep.equal([]);
      }
      const blocked = {
        getItem: () => {
          throw new DOMException('denied', 'SecurityError');
        },
        setItem: () => undefined,
        removeItem: () => undefined,
      };
      expect(readPersisted(blocked, KEY).calls).to.deep.equal([]);
      storage.data.set(
        KEY,
        JSON.stringify({
          v: 1,
          calls: [
            { id: 'ok', state: 'connected', createdAt: 1, answeredAt: 2 },
            { id: 'bad-state', state: 'flying', createdAt: 1 },
            { state: 'ringing', createdAt: 1 },
            42,
          ],
          history: 'nope',
        }),
      );
      const { calls, history } = readPersisted(storage, KEY);
      expect(calls.map((c) => c.id)).to.deep.equal(['ok']);
      expect(history).to.deep.equal([]);
    });

    it('fills defaults for missing fields and sanitises odd ones', () => {
      const call = reviveCall({
        id: 'x',
        state: 'ended',
        createdAt: 5,
        direction: 'sideways',
        matches: [
          { entityName: 'contact', id: 'c1', name: 'A', field: 'telephone1', number: '1' },
          { id: 2 },
        ],
        regarding: { entityName: 'account', id: 'a1' },
        recording: 'loud',
        lookup: 'done',
        transfer: { mode: 'consult', target: '+1', status: 'consulting', consultCallId: 'y' },
        merged: ['+1', 3],
        wrapUp: { startedAt: 9, deadline: null, completedAt: null },
        context: { a: [1, 'b', { c: Infinity }], f: () => 1 },
        pending: 'answer',
      });
      expect(call).to.include({
        direction: 'inbound',
        endReason: 'lost',
        endedAt: 5,
        recording: 'off',
        lookup: 'done',
        pending: null,
        remoteNumber: '',
        notes: '',
      });
      expect(call?.matches).to.have.length(1);
      expect(call?.regarding).to.deep.equal({ entityName: 'account', id: 'a1' });
      expect(call?.transfer).to.deep.equal({
        mode: 'consult',
        target: '+1',
        status: 'consulting',
        consultCallId: 'y',
      });
      expect(call?.merged).to.deep.equal(['+1']);
      expect(call?.context).to.deep.equal({ a: [1, 'b', { c: null }] });
      expect(reviveCall('x')).to.equal(null);
    });

    it('keeps working and reports when storage refuses writes', async () => {
      const storage = memoryStorage();
      storage.failWrites = true;
      const errors: CallStoreError[] = [];
      const provider = new SimulatedProvider();
      const store = make({
        provider,
        storage,
        namespace: 'test',
        ownership: false,
        onError: (e) => errors.push(e),
      });
      const id = provider.ring(NUMBER);
      await store.answer(id);
      expect(store.getCall(id)?.state).to.equal('connected');
      expect(errors[0]?.code).to.equal('storage-failed');
      expect(store.getSnapshot().lastError).to.equal(null);
    });

    it('persists to localStorage under a namespaced key by default', async () => {
      const key = 'cif-elements:calls:default-storage-test';
      localStorage.removeItem(key);
      const provider = new SimulatedProvider();
      const store = make({ provider, namespace: 'default-storage-test', ownership: false });
      const id = provider.ring(NUMBER);
      await store.decline(id);
      expect(readPersisted(localStorage, key).history[0]?.id).to.equal(id);
      localStorage.removeItem(key);
    });
  });

  describe('several tabs', () => {
    const tab = (channel: string, provider = new SimulatedProvider(), storage = memoryStorage()) =>
      make({ provider, storage, namespace: 'tabs', ownership: { channel } });

    it('lets exactly one tab own the calls; the other mirrors them read-only and cannot act', async () => {
      const channel = `test-tabs-${++channels}-${Math.random()}`;
      const storage = memoryStorage();
      const ownerProvider = new SimulatedProvider();
      const otherProvider = new SimulatedProvider();
      const owner = tab(channel, ownerProvider, storage);
      expect(owner.getSnapshot().role).to.equal('connecting');
      expect(await owner.ready).to.equal('owner');
      const other = tab(channel, otherProvider, storage);
      expect(await other.ready).to.equal('follower');
      expect(other.getSnapshot().readOnly).to.equal(true);
      expect(otherProvider.subscribed).to.equal(false);

      const id = ownerProvider.ring(NUMBER, { displayName: 'Alex Baker' });
      await until(() => other.getCall(id) !== undefined, 'the follower to mirror the call');
      expect(other.getCall(id)).to.deep.equal(owner.getCall(id));
      expect(Object.isFrozen(other.getSnapshot().calls)).to.equal(true);

      await expectCallError(other.answer(id), 'read-only');
      await expectCallError(other.dial(NUMBER), 'read-only');
      await expectCallError(other.sendDigits(id, '1'), 'read-only');
      await expectCallError(other.annotate(id, { displayName: 'x' }), 'read-only');
      expect(otherProvider.actions).to.deep.equal([]);
      expect(ownerProvider.actions).to.deep.equal([]);

      await owner.answer(id);
      await until(
        () => other.getCall(id)?.state === 'connected',
        'the answer to reach the follower',
      );
    });

    it('hands the calls to the waiting tab when the owner goes away', async () => {
      const channel = `test-tabs-${++channels}-${Math.random()}`;
      const storage = memoryStorage();
      const providerA = new SimulatedProvider();
      const a = tab(channel, providerA, storage);
      await a.ready;
      const id = providerA.ring(NUMBER);
      await a.answer(id);
      const providerB = new SimulatedProvider({
        calls: [{ callId: id, number: NUMBER, direction: 'inbound', state: 'connected' }],
      });
      const b = tab(channel, providerB, storage);
      expect(await b.ready).to.equal('follower');
      a.dispose();
      await until(() => b.getSnapshot().role === 'owner', 'the takeover');
      expect(b.getCall(id)?.state).to.equal('connected');
      expect(providerB.subscribed).to.equal(true);
      await b.hangUp(id);
      expect(providerB.actionsOf('hangUp')).to.have.length(1);
    });

    it('gives a tab opened later the current calls even without storage', async () => {
      const channel = `test-tabs-${++channels}-${Math.random()}`;
      const providerA = new SimulatedProvider();
      const a = make({ provider: providerA, storage: null, ownership: { channel } });
      await a.ready;
      const id = providerA.ring(NUMBER);
      const providerB = new SimulatedProvider({
        calls: [{ callId: id, number: NUMBER, direction: 'inbound', state: 'ringing' }],
      });
      const b = make({ provider: providerB, storage: null, ownership: { channel } });
      await b.ready;
      await until(() => b.getCall(id) !== undefined, 'the hello answer');
      // Without storage, the follower takes over with the calls it mirrored.
      a.dispose();
      await until(() => b.getSnapshot().role === 'owner', 'the takeover');
      expect(b.getCall(id)?.state).to.equal('ringing');
    });

    it('does not hand the calls to a tab that was disposed while waiting', async () => {
      const channel = `test-tabs-${++channels}-${Math.random()}`;
      const a = tab(channel);
      await a.ready;
      const b = tab(channel);
      await b.ready;
      b.dispose();
      const c = tab(channel);
      expect(await c.ready).to.equal('follower');
      a.dispose();
      await until(() => c.getSnapshot().role === 'owner', 'the takeover by the live tab');
      expect(b.getSnapshot().role).to.equal('disposed');
    });

    it('owns at once without a lock manager, and defers commands made while connecting', async () => {
      const provider = new SimulatedProvider();
      const solo = make({
        provider,
        storage: null,
        ownership: { channel: `solo-${Math.random()}`, locks: null },
      });
      expect(solo.getSnapshot().role).to.equal('owner');
      const channel = `test-tabs-${++channels}-${Math.random()}`;
      const waiting = make({
        provider: new SimulatedProvider({ outbound: { alertAfterMs: null } }),
        storage: null,
        ownership: { channel },
      });
      expect(waiting.getSnapshot().role).to.equal('connecting');
      const id = await waiting.dial(NUMBER);
      expect(waiting.getCall(id)?.state).to.equal('dialing');
    });

    it('ignores channel messages that are not its own', async () => {
      const channel = `test-tabs-${++channels}-${Math.random()}`;
      const a = tab(channel);
      await a.ready;
      const b = tab(channel);
      await b.ready;
      const before = b.getSnapshot();
      const stranger = new BroadcastChannel(channel);
      stranger.postMessage('hello');
      stranger.postMessage(null);
      stranger.postMessage({ type: 'state', calls: 'x', history: null, capabilities: 5 });
      await new Promise((resolve) => setTimeout(resolve, 30));
      stranger.close();
      expect(b.getSnapshot().calls).to.deep.equal(before.calls);
      expect(b.getSnapshot().capabilities).to.deep.equal(before.capabilities);
    });
  });

  describe('claimOwnership', () => {
    it('makes the caller the owner without a lock manager', () => {
      const owner = sinon.spy();
      const follower = sinon.spy();
      const release = claimOwnership(null, 'x', { owner, follower });
      expect(owner.calledOnce).to.equal(true);
      expect(follower.called).to.equal(false);
      release();
    });
  });
});
