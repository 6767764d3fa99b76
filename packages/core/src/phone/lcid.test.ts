import { expect } from '@open-wc/testing';
import { DYNAMICS_LANGUAGES, lcidToLocale, localeToLcid, regionFromLocale } from './lcid.js';

describe('LCID → BCP 47', () => {
  it('maps every Dynamics 365 language to a tag Intl accepts', () => {
    const entries = Object.entries(DYNAMICS_LANGUAGES);
    expect(entries).to.have.length(45);
    for (const [lcid, tag] of entries) {
      expect(lcidToLocale(Number(lcid))).to.equal(tag);
      expect(Intl.getCanonicalLocales(tag)[0], tag).to.equal(tag);
    }
  });

  it('maps the common ones and regional variants', () => {
    expect(lcidToLocale(1033)).to.equal('en-US');
    expect(lcidToLocale(1031)).to.equal('de-DE');
    expect(lcidToLocale(1025)).to.equal('ar-SA');
    expect(lcidToLocale(2057)).to.equal('en-GB');
    expect(lcidToLocale(3084)).to.equal('fr-CA');
    expect(lcidToLocale(2074)).to.equal('sr-Latn-RS');
    expect(lcidToLocale('1036')).to.equal('fr-FR');
  });

  it('answers undefined for unknown, missing and malformed LCIDs', () => {
    for (const value of [0, 9999, -1, 1033.5, null, undefined, '', 'abc', Number.NaN]) {
      expect(lcidToLocale(value)).to.equal(undefined);
    }
  });

  it('maps tags back to LCIDs', () => {
    expect(localeToLcid('de-DE')).to.equal(1031);
    expect(localeToLcid('EN-gb')).to.equal(2057);
    expect(localeToLcid('de-BE')).to.equal(1031);
    expect(localeToLcid('xx')).to.equal(undefined);
  });

  it('finds the region of a locale, or its likely region', () => {
    expect(regionFromLocale('de-AT')).to.equal('AT');
    expect(regionFromLocale('de')).to.equal('DE');
    expect(regionFromLocale('sr-Latn-RS')).to.equal('RS');
    expect(regionFromLocale('es-419')).to.equal(undefined);
    expect(regionFromLocale('not a locale')).to.equal(undefined);
    expect(regionFromLocale(undefined)).to.equal(undefined);
  });
});
