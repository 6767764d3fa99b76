import { expect } from '@open-wc/testing';
import { SimulatedProvider } from './simulated-provider.js';

describe('simulated provider history', () => {
  it('keeps the newest commands and events only, so a demo left running does not grow', async () => {
    const provider = new SimulatedProvider();
    const max = SimulatedProvider.HISTORY;
    for (let i = 0; i < max + 5; i += 1) provider.emit({ type: 'capabilities', capabilities: {} });
    expect(provider.events).to.have.length(max);
    const id = provider.ring('+16195550129');
    for (let i = 0; i < max + 5; i += 1) await provider.setMuted(id, i % 2 === 0);
    expect(provider.actions).to.have.length(max);
    expect(provider.actions.at(-1)).to.deep.include({ command: 'setMuted' });
    expect(provider.events.at(-1), 'the newest event is the last one kept').to.deep.include({
      type: 'muted',
    });
  });
});
