// The softphone under faults, through the emulator's fault injection (`pnpm start`'s stack: the emulator with
// the softphone framed from its own origin, CIF 2.0): latency on every answer, each CIF API the softphone uses
// failing in the real error shapes, timeouts, dropped events, the library never loading, and the widget
// reloading mid-call. Asserted from what the agent has: a plain-words notice in the widget (and the kit's
// polite live region), a widget that keeps working (the next call goes through), no call lost, and every
// phonecall activity written exactly once in the emulator's Dataverse. Counts are logged.
import { announcements } from '@cif-elements/base';
import { SimulatedProvider, createCifClient } from '@cif-elements/core';
import { FakeCIFramework } from '@cif-elements/core/testing';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { CifSoftphone } from '../CifSoftphone.js';
import '../cif-softphone.js';
import {
  click,
  problems,
  reloadWidget,
  run,
  startStack,
  stopStack,
  until,
  type Stack,
} from '../test-utils/e2e.js';

const SP = `const sp = document.querySelector('cif-softphone');
const calls = () => sp.store?.getSnapshot().calls ?? [];
const part = (name) => sp.shadowRoot.querySelector('[part~="' + name + '"]');
const text = (node) => (node?.textContent ?? '').replace(/\\s+/g, ' ').trim();`;
const HOST = `const h = window.cifEmulator.host;`;
const DISMISS = 'cif-softphone >>> ::-p-aria(Dismiss)';

/** Faults injected in this file, by kind (logged at the end). */
const injected = new Map<string, number>();
const count = (kind: string) => injected.set(kind, (injected.get(kind) ?? 0) + 1);

describe('softphone faults over the fake library (in the test page)', () => {
  it('a failed lookup and a slow activity write: plain words, announced, dismissed; then saved once', async () => {
    const fake = new FakeCIFramework({
      notificationAnswer: 'pending',
      presences: ['Available', 'Busy'],
      records: { contact: [{ fullname: 'Amelia Hughes', telephone1: '+44 20 7946 0958' }] },
    });
    fake.override('searchAndOpenRecords', {
      fail: { shape: 'json', message: 'Injected' },
      times: 1,
    });
    fake.override('createRecord', { fail: 'json', times: 1 });
    count('searchAndOpenRecords fails (fake library)');
    count('createRecord fails (fake library)');
    const client = createCifClient(fake.library, { onError: () => undefined });
    const provider = new SimulatedProvider({ latencyMs: 0 });
    const error = console.error;
    console.error = () => undefined;
    try {
      const el = await fixture<CifSoftphone>(
        html`<cif-softphone
          .client=${client}
          .provider=${provider}
          .storage=${null}
          .workflowOptions=${{ activity: { markCompleted: true, retryDelaysMs: [300] } }}
          namespace=${`faults-fake-${Date.now()}`}
          wrap-up-seconds="0"
        ></cif-softphone>`,
      );
      await waitUntil(() => el.status === 'connected', 'connected', { timeout: 5000 });
      const wait = (check: () => boolean, what: string) =>
        waitUntil(check, what, { timeout: 8000 });
      const banner = () => el.shadowRoot!.querySelector('[part~="banner"]')?.textContent ?? '';
      const id = provider.ring('+442079460958');
      await wait(
        () => banner().includes('The caller could not be looked up in Dynamics 365.'),
        'the notice',
      );
      await wait(
        () => announcements().polite === 'The caller could not be looked up in Dynamics 365.',
        'announced',
      );
      await el.store!.answer(id);
      await el.store!.hangUp(id);
      await el.store!.completeWrapUp(id);
      await wait(() => banner().includes('Saving a phone call activity'), 'saving again');
      const dismiss = [...el.shadowRoot!.querySelectorAll('button')].find((b) =>
        b.textContent?.includes('Dismiss'),
      )!;
      dismiss.click();
      await wait(() => !banner().includes('could not be looked up'), 'dismissed');
      await wait(() => !el.shadowRoot!.querySelector('[part~="banner"]'), 'saved');
      expect(fake.records('phonecall')).to.have.length(1);
    } finally {
      console.error = error;
    }
  });
});

