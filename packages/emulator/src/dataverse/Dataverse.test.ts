import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { Dataverse, parseGuid } from './Dataverse.js';
import { DataverseError } from './errors.js';
import { accountId, contactId, defaultSeed, incidentId, leadId, userId } from './seed.js';

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
      'regardingobjectid_contact_phonecall@odata.bind': `/contacts(${contactId(7)})`,
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

  it("binds Regarding by Dataverse's name `regardingobjectid_<target>_phonecall` for every target", () => {
    const dv = seeded();
    const targets = [
      ['contact', 'contacts', contactId(7)],
      ['account', 'accounts', accountId(2)],
      ['lead', 'leads', leadId(1)],
      ['incident', 'incidents', incidentId(1)],
    ] as const;
    for (const [target, set, recordId] of targets) {
      const id = dv.create('phonecall', {
        subject: `Call about a ${target}`,
        [`regardingobjectid_${target}_phonecall@odata.bind`]: `/${set}(${recordId})`,
      });
      const call = dv.retrieve('phonecall', id, '$select=_regardingobjectid_value');
      expect(call._regardingobjectid_value).to.equal(recordId);
      expect(call['_regardingobjectid_value@Microsoft.Dynamics.CRM.lookuplogicalname']).to.equal(
        target,
      );
      expect(
        call['_regardingobjectid_value@Microsoft.Dynamics.CRM.associatednavigationproperty'],
      ).to.equal(`regardingobjectid_${target}_phonecall`);
      expect(
        dv.query('phonecall', `$select=subject&$filter=_regardingobjectid_value eq ${recordId}`),
      ).to.deep.include.members([
        { '@odata.etag': call['@odata.etag'], activityid: id, subject: `Call about a ${target}` },
      ]);
    }
  });

  it("still accepts activitypointer's short `regardingobjectid_<target>` and expands the long name", () => {
    const dv = seeded();
    const id = dv.create('phonecall', {
      subject: 'Short name',
      'regardingobjectid_account@odata.bind': `/accounts(${accountId(1)})`,
    });
    const call = dv.retrieve(
      'phonecall',
      id,
      '$select=_regardingobjectid_value&$expand=regardingobjectid_account_phonecall($select=name)',
    );
    expect(call._regardingobjectid_value).to.equal(accountId(1));
    expect(call.regardingobjectid_account_phonecall).to.deep.include({
      name: 'Contoso Pharmaceuticals',
    });
    dv.update('phonecall', id, { 'regardingobjectid_account_phonecall@odata.bind': null });
    expect(dv.retrieve('phonecall', id, '$select=_regardingobjectid_value')).to.include({
      _regardingobjectid_value: null,
    });
  });

  it('refuses a Regarding bind whose target does not match the record set', () => {
    const dv = seeded();
    expectError(
      () =>
        dv.create('phonecall', {
          'regardingobjectid_contact_phonecall@odata.bind': `/accounts(${accountId(1)})`,
        }),
      /cannot point to 'accounts'/,
    );
    expectError(
      () =>
        dv.create('phonecall', {
          'regardingobjectid_systemuser_phonecall@odata.bind': `/systemusers(${userId(1)})`,
        }),
      /regardingobjectid_systemuser_phonecall/,
    );
  });

  it('names the Regarding of other activities after them too (msdyn_ocliveworkitem)', () => {
    const dv = seeded();
    const id = dv.create('msdyn_ocliveworkitem', {
      subject: 'Voice conversation',
      'regardingobjectid_incident_msdyn_ocliveworkitem@odata.bind': `/incidents(${incidentId(2)})`,
    });
    expect(dv.retrieve('msdyn_ocliveworkitem', id, '$select=_regardingobjectid_value')).to.include({
      _regardingobjectid_value: incidentId(2),
    });
  });

  it('has telephone3, donotphone, jobtitle and address1_composite where Dataverse has them', () => {
    const dv = seeded();
    const byPhone3 = (entity: string, number: string) =>
      dv.query(entity, `$select=telephone3&$filter=telephone3 eq '${number}'`);
    expect(byPhone3('account', '+1 206 555 0187')).to.have.length(1);
    expect(byPhone3('contact', '(206) 555-0188')).to.have.length(1);
    expect(byPhone3('lead', '(512) 555-0179')).to.have.length(1);
    expect(dv.query('contact', "$filter=contains(telephone3,'7946 0189')")).to.have.length(1);
    expect(
      dv.query('lead', "$select=fullname&$filter=telephone2 eq '+49 89 5550 7719'"),
    ).to.deep.equal(dv.query('lead', "$select=fullname&$filter=jobtitle eq 'Head of Fleet'"));
    expect(dv.query('account', '$filter=donotphone eq true')).to.have.length(1);
    expect(dv.query('contact', '$select=donotphone&$top=1')[0]).to.have.property('donotphone');

    const account = dv.retrieve(
      'account',
      accountId(1),
      '$select=telephone3,donotphone,address1_composite',
    );
    expect(account).to.include({
      telephone3: '+1 206 555 0187',
      donotphone: false,
      address1_composite: '1 Contoso Way\r\nSeattle, 98101\r\nUnited States',
    });
    const lead = dv.retrieve('lead', leadId(2), '$select=jobtitle,telephone2,telephone3');
    expect(lead).to.include({
      jobtitle: 'IT Director',
      telephone2: null,
      telephone3: '(512) 555-0179',
    });
  });

  it('computes address1_composite from the address parts and ignores writes to it', () => {
    const dv = seeded();
    const id = dv.create('contact', {
      lastname: 'Address',
      address1_line1: '221B Baker Street',
      address1_city: 'London',
      address1_postalcode: 'NW1 6XE',
      address1_country: 'United Kingdom',
      address1_composite: 'ignored',
    });
    const read = () => dv.retrieve('contact', id, '$select=address1_composite').address1_composite;
    expect(read()).to.equal('221B Baker Street\r\nLondon, NW1 6XE\r\nUnited Kingdom');
    dv.update('contact', id, {
      address1_stateorprovince: 'Greater London',
      address1_country: null,
    });
    expect(read()).to.equal('221B Baker Street\r\nLondon, Greater London NW1 6XE');
    dv.update('contact', id, {
      address1_line1: null,
      address1_city: null,
      address1_postalcode: null,
      address1_stateorprovince: null,
    });
    expect(read()).to.equal(null);
    expect(
      dv.query('contact', "$select=fullname&$filter=contains(address1_composite,'Baker Street')"),
    ).to.have.length(0);
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
