import { expect } from '@open-wc/testing';
import { readDialpadCallState } from './store.js';

describe('readDialpadCallState', () => {
  const cases: [unknown, { inCall: boolean; pending: boolean }][] = [
    [undefined, { inCall: false, pending: false }],
    [null, { inCall: false, pending: false }],
    ['connected', { inCall: false, pending: false }],
    [{ status: 'idle' }, { inCall: false, pending: false }],
    [{ status: 'connected' }, { inCall: true, pending: false }],
    [{ state: 'on-hold' }, { inCall: true, pending: false }],
    [{ phase: 'Dialling' }, { inCall: false, pending: true }],
    [{ inCall: true }, { inCall: true, pending: false }],
    [{ dialing: true }, { inCall: false, pending: true }],
    [{ activeCall: { status: 'ringing-out' } }, { inCall: false, pending: true }],
    [{ call: { state: 'active' } }, { inCall: true, pending: false }],
    [{ current: { status: 'held' } }, { inCall: true, pending: false }],
    [{ calls: [{ status: 'ended' }, { status: 'talking' }] }, { inCall: true, pending: false }],
    [
      { calls: 'nope', status: 42 },
      { inCall: false, pending: false },
    ],
    [
      { calls: [{ status: 'connecting' }, { status: 'connected' }] },
      { inCall: true, pending: false },
    ],
  ];
  for (const [snapshot, expected] of cases) {
    it(`reads ${JSON.stringify(snapshot) ?? 'undefined'}`, () => {
      expect(readDialpadCallState(snapshot)).to.deep.equal(expected);
    });
  }
});
