// A call answered through the store usually leaves the store's list before the answer completes. The
// toast must not keep that id as "closed": phone systems reuse ids (a callback, a transferred call coming
// back), and a toast that hid a ringing call because of an old answer would lose the call.
import { expect, fixture, html } from '@open-wc/testing';
import './cif-incoming-call-toast.js';
import type { CifIncomingCallToast } from './CifIncomingCallToast.js';

function store() {
  let calls: { id: string; state: string; number: string }[] = [];
  const listeners = new Set<() => void>();
  const set = (next: typeof calls) => {
    calls = next;
    for (const listener of listeners) listener();
  };
  return {
    getSnapshot: () => ({ calls }),
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    ring: (id: string) => set([...calls, { id, state: 'ringing', number: '+16195550129' }]),
    // The call connects (and leaves the ringing list) before the command's promise settles.
    answer(id: string) {
      set(calls.map((call) => (call.id === id ? { ...call, state: 'connected' } : call)));
      return Promise.resolve();
    },
    end: (id: string) => set(calls.filter((call) => call.id !== id)),
    decline: () => Promise.resolve(),
  };
}

describe('<cif-incoming-call-toast> and call ids', () => {
  it('shows a call ringing again under the id of a call answered earlier', async () => {
    const s = store();
    const el = await fixture<CifIncomingCallToast>(
      html`<cif-incoming-call-toast muted .store=${s}></cif-incoming-call-toast>`,
    );
    s.ring('c1');
    await el.updateComplete;
    await el.answer('c1');
    await el.updateComplete;
    expect(el.shownCalls).to.deep.equal([]);
    s.end('c1');
    await el.updateComplete;

    s.ring('c1');
    await el.updateComplete;
    expect(el.shownCalls.map((call) => call.id)).to.deep.equal(['c1']);
  });
});
