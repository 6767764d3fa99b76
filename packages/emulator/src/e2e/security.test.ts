// Origin security: the host answers only the provider's landing-URL origin and its trusted domains;
// forged messages get the real error and change nothing. The library refuses forged events too.
import { expect } from '@open-wc/testing';
import { contactId } from '../dataverse/seed.js';
import {
  fixtureUrl,
  openHost,
  sleep,
  waitForMessage,
  type HostHarness,
} from '../test-utils/harness.js';

const UNTRUSTED =
  'Sender domain is not a recognised or is invalid and hence the message cant be processed';

interface ForgerReply {
  forger: 'reply';
  origin: string;
  reply: {
    messageOutcome: string;
    messageData: unknown;
    messageCorrelationId: string;
    messageType?: string;
  };
}

async function openForger(
  hostname: string,
): Promise<{ frame: HTMLIFrameElement; origin: string; remove(): void }> {
  const url = await fixtureUrl('forger.html', hostname);
  const frame = document.createElement('iframe');
  frame.title = 'forger';
  const ready = waitForMessage(
    (d) => (d as { forger?: string }).forger === 'ready',
    5000,
    'the forger',
  );
  frame.src = url;
  document.body.append(frame);
  await ready;
  return { frame, origin: new URL(url).origin, remove: () => frame.remove() };
}

function forge(
  forger: { frame: HTMLIFrameElement; origin: string },
  message: {
    messageType: string;
    messageData: unknown;
    correlationId?: string;
    target?: 'host' | 'widget';
    frameIndex?: number;
    noCorrelation?: boolean;
  },
): void {
  forger.frame.contentWindow?.postMessage({ forgerCommand: 'forge', ...message }, forger.origin);
}

describe('origin security', () => {
  let h: HostHarness;
  before(async () => {
    h = await openHost({ config: { provider: { trustedDomain: 'http://*.localhost' } } });
  });
  after(() => h.dispose());

  it('answers a forged request from an untrusted origin with the real error and changes nothing', async () => {
    const forger = await openForger('localhost'); // not the landing origin, and *.localhost needs a subdomain
    const contacts = h.host.dataverse.count('contact');
    const reply = waitForMessage<ForgerReply>(
      (d) =>
        (d as ForgerReply).forger === 'reply' &&
        (d as ForgerReply).reply.messageCorrelationId === 'forged-1',
    );
    forge(forger, {
      messageType: 'createrecord',
      messageData: new Map<string, unknown>([
        ['entityName', 'contact'],
        ['value', new Map([['lastname', 'Forged']])],
      ]),
      correlationId: 'forged-1',
    });
    const { reply: answer, origin } = await reply;
    expect(origin).to.equal(location.origin);
    expect(answer.messageOutcome).to.equal('failure');
    expect(answer.messageData).to.be.instanceOf(Map);
    expect((answer.messageData as Map<string, unknown>).get('message')).to.equal(UNTRUSTED);
    expect(h.host.dataverse.count('contact')).to.equal(contacts);
    const entry = h.host.inspector.entries.at(-1);
    expect(entry).to.include({
      kind: 'security',
      status: 'rejected',
      origin: forger.origin,
      name: 'createRecord',
    });

    // Forged state changes: none happen.
    const mode = h.host.panelMode;
    forge(forger, {
      messageType: 'setmode',
      messageData: new Map([['value', 2]]),
      correlationId: 'forged-2',
    });
    forge(forger, {
      messageType: 'createSession',
      messageData: new Map([['input', { templateName: 'GenericSession' }]]),
      correlationId: 'forged-3',
    });
    forge(forger, {
      messageType: 'setclicktoact',
      messageData: new Map([['value', false]]),
      noCorrelation: true,
    });
    await waitForMessage((d) => (d as ForgerReply).reply?.messageCorrelationId === 'forged-3');
    await sleep(50);
    expect(h.host.panelMode).to.equal(mode);
    expect(h.host.sessions).to.have.length(1);
    expect(h.host.clickToAct).to.equal(true);
    forger.remove();
  });

  it('accepts a trusted domain with a *. wildcard', async () => {
    const trusted = await openForger('app.localhost');
    const reply = waitForMessage<ForgerReply>(
      (d) => (d as ForgerReply).reply?.messageCorrelationId === 'trusted-1',
    );
    forge(trusted, { messageType: 'getwidth', messageData: new Map(), correlationId: 'trusted-1' });
    const { reply: answer } = await reply;
    expect(answer.messageOutcome).to.equal('success');
    expect((answer.messageData as Map<string, unknown>).get('value')).to.equal(340);
    trusted.remove();
  });

  it('the library in the widget refuses events forged by another host name', async () => {
    // Like the real library, it compares host names only (any port of the CRM host is trusted).
    const forger = await openForger('evil.localhost');
    const before = h.received.length;
    const index = Array.from({ length: window.frames.length }, (_, i) => window.frames[i]).indexOf(
      h.frame.contentWindow!,
    );
    const reply = waitForMessage<ForgerReply>(
      (d) => (d as ForgerReply).reply?.messageCorrelationId === 'forged-event',
    );
    forge(forger, {
      target: 'widget',
      frameIndex: index,
      messageType: 'onclicktoact',
      messageData: JSON.stringify({
        value: '+1 900 555 0100',
        name: 'telephone1',
        format: 'Phone',
        entityLogicalName: 'contact',
        entityId: contactId(1),
      }),
      correlationId: 'forged-event',
    });
    const { reply: answer, origin } = await reply;
    expect(origin).to.equal(h.widgetOrigin);
    expect(answer.messageOutcome).to.equal('failure');
    expect((answer.messageData as Map<string, unknown>).get('message')).to.equal(UNTRUSTED);
    await sleep(50);
    expect(h.received.slice(before).filter((e) => e.name === 'onclicktoact')).to.have.length(0);
    forger.remove();
  });

  it('ignores messages that are not CIF requests', async () => {
    const entries = h.host.inspector.entries.length;
    window.postMessage({ hello: 'world' }, '*');
    window.postMessage('just a string', '*');
    await sleep(30);
    expect(h.host.inspector.entries.length).to.equal(entries);
  });
});
