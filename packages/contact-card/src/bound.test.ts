import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
// Core through relative imports, in tests only: the card itself knows nothing of core or CIF.
import { SimulatedProvider, createCallStore, type CallStore } from '../../core/src/calls/index.js';
import { CifClient } from '../../core/src/cif/index.js';
import { FakeCIFramework } from '../../core/src/testing/index.js';
import { createContactCardActions } from '../../core/src/workflows/index.js';
import './cif-contact-card.js';
import type { CifContactCard } from './CifContactCard.js';
import type { ContactCardContact } from './types.js';

const ALEX_ID = '80ac35a0-01af-ea11-a812-000d3a8b3ec6';
const SAM_ID = '11111111-0000-4000-8000-000000000002';
const NUMBER = '+12065550100';
const NOW = Date.UTC(2025, 0, 15, 17, 30);

const $ = <T extends Element = HTMLElement>(el: CifContactCard, selector: string): T =>
  el.shadowRoot!.querySelector<T>(selector)!;
const heading = (el: CifContactCard) => $(el, '#name')?.textContent.trim();

function setup(fakeOptions: ConstructorParameters<typeof FakeCIFramework>[0] = {}) {
  const provider = new SimulatedProvider();
  const store = createCallStore({ provider, storage: null, ownership: false, wrapUp: false });
  const fake = new FakeCIFramework({
    records: {
      contact: [
        {
          contactid: ALEX_ID,
          fullname: 'Alex Baker',
          jobtitle: 'Purchasing manager',
          mobilephone: NUMBER,
          telephone1: '+14255550199',
          emailaddress1: 'alex@contoso.com',
          address1_composite: '1 Microsoft Way\nRedmond',
          donotphone: false,
        },
        { contactid: SAM_ID, fullname: 'Sam Baker', telephone2: NUMBER, jobtitle: 'Owner' },
      ],
      phonecall: [
        {
          activityid: 'a1',
          subject: 'Billing question',
          createdon: '2025-01-12T17:30:00Z',
          _regardingobjectid_value: ALEX_ID,
        },
        {
          activityid: 'a2',
          subject: 'Someone else',
          createdon: '2025-01-14T17:30:00Z',
          _regardingobjectid_value: SAM_ID,
        },
      ],
      incident: [
        {
          incidentid: 'i1',
          title: 'Printer jam',
          createdon: '2025-01-15T16:30:00Z',
          _customerid_value: ALEX_ID,
        },
      ],
    },
    ...fakeOptions,
  });
  const client = new CifClient(fake.library);
  return { provider, store, fake, client };
}

const match = (id: string, name: string, field: string) => ({
  entityName: 'contact',
  id,
  name,
  field,
  number: NUMBER,
});

async function ring(provider: SimulatedProvider, store: CallStore): Promise<string> {
  const callId = provider.ring(NUMBER, { displayName: 'WIRELESS CALLER' });
  await waitUntil(() => store.getCall(callId), 'the call reaches the store');
  return callId;
}

