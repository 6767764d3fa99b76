import { expect, fixture, html } from '@open-wc/testing';
import { html as litHtml, type TemplateResult } from 'lit';
import { CifElement } from './CifElement.js';
import { defineElement } from './define.js';
import { registerTranslation, resolveTranslation } from './localize/registry.js';
import type { CifTranslation } from './localize/translation.js';

// No locale file is imported here: elements must still speak English on their own.
class CifStringsProbe extends CifElement {
  static override readonly strings: Partial<CifTranslation> = { dialpadLabel: 'Own English label' };
  override render(): TemplateResult {
    return litHtml`<span id="own">${this.localize.term('dialpadLabel')}</span>
      <span id="shared">${this.localize.term('moreCount', 2)}</span>
      <span id="missing">${this.localize.term('dialpadCall')}</span>`;
  }
}
defineElement('cif-strings-probe', CifStringsProbe);

const text = (el: Element, id: string) => el.shadowRoot!.getElementById(id)!.textContent;

describe('built-in English', () => {
  it('needs no locale import: own strings, then shared English, then the key', async () => {
    expect(resolveTranslation('en')).to.equal(undefined);
    expect(resolveTranslation('fr')).to.equal(undefined);
    const el = await fixture(html`<cif-strings-probe lang="fr"></cif-strings-probe>`);
    expect(text(el, 'own')).to.equal('Own English label');
    expect(text(el, 'shared')).to.equal('+2 more');
    expect(text(el, 'missing')).to.equal('dialpadCall');
  });

  it('lets a registered translation override the element’s own English', async () => {
    registerTranslation({
      $code: 'fr',
      $name: 'Français',
      dialpadLabel: 'Clavier',
    } as CifTranslation);
    const el = await fixture(html`<cif-strings-probe lang="fr-CA"></cif-strings-probe>`);
    expect(text(el, 'own')).to.equal('Clavier');
    expect(text(el, 'shared')).to.equal('+2 more');
  });
});
