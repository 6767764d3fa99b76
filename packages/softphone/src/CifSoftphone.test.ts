// <cif-softphone> in the test page: the composition over core's real pieces — the call store, the
// simulated provider, the CIF client over the fake CIF library (@cif-elements/core/testing) and the CIF
// workflows — checked through what the agent sees and what reaches "Dynamics" (the fake's recorded calls).
import '@cif-elements/base/locales/de.js';
import { setLocale } from '@cif-elements/base';
import {
  SimulatedProvider,
  createCifClient,
  type Call,
  type CifClient,
  type TelephonyProvider,
} from '@cif-elements/core';
import { FakeCIFramework } from '@cif-elements/core/testing';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import './cif-softphone.js';
import { CifSoftphone } from './CifSoftphone.js';
import type { CifStatusChangeEvent } from './events.js';

const AMELIA = 'c0000000-0000-4000-8000-000000000007';
const ALEX_CONTACT = 'c0000000-0000-4000-8000-000000000001';
const ALEX_LEAD = '1ead0000-0000-4000-8000-000000000005';

let counter = 0;
const ns = () => `softphone-test-${Date.now()}-${++counter}`;

function fakeOrg(options: ConstructorParameters<typeof FakeCIFramework>[0] = {}): FakeCIFramework {
  return new FakeCIFramework({
    notificationAnswer: 'pending',
    presences: ['Available', 'Busy'],
    records: {
      contact: [
        {
          contactid: AMELIA,
          fullname: 'Amelia Hughes',
          jobtitle: 'Account Executive',
          telephone1: '+44 20 7946 0958',
          address1_city: 'London',
          address1_country: 'United Kingdom',
        },
        { contactid: ALEX_CONTACT, fullname: 'Alex Baker', mobilephone: '619-555-0129' },
      ],
      lead: [{ leadid: ALEX_LEAD, fullname: 'Alex Baker', mobilephone: '619-555-0129' }],
    },
    ...options,
  });
}

interface Rig {
  el: CifSoftphone;
  fake: FakeCIFramework;
  client: CifClient;
  provider: SimulatedProvider;
}

async function connected(
  options: { fake?: FakeCIFramework; provider?: SimulatedProvider; attrs?: string } = {},
): Promise<Rig> {
  const fake = options.fake ?? fakeOrg();
  const client = createCifClient(fake.library, { onError: () => undefined });
  const provider = options.provider ?? new SimulatedProvider({ latencyMs: 0 });
  const el = await fixture<CifSoftphone>(
    html`<cif-softphone
      .client=${client}
      .provider=${provider}
      .storage=${null}
      namespace=${ns()}
      wrap-up-seconds="0"
    ></cif-softphone>`,
  );
  await waitUntil(() => el.status === 'connected', 'connected', { timeout: 3000 });
  return { el, fake, client, provider };
}

const part = <T extends Element = HTMLElement>(el: CifSoftphone, name: string) =>
  el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
const inner = (host: Element | null, selector: string) =>
  host?.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
const calls = (el: CifSoftphone): readonly Call[] => el.store?.getSnapshot().calls ?? [];
const call = (el: CifSoftphone, id: string) => calls(el).find((c) => c.id === id);
const until = (check: () => unknown, what: string) =>
  waitUntil(() => Boolean(check()), what, { timeout: 8000 });

/** Animations in the softphone and every shadow root below it. */
function animations(root: Element): Animation[] {
  const found: Animation[] = [];
  const walk = (node: Element) => {
    if (node.shadowRoot) {
      found.push(...node.shadowRoot.getAnimations());
      node.shadowRoot.querySelectorAll('*').forEach(walk);
    }
  };
  walk(root);
  return found;
}

/** Waits for the components' entrance animations, so axe measures the final colours. */
async function settled(el: CifSoftphone): Promise<void> {
  for (let round = 0; round < 5; round++) {
    await el.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const running = animations(el).filter(
      (a) => a.playState === 'running' && a.effect?.getComputedTiming().endTime !== Infinity,
    );
    if (running.length === 0) return;
    await Promise.all(running.map((a) => a.finished.catch(() => undefined)));
  }
}

/** axe in the softphone's current state. */
async function accessible(el: CifSoftphone): Promise<void> {
  await settled(el);
  await expect(el).to.be.accessible();
}

