// Fuzzing core's number intelligence with strings as they come from Dynamics records, pastes and hostile
// input: parsing, E.164, formatting, as-you-type, dial strings and lookup variants never throw and keep
// their documented shapes; a real number survives any decoration people add to it.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import examples from 'libphonenumber-js/examples.mobile.json';
import { fuzz, logFuzzSummary, useFuzzSeed } from '../../../emulator/src/test-utils/fuzz.js';
import { callingCodeOf } from './calling-codes.js';
import { createPhoneNumbers, type PhoneNumberInfo, type PhoneNumbers } from './numbers.js';

const FILE = 'core/phone/numbers.fuzz';
const E164 = /^\+[1-9]\d{1,14}$/;
const REGIONS = [
  'US',
  'GB',
  'DE',
  'FR',
  'IN',
  'JP',
  'BR',
  'AU',
  'ZA',
  'EG',
  'SA',
  'CN',
  'MX',
  'CH',
];

/** Regions as callers pass them: valid, lowercase, unknown, empty, absent. */
const region = fc.oneof(
  fc.constantFrom<string | null | undefined>(
    ...REGIONS,
    'us',
    'XX',
    'ZZ',
    '',
    ' gb ',
    null,
    undefined,
  ),
  fc.string({ maxLength: 4 }),
);

/** Characters that appear in and around phone numbers, including other scripts' digits and bidi marks. */
const PHONE_CHARS = [
  ...'0123456789+()-./ ,;#*xXeEtT:=',
  '\u00a0', // no-break space
  '\u2011', // non-breaking hyphen
  '\u2013', // en dash
  '\u200e', // left-to-right mark
  '\u200f', // right-to-left mark
  '\u202e', // right-to-left override
  '\u2066', // left-to-right isolate
  '\u0661', // Arabic-Indic one
  '\u06f5', // Persian five
  '\u0967', // Devanagari one
  '\uff13', // fullwidth three
  '\uff0b', // fullwidth plus
  '\u0000',
  '\ud83d\udcde', // telephone receiver emoji
];

/** Arbitrary text: any unicode, phone-ish characters, and phone-ish text with words around it. */
const text = fc.oneof(
  fc.string({ maxLength: 40, unit: 'binary' }),
  fc.string({ maxLength: 30, unit: fc.constantFrom(...PHONE_CHARS) }),
  fc
    .tuple(
      fc.constantFrom('', 'tel:', 'Tel. ', 'Mobile: ', 'callto:', 'sip:', '<b>', 'javascript:'),
      fc.string({ maxLength: 20, unit: fc.constantFrom(...PHONE_CHARS) }),
      fc.constantFrom('', ' ext. 12', ' x7', ';ext=99', ',,42#', ' (home)', '</b>', '@pbx.example'),
    )
    .map((parts) => parts.join('')),
  fc.stringMatching(/^\+?[0-9 ()-]{0,20}$/),
);

/** A real mobile number of some region (libphonenumber-js's examples). */
const realNumber = fc.constantFrom(...REGIONS).map((r) => {
  const national = (examples as Record<string, string>)[r] ?? '';
  return { region: r, national, e164: `+${callingCodeOf(r) ?? ''}${national}` };
});

/** Decorations a number gets in records and pastes: grouping, separators, a tel: URI, bidi marks. */
function decorate(
  e164: string,
  how: {
    readonly grouping: number;
    readonly separator: string;
    readonly prefix: string;
    readonly suffix: string;
    readonly fullwidth: boolean;
  },
): string {
  const digits = e164.slice(1);
  const groups: string[] = [];
  for (let i = 0; i < digits.length; i += how.grouping)
    groups.push(digits.slice(i, i + how.grouping));
  let body = `+${groups.join(how.separator)}`;
  if (how.fullwidth)
    body = body.replace(/[0-9+]/g, (c) =>
      c === '+' ? '\uff0b' : String.fromCharCode(0xff10 + Number(c)),
    );
  return `${how.prefix}${body}${how.suffix}`;
}

const decoration = fc.record({
  grouping: fc.integer({ min: 1, max: 5 }),
  separator: fc.constantFrom(' ', '-', '.', '', '\u00a0', ' - ', '/'),
  prefix: fc.constantFrom('', 'tel:', ' ', '\u200e', '\u2066', '\u202a'),
  suffix: fc.constantFrom('', ' ', '\u200e', '\u2069', '\u200f\u200e'),
  fullwidth: fc.boolean(),
});

