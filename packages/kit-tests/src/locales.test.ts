import {
  registeredLocales,
  resolveTranslation,
  type CifTermArgs,
  type CifTranslation,
  type CifTranslationKey,
} from '@cif-elements/base';
import { expect } from '@open-wc/testing';
import { SCENARIOS, renderScenario, type ComponentTag } from './test-utils/fixtures.js';
import { LOCALES, en } from './test-utils/locales.js';
import { presentedTexts } from './test-utils/text.js';

type FunctionKey = {
  [K in CifTranslationKey]: CifTranslation[K] extends (...args: never[]) => string ? K : never;
}[CifTranslationKey];

/**
 * Sample arguments for every function term. Typed over every function key: a new function term fails
 * the typecheck here until it has a sample (and so a check).
 */
const SAMPLES: { [K in FunctionKey]: CifTermArgs<K> } = {
  moreCount: [7],
  dialpadKey: ['2', 'ABC'],
  dialpadDeleted: ['5'],
  dialpadValid: ['Ruritania'],
  dialpadInvalid: ['Ruritania'],
  dialpadBlocked: ['Opted out'],
  toastAnswerCall: ['Jane Doe'],
  toastDeclineCall: ['Jane Doe'],
  toastVoicemailCall: ['Jane Doe'],
  toastHoldAnswerCall: ['Jane Doe'],
  toastEndAnswerCall: ['Jane Doe'],
  toastDismissCall: ['Jane Doe'],
  toastAnnounce: ['Jane Doe', 'Contoso'],
  toastAnnounceWaiting: ['Jane Doe', 'Contoso'],
  toastAnnounceMissed: ['Jane Doe'],
  toastMatches: [7],
  toastTimeLeft: ['25'],
  controlsQuality: ['Q-LEVEL', '3.4'],
  controlsFailed: ['Q-ACTION'],
  controlsConsulting: ['+1 425 555 0199'],
  controlsTransferredNow: ['+1 425 555 0199'],
  cardMatches: [7],
  cardOtherMatches: [7],
  cardChosen: ['Alex Baker'],
  cardOpen: ['Alex Baker'],
  cardCall: ['Q-TYPE', '+1 206-555-0100'],
  cardCopy: ['Q-TYPE', '+1 206-555-0100'],
  cardCopied: ['+1 206-555-0100'],
};

/** A raw key shown instead of its term: `dialpadCall`, `toastAnswer`, `controlsMute`, `cardEmail`… */
const RAW_KEY = /\b(dialpad|toast|controls|card)[A-Z]\w*/;
const KEYS = Object.keys(en).filter((key) => !key.startsWith('$')) as CifTranslationKey[];
const BROKEN = /#|\bundefined\b|\bnull\b|\bNaN\b|\$\{|\[object/;

/** The string terms of one component in a translation (for "the component speaks this language"). */
const PREFIX: Record<ComponentTag, string> = {
  'cif-dialpad': 'dialpad',
  'cif-incoming-call-toast': 'toast',
  'cif-call-controls': 'controls',
  'cif-contact-card': 'card',
};

function stringTerms(t: CifTranslation, prefix = ''): Set<string> {
  return new Set(
    KEYS.filter((key) => key.startsWith(prefix))
      .map((key) => t[key])
      .filter((value): value is string => typeof value === 'string'),
  );
}

