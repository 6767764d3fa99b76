import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { Dataverse, parseGuid } from './Dataverse.js';
import { DataverseError } from './errors.js';
import { accountId, contactId, defaultSeed, userId } from './seed.js';

const fixedNow = () => new Date('2025-03-01T10:00:00Z');
const seeded = () => new Dataverse({ seed: () => defaultSeed(), now: fixedNow });

function expectError(fn: () => unknown, pattern: RegExp): DataverseError {
  try {
    fn();
  } catch (error) {
    expect(error).to.be.instanceOf(DataverseError);
    expect((error as Error).message).to.match(pattern);
    return error as DataverseError;
  }
  throw new Error('expected a DataverseError');
}

describe('Dataverse seed', () => {
  it('loads a realistic international data set without warnings', () => {
    const dv = seeded();
    expect(dv.seedWarnings).to.deep.equal([]);
    expect(dv.count('contact')).to.be.at.least(50);
    expect(dv.count('account')).to.be.at.least(15);
    expect(dv.count('lead')).to.be.at.least(5);
    expect(dv.count('incident')).to.be.at.least(5);
    expect(dv.count('phonecall')).to.be.at.least(3);
    expect(dv.count('activityparty')).to.equal(dv.count('phonecall') * 2);
    const countries = new Set(
      dv.query('contact', '$select=address1_country').map((c) => c.address1_country),
    );
    expect(countries.size).to.be.at.least(20);
  });

  it('contains duplicates and shared numbers, the cases caller lookup must survive', () => {
    const dv = seeded();
    expect(dv.query('contact', "$filter=fullname eq 'Maria García'")).to.have.length(2);
    expect(dv.query('contact', "$filter=fullname eq 'John Smith'")).to.have.length(2);
    // A switchboard shared by contacts and their account, written two ways.
    expect(dv.query('contact', "$filter=telephone1 eq '020 7946 0000'")).to.have.length(2);
    expect(dv.query('account', "$filter=telephone1 eq '020 7946 0000'")).to.have.length(1);
    // A household number.
    expect(dv.query('contact', "$filter=telephone2 eq '(206) 555-0177'")).to.have.length(2);
  });

  it('resolves seeded lookups with their annotations', () => {
    const dv = seeded();
    const alex = dv.retrieve('contact', contactId(1), '?$select=fullname,_parentcustomerid_value');
    expect(alex.fullname).to.equal('Alex Baker');
    expect(alex._parentcustomerid_value).to.equal(accountId(1));
    expect(alex['_parentcustomerid_value@OData.Community.Display.V1.FormattedValue']).to.equal(
      'Contoso Pharmaceuticals',
    );
    expect(alex['_parentcustomerid_value@Microsoft.Dynamics.CRM.lookuplogicalname']).to.equal(
      'account',
    );
    expect(
      alex['_parentcustomerid_value@Microsoft.Dynamics.CRM.associatednavigationproperty'],
    ).to.equal('parentcustomerid_account');
    expect(alex['@odata.etag']).to.match(/^W\/"\d+"$/);
    expect(Object.keys(alex)).to.not.include('telephone1');
  });
});

