import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import type { CSSResult } from 'lit';
import { tokenDefinitions } from './tokens/definitions.js';
import { hostThemeCss, tokensCss } from './tokens/generated.js';
import { hostThemeCssText, minifyCss, tokensCssText } from './tokens/generate.js';
import { tokens } from './tokens/tokens.js';
import { emulate, resetEmulation } from './test-utils/media.js';
import { checkPrivateTokens } from './test-utils/private-tokens.js';
import './test-utils/CifSample.js';
import type { CifSample } from './test-utils/CifSample.js';
// Every *.styles.ts of every package (served by a plugin in web-test-runner.config.mjs).
// @ts-expect-error virtual module
import allStyles from '/__cif__/styles.js';

const cssResults = (module: Record<string, unknown>): CSSResult[] =>
  Object.values(module).filter(
    (value): value is CSSResult =>
      typeof value === 'object' && value !== null && 'cssText' in value,
  );

const surface = (el: Element) =>
  getComputedStyle(el).getPropertyValue('--cif-color-surface').trim();
const rgb = (hex: string) => {
  const probe = document.createElement('div');
  probe.style.color = hex;
  document.body.append(probe);
  const value = getComputedStyle(probe).color;
  probe.remove();
  return value;
};

describe('design tokens', () => {
  afterEach(async () => {
    await resetEmulation();
    document.documentElement.removeAttribute('data-cif-theme');
  });

  describe('private token test (shared across every package)', () => {
    const modules = allStyles as { file: string; module: Record<string, unknown> }[];

    it('finds the styles modules of the packages', () => {
      expect(modules.length).to.be.greaterThan(0);
      expect(modules.map((m) => m.file)).to.include('packages/base/src/host.styles.ts');
    });

    for (const { file, module } of allStyles as {
      file: string;
      module: Record<string, unknown>;
    }[]) {
      it(`${file}: every private --_x is defined and used`, () => {
        const text = cssResults(module)
          .map((result) => result.cssText)
          .join('\n');
        expect(checkPrivateTokens(text)).to.deep.equal({ undefinedTokens: [], unusedTokens: [] });
      });

      it(`${file}: handles forced colors`, () => {
        const text = cssResults(module)
          .map((result) => result.cssText)
          .join('\n');
        expect(text, 'every styles file has a forced-colors rule').to.contain(
          'forced-colors: active',
        );
      });
    }

    it('reports a private token used but never defined, and one defined but never used', () => {
      const report = checkPrivateTokens(`
        :host { --_size: 4px; --_dead: red; /* --_commented: 1px; */ }
        button { inline-size: var(--_size); color: var( --_missing, blue); }
      `);
      expect(report).to.deep.equal({ undefinedTokens: ['--_missing'], unusedTokens: ['--_dead'] });
    });
  });

  it('ships a runtime copy that is up to date with the definitions (else run `pnpm -F @cif-elements/base tokens`)', () => {
    expect(tokensCss).to.equal(minifyCss(tokensCssText()));
    expect(hostThemeCss).to.equal(minifyCss(hostThemeCssText()));
  });

  it('generates one rule per token for light, dark and forced colors', () => {
    const text = tokensCssText();
    for (const name of Object.keys(tokenDefinitions)) expect(text).to.contain(`${name}:`);
    expect(text).to.contain('@layer cif-tokens');
    expect(text).to.contain('prefers-color-scheme: dark');
    expect(text).to.contain('forced-colors: active');
    expect(tokens.cssText).to.contain('--cif-color-primary');
  });

  it('are adopted into the document by the first element, once', async () => {
    await fixture(html`<cif-sample></cif-sample><cif-sample></cif-sample>`);
    const sheets = document.adoptedStyleSheets.filter((sheet) => sheet === tokens.styleSheet);
    expect(sheets.length).to.equal(1);
    expect(surface(document.documentElement)).to.equal('#ffffff');
  });

  it('switch to dark with prefers-color-scheme, unless data-cif-theme="light" says otherwise', async () => {
    const el = await fixture<CifSample>(html`<cif-sample></cif-sample>`);
    expect(surface(el)).to.equal(tokenDefinitions['--cif-color-surface'].light);
    await emulate({ 'prefers-color-scheme': 'dark' });
    await nextFrame();
    expect(surface(el)).to.equal(tokenDefinitions['--cif-color-surface'].dark);
    const caption = el.shadowRoot!.querySelector('p')!;
    expect(getComputedStyle(caption).backgroundColor).to.equal(rgb('#292929'));
    document.documentElement.setAttribute('data-cif-theme', 'light');
    await nextFrame();
    expect(surface(el)).to.equal('#ffffff');
  });

  it('switch explicitly with data-cif-theme on an ancestor or on the element itself', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div data-cif-theme="dark"><cif-sample></cif-sample></div>`,
    );
    const el = wrapper.querySelector('cif-sample')!;
    expect(surface(el)).to.equal('#292929');
    wrapper.setAttribute('data-cif-theme', 'light');
    await nextFrame();
    expect(surface(el)).to.equal('#ffffff');

    // Inside another shadow root, document rules cannot reach: the host rule does.
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    host.attachShadow({ mode: 'open' }).innerHTML =
      '<cif-sample data-cif-theme="dark"></cif-sample>';
    const inner = host.shadowRoot!.querySelector('cif-sample')!;
    await inner.updateComplete;
    expect(surface(inner)).to.equal('#292929');
  });

  it('give way to any vendor override without !important', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="--cif-color-primary: rgb(1, 2, 3)"><cif-sample></cif-sample></div>`,
    );
    const button = wrapper.querySelector('cif-sample')!.shadowRoot!.querySelector('button')!;
    expect(getComputedStyle(button).backgroundColor).to.equal('rgb(1, 2, 3)');
  });

  it('map to system colours in forced-colors mode', async () => {
    const el = await fixture<CifSample>(html`<cif-sample></cif-sample>`);
    await emulate({ 'forced-colors': 'active' });
    await nextFrame();
    expect(matchMedia('(forced-colors: active)').matches, 'forced colors emulated').to.equal(true);
    expect(surface(el)).to.equal('Canvas');
  });

  it('keep a sample element accessible in light and dark', async () => {
    const el = await fixture<CifSample>(html`<cif-sample></cif-sample>`);
    await expect(el).to.be.accessible();
    await emulate({ 'prefers-color-scheme': 'dark' });
    await nextFrame();
    await expect(el).to.be.accessible();
    const rtl = await fixture<CifSample>(html`<cif-sample lang="ar"></cif-sample>`);
    await expect(rtl).to.be.accessible();
  });

  it('honour the hidden attribute', async () => {
    const el = await fixture<CifSample>(html`<cif-sample hidden></cif-sample>`);
    expect(getComputedStyle(el).display).to.equal('none');
  });
});
