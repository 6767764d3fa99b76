// Trust: forged postMessages — from another origin, from an opaque (sandboxed) frame, of the wrong shape,
// replaying a correlation id — change nothing in core's call-simulator channel or in the emulator's CIF
// library, resolve no promise and throw nothing; and core never posts to '*' (a static check of every
// shipped source, and a spy while core talks to a host).
import {
  SimulatedProvider,
  connectCallSimulator,
  createCallStore,
  type CallStore,
} from '@cif-elements/core';
import { HOSTILE_PAYLOADS } from '@cif-elements/core/testing';
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import sinon from 'sinon';
import { normalizeConfig } from '../../../emulator/src/config/normalize.js';
import { Host, type EventOutcome } from '../../../emulator/src/host/index.js';
import { installCIFramework } from '../../../emulator/src/library/createCIFramework.js';
import { MESSAGE_SUCCESS, RESPONSE_TYPE } from '../../../emulator/src/library/wire.js';

const HELLO = { type: 'cif-emulator:call-hello', version: 1 };
const ring = (id: string, from = '+16195550129') => ({
  type: 'cif-emulator:call',
  version: 1,
  action: 'ring',
  call: { id, from },
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Messages the test page receives, and errors it sees, while a test runs. */
function listen() {
  const received: { data: unknown; origin: string }[] = [];
  const errors: unknown[] = [];
  const onMessage = (event: MessageEvent) =>
    received.push({ data: event.data, origin: event.origin });
  const onError = (event: ErrorEvent) => errors.push(event.error ?? event.message);
  const onRejection = (event: PromiseRejectionEvent) => errors.push(event.reason);
  window.addEventListener('message', onMessage);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    received,
    errors,
    stop() {
      window.removeEventListener('message', onMessage);
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

/** A page on another origin (127.0.0.1 for localhost, and back) that posts what it is told to. */
async function openForger() {
  const other = location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  const origin = `${location.protocol}//${other}:${location.port}`;
  const frame = document.createElement('iframe');
  frame.title = 'forger';
  const ready = new Promise<void>((resolve) => {
    const onReady = (event: MessageEvent) => {
      if ((event.data as { forgerReady?: string } | null)?.forgerReady !== origin) return;
      window.removeEventListener('message', onReady);
      resolve();
    };
    window.addEventListener('message', onReady);
  });
  frame.src = `${origin}/trust/forger.html`;
  document.body.append(frame);
  await ready;
  return {
    origin,
    /** Posts `message` to the top window, or to the frame at `frameIndex` of the top window. */
    forge(message: unknown, frameIndex?: number) {
      frame.contentWindow!.postMessage({ forge: { message, frame: frameIndex } }, origin);
    },
    remove: () => frame.remove(),
  };
}

/** A sandboxed frame without allow-same-origin (an opaque origin) that posts `messages` to its parent. */
async function opaqueFrame(messages: unknown[]): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-scripts');
  frame.title = 'opaque';
  // The parent cannot script an opaque frame: the messages are written into it.
  frame.srcdoc = `<script>${messages.map((m) => `parent.postMessage(${JSON.stringify(m)}, '*');`).join('')}</script>`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  await sleep(50);
  return frame;
}

describe('trust: the call-simulator channel (core)', () => {
  let provider: SimulatedProvider;
  let store: CallStore;
  let disconnect: () => void;
  let page: ReturnType<typeof listen>;

  beforeEach(() => {
    provider = new SimulatedProvider({ latencyMs: 0 });
    store = createCallStore({ provider, storage: null, ownership: false });
    page = listen();
  });
  afterEach(() => {
    disconnect?.();
    store.dispose();
    page.stop();
  });

  const readies = () =>
    page.received.filter(
      (m) => (m.data as { type?: string } | null)?.type === 'cif-emulator:call-ready',
    );

  it('an opaque (sandboxed) frame cannot become the host, nor ring', async () => {
    disconnect = connectCallSimulator(provider);
    const frame = await opaqueFrame([HELLO, ring('opaque-1')]);
    expect(provider.calls.size).to.equal(0);
    expect(store.getSnapshot().calls).to.deep.equal([]);
    // The real host still can greet afterwards.
    window.postMessage(HELLO, location.origin);
    await sleep(30);
    expect(readies()).to.have.length(1);
    frame.remove();
    expect(page.errors).to.deep.equal([]);
  });

  it('once a host greeted, another origin (or an opaque frame) cannot take over or ring', async () => {
    disconnect = connectCallSimulator(provider);
    window.postMessage(HELLO, location.origin);
    await sleep(30);
    expect(readies()).to.have.length(1);
    const forger = await openForger();
    forger.forge(HELLO);
    forger.forge(ring('forged-1'));
    forger.forge({ ...ring('forged-2'), action: 'answer' });
    const frame = await opaqueFrame([HELLO, ring('opaque-2')]);
    await sleep(50);
    expect(provider.calls.size).to.equal(0);
    // The forger heard nothing back: no greeting answered, no call state reported.
    expect(
      page.received.filter((m) => m.data && (m.data as { forgerGot?: unknown }).forgerGot),
    ).to.deep.equal([]);
    expect(readies()).to.have.length(1);
    // The trusted host still rings.
    window.postMessage(ring('real-1'), location.origin);
    await sleep(30);
    expect(store.getCall('real-1')?.state).to.equal('ringing');
    forger.remove();
    frame.remove();
    expect(page.errors).to.deep.equal([]);
  });

  it('with hostOrigins, nothing from another origin is heard, not even the first greeting', async () => {
    disconnect = connectCallSimulator(provider, { hostOrigins: ['http://emulator.invalid'] });
    const forger = await openForger();
    forger.forge(HELLO);
    forger.forge(ring('forged-3'));
    window.postMessage(HELLO, location.origin);
    window.postMessage(ring('same-page'), location.origin);
    await sleep(50);
    expect(provider.calls.size).to.equal(0);
    expect(readies()).to.have.length(0);
    forger.remove();
  });

  it('messages of the wrong shape, with every hostile payload, change nothing and throw nothing', async () => {
    disconnect = connectCallSimulator(provider);
    window.postMessage(HELLO, location.origin);
    await sleep(20);
    let sent = 0;
    for (const { text } of HOSTILE_PAYLOADS) {
      const forged: unknown[] = [
        text,
        { type: text, version: 1 },
        { ...ring('x'), version: text },
        { ...ring('x'), action: text },
        { ...ring('x'), call: text },
        { ...ring('x'), call: { id: 42, from: text } },
        { ...ring('x'), call: { id: 'x', from: 7 } },
        { ...ring('x'), call: { id: 'x', displayName: { text } } },
        { ...ring('x'), call: { id: '' } },
        { ...ring('x'), call: { id: text.repeat(300).slice(0, 201).padEnd(201, 'x') } },
        [ring('x')],
        null,
      ];
      for (const message of forged) window.postMessage(message, location.origin);
      sent += forged.length;
    }
    await sleep(100);
    expect(sent).to.equal(HOSTILE_PAYLOADS.length * 12);
    expect(provider.calls.size).to.equal(0);
    expect(store.getSnapshot().calls).to.deep.equal([]);
    expect(page.errors).to.deep.equal([]);
  });

  it('a replayed ring for a call that ended does not bring it back', async () => {
    disconnect = connectCallSimulator(provider);
    window.postMessage(HELLO, location.origin);
    window.postMessage(ring('r-1'), location.origin);
    await sleep(30);
    await store.answer('r-1');
    window.postMessage({ ...ring('r-1'), action: 'hangup' }, location.origin);
    await sleep(30);
    const ended = store.getCall('r-1');
    expect(ended?.state).to.equal('ended');
    window.postMessage(ring('r-1'), location.origin);
    window.postMessage({ ...ring('r-1'), action: 'answer' }, location.origin);
    window.postMessage({ ...ring('r-1'), action: 'hangup' }, location.origin);
    await sleep(50);
    expect(store.getCall('r-1')).to.deep.equal(ended);
    expect(page.errors).to.deep.equal([]);
  });

  it('posts only to the host’s origin, never to "*"', async () => {
    const post = sinon.spy(window, 'postMessage');
    try {
      disconnect = connectCallSimulator(provider);
      window.postMessage(HELLO, location.origin);
      window.postMessage(ring('spy-1'), location.origin);
      await sleep(30);
      await store.answer('spy-1');
      await store.hangUp('spy-1');
      await store.dial('+16195550100');
      await sleep(30);
      const fromCore = post
        .getCalls()
        .filter((call) =>
          /call-(ready|state)$/.test(String((call.args[0] as { type?: string }).type)),
        );
      expect(fromCore.length).to.be.at.least(4);
      for (const call of fromCore) expect(call.args[1]).to.equal(location.origin);
    } finally {
      post.restore();
    }
  });
});

describe('trust: the emulator’s CIF library in the widget', () => {
  let frame: HTMLIFrameElement;
  let page: ReturnType<typeof listen>;

  beforeEach(async () => {
    page = listen();
    frame = document.createElement('iframe');
    frame.title = 'widget';
    // A widget on this origin that says the org (the CRM) is this origin too.
    frame.srcdoc = `<script data-cifid="CIFMainLibrary" data-crmurl="${location.origin}"></script>`;
    const loaded = new Promise((resolve) =>
      frame.addEventListener('load', resolve, { once: true }),
    );
    document.body.append(frame);
    await loaded;
  });
  afterEach(() => {
    frame.remove();
    page.stop();
  });

  /** The library's requests to the host (this page), by correlation id. */
  const requests = () =>
    page.received
      .map((m) => m.data as { messageType?: string; messageCorrelationId?: string } | null)
      .filter(
        (d) => typeof d?.messageType === 'string' && typeof d.messageCorrelationId === 'string',
      );

  it('a reply forged from another origin with the right correlation id is refused; a replayed reply is ignored', async () => {
    const win = frame.contentWindow as Window & typeof globalThis;
    const library = installCIFramework(win);
    const forger = await openForger();
    const index = Array.from({ length: window.frames.length }, (_, i) => window.frames[i]).indexOf(
      win,
    );
    const settled: unknown[] = [];
    const pending = library.getClickToAct().then(
      (value) => settled.push(['resolved', value]),
      (error: unknown) => settled.push(['rejected', error]),
    );
    await sleep(30);
    const request = requests().at(-1)!;
    expect(request.messageType).to.equal('getclicktoact');
    const reply = (value: unknown) => ({
      messageOutcome: MESSAGE_SUCCESS,
      messageData: new Map([['value', value]]),
      messageCorrelationId: request.messageCorrelationId,
      messageType: RESPONSE_TYPE,
    });

    // The forger knows the correlation id (say it was leaked): its reply must not settle the call.
    forger.forge(reply('forged'), index);
    await sleep(50);
    expect(settled).to.deep.equal([]);
    // It is told off, like the real library tells an untrusted sender.
    const told = page.received.find(
      (m) =>
        (m.data as { forgerGot?: { messageCorrelationId?: string } } | null)?.forgerGot
          ?.messageCorrelationId === request.messageCorrelationId,
    );
    expect(told, 'the forger got a refusal').to.not.equal(undefined);

    win.postMessage(reply(true), location.origin);
    await pending;
    expect(settled).to.deep.equal([['resolved', true]]);
    // Replays (from the host or the forger) change nothing.
    win.postMessage(reply(false), location.origin);
    forger.forge(reply(false), index);
    await sleep(50);
    expect(settled).to.deep.equal([['resolved', true]]);
    forger.remove();
    expect(page.errors).to.deep.equal([]);
  });

  it('events forged from another origin or an opaque frame reach no handler', async () => {
    const win = frame.contentWindow as Window & typeof globalThis;
    const library = installCIFramework(win);
    const heard: unknown[] = [];
    await library.addHandler('onclicktoact', (payload) => {
      heard.push(payload);
      return Promise.resolve();
    });
    const forger = await openForger();
    const index = Array.from({ length: window.frames.length }, (_, i) => window.frames[i]).indexOf(
      win,
    );
    const event = {
      messageType: 'onclicktoact',
      messageData: JSON.stringify({
        value: '+1 900 555 0100',
        name: 'telephone1',
        format: 'Phone',
      }),
      messageCorrelationId: 'forged-event',
    };
    forger.forge(event, index);
    await sleep(50);
    expect(heard).to.deep.equal([]);
    // The same event from the host is heard: the check can fail.
    win.postMessage({ ...event, messageCorrelationId: 'host-event' }, location.origin);
    await sleep(50);
    expect(heard).to.have.length(1);
    forger.remove();
  });
});

describe('trust: the emulator’s host (the Dynamics side)', () => {
  it('answers to an event forged from another origin, or replayed, settle nothing and change nothing', async () => {
    const page = listen();
    const { config } = normalizeConfig({
      persistence: 'none',
      provider: { landingUrl: `${location.origin}/trust/widget` },
    });
    const host = new Host({ config, warnings: [] });
    host.start();
    // The widget frame, on the landing URL's origin (this one), answering nothing by itself.
    const frame = document.createElement('iframe');
    frame.title = 'widget';
    frame.srcdoc = '<p>widget</p>';
    const loaded = new Promise((resolve) =>
      frame.addEventListener('load', resolve, { once: true }),
    );
    document.body.append(frame);
    await loaded;
    host.attachWidget(frame);
    const events: { messageCorrelationId: string; messageType: string }[] = [];
    frame.contentWindow!.addEventListener('message', (event: MessageEvent) => {
      events.push(event.data as { messageCorrelationId: string; messageType: string });
    });
    const forger = await openForger();
    try {
      let outcome: EventOutcome | undefined;
      void host.raiseEvent('onclicktoact', { value: '+16195550129' }).then((o) => (outcome = o));
      await sleep(30);
      const [raised] = events;
      expect(raised?.messageType).to.equal('onclicktoact');
      const answer = (value: unknown) => ({
        messageOutcome: MESSAGE_SUCCESS,
        messageData: value,
        messageCorrelationId: raised!.messageCorrelationId,
        messageType: RESPONSE_TYPE,
      });
      const security = () => host.inspector.entries.filter((e) => e.kind === 'security').length;

      // The correlation id leaked to another origin: its answer is refused, the event still pending.
      forger.forge(answer('forged'));
      await sleep(50);
      expect(outcome).to.equal(undefined);
      expect(security()).to.equal(1);

      // The widget answers; then the same answer again, and one for an id never raised.
      frame.contentWindow!.parent.postMessage(answer('real'), location.origin);
      await sleep(30);
      expect(outcome).to.deep.equal({ status: 'success', value: 'real' });
      const entries = host.inspector.entries.length;
      frame.contentWindow!.parent.postMessage(answer('replayed'), location.origin);
      frame.contentWindow!.parent.postMessage(
        { ...answer('unknown'), messageCorrelationId: 'never-raised' },
        location.origin,
      );
      forger.forge(answer('replayed by the forger'));
      await sleep(50);
      expect(outcome).to.deep.equal({ status: 'success', value: 'real' });
      // Only the forger's second try is logged (as refused); the replays change nothing.
      expect(host.inspector.entries.length).to.equal(entries + 1);
      expect(host.inspector.entries.at(-1)).to.include({ kind: 'security', status: 'rejected' });
      expect(page.errors).to.deep.equal([]);
    } finally {
      forger.remove();
      frame.remove();
      host.stop();
      page.stop();
    }
  });
});

describe('trust: no postMessage to "*" in shipped code', () => {
  it('every postMessage in packages/*/src (not tests) names its target origin', async () => {
    const { files, calls } = await executeServerCommand<
      { files: number; calls: { file: string; line: number; call: string }[] },
      unknown
    >('kit-source-scan');
    expect(files).to.be.greaterThan(100);
    expect(calls.length).to.be.at.least(5);
    const STAR = /,\s*['"`]\*['"`]|targetOrigin\s*:\s*['"`]\*['"`]/;
    // The check can fail.
    expect(STAR.test(".postMessage(data, '*')")).to.equal(true);
    expect(STAR.test('.postMessage(data, { targetOrigin: "*" })')).to.equal(true);
    const star = calls.filter((c) => STAR.test(c.call));
    expect(star).to.deep.equal([]);
    // One argument: only a BroadcastChannel (same origin by definition), never a window.
    const single = calls.filter((c) => !c.call.replace(/\{[^}]*\}/g, '{}').includes(','));
    expect(single.map((c) => c.file)).to.deep.equal(['packages/core/src/calls/store.ts']);
    // Core's only ones (a new one is a security review: name its target origin here).
    const core = calls.filter((c) => c.file.startsWith('packages/core/'));
    expect(core.map((c) => `${c.file}: ${c.call}`)).to.deep.equal([
      'packages/core/src/calls/simulator-channel.ts: .postMessage({ ...message, version: VERSION }, host.origin)',
      'packages/core/src/calls/store.ts: .postMessage(message)',
    ]);
  });
});
