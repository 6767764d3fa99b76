import { expect } from '@open-wc/testing';
import { SimulatedProvider, createCallStore } from '../../core/src/calls/index.js';
import { readCallControlsState } from './store.js';

describe('readCallControlsState', () => {
  it('reads idle from anything that is not a store snapshot', () => {
    for (const snapshot of [undefined, null, 42, 'calls', [], {}, { calls: 'none' }]) {
      expect(readCallControlsState(snapshot).state).to.equal('idle');
    }
  });

  it('leaves ringing calls to the toast and finished wrap-ups to history', () => {
    const state = readCallControlsState({
      readOnly: false,
      capabilities: { canMute: true },
      calls: [
        { id: 'r', state: 'ringing', consultFor: null },
        { id: 'e', state: 'ended', consultFor: null, wrapUp: { completedAt: 5 } },
        null,
      ],
    });
    expect(state).to.deep.equal({
      state: 'idle',
      capabilities: { canMute: true },
      readOnly: false,
      // The call that ended last, for the announcement of its end.
      endedId: 'e',
    });
  });

  it('prefers the consulting call, then the connected one, then one being placed, then held', () => {
    const calls = [
      { id: 'h', state: 'held', consultFor: null },
      { id: 'd', state: 'dialing', consultFor: null },
      { id: 'c', state: 'connected', consultFor: null, pending: 'setMuted', muted: true },
    ];
    const read = (list: unknown[]) => readCallControlsState({ calls: list });
    expect(read(calls)).to.include({
      state: 'connected',
      callId: 'c',
      muted: true,
      pending: 'mute',
    });
    expect(read(calls.slice(0, 2)).callId).to.equal('d');
    expect(read(calls.slice(0, 1))).to.include({ state: 'held', callId: 'h' });
  });

  it("follows core's store through a consult: the agent talks to the connected leg", async () => {
    const provider = new SimulatedProvider({ outbound: { answerAfterMs: 0 } });
    const store = createCallStore({ provider, storage: null, ownership: false });
    const id = provider.ring('+16195550129');
    await store.answer(id);
    await store.annotate(id, { context: { quality: 'fair', mos: 3.5 } });
    await store.consult(id, '+16195550100');
    await new Promise((resolve) => setTimeout(resolve, 20));
    const leg = store.getSnapshot().calls.find((c) => c.consultFor === id)!;
    const state = readCallControlsState(store.getSnapshot());
    expect(state).to.include({
      state: 'connected',
      callId: leg.id,
      primaryId: id,
      consultTarget: '+16195550100',
      consultId: leg.id,
      quality: 'fair',
      mos: 3.5,
      conference: false,
    });
    expect(state.holdStart).to.be.a('number');
    await store.setHeld(id, false);
    expect(readCallControlsState(store.getSnapshot())).to.include({
      callId: id,
      state: 'connected',
    });
    await store.completeTransfer(id);
    const after = readCallControlsState(store.getSnapshot());
    expect(after).to.include({ state: 'wrap-up', primaryId: id, consultTarget: undefined });
    expect(after.wrapUpStart).to.be.a('number');
    store.dispose();
  });
});
