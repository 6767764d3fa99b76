import { expect } from '@open-wc/testing';
import { harness, type Harness } from './harness.test.js';
import { claimOwnership } from './ownership.js';
import type { CallStoreError } from './types.js';

const NUMBER = '+16195550129';

/** A lock manager whose every request is refused, as in a third-party frame with blocked storage. */
function refusingLocks(error: Error = new DOMException('storage blocked', 'SecurityError')) {
  const requests: string[] = [];
  const locks = {
    request: (name: string) => {
      requests.push(name);
      return Promise.reject(error);
    },
  } as unknown as LockManager;
  return { locks, requests };
}

/** A lock manager that answers the first request only when told to. */
function deferredLocks() {
  let answer: ((available: boolean) => void) | undefined;
  let waits = 0;
  const locks = {
    request: (
      name: string,
      options: LockOptions,
      callback: (lock: Lock | null) => unknown,
    ): Promise<unknown> => {
      if (options.ifAvailable !== true) {
        waits++;
        return new Promise(() => undefined);
      }
      return new Promise((resolve, reject) => {
        answer = (available) => {
          Promise.resolve(callback(available ? { name, mode: 'exclusive' } : null)).then(
            resolve,
            reject,
          );
        };
      });
    },
  } as unknown as LockManager;
  return {
    locks,
    get waits() {
      return waits;
    },
    answer: (available: boolean) => answer?.(available),
  };
}

/** Lets pending promise callbacks run (real timers). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

let channels = 0;
const channel = () => `test-ownership-${++channels}-${Math.random()}`;

describe('claimOwnership', () => {
  it('owns at once when the lock manager refuses the request, and says why', async () => {
    const { locks } = refusingLocks();
    const seen: string[] = [];
    claimOwnership(locks, 'x', {
      owner: () => seen.push('owner'),
      follower: () => seen.push('follower'),
      unavailable: (error) => seen.push(`unavailable:${(error as DOMException).name}`),
    });
    await settle();
    expect(seen).to.deep.equal(['unavailable:SecurityError', 'owner']);
  });

  it('owns when a request throws synchronously, even if the reporter throws', async () => {
    const locks = {
      request: () => {
        throw new DOMException('no', 'SecurityError');
      },
    } as unknown as LockManager;
    const seen: string[] = [];
    claimOwnership(locks, 'x', {
      owner: () => seen.push('owner'),
      follower: () => seen.push('follower'),
      unavailable: () => {
        throw new Error('reporter');
      },
    });
    await settle();
    expect(seen).to.deep.equal(['owner']);
  });

  it('does not own after release, nor twice', async () => {
    const { locks } = refusingLocks();
    const seen: string[] = [];
    const release = claimOwnership(locks, 'x', {
      owner: () => seen.push('owner'),
      follower: () => seen.push('follower'),
    });
    release();
    await settle();
    expect(seen).to.deep.equal([]);
  });

  it('takes over as owner when waiting for the lock is refused', async () => {
    let calls = 0;
    const locks = {
      request: (_name: string, _options: LockOptions, callback: (lock: Lock | null) => unknown) => {
        calls++;
        if (calls === 1) return Promise.resolve(callback(null));
        return Promise.reject(new DOMException('gone', 'InvalidStateError'));
      },
    } as unknown as LockManager;
    const seen: string[] = [];
    claimOwnership(locks, 'x', {
      owner: () => seen.push('owner'),
      follower: () => seen.push('follower'),
      unavailable: () => seen.push('unavailable'),
    });
    await settle();
    expect(seen).to.deep.equal(['follower', 'unavailable', 'owner']);
  });
});

describe('call store ownership', () => {
  let h: Harness | undefined;
  afterEach(() => {
    h?.store.dispose();
    h?.provider.dispose();
    h?.clock.restore();
    h = undefined;
  });

  it('owns the calls when Web Locks reject (blocked storage) and reports it without showing an error', async () => {
    const errors: CallStoreError[] = [];
    const { locks, requests } = refusingLocks();
    h = harness({
      store: { ownership: { channel: channel(), locks }, onError: (e) => errors.push(e) },
    });
    expect(h.store.getSnapshot().role).to.equal('connecting');
    expect(await h.store.ready).to.equal('owner');
    expect(requests).to.have.length(1);
    const snapshot = h.store.getSnapshot();
    expect(snapshot.role).to.equal('owner');
    expect(snapshot.readOnly).to.equal(false);
    expect(snapshot.lastError).to.equal(null);
    expect(errors.map((e) => e.code)).to.deep.equal(['ownership-unavailable']);
    expect(errors[0]!.message).to.contain('SecurityError');
    const id = h.provider.ring(NUMBER);
    await h.store.answer(id);
    await h.flush(1000);
    expect(h.store.getCall(id)?.state).to.equal('connected');
  });

  it('applies provider events that arrive while ownership is being decided, once it owns', async () => {
    const lock = deferredLocks();
    h = harness({ store: { ownership: { channel: channel(), locks: lock.locks } } });
    expect(h.store.getSnapshot().role).to.equal('connecting');
    const id = h.provider.ring(NUMBER, { displayName: 'Alex Baker' });
    await h.flush();
    expect(h.store.getSnapshot().calls, 'nothing applied before the role is known').to.deep.equal(
      [],
    );
    lock.answer(true);
    expect(await h.store.ready).to.equal('owner');
    const call = h.store.getCall(id);
    expect(call?.state).to.equal('ringing');
    expect(call?.displayName).to.equal('Alex Baker');
    await h.store.answer(id);
    await h.flush(1000);
    expect(h.store.getCall(id)?.state).to.equal('connected');
  });

  it('leaves queued events to the owning tab when it turns out to be a follower', async () => {
    const lock = deferredLocks();
    h = harness({ store: { ownership: { channel: channel(), locks: lock.locks } } });
    h.provider.ring(NUMBER);
    expect(h.provider.subscribed).to.equal(true);
    lock.answer(false);
    expect(await h.store.ready).to.equal('follower');
    expect(lock.waits).to.equal(1);
    expect(h.provider.subscribed).to.equal(false);
    expect(h.store.getSnapshot().calls).to.deep.equal([]);
  });
});
