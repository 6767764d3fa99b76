import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { readContactCardCallState, recordOf } from './store.js';

describe('contact card store selector', () => {
  const call = (over: Record<string, unknown>) => ({
    id: 'c1',
    state: 'connected',
    remoteNumber: '+12065550100',
    displayName: null,
    matches: [],
    lookup: 'idle',
    regarding: null,
    ...over,
  });

  it("reads core's active call: number, name, matches, chosen record, lookup", () => {
    const matches = [
      { entityName: 'contact', id: '1', name: 'Alex Baker', field: 'mobilephone' },
      { entityName: 'account', id: '2', name: 'Contoso' },
    ];
    expect(
      readContactCardCallState({
        calls: [
          call({
            displayName: 'ALEX B',
            matches,
            lookup: 'done',
            regarding: { entityName: 'contact', id: '1', name: 'Alex Baker' },
          }),
        ],
        activeCallId: 'c1',
      }),
    ).to.deep.equal({
      callId: 'c1',
      number: '+12065550100',
      name: 'ALEX B',
      matches,
      selected: { entityName: 'contact', id: '1', name: 'Alex Baker' },
      lookup: 'done',
    });
  });

  it('falls back to the newest ringing call, and reads no call otherwise', () => {
    const snapshot = {
      calls: [
        call({ id: 'held', state: 'held' }),
        call({ id: 'r1', state: 'ringing', lookup: 'pending' }),
        call({ id: 'r2', state: 'ringing', lookup: 'weird' }),
      ],
      activeCallId: null,
    };
    const state = readContactCardCallState(snapshot);
    expect(state?.callId).to.equal('r2');
    expect(state?.lookup).to.equal('idle');
    expect(
      readContactCardCallState({ calls: [call({ state: 'held' })], activeCallId: null }),
    ).to.equal(undefined);
  });

  it('never throws on malformed snapshots', () => {
    for (const bad of [
      undefined,
      null,
      42,
      'calls',
      { calls: 'x' },
      { calls: [null, 1, { id: 7, state: 'ringing' }] },
      { calls: [{ state: 'ringing', id: 'x', matches: 'nope', remoteNumber: 5 }] },
    ]) {
      expect(() => readContactCardCallState(bad)).not.to.throw();
    }
    expect(
      readContactCardCallState({ calls: [{ state: 'ringing', id: 'x', matches: 'nope' }] }),
    ).to.deep.include({ callId: 'x', number: '', matches: [], selected: undefined });
    fc.assert(
      fc.property(fc.anything(), (value) => {
        readContactCardCallState({ calls: [value], activeCallId: (value as { id?: unknown })?.id });
        return true;
      }),
    );
  });

  it('reads record references only with an entity name and an id', () => {
    expect(recordOf({ entityName: ' contact ', id: ' 1 ', name: ' Alex ' })).to.deep.equal({
      entityName: 'contact',
      id: '1',
      name: 'Alex',
    });
    expect(recordOf({ entityName: 'contact', id: '1', name: 3 })).to.deep.equal({
      entityName: 'contact',
      id: '1',
    });
    expect(recordOf({ entityName: 'contact' })).to.equal(undefined);
    expect(recordOf({ entityName: '', id: '1' })).to.equal(undefined);
    expect(recordOf('contact:1')).to.equal(undefined);
  });
});
