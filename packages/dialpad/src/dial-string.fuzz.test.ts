// Fuzzing the dialpad's dial strings beyond dial-string.test.ts's paste property: real numbers pasted with
// the decorations people copy with them, values set by untyped apps, edits at any position, typed
// characters, and caret mapping between the formatted and the raw number.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { fuzz, logFuzzSummary, useFuzzSeed } from '../../emulator/src/test-utils/fuzz.js';
import {
  MAX_DIAL_LENGTH,
  cleanDialString,
  dialChars,
  dialIndex,
  formattedIndex,
  normaliseValue,
  sanitizeTyped,
  spliceDialString,
} from './dial-string.js';

const FILE = 'dialpad/dial-string.fuzz';
/** A dialable string: optional leading +, starts and ends with a key, `,`/`;` only between keys. */
const DIALABLE = /^(?:\+?[0-9*#](?:[0-9*#,;]*[0-9*#])?)?$/;
/** Dial-string characters, + only in front. */
const COMPOSING = /^\+?[0-9*#,;]*$/;

/** A number as E.164 digits (country code first) and an extension. */
const number = fc.record({
  digits: fc.stringMatching(/^[1-9][0-9]{6,13}$/),
  extension: fc.option(fc.stringMatching(/^[0-9]{1,5}$/), { nil: undefined }),
});

/** How it is pasted: label, grouping, separator, digit script, extension marker, bidi marks. */
const paste = fc.record({
  label: fc.constantFrom('', 'Tel. ', 'Mobile: ', 'tel:', 'callto:', 'Phone – ', '\u200e'),
  grouping: fc.integer({ min: 1, max: 5 }),
  separator: fc.constantFrom(' ', '-', '.', '/', '', '\u00a0', ' - '),
  script: fc.constantFrom('ascii', 'fullwidth', 'arabic', 'persian', 'devanagari'),
  marker: fc.constantFrom(' x', ' x ', ' ext. ', ' ext ', ';ext=', ' extension ', ','),
  trailing: fc.constantFrom('', ' ', '\u200f', '\t'),
});

const ZEROS: Record<string, number> = {
  ascii: 0x30,
  fullwidth: 0xff10,
  arabic: 0x660,
  persian: 0x6f0,
  devanagari: 0x966,
};

function render(
  n: { digits: string; extension: string | undefined },
  how: {
    label: string;
    grouping: number;
    separator: string;
    script: string;
    marker: string;
    trailing: string;
  },
): string {
  const groups: string[] = [];
  for (let i = 0; i < n.digits.length; i += how.grouping)
    groups.push(n.digits.slice(i, i + how.grouping));
  const script = (digits: string) =>
    digits.replace(/[0-9]/g, (d) => String.fromCharCode((ZEROS[how.script] ?? 0x30) + Number(d)));
  const body = `+${script(groups.join(how.separator))}`;
  const extension = n.extension ? `${how.marker}${script(n.extension)}` : '';
  return `${how.label}${body}${extension}${how.trailing}`;
}

describe('dial strings fuzzing', function () {
  this.timeout(30_000);
  before(() => useFuzzSeed(FILE));
  after(() => logFuzzSummary(FILE));

  it('a pasted number keeps exactly its digits, in any script, with its extension after a pause', async () => {
    await fuzz(
      'pasted numbers',
      fc.property(number, paste, (n, how) => {
        const pasted = render(n, how);
        const expected = `+${n.digits}${n.extension ? `,${n.extension}` : ''}`;
        expect(cleanDialString(pasted), JSON.stringify(pasted)).to.equal(expected);
      }),
      1000,
    );
  });

  it('values set by untyped apps never throw: dial characters are kept, the rest is cleaned', async () => {
    await fuzz(
      'normaliseValue',
      fc.property(
        fc.oneof(fc.anything(), fc.string({ unit: fc.constantFrom(...'+0123456789*#,;') })),
        (value) => {
          const out = normaliseValue(value);
          expect(out).to.match(COMPOSING);
          expect(out.length).to.be.at.most(MAX_DIAL_LENGTH);
          if (typeof value === 'string' && /^[0-9*#+,;]*$/.test(value)) {
            const plusInFront = value.replace(/(?!^)\+/g, '');
            expect(out, 'a number being composed is kept').to.equal(
              plusInFront.slice(0, MAX_DIAL_LENGTH),
            );
          } else {
            expect(out).to.match(DIALABLE);
          }
        },
      ),
      600,
    );
  });

  it('edits at any position keep + in front only, the length bounded and the caret inside', async () => {
    const value = fc.string({ unit: fc.constantFrom(...'+0123456789*#,;'), maxLength: 70 });
    await fuzz(
      'splice',
      fc.property(value, fc.nat(80), fc.nat(80), value, (current, a, b, insert) => {
        const start = Math.min(a, b, current.length);
        const end = Math.min(Math.max(a, b), current.length);
        const { value: next, caret } = spliceDialString(current, start, end, insert);
        expect(next).to.match(COMPOSING);
        expect(next.length).to.be.at.most(MAX_DIAL_LENGTH);
        expect(caret).to.be.within(0, next.length);
        // Nothing but the edit changes: what was before the range is still in front (less a moved +).
        const kept = current.slice(0, start).replace(/(?!^)\+/g, '');
        expect(next.startsWith(kept.slice(0, MAX_DIAL_LENGTH)), `${next} keeps ${kept}`).to.equal(
          true,
        );
      }),
      600,
    );
  });

  it('typed text keeps keys only, mapping letters to keys only when asked', async () => {
    await fuzz(
      'typed',
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.boolean(), (typed, letters) => {
        const out = sanitizeTyped(typed, letters);
        expect(out).to.match(/^[0-9*#+,;]*$/);
        const keys = sanitizeTyped(typed, false);
        expect(out.length).to.be.at.least(keys.length);
        if (!letters) expect(out).to.equal(keys);
      }),
      400,
    );
  });

  it('carets map between any formatted text and its dial characters', async () => {
    const formatted = fc.string({
      unit: fc.constantFrom(...'+0123456789*#,; ()-.', '\u00a0', '\u2011'),
      maxLength: 30,
    });
    await fuzz(
      'carets',
      fc.property(formatted, fc.nat(35), (text, position) => {
        const raw = dialChars(text);
        const index = dialIndex(text, position);
        expect(index).to.be.within(0, raw.length);
        const back = formattedIndex(text, index);
        expect(back).to.be.within(0, text.length);
        expect(dialIndex(text, back), 'round trip').to.equal(index);
        expect(back, 'never after the caret').to.be.at.most(position);
      }),
      400,
    );
  });
});
