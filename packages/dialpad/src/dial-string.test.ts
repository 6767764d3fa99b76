import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  MAX_DIAL_LENGTH,
  cleanDialString,
  dialIndex,
  formattedIndex,
  letterDigit,
  sanitizeTyped,
  spliceDialString,
} from './dial-string.js';

/** A dialable string: optional leading +, starts and ends with a key, `,`/`;` only between keys. */
const DIALABLE = /^(?:\+?[0-9*#](?:[0-9*#,;]*[0-9*#])?)?$/;

describe('dial strings', () => {
  describe('cleanDialString (paste)', () => {
    const cases: [string, string][] = [
      ['+1 (201) 555-0123', '+12015550123'],
      ['201.555.0123', '2015550123'],
      ['1-800-FLOWERS', '18003569377'],
      ['1 800 go fedex', '18004633339'],
      ['+44 (0)20 7946 0018', '+442079460018'],
      ['Tel.: +49 30 1234567', '+49301234567'],
      ['Mobile: 0171 2345678', '01712345678'],
      ['+1 201 555 0123 x 42', '+12015550123,42'],
      ['201-555-0123 ext. 7', '2015550123,7'],
      ['201-555-0123 extension 7', '2015550123,7'],
      ['2015550123x7', '2015550123,7'],
      ['tel:+1-201-555-0123;ext=1234', '+12015550123,1234'],
      ['tel:+12015550123', '+12015550123'],
      ['callto://+12015550123', '+12015550123'],
      ['sip:+12015550123@pbx.example.com', '+12015550123'],
      ['5550100,,1234#', '5550100,,1234#'],
      ['5550100;1234', '5550100;1234'],
      ['*67 201 555 0123', '*672015550123'],
      ['#31#2015550123', '#31#2015550123'],
      ['+1 +2 +3', '+123'],
      ['٠١٢٣٤٥٦٧٨٩', '0123456789'],
      ['۰۹۱۲ ۳۴۵ ۶۷۸۹', '09123456789'],
      ['＋１ ２０１', '+1201'],
      ['1-800-BOX4', '18002694'],
      ['555-0100,', '5550100'],
      [',,5550100', '5550100'],
      ['+', ''],
      ['', ''],
      ['no digits here', ''],
      ['<img src=x onerror=alert(1)>', '1'],
    ];
    for (const [input, expected] of cases) {
      it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => {
        expect(cleanDialString(input)).to.equal(expected);
      });
    }

    it('returns an empty string for a value that is not a string', () => {
      for (const value of [undefined, null, 42, {}, [], Symbol('x')]) {
        expect(cleanDialString(value)).to.equal('');
      }
    });

    it('cuts runaway input to the maximum length', () => {
      expect(cleanDialString('5'.repeat(10_000))).to.have.length(MAX_DIAL_LENGTH);
    });

    it('property: arbitrary strings never throw and give a dialable string or an empty one', () => {
      const phoneish = fc
        .array(
          fc.constantFrom(
            ...'0123456789+*#,;()-. xXeEtT:=/'.split(''),
            'ext',
            'tel:',
            'sip:',
            '@',
            '(0)',
            '٣',
            '۷',
            '５',
            '＋',
            'A',
            'z',
          ),
          { maxLength: 40 },
        )
        .map((parts) => parts.join(''));
      fc.assert(
        fc.property(
          fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string(), phoneish),
          (input) => {
            const out = cleanDialString(input);
            expect(out).to.match(DIALABLE);
            expect(out.length).to.be.at.most(MAX_DIAL_LENGTH);
            expect(cleanDialString(out), 'idempotent').to.equal(out);
          },
        ),
        { numRuns: 2000 },
      );
    });
  });

  describe('typing', () => {
    it('keeps keys, +, pauses; maps letters only when asked', () => {
      expect(sanitizeTyped('1a*#+,;-', false)).to.equal('1*#+,;');
      expect(sanitizeTyped('FLOWERS', true)).to.equal('3569377');
      expect(sanitizeTyped('٣', false)).to.equal('3');
      expect(letterDigit('q')).to.equal('7');
      expect(letterDigit('1')).to.equal(undefined);
      expect(letterDigit('ab')).to.equal(undefined);
    });

    it('splices edits, keeping + only in front and the caret after the insertion', () => {
      expect(spliceDialString('2015', 4, 4, '5')).to.deep.equal({ value: '20155', caret: 5 });
      expect(spliceDialString('2015', 0, 0, '+')).to.deep.equal({ value: '+2015', caret: 1 });
      expect(spliceDialString('2015', 2, 2, '+')).to.deep.equal({ value: '2015', caret: 2 });
      expect(spliceDialString('2015', 1, 3, '')).to.deep.equal({ value: '25', caret: 1 });
      expect(spliceDialString('+2015', 0, 1, '9')).to.deep.equal({ value: '92015', caret: 1 });
    });

    it('maps carets between the formatted and the raw number', () => {
      const formatted = '(201) 555-0123';
      expect(dialIndex(formatted, 0)).to.equal(0);
      expect(dialIndex(formatted, 5)).to.equal(3);
      expect(dialIndex(formatted, formatted.length)).to.equal(10);
      expect(formattedIndex(formatted, 0)).to.equal(0);
      expect(formattedIndex(formatted, 3)).to.equal(4);
      expect(formattedIndex(formatted, 4)).to.equal(7);
      expect(formattedIndex(formatted, 99)).to.equal(formatted.length);
    });
  });
});
