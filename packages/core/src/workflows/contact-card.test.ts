// The contact card's CRM bridge over the CIF client (the fake CIF library) and core's call store.
import { expect, waitUntil } from '@open-wc/testing';
// The card's own types, for the type-level check only (erased at runtime: core depends on no component).
import type {
  ContactCardActions,
  ContactCardCallContext,
  ContactCardCreateRequest,
  ContactCardDialRequest,
  ContactCardSearchRequest,
} from '../../../contact-card/src/actions.js';
import type {
  ContactActivity,
  ContactCardContact,
  ContactRecordRef,
} from '../../../contact-card/src/types.js';
import { isCallError } from '../calls/errors.js';
import { SimulatedProvider } from '../calls/simulated-provider.js';
import { createCallStore, type CallStore } from '../calls/store.js';
import { createCifClient, type CifClient } from '../cif/client.js';
import { isCifError } from '../cif/errors.js';
import { createPhoneNumbers } from '../phone/numbers.js';
import { FakeCIFramework } from '../testing/index.js';
import {
  contactFromRecord,
  createContactCardActions,
  type ContactCardActionsLike,
  type ContactCardActivityLike,
  type ContactCardContactLike,
} from './contact-card.js';

// Type level (checked by `pnpm typecheck`): core's bridge is the card's `ContactCardActions`, its contact
// and activities are the card's, and everything the card passes to an action, core accepts. Methods
// compare their parameters both ways, so the requests are checked one way here, explicitly.
type Is<A, B> = [A] extends [B] ? true : false;
type Param<K extends keyof ContactCardActionsLike, I extends number = 0> = Parameters<
  ContactCardActionsLike[K]
>[I];
const typeChecks: [
  Is<ContactCardActionsLike, ContactCardActions>,
  Is<ContactCardContactLike, ContactCardContact>,
  Is<ContactCardActivityLike, ContactActivity>,
  Is<ContactRecordRef, Param<'openRecord'>>,
  Is<ContactCardCallContext, Param<'openRecord', 1>>,
  Is<ContactCardCreateRequest, Param<'createRecord'>>,
  Is<ContactCardSearchRequest, Param<'search'>>,
  Is<ContactCardDialRequest, Param<'dial'>>,
  Is<Parameters<NonNullable<ContactCardActions['retry']>>[0], Param<'retry'>>,
  Is<ContactRecordRef, Param<'loadContact'>>,
  Is<ContactRecordRef, Param<'loadRecentActivity'>>,
] = [true, true, true, true, true, true, true, true, true, true, true];

const AMELIA = 'c0000000-0000-4000-8000-000000000007';
const CONTOSO = 'a0000000-0000-4000-8000-000000000001';

