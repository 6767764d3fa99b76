import { expect, fixture, html } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import { NOW, SCENARIOS, composedElements, renderScenario, until } from './test-utils/fixtures.js';
import { RTL_LOCALES } from './test-utils/locales.js';

const part = (el: Element, name: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;
const rect = (el: Element) => el.getBoundingClientRect();
const scenario = (tag: string, state: string) =>
  SCENARIOS.find((s) => s.tag === tag && s.state === state)!;

/** The text node of a component that contains `text` (searching shadow roots). */
function textNode(root: Element, text: string): Text {
  for (const el of [root, ...composedElements(root)]) {
    const nodes = [...(el.shadowRoot?.childNodes ?? []), ...el.childNodes];
    for (const node of nodes) {
      if (node instanceof Text && node.data.includes(text)) return node;
    }
  }
  throw new Error(`no text node with "${text}"`);
}

/** The on-screen box of character `index` of a text node. */
function charBox(node: Text, index: number): DOMRect {
  const range = document.createRange();
  range.setStart(node, index);
  range.setEnd(node, index + 1);
  return range.getBoundingClientRect();
}

/**
 * Whether a phone number reads left to right on screen: its `+` (or first digit) left of its last digit,
 * and its digit groups in their written order.
 */
function readsLeftToRight(root: Element, number: string): boolean {
  const node = textNode(root, number);
  const start = node.data.indexOf(number);
  const boxes = [...number].map((_, i) => charBox(node, start + i));
  return boxes.every((box, i) => i === 0 || box.left >= boxes[i - 1]!.left - 0.5);
}

/** The same for the whole text of an element (its first text node). */
function elementReadsLeftToRight(el: Element): boolean {
  const node = [...el.childNodes].find((n): n is Text => n instanceof Text && !!n.data.trim())!;
  return readsLeftToRight(el, node.data.trim());
}

const transformOf = (el: Element) => getComputedStyle(el).transform;
const MIRRORED = 'matrix(-1, 0, 0, 1, 0, 0)';

for (const t of RTL_LOCALES) {
  describe(`right to left: ${t.$name} (${t.$code})`, () => {
    it('every component in every main state resolves right to left from the language alone', async () => {
      for (const s of SCENARIOS) {
        const el = await renderScenario(s, t.$code);
        expect(el.matches(':state(rtl)'), `${s.tag} ${s.state}`).to.equal(true);
        expect(getComputedStyle(el).direction, `${s.tag} ${s.state}`).to.equal('rtl');
        // Nothing spills out of the panel when mirrored.
        const host = rect(el);
        for (const child of composedElements(el)) {
          if (!(child instanceof HTMLElement) || child.closest('[popover]')) continue;
          const box = rect(child);
          if (box.width === 0 || getComputedStyle(child).position === 'fixed') continue;
          expect(box.left, `${s.tag} ${s.state}: <${child.localName}> inside`).to.be.at.least(
            host.left - 1,
          );
          expect(box.right, `${s.tag} ${s.state}: <${child.localName}> inside`).to.be.at.most(
            host.right + 1,
          );
        }
      }
    });

    it('dialpad: the keypad and the number keep their left-to-right order', async () => {
      const el = await renderScenario(
        scenario('cif-dialpad', 'number, regions and recents'),
        t.$code,
      );
      expect(rect(part(el, 'key-1')).left, '1 is left of 3').to.be.below(
        rect(part(el, 'key-3')).left,
      );
      expect(rect(part(el, 'key-star')).left).to.be.below(rect(part(el, 'key-hash')).left);
      const input = part(el, 'input') as HTMLInputElement;
      expect(getComputedStyle(input).direction).to.equal('ltr');
      const recent = part(el, 'recent').querySelector('bdi')!;
      expect(recent.textContent).to.match(/^\+1/);
      expect(elementReadsLeftToRight(recent), 'a recent number').to.equal(true);
      // Backspace deletes at the end of a left-to-right number: its icon keeps pointing left.
      expect(transformOf(part(el, 'backspace-button').querySelector('svg')!)).to.equal('none');
      // The row of call-to-action buttons is a keypad row too: clear, call, backspace stay in place.
      expect(rect(part(el, 'clear-button')).left).to.be.below(
        rect(part(el, 'backspace-button')).left,
      );
      // The surrounding layout is mirrored: a recent caller's name starts the row on the right.
      const row = part(el, 'recent');
      const name = [...row.querySelectorAll('span')].find((span) =>
        span.textContent.includes('Jane'),
      )!;
      expect(rect(name).right).to.be.above(rect(recent).right);
    });

    it('toast: the primary action at the inline end (left), numbers left to right, the countdown mirrored', async () => {
      const el = await fixture<HTMLElement>(
        html`<cif-incoming-call-toast
          lang=${ifDefined(t.$code)}
          muted
          number="+1 619 555 0129"
          caller-name="Jane Doe"
          company="Contoso"
        ></cif-incoming-call-toast>`,
      );
      await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      expect(rect(part(el, 'answer-button')).left).to.be.below(
        rect(part(el, 'decline-button')).left,
      );
      expect(readsLeftToRight(el, '+1 619 555 0129')).to.equal(true);
      const bar = el.shadowRoot!.querySelector('svg.bar')!;
      expect(transformOf(bar), 'the countdown runs out towards the inline start').to.equal(
        MIRRORED,
      );
      // Digits are the language's own and read left to right (Western digits in ar and he by default).
      expect(part(el, 'countdown').textContent).to.match(/\d/);
    });

    it('call controls: the toolbar mirrors, the transfer arrow mirrors, the handset and timers do not', async () => {
      const el = await renderScenario(
        scenario('cif-call-controls', 'consulting, conference'),
        t.$code,
      );
      const first = part(el, 'mute-button');
      const last = part(el, 'end-button');
      expect(rect(first).left, 'mute starts the toolbar on the right').to.be.above(rect(last).left);
      expect(transformOf(el.shadowRoot!.querySelector('svg.transfer')!)).to.equal(MIRRORED);
      for (const icon of ['mute', 'hold', 'end', 'keypad']) {
        expect(transformOf(el.shadowRoot!.querySelector(`svg.${icon}`)!), icon).to.equal('none');
      }
      const timer = part(el, 'timer').querySelector('time')!;
      const text = timer.textContent;
      expect(text).to.match(/^\d{2}:\d{2}$/);
      expect(readsLeftToRight(el, text), 'the call timer').to.equal(true);
      await until(() => el.shadowRoot!.querySelector('#consulting'));
      expect(readsLeftToRight(el, '+1 425 555 0199'), 'the consulted number').to.equal(true);
    });

    it('contact card: the avatar starts the header on the right, numbers and e-mail left to right', async () => {
      const el = await renderScenario(scenario('cif-contact-card', 'known contact'), t.$code);
      expect(rect(part(el, 'avatar')).right).to.be.closeTo(rect(part(el, 'header')).right, 20);
      expect(rect(part(el, 'avatar')).left).to.be.above(rect(part(el, 'name')).left);
      expect(readsLeftToRight(el, '+1 206-555-0100')).to.equal(true);
      const dial = el.shadowRoot!.querySelector('[part~=dial]')!;
      expect(rect(dial.querySelector('svg')!).left, 'the handset leads on the right').to.be.above(
        rect(dial.querySelector('bdi')!).left,
      );
      expect(readsLeftToRight(el, 'alex@contoso.com')).to.equal(true);
      const unknown = await renderScenario(scenario('cif-contact-card', 'unknown caller'), t.$code);
      expect(readsLeftToRight(unknown, '+1 206-555-0123')).to.equal(true);
    });
  });
}

describe('right to left: times and numbers through Intl', () => {
  it('formats times and relative times in the language (no hand-built strings)', async () => {
    const el = await renderScenario(scenario('cif-contact-card', 'known contact'), 'he');
    const texts = [...el.shadowRoot!.querySelectorAll('time, dd')].map((n) => n.textContent.trim());
    const relative = new Intl.RelativeTimeFormat('he', { numeric: 'auto' });
    expect(texts.join(' | ')).to.include(relative.format(-2, 'hour'));
    expect(NOW).to.be.a('number');
  });
});
