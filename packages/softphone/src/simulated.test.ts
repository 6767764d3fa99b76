// The default phone system keeps its calls across a reload of the widget (a new instance reads them).
import { expect } from '@open-wc/testing';
import { createSimulatedProvider } from './simulated.js';
import { softphoneStrings } from './strings.js';

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => void map.set(key, value),
    removeItem: (key: string) => void map.delete(key),
  };
}

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('createSimulatedProvider', () => {
  it('keeps live calls in storage and hands them to the next instance', async () => {
    const storage = memoryStorage();
    const first = createSimulatedProvider({ storage, key: 'k', latencyMs: 0 });
    const id = first.ring('+16195550129');
    await first.answer(id);
    await later(20);
    expect(JSON.parse(storage.map.get('k')!)).to.deep.equal([
      { callId: id, number: '+16195550129', direction: 'inbound', state: 'connected' },
    ]);
    const second = createSimulatedProvider({ storage, key: 'k', latencyMs: 0 });
    expect(await second.getCalls()).to.deep.equal([{ callId: id, state: 'connected' }]);
    await second.hangUp(id);
    await later(20);
    expect(storage.map.has('k')).to.equal(false);
  });

  it('ignores unreadable or foreign data, and storage that throws', async () => {
    const storage = memoryStorage();
    storage.map.set('k', '{not json');
    expect(createSimulatedProvider({ storage, key: 'k' }).calls.size).to.equal(0);
    storage.map.set('k', JSON.stringify({ calls: [] }));
    expect(createSimulatedProvider({ storage, key: 'k' }).calls.size).to.equal(0);
    storage.map.set(
      'k',
      JSON.stringify([
        { callId: 1 },
        { callId: 'a', number: '1', direction: 'up', state: 'connected' },
      ]),
    );
    expect(createSimulatedProvider({ storage, key: 'k' }).calls.size).to.equal(0);
    const broken = {
      getItem: () => null,
      setItem: () => {
        throw new Error('full');
      },
      removeItem: () => undefined,
    };
    const provider = createSimulatedProvider({ storage: broken, latencyMs: 0 });
    provider.ring('+1');
    await later(20);
    expect(provider.calls.size).to.equal(1);
    expect(createSimulatedProvider({ storage: null }).outbound).to.deep.equal({
      alertAfterMs: 500,
      answerAfterMs: null,
    });
    expect(createSimulatedProvider().latencyMs).to.equal(150);
  });
});

describe('softphoneStrings', () => {
  it('has English, German and Arabic, and falls back to English', () => {
    for (const lang of ['en', 'de-CH', 'ar', 'xx', '']) {
      const t = softphoneStrings(lang);
      expect(t.title).to.be.a('string').and.not.empty;
      for (const count of [1, 3]) {
        expect(t.activitiesFailed(count)).to.be.a('string');
        expect(t.activitiesPending(count)).to.be.a('string');
      }
      expect(t.statusConnected(2)).to.contain('2.0');
      expect(t.resumeCall('A')).to.contain('A');
      expect(t.endCall('A')).to.contain('A');
      expect(t.untrustedDetail('https://x')).to.contain('https://x');
    }
    expect(softphoneStrings('de-AT').title).to.equal('Telefon');
    expect(softphoneStrings('fr').title).to.equal('Phone');
  });
});