describe('Dataverse CRUD', () => {
  it('creates, retrieves, updates and deletes a contact', () => {
    const dv = seeded();
    const changes: string[] = [];
    dv.subscribe((c) => changes.push(`${c.type}:${c.entity}`));
    const id = dv.create('contact', {
      firstname: 'Zoë',
      lastname: 'Ångström',
      mobilephone: '+46 70 555 01 99',
      'parentcustomerid_account@odata.bind': `/accounts(${accountId(19)})`,
    });
    expect(id).to.match(/^[0-9a-f-]{36}$/);
    let row = dv.retrieve('contact', `{${id.toUpperCase()}}`);
    expect(row.fullname).to.equal('Zoë Ångström');
    expect(row.createdon).to.equal('2025-03-01T10:00:00Z');
    expect(row._parentcustomerid_value).to.equal(accountId(19));
    dv.update('contact', id, { jobtitle: 'Buyer', lastname: 'Lind' });
    row = dv.retrieve('contact', id, '$select=fullname,jobtitle');
    expect(row).to.include({ fullname: 'Zoë Lind', jobtitle: 'Buyer' });
    dv.delete('contact', id);
    expectError(() => dv.retrieve('contact', id), /Does Not Exist/);
    expect(changes).to.deep.equal(['create:contact', 'update:contact', 'delete:contact']);
  });

  it('creates a phone call with activity parties (deep insert) and a regarding lookup', () => {
    const dv = seeded();
    const id = dv.create('phonecall', {
      subject: 'Inbound call',
      phonenumber: '+44 20 7946 0958',
      directioncode: false,
      actualdurationminutes: 3,
      'regardingobjectid_contact@odata.bind': `/contacts(${contactId(7)})`,
      phonecall_activity_parties: [
        { 'partyid_systemuser@odata.bind': `/systemusers(${userId(1)})`, participationtypemask: 2 },
        { 'partyid_contact@odata.bind': `/contacts(${contactId(7)})`, participationtypemask: 1 },
      ],
    });
    const call = dv.retrieve(
      'phonecall',
      id,
      '?$select=subject,directioncode,_regardingobjectid_value&$expand=phonecall_activity_parties($select=participationtypemask,_partyid_value)',
    );
    expect(call.directioncode).to.equal(false);
    expect(call['directioncode@OData.Community.Display.V1.FormattedValue']).to.equal('Incoming');
    expect(call['_regardingobjectid_value@OData.Community.Display.V1.FormattedValue']).to.equal(
      'Amelia Hughes',
    );
    const parties = call.phonecall_activity_parties as Record<string, unknown>[];
    expect(parties.map((p) => p._partyid_value)).to.have.members([userId(1), contactId(7)]);
    expect(
      parties.map((p) => p['_partyid_value@Microsoft.Dynamics.CRM.lookuplogicalname']),
    ).to.have.members(['systemuser', 'contact']);
    dv.delete('phonecall', id);
    expect(dv.query('activityparty', `$filter=_activityid_value eq ${id}`)).to.have.length(0);
  });

  it('expands a single-valued navigation property', () => {
    const dv = seeded();
    const row = dv.retrieve(
      'contact',
      contactId(1),
      '$select=fullname&$expand=parentcustomerid_account($select=name,telephone1)',
    );
    expect(row.parentcustomerid_account).to.deep.include({
      name: 'Contoso Pharmaceuticals',
      telephone1: '+1 (206) 555-0100',
    });
  });

  it('answers Dataverse errors for bad input and leaves nothing behind', () => {
    const dv = seeded();
    const before = dv.count('contact');
    expectError(() => dv.create('widget', {}), /entity with a name = 'widget'/);
    expectError(
      () => dv.create('contact', { nickname: 'x' }),
      /The property 'nickname' does not exist on type 'Microsoft.Dynamics.CRM.contact'/,
    );
    expectError(
      () => dv.create('contact', { firstname: 42 }),
      /Cannot convert the literal '42' to the expected type 'Edm.String'/,
    );
    expectError(() => dv.create('contact', { parentcustomerid: accountId(1) }), /@odata.bind/);
    expectError(
      () =>
        dv.create('contact', {
          'parentcustomerid_account@odata.bind': '/accounts(00000000-0000-0000-0000-000000000001)',
        }),
      /Does Not Exist/,
    );
    expectError(
      () =>
        dv.create('contact', {
          'parentcustomerid_account@odata.bind': '/contacts(' + contactId(1) + ')',
        }),
      /cannot point to/,
    );
    expectError(
      () => dv.create('contact', { 'parentcustomerid_account@odata.bind': 'garbage' }),
      /not a valid entity reference/,
    );
    expectError(
      () => dv.create('contact', { preferredcontactmethodcode: 99 }),
      /outside the valid range/,
    );
    expectError(
      () => dv.create('contact', { firstname: 'x'.repeat(51) }),
      /exceeded the maximum allowed length/,
    );
    expectError(
      () =>
        dv.create('phonecall', {
          subject: 'x',
          phonecall_activity_parties: [
            { 'partyid_contact@odata.bind': '/contacts(00000000-0000-0000-0000-000000000009)' },
          ],
        }),
      /Does Not Exist/,
    );
    expect(dv.count('contact')).to.equal(before);
    expect(dv.count('phonecall')).to.equal(3);
    expectError(() => dv.retrieve('contact', 'not-a-guid'), /Guid should contain 32 digits/);
    expectError(() => dv.update('contact', contactId(999), { firstname: 'x' }), /Does Not Exist/);
    expectError(() => dv.delete('contact', contactId(999)), /Does Not Exist/);
    expectError(
      () => dv.retrieve('contact', contactId(1), "$filter=firstname eq 'x'"),
      /Only \$select and \$expand/,
    );
    expectError(() => dv.create('contact', { contactid: contactId(1) }), /duplicate key/);
  });

  it('stores hostile strings verbatim (they are data, never markup)', () => {
    const dv = seeded();
    const evil = `<img src=x onerror=alert(1)>';--`;
    const id = dv.create('contact', { lastname: evil });
    expect(dv.retrieve('contact', id).lastname).to.equal(evil);
    expect(dv.query('contact', `$filter=lastname eq '${evil.replace(/'/g, "''")}'`)).to.have.length(
      1,
    );
  });

  it('never throws anything but a DataverseError on arbitrary create payloads', () => {
    const dv = new Dataverse();
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (data) => {
        try {
          dv.create('contact', data);
        } catch (error) {
          expect(error).to.be.instanceOf(DataverseError);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps changes in storage across instances and forgets them on reset', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
    };
    const first = new Dataverse({ seed: () => defaultSeed(), storage, storageKey: 'test' });
    const id = first.create('account', { name: 'Persisted GmbH' });
    const second = new Dataverse({ seed: () => defaultSeed(), storage, storageKey: 'test' });
    expect(second.retrieve('account', id, '$select=name').name).to.equal('Persisted GmbH');
    second.reset();
    expect(store.has('test')).to.equal(false);
    expect(() => second.retrieve('account', id)).to.throw(DataverseError);
    const third = new Dataverse({ seed: () => defaultSeed(), storage, storageKey: 'test' });
    expect(third.count('account')).to.equal(second.count('account'));
  });

  it('normalises GUIDs with braces and upper case', () => {
    expect(parseGuid('{A8177E6E-5B3C-4D2A-9F1E-0C2B3A4D5E6F}')).to.equal(
      'a8177e6e-5b3c-4d2a-9f1e-0c2b3a4d5e6f',
    );
  });
});

describe('Dataverse search', () => {
  it('finds records across entities by words, accents folded', () => {
    const dv = seeded();
    const hits = dv.search('garcia');
    expect(hits.filter((h) => h.entity === 'contact')).to.have.length(2);
    expect(dv.search('contoso').map((h) => h.entity)).to.include.members([
      'account',
      'contact',
      'lead',
    ]);
    expect(dv.search('zzzz-nothing')).to.deep.equal([]);
    expect(dv.search('Contoso Pharma*').length).to.be.greaterThan(0);
  });
});