describe('softphone faults: the CIF library never loads', () => {
  afterEach(() => {
    CifSoftphone.isFramed = (win: Window) => win.top !== win;
    for (const script of document.querySelectorAll('script[data-cifid]')) script.remove();
    delete document.documentElement.dataset.cifLoginRedirect;
  });

  it('a sign-in redirect instead of the library: an error in plain words, with Retry that works', async () => {
    CifSoftphone.isFramed = () => true;
    count('library never loads');
    const warn = console.warn;
    const warnings: unknown[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      const el = await fixture<CifSoftphone>(
        html`<cif-softphone
          crm-url=${`${location.origin}/packages/emulator/src/test-utils/login-redirect`}
          .storage=${null}
          namespace=${`faults-${Date.now()}`}
        ></cif-softphone>`,
      );
      await waitUntil(() => el.status === 'error', 'error', { timeout: 8000 });
      // The redirect's script ran (the request succeeded) but there is no library.
      expect(document.documentElement.dataset.cifLoginRedirect).to.equal('loaded');
      const banner = el.shadowRoot!.querySelector('[part~="banner"]')!;
      expect(banner.textContent).to.contain(
        'Dynamics 365 did not let the widget in: sign in to Dynamics 365 in this browser and allow its cookies, then retry.',
      );
      expect(el.shadowRoot!.querySelector('[part~="status"]')!.textContent).to.contain(
        'Not connected to Dynamics 365',
      );
      // The loader's typed result is logged for the vendor.
      expect(warnings.join('\n')).to.contain('library-missing');
      // The widget stays usable: Retry tries again (and says the same), the dialpad is there.
      banner.querySelector('button')!.click();
      await waitUntil(() => el.status === 'starting' || el.status === 'error', 'retry');
      await waitUntil(() => el.status === 'error', 'error again', { timeout: 8000 });
      expect(el.shadowRoot!.querySelector<HTMLElement>('[part~="dialpad"]')!.hidden).to.equal(
        false,
      );
    } finally {
      console.warn = warn;
    }
  });
});