/** Clicks a button of a component inside the softphone, found by its accessible text or name. */
function button(host: Element | null, name: RegExp): HTMLButtonElement {
  const found = [...(host?.shadowRoot?.querySelectorAll<HTMLButtonElement>('button') ?? [])].find(
    (b) => name.test(b.getAttribute('aria-label') ?? '') || name.test(b.textContent ?? ''),
  );
  if (!found) throw new Error(`no button ${String(name)}`);
  return found;
}

afterEach(() => {
  setLocale(undefined);
  CifSoftphone.isFramed = (win: Window) => win.top !== win;
});

describe('<cif-softphone> standalone', () => {
  it('outside any host: a banner says so, calls still work, and a simulated call rings the toast', async () => {
    const el = await fixture<CifSoftphone>(
      html`<cif-softphone .storage=${null} namespace=${ns()}></cif-softphone>`,
    );
    await until(() => el.status === 'standalone', 'standalone');
    expect(part(el, 'status')!.textContent).to.contain('Standalone');
    expect(part(el, 'banner')!.textContent).to.contain('Not running inside Dynamics 365');
    expect(el.workflows).to.equal(undefined);
    expect(el.cifVersion).to.equal(undefined);
    expect(el.statusMessage).to.contain('Not running inside Dynamics 365');
    expect(part(el, 'dialpad')!.hidden).to.equal(false);
    await accessible(el);

    button(el, /Simulate an incoming call/).click();
    await until(() => calls(el)[0]?.state === 'ringing', 'ringing');
    const toast = part<HTMLElement & { shownCalls: { name?: string }[] }>(el, 'toast')!;
    await until(() => toast.shownCalls.length === 1, 'the toast');
    expect(toast.shownCalls[0]!.name).to.equal('Alex Baker');
    // A ringing call leaves the dialpad to the agent who is typing a number.
    expect(part(el, 'dialpad')!.hidden).to.equal(false);
    await accessible(el);
    // Next demo callers, then any number.
    expect(el.simulateIncomingCall()).to.be.a('string');
    expect(el.simulateIncomingCall('+16195550100', 'Sam')).to.be.a('string');
  });

  it('standalone on request even in a frame, and no simulator without a simulated provider', async () => {
    CifSoftphone.isFramed = () => true;
    const provider: TelephonyProvider = {
      capabilities: { canDial: true },
      subscribe: () => () => undefined,
      dial: () => Promise.resolve(),
      hangUp: () => Promise.resolve(),
    };
    const el = await fixture<CifSoftphone>(
      html`<cif-softphone
        standalone
        .provider=${provider}
        .storage=${null}
        namespace=${ns()}
      ></cif-softphone>`,
    );
    await until(() => el.status === 'standalone', 'standalone');
    expect(el.simulateIncomingCall()).to.equal(undefined);
    expect(part(el, 'banner')!.querySelector('button')).to.equal(null);
  });
});

