// The incoming-call toast and the host's notification for the same ring, against the emulator (a
// simulated Dynamics 365, CIF 2.0) with the softphone in its channel panel: the same two mirror cases as
// the toast package's test against the fake CIF library, here across real frames and origins.
// - Accepted in the host: the toast closes and the phone system answers once.
// - Accepted in the widget (a double click on the toast): the host's notification is withdrawn
//   (`cancelEvent`) and the phone system answers once.
// "Answers once" is what the host hears from the phone system: its call-state reports on the call
// channel, counted per call in the host page; a second answer would also surface as a console error.
import { expect } from '@open-wc/testing';
import {
  click,
  problems,
  run,
  startStack,
  stopStack,
  until,
  type Stack,
} from '../test-utils/e2e.js';

const SP = `const sp = document.querySelector('cif-softphone');
const calls = () => sp.store?.getSnapshot().calls ?? [];
const toast = () => sp.shadowRoot.querySelector('[part~="toast"]');`;
const HOST = `const h = window.cifEmulator.host;`;

describe('the toast mirrors the host notification (emulator, CIF 2.0)', function () {
  this.timeout(40_000);
  let stack: Stack;

  const widget = <T>(script: string) => run<T>(stack, 'widget', `${SP}\n${script}`);
  const host = <T>(script: string) => run<T>(stack, 'host', `${HOST}\n${script}`);
  const waitWidget = <T>(script: string, what: string) =>
    until<T>(stack, 'widget', `${SP}\n${script}`, what);
  const waitHost = <T>(script: string, what: string) =>
    until<T>(stack, 'host', `${HOST}\n${script}`, what);

  /** Rings the widget from the host's call simulator; resolves the call id once the toast shows it. */
  async function ring(number: string, name: string): Promise<string> {
    const id = await host<string>(
      `return h.simulator.ring('${number}', { displayName: '${name}' });`,
    );
    await waitWidget(`return toast()?.shownCalls.some((c) => c.id === '${id}');`, 'the toast');
    await waitHost(
      `return h.notifications.current?.cancellationToken === '${id}';`,
      "the host's notification",
    );
    return id;
  }

  /** How many times the phone system reported the call connected to the host. */
  const connectedReports = (id: string) =>
    host<number>(`return window.__connected?.['${id}'] ?? 0;`);

  before(async () => {
    stack = await startStack(2);
    await waitWidget(`return sp?.status === 'connected' && sp.cifVersion === 2;`, 'connected');
    await waitHost(`return h.simulator.ready;`, 'the call simulator');
    // Count the phone system's "connected" reports per call, as the host receives them.
    await host(`window.__connected = {};
      window.addEventListener('message', (event) => {
        const d = event.data;
        if (d && typeof d === 'object' && d.call && d.state === 'connected' && typeof d.call.id === 'string')
          window.__connected[d.call.id] = (window.__connected[d.call.id] ?? 0) + 1;
      });
      return true;`);
  });

  afterEach(async function () {
    await widget(
      `for (const c of calls()) if (c.state !== 'ended') await sp.store.hangUp(c.id).catch(() => sp.store.decline(c.id)).catch(() => {});
       for (const c of calls()) await sp.store.completeWrapUp(c.id).catch(() => {});
       return true;`,
    ).catch(() => undefined);
    await waitWidget(`return calls().length === 0;`, 'an idle softphone').catch(() => undefined);
    const found = await problems(stack, true);
    expect(found.join('\n'), `problems during "${this.currentTest?.title ?? ''}"`).to.equal('');
  });

  after(() => stopStack(stack));

  it('accepted in the host: the toast closes and the phone system answers once', async () => {
    const id = await ring('+44 20 7946 0958', 'Amelia Hughes');
    await click(stack, 'host', '.cif-emu-toast [data-action="accept"]');
    await waitWidget(
      `return calls().find((c) => c.id === '${id}')?.state === 'connected';`,
      'connected',
    );
    await waitWidget(
      `return !toast().shownCalls.some((c) => c.id === '${id}');`,
      'the toast closed',
    );
    // Give a duplicate answer time to show, then count.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await connectedReports(id)).to.equal(1);
    const answered = await host<unknown>(
      `return h.notifications.history.find((n) => n.cancellationToken === '${id}')?.answer;`,
    );
    expect(answered).to.deep.include({ actionName: 'Accept' });
  });

  it('accepted in the widget (double click): the host notification is withdrawn and the phone system answers once', async () => {
    const id = await ring('+353 85 555 0143', 'Aoife Murphy');
    // Two clicks in the same task, as a double click on a slow machine delivers them.
    await widget(`const b = toast().shadowRoot.querySelector('[part~="answer-button"]');
      b.click(); b.click(); return true;`);
    await waitWidget(
      `return calls().find((c) => c.id === '${id}')?.state === 'connected';`,
      'connected',
    );
    const answer = await waitHost<Record<string, unknown>>(
      `return !h.notifications.current && h.notifications.history.find((n) => n.cancellationToken === '${id}')?.answer;`,
      'the host notification withdrawn',
    );
    expect(answer).to.deep.equal({ actionName: 'Reject', responseReason: 'Cancelled' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await connectedReports(id)).to.equal(1);
    expect(await widget<boolean>(`return toast().shownCalls.some((c) => c.id === '${id}');`)).to.be
      .false;
  });
});
