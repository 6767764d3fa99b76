// The contact card's CRM bridge over the CIF client (the fake CIF library) and core's call store.
import {
  SimulatedProvider,
  createCallStore,
  createCifClient,
  createPhoneNumbers,
  type CallStore,
  type CifClient,
} from '@cif-elements/core';
import { FakeCIFramework } from '@cif-elements/core/testing';
import { expect, waitUntil } from '@open-wc/testing';
import { contactFromRecord, createCifContactCardActions } from './cif-actions.js';

const AMELIA = 'c0000000-0000-4000-8000-000000000007';
const CONTOSO = 'a0000000-0000-4000-8000-000000000001';

describe('createCifContactCardActions', () => {
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
        account: [{ accountid: CONTOSO, name: 'Contoso', telephone1: '+1 206 555 0100' }],
      },
    });
    client = createCifClient(fake.library, { onError: () => undefined });
    provider = new SimulatedProvider({ latencyMs: 0 });
    store = createCallStore({ provider, storage: null, ownership: false, wrapUp: false });
  });
  afterEach(() => store.dispose());

  it('opens a record with openForm, or as a tab in the call’s session (CIF 2.0)', async () => {
    const actions = createCifContactCardActions(client, {
      store,
      recordTabTemplate: 'EntityRecord',
    });
    await actions.openRecord!({ entityName: 'contact', id: AMELIA }, { callId: undefined });
    expect(JSON.parse(fake.callsTo('openForm')[0]!.args[0] as string)).to.include({
      entityName: 'contact',
      entityId: AMELIA,
    });
    const id = provider.ring('+442079460958');
    await waitUntil(() => store.getCall(id));
    await store.annotate(id, { context: { cifSessionId: 'session-1' } });
    await actions.openRecord!({ entityName: 'contact', id: AMELIA }, { callId: id });
    expect(fake.callsTo('createTab')).to.have.length(1);
    expect(fake.callsTo('createTab')[0]!.args[0]).to.deep.include({ templateName: 'EntityRecord' });
  });

  it('creates a record prefilled with the number; once saved it is the call’s record', async () => {
    const actions = createCifContactCardActions(client, { store, quickCreate: true });
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
    await actions.createRecord!({ entityName: 'contact', number: '+1 415 555 0142', callId: id });
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
    await actions.createRecord!({ entityName: 'contact', number: '+1', callId: undefined });
  });

  it('searches, dials and selects through the store', async () => {
    const actions = createCifContactCardActions(client, { store });
    await actions.search!({ entityName: 'contact', text: '+1 415', callId: undefined });
    expect(fake.callsTo('renderSearchPage')[0]!.args).to.deep.equal(['contact', '+1 415']);
    await actions.dial!({
      number: '+442079460958',
      record: { entityName: 'contact', id: AMELIA, name: 'Amelia Hughes' },
      label: 'Business',
      callId: undefined,
    });
    const placed = store.getSnapshot().calls[0]!;
    expect(placed.regarding?.id).to.equal(AMELIA);
    expect(placed.displayName).to.equal('Amelia Hughes');
    await actions.selectMatch!(placed.id, { entityName: 'account', id: CONTOSO });
    expect(store.getCall(placed.id)!.regarding).to.deep.equal({
      entityName: 'account',
      id: CONTOSO,
    });
    await actions.selectMatch!(undefined, { entityName: 'account', id: CONTOSO });
    const bare = createCifContactCardActions(client);
    let failure: unknown;
    try {
      await bare.dial!({ number: '1', record: undefined, label: '', callId: undefined });
    } catch (error) {
      failure = error;
    }
    expect(String(failure)).to.contain('no call store');
  });

  it('retry looks the caller up again; a failed lookup is marked and rethrown', async () => {
    const actions = createCifContactCardActions(client, { store, phone });
    const id = provider.ring('+442079460958');
    await waitUntil(() => store.getCall(id));
    await actions.retry!({ callId: id, number: '+442079460958' });
    expect(store.getCall(id)!.lookup).to.equal('done');
    expect(store.getCall(id)!.regarding?.id).to.equal(AMELIA);
    fake.override('searchAndOpenRecords', { fail: 'json' });
    let failure: unknown;
    try {
      await actions.retry!({ callId: id, number: '+442079460958' });
    } catch (error) {
      failure = error;
    }
    expect(failure).to.be.instanceOf(Error);
    expect(store.getCall(id)!.lookup).to.equal('failed');
    await actions.retry!({ callId: undefined, number: '' });
  });

  it('loads a contact’s details', async () => {
    const actions = createCifContactCardActions(client, { store });
    const contact = await actions.loadContact!({ entityName: 'contact', id: AMELIA });
    expect(contact).to.deep.include({
      entityName: 'contact',
      id: AMELIA,
      name: 'Amelia Hughes',
      jobTitle: 'Account Executive',
      address: '1 Main St\nEC1A 1BB London\nUnited Kingdom',
      emails: ['amelia@fabrikam.example'],
      doNotCall: false,
    });
    expect(contact!.phones).to.deep.equal([
      { number: '+44 20 7946 0958', type: 'business' },
      { number: '+44 7700 900456', type: 'mobile' },
    ]);
    const account = await actions.loadContact!({ entityName: 'account', id: CONTOSO });
    expect(account).to.deep.include({ name: 'Contoso', emails: [] });
  });

  it('loads recent phone calls and cases, newest first, with ids as Dataverse wants them', async () => {
    const actions = createCifContactCardActions(client, { store });
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
    const activity = await actions.loadRecentActivity!({ entityName: 'contact', id: AMELIA });
    expect(activity.map((a) => a.subject)).to.deep.equal(['Broken', 'Billing']);
    expect(activity[1]).to.include({ type: 'phonecall', direction: 'outbound' });
    const query = fake.callsTo('searchAndOpenRecords')[0]!.args[1] as string;
    expect(decodeURIComponent(query)).to.contain(`_regardingobjectid_value eq ${AMELIA}`);
    expect(await actions.loadRecentActivity!({ entityName: 'lead', id: AMELIA })).to.have.length(1);
    let failure: unknown;
    try {
      await actions.loadRecentActivity!({ entityName: 'contact', id: 'not-an-id' });
    } catch (error) {
      failure = error;
    }
    expect(String(failure)).to.contain('not a record id');
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
});
