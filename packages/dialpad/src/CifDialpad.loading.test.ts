import { expect, fixture, html, nextFrame, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
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
const input = (el: CifDialpad) => $<HTMLInputElement>(el, 'input');

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

/** Fires a real ClipboardEvent carrying text, as the browser does on paste. */
function paste(target: Element, text: string): ClipboardEvent {
  const data = new DataTransfer();
  data.setData('text/plain', text);
  const event = new ClipboardEvent('paste', {
    clipboardData: data,
    bubbles: true,
    composed: true,
    cancelable: true,
  });
  target.dispatchEvent(event);
  return event;
}

describe('<cif-dialpad> loading', () => {
  afterEach(() => {
    sinon.restore();
    behaviourChunk.load = load;
    for (const el of document.querySelectorAll('[data-painted]')) el.remove();
  });

  it('keeps the first paint and warns once when its behaviour cannot be loaded; a later element tries again', async () => {
    const warn = sinon.stub(console, 'warn');
    behaviourChunk.loading = undefined;
    behaviourChunk.load = () =>
      Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    const el = await fixture<CifDialpad>(html`<cif-dialpad value="12"></cif-dialpad>`);
    expectBaseEnglish(firstPaint());
    const keys = el.shadowRoot!.querySelectorAll('button[data-key]');
    expect(keys).to.have.length(12);
    expect($(el, '[part="base"]').getAttribute('aria-label')).to.equal('Dialpad');
    expect(input(el).value).to.equal('12');
    const inputs = sinon.spy();
    el.addEventListener('input', inputs);
    key(el, '5').click();
    const pasted = paste(key(el, '5'), '34');
    el.backspace();
    await el.dial();
    await el.updateComplete;
    expect(el.value, 'nothing works, nothing breaks').to.equal('12');
    expect(pasted.defaultPrevented, 'the browser keeps its own handling').to.equal(false);
    expect(inputs.called).to.equal(false);
    const second = await fixture<CifDialpad>(html`<cif-dialpad></cif-dialpad>`);
    expect(second.shadowRoot!.querySelectorAll('button[data-key]')).to.have.length(12);
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

  it('paints before its behaviour arrives; the rest of its English comes with it', async () => {
    const { release } = gateChunk();
    const el = await painted('<cif-dialpad value="+1 (201) 555-0123" required></cif-dialpad>');
    const keys = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button[data-key]')];
    expect(keys.map((k) => k.getAttribute('aria-label'))).to.include('2 ABC');
    expect(keys.filter((k) => k.tabIndex === 0)).to.have.length(1);
    expect($(el, '[part="call-button"]').textContent.trim()).to.equal('Call');
    expect($(el, '[part="hint"]').textContent.trim()).to.equal('');
    expect(el.validity.valueMissing, 'form flags from the first paint').to.equal(false);

    release();
    await el.updateComplete;
    expect(el.value, 'cleaned like a paste once the behaviour is there').to.equal('+12015550123');
    expect(Object.keys(firstPaint())).to.have.members(Object.keys(dialpadStrings));
    expectBaseEnglish(firstPaint());
    el.value = '2015550';
    el.doNotCall = ['2015550'];
    await el.updateComplete;
    expect($(el, '[part="hint"]').textContent.trim()).to.equal(
      'Not dialled: This number is on the do-not-call list',
    );
  });

  it('queues clicks, keys and pastes that arrive before its behaviour, and replays them in order', async () => {
    const { release, loads } = gateChunk();
    const el = await painted();
    const inputs = sinon.spy();
    el.addEventListener('input', inputs);
    const dials: CifDialEvent[] = [];
    el.addEventListener('cif-dial', (event) => dials.push(event));

    key(el, '1').click();
    key(el, '2').click();
    key(el, '5').focus();
    await sendKeys({ type: '3*' });
    const pasted = paste(key(el, '5'), 'ext. 45');
    el.backspace();
    await sendKeys({ press: 'Enter' });
    await nextFrame();
    expect(pasted.defaultPrevented, 'a paste is not left to the browser').to.equal(true);
    expect(el.value, 'nothing applied yet').to.equal('');
    expect(inputs.called).to.equal(false);
    expect(loads()).to.equal(1);

    const dialled = oneEvent(el, 'cif-dial');
    release();
    await el.updateComplete;
    expect(el.value, '1, 2, 3, *, the paste, then the backspace').to.equal('123*4');
    expect(inputs.callCount, 'one input event per edit').to.equal(6);
    expect(((await dialled) as CifDialEvent).detail.raw, 'Enter dialled the number').to.equal(
      '123*4',
    );
    expect(dials).to.have.length(1);
    expect(el.shadowRoot!.activeElement, 'Enter did not press the focused key').to.equal(
      key(el, '5'),
    );
    expect(key(el, '5').tabIndex, 'the focused key is the tab stop').to.equal(0);
  });

  it('keeps what is typed into the number field before its behaviour, without leaking native input events', async () => {
    const { release } = gateChunk();
    const el = await painted();
    const inputs = sinon.spy();
    el.addEventListener('input', inputs);
    const changes = sinon.spy();
    el.addEventListener('change', changes);
    input(el).focus();
    await sendKeys({ type: '20a1' });
    expect(inputs.called, 'the native event does not leave the shadow tree').to.equal(false);
    expect(el.value).to.equal('');

    release();
    await el.updateComplete;
    expect(el.value, 'read from the field and cleaned').to.equal('201');
    expect(input(el).value.replace(/\D/g, ''), 'shown (formatted)').to.equal('201');
    expect(inputs.callCount).to.equal(1);
    await sendKeys({ type: '5' });
    await el.updateComplete;
    expect(el.value).to.equal('2015');
    input(el).blur();
    expect(changes.callCount, 'a change since focus, the early typing included').to.equal(1);
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
