import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
// This page has <cif-dialpad> defined (the element itself never imports it).
import '../../dialpad/src/cif-dialpad.js';
import { SimulatedProvider, createCallStore } from '../../core/src/calls/index.js';
import './cif-call-controls.js';
import type { CifCallControls } from './CifCallControls.js';

describe('<cif-call-controls> with <cif-dialpad> installed', () => {
  it('opens an in-call DTMF dialpad that sends tones through the store', async () => {
    const provider = new SimulatedProvider();
    const store = createCallStore({ provider, storage: null, ownership: false });
    const id = provider.ring('+16195550129');
    await store.answer(id);
    const el = await fixture<CifCallControls>(
      html`<cif-call-controls style="inline-size: 480px"></cif-call-controls>`,
    );
    el.store = store;
    await el.updateComplete;
    const keypad = el.shadowRoot!.querySelector<HTMLButtonElement>('[data-key=keypad]')!;
    expect(keypad.getAttribute('aria-label')).to.equal('Keypad');
    keypad.click();
    await el.updateComplete;
    const region = el.shadowRoot!.querySelector<HTMLElement>('#keypad')!;
    expect(region.hidden).to.equal(false);
    const dialpad = region.querySelector('cif-dialpad')!;
    expect(dialpad.getAttribute('mode')).to.equal('dtmf');
    await dialpad.updateComplete;
    await nextFrame();
    dialpad.shadowRoot!.querySelector<HTMLButtonElement>('button[data-key="5"]')!.click();
    await waitUntil(() => store.getCall(id)?.dtmf === '5', 'the tone went through the store');
    expect(provider.actionsOf('sendDigits').map((a) => a.args)).to.deep.equal([[id, '5']]);
    await expect(el).to.be.accessible();
    keypad.click();
    await el.updateComplete;
    expect(region.hidden).to.equal(true);
    await sendKeys({ down: 'Alt' });
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'KeyK' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ up: 'Alt' });
    await waitUntil(() => !region.hidden && el.shadowRoot!.activeElement === dialpad);
    store.dispose();
  });
});
