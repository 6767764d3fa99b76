import { expect, fixture, html } from '@open-wc/testing';
import './cif-dialpad.js';
import type { CifDialpad } from './CifDialpad.js';
import { defaultFormatter, loadDefaultFormatter } from './formatter.js';

// This file runs in its own page, so the lazy default formatter starts unloaded here.
const requested = () =>
  performance
    .getEntriesByType('resource')
    .some(
      (entry) =>
        entry.name.includes('libphonenumber-js/') &&
        !entry.name.includes('libphonenumber-formatter'),
    );

describe('number formatting', () => {
  it('loads libphonenumber-js lazily, on first need, with raw digits until then', async () => {
    const el = await fixture<CifDialpad>(html`<cif-dialpad region="US"></cif-dialpad>`);
    expect(defaultFormatter(), 'not loaded by defining or rendering the element').to.equal(
      undefined,
    );
    expect(requested(), 'not even requested').to.equal(false);
    el.value = '2015550123';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('input')!.value, 'raw digits first').to.equal('2015550123');
    const formatter = await loadDefaultFormatter();
    expect(loadDefaultFormatter(), 'loaded once').to.equal(loadDefaultFormatter());
    expect(defaultFormatter()).to.equal(formatter);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('input')!.value).to.equal('(201) 555-0123');
    expect(requested()).to.equal(true);
  });
});
