// The in-call keypad is one dialpad reused for every call (the call controls keep a single one): the
// digits it shows as sent belong to the call they were sent on, never to the next one.
import { expect, fixture, html } from '@open-wc/testing';
import './cif-dialpad.js';
import type { CifDialpad } from './CifDialpad.js';

function store(activeCallId: string) {
  let state = { activeCallId, calls: [{ id: activeCallId, state: 'connected' }] };
  const listeners = new Set<() => void>();
  const sent: [string, string][] = [];
  return {
    getSnapshot: () => state,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    sendDigits(callId: string, digits: string) {
      sent.push([callId, digits]);
      return Promise.resolve();
    },
    sent,
    next(id: string) {
      state = { activeCallId: id, calls: [{ id, state: 'connected' }] };
      for (const listener of listeners) listener();
    },
  };
}

describe('<cif-dialpad> in a call', () => {
  it('shows only the digits sent on the current call', async () => {
    const s = store('call-1');
    const el = await fixture<CifDialpad>(html`<cif-dialpad tones-muted .store=${s}></cif-dialpad>`);
    const key = (k: string) =>
      el.shadowRoot!.querySelector<HTMLButtonElement>(`button[data-key="${k}"]`)!;
    key('4').click();
    key('2').click();
    await el.updateComplete;
    expect(el.sentDigits).to.equal('42');
    expect(el.shadowRoot!.querySelector('input')!.value).to.equal('42');
    expect(s.sent).to.deep.equal([
      ['call-1', '4'],
      ['call-1', '2'],
    ]);

    s.next('call-2');
    await el.updateComplete;
    expect(el.sentDigits, 'a new call starts empty').to.equal('');
    expect(el.shadowRoot!.querySelector('input')!.value).to.equal('');
    key('7').click();
    await el.updateComplete;
    expect(el.sentDigits).to.equal('7');
    expect(s.sent.at(-1)).to.deep.equal(['call-2', '7']);
  });
});
