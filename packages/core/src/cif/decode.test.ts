import { expect } from '@open-wc/testing';
import {
  DecodeError,
  decode,
  decodeBoolean,
  decodeList,
  decodeNumber,
  decodeObject,
  decodeText,
  encodeJson,
  parseMaybeJson,
  stripBraces,
  toJsonValue,
} from './decode.js';
import { buildODataQuery, odataString } from './odata.js';
import { detectCifVersion, versionFromEnvironment } from '../index.js';
import { decodeNotifyResult, decodeRecordReference } from './results.js';

describe('decoding CIF results', () => {
  it('toJsonValue makes any value JSON: Maps, Dates, cycles, functions, non-finite numbers, __proto__ keys', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(toJsonValue(cyclic)).to.deep.equal({ a: 1 });
    expect(
      toJsonValue(
        new Map<unknown, unknown>([
          ['k', new Map([['n', 1]])],
          [{}, 2],
        ]),
      ),
    ).to.deep.equal({ k: { n: 1 } });
    expect(toJsonValue([1, undefined, () => 1, Number.NaN])).to.deep.equal([1, null, null, null]);
    expect(toJsonValue(new Date(0))).to.equal('1970-01-01T00:00:00.000Z');
    expect(toJsonValue(new Date(Number.NaN))).to.equal(null);
    expect(toJsonValue(10n)).to.equal('10');
    const parsed = toJsonValue(JSON.parse('{"__proto__":{"polluted":true}}')) as Record<
      string,
      unknown
    >;
    expect(Object.prototype.hasOwnProperty.call(parsed, '__proto__')).to.equal(true);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100; i++) deep = [deep];
    expect(() => JSON.stringify(toJsonValue(deep))).to.not.throw();
  });

  it('decode parses JSON text, keeps plain text and rejects broken JSON', () => {
    expect(decode('{"a":1}')).to.deep.equal({ a: 1 });
    expect(decode('plain')).to.equal('plain');
    expect(decode('"quoted"')).to.equal('quoted');
    expect(() => decode('{oops')).to.throw(DecodeError);
  });

  it('decodeObject reads objects, Maps, JSON encoded twice', () => {
    expect(decodeObject(JSON.stringify(JSON.stringify({ a: 1 })))).to.deep.equal({ a: 1 });
    expect(decodeObject(new Map([['a', 1]]))).to.deep.equal({ a: 1 });
    expect(() => decodeObject('[1]')).to.throw(DecodeError);
    expect(() => decodeObject(null)).to.throw(DecodeError);
  });

  it('decodeList reads arrays, array-likes in numeric order, envelopes and empties', () => {
    expect(decodeList('{"1":"b","0":"a","x":"ignored"}')).to.deep.equal(['a', 'b']);
    expect(decodeList({ length: 0 })).to.deep.equal([]);
    expect(decodeList(null)).to.deep.equal([]);
    expect(decodeList(' ')).to.deep.equal([]);
    expect(() => decodeList('{"x":1}')).to.throw(DecodeError);
    expect(() => decodeList(5)).to.throw(DecodeError);
  });

  it('decodeBoolean, decodeNumber and decodeText accept the host variants', () => {
    expect(decodeBoolean('TRUE')).to.equal(true);
    expect(decodeBoolean('"false"')).to.equal(false);
    expect(decodeBoolean(1)).to.equal(true);
    expect(decodeBoolean({ value: false })).to.equal(false);
    expect(() => decodeBoolean('yes')).to.throw(DecodeError);
    expect(decodeNumber(' 42 ')).to.equal(42);
    expect(decodeNumber({ value: '7' })).to.equal(7);
    expect(() => decodeNumber('')).to.throw(DecodeError);
    expect(() => decodeNumber(Infinity)).to.throw(DecodeError);
    expect(decodeText('"id-1"')).to.equal('id-1');
    expect(decodeText('"unterminated')).to.equal('"unterminated');
    expect(decodeText(3)).to.equal('3');
    expect(decodeText(undefined)).to.equal('');
    expect(() => decodeText({})).to.throw(DecodeError);
  });

  it('stripBraces, parseMaybeJson, encodeJson', () => {
    expect(stripBraces(' {A8177E6E-1F4B} ')).to.equal('A8177E6E-1F4B');
    expect(stripBraces('{nested{x}}')).to.equal('{nested{x}}');
    expect(parseMaybeJson('{"a":1}')).to.deep.equal({ a: 1 });
    expect(parseMaybeJson('{bad')).to.equal('{bad');
    expect(parseMaybeJson('')).to.equal('');
    expect(parseMaybeJson(undefined)).to.equal(null);
    expect(encodeJson('as is', 'x')).to.equal('as is');
    expect(() => encodeJson(undefined, 'x')).to.throw(DecodeError);
  });

  it('decodeNotifyResult and decodeRecordReference tolerate empty answers', () => {
    expect(decodeNotifyResult(undefined)).to.deep.equal({
      accepted: false,
      action: 'Unknown',
      reason: '',
      raw: {},
    });
    expect(decodeRecordReference('', { entityName: 'task' })).to.deep.equal({
      id: '',
      entityName: 'task',
      raw: {},
    });
  });

  it('versionFromEnvironment and detectCifVersion', () => {
    expect(versionFromEnvironment({ cifVersion: '2.0' })).to.equal(2);
    expect(versionFromEnvironment({ cifVersion: 'v1' })).to.equal(1);
    expect(versionFromEnvironment({ cifVersion: '9.2.1' })).to.equal(undefined);
    // Hosts report build numbers: none of them is a CIF version (9.2 is not 2).
    for (const build of ['9.2.0.49', '9.2', '9.0.0.0', '2.0.0.49', '1.2.3']) {
      expect(versionFromEnvironment({ cifVersion: build }), build).to.equal(undefined);
      expect(detectCifVersion({}, { cifVersion: build }), build).to.equal(1);
    }
    expect(versionFromEnvironment({})).to.equal(undefined);
    expect(detectCifVersion({}, { cifVersion: '2' })).to.equal(2);
    expect(detectCifVersion({ notifyEvent: () => null }, { cifVersion: '1.0' })).to.equal(1);
    const hostile = Object.defineProperty({}, 'notifyEvent', {
      get() {
        throw new Error('trap');
      },
    });
    expect(detectCifVersion(hostile)).to.equal(1);
  });

  it('buildODataQuery builds readable queries and escapes what would break them', () => {
    expect(buildODataQuery(undefined)).to.equal('');
    expect(buildODataQuery('$select=a')).to.equal('?$select=a');
    expect(buildODataQuery('  ')).to.equal('');
    expect(
      buildODataQuery({
        select: ['fullname', 'telephone1'],
        filter: `telephone1 eq ${odataString('+1 & 2')}`,
        search: 'a#b',
        expand: 'parentcustomerid_account($select=name)',
        orderBy: 'fullname desc',
        top: 9000,
      }),
    ).to.equal(
      "?$select=fullname,telephone1&$filter=telephone1 eq '%2B1 %26 2'&$search=a%23b&$expand=parentcustomerid_account($select=name)&$orderby=fullname desc&$top=5000",
    );
    expect(buildODataQuery({ top: 0, select: [] })).to.equal('');
    expect(odataString("O'Brien")).to.equal("'O''Brien'");
  });
});
