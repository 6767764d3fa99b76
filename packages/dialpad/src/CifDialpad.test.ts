import { aTimeout, expect, fixture, html, nextFrame, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import sinon from 'sinon';
import '@cif-elements/base/locales/de.js';
import '@cif-elements/base/locales/ar.js';
import { emulate, resetEmulation } from '../../base/src/test-utils/media.js';
// The real call store of @cif-elements/core, through a relative import: the element itself knows nothing of core.
import { SimulatedProvider, createCallStore } from '../../core/src/calls/index.js';
import './cif-dialpad.js';
import type { CifDialpad } from './CifDialpad.js';
import type { CifDialEvent, CifDtmfEvent } from './events.js';
import { loadDefaultFormatter, type DialpadNumberFormatter } from './formatter.js';

const $ = <T extends Element = HTMLElement>(el: CifDialpad, selector: string): T =>
  el.shadowRoot!.querySelector<T>(selector)!;
const key = (el: CifDialpad, k: string) => $<HTMLButtonElement>(el, `button[data-key="${k}"]`);
const input = (el: CifDialpad) => $<HTMLInputElement>(el, 'input');
const hint = (el: CifDialpad) => $(el, '[part="hint"]').textContent.trim();
const status = (el: CifDialpad) => $(el, '[role="status"]').textContent.replace('\u200b', '');
const call = (el: CifDialpad) => $<HTMLButtonElement>(el, '[part="call-button"]');

async function settle(el: CifDialpad): Promise<void> {
  await el.updateComplete;
  await nextFrame();
  await el.updateComplete;
}

/** Centre of an element in viewport coordinates, for sendMouse. */
function centre(element: Element): [number, number] {
  const rect = element.getBoundingClientRect();
  return [Math.round(rect.x + rect.width / 2), Math.round(rect.y + rect.height / 2)];
}

function fakeStore(initial: unknown = { status: 'idle' }) {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getSnapshot: () => state,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(next: unknown) {
      state = next;
      for (const listener of listeners) listener();
    },
    get listenerCount() {
      return listeners.size;
    },
    dial: sinon.stub<[string], Promise<unknown>>().resolves({ id: 'call-1' }),
    sendDigits: sinon.stub<[string], Promise<unknown>>().resolves(undefined),
  };
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

describe('<cif-dialpad>', () => {
  before(async () => {
    // The real libphonenumber-js, loaded the way the element loads it.
    await loadDefaultFormatter();
  });

  afterEach(async () => {
    sinon.restore();
    await resetEmulation();
    document.documentElement.lang = 'en';
    document.documentElement.removeAttribute('dir');
  });

  describe('rendering and defaults', () => {
    it('is a labelled group of twelve real buttons named with their letters', async () => {
      const el = await fixture<CifDialpad>(html`<cif-dialpad></cif-dialpad>`);
      const group = $(el, '[part="base"]');
      expect(group.getAttribute('role')).to.equal('group');
      expect(group.getAttribute('aria-label')).to.equal('Dialpad');
      const keys = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button[data-key]')];
      expect(keys.map((k) => k.dataset.key)).to.deep.equal([
        '1',
        '2',
        '3',
        '4',
        '5',
        '6',
        '7',
        '8',
        '9',
        '*',
        '0',
        '#',
      ]);
      expect(keys.map((k) => k.getAttribute('aria-label'))).to.deep.equal([
        '1',
        '2 ABC',
        '3 DEF',
        '4 GHI',
        '5 JKL',
        '6 MNO',
        '7 PQRS',
        '8 TUV',
        '9 WXYZ',
        '*',
        '0',
        '#',
      ]);
      expect(keys.every((k) => k.localName === 'button' && k.type === 'button')).to.equal(true);
      expect(keys.filter((k) => k.tabIndex === 0)).to.have.length(1);
      expect(el.value).to.equal('');
      expect(el.mode).to.equal('dial');
      expect(el.density).to.equal('auto');
      expect(el.getAttribute('density'), 'density reflects').to.equal('auto');
      expect(input(el).placeholder).to.equal('Enter a number');
      expect(call(el).getAttribute('aria-disabled')).to.equal('true');
      await expect(el).to.be.accessible();
    });

    it('hides letters (and drops them from the names) with letters-hidden', async () => {
      const el = await fixture<CifDialpad>(html`<cif-dialpad letters-hidden></cif-dialpad>`);
      expect(el.lettersHidden).to.equal(true);
      expect(key(el, '2').getAttribute('aria-label')).to.equal('2');
      expect(el.shadowRoot!.querySelector('[part="letters"]')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('reads attributes: a value cleaned like a paste, label, placeholder, density', async () => {
      const el = await fixture<CifDialpad>(
        html`<cif-dialpad
          value="+1 (201) 555-0123"
          label="Phone keypad"
          placeholder="Number"
          density="compact"
        ></cif-dialpad>`,
      );
      expect(el.value).to.equal('+12015550123');
      expect($(el, '[part="base"]').getAttribute('aria-label')).to.equal('Phone keypad');
      expect(input(el).value).to.equal('+1 201 555 0123');
      el.value = '';
      await el.updateComplete;
      expect(input(el).placeholder).to.equal('Number');
      expect(el.density).to.equal('compact');
    });

    it('renders hostile values safely as text', async () => {
      const el = await fixture<CifDialpad>(html`<cif-dialpad></cif-dialpad>`);
      const hostile = '<img src=x onerror="window.__pwned=1">';
      el.label = hostile;
      el.recents = [
        { number: '2015550123', name: hostile, time: 1e20 },
        { number: '2015550124', time: 'yesterday' as unknown as number },
      ];
      el.value = hostile;
      await settle(el);
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
      expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
      expect($(el, '[part="recent"]').textContent).to.contain(hostile);
      expect($(el, '[part="base"]').getAttribute('aria-label')).to.equal(hostile);
    });

    it('warns once and renders safely on bad property values', async () => {
      const warn = sinon.stub(console, 'warn');
      const el = await fixture<CifDialpad>(html`<cif-dialpad region="Narnia"></cif-dialpad>`);
      (el as unknown as { mode: string }).mode = 'banana';
      (el as unknown as { regions: unknown }).regions = 42;
      (el as unknown as { recents: unknown }).recents = [42, null, { number: 7 }, { number: '' }];
      (el as unknown as { store: unknown }).store = { getSnapshot: 1 };
      el.toneVolume = Number.NaN;
      el.longPressDuration = Number.NaN;
      await settle(el);
      expect(el.resolvedRegion).to.equal('US');
      expect(el.shadowRoot!.querySelector('[part="recents"]')).to.equal(null);
      expect(el.shadowRoot!.querySelector('select')).to.equal(null);
      key(el, '5').click();
      await el.updateComplete;
      expect(el.value, 'still works as a dialpad').to.equal('5');
      const messages = warn.getCalls().map((c) => String(c.args[0]));
      expect(messages.some((m) => m.includes('Narnia'))).to.equal(true);
      expect(messages.some((m) => m.includes('banana'))).to.equal(true);
      expect(messages.some((m) => m.includes('store'))).to.equal(true);
    });
  });

  describe('input by pointer', () => {
    it('appends a clicked key, fires input and announces the addition politely', async () => {
      const el = await fixture<CifDialpad>(html`<cif-dialpad tones-muted></cif-dialpad>`);
      const inputs = sinon.spy();
      el.addEventListener('input', inputs);
      const [x, y] = centre(key(el, '2'));
      await sendMouse({ type: 'click', position: [x, y] });
      key(el, '0').click();
      await el.updateComplete;
      expect(el.value).to.equal('20');
      expect(inputs.callCount).to.equal(2);
      expect($(el, '[role="status"]').getAttribute('role')).to.equal('status');
      expect(status(el)).to.equal('0');
      key(el, '0').click();
      await el.updateComplete;
      expect(status(el), 'the same digit again is still a change for the reader').to.equal('0');
      expect($(el, '[role="status"]').textContent).to.not.equal('0');
      await expect(el).to.be.accessible();
    });

    it('deletes with backspace and clears with clear, announcing both', async () => {
      const el = await fixture<CifDialpad>(html`<cif-dialpad value="2015"></cif-dialpad>`);
      const inputs = sinon.spy();
      el.addEventListener('input', inputs);
      $<HTMLButtonElement>(el, '[part="backspace-button"]').click();
      await el.updateComplete;
      expect(el.value).to.equal('201');
      expect(status(el)).to.equal('5 deleted');
      $<HTMLButtonElement>(el, '[part="clear-button"]').click();
      await el.updateComplete;
      expect(el.value).to.equal('');
      expect(status(el)).to.equal('Number cleared');
      expect(inputs.callCount).to.equal(2);
      $<HTMLButtonElement>(el, '[part="clear-button"]').click();
      $<HTMLButtonElement>(el, '[part="backspace-button"]').click();
      expect(inputs.callCount, 'nothing to delete: no event').to.equal(2);
    });

    it('long-press 0 gives + (real pointer, fake timers); a short press gives 0', async () => {
      const el = await fixture<CifDialpad>(
        html`<cif-dialpad tones-muted long-press-duration="800"></cif-dialpad>`,
      );
      const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const [x, y] = centre(key(el, '0'));
      await sendMouse({ type: 'move', position: [x, y] });
      await sendMouse({ type: 'down' });
      clock.tick(799);
      expect(el.value).to.equal('');
      clock.tick(1);
      await sendMouse({ type: 'up' });
      await el.updateComplete;
      expect(el.value, 'long press gives +, and the click after it adds nothing').to.equal('+');

      await sendMouse({ type: 'down' });
      clock.tick(300);
      await sendMouse({ type: 'up' });
      await el.updateComplete;
      expect(el.value, 'a number that is not empty gets 0').to.equal('+0');
      clock.restore();
    });

    it('a short press of 0 on an empty number gives 0', async () => {
      const el = await fixture<CifDialpad>(html`<cif-dialpad tones-muted></cif-dialpad>`);
      const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const [x, y] = centre(key(el, '0'));
      await sendMouse({ type: 'move', position: [x, y] });
      await sendMouse({ type: 'down' });
      clock.tick(200);
      await sendMouse({ type: 'up' });
      clock.tick(1000);
      await el.updateComplete;
      expect(el.value).to.equal('0');
      clock.restore();
    });

    it('long-press backspace clears the number', async () => {
      const el = await fixture<CifDialpad>(html`<cif-dialpad value="2015550123"></cif-dialpad>`);
      const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const [x, y] = centre($(el, '[part="backspace-button"]'));
      await sendMouse({ type: 'move', position: [x, y] });
      await sendMouse({ type: 'down' });
      clock.tick(600);
      await sendMouse({ type: 'up' });
      await el.updateComplete;
      expect(el.value).to.equal('');
      expect(status(el)).to.equal('Number cleared');
      clock.restore();
    });
  });

  describe('keyboard', () => {
    it('types digits, *, #, + on the keys; Backspace and Delete delete', async () => {
      const el = await fixture<CifDialpad>(html`<cif-dialpad tones-muted></cif-dialpad>`);
      key(el, '1').focus();
      await sendKeys({ type: '+44*#9' });
      await el.updateComplete;
      expect(el.value).to.equal('+44*#9');
      await sendKeys({ press: 'Backspace' });
      await sendKeys({ press: 'Delete' });
      await el.updateComplete;
      expect(el.value).to.equal('+44*');
      await sendKeys({ type: 'abc' });
      await el.updateComplete;
      expect(el.value, 'letters ignored without vanity-letters').to.equal('+44*');
      el.vanityLetters = true;
      await el.updateComplete;
      await sendKeys({ type: 'ab' });
      await el.updateComplete;
      expect(el.value, 'letters mapped with vanity-letters').to.equal('+44*22');
    });

    it('moves between keys with arrows, Home and End (one tab stop, telephone order)', async () => {
      const el = await fixture<CifDialpad>(html`<cif-dialpad></cif-dialpad>`);
      key(el, '1').focus();
      const focused = () => (el.shadowRoot!.activeElement as HTMLElement).dataset.key;
      await sendKeys({ press: 'ArrowRight' });
      expect(focused()).to.equal('2');
      await sendKeys({ press: 'ArrowDown' });
      expect(focused()).to.equal('5');
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      expect(focused()).to.equal('0');
      await sendKeys({ press: 'ArrowDown' });
      expect(focused(), 'stays at the edge').to.equal('0');
      await sendKeys({ press: 'ArrowLeft' });
      expect(focused()).to.equal('*');
      await sendKeys({ press: 'ArrowUp' });
      expect(focused()).to.equal('7');
      await sendKeys({ press: 'End' });
      expect(focused()).to.equal('#');
      await sendKeys({ press: 'Home' });
      expect(focused()).to.equal('1');
      await sendKeys({ press: 'ArrowUp' });
      expect(focused()).to.equal('1');
      await sendKeys({ press: 'End' });
      await el.updateComplete;
      const tabbable = [...el.shadowRoot!.querySelectorAll<HTMLElement>('button[data-key]')].filter(
        (k) => k.tabIndex === 0,
      );
      expect(tabbable.map((k) => k.dataset.key)).to.deep.equal(['#']);
    });

    it('Space presses the focused key; Enter dials', async () => {
      const el = await fixture<CifDialpad>(
        html`<cif-dialpad tones-muted value="201555012"></cif-dialpad>`,
      );
      key(el, '3').focus();
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(el.value).to.equal('2015550123');
      const dialled = oneEvent(el, 'cif-dial');
      await sendKeys({ press: 'Enter' });
      const event = (await dialled) as CifDialEvent;
      expect(event.detail.raw).to.equal('2015550123');
      expect(el.value, 'Enter did not press the key').to.equal('2015550123');
    });

    it('types into the number field at the caret, formatting as you type', async () => {
      const el = await fixture<CifDialpad>(
        html`<cif-dialpad region="US" tones-muted></cif-dialpad>`,
      );
      input(el).focus();
      await sendKeys({ type: '2015550123' });
      await settle(el);
      expect(el.value).to.equal('2015550123');
      expect(input(el).value).to.equal('(201) 555-0123');
      // Caret after "(201) " → delete backwards removes the 1, not the space.
      input(el).setSelectionRange(4, 4);
      await sendKeys({ press: 'Backspace' });
      await settle(el);
      expect(el.value).to.equal('205550123');
      expect(input(el).selectionStart, 'caret stays where the digit was').to.equal(3);
      await sendKeys({ type: '1' });
      await settle(el);
      expect(el.value).to.equal('2015550123');
      await sendKeys({ type: 'x+' });
      await settle(el);
      expect(el.value, 'letters and a + that is not in front are ignored').to.equal('2015550123');
      input(el).setSelectionRange(0, 0);
      await sendKeys({ press: 'Delete' });
      await settle(el);
      expect(el.value).to.equal('015550123');
      input(el).select();
      await sendKeys({ press: 'Backspace' });
      await settle(el);
      expect(el.value).to.equal('');
    });

    it('re-reads edits the browser made itself (composition, undo), with one input event', async () => {
      const el = await fixture<CifDialpad>(html`<cif-dialpad value="12"></cif-dialpad>`);
      const inputs = sinon.spy();
      el.addEventListener('input', inputs);
      input(el).focus();
      input(el).value = '1٣a2';
      input(el).setSelectionRange(2, 2);
      input(el).dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await settle(el);
      expect(el.value).to.equal('132');
      expect(input(el).value, 'formatted for the US').to.equal('1 32');
      expect(input(el).selectionStart, 'after the second digit').to.equal(3);
      expect(inputs.callCount, "the native event is replaced by the element's own").to.equal(1);
    });

    it('dials with Enter from the number field', async () => {
      const el = await fixture<CifDialpad>(
        html`<cif-dialpad region="US" value="2015550123"></cif-dialpad>`,
      );
      input(el).focus();
      const dialled = oneEvent(el, 'cif-dial');
      await sendKeys({ press: 'Enter' });
      const event = (await dialled) as CifDialEvent;
      expect(event.detail).to.deep.equal({
        raw: '2015550123',
        normalised: '+12015550123',
        region: 'US',
        source: 'user',
      });
    });

    it('fires change when focus leaves after the number changed', async () => {
      const el = await fixture<CifDialpad>(html`<cif-dialpad tones-muted></cif-dialpad>`);
      const outside = document.createElement('button');
      document.body.append(outside);
      const changes = sinon.spy();
      el.addEventListener('change', changes);
      input(el).focus();
      await sendKeys({ type: '12' });
      key(el, '1').focus();
      expect(changes.callCount, 'moving inside the dialpad').to.equal(0);
      outside.focus();
      expect(changes.callCount).to.equal(1);
      input(el).focus();
      outside.focus();
      expect(changes.callCount, 'no change, no event').to.equal(1);
      outside.remove();
    });
  });

  describe('paste', () => {
    it('cleans a pasted number in the field (real ClipboardEvent with DataTransfer)', async () => {
      const el = await fixture<CifDialpad>(html`<cif-dialpad region="US"></cif-dialpad>`);
      input(el).focus();
      const inputs = sinon.spy();
      el.addEventListener('input', inputs);
      const event = paste(input(el), 'Mobile: +1 (201) 555-0123 ext. 42');
      await settle(el);
      expect(event.defaultPrevented).to.equal(true);
      expect(el.value).to.equal('+12015550123,42');
      expect(input(el).value).to.equal('+1 201 555 0123,42');
      expect(inputs.callCount).to.equal(1);
      expect(status(el)).to.equal('+ 1 2 0 1 5 5 5 0 1 2 3 , 4 2');
    });

    it('replaces the selection and maps vanity letters', async () => {
      const el = await fixture<CifDialpad>(html`<cif-dialpad value="99"></cif-dialpad>`);
      input(el).focus();
      input(el).select();
      paste(input(el), '1-800-FLOWERS');
      await settle(el);
      expect(el.value).to.equal('18003569377');
    });

    it('appends a paste on a key and ignores a paste with nothing to dial', async () => {
      const el = await fixture<CifDialpad>(html`<cif-dialpad value="12"></cif-dialpad>`);
      key(el, '5').focus();
      paste(key(el, '5'), ' 34 ');
      await el.updateComplete;
      expect(el.value).to.equal('1234');
      paste(key(el, '5'), 'hello');
      await el.updateComplete;
      expect(el.value).to.equal('1234');
    });

    it('pastes through the async clipboard and Ctrl+V when permitted', async function () {
      const el = await fixture<CifDialpad>(html`<cif-dialpad></cif-dialpad>`);
      input(el).focus();
      try {
        await navigator.clipboard.writeText('(201) 555-0199');
      } catch {
        this.skip();
      }
      await sendKeys({ down: 'Control' });
      await sendKeys({ press: 'v' });
      await sendKeys({ up: 'Control' });
      await settle(el);
      if (el.value === '') this.skip(); // headless without a clipboard
      expect(el.value).to.equal('2015550199');
    });
  });

  describe('tones', () => {
    let contexts: AudioContext[];
    let start: sinon.SinonSpy;
    let stop: sinon.SinonSpy;
    let ramp: sinon.SinonSpy;
    const Original = window.AudioContext;

    beforeEach(() => {
      contexts = [];
      window.AudioContext = class extends Original {
        constructor(options?: AudioContextOptions) {
          super(options);
          contexts.push(this);
        }
      };
      start = sinon.spy(OscillatorNode.prototype, 'start');
      stop = sinon.spy(OscillatorNode.prototype, 'stop');
      ramp = sinon.spy(AudioParam.prototype, 'linearRampToValueAtTime');
    });

    afterEach(() => {
      window.AudioContext = Original;
    });

    const frequencies = () =>
      start.getCalls().map((c) => (c.thisValue as OscillatorNode).frequency.value);

    it('creates no AudioContext before a gesture; plays the dual tone from pointer down to up', async () => {
      const el = await fixture<CifDialpad>(html`<cif-dialpad tone-volume="0.5"></cif-dialpad>`);
      el.value = '123';
      await settle(el);
      expect(contexts, 'nothing before the first gesture').to.have.length(0);

      const [x, y] = centre(key(el, '5'));
      await sendMouse({ type: 'move', position: [x, y] });
      await sendMouse({ type: 'down' });
      expect(contexts).to.have.length(1);
      expect(frequencies()).to.deep.equal([770, 1336]);
      expect(stop.callCount, 'sounds while held').to.equal(0);
      expect(ramp.firstCall.args[0], 'peak level is half the volume per oscillator').to.equal(0.25);
      const startedAt = start.firstCall.args[0] as number;
      await sendMouse({ type: 'up' });
      expect(stop.callCount).to.equal(2);
      expect(stop.firstCall.args[0] as number).to.be.at.least(startedAt + 0.07);
      expect(el.value).to.equal('1235');

      key(el, '#').dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
      expect(contexts, 'one context reused').to.have.length(1);
      expect(frequencies().slice(2)).to.deep.equal([941, 1477]);
      key(el, '#').dispatchEvent(new PointerEvent('pointercancel', { bubbles: true }));
      expect(stop.callCount).to.equal(4);
    });

    it('plays a timed tone for keyboard presses, per key', async () => {
      const el = await fixture<CifDialpad>(html`<cif-dialpad></cif-dialpad>`);
      key(el, '1').focus();
      await sendKeys({ press: '9' });
      expect(frequencies()).to.deep.equal([852, 1477]);
      expect(stop.callCount).to.be.greaterThan(0);
      key(el, '1').focus();
      await sendKeys({ press: 'Space' });
      expect(frequencies().slice(2)).to.deep.equal([697, 1209]);
      const [stopAt] = stop.lastCall.args as [number];
      const [startAt] = start.lastCall.args as [number];
      expect(stopAt - startAt).to.be.closeTo(0.12 + 0.01, 0.001);
    });

    it('is silent when muted or at volume 0, and closes its context on disconnect', async () => {
      const el = await fixture<CifDialpad>(html`<cif-dialpad tones-muted></cif-dialpad>`);
      key(el, '5').dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
      expect(contexts).to.have.length(0);
      el.tonesMuted = false;
      el.toneVolume = 0;
      key(el, '5').dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
      expect(contexts).to.have.length(0);
      el.toneVolume = 1;
      key(el, '5').dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
      expect(contexts).to.have.length(1);
      const close = sinon.spy(contexts[0]!, 'close');
      el.remove();
      expect(close.callCount).to.equal(1);
    });

    it('does nothing without Web Audio', async () => {
      (window as { AudioContext?: unknown }).AudioContext = undefined;
      const el = await fixture<CifDialpad>(html`<cif-dialpad></cif-dialpad>`);
      key(el, '5').dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
      key(el, '5').click();
      expect(el.value).to.equal('5');
    });
  });

  describe('dialling', () => {
    it('fires a cancelable, composed cif-dial with raw and normalised number; the store dials', async () => {
      const store = fakeStore();
      const el = await fixture<CifDialpad>(
        html`<cif-dialpad region="GB" value="020 7946 0018,12"></cif-dialpad>`,
      );
      el.store = store;
      await el.updateComplete;
      const heard = sinon.spy((event: CifDialEvent) => event);
      document.addEventListener('cif-dial', heard);
      call(el).click();
      await waitUntil(() => store.dial.called);
      document.removeEventListener('cif-dial', heard);
      const event = heard.firstCall.returnValue;
      expect(event.bubbles && event.composed && event.cancelable).to.equal(true);
      expect(event.detail).to.deep.equal({
        raw: '02079460018,12',
        normalised: '+442079460018,12',
        region: 'GB',
        source: 'user',
      });
      expect(store.dial.firstCall.args).to.deep.equal(['+442079460018,12']);
    });

    it('does not call the store when the event is prevented', async () => {
      const store = fakeStore();
      const el = await fixture<CifDialpad>(html`<cif-dialpad value="911"></cif-dialpad>`);
      el.store = store;
      el.addEventListener('cif-dial', (event) => event.preventDefault());
      const dialled = oneEvent(el, 'cif-dial');
      await el.dial();
      const event = (await dialled) as CifDialEvent;
      expect(event.defaultPrevented).to.equal(true);
      expect(event.detail.normalised, 'a short code is not normalised').to.equal(undefined);
      expect(event.detail.source).to.equal('api');
      expect(store.dial.called).to.equal(false);
    });

    it('dials the raw string when the number cannot be normalised', async () => {
      const store = fakeStore();
      const el = await fixture<CifDialpad>(
        html`<cif-dialpad value="*67 2015550123"></cif-dialpad>`,
      );
      el.store = store;
      await el.dial();
      expect(store.dial.firstCall.args).to.deep.equal(['*672015550123']);
    });

    it('shows pending while the store dials and refuses a second dial', async () => {
      let finish!: () => void;
      const store = fakeStore();
      store.dial = sinon
        .stub<[string], Promise<unknown>>()
        .returns(new Promise<void>((resolve) => (finish = resolve)));
      const el = await fixture<CifDialpad>(html`<cif-dialpad value="2015550123"></cif-dialpad>`);
      el.store = store;
      const first = el.dial();
      await waitUntil(() => store.dial.called);
      await el.updateComplete;
      expect(call(el).textContent.trim()).to.equal('Calling…');
      expect(call(el).getAttribute('aria-disabled')).to.equal('true');
      await expect(el).to.be.accessible();
      await el.dial();
      expect(store.dial.callCount).to.equal(1);
      finish();
      await first;
      await el.updateComplete;
      expect(call(el).textContent.trim()).to.equal('Call');
    });

    it('shows an error when the store cannot dial, without throwing', async () => {
      const store = fakeStore();
      store.dial = sinon.stub<[string], Promise<unknown>>().rejects(new Error('no line'));
      const el = await fixture<CifDialpad>(html`<cif-dialpad value="2015550123"></cif-dialpad>`);
      el.store = store;
      await el.dial();
      await el.updateComplete;
      expect(hint(el)).to.equal('The call could not be placed');
      expect(status(el)).to.equal('The call could not be placed');
    });

    it('asks for a number when there is none', async () => {
      const el = await fixture<CifDialpad>(html`<cif-dialpad></cif-dialpad>`);
      const dials = sinon.spy();
      el.addEventListener('cif-dial', dials);
      await el.dial();
      await el.updateComplete;
      expect(dials.called).to.equal(false);
      expect(hint(el)).to.equal('Enter a phone number');
      expect(el.shadowRoot!.activeElement).to.equal(input(el));
    });

    it('dials a given number; does nothing when disabled, disconnected or pending', async () => {
      const el = await fixture<CifDialpad>(html`<cif-dialpad></cif-dialpad>`);
      const dials = sinon.spy();
      el.addEventListener('cif-dial', dials);
      await el.dial('tel:+12015550123');
      expect(el.value).to.equal('+12015550123');
      expect(dials.callCount).to.equal(1);
      el.pending = true;
      await el.updateComplete;
      await el.dial();
      el.pending = false;
      el.disabled = true;
      await el.dial();
      el.disabled = false;
      el.remove();
      await el.dial();
      expect(dials.callCount).to.equal(1);
    });

    it('redials a recent number', async () => {
      const el = await fixture<CifDialpad>(html`<cif-dialpad region="US"></cif-dialpad>`);
      el.recents = [
        { number: '+12015550123', name: 'Jane Doe', time: Date.UTC(2024, 4, 1, 9, 30) },
        '2015550199',
      ];
      await el.updateComplete;
      const buttons = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="recent"]')];
      const text = buttons.map((b) => b.textContent.replace(/\s+/g, ' ').trim());
      expect(text[0]).to.match(/^Call again: Jane Doe \+1 201 555 0123 \d/);
      expect(text[1]).to.equal('Call again: (201) 555-0199');
      expect(buttons[0]!.querySelector('time')!.getAttribute('datetime')).to.equal(
        '2024-05-01T09:30:00.000Z',
      );
      await expect(el).to.be.accessible();
      const dialled = oneEvent(el, 'cif-dial');
      buttons[1]!.click();
      const event = (await dialled) as CifDialEvent;
      expect(event.detail.raw).to.equal('2015550199');
      expect(event.detail.source).to.equal('recent');
      expect(el.value).to.equal('2015550199');
    });
  });

  describe('do-not-call gate', () => {
    it('shows why a listed number is blocked while typing, and does not dial it', async () => {
      const store = fakeStore();
      const el = await fixture<CifDialpad>(html`<cif-dialpad region="US"></cif-dialpad>`);
      el.store = store;
      el.doNotCall = ['+1 (201) 555-0123'];
      el.value = '2015550123';
      await el.updateComplete;
      expect(hint(el)).to.equal('Not dialled: This number is on the do-not-call list');
      expect(call(el).getAttribute('aria-disabled')).to.equal('true');
      expect(input(el).getAttribute('aria-invalid')).to.equal('true');
      await expect(el).to.be.accessible();
      const blocked = oneEvent(el, 'cif-dial-blocked');
      const dials = sinon.spy();
      el.addEventListener('cif-dial', dials);
      void el.dial();
      const event = await blocked;
      expect(event.detail).to.deep.equal({
        raw: '2015550123',
        normalised: '+12015550123',
        reason: 'This number is on the do-not-call list',
      });
      expect(dials.called).to.equal(false);
      expect(store.dial.called).to.equal(false);
      el.value = '2015550124';
      await el.updateComplete;
      expect(hint(el)).to.equal('Valid number for United States');
    });

    it('asks a check before dialling: reasons, objects, promises; a failing check blocks', async () => {
      const el = await fixture<CifDialpad>(
        html`<cif-dialpad region="US" value="2015550123"></cif-dialpad>`,
      );
      const dials = sinon.spy();
      el.addEventListener('cif-dial', dials);
      const verdicts: unknown[] = [
        'Customer opted out on 1 May',
        { blocked: true },
        Promise.resolve(true),
        Promise.reject(new Error('service down')),
      ];
      const reasons = [
        'Customer opted out on 1 May',
        'This number is on the do-not-call list',
        'This number is on the do-not-call list',
        'The do-not-call check could not be completed',
      ];
      for (const [index, verdict] of verdicts.entries()) {
        const check = sinon.stub().returns(verdict);
        el.doNotCall = check;
        await el.dial();
        await el.updateComplete;
        expect(check.firstCall.args[0]).to.deep.equal({
          raw: '2015550123',
          normalised: '+12015550123',
        });
        expect(hint(el)).to.equal(`Not dialled: ${reasons[index]}`);
      }
      expect(dials.called).to.equal(false);
      el.doNotCall = () => {
        throw new Error('bug');
      };
      await el.dial();
      expect(dials.called, 'a throwing check blocks too').to.equal(false);
      for (const allow of [false, null, undefined, '', { blocked: false }]) {
        el.doNotCall = () => allow;
        await el.dial();
      }
      expect(dials.callCount).to.equal(5);
    });
  });

  describe('DTMF mode', () => {
    it('sends every key at once through cif-dtmf and the store; shows the digits sent', async () => {
      const store = fakeStore();
      const el = await fixture<CifDialpad>(
        html`<cif-dialpad mode="dtmf" tones-muted></cif-dialpad>`,
      );
      el.store = store;
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part="actions"]')).to.equal(null);
      expect(input(el).readOnly).to.equal(true);
      expect(input(el).getAttribute('aria-label')).to.equal('Tones sent');
      const sent = oneEvent(el, 'cif-dtmf');
      key(el, '4').click();
      const event = (await sent) as CifDtmfEvent;
      expect(event.detail.digits).to.equal('4');
      expect(event.cancelable && event.composed).to.equal(true);
      await el.updateComplete;
      expect(store.sendDigits.firstCall.args).to.deep.equal(['4']);
      key(el, '1').focus();
      await sendKeys({ type: '2#' });
      await el.updateComplete;
      expect(store.sendDigits.getCalls().map((c) => c.args[0])).to.deep.equal(['4', '2', '#']);
      expect(el.sentDigits).to.equal('42#');
      expect(input(el).value).to.equal('42#');
      expect(el.value, 'the composed number is kept').to.equal('');
      await expect(el).to.be.accessible();
    });

    it('does not call the store when cif-dtmf is prevented; a failing store shows an error', async () => {
      const store = fakeStore();
      const el = await fixture<CifDialpad>(
        html`<cif-dialpad mode="dtmf" tones-muted></cif-dialpad>`,
      );
      el.store = store;
      const stop = (event: Event) => event.preventDefault();
      el.addEventListener('cif-dtmf', stop);
      key(el, '5').click();
      expect(store.sendDigits.called).to.equal(false);
      el.removeEventListener('cif-dtmf', stop);
      store.sendDigits = sinon.stub<[string], Promise<unknown>>().rejects(new Error('no call'));
      key(el, '5').click();
      await aTimeout(0);
      await el.updateComplete;
      expect(hint(el)).to.equal('The tones could not be sent');
    });

    it('sends a pasted sequence (a conference PIN) in one go', async () => {
      const el = await fixture<CifDialpad>(html`<cif-dialpad mode="dtmf"></cif-dialpad>`);
      const sent = oneEvent(el, 'cif-dtmf');
      paste(input(el), 'PIN: 1234 5678 #');
      expect(((await sent) as CifDtmfEvent).detail.digits).to.equal('12345678#');
    });

    it('follows a bound store: DTMF while a call is connected, back to dial after', async () => {
      const store = fakeStore({ status: 'idle' });
      const el = await fixture<CifDialpad>(html`<cif-dialpad value="2015550123"></cif-dialpad>`);
      el.store = store;
      await el.updateComplete;
      expect(store.listenerCount).to.equal(1);
      store.set({ activeCall: { state: 'dialing' } });
      await el.updateComplete;
      expect(call(el).textContent.trim()).to.equal('Calling…');
      store.set({ activeCall: { state: 'connected' } });
      await el.updateComplete;
      expect(input(el).readOnly).to.equal(true);
      key(el, '7').click();
      await el.updateComplete;
      expect(input(el).value).to.equal('7');
      store.set({ calls: [] });
      await el.updateComplete;
      expect(input(el).readOnly).to.equal(false);
      expect(el.sentDigits).to.equal('');
      expect(el.value, 'the number stays for a redial').to.equal('2015550123');
      el.remove();
      expect(store.listenerCount, 'unsubscribes on disconnect').to.equal(0);
    });

    it("drives core's call store: dial, DTMF on the connected call, back to dial after hang-up", async () => {
      const provider = new SimulatedProvider({ outbound: { answerAfterMs: 0 } });
      const store = createCallStore({ provider, storage: null, ownership: false, wrapUp: false });
      const el = await fixture<CifDialpad>(
        html`<cif-dialpad region="US" value="2015550123" tones-muted></cif-dialpad>`,
      );
      el.store = store;
      await el.updateComplete;
      call(el).click();
      await waitUntil(() => input(el).readOnly, 'the connected call switches to DTMF');
      const { activeCallId, calls } = store.getSnapshot();
      expect(calls[0]!.remoteNumber).to.equal('+12015550123');
      key(el, '5').click();
      key(el, '#').click();
      await waitUntil(
        () => store.getCall(activeCallId!)?.dtmf === '5#',
        'digits sent through the store',
      );
      await el.updateComplete;
      expect(input(el).value, 'the display shows what the store sent').to.equal('5#');
      expect(
        provider.actions.filter((a) => a.command === 'sendDigits').map((a) => a.args[1]),
      ).to.deep.equal(['5', '#']);
      await store.hangUp(activeCallId!);
      await waitUntil(() => !input(el).readOnly, 'back to dial mode');
      expect(el.value).to.equal('2015550123');
      store.dispose();
    });

    it('turns the call button off when the store cannot dial', async () => {
      const provider = new SimulatedProvider({ capabilities: { canDial: false } });
      const store = createCallStore({ provider, storage: null, ownership: false, wrapUp: false });
      const el = await fixture<CifDialpad>(html`<cif-dialpad value="2015550123"></cif-dialpad>`);
      el.store = store;
      await el.updateComplete;
      expect(call(el).getAttribute('aria-disabled')).to.equal('true');
      const dials = sinon.spy();
      el.addEventListener('cif-dial', dials);
      await el.dial();
      expect(dials.called).to.equal(false);
      store.dispose();
    });

    it('uses a custom store selector and survives a throwing one', async () => {
      const warn = sinon.stub(console, 'warn');
      const store = fakeStore({ line: { talking: true } });
      const el = await fixture<CifDialpad>(html`<cif-dialpad></cif-dialpad>`);
      el.storeSelector = (s) => ({
        inCall: (s as { line: { talking: boolean } }).line.talking,
        pending: false,
      });
      el.store = store;
      await el.updateComplete;
      expect(input(el).readOnly).to.equal(true);
      el.storeSelector = () => {
        throw new Error('bad selector');
      };
      await el.updateComplete;
      await el.updateComplete;
      expect(input(el).readOnly).to.equal(false);
      expect(warn.calledWithMatch(sinon.match('storeSelector'))).to.equal(true);
    });

    it('survives a store whose snapshot throws', async () => {
      const el = await fixture<CifDialpad>(html`<cif-dialpad></cif-dialpad>`);
      el.store = {
        getSnapshot() {
          throw new Error('boom');
        },
        subscribe: () => undefined as unknown as () => void,
      };
      await el.updateComplete;
      expect(input(el).readOnly).to.equal(false);
      el.remove();
    });
  });

  describe('number intelligence', () => {
    it('hints validity for the region and sets states', async () => {
      const el = await fixture<CifDialpad>(
        html`<cif-dialpad region="US" value="2015550123"></cif-dialpad>`,
      );
      expect(hint(el)).to.equal('Valid number for United States');
      el.value = '2015550';
      await el.updateComplete;
      expect(hint(el)).to.equal('Not a valid number for United States');
      expect(el.matches(':state(invalid)')).to.equal(true);
      await expect(el).to.be.accessible();
      el.value = '201';
      await el.updateComplete;
      expect(hint(el), 'no hint for the first digits').to.equal('');
    });

    it('resolves the region from the language', async () => {
      const el = await fixture<CifDialpad>(
        html`<cif-dialpad lang="de" value="030 1234567"></cif-dialpad>`,
      );
      await settle(el);
      expect(el.resolvedRegion).to.equal('DE');
      expect(input(el).value).to.equal('030 1234567');
      expect(hint(el)).to.equal('Gültige Nummer für Deutschland');
    });

    it('takes a pluggable formatter and falls back to raw digits when it misbehaves', async () => {
      const warn = sinon.stub(console, 'warn');
      const formatter: DialpadNumberFormatter = {
        asYouType: (digits) => digits.replace(/(\d{3})(?=\d)/g, '$1 '),
        isValid: (digits) => digits.length === 7,
        normalise: (digits) => `+99${digits}`,
      };
      const el = await fixture<CifDialpad>(html`<cif-dialpad value="5550100"></cif-dialpad>`);
      el.numberFormatter = formatter;
      await el.updateComplete;
      expect(input(el).value).to.equal('555 010 0');
      expect(el.matches(':state(valid)')).to.equal(true);
      const dialled = oneEvent(el, 'cif-dial');
      void el.dial();
      expect(((await dialled) as CifDialEvent).detail.normalised).to.equal('+995550100');

      el.numberFormatter = { asYouType: () => '123', isValid: () => true };
      await el.updateComplete;
      expect(input(el).value, 'a formatter that changes digits is ignored').to.equal('5550100');
      el.numberFormatter = {
        asYouType: () => {
          throw new Error('x');
        },
        isValid: () => {
          throw new Error('y');
        },
        normalise: () => 'not e164',
      };
      await el.updateComplete;
      expect(input(el).value).to.equal('5550100');
      expect(hint(el)).to.equal('');
      expect(warn.called).to.equal(true);
    });

    it('offers a region selector with names and calling codes', async () => {
      const el = await fixture<CifDialpad>(
        html`<cif-dialpad regions="US GB de" region="GB"></cif-dialpad>`,
      );
      const select = $<HTMLSelectElement>(el, 'select');
      expect([...select.options].map((o) => o.textContent.trim())).to.deep.equal([
        'United Kingdom (+44)',
        'United States (+1)',
        'Germany (+49)',
      ]);
      expect(select.value).to.equal('GB');
      await expect(el).to.be.accessible();
      const inputs = sinon.spy();
      el.addEventListener('input', inputs);
      const changed = oneEvent(el, 'cif-region-change');
      select.focus();
      await sendKeys({ press: 'ArrowDown' });
      expect((await changed).detail.region).to.equal('US');
      expect(el.region).to.equal('US');
      expect(inputs.called, 'the select does not leak input events').to.equal(false);
    });

    it('accepts a slotted region selector and contact results', async () => {
      const el = await fixture<CifDialpad>(
        html`<cif-dialpad>
          <select slot="region" aria-label="Country">
            <option>FR</option>
          </select>
          <ul slot="results">
            <li><button>Jane Doe</button></li>
          </ul>
        </cif-dialpad>`,
      );
      const slots = [...el.shadowRoot!.querySelectorAll('slot')].map(
        (s) => s.assignedElements().length,
      );
      expect(slots).to.deep.equal([1, 1]);
      el.querySelector('button')!.focus();
      await sendKeys({ type: '5' });
      expect(el.value, 'typing in slotted content is not captured').to.equal('');
      await expect(el).to.be.accessible();
    });
  });

  describe('forms', () => {
    it('submits its value under its name and resets to the default', async () => {
      const form = await fixture<HTMLFormElement>(
        html`<form><cif-dialpad name="phone" value="2015550123"></cif-dialpad></form>`,
      );
      const el = form.querySelector('cif-dialpad')!;
      await el.updateComplete;
      expect(el.form).to.equal(form);
      expect(new FormData(form).get('phone')).to.equal('2015550123');
      key(el, '4').click();
      await el.updateComplete;
      expect(new FormData(form).get('phone')).to.equal('20155501234');
      form.reset();
      await el.updateComplete;
      expect(el.value).to.equal('2015550123');
      el.formStateRestoreCallback('+44 20 7946 0018');
      expect(el.value).to.equal('+442079460018');
    });

    it('is invalid when required and empty', async () => {
      const form = await fixture<HTMLFormElement>(
        html`<form><cif-dialpad name="phone" required></cif-dialpad></form>`,
      );
      const el = form.querySelector('cif-dialpad')!;
      await el.updateComplete;
      expect(el.willValidate).to.equal(true);
      expect(el.checkValidity()).to.equal(false);
      expect(el.validity.valueMissing).to.equal(true);
      expect(el.validationMessage).to.equal('Enter a phone number');
      expect(form.checkValidity()).to.equal(false);
      el.value = '5';
      await el.updateComplete;
      expect(el.reportValidity()).to.equal(true);
    });

    it('is disabled by a disabled fieldset', async () => {
      const form = await fixture<HTMLFormElement>(
        html`<form>
          <fieldset disabled><cif-dialpad name="phone" value="1"></cif-dialpad></fieldset>
        </form>`,
      );
      const el = form.querySelector('cif-dialpad')!;
      await el.updateComplete;
      expect(key(el, '5').disabled).to.equal(true);
      expect(input(el).disabled).to.equal(true);
      expect(el.matches(':state(disabled)')).to.equal(true);
      paste(key(el, '5'), '2');
      expect(el.value).to.equal('1');
      await expect(el).to.be.accessible();
      form.querySelector('fieldset')!.disabled = false;
      await el.updateComplete;
      expect(key(el, '5').disabled).to.equal(false);
    });
  });

  describe('density, theme and direction', () => {
    afterEach(async () => {
      await setViewport({ width: 800, height: 600 });
    });

    it('has 44 × 44 px keys at least, compact in a 300 px panel and comfortable otherwise', async () => {
      const wide = await fixture<CifDialpad>(
        html`<cif-dialpad style="inline-size: 400px"></cif-dialpad>`,
      );
      const size = (el: CifDialpad) => key(el, '5').getBoundingClientRect();
      expect(size(wide).height).to.equal(56);
      expect(size(wide).width).to.be.at.least(44);
      const narrow = await fixture<CifDialpad>(
        html`<div style="inline-size: 300px"><cif-dialpad></cif-dialpad></div>`,
      );
      const panel = narrow.querySelector('cif-dialpad')!;
      expect(size(panel).height).to.equal(44);
      expect(size(panel).width).to.be.at.least(44);
      await expect(panel).to.be.accessible();
      const compact = await fixture<CifDialpad>(
        html`<cif-dialpad density="compact" style="inline-size: 400px"></cif-dialpad>`,
      );
      expect(size(compact).height).to.equal(44);
      const comfortable = await fixture<CifDialpad>(
        html`<div style="inline-size: 300px">
          <cif-dialpad density="comfortable"></cif-dialpad>
        </div>`,
      );
      expect(size(comfortable.querySelector('cif-dialpad')!).height).to.equal(56);
    });

    it('is accessible in dark mode and with forced colours, with a visible focus ring', async () => {
      await emulate({ 'prefers-color-scheme': 'dark' });
      const el = await fixture<CifDialpad>(
        html`<cif-dialpad region="US" value="2015550"></cif-dialpad>`,
      );
      expect(getComputedStyle(key(el, '5')).backgroundColor).to.equal('rgb(31, 31, 31)');
      await expect(el).to.be.accessible();
      key(el, '1').focus();
      await sendKeys({ press: 'ArrowRight' });
      const ring = getComputedStyle(key(el, '2'));
      expect(ring.outlineStyle).to.equal('solid');
      expect(ring.outlineColor).to.equal('rgb(255, 255, 255)');
      await emulate({ 'forced-colors': 'active' });
      await expect(el).to.be.accessible();
    });

    it('keeps telephone order and a left-to-right number in RTL', async () => {
      const el = await fixture<CifDialpad>(
        html`<cif-dialpad lang="ar" dir="rtl" region="US" value="+12015550123"></cif-dialpad>`,
      );
      await settle(el);
      expect(el.matches(':state(rtl)')).to.equal(true);
      expect($(el, '[part="base"]').getAttribute('aria-label')).to.equal('لوحة الاتصال');
      const left = (k: string) => key(el, k).getBoundingClientRect().left;
      expect(left('1')).to.be.below(left('2'));
      expect(left('2')).to.be.below(left('3'));
      expect(getComputedStyle(input(el)).direction).to.equal('ltr');
      expect(input(el).value).to.equal('+1 201 555 0123');
      key(el, '1').focus();
      await sendKeys({ press: 'ArrowRight' });
      expect(
        (el.shadowRoot!.activeElement as HTMLElement).dataset.key,
        'arrows follow the keys',
      ).to.equal('2');
      await expect(el).to.be.accessible();
      await emulate({ 'prefers-color-scheme': 'dark' });
      await aTimeout(200); // the key background transition
      await expect(el).to.be.accessible();
    });

    it('is accessible in every state in light and dark', async () => {
      const states = [
        html`<cif-dialpad></cif-dialpad>`,
        html`<cif-dialpad region="US" value="2015550123"></cif-dialpad>`,
        html`<cif-dialpad region="US" value="20155"></cif-dialpad>`,
        html`<cif-dialpad
          region="US"
          value="2015550123"
          .doNotCall=${['2015550123']}
        ></cif-dialpad>`,
        html`<cif-dialpad mode="dtmf"></cif-dialpad>`,
        html`<cif-dialpad
          density="compact"
          regions="US GB"
          .recents=${['2015550123']}
        ></cif-dialpad>`,
        html`<cif-dialpad disabled value="1"></cif-dialpad>`,
        html`<cif-dialpad pending value="2015550123"></cif-dialpad>`,
        html`<cif-dialpad lang="de" value="030 1234567"></cif-dialpad>`,
      ];
      for (const scheme of ['light', 'dark'] as const) {
        await emulate({ 'prefers-color-scheme': scheme });
        for (const template of states) {
          const el = await fixture<CifDialpad>(template);
          await settle(el);
          await expect(el).to.be.accessible();
        }
      }
    });
  });
});
