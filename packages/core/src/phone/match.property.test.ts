import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import examples from 'libphonenumber-js/examples.mobile.json';
import { callingCodeOf, nationalPrefixOf } from './calling-codes.js';
import { createPhoneNumbers } from './numbers.js';

const REGIONS = [
  'US',
  'GB',
  'DE',
  'FR',
  'IT',
  'ES',
  'AU',
  'JP',
  'BR',
  'IN',
  'ZA',
  'SE',
  'CH',
  'MX',
  'RU',
];
const phone = createPhoneNumbers({ defaultRegion: 'US' });

/** A valid number of some region, as E.164, national digits and region. */
const validNumber = fc.constantFrom(...REGIONS).map((region) => {
  const national = (examples as Record<string, string>)[region] ?? '';
  return { region, national, e164: `+${callingCodeOf(region) ?? ''}${national}` };
});

describe('phone number matching properties', () => {
  before(async () => {
    expect(await phone.load()).to.equal(true);
  });

  it('matching is E.164 equality: symmetric, and never true for numbers that do not normalise', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.stringMatching(/^\+?[0-9 ()-]{0,18}$/),
      validNumber.map((n) => n.e164),
    );
    fc.assert(
      fc.property(text, text, fc.constantFrom(...REGIONS), (a, b, region) => {
        const match = phone.matches(a, b, region);
        expect(match).to.equal(phone.matches(b, a, region));
        const e164 = phone.toE164(a, region);
        expect(match).to.equal(e164 !== null && e164 === phone.toE164(b, region));
      }),
      { numRuns: 300 },
    );
  });

  it('never matches a number with a piece of it, or with it plus more digits', () => {
    fc.assert(
      fc.property(
        validNumber,
        fc.integer({ min: 1, max: 6 }),
        fc.stringMatching(/^[0-9]{1,4}$/),
        (n, cut, more) => {
          const digits = n.e164.slice(1);
          const code = callingCodeOf(n.region) ?? '';
          for (const piece of [
            `+${digits.slice(0, -cut)}`, // the number without its last digits
            `+${digits.slice(cut)}`, // digits from the middle, read as international
            n.national.slice(cut), // the end of the number, read as national
            n.national.slice(0, -cut),
            `${n.e164}${more}`, // the number plus digits
            `+${more}${digits}`,
          ]) {
            // +1 1 201…: the country code then the national prefix is the same number, not an overlap.
            if (`${more}${digits}` === `${code}${nationalPrefixOf(n.region)}${n.national}`)
              continue;
            expect(phone.matches(n.e164, piece, n.region), `${n.e164} vs ${piece}`).to.equal(false);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('matches every format of the same number, and changing one digit breaks the match', () => {
    fc.assert(
      fc.property(validNumber, fc.nat(20), fc.integer({ min: 1, max: 9 }), (n, position, delta) => {
        for (const variant of phone.variants(n.e164, n.region)) {
          expect(phone.matches(n.e164, variant, n.region), variant).to.equal(true);
        }
        const index = position % n.national.length;
        const changed =
          n.national.slice(0, index) +
          String((Number(n.national[index]) + delta) % 10) +
          n.national.slice(index + 1);
        expect(
          phone.matches(n.e164, `+${callingCodeOf(n.region) ?? ''}${changed}`, n.region),
        ).to.equal(false);
      }),
      { numRuns: 200 },
    );
  });
});
