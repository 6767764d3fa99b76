// The emulator's tools (inspector, fault injection, org & data), accessibility, and a CIF 1.0 host.
import { expect } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { openHost, sleep, until, type HostHarness } from '../test-utils/harness.js';

const json = (value: unknown) => JSON.parse(value as string) as Record<string, unknown>;
const tool = (h: HostHarness, name: string) =>
  [...h.container.querySelectorAll<HTMLButtonElement>('.cif-emu-tools [role="tab"]')].find((b) =>
    b.textContent?.trim().startsWith(name),
  )!;
const setField = (
  el: HTMLInputElement | HTMLSelectElement,
  value: string,
  type = el instanceof HTMLSelectElement ? 'change' : 'input',
) => {
  el.value = value;
  el.dispatchEvent(new Event(type));
};

describe('inspector and fault injection', () => {
  let h: HostHarness;
  before(async () => {
    h = await openHost({
      config: {
        faults: {
          rules: [
            {
              api: 'getClickToAct',
              action: 'fail',
              shape: 'object',
              message: 'configured',
              errorCode: 503,
              times: 1,
            },
          ],
        },
      },
    });
  });
  after(() => h.dispose());

  it('logs every call with arguments, the result as the widget sees it, and its duration', async () => {
    await h.call(
      'retrieveRecord',
      'account',
      'a0000000-0000-4000-8000-000000000003',
      '?$select=name',
    );
    const entry = h.host.inspector.entries.filter((e) => e.name === 'retrieveRecord').at(-1);
    expect(entry?.status).to.equal('success');
    expect(entry?.args).to.deep.include({
      entityName: 'account',
      queryParameters: '?$select=name',
    });
    expect(entry?.encoding).to.equal('JSON string');
    expect(json(entry?.result)).to.include({ name: 'Northwind Traders' });
    expect(entry?.durationMs).to.be.a('number');
    expect(entry?.origin).to.equal(h.widgetOrigin);
  });

  it('filters the log in the UI by text and by errors', async () => {
    tool(h, 'Inspector').click();
    const text = await until(
      () => h.container.querySelector<HTMLInputElement>('.cif-emu-tools input[type="search"]'),
      2000,
      'the filter',
    );
    setField(text, 'Northwind');
    await until(
      () => h.container.querySelectorAll('.cif-emu-log tbody tr').length === 1,
      2000,
      'one matching row',
    );
    setField(text, '');
    await h.call('getSession', 'session-id-404');
    const [, status] = h.container.querySelectorAll<HTMLSelectElement>(
      '.cif-emu-tools fieldset select',
    );
    setField(status!, 'errors');
    await until(
      () => {
        const rows = [...h.container.querySelectorAll('.cif-emu-log tbody tr')];
        return (
          rows.length > 0 &&
          rows.every((r) => /failure|timeout|rejected|dropped|warning/.test(r.textContent ?? ''))
        );
      },
      2000,
      'errors only',
    );
    await expect(h.container).to.be.accessible();
    setField(status!, 'all');
  });

  it('applies configured faults: a failure in the chosen shape, a limited number of times', async () => {
    expect(await h.call('getClickToAct')).to.deep.equal({
      outcome: 'rejected',
      value: { errorCode: 503, message: 'configured' },
    });
    expect(await h.call('getClickToAct')).to.deep.equal({ outcome: 'resolved', value: true });
  });

  it('adds faults from the UI: failing shapes, latency, dropped events', async () => {
    tool(h, 'Faults').click();
    const form = await until(
      () => h.container.querySelector<HTMLFormElement>('form[aria-label="Add a fault"]'),
      2000,
      'the fault form',
    );
    const selects = () => [...form.querySelectorAll('select')];
    setField(selects()[1]!, 'getWidth');
    setField(form.querySelector('input:not([type="number"])')!, 'Panel unavailable');
    setField(selects()[3]!, 'map');
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    const failed = await h.call('getWidth');
    expect(failed.outcome).to.equal('rejected');
    expect(failed.value).to.be.instanceOf(Map);
    expect((failed.value as Map<string, unknown>).get('message')).to.equal('Panel unavailable');
    expect((failed.value as Map<string, unknown>).get('msdyn_name')).to.equal('getwidth');

    // A JSON-string API always rejects with JSON, whatever the shape.
    h.host.faults.add({
      api: 'retrieveRecord',
      action: 'fail',
      shape: 'object',
      message: 'Dataverse is down',
      times: 1,
    });
    expect(
      await h.call('retrieveRecord', 'contact', 'c0000000-0000-4000-8000-000000000001'),
    ).to.deep.equal({
      outcome: 'rejected',
      value: '{"message":"Dataverse is down","msdyn_name":"retrieverecord"}',
    });
    h.host.faults.add({
      api: 'getMode',
      action: 'fail',
      shape: 'string',
      message: 'plain',
      times: 1,
    });
    expect(await h.call('getMode')).to.deep.equal({ outcome: 'rejected', value: 'plain' });
    h.host.faults.add({
      api: 'getMode',
      action: 'fail',
      shape: 'json',
      message: 'as json',
      times: 1,
    });
    expect(await h.call('getMode')).to.deep.equal({
      outcome: 'rejected',
      value: '{"message":"as json","msdyn_name":"getmode"}',
    });

    // Remove the getWidth rule through the UI.
    const remove = await until(
      () =>
        [
          ...h.container.querySelectorAll<HTMLButtonElement>(
            'ul[aria-label="Active faults"] button',
          ),
        ].find((b) => b.getAttribute('aria-label')?.includes('getWidth fails')),
      2000,
      'remove',
    );
    remove.click();
    expect((await h.call('getWidth')).outcome).to.equal('resolved');

    // Latency.
    const latency = h.container.querySelector<HTMLInputElement>(
      '.cif-emu-tools input[type="number"]',
    )!;
    setField(latency, '150', 'change');
    const started = performance.now();
    await h.call('getWidth');
    expect(performance.now() - started).to.be.at.least(140);
    h.host.faults.setLatency(0);

    // Dropped events.
    setField(selects()[0]!, 'event');
    await sleep(0);
    setField(selects()[1]!, 'onmodechanged');
    setField(form.querySelector('input[type="number"]')!, '1');
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    h.host.userSetPanelMode(0);
    await sleep(50);
    expect(h.received.filter((e) => e.name === 'onmodechanged')).to.have.length(0);
    expect(
      h.host.inspector.entries.filter((e) => e.name === 'onmodechanged').at(-1)?.status,
    ).to.equal('dropped');
    const next = h.nextEvent('onmodechanged');
    h.host.userSetPanelMode(1);
    expect(json((await next).payload)).to.deep.equal({ value: 1 });
    await expect(h.container).to.be.accessible();
    [...h.container.querySelectorAll<HTMLButtonElement>('.cif-emu-tools button')]
      .find((b) => b.textContent?.trim() === 'Remove all faults')
      ?.click();
    expect(h.host.faults.rules).to.have.length(0);
  });

  it('the org tab resets data and opens a foreign session; the whole page passes axe', async () => {
    tool(h, 'Org').click();
    await h.call('createRecord', 'account', '{"name":"Temporary"}');
    const count = h.host.dataverse.count('account');
    const reset = await until(
      () =>
        [...h.container.querySelectorAll<HTMLButtonElement>('.cif-emu-tools button')].find(
          (b) => b.textContent?.trim() === 'Reset data',
        ),
      2000,
      'reset',
    );
    reset.click();
    expect(h.host.dataverse.count('account')).to.equal(count - 1);
    await expect(h.container).to.be.accessible();
    [...h.container.querySelectorAll<HTMLButtonElement>('.cif-emu-tools button')]
      .find((b) => b.textContent?.includes('another channel'))
      ?.click();
    expect(h.host.focusedSession.owner).to.equal('other');
    h.host.userNavigate({
      type: 'entityrecord',
      entityName: 'contact',
      entityId: 'c0000000-0000-4000-8000-000000000001',
    });
    await sleep(0);
    h.view.update();
    await expect(h.container).to.be.accessible();
    const hide = [...h.container.querySelectorAll<HTMLButtonElement>('.cif-emu-tools button')].find(
      (b) => b.textContent?.trim() === 'Hide tools',
    )!;
    hide.click();
    await until(
      () => !h.container.querySelector('.cif-emu-tools [role="tabpanel"]'),
      2000,
      'tools hidden',
    );
  });
});

