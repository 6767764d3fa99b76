import { expect, fixture, html, nextFrame, oneEvent } from '@open-wc/testing';
import sinon from 'sinon';
import { dialpadStrings } from '@cif-elements/base';
import './cif-dialpad.js';
import { CifDialpad, behaviourChunk } from './CifDialpad.js';
import type { CifDialEvent } from './events.js';

// This file runs in its own page: the behaviour chunk starts unloaded here, and each test decides when
// (and whether) it arrives by replacing the chunk's loader.

const load = behaviourChunk.load;
const $ = <T extends Element = HTMLElement>(el: CifDialpad, selector: string): T =>
  el.shadowRoot!.querySelector<T>(selector)!;
const key = (el: CifDialpad, k: string) => $<HTMLButtonElement>(el, `button[data-key="${k}"]`);

/** Forgets the loaded chunk (as on a fresh page) and makes the next load wait for `release()`. */
function gateChunk(): { release: () => void; loads: () => number } {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  let loads = 0;
  behaviourChunk.module = undefined;
  behaviourChunk.loading = undefined;
  behaviourChunk.load = () => {
    loads += 1;
    return gate.then(load);
  };
  return { release: open, loads: () => loads };
}

/** Connects a dialpad without awaiting `updateComplete` (which waits for the chunk). */
async function painted(template = '<cif-dialpad tones-muted></cif-dialpad>'): Promise<CifDialpad> {
  const host = document.createElement('div');
  host.dataset.painted = '';
  host.innerHTML = template;
  document.body.append(host);
  const el = host.firstElementChild as CifDialpad;
  await nextFrame();
  return el;
}

/** The dialpad's English strings as the element has them now. */
const firstPaint = () => (CifDialpad as { strings?: Record<string, unknown> }).strings!;

/** Every term the element has equals base's English (function terms compared by their output). */
function expectBaseEnglish(strings: Record<string, unknown>): void {
  const sample = (value: unknown) =>
    typeof value === 'function' ? (value as (...a: string[]) => string)('2', 'ABC') : value;
  const base = dialpadStrings as Record<string, unknown>;
  expect(Object.keys(strings)).to.include('dialpadLabel');
  for (const [name, value] of Object.entries(strings))
    expect(sample(value), name).to.equal(sample(base[name]));
}

describe('<cif-dialpad> loading', () => {
  afterEach(() => {
    sinon.restore();
    behaviourChunk.load = load;
    if (!behaviourChunk.module) behaviourChunk.loading = undefined;
    for (const el of document.querySelectorAll('[data-painted]')) el.remove();
  });

  it('warns once and stays empty when its behaviour cannot be loaded; a later element tries again', async () => {
    const warn = sinon.stub(console, 'warn');
    behaviourChunk.module = undefined;
    behaviourChunk.loading = undefined;
    behaviourChunk.load = () =>
      Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    const el = await fixture<CifDialpad>(html`<cif-dialpad value="12"></cif-dialpad>`);
    expect(el.shadowRoot!.querySelectorAll('button[data-key]'), 'nothing painted').to.have.length(
      0,
    );
    const inputs = sinon.spy();
    el.addEventListener('input', inputs);
    el.backspace();
    await el.dial();
    await el.updateComplete;
    expect(el.value, 'nothing works, nothing breaks').to.equal('12');
    expect(inputs.called).to.equal(false);
    await fixture<CifDialpad>(html`<cif-dialpad></cif-dialpad>`);
    const failures = warn
      .getCalls()
      .map((c) => String(c.args[0]))
      .filter((m) => m.includes('could not be loaded'));
    expect(failures).to.have.length(1);
    expect(failures[0]).to.match(/^\[cif-dialpad\] .*Failed to fetch/);

    behaviourChunk.load = load;
    const third = await fixture<CifDialpad>(html`<cif-dialpad></cif-dialpad>`);
    key(third, '7').click();
    expect(third.value, 'the next element loads it').to.equal('7');
  });

  it('paints when its behaviour arrives, with what was set before and all of its English', async () => {
    const { release, loads } = gateChunk();
    const el = await painted('<cif-dialpad value="+1 (201) 555-0123" required></cif-dialpad>');
    expect(loads(), 'loading starts on connection').to.equal(1);
    expect(el.shadowRoot!.childElementCount, 'nothing before the behaviour').to.equal(0);
    expect(el.validity.valueMissing, 'form flags from the start').to.equal(false);

    release();
    await el.updateComplete;
    const keys = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button[data-key]')];
    expect(keys.map((k) => k.getAttribute('aria-label'))).to.include('2 ABC');
    expect(keys.filter((k) => k.tabIndex === 0)).to.have.length(1);
    expect($(el, '[part="call-button"]').textContent.trim()).to.equal('Call');
    expect(el.value, 'cleaned like a paste once the behaviour is there').to.equal('+12015550123');
    expect(Object.keys(firstPaint())).to.have.members(Object.keys(dialpadStrings));
    expectBaseEnglish(firstPaint());
    // The behaviour's stylesheets came with it: keys are laid out in a grid, not unstyled.
    expect(getComputedStyle($(el, '[part="keypad"]')).display).to.equal('grid');
    el.value = '2015550';
    el.doNotCall = ['2015550'];
    await el.updateComplete;
    expect($(el, '[part="hint"]').textContent.trim()).to.equal(
      'Not dialled: This number is on the do-not-call list',
    );
  });

  it('carries out edits and a dial asked for before its behaviour, in order, once it has arrived', async () => {
    const { release } = gateChunk();
    const el = await painted('<cif-dialpad tones-muted value="2015"></cif-dialpad>');
    const inputs = sinon.spy();
    el.addEventListener('input', inputs);
    const dials: CifDialEvent[] = [];
    el.addEventListener('cif-dial', (event) => dials.push(event));
    el.backspace();
    el.backspace();
    const dialled = el.dial();
    await nextFrame();
    expect(el.value, 'nothing applied yet').to.equal('2015');
    expect(dials).to.have.length(0);

    const event = oneEvent(el, 'cif-dial');
    release();
    await dialled;
    expect(el.value, 'two backspaces').to.equal('20');
    expect(((await event) as CifDialEvent).detail.raw, 'then the dial').to.equal('20');
    expect(dials).to.have.length(1);
    expect(inputs.callCount, 'one input event per edit').to.equal(2);
  });

  it('attaches at once to elements created after its behaviour has loaded', async () => {
    await fixture<CifDialpad>(html`<cif-dialpad></cif-dialpad>`);
    const el = document.createElement('cif-dialpad');
    document.body.append(el);
    el.value = 'tel:+1-201-555-0123';
    expect(el.value, 'cleaned at once').to.equal('+12015550123');
    el.backspace();
    expect(el.value, 'no queue: the behaviour is there').to.equal('+1201555012');
    el.remove();
  });
});
