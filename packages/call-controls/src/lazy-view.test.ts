// The define module holds the definition and properties; the controls load with `import()` on connection.
// What a vendor must be able to rely on: nothing set before the view arrives is lost, and a view that
// cannot load leaves an empty element and one warning, never an exception.
import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import './cif-call-controls.js';
import type { CifCallControls } from './CifCallControls.js';
import { loadView, setViewLoader, type ViewModule } from './view-loader.js';

describe('<cif-call-controls> loads its view after its definition', () => {
  afterEach(() => {
    setViewLoader();
    sinon.restore();
  });

  it('starts loading on connection and shows the call state set before the view arrived', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const loader = sinon.spy(async (): Promise<ViewModule> => {
      await gate;
      return import('./controls-view.js');
    });
    setViewLoader(loader);
    const el = document.createElement('cif-call-controls');
    el.state = 'connected';
    el.muted = true;
    document.body.append(el);
    try {
      expect(loader.callCount, 'loading starts on connection').to.equal(1);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(el.shadowRoot!.childElementCount, 'nothing before the view').to.equal(0);
      release();
      await el.updateComplete;
      const mute = el.shadowRoot!.querySelector<HTMLButtonElement>('[data-key="mute"]')!;
      expect(mute.getAttribute('aria-pressed'), 'the state set before is shown').to.equal('true');
      // The view's stylesheet came with it: the controls are laid out, not unstyled.
      expect(getComputedStyle(mute).cursor).to.equal('pointer');
    } finally {
      el.remove();
    }
  });

  it('a view that cannot load warns once and leaves an empty element', async () => {
    setViewLoader(() =>
      Promise.reject(new TypeError('Failed to fetch dynamically imported module')),
    );
    const warn = sinon.stub(console, 'warn');
    const el = await fixture<CifCallControls>(
      html`<cif-call-controls state="connected"></cif-call-controls>`,
    );
    el.muted = true;
    await el.updateComplete;
    expect(el.shadowRoot!.childElementCount).to.equal(0);
    const messages = warn.getCalls().map((call) => String(call.args[0]));
    expect(
      messages.filter((message) => message.includes('could not load their view')),
    ).to.have.length(1);
    setViewLoader();
    const module = await loadView();
    expect(module.ControlsView).to.be.a('function');
  });
});
