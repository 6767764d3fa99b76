// The call simulator drives a simulated telephony provider in the widget over the documented channel.
import { expect } from '@open-wc/testing';
import { CALL_CHANNEL_VERSION, CALL_COMMAND, isCallCommandMessage } from '../call-channel.js';
import { openHost, until, waitForMessage, type HostHarness } from '../test-utils/harness.js';

interface CallReport {
  testWidget: 'call';
  call: { id: string; from?: string; to?: string; displayName?: string };
  state: string;
  reason: string | null;
}
const callReport = (state: string) => (d: unknown) =>
  (d as CallReport).testWidget === 'call' && (d as CallReport).state === state;
const simButton = (h: HostHarness, callId: string, text: string) =>
  [
    ...(h.container.querySelector(`tr[data-call-id="${callId}"]`)?.querySelectorAll('button') ??
      []),
  ].find((b) => b.textContent?.trim() === text);

describe('call simulator', () => {
  let h: HostHarness;
  before(async () => {
    h = await openHost();
  });
  after(() => h.dispose());

  it('learns that a simulated provider listens (call-hello / call-ready)', async () => {
    await until(() => h.host.simulator.ready, 3000, 'call-ready');
    expect(h.host.simulator.provider).to.equal('test-widget');
    expect(h.container.querySelector('.cif-emu-tools [role="status"]')?.textContent).to.contain(
      '(test-widget) is listening',
    );
  });

  it('rings the widget from a typed number; the widget reports ringing, the agent answers, the remote holds, resumes, hangs up', async () => {
    const form = h.container.querySelector<HTMLFormElement>('form[aria-label="Ring the widget"]')!;
    const from = form.querySelector<HTMLInputElement>('input[name="from"]')!;
    from.value = '+44 20 7946 0958';
    from.dispatchEvent(new Event('input'));
    const name = form.querySelector<HTMLInputElement>('input[name="displayName"]')!;
    name.value = 'A. Hughes';
    name.dispatchEvent(new Event('input'));
    const ringing = waitForMessage<CallReport>(callReport('ringing'), 3000, 'ringing');
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    const report = await ringing;
    expect(report.call).to.include({ from: '+44 20 7946 0958', displayName: 'A. Hughes' });
    const id = report.call.id;
    await until(
      () => h.host.simulator.calls.find((c) => c.call.id === id)?.state === 'ringing',
      2000,
      'ringing in the host',
    );

    await h.command({ testCommand: 'answerCall', callId: id });
    await until(
      () => h.host.simulator.calls.find((c) => c.call.id === id)?.state === 'connected',
      2000,
      'connected',
    );

    const held = waitForMessage<CallReport>(callReport('held'), 3000, 'held');
    (await until(() => simButton(h, id, 'Hold'), 2000, 'Hold')).click();
    expect((await held).reason).to.equal('remote-hold');
    const resumed = waitForMessage<CallReport>(callReport('connected'), 3000, 'resumed');
    (await until(() => simButton(h, id, 'Resume'), 2000, 'Resume')).click();
    await resumed;
    const ended = waitForMessage<CallReport>(callReport('ended'), 3000, 'ended');
    (await until(() => simButton(h, id, 'Hang up'), 2000, 'Hang up')).click();
    expect((await ended).reason).to.equal('remote-hangup');
    await until(
      () => h.host.simulator.calls.find((c) => c.call.id === id)?.state === 'ended',
      2000,
      'ended in the host',
    );
    expect(simButton(h, id, 'Hang up')).to.equal(undefined);
  });

  it('rings from a seeded contact', async () => {
    const select = h.container.querySelector<HTMLSelectElement>('select[name="contact"]')!;
    const option = [...select.options].find((o) =>
      o.textContent?.startsWith('Priya Sharma — +91 98765 43210'),
    )!;
    select.value = option.value;
    select.dispatchEvent(new Event('change'));
    const from = h.container.querySelector<HTMLInputElement>('input[name="from"]')!;
    from.value = '';
    from.dispatchEvent(new Event('input'));
    const ringing = waitForMessage<CallReport>(callReport('ringing'), 3000, 'ringing');
    h.container
      .querySelector<HTMLButtonElement>('form[aria-label="Ring the widget"] button[type="submit"]')!
      .click();
    expect((await ringing).call.from).to.equal('+91 98765 43210');
    const entry = h.host.simulator.calls[0];
    expect(entry?.call.contactId).to.equal('c0000000-0000-4000-8000-000000000019');
  });

  it('shows calls the agent dials and lets the remote party answer', async () => {
    await h.command({ testCommand: 'dial', to: '+1 206 555 0100' });
    const call = await until(
      () => h.host.simulator.calls.find((c) => c.direction === 'outbound' && c.state === 'dialing'),
      2000,
      'the outbound call',
    );
    expect(call.call.to).to.equal('+1 206 555 0100');
    const connected = waitForMessage<CallReport>(callReport('connected'), 3000, 'connected');
    (await until(() => simButton(h, call.call.id, 'Answer'), 2000, 'Answer')).click();
    expect((await connected).call.id).to.equal(call.call.id);
    h.host.simulator.hangup(call.call.id);
    await until(
      () => h.host.simulator.calls.find((c) => c.call.id === call.call.id)?.state === 'ended',
      2000,
      'ended',
    );
    h.host.simulator.clearEnded();
    expect(h.host.simulator.activeCalls.map((c) => c.call.id)).to.not.include(call.call.id);
  });

  it('posts well-formed, versioned commands (the documented protocol)', () => {
    const message = {
      type: CALL_COMMAND,
      version: CALL_CHANNEL_VERSION,
      action: 'ring',
      call: { id: 'x', from: '+1' },
    };
    expect(isCallCommandMessage(message)).to.equal(true);
    expect(h.host.simulator.hangup('no-such-call')).to.equal(false);
  });
});
