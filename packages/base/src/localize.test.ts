import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import en from './locales/en.js';
import de from './locales/de.js';
import ar from './locales/ar.js';
import { formatDate, formatDuration, formatNumber, formatRelativeTime } from './localize/format.js';
import { directionOf } from './localize/LocalizeController.js';
import {
  getLocale,
  registerTranslation,
  registeredLocales,
  resolveTranslation,
  setLocale,
} from './localize/registry.js';
import type { CifTranslation } from './localize/translation.js';
import './test-utils/CifSample.js';
import type { CifSample } from './test-utils/CifSample.js';

const text = (el: CifSample, part: string) =>
  el.shadowRoot!.querySelector(`[part="${part}"]`)!.textContent.trim();

/** Waits for the shared MutationObserver and the element's update. */
async function settle(el: CifSample) {
  await nextFrame();
  await el.updateComplete;
}

describe('localisation', () => {
  afterEach(() => {
    setLocale(undefined);
    document.documentElement.lang = 'en';
    document.documentElement.removeAttribute('dir');
  });

  it('has English built in and the shipped locales registered by importing them', () => {
    expect(registeredLocales()).to.include.members(['en', 'de', 'ar']);
    expect(resolveTranslation('en')).to.equal(en);
  });

  it('resolves the nearest translation: exact, language, regional variant, then English', () => {
    const ptBR: CifTranslation = {
      ...en,
      $code: 'pt-BR',
      $name: 'Português (Brasil)',
      retry: 'Tentar novamente',
    };
    registerTranslation(ptBR);
    expect(resolveTranslation('de')?.$code).to.equal('de');
    expect(resolveTranslation('de-CH')?.$code).to.equal('de');
    expect(resolveTranslation('DE_at')?.$code).to.equal('de');
    expect(resolveTranslation('pt')?.$code).to.equal('pt-BR');
    expect(resolveTranslation('pt-br')?.$code).to.equal('pt-BR');
    expect(resolveTranslation('xx-YY')?.$code).to.equal('en');
    expect(resolveTranslation('')).to.equal(undefined);
  });

  it('uses the element lang first, then the nearest [lang] ancestor, then <html lang>', async () => {
    document.documentElement.lang = 'de';
    const wrapper = await fixture<HTMLDivElement>(html`<div><cif-sample></cif-sample></div>`);
    const el = wrapper.querySelector('cif-sample')!;
    await settle(el);
    expect(el.resolvedLang).to.equal('de');
    expect(text(el, 'button')).to.equal(de.retry);

    wrapper.setAttribute('lang', 'en');
    await settle(el);
    expect(el.resolvedLang).to.equal('en');
    expect(text(el, 'button')).to.equal('Retry');

    el.setAttribute('lang', 'de-CH');
    await settle(el);
    expect(el.resolvedLang).to.equal('de-CH');
    expect(text(el, 'button')).to.equal(de.retry);
    expect(text(el, 'caption')).to.equal('+3 weitere');
  });

  it('finds [lang] across shadow roots', async () => {
    const host = await fixture<HTMLDivElement>(html`<div lang="de"></div>`);
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<cif-sample></cif-sample>';
    const el = shadow.querySelector('cif-sample')!;
    await settle(el);
    expect(el.resolvedLang).to.equal('de');
  });

  it('switches programmatically with setLocale; an explicit lang attribute still wins', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div><cif-sample id="a"></cif-sample><cif-sample id="b" lang="en"></cif-sample></div>`,
    );
    const a = wrapper.querySelector<CifSample>('#a')!;
    const b = wrapper.querySelector<CifSample>('#b')!;
    setLocale('de');
    expect(getLocale()).to.equal('de');
    await settle(a);
    await settle(b);
    expect(text(a, 'button')).to.equal(de.retry);
    expect(text(b, 'button')).to.equal('Retry');
    setLocale(undefined);
    await settle(a);
    expect(text(a, 'button')).to.equal('Retry');
  });

  it('renders right to left for an RTL language and exposes :state(rtl)', async () => {
    const el = await fixture<CifSample>(html`<cif-sample lang="ar"></cif-sample>`);
    await settle(el);
    expect(el.resolvedDir).to.equal('rtl');
    expect(el.isState('rtl')).to.equal(true);
    expect(getComputedStyle(el).direction).to.equal('rtl');
    expect(text(el, 'button')).to.equal(ar.retry);

    el.setAttribute('lang', 'en');
    await settle(el);
    expect(el.resolvedDir).to.equal('ltr');
    expect(el.isState('rtl')).to.equal(false);
    expect(getComputedStyle(el).direction).to.equal('ltr');
  });

  it('lets an explicit dir override the language direction, and follows <html dir>', async () => {
    const el = await fixture<CifSample>(html`<cif-sample lang="ar" dir="ltr"></cif-sample>`);
    await settle(el);
    expect(el.resolvedDir).to.equal('ltr');

    const plain = await fixture<CifSample>(html`<cif-sample></cif-sample>`);
    document.documentElement.setAttribute('dir', 'rtl');
    await settle(plain);
    expect(plain.resolvedDir).to.equal('rtl');
    expect(getComputedStyle(plain).direction).to.equal('rtl');
  });

  it('a programmatic RTL locale sets the direction even when <html dir> is ltr', async () => {
    document.documentElement.setAttribute('dir', 'ltr');
    const el = await fixture<CifSample>(html`<cif-sample></cif-sample>`);
    setLocale('he');
    await settle(el);
    expect(el.resolvedLang).to.equal('he');
    expect(el.resolvedDir).to.equal('rtl');
  });

  it('knows the direction of languages', () => {
    expect(directionOf('ar')).to.equal('rtl');
    expect(directionOf('he-IL')).to.equal('rtl');
    expect(directionOf('fa')).to.equal('rtl');
    expect(directionOf('en-US')).to.equal('ltr');
    expect(directionOf('ja')).to.equal('ltr');
    expect(directionOf('not a tag!')).to.equal('ltr');
  });

  it('formats numbers, dates, relative times and durations with Intl in the resolved language', async () => {
    const el = await fixture<CifSample>(html`<cif-sample lang="de"></cif-sample>`);
    await settle(el);
    const lang = el.resolvedLang;
    expect(formatNumber(lang, 1234.5)).to.equal('1.234,5');
    expect(
      formatDate(lang, Date.UTC(2026, 0, 2, 12), { timeZone: 'UTC', dateStyle: 'short' }),
    ).to.equal('02.01.26');
    const now = Date.UTC(2026, 0, 2, 12);
    expect(formatRelativeTime(lang, now - 3 * 60_000, now)).to.equal('vor 3 Minuten');
    expect(formatRelativeTime(lang, now - 86_400_000, now)).to.equal('gestern');
    expect(formatRelativeTime(lang, now + 30_000, now)).to.equal('in 30 Sekunden');
    expect(formatRelativeTime(lang, now - 2 * 3_600_000, now)).to.equal('vor 2 Stunden');
    expect(formatRelativeTime(lang, now - 60 * 86_400_000, now)).to.equal('vor 2 Monaten');
    expect(formatRelativeTime(lang, now - 800 * 86_400_000, now)).to.equal('vor 2 Jahren');
    expect(formatDuration(lang, 5)).to.equal('00:05');
    expect(formatDuration(lang, 65)).to.equal('01:05');
    expect(formatDuration(lang, 3725)).to.equal('1:02:05');
    expect(formatDuration(lang, -4)).to.equal('00:00');
    expect(formatDuration(lang, Number.NaN)).to.equal('00:00');
    expect(formatDuration(lang, 125, 'long')).to.match(/2 Minuten.*5 Sekunden/);
    expect(formatDuration(lang, 3725, 'long')).to.match(/1 Stunde.*2 Minuten.*5 Sekunden/);
    expect(formatDuration(lang, 7, 'long')).to.match(/7 Sekunden/);
  });
});
