// Events the host raises from agent actions, notifications, handler tolerance, across origins.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { contactId } from '../dataverse/seed.js';
import { openHost, sleep, until, type HostHarness } from '../test-utils/harness.js';

const json = (value: unknown) => JSON.parse(value as string) as Record<string, unknown>;
const buttonByText = (root: ParentNode, text: string) =>
  [...root.querySelectorAll<HTMLButtonElement>('button')].find(
    (b) => b.textContent?.trim() === text,
  );

describe('events raised by the host across origins', () => {
  let h: HostHarness;
  before(async () => {
    h = await openHost();
  });
  after(() => h.dispose());

  it('onclicktoact: clicking a phone number on a record raises the real payload', async () => {
    h.host.userNavigate({ type: 'entityrecord', entityName: 'contact', entityId: contactId(1) });
    const button = await until(
      () =>
        h.container.querySelector<HTMLButtonElement>(
          '.cif-emu-page button[data-click-to-act="mobilephone"]',
        ),
      2000,
      'the click-to-act button',
    );
    expect(button.getAttribute('aria-label')).to.equal('Call 619-555-0129 (Mobile Phone)');
    const event = h.nextEvent('onclicktoact');
    button.click();
    const { payload, type } = await event;
    expect(type).to.equal('string');
    expect(json(payload)).to.deep.equal({
      value: '619-555-0129',
      name: 'mobilephone',
      format: 'Phone',
      entityLogicalName: 'contact',
      entityId: contactId(1),
      recordTitle: 'Alex Baker',
    });
  });

  it('onclicktoact is not raised while click-to-act is off (phone numbers are plain text)', async () => {
    await h.call('setClickToAct', false);
    h.view.update();
    expect(h.container.querySelector('.cif-emu-page button[data-click-to-act]')).to.equal(null);
    const outcome = await h.host.userClickToAct('contact', contactId(1), 'mobilephone');
    expect(outcome).to.deep.equal({ status: 'dropped', reason: 'click-to-act is off' });
    await h.call('setClickToAct', true);
  });

  it('onpagenavigate: site map navigation raises the full app URL before navigating', async () => {
    const event = h.nextEvent('onpagenavigate');
    buttonByText(h.container.querySelector('.cif-emu-sitemap')!, 'Accounts')?.click();
    const url = new URL(json((await event).payload).value as string);
    expect(url.origin).to.equal(location.origin);
    expect(url.pathname).to.equal('/main.aspx');
    expect(url.searchParams.get('pagetype')).to.equal('entitylist');
    expect(url.searchParams.get('etn')).to.equal('account');
    expect(url.searchParams.get('appid')).to.match(/^[0-9a-f-]{36}$/);
  });

  it('onsendkbarticle: sending an article raises {title, link}', async () => {
    h.host.userNavigate({ type: 'entitylist', entityName: 'knowledgearticle' });
    const send = await until(
      () => buttonByText(h.container, 'Send Reset a customer portal password'),
      2000,
      'the Send button',
    );
    const event = h.nextEvent('onsendkbarticle');
    send.click();
    const payload = json((await event).payload);
    expect(payload.title).to.equal('Reset a customer portal password');
    expect(payload.link).to.match(/^https:\/\/.+\/KA-01001$/);
  });

  it('onmodechanged: the agent minimizing and expanding the panel raises {value: mode}', async () => {
    const minimized = h.nextEvent('onmodechanged');
    h.container.querySelector<HTMLButtonElement>('.cif-emu-panel-header button')?.click();
    expect(json((await minimized).payload)).to.deep.equal({ value: 0 });
    expect(await h.call('getMode')).to.deep.equal({ outcome: 'resolved', value: 0 });
    const docked = h.nextEvent('onmodechanged');
    h.container.querySelector<HTMLButtonElement>('.cif-emu-panel-header button')?.click();
    expect(json((await docked).payload)).to.deep.equal({ value: 1 });
  });

  it('onsizechanged: resizing the panel with the keyboard raises {value: width}', async () => {
    const separator = h.container.querySelector<HTMLElement>('.cif-emu-panel [role="separator"]')!;
    separator.focus();
    const event = h.nextEvent('onsizechanged');
    await sendKeys({ press: 'ArrowLeft' });
    expect(json((await event).payload)).to.deep.equal({ value: 360 });
    expect(await h.call('getWidth')).to.deep.equal({ outcome: 'resolved', value: 360 });
  });

  it('raiseEvent resolves true and delivers the raised input to the handler', async () => {
    const event = h.nextEvent('customEvent');
    expect(await h.call('raiseEvent', 'customEvent', '{"callId":"42"}')).to.deep.equal({
      outcome: 'resolved',
      value: true,
    });
    expect((await event).payload).to.equal('{"callId":"42"}');
  });

  it('removeHandler stops delivery: the host sees "No handlers found" and logs it', async () => {
    expect(
      await h.command({ testCommand: 'removeHandler', event: 'onsendkbarticle' }),
    ).to.deep.equal({ outcome: 'returned', value: undefined });
    const outcome = await h.host.userSendKbArticle('cb000000-0000-4000-8000-000000000002');
    expect(outcome.status).to.equal('success');
    const entry = h.host.inspector.entries.filter((e) => e.name === 'onsendkbarticle').at(-1);
    expect(entry?.note).to.equal('The widget has no handler for this event.');
    expect(h.host.registeredHandlers.has('onsendkbarticle')).to.equal(false);
    expect(h.host.registeredHandlers.has('onclicktoact')).to.equal(true);
  });

  it('tolerates a handler that returns undefined (logged as the failure the real host reports)', async () => {
    await h.command({ testCommand: 'handler', event: 'onmodechanged', mode: 'undefined' });
    h.host.userSetPanelMode(0);
    await until(
      () =>
        h.host.inspector.entries.filter((e) => e.name === 'onmodechanged').at(-1)?.status ===
        'warning',
      3000,
      'the warning',
    );
    const entry = h.host.inspector.entries.filter((e) => e.name === 'onmodechanged').at(-1);
    expect(entry?.note).to.match(/did not return a Promise/);
    await h.command({ testCommand: 'handler', event: 'onmodechanged', mode: 'throw' });
    h.host.userSetPanelMode(1);
    await until(
      () =>
        h.host.inspector.entries.filter((e) => e.name === 'onmodechanged').at(-1)?.status ===
        'warning',
      3000,
      'the second warning',
    );
    await h.command({ testCommand: 'handler', event: 'onmodechanged', mode: 'promise' });
  });

  it("notifyEvent shows the template with slugs and resolves the agent's answer without a value wrapper", async () => {
    const pending = h.call('notifyEvent', {
      templateName: 'IncomingCall',
      templateParameters: {
        customerName: 'Alex Baker',
        phoneNumber: '619-555-0129',
        accountName: '<b>Contoso</b>',
      },
    });
    const toast = await until(
      () => h.container.querySelector<HTMLElement>('.cif-emu-toast'),
      3000,
      'the toast',
    );
    expect(toast.querySelector('h2')?.textContent).to.contain('Incoming call from Alex Baker');
    expect([...toast.querySelectorAll('dd')].map((d) => d.textContent)).to.deep.equal([
      '619-555-0129',
      '<b>Contoso</b>',
    ]);
    expect(toast.querySelector('b')).to.equal(null);
    expect(toast.querySelector('[role="timer"]')?.textContent).to.match(/^(60|59) secs remaining$/);
    await expect(h.container).to.be.accessible();
    toast.querySelector<HTMLButtonElement>('[data-action="accept"]')!.click();
    expect(await pending).to.deep.equal({
      outcome: 'resolved',
      value: '{"actionName":"Accept","responseReason":"Accept"}',
    });
    await until(() => !h.container.querySelector('.cif-emu-toast'), 2000, 'the toast to go');
  });

  it('notifyEvent: Decline answers Reject/DeclinedByAgent, auto-accept Accept/AutoAccept, unknown templates fail', async () => {
    const declined = h.call('notifyEvent', {
      templateName: 'IncomingCall',
      templateParameters: { customerName: 'Bo' },
    });
    const reject = await until(
      () => h.container.querySelector<HTMLButtonElement>('.cif-emu-toast [data-action="reject"]'),
      3000,
      'reject',
    );
    expect(reject.textContent?.trim()).to.equal('Decline');
    reject.click();
    expect((await declined).value).to.equal(
      '{"actionName":"Reject","responseReason":"DeclinedByAgent"}',
    );
    expect(
      (
        await h.call('notifyEvent', {
          templateName: 'IncomingCallAutoAccept',
          templateParameters: { customerName: 'Cy' },
        })
      ).value,
    ).to.equal('{"actionName":"Accept","responseReason":"AutoAccept"}');
    expect(await h.call('notifyEvent', { templateName: 'Nope' })).to.deep.equal({
      outcome: 'rejected',
      value: '{"message":"NotificationTemplateNotFoundError","msdyn_name":"NotifyEvent"}',
    });
  });

  it('cancelEvent withdraws a notification by its token', async () => {
    const pending = h.call('notifyEvent', {
      templateName: 'IncomingCall',
      templateParameters: { customerName: 'Di' },
      cancellationToken: 'call-7',
    });
    await until(() => h.container.querySelector('.cif-emu-toast'), 3000, 'the toast');
    expect(await h.call('cancelEvent', 'call-7')).to.deep.equal({
      outcome: 'resolved',
      value: '{"actionName":"Reject","responseReason":"Cancelled"}',
    });
    expect((await pending).value).to.equal('{"actionName":"Reject","responseReason":"Cancelled"}');
    const unknown = await h.call('cancelEvent', 'call-7');
    expect(unknown.outcome).to.equal('rejected');
    expect(json(unknown.value).message).to.match(/call-7/);
  });

  it('queues at most 10 notifications', async () => {
    const pending = Array.from({ length: 11 }, (_, i) =>
      h.call('notifyEvent', {
        templateName: 'IncomingCall',
        templateParameters: { customerName: `Caller ${i}` },
        cancellationToken: `q-${i}`,
      }),
    );
    const eleventh = await pending[10];
    expect(eleventh?.value).to.equal(
      '{"actionName":"Reject","responseReason":"NotificationQueueLimitExceeded"}',
    );
    expect(h.host.notifications.queued).to.have.length(10);
    await until(
      () => h.container.querySelector('.cif-emu-toast')?.textContent?.includes('9 more waiting'),
      2000,
      'the queue count',
    );
    for (let i = 0; i < 10; i++) await h.call('cancelEvent', `q-${i}`);
    await Promise.all(pending);
    await sleep(0);
    expect(h.host.notifications.queued).to.have.length(0);
  });
});