describe('a CIF 1.0 provider (single-session app)', () => {
  let h: HostHarness;
  before(async () => {
    h = await openHost({ config: { provider: { apiVersion: 1 } } });
  });
  after(() => h.dispose());

  it('has no sessions, refuses CIF 2.0 APIs and modes, and reports the page in getEnvironment', async () => {
    expect(h.container.querySelector('nav[aria-label="Sessions"]')).to.equal(null);
    expect(h.container.querySelector('#cif-emu-presence')).to.equal(null);
    const session = await h.call('createSession', { templateName: 'CallSession' });
    expect(session.outcome).to.equal('rejected');
    expect((session.value as Map<string, unknown>).get('message')).to.match(/API version 1\.0/);
    const notify = await h.call('notifyEvent', { templateName: 'IncomingCall' });
    expect(json(notify.value).message).to.match(/API version 1\.0/);
    expect((await h.call('setMode', 2)).outcome).to.equal('rejected');
    expect(await h.call('setMode', 0)).to.deep.equal({ outcome: 'resolved', value: 0 });
    h.host.userNavigate({
      type: 'entityrecord',
      entityName: 'account',
      entityId: 'a0000000-0000-4000-8000-000000000001',
    });
    const env = json((await h.call('getEnvironment')).value);
    expect(env).to.include({
      pagetype: 'entityrecord',
      etn: 'account',
      id: 'a0000000-0000-4000-8000-000000000001',
    });
    expect(env.appUrl).to.contain('etn=account');
    await expect(h.container).to.be.accessible();
  });
});

