import { expect } from '@open-wc/testing';
import { libphonenumberFormatter } from './libphonenumber-formatter.js';

describe('libphonenumberFormatter', () => {
  it('adapts libphonenumber-js', () => {
    const f = libphonenumberFormatter;
    expect(f.asYouType('2015550', 'US')).to.equal('(201) 555-0');
    expect(f.asYouType('+442079460018', 'XX')).to.equal('+44 20 7946 0018');
    expect(f.isValid('2015550123', 'us')).to.equal(true);
    expect(f.isValid('2015550', 'US')).to.equal(false);
    expect(f.normalise!('020 7946 0018', 'GB')).to.equal('+442079460018');
    expect(f.normalise!('12', 'GB')).to.equal(undefined);
    expect(f.callingCode!('DE')).to.equal('+49');
    expect(f.callingCode!('ZZ')).to.equal(undefined);
  });
});