describe('<cif-contact-card> bound to a call store and CIF', () => {
  afterEach(() => sinon.restore());

  it("shows the call's lookup by itself: unknown, loading, picker, chosen, failed", async () => {
    const { provider, store } = setup();
    const el = await fixture<CifContactCard>(
      html`<cif-contact-card .store=${store}></cif-contact-card>`,
    );
    expect(el.view).to.equal('empty');
    const callId = await ring(provider, store);
    await waitUntil(() => el.view === 'unknown');
    expect(heading(el)).to.equal('WIRELESS CALLER');
    expect($(el, '[part="subtitle"]').textContent.trim()).to.equal('+1 206-555-0100');

    await store.annotate(callId, { lookup: 'pending' });
    await waitUntil(() => el.view === 'loading');

    await store.annotate(callId, {
      lookup: 'done',
      matches: [
        match(ALEX_ID, 'Alex Baker', 'mobilephone'),
        match(SAM_ID, 'Sam Baker', 'telephone2'),
      ],
    });
    await waitUntil(() => el.view === 'matches');
    const options = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]')];
    expect(options.map((o) => o.textContent.replace(/\s+/g, ' ').trim())).to.deep.equal([
      'AB Alex Baker Mobile +1 206-555-0100',
      'SB Sam Baker Home +1 206-555-0100',
    ]);

    options[1]!.click();
    await waitUntil(
      () => store.getCall(callId)?.regarding?.id === SAM_ID,
      "choosing sets the call's matched record",
    );
    expect(store.getCall(callId)!.regarding).to.deep.equal({
      entityName: 'contact',
      id: SAM_ID,
      name: 'Sam Baker',
    });
    await el.updateComplete;
    expect(el.view).to.equal('known');
    expect(heading(el)).to.equal('Sam Baker');

    await store.annotate(callId, { lookup: 'failed' });
    await waitUntil(() => el.view === 'error');
    store.dispose();
  });

  it('shows the single match, or the record set on the call, without a picker', async () => {
    const { provider, store } = setup();
    const el = await fixture<CifContactCard>(
      html`<cif-contact-card .store=${store}></cif-contact-card>`,
    );
    const callId = await ring(provider, store);
    await store.annotate(callId, {
      lookup: 'done',
      matches: [match(ALEX_ID, 'Alex Baker', 'mobilephone')],
    });
    await waitUntil(() => el.view === 'known');
    expect(heading(el)).to.equal('Alex Baker');
    await store.annotate(callId, {
      matches: [match(ALEX_ID, 'Alex Baker', 'mobilephone'), match(SAM_ID, 'Sam Baker', 'x')],
      regarding: { entityName: 'contact', id: SAM_ID, name: 'Sam Baker' },
    });
    await waitUntil(() => heading(el) === 'Sam Baker');
    expect($(el, '[part="matches-button"]').textContent.trim()).to.equal(
      'Not this caller? 2 matches',
    );
    $<HTMLButtonElement>(el, '[part="matches-button"]').click();
    await waitUntil(() => el.view === 'matches');
    await store.annotate(callId, { matches: [match(SAM_ID, 'Sam Baker', 'x')] });
    await waitUntil(() => el.view === 'known', 'no picker for a single match');
    await store.annotate(callId, {
      matches: [],
      regarding: { entityName: 'account', id: 'acc-1', name: 'Contoso' },
    });
    await waitUntil(() => heading(el) === 'Contoso', 'a click-to-act record');
    store.dispose();
  });

  it('loads details and recent activity of the matched record through CIF', async () => {
    const { provider, store, fake, client } = setup();
    const el = await fixture<CifContactCard>(
      html`<cif-contact-card .now=${NOW}></cif-contact-card>`,
    );
    el.store = store;
    el.actions = createContactCardActions(client, { store });
    const callId = await ring(provider, store);
    await store.annotate(callId, {
      lookup: 'done',
      matches: [match(ALEX_ID, 'Alex Baker', 'mobilephone')],
    });
    await waitUntil(() => $(el, '[part="subtitle"]')?.textContent.includes('Purchasing manager'));
    expect(fake.callsTo('retrieveRecord')[0]!.args.slice(0, 2)).to.deep.equal(['contact', ALEX_ID]);
    const dts = [...el.shadowRoot!.querySelectorAll('dt')].map((dt) => dt.textContent.trim());
    expect(dts).to.deep.equal(['Business', 'Mobile', 'Email', 'Address']);
    await waitUntil(() => el.shadowRoot!.querySelectorAll('[part="activity"] li').length === 2);
    const items = [...el.shadowRoot!.querySelectorAll('[part="activity"] li')].map((li) =>
      li.textContent.replace(/\s+/g, ' ').trim(),
    );
    expect(items).to.deep.equal([
      'Printer jam Case · 1 hour ago',
      'Billing question Phone call · 3 days ago',
    ]);
    const searches = fake.callsTo('searchAndOpenRecords');
    expect(searches.map((c) => c.args[0])).to.deep.equal(['phonecall', 'incident']);
    expect(
      searches.every((c) => c.args[2] === true),
      'search only, nothing opened',
    ).to.equal(true);
    expect(fake.callsTo('retrieveRecord'), 'details are loaded once').to.have.length(1);
    store.dispose();
  });

  it('opens the record: openForm with the right entity and id', async () => {
    const { provider, store, fake, client } = setup();
    const el = await fixture<CifContactCard>(
      html`<cif-contact-card
        .store=${store}
        .actions=${createContactCardActions(client, { store })}
      ></cif-contact-card>`,
    );
    const callId = await ring(provider, store);
    await store.annotate(callId, {
      lookup: 'done',
      matches: [match(ALEX_ID, 'Alex Baker', 'mobilephone')],
    });
    await waitUntil(() => el.view === 'known');
    $<HTMLButtonElement>(el, '[part="open-button"]').click();
    await waitUntil(() => fake.navigations.length > 0);
    expect(fake.navigations).to.deep.equal([
      { type: 'form', options: { entityName: 'contact', entityId: ALEX_ID } },
    ]);
    expect(JSON.parse(fake.callsTo('openForm')[0]!.args[0] as string)).to.deep.equal({
      entityName: 'contact',
      entityId: ALEX_ID,
    });
    store.dispose();
  });

  it("opens the record as a tab in the call's session when the call has one", async () => {
    const { provider, store, fake, client } = setup();
    const actions = createContactCardActions(client, {
      store,
      recordTabTemplate: 'msdyn_entityrecord',
    });
    const el = await fixture<CifContactCard>(
      html`<cif-contact-card .store=${store} .actions=${actions}></cif-contact-card>`,
    );
    const callId = await ring(provider, store);
    await store.annotate(callId, {
      lookup: 'done',
      matches: [match(ALEX_ID, 'Alex Baker', 'mobilephone')],
      context: { cifSessionId: 'session-1' },
    });
    await waitUntil(() => el.view === 'known');
    $<HTMLButtonElement>(el, '[part="open-button"]').click();
    await waitUntil(() => fake.tabs.size === 1);
    expect(fake.callsTo('createTab')[0]!.args[0]).to.deep.equal({
      templateName: 'msdyn_entityrecord',
      templateParameters: { entityName: 'contact', entityId: ALEX_ID },
      isFocused: true,
    });
    expect(fake.callsTo('openForm')).to.have.length(0);
    store.dispose();
  });

  it('creates a prefilled contact and searches for an unknown caller', async () => {
    const { provider, store, fake, client } = setup();
    const el = await fixture<CifContactCard>(
      html`<cif-contact-card
        .store=${store}
        .actions=${createContactCardActions(client, { store, quickCreate: true })}
      ></cif-contact-card>`,
    );
    const callId = await ring(provider, store);
    await store.annotate(callId, { lookup: 'done', matches: [] });
    await waitUntil(() => el.view === 'unknown');
    $<HTMLButtonElement>(el, '[part="create-button"]').click();
    await waitUntil(() => fake.navigations.length === 1);
    expect(fake.navigations[0]).to.deep.equal({
      type: 'form',
      options: { entityName: 'contact', useQuickCreateForm: true },
      parameters: { telephone1: NUMBER },
    });
    $<HTMLButtonElement>(el, '[part="search-button"]').click();
    await waitUntil(() => fake.navigations.length === 2);
    expect(fake.navigations[1]).to.deep.equal({
      type: 'search',
      entityName: 'contact',
      searchText: NUMBER,
    });
    store.dispose();
  });

  it('dials a number of the contact through the call store, regarding the record', async () => {
    const { provider, store, client } = setup();
    const contact: ContactCardContact = {
      entityName: 'contact',
      id: ALEX_ID,
      name: 'Alex Baker',
      phones: [{ number: '+14255550199', type: 'business' }],
    };
    const el = await fixture<CifContactCard>(
      html`<cif-contact-card
        .actions=${createContactCardActions(client, { store })}
        .contact=${contact}
      ></cif-contact-card>`,
    );
    $<HTMLButtonElement>(el, '[part="dial"]').click();
    await waitUntil(() => store.getSnapshot().calls.length === 1);
    const call = store.getSnapshot().calls[0]!;
    expect(call.remoteNumber).to.equal('+14255550199');
    expect(call.regarding).to.deep.equal({
      entityName: 'contact',
      id: ALEX_ID,
      name: 'Alex Baker',
    });
    expect(provider.actionsOf('dial')).to.have.length(1);
    store.dispose();
  });

  it('shows a notice when CIF fails (a JSON-string rejection)', async () => {
    const { store, fake, client } = setup();
    fake.override('openForm', { fail: 'json' });
    const el = await fixture<CifContactCard>(
      html`<cif-contact-card
        .actions=${createContactCardActions(client, { store })}
        .contact=${{ entityName: 'contact', id: ALEX_ID, name: 'Alex Baker' }}
      ></cif-contact-card>`,
    );
    $<HTMLButtonElement>(el, '[part="open-button"]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part="notice"]'));
    store.dispose();
  });

  it('renders on store changes and unsubscribes on disconnect; survives a throwing store', async () => {
    let state: unknown = { calls: [], activeCallId: null };
    const listeners = new Set<() => void>();
    const store = {
      getSnapshot: () => state,
      subscribe(listener: () => void) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
    const el = await fixture<CifContactCard>(
      html`<cif-contact-card .store=${store}></cif-contact-card>`,
    );
    expect(listeners.size).to.equal(1);
    state = {
      calls: [{ id: 'c9', state: 'connected', remoteNumber: '555', matches: [], lookup: 'done' }],
      activeCallId: 'c9',
    };
    for (const listener of listeners) listener();
    await el.updateComplete;
    expect(el.view).to.equal('unknown');
    el.remove();
    expect(listeners.size).to.equal(0);
    document.body.append(el);
    await el.updateComplete;
    expect(listeners.size, 'subscribes again on reconnect').to.equal(1);

    const warn = sinon.stub(console, 'warn');
    el.storeSelector = () => {
      throw new Error('bad selector');
    };
    await nextFrame();
    await el.updateComplete;
    expect(el.view).to.equal('empty');
    expect(warn.calledWithMatch(/storeSelector threw/)).to.equal(true);
    el.storeSelector = () => ({ callId: 'x', number: '777', matches: [], lookup: 'idle' });
    await nextFrame();
    await el.updateComplete;
    expect($(el, '[part="subtitle"]').textContent.trim()).to.equal('777');
    el.store = {
      getSnapshot() {
        throw new Error('broken');
      },
      subscribe: () => undefined as unknown as () => void,
    };
    el.storeSelector = undefined;
    await nextFrame();
    await el.updateComplete;
    expect(el.view).to.equal('empty');
    el.remove();
  });
});