describe('loading the library through ucilib', () => {
  let h: HostHarness;
  before(async () => {
    h = await openHost({ ucilib: true, config: { quirks: { getModeAsString: true } } });
  });
  after(() => h.dispose());

  it('finds the CRM origin from the ucilib query parameter and applies quirks', async () => {
    expect(await h.call('getMode')).to.deep.equal({ outcome: 'resolved', value: '1' });
  });
});

describe('accessibility of the host page', () => {
  let h: HostHarness;
  before(async () => {
    h = await openHost({ config: { provider: { trustedDomain: 'nope' }, presence: 'Ghost' } });
  });
  after(async () => {
    await executeServerCommand('cif-media', {
      'prefers-color-scheme': 'light',
      'forced-colors': 'none',
    });
    h.dispose();
  });

  it('passes axe with a session, a notification and configuration warnings, in light and dark schemes', async () => {
    expect(h.host.warnings).to.have.length(1);
    await h.call('createSession', {
      templateName: 'CallSession',
      templateParameters: {
        customerName: 'Ann',
        entityName: 'contact',
        entityId: 'c0000000-0000-4000-8000-000000000002',
      },
    });
    const pending = h.call('notifyEvent', {
      templateName: 'MissedCall',
      templateParameters: { customerName: 'Ann', phoneNumber: '+1 206 555 0131' },
    });
    await until(() => h.container.querySelector('.cif-emu-toast'), 3000, 'the toast');
    await expect(h.container).to.be.accessible();
    await executeServerCommand('cif-media', { 'prefers-color-scheme': 'dark' });
    await expect(h.container).to.be.accessible();
    await executeServerCommand('cif-media', {
      'prefers-color-scheme': 'light',
      'forced-colors': 'active',
    });
    await expect(h.container).to.be.accessible();
    h.container.querySelector<HTMLButtonElement>('.cif-emu-toast [data-action="reject"]')?.click();
    expect((await pending).value).to.equal(
      '{"actionName":"Reject","responseReason":"DeclinedByAgent"}',
    );
  });
});

