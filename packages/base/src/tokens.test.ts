import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import type { CSSResult } from 'lit';
import { tokenDefinitions } from './tokens/definitions.js';
import { hostThemeCss, tokensCss } from './tokens/generated.js';
import { hostThemeCssText, minifyCss, themedValue, tokensCssText } from './tokens/generate.js';
import { hostThemeStyles, tokens } from './tokens/tokens.js';
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

/** A colour as the browser computes it (`rgb(…)`), for comparing with resolved values. */
const rgb = (color: string) => {
  const probe = document.createElement('div');
  probe.style.color = color;
  document.body.append(probe);
  const value = getComputedStyle(probe).color;
  probe.remove();
  return value;
};
const forcedTokens = () =>
  Object.fromEntries(
    Object.entries(tokenDefinitions).filter(([, def]) => 'forced' in def),
  ) as Record<string, unknown>;
const light = (name: keyof typeof tokenDefinitions) => rgb(tokenDefinitions[name].light);
const dark = (name: keyof typeof tokenDefinitions) => {
  const def: { light: string; dark?: string } = tokenDefinitions[name];
  return rgb(def.dark ?? def.light);
};
/** The resolved colours of a sample: its own text colour and its caption's background. */
const colours = (el: CifSample) => {
  const caption = el.shadowRoot!.querySelector('p')!;
  return { text: getComputedStyle(el).color, surface: getComputedStyle(caption).backgroundColor };
};
const lightColours = () => ({
  text: light('--cif-color-on-surface'),
  surface: light('--cif-color-surface'),
});
const darkColours = () => ({
  text: dark('--cif-color-on-surface'),
  surface: dark('--cif-color-surface'),
});

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

  it('declare every token once, a themed colour as light-dark(), and the theme as color-scheme', () => {
    const text = tokensCssText();
    for (const name of Object.keys(tokenDefinitions)) {
      expect(text.split(`${name}:`).length - 1, name).to.equal(name in forcedTokens() ? 2 : 1);
    }
    expect(text).to.contain('@layer cif-tokens');
    expect(text).to.contain('--cif-color-surface: light-dark(#ffffff, #292929);');
    expect(text, 'unchanged in dark: no light-dark()').to.contain(
      '--cif-color-on-primary: #ffffff;',
    );
    expect(text).to.contain('color-scheme: light dark;');
    expect(text).to.contain(':where([data-cif-theme="dark"]) {\n    color-scheme: dark;');
    expect(text).not.to.contain('prefers-color-scheme');
    expect(text).to.contain('forced-colors: active');
    expect(tokens.cssText).to.contain('--cif-color-primary');
    expect(hostThemeStyles.cssText).to.equal(
      ':host([data-cif-theme="light"]){color-scheme:light}:host([data-cif-theme="dark"]){color-scheme:dark}',
    );
  });

  it('write a shadow whose dark form differs in its colours with one light-dark() per colour', () => {
    expect(
      themedValue('--cif-shadow-sm', {
        light: '0 0 2px rgb(0 0 0 / 0.12), 0 2px 4px #000',
        dark: '0 0 2px rgb(0 0 0 / 0.24), 0 2px 4px #000',
        description: '',
      }),
    ).to.equal('0 0 2px light-dark(rgb(0 0 0 / 0.12), rgb(0 0 0 / 0.24)), 0 2px 4px #000');
    expect(() =>
      themedValue('--cif-space-9', { light: '2px', dark: '4px', description: '' }),
    ).to.throw(TypeError, '--cif-space-9');
    expect(() =>
      themedValue('--cif-shadow-x', {
        light: '0 0 2px #000',
        dark: '0 0 4px #111',
        description: '',
      }),
    ).to.throw(TypeError, 'light-dark()');
  });

  it('are adopted into the document by the first element, once, and resolve to the light values', async () => {
    const el = await fixture<CifSample>(html`<cif-sample></cif-sample><cif-sample></cif-sample>`);
    const sheets = document.adoptedStyleSheets.filter((sheet) => sheet === tokens.styleSheet);
    expect(sheets.length).to.equal(1);
    expect(colours(el)).to.deep.equal(lightColours());
    expect(getComputedStyle(document.documentElement).colorScheme).to.equal('light dark');
  });

  it('switch to dark with prefers-color-scheme, unless data-cif-theme="light" says otherwise', async () => {
    const el = await fixture<CifSample>(html`<cif-sample></cif-sample>`);
    expect(colours(el)).to.deep.equal(lightColours());
    await emulate({ 'prefers-color-scheme': 'dark' });
    await nextFrame();
    expect(colours(el)).to.deep.equal(darkColours());
    expect(colours(el).surface).to.equal(rgb('#292929'));
    document.documentElement.setAttribute('data-cif-theme', 'light');
    await nextFrame();
    expect(colours(el)).to.deep.equal(lightColours());
  });

  it('switch explicitly with data-cif-theme on an ancestor or on the element itself', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div data-cif-theme="dark"><cif-sample></cif-sample></div>`,
    );
    const el = wrapper.querySelector('cif-sample')!;
    expect(colours(el)).to.deep.equal(darkColours());
    wrapper.setAttribute('data-cif-theme', 'light');
    await nextFrame();
    expect(colours(el)).to.deep.equal(lightColours());

    // Inside another shadow root, document rules cannot reach: the host rule does.
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    host.attachShadow({ mode: 'open' }).innerHTML =
      '<cif-sample data-cif-theme="dark"></cif-sample>';
    const inner = host.shadowRoot!.querySelector('cif-sample')!;
    await inner.updateComplete;
    expect(colours(inner)).to.deep.equal(darkColours());
  });

  it('theme one element against the page: dark in a light page, light in a dark page', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <cif-sample id="dark" data-cif-theme="dark"></cif-sample>
        <cif-sample id="light" data-cif-theme="light"></cif-sample>
        <cif-sample id="auto"></cif-sample>
      </div>`,
    );
    const [darkEl, lightEl, autoEl] = (['dark', 'light', 'auto'] as const).map((id) =>
      wrapper.querySelector<CifSample>(`#${id}`)!,
    ) as [CifSample, CifSample, CifSample];
    expect(colours(darkEl)).to.deep.equal(darkColours());
    expect(colours(lightEl)).to.deep.equal(lightColours());
    expect(colours(autoEl)).to.deep.equal(lightColours());

    await emulate({ 'prefers-color-scheme': 'dark' });
    await nextFrame();
    expect(colours(darkEl)).to.deep.equal(darkColours());
    expect(colours(lightEl)).to.deep.equal(lightColours());
    expect(colours(autoEl)).to.deep.equal(darkColours());

    // The same inside another component's shadow root, where only the host rule applies.
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    host.attachShadow({ mode: 'open' }).innerHTML =
      '<cif-sample data-cif-theme="light"></cif-sample><cif-sample></cif-sample>';
    const [pinned, following] = [...host.shadowRoot!.querySelectorAll('cif-sample')] as [
      CifSample,
      CifSample,
    ];
    await pinned.updateComplete;
    await following.updateComplete;
    expect(colours(pinned)).to.deep.equal(lightColours());
    expect(colours(following)).to.deep.equal(darkColours());
  });

  it('give shadows their dark colours through light-dark() inside the value', async () => {
    const el = await fixture<HTMLDivElement>(
      html`<div style="box-shadow: var(--cif-shadow-sm)"></div>`,
    );
    await fixture(html`<cif-sample></cif-sample>`);
    expect(getComputedStyle(el).boxShadow).to.equal(
      'rgba(0, 0, 0, 0.12) 0px 0px 2px 0px, rgba(0, 0, 0, 0.14) 0px 2px 4px 0px',
    );
    el.setAttribute('data-cif-theme', 'dark');
    await nextFrame();
    expect(getComputedStyle(el).boxShadow).to.equal(
      'rgba(0, 0, 0, 0.24) 0px 0px 2px 0px, rgba(0, 0, 0, 0.28) 0px 2px 4px 0px',
    );
  });

  it('give way to any vendor override without !important', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="--cif-color-primary: rgb(1, 2, 3)"><cif-sample></cif-sample></div>`,
    );
    const button = wrapper.querySelector('cif-sample')!.shadowRoot!.querySelector('button')!;
    expect(getComputedStyle(button).backgroundColor).to.equal('rgb(1, 2, 3)');
    wrapper.style.colorScheme = 'light';
    await emulate({ 'prefers-color-scheme': 'dark' });
    await nextFrame();
    const el = wrapper.querySelector<CifSample>('cif-sample')!;
    expect(colours(el), 'a vendor color-scheme pins the theme').to.deep.equal(lightColours());
  });

  it('map to system colours in forced-colors mode, in light and dark', async () => {
    const el = await fixture<CifSample>(html`<cif-sample data-cif-theme="dark"></cif-sample>`);
    await emulate({ 'forced-colors': 'active' });
    await nextFrame();
    expect(matchMedia('(forced-colors: active)').matches, 'forced colors emulated').to.equal(true);
    const caption = el.shadowRoot!.querySelector('p')!;
    expect(getComputedStyle(caption).getPropertyValue('--cif-color-surface').trim()).to.equal(
      'Canvas',
    );
    expect(getComputedStyle(caption).backgroundColor).to.equal(rgb('Canvas'));
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
