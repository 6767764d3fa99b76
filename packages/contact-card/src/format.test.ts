import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { dialable, e164, formatPhone, hue, initials, isEmail, safeImageUrl } from './format.js';

describe('contact card helpers', () => {
  it('formats bare North American numbers and keeps other formatting', () => {
    expect(formatPhone('+12065550100')).to.equal('+1 206-555-0100');
    expect(formatPhone('  +44 20  7946 0018 ')).to.equal('+44 20 7946 0018');
    expect(formatPhone('(425) 555-0199')).to.equal('(425) 555-0199');
    expect(formatPhone('+4930123456')).to.equal('+4930123456');
  });

  it('finds the dialable characters and E.164', () => {
    expect(dialable(' +1 (206) 555-0100 ')).to.equal('+12065550100');
    expect(dialable('206.555.0100')).to.equal('2065550100');
    expect(e164('+1 (206) 555-0100')).to.equal('+12065550100');
    expect(e164('206 555 0100')).to.equal(undefined);
    expect(e164('+0123')).to.equal(undefined);
  });

  it('takes up to two initials in the language', () => {
    expect(initials('Alex Baker', 'en')).to.equal('AB');
    expect(initials('alex de la Baker', 'en')).to.equal('AB');
    expect(initials('  Zoë  ', 'en')).to.equal('Z');
    expect(initials('(Ida) Åberg', 'sv')).to.equal('IÅ');
    expect(initials('محمد علي', 'ar')).to.equal('مع');
    expect(initials('ılgaz ışık', 'tr')).to.equal('II');
    expect(initials('— !', 'en')).to.equal('');
    expect(initials('', 'en')).to.equal('');
    expect(initials('anna berg', 'not a language')).to.equal('AB');
  });

  it('gives a deterministic colour index from 0 to 7', () => {
    expect(hue('contact:1')).to.equal(hue('contact:1'));
    fc.assert(
      fc.property(fc.string(), (key) => {
        const value = hue(key);
        return Number.isInteger(value) && value >= 0 && value < 8;
      }),
    );
    const spread = new Set(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].map(hue));
    expect(spread.size, 'names spread over the palette').to.be.greaterThan(3);
  });

  it('accepts only http(s), blob and data:image URLs for the avatar', () => {
    expect(safeImageUrl('https://cdn.example.com/a.png')).to.equal('https://cdn.example.com/a.png');
    expect(safeImageUrl('/photos/a.png')).to.equal(new URL('/photos/a.png', document.baseURI).href);
    expect(safeImageUrl('data:image/png;base64,AAAA')).to.equal('data:image/png;base64,AAAA');
    expect(safeImageUrl('blob:https://example.com/1234')).to.equal('blob:https://example.com/1234');
    for (const hostile of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      '\u0000javascript:alert(1)',
      'vbscript:msgbox(1)',
      'data:text/html,<script>alert(1)</script>',
      'data:image/svg',
      'file:///etc/passwd',
      '',
      '   ',
    ]) {
      expect(safeImageUrl(hostile), hostile).to.equal(undefined);
    }
    expect(safeImageUrl(42)).to.equal(undefined);
    expect(safeImageUrl(null)).to.equal(undefined);
    fc.assert(
      fc.property(fc.string(), (url) => {
        const safe = safeImageUrl(url);
        return safe === undefined || /^(?:https?:|blob:|data:image\/)/i.test(safe);
      }),
    );
  });

  it('accepts only plain e-mail addresses for mailto links', () => {
    expect(isEmail('alex@contoso.com')).to.equal(true);
    expect(isEmail('a.b+tag@mail.contoso.co.uk')).to.equal(true);
    for (const hostile of [
      'javascript:alert(1)//@x.com',
      'alex@contoso.com?bcc=all@contoso.com',
      'alex@contoso.com&body=x',
      '"><img src=x>@x.com',
      'alex @contoso.com',
      'alex@contoso',
      'alex@@contoso.com',
      `${'a'.repeat(250)}@x.com`,
    ]) {
      expect(isEmail(hostile), hostile).to.equal(false);
    }
    fc.assert(fc.property(fc.string(), (value) => !isEmail(value) || !/[\s<>"'?&:]/.test(value)));
  });
});
