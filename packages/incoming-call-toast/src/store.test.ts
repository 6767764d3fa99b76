import { expect } from '@open-wc/testing';
import { readToastState } from './store.js';

describe('readToastState', () => {
  it('reads nothing ringing from malformed snapshots', () => {
    for (const snapshot of [
      undefined,
      null,
      'ringing',
      42,
      {},
      { calls: 'x' },
      { calls: [null, 1] },
    ]) {
      expect(
        readToastState(snapshot).ringing,
        JSON.stringify(snapshot) ?? 'undefined',
      ).to.deep.equal([]);
    }
  });

  it('reads core’s snapshot: ringing calls with their context, on-call, missed and capabilities', () => {
    const state = readToastState({
      activeCallId: 'talk',
      calls: [
        { id: 'talk', state: 'connected' },
        {
          id: 'ring',
          state: 'ringing',
          remoteNumber: '+16195550129',
          displayName: 'Jane Doe',
          matches: [{ entityName: 'contact', id: '1', name: 'Jane Doe' }, 'junk'],
          createdAt: 5,
          pending: 'answer',
          context: {
            company: 'Contoso',
            avatar: 'https://example.com/jane.png',
            queue: 'Billing',
            campaign: 'Spring',
            ivr: ['1', '2'],
            fields: { Tier: 'Gold' },
          },
        },
        { id: 'gone', state: 'ended', endReason: 'missed' },
      ],
      history: [
        { id: 'old', state: 'ended', endReason: 'missed' },
        { id: 'done', endReason: 'hung-up' },
      ],
      capabilities: { canAnswer: true, canDecline: false, canHold: true },
    });
    expect(state.onCall).to.equal(true);
    expect(state.activeCallId).to.equal('talk');
    expect(state.missed).to.deep.equal(['gone', 'old']);
    expect(state.canDecline).to.equal(false);
    expect(state.canAnswer).to.equal(undefined);
    expect(state.ringing).to.deep.equal([
      {
        id: 'ring',
        number: '+16195550129',
        name: 'Jane Doe',
        company: 'Contoso',
        avatar: 'https://example.com/jane.png',
        matches: [{ entityName: 'contact', id: '1', name: 'Jane Doe' }],
        queue: 'Billing',
        campaign: 'Spring',
        ivr: ['1', '2'],
        fields: { Tier: 'Gold' },
        createdAt: 5,
        pending: true,
      },
    ]);
  });

  it('reads look-alikes (status, number, name) and a read-only store', () => {
    const state = readToastState({
      readOnly: true,
      calls: [{ id: 7, status: 'ringing', number: '555', name: 'Pat', context: { ivr: 'Sales' } }],
      capabilities: 'nope',
    });
    expect(state.ringing[0]).to.include({ id: '7', number: '555', name: 'Pat', ivr: 'Sales' });
    expect(state.onCall).to.equal(false);
    expect(state.canAnswer).to.equal(false);
    expect(state.canHold).to.equal(false);
  });
});