describe('<cif-softphone> in Dynamics 365 (CIF 2.0, over the fake library)', () => {
  it('announces the connection and runs every workflow', async () => {
    const fake = fakeOrg();
    const client = createCifClient(fake.library, { onError: () => undefined });
    const el = document.createElement('cif-softphone');
    el.client = client;
    el.provider = new SimulatedProvider({ latencyMs: 0 });
    el.storage = null;
    el.namespace = ns();
    const statuses: string[] = [];
    el.addEventListener('cif-status-change', (event: CifStatusChangeEvent) =>
      statuses.push(event.detail.status),
    );
    const ready = oneEvent(el, 'cif-status-change');
    document.body.append(el);
    try {
      await ready;
      await until(() => el.status === 'connected', 'connected');
      expect(statuses).to.deep.equal(['connected']);
      expect(el.cifVersion).to.equal(2);
      expect(part(el, 'status')!.textContent).to.contain('CIF 2.0');
      expect(el.workflows).to.not.equal(undefined);
      expect(fake.callsTo('setClickToAct')).to.have.length(1);
      expect(part(el, 'banner')).to.equal(null);
    } finally {
      el.remove();
    }
  });

  it('an inbound call: match, notification, answer in the widget, session, screen pop, card, wrap-up, activity', async () => {
    const { el, fake, provider } = await connected();
    const id = provider.ring('+442079460958');
    await until(() => call(el, id)?.lookup === 'done', 'the caller lookup');
    expect(call(el, id)!.matches.map((m) => m.name)).to.deep.equal(['Amelia Hughes']);
    await until(() => fake.callsTo('notifyEvent').length === 1, 'the host notification');

    const toast = part(el, 'toast');
    await until(() => inner(toast, 'button'), 'the toast buttons');
    await accessible(el);
    const card = part<HTMLElement & { view: string }>(el, 'card')!;
    await until(() => card?.view === 'known', 'the card');

    button(toast, /Answer call from Amelia Hughes/).click();
    await until(() => call(el, id)?.state === 'connected', 'connected');
    await until(() => fake.callsTo('createSession').length === 1, 'a session');
    await until(() => fake.callsTo('openForm').length === 1, 'the screen pop');
    expect(fake.callsTo('cancelEvent')).to.have.length(1);
    expect(JSON.parse(fake.callsTo('openForm')[0]!.args[0] as string)).to.include({
      entityName: 'contact',
      entityId: AMELIA,
    });
    await until(() => fake.presence === 'Busy', 'presence on call');
    await accessible(el);

    const controls = part(el, 'controls');
    button(controls, /End call/).click();
    await until(() => call(el, id)?.state === 'ended', 'ended');
    await until(() => inner(controls, '[part~="wrap-up"]'), 'wrap-up');
    await accessible(el);
    const form = inner(controls, '[part~="wrap-up"]') as HTMLFormElement;
    form.requestSubmit();
    await until(() => fake.callsTo('createRecord').length === 1, 'the activity');
    const [entity, data] = fake.callsTo('createRecord')[0]!.args as [string, string];
    expect(entity).to.equal('phonecall');
    expect(JSON.parse(data)).to.include({
      subject: 'Call from Amelia Hughes',
      directioncode: false,
      'regardingobjectid_contact_phonecall@odata.bind': `/contacts(${AMELIA})`,
    });
    await until(() => calls(el).length === 0, 'idle');
    expect(part(el, 'dialpad')!.hidden).to.equal(false);
    // The dialpad offers the call again.
    await el.updateComplete;
    const dialpad = part<HTMLElement & { recents: unknown[] }>(el, 'dialpad')!;
    expect(dialpad.recents).to.have.length(1);
    expect(dialpad.recents[0]).to.include({ number: '+442079460958', name: 'Amelia Hughes' });
  });

  it('click-to-act dials the clicked number with the record as regarding', async () => {
    const { el, fake, provider } = await connected();
    await fake.clickToActFrom({
      value: '619-555-0129',
      name: 'mobilephone',
      format: 'Phone',
      entityLogicalName: 'contact',
      entityId: ALEX_CONTACT,
      recordTitle: 'Alex Baker',
    });
    await until(() => calls(el)[0]?.direction === 'outbound', 'dialing');
    const placed = calls(el)[0]!;
    expect(placed.remoteNumber).to.equal('+16195550129');
    expect(placed.regarding).to.include({ entityName: 'contact', id: ALEX_CONTACT });
    provider.remoteAnswer(placed.id);
    await until(() => call(el, placed.id)?.state === 'connected', 'connected');
    expect(fake.callsTo('createSession')).to.have.length(0);
  });

  it('several matches: the card lists them and the chosen one becomes the call’s record', async () => {
    const { el, provider } = await connected();
    const id = provider.ring('+16195550129');
    await until(() => call(el, id)?.matches.length === 2, 'two matches');
    const card = part<HTMLElement & { view: string }>(el, 'card')!;
    await until(() => card.view === 'matches', 'the picker');
    const options = card.shadowRoot!.querySelectorAll<HTMLElement>('[part~="option"]');
    expect(options).to.have.length(2);
    options[1]!.click();
    await until(() => call(el, id)?.regarding?.id === ALEX_LEAD, 'the chosen lead');
    await accessible(el);
  });

  it('call waiting: the waiting call rings beside the live one; answering holds the first, which can be resumed', async () => {
    const { el, fake, provider } = await connected();
    const first = provider.ring('+442079460958');
    await until(() => call(el, first)?.lookup === 'done', 'lookup');
    await el.store!.answer(first);
    const second = provider.ring('+16195550129');
    await until(() => fake.callsTo('notifyEvent').length === 2, 'the second notification');
    fake.answerNotification({ actionName: 'Accept', responseReason: 'Accept' }, second);
    await until(() => call(el, second)?.state === 'connected', 'second connected');
    expect(call(el, first)!.state).to.equal('held');
    await el.updateComplete;
    const held = part(el, 'held')!;
    expect(held.textContent).to.contain('Amelia Hughes').and.contain('On hold');
    await accessible(el);
    button(el, /Resume call with Amelia Hughes/).click();
    await until(() => call(el, first)?.state === 'connected', 'first resumed');
    expect(call(el, second)!.state).to.equal('held');
    // The agent hangs up on the first caller: wrap-up shows while the other waits on hold.
    await el.store!.hangUp(first);
    await until(() => inner(part(el, 'controls'), '[part~="wrap-up"]'), 'wrap-up');
    await until(
      () => part(el, 'held')?.textContent?.includes('+1 619 555 0129'),
      'the other, held',
    );
    button(el, /End call with \+1 619 555 0129/).click();
    await until(() => call(el, second)?.state === 'ended', 'second ended');
  });

  it('keyboard: answering with the toast’s shortcut keeps focus in the widget, on the controls', async () => {
    const { el, provider } = await connected();
    const dialpad = part(el, 'dialpad')!;
    dialpad.focus();
    expect(el.matches(':focus-within')).to.equal(true);
    const id = provider.ring('+442079460958');
    await until(() => call(el, id)?.lookup === 'done', 'lookup');
    await until(() => inner(part(el, 'toast'), 'button'), 'the toast');
    await sendKeys({ down: 'Alt' });
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'KeyY' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ up: 'Alt' });
    await until(() => call(el, id)?.state === 'connected', 'answered by shortcut');
    await until(() => el.matches(':focus-within'), 'focus in the widget');
    expect(part(el, 'controls')!.matches(':focus-within')).to.equal(true);
  });

  it('the user’s Dynamics language applies to the components and the softphone', async () => {
    const { el } = await connected({ fake: fakeOrg({ environment: { userLcid: 1031 } }) });
    await until(() => part(el, 'title')?.textContent?.trim() === 'Telefon', 'German');
  });

  it('failed activities are kept and offered again', async () => {
    const fake = fakeOrg();
    fake.override('createRecord', { fail: { shape: 'json', message: 'Dataverse is down' } });
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const { el, provider } = await connected({ fake });
      el.workflowOptions = { activity: { retryDelaysMs: [] } };
      el.reconnect();
      await until(() => el.status === 'connected', 'reconnected');
      const id = provider.ring('+442079460958');
      await el.store!.answer(id);
      await el.store!.hangUp(id);
      await until(() => call(el, id)?.wrapUp, 'wrap-up');
      await el.store!.completeWrapUp(id);
      await until(
        () => part(el, 'banner')?.textContent?.includes('could not be saved'),
        'the notice',
      );
      await accessible(el);
      fake.reset('createRecord');
      button(el, /Retry/).click();
      await until(() => !part(el, 'banner'), 'saved');
      expect(errors.length).to.be.greaterThan(0);
    } finally {
      console.error = original;
    }
  });

  it('a second softphone of the same namespace mirrors the first, read-only', async () => {
    const fake = fakeOrg();
    const client = createCifClient(fake.library, { onError: () => undefined });
    const namespace = ns();
    const make = () =>
      fixture<CifSoftphone>(
        html`<cif-softphone
          .client=${client}
          .provider=${new SimulatedProvider({ latencyMs: 0 })}
          .storage=${null}
          namespace=${namespace}
        ></cif-softphone>`,
      );
    const first = await make();
    await until(() => first.store?.getSnapshot().role === 'owner', 'owner');
    const second = await make();
    await until(() => second.store?.getSnapshot().role === 'follower', 'follower');
    await until(() => part(second, 'banner')?.textContent?.includes('another window'), 'notice');
  });

  it('restarts on a new provider and stops everything when removed', async () => {
    const { el } = await connected();
    const before = el.store;
    const next = new SimulatedProvider({ latencyMs: 0 });
    el.provider = next;
    await until(() => el.store !== before && el.status === 'connected', 'restarted');
    expect(before!.getSnapshot().role).to.equal('disposed');
    const store = el.store!;
    el.remove();
    await Promise.resolve();
    await Promise.resolve();
    expect(store.getSnapshot().role).to.equal('disposed');
  });

  it('moving the element in the DOM keeps it running', async () => {
    const { el } = await connected();
    const store = el.store;
    const other = document.createElement('div');
    document.body.append(other);
    other.append(el);
    await Promise.resolve();
    await Promise.resolve();
    expect(el.store).to.equal(store);
    expect(store!.getSnapshot().role).to.equal('owner');
    other.remove();
  });
});