describe('softphone faults in the emulator (CIF 2.0)', function () {
  this.timeout(90_000);
  let stack: Stack;
  let calls = 0;
  const widget = <T>(script: string) => run<T>(stack, 'widget', `${SP}\n${script}`);
  const host = <T>(script: string) => run<T>(stack, 'host', `${HOST}\n${script}`);
  const waitWidget = <T>(script: string, what: string, timeout?: number) =>
    until<T>(stack, 'widget', `${SP}\n${script}`, what, timeout);
  const waitHost = <T>(script: string, what: string, timeout?: number) =>
    until<T>(stack, 'host', `${HOST}\n${script}`, what, timeout);
  const banner = () => widget<string>(`return text(part('banner'));`);
  /** Everything the kit's live regions said since {@link listen} (they keep only the latest). */
  const announced = () => widget<string>(`return (window.__heard ?? []).join(' | ');`);
  const listen = () =>
    widget(
      `window.__heard = [];
       new MutationObserver(() => {
         for (const region of document.querySelectorAll('[aria-live]')) {
           const said = text(region);
           if (said && window.__heard.at(-1) !== said) window.__heard.push(said);
         }
       }).observe(document.body, { subtree: true, childList: true, characterData: true });
       return true;`,
    );
  const phonecalls = (number: string) =>
    host<number>(
      `return h.dataverse.query('phonecall', "$select=activityid&$filter=phonenumber eq '${number}'").length;`,
    );
  const fault = (rule: Record<string, unknown>) =>
    host(`h.faults.add(${JSON.stringify(rule)}); return true;`);

  /** Rings from the call simulator; resolves the call id once the widget has it. */
  async function ring(number: string): Promise<string> {
    const id = await host<string>(`return h.simulator.ring(${JSON.stringify(number)});`);
    await waitWidget(`return calls().some((c) => c.id === '${id}');`, `call ${id} in the widget`);
    calls++;
    return id;
  }

  /** Answers, ends and wraps up a call in the widget; resolves once its activity is in Dataverse. */
  async function complete(
    id: string,
    e164: string,
    options: { before?: number; whileConnected?: () => Promise<unknown> } = {},
  ) {
    const before = options.before ?? (await phonecalls(e164));
    await waitWidget(
      `const c = calls().find((c) => c.id === '${id}'); return c && c.lookup !== 'pending';`,
      'the caller lookup',
      10_000,
    );
    await widget(`await sp.store.answer('${id}'); return true;`);
    await waitWidget(
      `return calls().find((c) => c.id === '${id}')?.state === 'connected';`,
      'connected',
    );
    await options.whileConnected?.();
    await widget(`await sp.store.hangUp('${id}'); return true;`);
    await widget(`await sp.store.completeWrapUp('${id}', { notes: 'faults' }); return true;`);
    await waitHost(
      `return h.dataverse.query('phonecall', "$select=activityid&$filter=phonenumber eq '${e164}'").length > ${before};`,
      `the activity of ${e164}`,
      20_000,
    );
    expect(await phonecalls(e164), `one activity for ${id}`).to.equal(before + 1);
  }

  before(async () => {
    stack = await startStack(2, { apiTimeoutMs: 1500 });
    await waitWidget(`return sp?.status === 'connected';`, 'connected', 15_000);
    await waitHost(`return h.simulator.ready;`, 'the call simulator');
    await listen();
  });

  afterEach(async function () {
    await host(
      `h.faults.clear(); for (const s of h.providerSessions) h.userCloseSession(s.id); return true;`,
    );
    await widget(
      `for (const c of calls()) if (c.state !== 'ended') await sp.store.hangUp(c.id).catch(() => sp.store.decline(c.id)).catch(() => {});
       for (const c of calls()) await sp.store.completeWrapUp(c.id).catch(() => {});
       return true;`,
    ).catch(() => undefined);
    // Workflow problems are logged (console.error) on purpose; anything else is a failure.
    const found = (await problems(stack, true)).filter((p) => !p.includes('[cif-softphone]'));
    expect(found.join('\n'), `problems during "${this.currentTest?.title ?? ''}"`).to.equal('');
  });

  after(async () => {
    console.log(
      `[faults] ${calls} calls; faults injected: ${[...injected].map(([k, n]) => `${k} ${n}`).join(', ')}`,
    );
    await stopStack(stack);
  });

  it('latency on every answer: the call goes through, nothing to report, logged once', async () => {
    await host(`h.faults.setLatency(400); return true;`);
    count('latency');
    const id = await ring('+44 20 7946 0958');
    await complete(id, '+442079460958');
    expect(await banner()).to.equal('');
    expect(await widget(`return sp.status;`)).to.equal('connected');
  });

  const failures: readonly {
    api: string;
    shape?: string;
    says: string;
  }[] = [
    { api: 'searchAndOpenRecords', says: 'The caller could not be looked up in Dynamics 365.' },
    {
      api: 'notifyEvent',
      says: 'Dynamics 365 could not show the incoming-call notification: answer here.',
    },
    {
      api: 'createSession',
      shape: 'map',
      says: 'Dynamics 365 could not open a session for the call.',
    },
    {
      api: 'createSession',
      shape: 'json',
      says: 'Dynamics 365 could not open a session for the call.',
    },
    {
      api: 'createSession',
      shape: 'object',
      says: 'Dynamics 365 could not open a session for the call.',
    },
    {
      api: 'createSession',
      shape: 'string',
      says: 'Dynamics 365 could not open a session for the call.',
    },
    { api: 'openForm', says: 'Dynamics 365 could not open the caller’s record.' },
    {
      api: 'setPresence',
      shape: 'map',
      says: 'Your presence in Dynamics 365 could not be changed.',
    },
  ];

  it('each CIF API the softphone uses fails, in the real error shapes: the agent reads what failed; the call goes on and is logged once', async () => {
    for (const { api, shape, says } of failures) {
      await fault({
        api,
        action: 'fail',
        message: 'Injected failure',
        times: 1,
        ...(shape ? { shape } : {}),
      });
      count(`${api} fails (${shape ?? 'its real shape'})`);
      const id = await ring('+44 20 7946 0958');
      // The agent, on the call, reads and hears what failed.
      await complete(id, '+442079460958', {
        whileConnected: () =>
          waitWidget(
            `return text(part('banner')).includes(${JSON.stringify(says)}) && (window.__heard ?? []).includes(${JSON.stringify(says)});`,
            `"${says}" shown and announced (${api} ${shape ?? ''})`,
          ),
      });
      expect(await banner(), `${api} ${shape ?? ''}`).to.contain(says);
      expect(await announced(), `${api} announced`).to.contain(says);
      // The agent dismisses the notice; the widget is idle and ready for the next call.
      await click(stack, 'widget', DISMISS);
      await waitWidget(`return !part('banner');`, 'the notice dismissed');
      await host(`for (const s of h.providerSessions) h.userCloseSession(s.id); return true;`);
    }
  });

  it('timeouts: a caller lookup that never answers is reported; an activity write that times out is saved once', async () => {
    await fault({ api: 'searchAndOpenRecords', action: 'timeout', times: 1 });
    count('searchAndOpenRecords times out');
    const first = await ring('+27 82 555 0101');
    await complete(first, '+27825550101');
    expect(await banner()).to.contain(
      'The caller could not be looked up in Dynamics 365. Dynamics 365 did not answer in time.',
    );
    await click(stack, 'widget', DISMISS);

    await fault({ api: 'createRecord', action: 'timeout', times: 1 });
    count('createRecord times out');
    const before = await phonecalls('+27825550101');
    const second = await ring('+27 82 555 0101');
    const done = complete(second, '+27825550101', { before });
    // While the write is retried the agent reads that it is being saved.
    await waitWidget(
      `return text(part('banner')).includes('Saving a phone call activity');`,
      'the saving notice',
      10_000,
    );
    await done;
    await waitWidget(`return !part('banner');`, 'the notice gone once saved', 10_000);
  });

  it('a failing activity write in the real shape is retried and saved once', async () => {
    await fault({ api: 'createRecord', action: 'fail', message: 'Dataverse is busy', times: 1 });
    count('createRecord fails');
    const id = await ring('+1 416 555 0143');
    await complete(id, '+14165550143');
    await waitWidget(`return !part('banner');`, 'no notice once saved', 10_000);
  });

  it('a dropped click-to-act event places no call; the next click does', async () => {
    const contactId = await host<string>(
      `return h.dataverse.query('contact', "$select=contactid&$filter=fullname eq 'Chloé Gagnon'")[0].contactid;`,
    );
    await fault({ event: 'onclicktoact', action: 'drop', times: 1 });
    count('onclicktoact dropped');
    const dropped = await host<string>(
      `return (await h.userClickToAct('contact', '${contactId}', 'telephone1')).status;`,
    );
    expect(dropped).to.equal('dropped');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await widget<number>(`return calls().length;`)).to.equal(0);
    await host(`await h.userClickToAct('contact', '${contactId}', 'telephone1'); return true;`);
    const id = await waitWidget<string>(
      `return calls().find((c) => c.direction === 'outbound')?.id;`,
      'the outbound call',
    );
    calls++;
    await host(`h.simulator.answer('${id}'); return true;`);
    await waitWidget(
      `return calls().find((c) => c.id === '${id}')?.state === 'connected';`,
      'connected',
    );
    const before = await phonecalls('+14165550143');
    await widget(
      `await sp.store.hangUp('${id}'); await sp.store.completeWrapUp('${id}'); return true;`,
    );
    await waitHost(
      `return h.dataverse.query('phonecall', "$select=activityid&$filter=phonenumber eq '+14165550143'").length > ${before};`,
      'the activity',
    );
    expect(await phonecalls('+14165550143')).to.equal(before + 1);
  });

  it('a reload while ringing keeps the call; a reload while its activity is written does not write it twice', async () => {
    const id = await ring('+49 30 901820');
    count('reload while ringing');
    await reloadWidget(stack);
    await waitWidget(`return sp?.status === 'connected';`, 'connected again', 15_000);
    await waitWidget(
      `return calls().find((c) => c.id === '${id}')?.state === 'ringing';`,
      'the call back',
    );
    await waitWidget(`return sp.store.getSnapshot().role === 'owner';`, 'owner again', 15_000);
    await widget(`await sp.store.answer('${id}'); return true;`);
    await waitWidget(
      `return calls().find((c) => c.id === '${id}')?.state === 'connected';`,
      'connected',
    );
    await widget(`await sp.store.hangUp('${id}'); return true;`);
    // Dataverse answers the write after the library gave up (1.5 s); the widget reloads meanwhile.
    await fault({ api: 'createRecord', action: 'delay', ms: 2500, times: 1 });
    count('reload while the activity is written');
    const before = await phonecalls('+4930901820');
    await widget(`await sp.store.completeWrapUp('${id}'); return true;`);
    await waitHost(
      `return h.inspector.entries.some((e) => e.name === 'createRecord' && e.status === 'pending');`,
      'the write in flight',
    );
    await reloadWidget(stack);
    await waitWidget(`return sp?.status === 'connected';`, 'connected again', 15_000);
    await waitHost(
      `return h.dataverse.query('phonecall', "$select=activityid&$filter=phonenumber eq '+4930901820'").length > ${before};`,
      'the activity',
      15_000,
    );
    // Long enough for a second write to land, were there one.
    await new Promise((resolve) => setTimeout(resolve, 4000));
    expect(await phonecalls('+4930901820')).to.equal(before + 1);
    expect(await widget<number>(`return calls().length;`), 'no call left behind').to.equal(0);
  });
});
