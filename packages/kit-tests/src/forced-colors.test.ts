import type { CallControlsRecording, CallControlsState } from '@cif-elements/call-controls';
import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  CONTACT,
  NOW,
  SCENARIOS,
  composedElements,
  describeElement,
  isRendered,
  interactiveParts,
  renderScenario,
} from './test-utils/fixtures.js';
import { emulate, resetEmulation, screenshot } from './test-utils/media.js';

type Updatable = HTMLElement & { updateComplete: Promise<unknown> };

const css = (el: Element) => getComputedStyle(el);

/** A system colour as the page resolves it now (forced colours emulated or not). */
function systemColor(name: string): string {
  const probe = document.createElement('span');
  probe.style.color = name;
  document.body.append(probe);
  const value = css(probe).color;
  probe.remove();
  return value;
}

/**
 * Text that forced colours would hide. Chromium paints a Canvas-coloured backplate behind the text of
 * elements it forces (`forced-color-adjust: auto`), so a kept system colour such as HighlightText
 * (white on Highlight, say) becomes text in the Canvas colour on Canvas: invisible. Elements that opt out
 * (`none`) must not paint text in their own background colour.
 */
function hiddenTexts(root: Element): string[] {
  const canvas = systemColor('Canvas');
  const out: string[] = [];
  for (const el of composedElements(root)) {
    const own = [...el.childNodes].some((n) => n instanceof Text && n.data.trim() !== '');
    if (!own || !isRendered(el)) continue;
    const style = css(el);
    const hidden =
      style.forcedColorAdjust === 'none'
        ? style.color === style.backgroundColor
        : style.color === canvas;
    if (hidden) out.push(describeElement(el));
  }
  return out;
}
const control = (el: Element, key: string) =>
  el.shadowRoot!.querySelector<HTMLButtonElement>(`[data-key="${key}"]`)!;
const now = () => NOW;

/** Renders `<cif-call-controls>` in a state, toolbar layout, with a fixed clock. */
async function controls(attributes: {
  state: CallControlsState;
  muted?: boolean;
  recording?: CallControlsRecording;
}): Promise<Updatable> {
  const wrapper = await fixture<HTMLElement>(
    html`<div style="inline-size: 480px">
      <cif-call-controls
        state=${attributes.state}
        call-id="c1"
        layout="toolbar"
        recording=${attributes.recording ?? 'off'}
        ?muted=${attributes.muted ?? false}
        .callStart=${NOW - 65_000}
        .holdStart=${attributes.state === 'held' ? NOW - 5_000 : undefined}
        .now=${now}
      ></cif-call-controls>
    </div>`,
  );
  const el = wrapper.querySelector<Updatable>('cif-call-controls')!;
  await el.updateComplete;
  await nextFrame();
  return el;
}

/** A part's look in forced colours: what a user can tell apart. */
function look(el: Element) {
  const s = css(el);
  return {
    color: s.color,
    background: s.backgroundColor,
    border: `${s.borderTopStyle} ${s.borderTopWidth} ${s.borderTopColor}`,
    outline: `${s.outlineStyle} ${s.outlineWidth}`,
  };
}