describe('<cif-softphone> loading the CIF library', () => {
  it('framed without a CRM URL: standalone, saying how to give one', async () => {
    CifSoftphone.isFramed = () => true;
    const el = await fixture<CifSoftphone>(
      html`<cif-softphone .storage=${null} namespace=${ns()}></cif-softphone>`,
    );
    await until(() => el.status === 'standalone', 'standalone');
    expect(el.statusMessage).to.contain('data-crmurl');
  });

  it('a library that cannot be loaded: an error with Retry', async () => {
    CifSoftphone.isFramed = () => true;
    const el = await fixture<CifSoftphone>(
      html`<cif-softphone
        crm-url=${`${location.origin}/no-such-org`}
        .storage=${null}
        namespace=${ns()}
      ></cif-softphone>`,
    );
    await until(() => el.status === 'error', 'error');
    expect(part(el, 'status')!.textContent).to.contain('Not connected to Dynamics 365');
    expect(part(el, 'banner')!.textContent).to.contain('Dynamics 365 could not be reached');
    await accessible(el);
    const again = oneEvent(el, 'cif-status-change');
    button(el, /Retry/).click();
    expect((await again).detail.status).to.equal('starting');
    await until(() => el.status === 'error', 'error again');
    for (const script of document.querySelectorAll('script[data-cifid]')) script.remove();
  });

  it('the library on the page: connected; a host that refuses the sender says to trust the origin', async () => {
    CifSoftphone.isFramed = () => true;
    const fake = fakeOrg();
    fake.override('getEnvironment', {
      fail: {
        shape: 'json',
        message:
          'Sender domain is not a recognised or is invalid and hence the message cant be processed',
      },
    });
    const uninstall = fake.install();
    try {
      const el = await fixture<CifSoftphone>(
        html`<cif-softphone .storage=${null} namespace=${ns()}></cif-softphone>`,
      );
      await until(() => el.status === 'error', 'error');
      expect(el.statusMessage).to.contain('trusted domain').and.contain(location.origin);
    } finally {
      uninstall();
    }
  });

  it('a host that refuses CIF 2.0 calls is a CIF 1.0 app; api-version forces either', async () => {
    CifSoftphone.isFramed = () => true;
    const fake = fakeOrg({ environment: { cifVersion: '9.2.0.49' } });
    fake.override('canCreateSession', { fail: 'map' });
    const uninstall = fake.install();
    try {
      const el = await fixture<CifSoftphone>(
        html`<cif-softphone .storage=${null} namespace=${ns()}></cif-softphone>`,
      );
      await until(() => el.status === 'connected', 'connected');
      expect(el.cifVersion).to.equal(1);
      const forced = await fixture<CifSoftphone>(
        html`<cif-softphone api-version="2" .storage=${null} namespace=${ns()}></cif-softphone>`,
      );
      await until(() => forced.status === 'connected', 'connected');
      expect(forced.cifVersion).to.equal(2);
    } finally {
      uninstall();
    }
  });
});

describe('<cif-softphone> in a CIF 1.0 app', () => {
  it('docks the panel on answer instead of a session, and no notification', async () => {
    const { el, fake, provider } = await connected({ fake: fakeOrg({ version: 1 }) });
    expect(el.cifVersion).to.equal(1);
    const id = provider.ring('+442079460958');
    await until(() => call(el, id)?.lookup === 'done', 'lookup');
    await el.store!.answer(id);
    await until(() => fake.callsTo('setMode').length === 1, 'docked');
    expect(fake.callsTo('notifyEvent')).to.have.length(0);
  });
});
