// The softphone's former names of the contact card's CRM bridge: core's functions, still exported.
import { contactFromRecord, createContactCardActions, createCifClient } from '@cif-elements/core';
import { FakeCIFramework } from '@cif-elements/core/testing';
import { expect } from '@open-wc/testing';
import * as softphone from './index.js';

describe('createCifContactCardActions (deprecated)', () => {
  it('is core’s createContactCardActions, and contactFromRecord core’s', async () => {
    expect(softphone.createCifContactCardActions).to.equal(createContactCardActions);
    expect(softphone.contactFromRecord).to.equal(contactFromRecord);
    const fake = new FakeCIFramework();
    const actions = softphone.createCifContactCardActions(createCifClient(fake.library));
    await actions.search!({ entityName: 'contact', text: '+1 415', callId: undefined });
    expect(fake.callsTo('renderSearchPage')[0]!.args).to.deep.equal(['contact', '+1 415']);
  });
});
