import { expect } from '@open-wc/testing';
import examples from 'libphonenumber-js/examples.mobile.json';
import metadata from 'libphonenumber-js/metadata.min.json';
import { createPhoneNumbers, type PhoneNumbers } from './numbers.js';
import { callingCodeOf, nationalPrefixOf, regionOfCallingCode } from './calling-codes.js';

/** Forty regions on six continents. */
const REGIONS = (
  'US CA GB DE FR IT ES NL BE CH AT SE NO DK FI PL PT IE AU NZ JP KR CN IN BR MX ZA RU TR AE SG HK ' +
  'IL EG AR GR CZ HU RO UA'
).split(' ');

interface Case {
  readonly input: string;
  readonly region: string;
  readonly e164: string;
  readonly extension?: string;
  readonly form: string;
}

const FULL_WIDTH = (text: string) =>
  text.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));

/**
 * The corpus: each region's example mobile number (libphonenumber's metadata examples) written the
 * ways agents type and CRMs store numbers.
 */
function corpus(): Case[] {
  const cases: Case[] = [];
  const table = metadata as unknown as {
    countries: Record<string, [string, string, ...unknown[]]>;
  };
  for (const region of REGIONS) {
    const national = (examples as Record<string, string>)[region];
    const code = callingCodeOf(region);
    if (!national || !code) throw new Error(`no example for ${region}`);
    const e164 = `+${code}${national}`;
    const prefix = code === '1' ? '' : nationalPrefixOf(region);
    const add = (form: string, input: string, extension?: string) =>
      cases.push({ input, region, e164, form, ...(extension ? { extension } : {}) });
    add('e164', e164);
    add('international spaced', `+${code} ${national.slice(0, 3)} ${national.slice(3)}`);
    add('national digits', `${prefix}${national}`);
    add(
      'national punctuated',
      code === '1'
        ? `(${national.slice(0, 3)}) ${national.slice(3, 6)}-${national.slice(6)}`
        : `${prefix}${national.slice(0, 2)}-${national.slice(2, 5)}.${national.slice(5)}`,
    );
    add('extension', `+${code} ${national} ext. 42`, '42');
    add('tel URI', `tel:+${code}-${national};ext=7`, '7');
    add('full-width', FULL_WIDTH(e164));
    // The international call prefix dialled from the region itself, where it is a plain digit string.
    const exit = table.countries[region]?.[1];
    if (typeof exit === 'string' && /^\d+$/.test(exit))
      add('international prefix', `${exit} ${code} ${national}`);
  }
  return cases;
}

const GARBAGE = [
  '',
  '   ',
  'abc',
  'call me maybe',
  '12',
  '+',
  '++1 619 555 0129',
  '555-CALL-NOW-PLEASE-TODAY',
  'null',
  '0000000000000000000000',
  '12345678901234567890',
  '😀😀😀',
  '+999 123 4567',
  '<script>alert(1)</script>',
  "'; DROP TABLE contact; --",
  'tel:',
  '(0)',
  '#123',
  '+1 619 555 0129, call after 5',
  'N/A',
];

