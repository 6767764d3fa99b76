/**
 * The scenes of the strict-CSP pages (`/csp/<scene>.html`, served by test/wtr-plugins.mjs with the
 * policy in the header): each puts a component (or the softphone) through its states and its lazily
 * loaded parts — panels, activity, the toast's view, the dialpad's behaviour, ringing, a call, wrap-up —
 * so that every template, style and script the kit uses runs under the policy. The page's collector
 * (`window.__csp`) records violations and errors; `done` says the scene finished.
 */
import type { CifCallControls } from '@cif-elements/call-controls';
import type { CifContactCard } from '@cif-elements/contact-card';
import type { CifDialpad } from '@cif-elements/dialpad';
import type { CifIncomingCallToast } from '@cif-elements/incoming-call-toast';
import type { CifSoftphone } from '../../../../softphone/src/CifSoftphone.js';

interface CspState {
  violations: unknown[];
  errors: string[];
  done: boolean;
  failure: string | null;
  steps: string[];
  status?: string;
  statusMessage?: string;
}

const csp = (window as unknown as { __csp: CspState }).__csp;
csp.steps = [];

const NOW = Date.UTC(2026, 2, 10, 15, 30, 0);

async function frames(count = 2): Promise<void> {
  for (let i = 0; i < count; i++) await new Promise((r) => requestAnimationFrame(r));
}