/** Invariants of one parse result. */
function checkInfo(info: PhoneNumberInfo, input: string): void {
  expect(Object.isFrozen(info), 'frozen').to.equal(true);
  expect(info.input).to.equal(input);
  if (info.e164 !== null) {
    expect(info.e164, 'E.164 shape').to.match(E164);
    expect(info.callingCode, 'calling code of an E.164 number').to.be.a('string');
    expect(info.e164.startsWith(`+${info.callingCode ?? ''}`)).to.equal(true);
    expect(info.international.startsWith('+'), info.international).to.equal(true);
    expect(info.possible).to.equal(true);
  } else {
    expect(info.valid, 'only numbers are valid').to.equal(false);
  }
  if (info.extension !== null) expect(info.extension).to.match(/^\d+$/);
  if (info.postDial !== null) expect(info.postDial).to.match(/^[,;][0-9*#,;]*$/);
  for (const key of ['national', 'international'] as const) expect(info[key]).to.be.a('string');
}

function checkAll(phone: PhoneNumbers, input: string, where: string | null | undefined): void {
  const info = phone.parse(input, where);
  checkInfo(info, input);
  expect(phone.toE164(input, where)).to.equal(info.e164);
  expect(phone.isValid(input, where)).to.equal(info.valid);
  expect(phone.asYouType(input, where)).to.be.a('string');
  const dial = phone.dialString(input, where);
  expect(dial).to.be.a('string');
  if (info.e164) {
    expect(dial.startsWith(info.e164), `${dial} dials ${info.e164}`).to.equal(true);
    // E.164 is a fixed point: the normalised number normalises to itself, in any region.
    expect(phone.toE164(info.e164, where)).to.equal(info.e164);
    expect(phone.toE164(info.e164, 'JP')).to.equal(info.e164);
    expect(phone.matches(input, info.e164, where)).to.equal(true);
  }
  expect(phone.matches(input, input, where)).to.equal(info.e164 !== null);
}

describe('phone numbers fuzzing', function () {
  this.timeout(30_000);
  const precise = createPhoneNumbers({ defaultRegion: 'US' });
  // The synchronous fallback, as used before libphonenumber-js has loaded.
  const fallback = createPhoneNumbers({ defaultRegion: 'GB', autoLoad: false });

  before(async () => {
    await useFuzzSeed(FILE);
    expect(await precise.load()).to.equal(true);
  });
  after(() => logFuzzSummary(FILE));

  it('any text in any region: parse, E.164, formatting, dial strings never throw and keep their shapes', async () => {
    await fuzz(
      'parse',
      fc.property(text, region, (input, where) => checkAll(precise, input, where)),
      1500,
    );
  });

  it('the fallback (before libphonenumber-js loads) keeps the same shapes', async () => {
    await fuzz(
      'fallback',
      fc.property(text, region, (input, where) => {
        expect(fallback.loaded).to.equal(false);
        checkAll(fallback, input, where);
      }),
      800,
    );
  });

  it('lookup variants of any number read back as that number', async () => {
    await fuzz(
      'variants',
      fc.property(
        fc.oneof(
          text,
          realNumber.map((n) => n.e164),
        ),
        region,
        (input, where) => {
          const e164 = precise.toE164(input, where);
          const variants = precise.variants(input, where);
          if (e164 === null) {
            expect(variants).to.deep.equal([]);
            return;
          }
          expect(variants).to.include(e164);
          for (const variant of variants) {
            expect(precise.toE164(variant, where), `${variant} of ${e164}`).to.equal(e164);
          }
        },
      ),
      700,
    );
  });

  it('a real number survives grouping, separators, tel: URIs, bidi marks and fullwidth digits', async () => {
    await fuzz(
      'decorated',
      fc.property(realNumber, decoration, region, (n, how, where) => {
        const decorated = decorate(n.e164, how);
        expect(precise.toE164(decorated, where), JSON.stringify(decorated)).to.equal(n.e164);
        // National digits in the number's own region, decorated the same way, are the same line.
        expect(precise.matches(n.national, decorated, n.region), decorated).to.equal(true);
      }),
      1000,
    );
  });

  it('cases fuzzing found: bidi marks around a number, and objects without a usable toString', () => {
    expect(precise.toE164('+1 201 555 0123\u200e')).to.equal('+12015550123');
    expect(precise.toE164('\u2067+44 20 7946 0958\u2069')).to.equal('+442079460958');
    expect(fallback.toE164('\u200f+1 201 555 0123')).to.equal('+12015550123');
    expect(precise.parse({ toString: '' } as unknown as string).e164).to.equal(null);
    expect(precise.parse(Object.create(null) as string).input).to.equal('');
  });

  it('non-strings from untyped callers are read as text, never thrown on', async () => {
    await fuzz(
      'untyped',
      fc.property(fc.anything(), (value) => {
        const input = value as string;
        expect(() => precise.parse(input)).to.not.throw();
        expect(() => precise.asYouType(input)).to.not.throw();
        expect(() => precise.dialString(input)).to.not.throw();
        expect(() => fallback.parse(input)).to.not.throw();
      }),
      500,
    );
  });
});
