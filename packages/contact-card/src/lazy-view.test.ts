// The define module holds the definition and properties; the card loads with `import()` on connection.
// What a vendor must be able to rely on: nothing set before the view arrives is lost, and a view that
// cannot load leaves an empty element and one warning, never an exception.
import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import './cif-contact-card.js';
import type { CifContactCard } from './CifContactCard.js';
import { loadView, setViewLoader, type ViewModule } from './view-loader.js';

describe('<cif-contact-card> loads its view after its definition', () => {
  afterEach(() => {
    setViewLoader();
    sinon.restore();
  });

  it('starts loading on connection and shows the contact set before the view arrived', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const loader = sinon.spy(async (): Promise<ViewModule> => {
      await gate;
      return import('./card-view.js');
    });
    setViewLoader(loader);
    const el = document.createElement('cif-contact-card');
    el.contact = {
      name: 'Amelia Hughes',
      company: 'Fabrikam',
      phones: [{ number: '+442079460958' }],
    };
    document.body.append(el);
    try {
      expect(loader.callCount, 'loading starts on connection').to.equal(1);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(el.view).to.equal('empty');
      expect(el.shadowRoot!.childElementCount, 'nothing before the view').to.equal(0);
      release();
      await el.updateComplete;
      expect(el.view).to.equal('known');
      const name = el.shadowRoot!.querySelector('[part~="name"]');
      expect(name?.textContent?.trim()).to.equal('Amelia Hughes');
      // The view's stylesheet came with it.
      const base = el.shadowRoot!.querySelector<HTMLElement>('[part~="base"]')!;
      expect(getComputedStyle(base).display).to.not.equal('inline');
    } finally {
      el.remove();
    }
  });

  it('a view that cannot load warns once and leaves an empty element', async () => {
    setViewLoader(() =>
      Promise.reject(new TypeError('Failed to fetch dynamically imported module')),
    );
    const warn = sinon.stub(console, 'warn');
    const el = await fixture<CifContactCard>(
      html`<cif-contact-card number="+16195550129"></cif-contact-card>`,
    );
    el.number = '+16195550130';
    await el.updateComplete;
    expect(el.view).to.equal('empty');
    expect(el.shadowRoot!.childElementCount).to.equal(0);
    const messages = warn.getCalls().map((call) => String(call.args[0]));
    expect(
      messages.filter((message) => message.includes('could not load its view')),
    ).to.have.length(1);
    setViewLoader();
    const module = await loadView();
    expect(module.CardView).to.be.a('function');
  });
});
