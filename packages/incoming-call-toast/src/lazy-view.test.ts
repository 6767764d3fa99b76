// The define module holds only the first (empty) paint; the toasts load with `import()` on connection.
// What a vendor must be able to rely on: nothing set or asked before the view arrives is lost, and a
// view that cannot load leaves a quiet element and one warning, never an exception.
import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import './cif-incoming-call-toast.js';
import type { CifIncomingCallToast } from './CifIncomingCallToast.js';
import type { CifAnswerEvent } from './events.js';
import { loadToastView, setToastViewLoader, type ToastViewModule } from './view-loader.js';

/** A loader held back until `release()`. */
function heldLoader() {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const loader = sinon.spy(async (): Promise<ToastViewModule> => {
    await gate;
    return import('./toast-view.js');
  });
  return { loader, release };
}

const ringing = [{ id: 'c1', number: '+16195550129', name: 'Alex Baker' }];

describe('<cif-incoming-call-toast> loads its view after the first paint', () => {
  afterEach(() => {
    setToastViewLoader();
    sinon.restore();
  });

  it('starts loading on connection and renders calls set before the view arrived', async () => {
    const { loader, release } = heldLoader();
    setToastViewLoader(loader);
    const el = document.createElement('cif-incoming-call-toast');
    el.muted = true;
    el.calls = ringing;
    document.body.append(el);
    try {
      expect(loader.callCount, 'loading starts on connection').to.equal(1);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(el.shadowRoot!.querySelector('[part~="toast"]'), 'nothing before the view').to.equal(
        null,
      );
      release();
      await el.updateComplete;
      expect(el.shownCalls.map((call) => call.id)).to.deep.equal(['c1']);
      const name = el.shadowRoot!.querySelector('[part="name"]')!;
      expect(name.textContent?.trim()).to.equal('Alex Baker');
      // The view's stylesheet came with it: the toast is laid out, not unstyled.
      const toast = el.shadowRoot!.querySelector<HTMLElement>('[part~="toast"]')!;
      expect(getComputedStyle(toast).borderStyle).to.not.equal('none');
    } finally {
      el.remove();
    }
  });

  it('an answer asked for before the view arrived is carried out once it has', async () => {
    const { loader, release } = heldLoader();
    setToastViewLoader(loader);
    const answered = sinon.spy((_id: string) => Promise.resolve());
    const store = {
      getSnapshot: () => ({ calls: [{ id: 'c1', state: 'ringing', number: '+16195550129' }] }),
      subscribe: () => () => undefined,
      answer: answered,
      decline: () => Promise.resolve(),
    };
    const el = document.createElement('cif-incoming-call-toast');
    el.muted = true;
    el.store = store;
    document.body.append(el);
    const events: CifAnswerEvent[] = [];
    el.addEventListener('cif-answer', (event) => events.push(event));
    try {
      const done = el.answer();
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(events, 'nothing happens before the view').to.have.length(0);
      release();
      await done;
      expect(events.map((event) => event.detail.callId)).to.deep.equal(['c1']);
      expect(answered.calledOnceWith('c1')).to.be.true;
    } finally {
      el.remove();
    }
  });

  it('a view that cannot load warns once and leaves an empty, working element', async () => {
    setToastViewLoader(() =>
      Promise.reject(new TypeError('Failed to fetch dynamically imported module')),
    );
    const warn = sinon.stub(console, 'warn');
    const el = await fixture<CifIncomingCallToast>(
      html`<cif-incoming-call-toast muted number="+16195550129"></cif-incoming-call-toast>`,
    );
    await el.answer();
    el.dismiss();
    expect(el.shownCalls).to.deep.equal([]);
    expect(el.shadowRoot!.childElementCount).to.equal(0);
    const messages = warn.getCalls().map((call) => String(call.args[0]));
    expect(
      messages.filter((message) => message.includes('could not load its view')),
    ).to.have.length(1);
    // The next attempt loads again (a failed load is not cached).
    setToastViewLoader();
    const module = await loadToastView();
    expect(module.ToastView).to.be.a('function');
  });
});
