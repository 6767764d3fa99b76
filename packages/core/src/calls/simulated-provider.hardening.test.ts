// A reloaded widget gets a new simulated phone system whose call ids must not collide with the calls the
// store restored (an ended call still in wrap-up): a new call would otherwise be read as the old one.
import { expect } from '@open-wc/testing';
import { memoryStorage } from './harness.test.js';
import { SimulatedProvider } from './simulated-provider.js';
import { createCallStore } from './store.js';

describe('simulated provider across a reload', () => {
  it('a call rung after a reload is a new call, not the restored one of the same number', async () => {
    const storage = memoryStorage();
    const first = new SimulatedProvider({ latencyMs: 0 });
    const before = createCallStore({
      provider: first,
      storage,
      namespace: 'reload',
      ownership: false,
    });
    const old = first.ring('+16195550129');
    await before.answer(old);
    await before.hangUp(old);
    expect(before.getCall(old)?.state).to.equal('ended');
    before.dispose();

    const second = new SimulatedProvider({ latencyMs: 0 });
    const after = createCallStore({
      provider: second,
      storage,
      namespace: 'reload',
      ownership: false,
    });
    await after.ready;
    expect(after.getCall(old)?.state, 'the ended call is restored for its wrap-up').to.equal(
      'ended',
    );
    const next = second.ring('+16195550130');
    expect(next).to.not.equal(old);
    expect(after.getCall(next)).to.include({ state: 'ringing', remoteE164: '+16195550130' });
    after.dispose();
  });
});