describe('createContactCardActions', () => {
  let fake: FakeCIFramework;
  let client: CifClient;
  let store: CallStore;
  let provider: SimulatedProvider;
  const phone = createPhoneNumbers({ defaultRegion: 'US' });

  beforeEach(() => {
    fake = new FakeCIFramework({
      records: {
        contact: [
          {
            contactid: AMELIA,
            fullname: 'Amelia Hughes',
            jobtitle: 'Account Executive',
            telephone1: '+44 20 7946 0958',
            mobilephone: '+44 7700 900456',
            emailaddress1: 'amelia@fabrikam.example',
            address1_line1: '1 Main St',
            address1_postalcode: 'EC1A 1BB',
            address1_city: 'London',
            address1_country: 'United Kingdom',
            donotphone: false,
            '_parentcustomerid_value@OData.Community.Display.V1.FormattedValue': 'Fabrikam Ltd',
          },
        ],
        account: [
          {
            accountid: CONTOSO,
            name: 'Contoso',
            telephone1: '+1 206 555 0100',
            telephone3: '+1 206 555 0103',
            address1_composite: '1 Microsoft Way\r\nRedmond, WA 98052\r\n\r\nUnited States',
            donotphone: true,
          },
        ],
      },
    });
    client = createCifClient(fake.library, { onError: () => undefined });
    provider = new SimulatedProvider({ latencyMs: 0 });
    store = createCallStore({ provider, storage: null, ownership: false, wrapUp: false });
  });
  afterEach(() => store.dispose());

  it('is the contact card’s actions (a value of the card’s type; every type check holds)', () => {
    const actions: ContactCardActions = createContactCardActions(client, { store });
    expect(typeChecks.every(Boolean)).to.equal(true);
    expect(Object.keys(actions).sort()).to.deep.equal([
      'createRecord',
      'dial',
      'loadContact',
      'loadRecentActivity',
      'openRecord',
      'retry',
      'search',
      'selectMatch',
    ]);
  });

  it('opens a record with openForm, or as a tab in the call’s session (CIF 2.0)', async () => {
    const actions = createContactCardActions(client, {
      store,
      recordTabTemplate: 'EntityRecord',
    });
    await actions.openRecord({ entityName: 'contact', id: AMELIA }, { callId: undefined });
    expect(JSON.parse(fake.callsTo('openForm')[0]!.args[0] as string)).to.include({
      entityName: 'contact',
      entityId: AMELIA,
    });
    const id = provider.ring('+442079460958');
    await waitUntil(() => store.getCall(id));
    await store.annotate(id, { context: { cifSessionId: 'session-1' } });
    await actions.openRecord({ entityName: 'contact', id: AMELIA }, { callId: id });
    expect(fake.callsTo('createTab')).to.have.length(1);
    expect(fake.callsTo('createTab')[0]!.args[0]).to.deep.include({ templateName: 'EntityRecord' });
  });

  it('opens with openForm on a CIF 1.0 host, even for a call with a session', async () => {
    const v1 = new FakeCIFramework({ version: 1 });
    const actions = createContactCardActions(
      createCifClient(v1.library, { onError: () => undefined }),
      { store, recordTabTemplate: 'EntityRecord' },
    );
    const id = provider.ring('+442079460958');
    await waitUntil(() => store.getCall(id));
    await store.annotate(id, { context: { cifSessionId: 'session-1' } });
    await actions.openRecord({ entityName: 'contact', id: AMELIA }, { callId: id });
    expect(v1.callsTo('createTab')).to.have.length(0);
    expect(JSON.parse(v1.callsTo('openForm')[0]!.args[0] as string)).to.deep.equal({
      entityName: 'contact',
      entityId: AMELIA,
    });
  });

  it('creates a record prefilled with the number; once saved it is the call’s record', async () => {
    const actions = createContactCardActions(client, { store, quickCreate: true });
    const id = provider.ring('+14155550142');
    await waitUntil(() => store.getCall(id));
    fake.override('openForm', {
      result: JSON.stringify({
        savedEntityReference: [
          { entityType: 'contact', id: 'C0FFEE00-0000-4000-8000-000000000001', name: 'Robin' },
        ],
      }),
      times: 1,
    });
    await actions.createRecord({ entityName: 'contact', number: '+1 415 555 0142', callId: id });
    const [options, parameters] = fake.callsTo('openForm')[0]!.args as [string, string];
    expect(JSON.parse(options)).to.deep.equal({ entityName: 'contact', useQuickCreateForm: true });
    expect(JSON.parse(parameters)).to.deep.equal({ telephone1: '+1 415 555 0142' });
    const call = store.getCall(id)!;
    expect(call.regarding).to.deep.equal({
      entityName: 'contact',
      id: 'c0ffee00-0000-4000-8000-000000000001',
      name: 'Robin',
    });
    expect(call.matches).to.have.length(1);
    expect(call.displayName).to.equal('Robin');
    // Closed without saving: nothing changes.
    await actions.createRecord({ entityName: 'contact', number: '+1', callId: undefined });
    expect(store.getCall(id)!.regarding?.name).to.equal('Robin');
  });

  it('creates with the full form and puts the number in `numberField`', async () => {
    const actions = createContactCardActions(client, { store, numberField: 'mobilephone' });
    await actions.createRecord({ entityName: 'lead', number: '+1 415', callId: undefined });
    const [options, parameters] = fake.callsTo('openForm')[0]!.args as [string, string];
    expect(JSON.parse(options)).to.deep.equal({ entityName: 'lead' });
    expect(JSON.parse(parameters)).to.deep.equal({ mobilephone: '+1 415' });
  });

  it('searches, dials and selects through the store', async () => {
    const actions = createContactCardActions(client, { store });
    await actions.search({ entityName: 'contact', text: '+1 415', callId: undefined });
    expect(fake.callsTo('renderSearchPage')[0]!.args).to.deep.equal(['contact', '+1 415']);
    await actions.dial({
      number: '+442079460958',
      record: { entityName: 'contact', id: AMELIA, name: 'Amelia Hughes' },
      callId: undefined,
    });
    const placed = store.getSnapshot().calls[0]!;
    expect(placed.regarding?.id).to.equal(AMELIA);
    expect(placed.displayName).to.equal('Amelia Hughes');
    await actions.selectMatch(placed.id, { entityName: 'account', id: CONTOSO });
    expect(store.getCall(placed.id)!.regarding).to.deep.equal({
      entityName: 'account',
      id: CONTOSO,
    });
    await actions.selectMatch(undefined, { entityName: 'account', id: CONTOSO });
    const bare = createContactCardActions(client);
    let failure: unknown;
    try {
      await bare.dial({ number: '1', record: undefined, callId: undefined });
    } catch (error) {
      failure = error;
    }
    expect(String(failure)).to.contain('no call store');
    expect(isCallError(failure, 'unsupported')).to.equal(true);
  });

  it('retry looks the caller up again; a failed lookup is marked and rethrown', async () => {
    const actions = createContactCardActions(client, { store, phone });
    const id = provider.ring('+442079460958');
    await waitUntil(() => store.getCall(id));
    await actions.retry({ callId: id, number: '+442079460958' });
    expect(store.getCall(id)!.lookup).to.equal('done');
    expect(store.getCall(id)!.regarding?.id).to.equal(AMELIA);
    fake.override('searchAndOpenRecords', { fail: 'json' });
    let failure: unknown;
    try {
      await actions.retry({ callId: id, number: '+442079460958' });
    } catch (error) {
      failure = error;
    }
    expect(failure).to.be.instanceOf(Error);
    expect(store.getCall(id)!.lookup).to.equal('failed');
    await actions.retry({ callId: undefined, number: '' });
  });

  it('loads a contact’s details', async () => {
    const actions = createContactCardActions(client, { store });
    const contact = await actions.loadContact({ entityName: 'contact', id: AMELIA });
    expect(contact).to.deep.include({
      entityName: 'contact',
      id: AMELIA,
      name: 'Amelia Hughes',
      jobTitle: 'Account Executive',
      address: '1 Main St\nEC1A 1BB London\nUnited Kingdom',
      emails: ['amelia@fabrikam.example'],
      doNotCall: false,
    });
    expect(contact.phones).to.deep.equal([
      { number: '+44 20 7946 0958', type: 'business' },
      { number: '+44 7700 900456', type: 'mobile' },
    ]);
    const account = await actions.loadContact({ entityName: 'account', id: CONTOSO });
    expect(account).to.deep.include({ name: 'Contoso', emails: [] });
    // Address 1's composite (CRLF-separated, as Dynamics computes it), telephone3 and "do not phone".
    expect(account).to.deep.include({
      address: '1 Microsoft Way\nRedmond, WA 98052\nUnited States',
      doNotCall: true,
    });
    expect(account.phones).to.deep.equal([
      { number: '+1 206 555 0100', type: 'business' },
      { number: '+1 206 555 0103', type: 'other' },
    ]);
    const select = (entity: string) =>
      decodeURIComponent(
        fake.callsTo('retrieveRecord').find((c) => c.args[0] === entity)!.args[2] as string,
      );
    expect(select('contact')).to.contain('address1_composite').and.contain('telephone3');
    expect(select('account')).to.contain('donotphone');
  });

  it('loads recent phone calls and cases, newest first, with ids as Dataverse wants them', async () => {
    const actions = createContactCardActions(client, { store });
    fake.override('searchAndOpenRecords', {
      respond: (entity) =>
        JSON.stringify(
          entity === 'phonecall'
            ? {
                0: {
                  activityid: 'p1',
                  subject: 'Billing',
                  createdon: '2025-01-10T10:00:00Z',
                  directioncode: true,
                },
              }
            : { 0: { incidentid: 'i1', title: 'Broken', createdon: '2025-01-12T10:00:00Z' } },
        ),
    });
    const activity = await actions.loadRecentActivity({ entityName: 'contact', id: AMELIA });
    expect(activity.map((a) => a.subject)).to.deep.equal(['Broken', 'Billing']);
    expect(activity[1]).to.include({ type: 'phonecall', direction: 'outbound' });
    const query = fake.callsTo('searchAndOpenRecords')[0]!.args[1] as string;
    expect(decodeURIComponent(query)).to.contain(`_regardingobjectid_value eq ${AMELIA}`);
    expect(await actions.loadRecentActivity({ entityName: 'lead', id: AMELIA })).to.have.length(1);
    let failure: unknown;
    try {
      await actions.loadRecentActivity({ entityName: 'contact', id: 'not-an-id' });
    } catch (error) {
      failure = error;
    }
    expect(String(failure)).to.contain('not a record id');
    expect(isCifError(failure, 'validation')).to.equal(true);
  });

  it('finds only the record’s own calls and cases (filtered by its id, unquoted)', async () => {
    const crm = new FakeCIFramework({
      records: {
        phonecall: [
          {
            activityid: 'p1',
            subject: 'Mine',
            createdon: '2025-01-10T10:00:00Z',
            _regardingobjectid_value: AMELIA,
          },
          {
            activityid: 'p2',
            subject: 'Theirs',
            createdon: '2025-01-11T10:00:00Z',
            _regardingobjectid_value: CONTOSO,
          },
        ],
        incident: [
          {
            incidentid: 'i1',
            title: 'My case',
            createdon: '2025-01-09T10:00:00Z',
            _customerid_value: AMELIA,
          },
        ],
      },
    });
    const actions = createContactCardActions(createCifClient(crm.library), { store });
    const activity = await actions.loadRecentActivity({ entityName: 'contact', id: AMELIA });
    expect(activity).to.deep.equal([
      {
        type: 'phonecall',
        subject: 'Mine',
        time: '2025-01-10T10:00:00Z',
        direction: 'inbound',
        record: { entityName: 'phonecall', id: 'p1' },
      },
      {
        type: 'case',
        subject: 'My case',
        time: '2025-01-09T10:00:00Z',
        record: { entityName: 'incident', id: 'i1' },
      },
    ]);
  });

  it('reads braced, upper-case ids and keeps the five newest of calls and cases together', async () => {
    const actions = createContactCardActions(client, { store });
    const iso = (day: number) => new Date(Date.UTC(2025, 0, day)).toISOString();
    const rows = (key: string, day: number) =>
      JSON.stringify(
        Object.fromEntries(
          [0, 1, 2, 3, 4].map((i) => [
            i,
            { [key]: `${key}-${i}`, subject: `s${i}`, title: `t${i}`, createdon: iso(day + i * 2) },
          ]),
        ),
      );
    fake.override('searchAndOpenRecords', {
      respond: (entity) => (entity === 'phonecall' ? rows('activityid', 1) : rows('incidentid', 2)),
    });
    const activity = await actions.loadRecentActivity({
      entityName: 'account',
      id: `{${CONTOSO.toUpperCase()}}`,
    });
    expect(activity.map((a) => a.subject)).to.deep.equal(['t4', 's4', 't3', 's3', 't2']);
    expect(activity[0]!.record).to.deep.equal({ entityName: 'incident', id: 'incidentid-4' });
    const queries = fake
      .callsTo('searchAndOpenRecords')
      .map((c) => decodeURIComponent(c.args[1] as string));
    expect(queries[0]).to.contain(`_regardingobjectid_value eq ${CONTOSO}`);
    expect(queries[1]).to.contain(`_customerid_value eq ${CONTOSO}`);
  });

  it('contactFromRecord reads the company from the lookup’s formatted value, and leads', () => {
    expect(
      contactFromRecord('contact', 'c1', {
        fullname: 'Amelia',
        '_parentcustomerid_value@OData.Community.Display.V1.FormattedValue': 'Fabrikam Ltd',
        fax: '+1 206 555 0199',
        telephone2: '+1 206 555 0198',
        donotphone: true,
      }),
    ).to.deep.include({ company: 'Fabrikam Ltd', doNotCall: true });
    expect(
      contactFromRecord('lead', 'l1', { fullname: 'Lee', companyname: 'Acme', telephone1: ' ' }),
    ).to.deep.equal({
      entityName: 'lead',
      id: 'l1',
      name: 'Lee',
      company: 'Acme',
      phones: [],
      emails: [],
      doNotCall: false,
    });
  });

  it('contactFromRecord ignores values that are not text, and an empty composite', () => {
    expect(
      contactFromRecord('account', 'a1', {
        name: 42,
        telephone1: null,
        emailaddress1: { address: 'x' },
        address1_composite: ' \r\n ',
        address1_city: 'Redmond',
        donotphone: 'true',
      }),
    ).to.deep.equal({
      entityName: 'account',
      id: 'a1',
      address: 'Redmond',
      phones: [],
      emails: [],
      doNotCall: false,
    });
  });
});