describe('forced colours (Windows high contrast)', () => {
  afterEach(async () => {
    await resetEmulation();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`every component in every main state keeps visible controls (${scheme} contrast theme); screenshots saved`, async () => {
      await emulate({ 'forced-colors': 'active', 'prefers-color-scheme': scheme });
      expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
      const files: string[] = [];
      for (const s of SCENARIOS) {
        const el = await renderScenario(s);
        const shot = await screenshot(`forced-colors-${scheme}-${s.tag}-${s.state}`, el);
        expect(shot.bytes, `${s.tag} ${s.state}`).to.be.above(100);
        files.push(shot.file);
        for (const part of interactiveParts(el)) {
          const where = `${s.tag} (${s.state}) ${describeElement(part)}`;
          const style = css(part);
          // A control shows its extent: a border (buttons, fields, options), or is an underlined link.
          const bordered = (['Top', 'Right', 'Bottom', 'Left'] as const).some(
            (side) =>
              style[`border${side}Style`] !== 'none' &&
              parseFloat(style[`border${side}Width`]) >= 1,
          );
          const underlined = style.textDecorationLine.includes('underline');
          expect(bordered || underlined, `${where}: a visible boundary`).to.equal(true);
          expect(style.color, `${where}: text colour`).to.not.equal('rgba(0, 0, 0, 0)');
          expect(style.opacity, `${where}: not faded out`).to.equal('1');
        }
        expect(
          hiddenTexts(el),
          `${s.tag} (${s.state}): text hidden by forced colours`,
        ).to.deep.equal([]);
        // Icons follow the text colour (currentColor), so they stay visible in every theme.
        for (const icon of el.shadowRoot!.querySelectorAll('button svg')) {
          const style = css(icon);
          const painted =
            (style.fill !== 'none' && style.fill !== 'rgba(0, 0, 0, 0)') ||
            (style.stroke !== 'none' && style.stroke !== 'rgba(0, 0, 0, 0)');
          expect(painted, `${s.tag} (${s.state}): an icon is painted`).to.equal(true);
        }
      }
      expect(files).to.have.length(SCENARIOS.length);
    });
  }

  it('pressed toggles (mute, hold, record) differ from unpressed ones, in colour and in pixels', async () => {
    await emulate({ 'forced-colors': 'active' });
    const off = await controls({ state: 'connected' });
    const offLooks = Object.fromEntries(
      ['mute', 'hold', 'record'].map((key) => [key, look(control(off, key))]),
    );
    const offHold = await screenshot('forced-colors-hold-unpressed', control(off, 'hold'));
    await screenshot('forced-colors-call-controls-unpressed', off);

    const on = await controls({ state: 'held', muted: true, recording: 'recording' });
    for (const key of ['mute', 'hold', 'record']) {
      expect(control(on, key).getAttribute('aria-pressed'), key).to.equal('true');
      expect(control(off, key).getAttribute('aria-pressed'), key).to.equal('false');
      const pressed = look(control(on, key));
      expect(pressed.background, `${key}: pressed background`).to.not.equal(
        offLooks[key]!.background,
      );
      expect(pressed.color, `${key}: pressed text`).to.not.equal(offLooks[key]!.color);
    }
    const onHold = await screenshot('forced-colors-hold-pressed', control(on, 'hold'));
    await screenshot('forced-colors-call-controls-pressed', on);
    expect(onHold.hash, 'the pressed hold button looks different').to.not.equal(offHold.hash);
    // The same state twice gives the same pixels: the comparison is about the state.
    const again = await controls({ state: 'connected' });
    expect(
      (await screenshot('forced-colors-hold-unpressed-again', control(again, 'hold'))).hash,
    ).to.equal(offHold.hash);
  });

  it('controls that are off differ from controls that are on (GrayText)', async () => {
    await emulate({ 'forced-colors': 'active' });
    const on = await controls({ state: 'connected' });
    const onHold = look(control(on, 'hold'));
    const dialing = await controls({ state: 'dialing' });
    const hold = control(dialing, 'hold');
    expect(hold.getAttribute('aria-disabled')).to.equal('true');
    expect(look(hold).color).to.not.equal(onHold.color);
    await screenshot('forced-colors-call-controls-dialing-off', dialing);

    const card = await fixture<Updatable>(
      html`<cif-contact-card .contact=${{ ...CONTACT, doNotCall: false }}></cif-contact-card>`,
    );
    const blocked = await fixture<Updatable>(
      html`<cif-contact-card .contact=${{ ...CONTACT, doNotCall: true }}></cif-contact-card>`,
    );
    const dial = (el: Element) => el.shadowRoot!.querySelector('[part~=dial]')!;
    expect(dial(blocked).getAttribute('aria-disabled')).to.equal('true');
    expect(look(dial(blocked)).color, 'a do-not-call number').to.not.equal(look(dial(card)).color);
    await screenshot('forced-colors-contact-card-do-not-call', blocked);

    const pad = await fixture<Updatable>(html`<cif-dialpad value="2015550123"></cif-dialpad>`);
    const pending = await fixture<Updatable>(
      html`<cif-dialpad pending value="2015550123"></cif-dialpad>`,
    );
    const call = (el: Element) => el.shadowRoot!.querySelector('[part~=call-button]')!;
    expect(look(call(pending)), 'a dial in progress').to.not.deep.equal(look(call(pad)));
  });

  it('the keyboard focus ring shows in forced colours', async () => {
    await emulate({ 'forced-colors': 'active' });
    const el = await controls({ state: 'connected' });
    const before = await fixture<HTMLButtonElement>(html`<button>before</button>`);
    el.parentElement!.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    const focused = el.shadowRoot!.activeElement!;
    expect(focused.matches(':focus-visible')).to.equal(true);
    const style = css(focused);
    expect(style.outlineStyle).to.not.equal('none');
    expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
    await screenshot('forced-colors-focus-ring', el);
  });
});
