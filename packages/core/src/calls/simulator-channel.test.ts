import { expect } from '@open-wc/testing';
import { SimulatedProvider } from './simulated-provider.js';
import { connectCallSimulator } from './simulator-channel.js';
import { createCallStore } from './store.js';
// The emulator's own guards: the messages must be what its host side accepts.
import { isCallReadyMessage, isCallStateMessage } from '../../../emulator/src/call-channel.js';

type Message = Record<string, unknown>;

/** Plays the emulator host in the same page: posts to the window and collects the widget's answers. */
function host() {
  const received: Message[] = [];
  const listener = (event: MessageEvent<unknown>) => {
    const data = event.data as Message;
    if (typeof data === 'object' && data !== null && /call-(ready|state)$/.exec(String(data.type)))
      received.push(data);
  };
  window.addEventListener('message', listener);
  return {
    received,
    send: (message: Message) => window.postMessage({ version: 1, ...message }, '*'),
    states: () =>
      received
        .filter((m) => m.type === 'cif-emulator:call-state')
        .map(
          (m) =>
            `${(m.call as Message).id as string}:${m.state as string}${m.reason ? `:${m.reason as string}` : ''}`,
        ),
    stop: () => window.removeEventListener('message', listener),
  };
}

async function until(predicate: () => boolean, what: string): Promise<void> {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > 2000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

describe('call simulator channel', () => {
  it('answers the greeting, takes calls from the simulator and reports every change', async () => {
    const provider = new SimulatedProvider();
    const store = createCallStore({ provider, storage: null, ownership: false });
    const h = host();
    const disconnect = connectCallSimulator(provider, { name: 'Test provider' });
    try {
      h.send({ type: 'cif-emulator:call-hello' });
      await until(() => h.received.length === 1, 'call-ready');
      expect(h.received[0]).to.deep.equal({
        type: 'cif-emulator:call-ready',
        version: 1,
        provider: 'Test provider',
      });

      h.send({
        type: 'cif-emulator:call',
        action: 'ring',
        call: { id: 'sim-1', from: '+44 20 7946 0958', displayName: 'Sam' },
      });
      await until(() => store.getCall('sim-1') !== undefined, 'the ringing call');
      expect(store.getCall('sim-1')).to.include({
        state: 'ringing',
        displayName: 'Sam',
        remoteE164: '+442079460958',
      });
      await store.answer('sim-1');
      h.send({ type: 'cif-emulator:call', action: 'hold', call: { id: 'sim-1' } });
      await until(() => store.getCall('sim-1')?.state === 'held', 'the remote hold');
      h.send({ type: 'cif-emulator:call', action: 'resume', call: { id: 'sim-1' } });
      await until(() => store.getCall('sim-1')?.state === 'connected', 'the remote resume');
      h.send({ type: 'cif-emulator:call', action: 'hangup', call: { id: 'sim-1' } });
      await until(() => store.getCall('sim-1')?.state === 'ended', 'the remote hang-up');

      const out = await store.dial('+16195550129');
      h.send({ type: 'cif-emulator:call', action: 'answer', call: { id: out } });
      await until(() => store.getCall(out)?.state === 'connected', 'the remote answer');
      await store.hangUp(out);
      await until(() => h.states().length === 8, 'the state reports');
      expect(h.states()).to.deep.equal([
        'sim-1:ringing',
        'sim-1:connected',
        'sim-1:held',
        'sim-1:connected',
        'sim-1:ended',
        `${out}:dialing`,
        `${out}:connected`,
        `${out}:ended:local-hangup`,
      ]);
      expect(h.received.every((m) => isCallReadyMessage(m) || isCallStateMessage(m))).to.equal(
        true,
      );
      const dialling = h.received.find((m) => m.state === 'dialing');
      expect(dialling?.call).to.deep.equal({
        id: out,
        to: '+16195550129',
        direction: 'outbound',
      });
    } finally {
      disconnect();
      h.stop();
      store.dispose();
    }
  });

  it('ignores malformed messages, other versions and hosts it does not trust', async () => {
    const provider = new SimulatedProvider();
    const h = host();
    const disconnect = connectCallSimulator(provider, {
      hostOrigins: ['https://emulator.invalid'],
    });
    try {
      h.send({ type: 'cif-emulator:call-hello' });
      h.send({
        type: 'cif-emulator:call',
        action: 'ring',
        call: { id: 'x', from: '+16195550129' },
      });
      window.postMessage({ type: 'cif-emulator:call-hello', version: 2 }, '*');
      window.postMessage('hello', '*');
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(h.received).to.deep.equal([]);
      expect(provider.calls.size).to.equal(0);
    } finally {
      disconnect();
      h.stop();
    }
    const trusting = connectCallSimulator(provider);
    const h2 = host();
    try {
      h2.send({ type: 'cif-emulator:call-hello' });
      await until(() => h2.received.length === 1, 'call-ready');
      h2.send({ type: 'cif-emulator:call', action: 'ring', call: { id: 42 } });
      h2.send({ type: 'cif-emulator:call', action: 'fly', call: { id: 'y' } });
      h2.send({ type: 'cif-emulator:call', action: 'ring', call: { id: 'z', from: 5 } });
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(provider.calls.size).to.equal(0);
    } finally {
      trusting();
      h2.stop();
    }
  });
});