describe('handler tolerance with a short host timeout', () => {
  let h: HostHarness;
  before(async () => {
    h = await openHost({ query: 'handlers=never', config: { apiTimeoutMs: 400 } });
  });
  after(() => h.dispose());

  it('a handler that never settles leaves the host waiting until its timeout, then it is logged', async () => {
    const outcome = await h.host.userClickToAct('contact', contactId(3), 'telephone1');
    expect(outcome).to.deep.equal({ status: 'timeout' });
    const entry = h.host.inspector.entries.filter((e) => e.name === 'onclicktoact').at(-1);
    expect(entry?.status).to.equal('timeout');
    expect(entry?.note).to.match(/did not settle within 400 ms/);
  });

  it('the library times out calls the host never answers, with the real text and shapes', async () => {
    h.host.faults.add({ api: 'getWidth', action: 'timeout' });
    h.host.faults.add({ api: 'getEnvironment', action: 'timeout', times: 1 });
    const raw = await h.call('getWidth');
    expect(raw.outcome).to.equal('rejected');
    expect(raw.value).to.be.instanceOf(Map);
    expect((raw.value as Map<string, unknown>).get('message')).to.equal(
      'Timeout occurred as no response was received from listener window',
    );
    expect(await h.call('getEnvironment')).to.deep.equal({
      outcome: 'rejected',
      value: '{"message":"Timeout occurred as no response was received from listener window"}',
    });
    expect((await h.call('getEnvironment')).outcome).to.equal('resolved');
    h.host.faults.clear();
  });
});
