import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { Ringtone } from './ringtone.js';

describe('Ringtone', () => {
  afterEach(() => sinon.restore());

  it('is not active until it plays, and a stop during the start wins', async () => {
    let resolvePlay: () => void = () => undefined;
    sinon
      .stub(HTMLMediaElement.prototype, 'play')
      .callsFake(() => new Promise<void>((resolve) => (resolvePlay = resolve)));
    const ring = new Ringtone();
    expect(ring.active).to.equal(false);
    expect(await ring.unlock(), 'nothing to unlock').to.equal(false);
    const playing = ring.play({ url: 'data:audio/wav;base64,', volume: 0.5, quiet: false });
    expect(ring.active).to.equal(true);
    ring.stop();
    resolvePlay();
    expect(await playing).to.equal(false);
    expect(ring.active).to.equal(false);
  });

  it('reports a blocked file as blocked even when stopped meanwhile', async () => {
    let rejectPlay: (error: unknown) => void = () => undefined;
    sinon
      .stub(HTMLMediaElement.prototype, 'play')
      .callsFake(() => new Promise<void>((_, reject) => (rejectPlay = reject)));
    const ring = new Ringtone();
    const playing = ring.play({ url: 'data:audio/wav;base64,', volume: 1, quiet: true });
    ring.stop();
    rejectPlay(new DOMException('no', 'NotAllowedError'));
    expect(await playing).to.equal(false);
  });

  it('plays nothing without Web Audio', async () => {
    const original = globalThis.AudioContext;
    // A page where the built-in ring cannot exist: play resolves false rather than throwing.
    (globalThis as { AudioContext?: unknown }).AudioContext = undefined;
    try {
      // Each test file runs in its own page: no audio context was created before this one.
      const ring = new Ringtone();
      expect(await ring.play({ url: '', volume: 0.5, quiet: false })).to.equal(false);
      ring.stop();
    } finally {
      globalThis.AudioContext = original;
    }
  });
});
