// Record, search and form APIs across origins: JSON-string encodings and the host-side effects.
import { expect } from '@open-wc/testing';
import { contactId } from '../dataverse/seed.js';
import type { Page } from '../host/model.js';
import { openHost, until, type HostHarness } from '../test-utils/harness.js';

const json = (value: unknown) => JSON.parse(value as string) as Record<string, unknown>;

describe('record and search APIs across origins', () => {
  let h: HostHarness;
  before(async () => {
    h = await openHost();
  });
  after(() => h.dispose());

  it('createRecord, retrieveRecord, updateRecord and deleteRecord answer JSON strings and change Dataverse', async () => {
    const created = await h.call(
      'createRecord',
      'contact',
      JSON.stringify({ firstname: 'Ada', lastname: 'Lovelace', mobilephone: '+44 7700 900999' }),
    );
    expect(created.outcome).to.equal('resolved');
    expect(created.value).to.be.a('string');
    const { id, entityName } = json(created.value) as { id: string; entityName: string };
    expect(entityName).to.equal('contact');
    expect(h.host.dataverse.get('contact', id)?.fullname).to.equal('Ada Lovelace');

    const retrieved = await h.call(
      'retrieveRecord',
      'contact',
      id,
      '?$select=fullname,mobilephone',
    );
    expect(retrieved.value).to.be.a('string');
    expect(json(retrieved.value)).to.include({
      contactid: id,
      fullname: 'Ada Lovelace',
      mobilephone: '+44 7700 900999',
    });

    const updated = await h.call(
      'updateRecord',
      'contact',
      id,
      JSON.stringify({ jobtitle: 'Analyst' }),
    );
    expect(json(updated.value)).to.deep.equal({ id, entityName: 'contact' });
    expect(h.host.dataverse.get('contact', id)?.jobtitle).to.equal('Analyst');

    const deleted = await h.call('deleteRecord', 'contact', id);
    expect(json(deleted.value)).to.deep.equal({ id, entityName: 'contact' });
    expect(h.host.dataverse.get('contact', id)).to.equal(undefined);

    const gone = await h.call('retrieveRecord', 'contact', id);
    expect(gone.outcome).to.equal('rejected');
    expect(json(gone.value)).to.deep.equal({
      message: `Entity 'contact' With Id = ${id} Does Not Exist`,
      msdyn_name: 'retrieverecord',
    });
  });

  it('logs a call with its activity parties, as the typical vendor flow does', async () => {
    const user = (json((await h.call('getEnvironment')).value).userId as string).replace(
      /[{}]/g,
      '',
    );
    const data = {
      subject: 'Incoming call from Alex Baker',
      phonenumber: '619-555-0129',
      directioncode: false,
      actualdurationminutes: 4,
      description: 'Discussed the damaged shipment.',
      'regardingobjectid_contact_phonecall@odata.bind': `/contacts(${contactId(1)})`,
      phonecall_activity_parties: [
        { 'partyid_systemuser@odata.bind': `/systemusers(${user})`, participationtypemask: 2 },
        { 'partyid_contact@odata.bind': `/contacts(${contactId(1)})`, participationtypemask: 1 },
      ],
    };
    const created = await h.call('createRecord', 'phonecall', JSON.stringify(data));
    const id = json(created.value).id as string;
    const call = h.host.dataverse.retrieve(
      'phonecall',
      id,
      '$expand=phonecall_activity_parties($select=participationtypemask,_partyid_value)',
    );
    expect(call._regardingobjectid_value).to.equal(contactId(1));
    expect((call.phonecall_activity_parties as unknown[]).length).to.equal(2);
  });

  it('rejects bad record input with JSON strings in the real shapes', async () => {
    expect(await h.call('createRecord', 'contact')).to.deep.equal({
      outcome: 'rejected',
      value: '{"message":"Provide a value to the data parameter to create record."}',
    });
    const object = await h.call('createRecord', 'contact', { firstname: 'x' });
    expect(object.outcome).to.equal('rejected');
    expect(json(object.value).message).to.match(/JSON string/);
    const unknown = await h.call('createRecord', 'spaceship', '{}');
    expect(json(unknown.value)).to.deep.equal({
      message:
        "The entity with a name = 'spaceship' with namemapping = 'Logical' was not found in the MetadataCache.",
      msdyn_name: 'createrecord',
    });
    const badColumn = await h.call('updateRecord', 'contact', contactId(1), '{"nickname":"Al"}');
    expect(json(badColumn.value).message).to.match(/The property 'nickname' does not exist/);
    expect(h.host.dataverse.get('contact', contactId(1))?.nickname).to.equal(undefined);
  });

  it('searchAndOpenRecords with searchOnly answers an array-like JSON object and opens nothing', async () => {
    const before = h.host.focusedTab?.page;
    const result = await h.call(
      'searchAndOpenRecords',
      'contact',
      "?$select=fullname,mobilephone&$filter=contains(mobilephone,'555-0129')",
      true,
    );
    expect(result.outcome).to.equal('resolved');
    expect(result.value).to.be.a('string');
    const rows = json(result.value);
    expect(Object.keys(rows)).to.deep.equal(['0']);
    expect(rows['0']).to.include({ fullname: 'Alex Baker', mobilephone: '619-555-0129' });
    expect(Array.isArray(rows)).to.equal(false);
    expect(h.host.focusedTab?.page).to.equal(before);
  });

  it('searchAndOpenRecords opens one match as a record and several as the search page, raising onpagenavigate', async () => {
    const navigate = h.nextEvent('onpagenavigate');
    await h.call(
      'searchAndOpenRecords',
      'contact',
      "?$select=fullname&$filter=telephone1 eq '+44 20 7946 0958'",
      false,
    );
    const page = h.host.focusedTab?.page as Extract<Page, { type: 'entityrecord' }>;
    expect(page).to.include({
      type: 'entityrecord',
      entityName: 'contact',
      entityId: contactId(7),
    });
    const event = await navigate;
    expect(event.type).to.equal('string');
    expect(json(event.payload).value).to.match(
      new RegExp(`pagetype=entityrecord&etn=contact&id=${contactId(7)}`),
    );

    await h.call('searchAndOpenRecords', 'contact', "?$filter=lastname eq 'García'", false);
    expect(h.host.focusedTab?.page).to.include({ type: 'search', searchText: 'García' });
    await h.call('searchAndOpenRecords', 'account', '?$search=Contoso', false);
    expect(h.host.focusedTab?.page).to.include({ type: 'search', searchText: 'Contoso' });
    await until(
      () =>
        h.container
          .querySelector('.cif-emu-page [role="status"]')
          ?.textContent?.includes('results'),
      2000,
      'search results',
    );
  });

  it('answers unsupported OData with a JSON string error, never a crash', async () => {
    const result = await h.call(
      'searchAndOpenRecords',
      'contact',
      "?$filter=substringof('x',fullname)",
      true,
    );
    expect(result.outcome).to.equal('rejected');
    expect(json(result.value)).to.deep.include({ msdyn_name: 'search' });
    expect(json(result.value).message).to.match(/unknown function with name 'substringof'/);
    const empty = await h.call('searchAndOpenRecords', 'contact', '', true);
    expect(empty.outcome).to.equal('rejected');
  });

  it('openForm opens an existing record and resolves a JSON string', async () => {
    const result = await h.call(
      'openForm',
      JSON.stringify({ entityName: 'account', entityId: '{A0000000-0000-4000-8000-000000000002}' }),
    );
    expect(result).to.deep.equal({ outcome: 'resolved', value: '{"savedEntityReference":[]}' });
    expect(h.host.focusedTab?.page).to.include({ type: 'entityrecord', entityName: 'account' });
    await until(
      () => h.container.querySelector('.cif-emu-page h2')?.textContent === 'Fabrikam Ltd',
      2000,
      'the account form',
    );
  });

  it('openForm of a new record prefills the form and resolves savedEntityReference when the agent saves', async () => {
    const pending = h.call(
      'openForm',
      JSON.stringify({
        entityName: 'phonecall',
        createFromEntity: { entityType: 'contact', id: contactId(2), name: 'Jordan Rivera' },
      }),
      JSON.stringify({
        subject: 'Call with Jordan',
        phonenumber: '206-555-0100',
        directioncode: true,
      }),
    );
    const subject = await until(
      () => h.container.querySelector<HTMLInputElement>('.cif-emu-page input[id$="-subject"]'),
      3000,
      'the new phone call form',
    );
    expect(subject.value).to.equal('Call with Jordan');
    h.container.querySelector<HTMLButtonElement>('.cif-emu-page button[type="submit"]')?.click();
    const result = await pending;
    expect(result.outcome).to.equal('resolved');
    const saved = json(result.value).savedEntityReference as {
      entityType: string;
      id: string;
      name: string;
    }[];
    expect(saved).to.have.length(1);
    expect(saved[0]).to.include({ entityType: 'phonecall', name: 'Call with Jordan' });
    const row = h.host.dataverse.retrieve(
      'phonecall',
      String(saved[0]?.id),
      '$select=directioncode,_regardingobjectid_value',
    );
    expect(row).to.include({ directioncode: true, _regardingobjectid_value: contactId(2) });
  });

  it('openForm of a new record resolves with no reference when the agent cancels', async () => {
    const pending = h.call(
      'openForm',
      { entityName: 'contact' },
      { firstname: 'Never', lastname: 'Saved' },
    );
    await until(
      () => h.container.querySelector('.cif-emu-page h2')?.textContent?.startsWith('New Contact'),
      3000,
      'the new contact form',
    );
    [...h.container.querySelectorAll<HTMLButtonElement>('.cif-emu-page button')]
      .find((b) => b.textContent?.trim() === 'Cancel')
      ?.click();
    expect(await pending).to.deep.equal({
      outcome: 'resolved',
      value: '{"savedEntityReference":[]}',
    });
    expect(await h.call('openForm', '')).to.deep.equal({
      outcome: 'rejected',
      value:
        '{"message":"The EntityFormOptions parameter is blank. Provide a value to the parameter."}',
    });
  });

  it('renderSearchPage opens the search page and resolves null', async () => {
    expect(await h.call('renderSearchPage', 'contact', 'Priya')).to.deep.equal({
      outcome: 'resolved',
      value: null,
    });
    expect(h.host.focusedTab?.page).to.include({ type: 'search', searchText: 'Priya' });
    await until(
      () =>
        [...h.container.querySelectorAll('.cif-emu-page td button')].some(
          (b) => b.textContent?.trim() === 'Priya Sharma',
        ),
      2000,
      'Priya in the results',
    );
  });

  it('renders hostile record data as text, never as markup', async () => {
    const evil = '<img src=x onerror="window.__pwned=1">';
    const created = await h.call(
      'createRecord',
      'account',
      JSON.stringify({ name: evil, telephone1: '<b>1</b>' }),
    );
    const id = json(created.value).id as string;
    await h.call('openForm', JSON.stringify({ entityName: 'account', entityId: id }));
    const heading = await until(
      () => {
        const el = h.container.querySelector('.cif-emu-page h2');
        return el?.textContent === evil ? el : undefined;
      },
      2000,
      'the hostile heading',
    );
    expect(heading.querySelector('img')).to.equal(null);
    expect(h.container.querySelector('.cif-emu-page img')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});
