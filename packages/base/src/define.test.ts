import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { CifElement } from './CifElement.js';
import { defineElement } from './define.js';

let counter = 0;
const uniqueTag = () => `cif-define-test-${++counter}`;

describe('defineElement', () => {
  afterEach(() => sinon.restore());

  it('defines a tag once and makes a second identical definition a no-op', () => {
    const tag = uniqueTag();
    class A extends CifElement {}
    expect(defineElement(tag, A)).to.equal(true);
    expect(customElements.get(tag)).to.equal(A);
    const warn = sinon.stub(console, 'warn');
    expect(defineElement(tag, A)).to.equal(false);
    expect(customElements.get(tag)).to.equal(A);
    expect(warn.called).to.equal(false);
  });

  it('treats another class of the same version (a second copy of the kit) as a no-op without warning', () => {
    const tag = uniqueTag();
    class A extends CifElement {}
    class B extends CifElement {}
    defineElement(tag, A);
    const warn = sinon.stub(console, 'warn');
    expect(defineElement(tag, B)).to.equal(false);
    expect(customElements.get(tag)).to.equal(A);
    expect(warn.called).to.equal(false);
  });

  it('keeps the first definition and warns exactly once when the versions differ', () => {
    const tag = uniqueTag();
    class A extends CifElement {}
    class Old extends CifElement {
      static override readonly version = '0.0.1-old';
    }
    defineElement(tag, A);
    const warn = sinon.stub(console, 'warn');
    expect(() => defineElement(tag, Old)).not.to.throw();
    defineElement(tag, Old);
    defineElement(tag, Old);
    expect(customElements.get(tag)).to.equal(A);
    expect(warn.callCount).to.equal(1);
    expect(String(warn.firstCall.args[0])).to.contain(tag).and.to.contain('0.0.1-old');
  });

  it('never throws on an invalid tag name: it warns once and reports false', () => {
    class A extends CifElement {}
    const warn = sinon.stub(console, 'warn');
    expect(defineElement('NotValid', A)).to.equal(false);
    expect(defineElement('NotValid', A)).to.equal(false);
    expect(warn.callCount).to.equal(1);
  });

  it('stamps every element class with the kit version', async () => {
    const { VERSION } = await import('./version.js');
    expect(CifElement.version).to.equal(VERSION);
    expect(VERSION).to.match(/^\d+\.\d+\.\d+/);
  });
});
