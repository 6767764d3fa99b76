import { expect } from '@open-wc/testing';
import { harness, type Harness } from './harness.test.js';
import {
  holdTimeMs,
  selectActiveCall,
  selectHeldCalls,
  selectRingingCalls,
  selectWrapUpCalls,
  talkTimeMs,
} from './selectors.js';

describe('call selectors', () => {
  let h: Harness;
  afterEach(() => {
    h.store.dispose();
    h.clock.restore();
  });

  it('pick the active, ringing, held and wrap-up calls, and measure talk and hold time', async () => {
    h = harness();
    const start = Date.now();
    const first = h.provider.ring('+16195550129');
    await h.store.answer(first);
    await h.flush(10_000);
    const second = h.provider.ring('+442079460958');
    let snapshot = h.store.getSnapshot();
    expect(selectActiveCall(snapshot)?.id).to.equal(first);
    expect(selectRingingCalls(snapshot).map((c) => c.id)).to.deep.equal([second]);
    await h.store.answer(second);
    await h.flush(5_000);
    snapshot = h.store.getSnapshot();
    expect(selectHeldCalls(snapshot).map((c) => c.id)).to.deep.equal([first]);
    const held = h.store.getCall(first)!;
    expect(holdTimeMs(held, Date.now())).to.equal(5_000);
    expect(talkTimeMs(held, Date.now())).to.equal(15_000);
    await h.store.hangUp(second);
    expect(selectWrapUpCalls(h.store.getSnapshot()).map((c) => c.id)).to.deep.equal([second]);
    expect(talkTimeMs(h.store.getCall(second)!, start + 999_999)).to.equal(5_000);
    const ringing = h.provider.ring('+4930901820');
    expect(talkTimeMs(h.store.getCall(ringing)!, Date.now())).to.equal(0);
    expect(selectActiveCall(h.store.getSnapshot())).to.equal(undefined);
  });
});