describe('locales', () => {
  it('ships at least ten locales, the required ones registered by importing them', () => {
    const tags = registeredLocales();
    const required = ['en', 'de', 'fr', 'es', 'it', 'pt-BR', 'nl', 'ja', 'zh-CN', 'ar', 'he'];
    expect(tags).to.include.members(required);
    expect(tags.length).to.be.at.least(10);
    for (const tag of required) expect(resolveTranslation(tag)?.$code).to.equal(tag);
    expect(resolveTranslation('pt')?.$code, 'Portuguese finds Brazil').to.equal('pt-BR');
    expect(resolveTranslation('zh-Hans-CN')?.$code).to.equal('zh-CN');
    expect(resolveTranslation('he-IL')?.$code).to.equal('he');
  });

  it('the type makes every locale complete (a missing key does not compile)', () => {
    // @ts-expect-error a translation without its terms is not a CifTranslation
    const incomplete: CifTranslation = { $code: 'xx', $name: 'Xx', $dir: 'ltr' };
    expect(incomplete.$code).to.equal('xx');
  });

  for (const t of LOCALES) {
    describe(`${t.$name} (${t.$code})`, () => {
      it('has exactly the English keys, every term non-empty, every argument used', () => {
        expect(Object.keys(t).sort()).to.deep.equal(Object.keys(en).sort());
        expect(t.$dir).to.equal(['ar', 'he'].includes(t.$code) ? 'rtl' : 'ltr');
        expect(new Intl.Locale(t.$code).baseName).to.equal(t.$code);
        for (const key of KEYS) {
          const value: unknown = t[key];
          if (typeof value === 'string') {
            expect(value.trim(), `${t.$code}.${key}`).to.not.equal('');
            expect(value, `${t.$code}.${key}`).to.not.match(BROKEN);
            continue;
          }
          expect(value, `${t.$code}.${key}`).to.be.a('function');
          const args = SAMPLES[key as FunctionKey] as readonly unknown[];
          const term = value as (...a: readonly unknown[]) => string;
          const out = term(...args);
          expect(out.trim(), `${t.$code}.${key}`).to.not.equal('');
          expect(out, `${t.$code}.${key}`).to.not.match(BROKEN);
          for (const arg of args) {
            const shown =
              typeof arg === 'number' ? new Intl.NumberFormat(t.$code).format(arg) : String(arg);
            expect(out.toLocaleLowerCase(t.$code), `${t.$code}.${key} uses "${shown}"`).to.include(
              shown.toLocaleLowerCase(t.$code),
            );
          }
          // Counts: every plural category the language has gives a phrase.
          if (typeof args[0] === 'number') {
            for (const n of [0, 1, 2, 3, 11, 100, 1234]) {
              expect(term(n), `${t.$code}.${key}(${n})`).to.not.match(BROKEN);
            }
          }
        }
        // Optional arguments stay optional: an empty company or score leaves no dangling comma.
        expect(t.toastAnnounce('Jane Doe', '')).to.not.match(/[,،，、]\s*$/);
        expect(t.controlsQuality('ok', '')).to.not.match(/MOS/);
        expect(t.dialpadKey('1', '')).to.equal('1');
      });

      it('renders every component in its main states without a raw key, an empty name or English left over', async () => {
        const englishOnly = [...stringTerms(en)].filter((value) => !stringTerms(t).has(value));
        for (const scenario of SCENARIOS) {
          const el = await renderScenario(scenario, t.$code);
          const where = `${scenario.tag} (${scenario.state}) in ${t.$code}`;
          const texts = presentedTexts(el);
          expect(texts.length, where).to.be.above(0);
          for (const text of texts) {
            expect(text, `${where}: a raw key`).to.not.match(RAW_KEY);
            expect(KEYS, `${where}: a raw key`).to.not.include(text);
            expect(text, `${where}: a broken term`).to.not.match(/\bundefined\b|\bNaN\b|\[object/);
            if (t.$code !== 'en')
              expect(englishOnly, `${where}: English left over`).to.not.include(text);
          }
          // Every button, field and option has a name.
          for (const control of el.shadowRoot!.querySelectorAll<HTMLElement>(
            'button, input, select, textarea, [role=option]',
          )) {
            const labels = (control as HTMLInputElement).labels;
            const name =
              control.getAttribute('aria-label') ??
              control.getAttribute('aria-labelledby') ??
              (labels?.length ? labels[0]!.textContent : control.textContent);
            expect(name?.trim(), `${where}: a nameless <${control.localName}>`).to.not.equal('');
          }
          const own = stringTerms(t, PREFIX[scenario.tag]);
          if (scenario.state !== 'loading' || scenario.tag !== 'cif-contact-card')
            expect(
              texts.some((text) => own.has(text)),
              `${where} shows its own terms`,
            ).to.equal(true);
        }
      });
    });
  }
});