describe('phone numbers', () => {
  let phone: PhoneNumbers;

  describe('with libphonenumber-js loaded', () => {
    before(async () => {
      phone = createPhoneNumbers({ defaultRegion: 'US' });
      expect(await phone.load()).to.equal(true);
    });

    const cases = corpus();

    it('has a corpus of at least 200 numbers from at least 20 regions', () => {
      expect(cases.length).to.be.at.least(300);
      expect(GARBAGE.length).to.be.at.least(20);
      expect(new Set(cases.map((c) => c.region)).size).to.be.at.least(20);
    });

    it('normalises every form of every region to the same E.164, with extensions', () => {
      const failures: string[] = [];
      for (const c of cases) {
        const info = phone.parse(c.input, c.region);
        if (info.e164 !== c.e164)
          failures.push(`${c.region} ${c.form} ${c.input} → ${String(info.e164)}`);
        if (!info.valid || !info.precise)
          failures.push(`${c.region} ${c.form} ${c.input} not valid/precise`);
        if (info.extension !== (c.extension ?? null))
          failures.push(`${c.input}: extension ${String(info.extension)}`);
        if (c.extension && info.postDial !== `,${c.extension}`)
          failures.push(`${c.input}: postDial ${String(info.postDial)}`);
        if (info.region !== c.region && !(c.region === 'CA' && info.region === 'US')) {
          failures.push(`${c.input}: region ${String(info.region)}`);
        }
      }
      expect(failures).to.deep.equal([]);
    });

    it('formats nationally and internationally, and formats the formatted forms back to the same number', () => {
      const failures: string[] = [];
      for (const c of cases) {
        const info = phone.parse(c.input, c.region);
        for (const formatted of [info.national, info.international]) {
          if (phone.toE164(formatted, c.region) !== c.e164)
            failures.push(`${c.input} → ${formatted}`);
        }
        if (!info.international.startsWith(`+${callingCodeOf(c.region) ?? ''} `)) {
          failures.push(`${c.input}: international ${info.international}`);
        }
      }
      expect(failures).to.deep.equal([]);
    });

    it('formats known numbers as their countries write them', () => {
      const table: [string, string | null, string, string][] = [
        ['6195550129', 'US', '(619) 555-0129', '+1 619 555 0129'],
        ['+442079460958', null, '020 7946 0958', '+44 20 7946 0958'],
        ['+44 (0)20 7946 0958', 'US', '020 7946 0958', '+44 20 7946 0958'],
        ['0207 946 0958', 'GB', '020 7946 0958', '+44 20 7946 0958'],
        ['+4930901820', null, '030 901820', '+49 30 901820'],
        ['+33142685300', null, '01 42 68 53 00', '+33 1 42 68 53 00'],
        ['+81312345678', null, '03-1234-5678', '+81 3 1234 5678'],
      ];
      for (const [input, region, national, international] of table) {
        expect(phone.formatNational(input, region), input).to.equal(national);
        expect(phone.formatInternational(input, region), input).to.equal(international);
      }
    });

    it('reads vanity numbers through the keypad letters', () => {
      const flowers = phone.parse('1-800-FLOWERS', 'US');
      expect(flowers).to.include({ e164: '+18003569377', vanity: true, valid: true });
      expect(phone.toE164('+1 800 GOT JUNK')).to.equal('+18004685865');
      expect(phone.toE164('0800 REVERSE', 'GB')).to.equal('+448007383773');
      expect(phone.parse('1-800-FLOWERS x 12', 'US')).to.include({
        e164: '+18003569377',
        extension: '12',
      });
    });

    it('reads extensions in their common spellings and keeps post-dial digits', () => {
      const spellings = [
        '+1 619 555 0129 x123',
        '+1 619 555 0129 ext 123',
        '+1 619 555 0129 ext.123',
        '+1 619 555 0129 extension 123',
        '+1 619 555 0129 #123',
        '(619) 555-0129 x. 123',
        'tel:+1-619-555-0129;ext=123',
      ];
      for (const input of spellings) {
        expect(phone.parse(input), input).to.include({
          e164: '+16195550129',
          extension: '123',
          postDial: ',123',
        });
      }
      expect(phone.parse('+16195550129,,55#')).to.include({
        e164: '+16195550129',
        postDial: ',,55#',
        extension: null,
      });
      expect(phone.dialString('+1 619 555 0129 ext. 12')).to.equal('+16195550129,12');
      expect(phone.dialString('619 555 0129')).to.equal('+16195550129');
      expect(phone.dialString('sip:+16195550129@pbx.contoso.com')).to.equal('+16195550129');
      expect(phone.dialString('5550129')).to.equal('5550129');
    });

    it('reads Arabic-Indic digits', () => {
      expect(phone.toE164('+٩٧١٥٠١٢٣٤٥٦٧')).to.equal('+971501234567');
      expect(phone.toE164('+۹۷۱۵۰۱۲۳۴۵۶۷')).to.equal('+971501234567');
    });

    it('refuses garbage: no E.164, not valid, never throws', () => {
      for (const input of GARBAGE) {
        const info = phone.parse(input, 'US');
        expect(info.e164, JSON.stringify(input)).to.equal(null);
        expect(info.valid, input).to.equal(false);
      }
      expect(phone.parse(undefined as unknown as string).e164).to.equal(null);
      expect(
        phone.toE164('555 0129', 'US'),
        'a local number without area code is not possible',
      ).to.equal(null);
    });

    it('validates: possible but invalid numbers are not valid', () => {
      expect(phone.isValid('+1 619 555 0129')).to.equal(true);
      expect(phone.isValid('+1 099 555 0129')).to.equal(false);
      expect(phone.isValid('+44 20 7946 095')).to.equal(false);
    });

    it('formats as you type', () => {
      expect(phone.asYouType('6195', 'US')).to.equal('(619) 5');
      expect(phone.asYouType('6195550129')).to.equal('(619) 555-0129');
      expect(phone.asYouType('02079460958', 'GB')).to.equal('020 7946 0958');
      expect(phone.asYouType('+4930901820', null)).to.equal('+49 30 901820');
    });

    it('matches by E.164, never by substring', () => {
      expect(phone.matches('+1 619 555 0129', '(619) 555-0129')).to.equal(true);
      expect(phone.matches('+1 619 555 0129', '6195550129')).to.equal(true);
      expect(
        phone.matches('+1 619 555 0129 x12', '+16195550129'),
        'extensions are ignored',
      ).to.equal(true);
      expect(phone.matches('020 7946 0958', '+44 20 7946 0958', 'GB')).to.equal(true);
      expect(phone.matches('+1 619 555 0129', '555 0129')).to.equal(false);
      expect(phone.matches('+1 619 555 0129', '+1 619 555 01290')).to.equal(false);
      expect(phone.matches('+1 619 555 0129', '+44 1619 555 0129')).to.equal(false);
      expect(
        phone.matches('+16195550129', '16195550129', 'GB'),
        'digits alone in another region',
      ).to.equal(false);
      expect(phone.matches('garbage', 'garbage')).to.equal(false);
      expect(phone.matches('', '')).to.equal(false);
    });

    it('lists the ways a number is stored, each of which matches it', () => {
      const variants = phone.variants('+16195550129');
      expect(variants).to.include.members([
        '+16195550129',
        '16195550129',
        '(619) 555-0129',
        '619-555-0129',
        '619.555.0129',
        '6195550129',
        '+1 619 555 0129',
        '+1-619-555-0129',
        '1-619-555-0129',
      ]);
      for (const variant of variants)
        expect(phone.matches(variant, '+16195550129'), variant).to.equal(true);
      const uk = phone.variants('+442079460958', 'GB');
      expect(uk).to.include.members([
        '020 7946 0958',
        '+44 20 7946 0958',
        '02079460958',
        '+44 (0)20 7946 0958',
      ]);
      expect(phone.variants('garbage')).to.deep.equal([]);
    });

    it('finds the region of calling codes', () => {
      expect(regionOfCallingCode('44')).to.equal('GB');
      expect(regionOfCallingCode('1')).to.equal('US');
      expect(regionOfCallingCode('999')).to.equal(undefined);
      expect(nationalPrefixOf('RU')).to.equal('8');
      expect(nationalPrefixOf('IT')).to.equal('');
      expect(nationalPrefixOf('CA')).to.equal('1');
      expect(nationalPrefixOf('DE')).to.equal('0');
    });
  });

  describe('the synchronous fallback (before libphonenumber-js loads)', () => {
    const cases = corpus();
    const fallback = createPhoneNumbers({ defaultRegion: 'US', autoLoad: false });

    it('gives the same E.164 as libphonenumber-js for every number of the corpus', () => {
      const failures: string[] = [];
      for (const c of cases) {
        const info = fallback.parse(c.input, c.region);
        expect(info.precise).to.equal(false);
        if (info.e164 !== c.e164)
          failures.push(`${c.region} ${c.form} ${c.input} → ${String(info.e164)}`);
        if (info.extension !== (c.extension ?? null))
          failures.push(`${c.input}: extension ${String(info.extension)}`);
      }
      expect(failures).to.deep.equal([]);
      expect(fallback.loaded).to.equal(false);
    });

    it('refuses garbage too', () => {
      for (const input of GARBAGE) expect(fallback.toE164(input, 'US'), input).to.equal(null);
      expect(fallback.toE164('0044 20 7946 0958', null)).to.equal('+442079460958');
      expect(fallback.toE164('020 7946 0958', null), 'a national number without a region').to.equal(
        null,
      );
      expect(fallback.toE164('555 0129', 'US')).to.equal(null);
    });

    it('formats roughly and returns typed input unchanged', () => {
      const info = fallback.parse('+442079460958');
      expect(info).to.include({
        international: '+44 2079460958',
        national: '02079460958',
        region: 'GB',
      });
      expect(fallback.parse('+16195550129').national).to.equal('6195550129');
      expect(fallback.parse('(619) 555-0129')).to.include({
        national: '(619) 555-0129',
        region: 'US',
      });
      expect(fallback.asYouType('6195')).to.equal('6195');
      expect(fallback.matches('(619) 555-0129', '+16195550129')).to.equal(true);
      expect(fallback.matches('555 0129', '+16195550129')).to.equal(false);
    });
  });

  describe('lazy loading', () => {
    it('loads on first use, once, and then answers precisely', async () => {
      let calls = 0;
      const lib = await import('libphonenumber-js/max');
      const loaded: string[] = [];
      const phone = createPhoneNumbers({
        defaultRegion: 'US',
        load: () => {
          calls++;
          return Promise.resolve(lib);
        },
      });
      phone.onLoad(() => loaded.push('loaded'));
      expect(phone.loaded).to.equal(false);
      expect(phone.parse('+1 619 555 0129').precise).to.equal(false);
      expect(phone.asYouType('6195')).to.equal('6195');
      expect(await phone.ready).to.equal(true);
      expect(await phone.load()).to.equal(true);
      expect(calls).to.equal(1);
      expect(loaded).to.deep.equal(['loaded']);
      expect(phone.parse('+1 619 555 0129')).to.include({
        precise: true,
        national: '(619) 555-0129',
      });
    });

    it('keeps the fallback when loading fails, reports why, and tries again later', async () => {
      const lib = await import('libphonenumber-js/max');
      let fail = true;
      const phone = createPhoneNumbers({
        defaultRegion: 'US',
        autoLoad: false,
        load: () => (fail ? Promise.reject(new Error('offline')) : Promise.resolve(lib)),
      });
      phone.parse('+16195550129');
      expect(phone.loaded).to.equal(false);
      expect(await phone.load()).to.equal(false);
      expect((phone.loadError as Error).message).to.equal('offline');
      expect(phone.toE164('(619) 555-0129')).to.equal('+16195550129');
      fail = false;
      expect(await phone.load()).to.equal(true);
      expect(phone.loadError).to.equal(null);
    });
  });

  describe('default region', () => {
    it('comes from the configuration, then the LCID, then the locale', () => {
      expect(
        createPhoneNumbers({ defaultRegion: 'gb', lcid: 1031, autoLoad: false }).defaultRegion,
      ).to.equal('GB');
      expect(
        createPhoneNumbers({ lcid: 1031, locale: 'fr-FR', autoLoad: false }).defaultRegion,
      ).to.equal('DE');
      expect(createPhoneNumbers({ lcid: 3084, autoLoad: false }).defaultRegion).to.equal('CA');
      expect(createPhoneNumbers({ locale: 'fr-BE', autoLoad: false }).defaultRegion).to.equal('BE');
      expect(createPhoneNumbers({ locale: 'ja', autoLoad: false }).defaultRegion).to.equal('JP');
      expect(
        createPhoneNumbers({
          defaultRegion: 'XX',
          lcid: 99999,
          locale: 'x-invalid-!',
          autoLoad: false,
        }).defaultRegion,
      ).to.equal(null);
      const fromNavigator = createPhoneNumbers({ autoLoad: false }).defaultRegion;
      expect(fromNavigator).to.equal(new Intl.Locale(navigator.language).maximize().region ?? null);
    });

    it('can be changed later (from getEnvironment) and ignores invalid regions', () => {
      const phone = createPhoneNumbers({ defaultRegion: 'US', autoLoad: false });
      expect(phone.toE164('020 7946 0958')).to.equal(null);
      phone.setDefaultRegion('GB');
      expect(phone.toE164('020 7946 0958')).to.equal('+442079460958');
      phone.setDefaultRegion('nowhere');
      expect(phone.defaultRegion).to.equal('GB');
      phone.setDefaultRegion(null);
      expect(phone.defaultRegion).to.equal(null);
    });
  });
});