describe('web resource and website tabs', () => {
  let h: HostHarness;
  before(async () => {
    h = await openHost({ config: { webResources: { kb: 'http://127.0.0.1:9/kb.html' } } });
  });
  after(() => h.dispose());

  it('frames configured web resources and http(s) websites sandboxed, and explains the rest', async () => {
    await h.call('createTab', {
      templateName: 'WebResource',
      templateParameters: { webresourceName: 'kb', data: 'case=1' },
    });
    const frame = await until(
      () => h.container.querySelector<HTMLIFrameElement>('.cif-emu-page iframe'),
      2000,
      'the web resource frame',
    );
    expect(frame.getAttribute('sandbox')).to.equal('allow-scripts allow-forms allow-same-origin');
    expect(frame.src).to.equal('http://127.0.0.1:9/kb.html?data=case%3D1');
    expect(frame.title).to.equal('Web resource kb');
    expect(h.host.focusedTab ? h.host.tabTitle(h.host.focusedTab) : '').to.equal('kb');
    await h.call('createTab', {
      templateName: 'WebResource',
      templateParameters: { webresourceName: 'unknown' },
    });
    await until(
      () => h.container.querySelector('.cif-emu-page')?.textContent?.includes('is not configured'),
      2000,
      'the explanation',
    );
    await h.call('createTab', {
      templateName: 'Url',
      templateParameters: { url: 'https://www.example.com/docs', title: 'Docs' },
    });
    const site = await until(
      () => h.container.querySelector<HTMLIFrameElement>('.cif-emu-page iframe[title^="Website"]'),
      2000,
      'the website frame',
    );
    expect(site.getAttribute('sandbox')).to.equal('allow-scripts allow-forms allow-popups');
    expect(h.host.focusedTab ? h.host.tabTitle(h.host.focusedTab) : '').to.equal('Docs');
    await h.call('createTab', {
      templateName: 'Url',
      templateParameters: { url: 'javascript:alert(1)' },
    });
    await until(
      () => h.container.querySelector('.cif-emu-page')?.textContent?.includes('Not an http(s) URL'),
      2000,
      'the refusal',
    );
    expect(h.container.querySelector('.cif-emu-page iframe')).to.equal(null);
    await h.call('createTab', {
      templateName: 'EntityList',
      templateParameters: { entityName: 'incident' },
    });
    await until(
      () => h.container.querySelector('.cif-emu-page h2')?.textContent === 'Cases',
      2000,
      'the case list',
    );
    await h.call('createTab', {
      templateName: 'Search',
      templateParameters: { searchText: 'Contoso' },
    });
    await until(
      () =>
        h.container
          .querySelector('.cif-emu-page [role="status"]')
          ?.textContent?.match(/\d+ results/),
      2000,
      'search',
    );
    await h.call('createTab', {
      templateName: 'EntityRecord',
      templateParameters: {
        entityName: 'contact',
        entityId: 'c0000000-0000-4000-8000-000000000999',
      },
    });
    await until(
      () => h.container.querySelector('.cif-emu-page h2')?.textContent === 'Record not found',
      2000,
      'not found',
    );
    await expect(h.container).to.be.accessible();
  });

  it('edits and saves a record form, and reports save errors in the form', async () => {
    h.host.userNavigate({
      type: 'entityrecord',
      entityName: 'account',
      entityId: 'a0000000-0000-4000-8000-000000000005',
    });
    const employees = await until(
      () =>
        h.container.querySelector<HTMLInputElement>(
          '.cif-emu-page input[id$="-numberofemployees"]',
        ),
      2000,
      'the form',
    );
    employees.value = '99';
    employees.dispatchEvent(new Event('input'));
    const industry = h.container.querySelector<HTMLSelectElement>(
      '.cif-emu-page select[id$="-industrycode"]',
    )!;
    industry.value = '29';
    industry.dispatchEvent(new Event('change'));
    const description = h.container.querySelector<HTMLTextAreaElement>(
      '.cif-emu-page textarea[id$="-description"]',
    )!;
    description.value = 'Updated by the agent';
    description.dispatchEvent(new Event('input'));
    h.container.querySelector<HTMLButtonElement>('.cif-emu-page button[type="submit"]')!.click();
    await until(
      () => h.container.querySelector('.cif-emu-page [role="status"]')?.textContent === 'Saved.',
      2000,
      'saved',
    );
    expect(h.host.dataverse.get('account', 'a0000000-0000-4000-8000-000000000005')).to.include({
      numberofemployees: 99,
      industrycode: 29,
      description: 'Updated by the agent',
    });
    const name = h.container.querySelector<HTMLInputElement>('.cif-emu-page input[id$="-name"]')!;
    name.value = 'x'.repeat(200);
    name.dispatchEvent(new Event('input'));
    h.container.querySelector<HTMLButtonElement>('.cif-emu-page button[type="submit"]')!.click();
    await until(
      () =>
        h.container
          .querySelector('.cif-emu-page [role="status"]')
          ?.textContent?.includes('maximum allowed length'),
      2000,
      'the error',
    );
  });

  it('closes tabs with Delete or their ×, and moves between tabs with the arrow keys', async () => {
    const tabs = () => [
      ...h.container.querySelectorAll<HTMLButtonElement>('.cif-emu-tabs [role="tab"]'),
    ];
    const count = tabs().length;
    const focused = h.container.querySelector<HTMLButtonElement>(
      '.cif-emu-tabs [aria-selected="true"]',
    )!;
    focused.focus();
    await sendKeys({ press: 'ArrowLeft' });
    await until(
      () =>
        document.activeElement !== focused &&
        document.activeElement?.getAttribute('role') === 'tab',
      2000,
      'focus to move',
    );
    await sendKeys({ press: 'Delete' });
    await until(() => tabs().length === count - 1, 2000, 'a tab closed with Delete');
    tabs().at(-1)!.querySelector<HTMLElement>('[data-close-tab]')!.click();
    await until(() => tabs().length === count - 2, 2000, 'a tab closed with its ×');
  });
});