async function until(check: () => unknown, what: string, ms = 5000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

type Updatable = HTMLElement & { updateComplete: Promise<unknown> };

async function mount<E extends Updatable>(tag: string, props: Partial<E> = {}): Promise<E> {
  const el = document.createElement(tag) as E;
  Object.assign(el, props);
  document.body.append(el);
  await el.updateComplete;
  await frames();
  return el;
}

function step(name: string): void {
  csp.steps.push(name);
}

const inner = (el: Element, selector: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(selector);

const SCENES: Record<string, () => Promise<void>> = {
  async dialpad() {
    await import('@cif-elements/dialpad/cif-dialpad.js');
    const el = await mount<CifDialpad>('cif-dialpad', {
      region: 'US',
      regions: 'US GB DE',
      recents: [{ number: '+12015550143', name: 'Jane Doe', time: NOW - 600_000 }, '+442079460018'],
    });
    step('rendered');
    for (const key of ['2', '0', '1']) {
      const button = Array.from(el.shadowRoot!.querySelectorAll('button')).find((b) =>
        b.textContent?.trim().startsWith(key),
      );
      button?.click();
    }
    el.value = '+12015550123';
    await el.updateComplete;
    step('typed');
    el.doNotCall = () => ({ blocked: true, reason: 'On the do-not-call list' });
    await el.dial();
    step('blocked');
    el.doNotCall = undefined;
    el.value = '+12015550123';
    await el.dial();
    step('dialled');
    el.mode = 'dtmf';
    await el.updateComplete;
    step('dtmf');
    await frames();
  },

  async 'incoming-call-toast'() {
    await import('@cif-elements/incoming-call-toast/cif-incoming-call-toast.js');
    const el = await mount<CifIncomingCallToast>('cif-incoming-call-toast', {
      muted: true,
      timeout: 30,
      callWaiting: true,
      extras: 'voicemail hold end',
      calls: [
        {
          id: 'a',
          number: '+16195550129',
          name: 'Jane Doe',
          company: 'Contoso',
          queue: 'Billing',
          ivr: ['Billing', 'Speak to an agent'],
          fields: { Tier: 'Gold' },
          createdAt: Date.now(),
        },
        { id: 'b', number: '+442079460018', matches: [{ name: 'Alex' }, { name: 'Alexandra' }] },
      ],
    });
    await until(() => inner(el, 'button'), 'the toast view');
    step('ringing');
    inner(el, 'button')!.click();
    await el.updateComplete;
    step('answered');
    el.calls = [{ id: 'm', number: '+16195550129', name: 'Jane Doe', missed: true }];
    await el.updateComplete;
    step('missed');
    await frames();
  },

  async 'call-controls'() {
    await import('@cif-elements/call-controls/cif-call-controls.js');
    const el = await mount<CifCallControls>('cif-call-controls', {
      state: 'connected',
      callId: 'c1',
      recording: 'recording',
      quality: 'fair',
      layout: 'toolbar',
      callStart: NOW - 65_000,
      now: () => NOW,
    });
    step('connected');
    inner(el, '[data-key="keypad"]')?.click();
    await el.updateComplete;
    await frames();
    step('keypad');
    inner(el, '[data-key="transfer"]')?.click();
    await until(() => inner(el, '[part~=transfer]') ?? inner(el, 'input'), 'the transfer panel');
    step('transfer');
    Object.assign(el, { consultTarget: '+1 425 555 0199', conference: true });
    await el.updateComplete;
    step('consult');
    Object.assign(el, {
      state: 'wrap-up',
      consultTarget: '',
      wrapUpStart: NOW - 10_000,
      wrapUpDeadline: NOW + 50_000,
      dispositions: ['Resolved', { value: 'callback', label: 'Call back' }],
    });
    await until(() => inner(el, '[part~=wrap-up] select'), 'the wrap-up panel');
    step('wrap-up');
    el.layout = 'compact';
    el.state = 'held';
    await el.updateComplete;
    step('held');
    await frames();
  },

  async 'contact-card'() {
    await import('@cif-elements/contact-card/cif-contact-card.js');
    const el = await mount<CifContactCard>('cif-contact-card', {
      loading: true,
    });
    step('loading');
    el.loading = false;
    el.now = NOW;
    el.contact = {
      entityName: 'contact',
      id: '80ac35a0-01af-ea11-a812-000d3a8b3ec6',
      name: 'Alex Baker',
      jobTitle: 'Purchasing manager',
      company: 'Contoso',
      phones: [{ number: '+12065550100', type: 'mobile' }],
      emails: ['alex@contoso.com'],
      address: '1 Microsoft Way\nRedmond, WA 98052',
      timeZone: 'America/Los_Angeles',
      vip: true,
      fields: [{ label: 'Tier', value: 'Gold' }],
      activity: [{ type: 'phonecall', subject: 'Billing question', time: NOW - 86_400_000 }],
    };
    await until(() => inner(el, '[part~=activity-item]'), 'the activity');
    step('known');
    el.contact = undefined;
    el.number = '+12065550100';
    el.candidates = [
      { entityName: 'contact', id: 'c1', name: 'Alex Baker', company: 'Contoso' },
      { entityName: 'lead', id: 'c2', name: 'Alexandra Baker' },
    ];
    await el.updateComplete;
    step('matches');
    el.error = 'The lookup failed';
    await el.updateComplete;
    step('error');
    await frames();
  },

  async softphone() {
    const [{ SimulatedProvider, createCifClient }, { FakeCIFramework }] = await Promise.all([
      import('@cif-elements/core'),
      import('@cif-elements/core/testing'),
      import('../../../../softphone/src/cif-softphone.js'),
    ]);
    const fake = new FakeCIFramework({
      notificationAnswer: 'pending',
      records: {
        contact: [
          {
            contactid: 'c0000000-0000-4000-8000-000000000007',
            fullname: 'Amelia Hughes',
            jobtitle: 'Account Executive',
            telephone1: '+44 20 7946 0958',
          },
        ],
      },
    });
    const provider = new SimulatedProvider({ latencyMs: 0 });
    const el = await mount<CifSoftphone>('cif-softphone', {
      client: createCifClient(fake.library, { onError: () => undefined }),
      provider,
      storage: null,
      namespace: `csp-${Date.now()}`,
      wrapUpSeconds: 0,
    });
    await until(() => el.status === 'connected', 'connected');
    step('connected');
    await drive(el, provider.ring('+442079460958'));
    step('call');
  },

  async 'softphone-widget'() {
    // The shipped page (index.html → main.ts). Framed by the test page without a CRM URL, it runs
    // standalone; framed by the emulator's host with `?ucilib=`, core's loader injects the library.
    await customElements.whenDefined('cif-softphone');
    const el = document.querySelector<CifSoftphone>('cif-softphone')!;
    await until(() => el.status !== 'starting', 'started', 15_000);
    step(`status ${el.status}`);
    if (new URL(location.href).searchParams.has('ucilib')) {
      csp.status = el.status;
      csp.statusMessage = el.statusMessage;
      if (el.status === 'connected') {
        await until(() => el.store, 'the call store');
        const id = el.simulateIncomingCall();
        if (!id) throw new Error('no simulated call');
        await drive(el, id);
        step('call');
      }
      return;
    }
    await until(() => el.store, 'the call store');
    const id = el.simulateIncomingCall();
    if (!id) throw new Error('no simulated call');
    await drive(el, id);
    step('call');
  },
};

/** Rings, answers, ends and wraps up a call in the softphone, letting every part render. */
async function drive(el: CifSoftphone, id: string): Promise<void> {
  const store = el.store!;
  await until(() => store.getCall(id), 'the call');
  if (store.getCall(id)?.state === 'ringing') {
    const toast = el.shadowRoot!.querySelector<HTMLElement>('[part~=toast]')!;
    await until(() => toast.shadowRoot?.querySelector('button'), 'the toast');
    const card = el.shadowRoot!.querySelector<HTMLElement & { view?: string }>('[part~=card]')!;
    await until(() => card.view !== 'loading', 'the card', 8000);
    step('ringing');
    await store.answer(id);
  }
  await until(
    () => store.getCall(id)?.state === 'connected',
    `connected (the call: ${JSON.stringify(store.getCall(id))})`,
  );
  await frames();
  step('connected');
  await store.setMuted(id, true);
  await store.setHeld(id, true);
  await frames();
  await store.setHeld(id, false);
  await store.hangUp(id);
  await until(
    () => store.getSnapshot().calls.every((c) => c.state === 'ended' || c.id !== id),
    'ended',
  );
  await frames(3);
  step('ended');
}

async function run(): Promise<void> {
  const scene = /\/csp\/([a-z-]+)\.html$/.exec(location.pathname)?.[1] ?? '';
  const play = SCENES[scene];
  try {
    if (!play) throw new Error(`no scene ${scene}`);
    await play();
    await frames();
  } catch (error) {
    csp.failure = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
  } finally {
    csp.done = true;
  }
}

void run();
