import '@cif-elements/call-controls/cif-call-controls.js';
import '@cif-elements/contact-card/cif-contact-card.js';
import '@cif-elements/dialpad/cif-dialpad.js';
import '@cif-elements/incoming-call-toast/cif-incoming-call-toast.js';
import { createCallStore, SimulatedProvider, type CallStore } from '@cif-elements/core';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { composedElements, until } from './test-utils/fixtures.js';
import { en } from './test-utils/locales.js';

interface Heard {
  readonly politeness: string;
  readonly text: string;
}

/**
 * Records what the kit's shared live regions say: every text the polite (`role=status`) and assertive
 * (`role=alert`) regions take, in order. Announcements are set as text after the region is cleared, so
 * each announcement is one non-empty text.
 */
function listen(): { heard: Heard[]; stop(): void } {
  const heard: Heard[] = [];
  // What the regions already hold (a previous test's last words) is not news.
  const last = new Map<Element, string>(
    [...document.querySelectorAll('[data-cif-announcer]')].map((r) => [r, r.textContent.trim()]),
  );
  const read = () => {
    for (const region of document.querySelectorAll('[data-cif-announcer]')) {
      const text = region.textContent.trim();
      if (text && text !== last.get(region)) {
        heard.push({ politeness: region.getAttribute('data-cif-announcer') ?? '', text });
      }
      last.set(region, text);
    }
  };
  const observer = new MutationObserver(read);
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  return { heard, stop: () => observer.disconnect() };
}

/** Live regions other than the kit's shared two, anywhere in the composed tree of `root`. */
function otherLiveRegions(root: Element): Element[] {
  return [root, ...composedElements(root)].filter(
    (el) =>
      !el.hasAttribute('data-cif-announcer') &&
      (el.matches('[aria-live]:not([aria-live=off]), [role=status], [role=alert], [role=log]') ||
        false),
  );
}

const JANE = '+16195550129';
const TARGET = '+14255550199';

describe('announcements: one shared live region, each call-state change said once', () => {
  let provider: SimulatedProvider;
  let store: CallStore;
  let log: ReturnType<typeof listen>;

  beforeEach(() => {
    provider = new SimulatedProvider();
    store = createCallStore({
      provider,
      storage: null,
      ownership: false,
      wrapUp: { durationMs: null },
    });
    log = listen();
  });

  afterEach(() => {
    log.stop();
    store.dispose();
    provider.dispose();
  });

  async function page(controls = 1) {
    const root = await fixture<HTMLElement>(
      html`<div style="inline-size: 480px">
        <cif-incoming-call-toast muted timeout="0" .store=${store}></cif-incoming-call-toast>
        <cif-contact-card .store=${store}></cif-contact-card>
        ${Array.from(
          { length: controls },
          () => html`<cif-call-controls layout="toolbar" .store=${store}></cif-call-controls>`,
        )}
        <cif-dialpad region="US" .store=${store}></cif-dialpad>
      </div>`,
    );
    const toast = root.querySelector('cif-incoming-call-toast')!;
    const bars = [...root.querySelectorAll('cif-call-controls')];
    return { root, toast, controls: bars[0]!, bars };
  }

  /** Waits until `count` announcements were heard, then a moment longer for any repeat. */
  async function heard(count: number): Promise<Heard[]> {
    await waitUntil(() => log.heard.length >= count, `${count} announcements`, { timeout: 3000 });
    await new Promise((resolve) => setTimeout(resolve, 120));
    return log.heard;
  }

  const button = (el: Element, selector: string) =>
    el.shadowRoot!.querySelector<HTMLButtonElement>(selector)!;

  it('ringing → answered → hold → resume → mute → unmute → transfer → wrap-up, then a call that ends', async () => {
    const { root, toast, controls } = await page();
    const say: Heard[] = [];
    const expectNext = async (politeness: string, text: string) => {
      say.push({ politeness, text });
      expect(await heard(say.length)).to.deep.equal(say);
    };

    const first = provider.ring(JANE, { displayName: 'Jane Doe' });
    await expectNext('assertive', en.toastAnnounce('Jane Doe', ''));

    await until(() => toast.shadowRoot!.querySelector('[part~=answer-button]'));
    button(toast, '[part~=answer-button]').click();
    await expectNext('polite', en.controlsConnectedNow);

    await until(() => controls.shadowRoot!.querySelector('[data-key=hold]'));
    button(controls, '[data-key=hold]').click();
    await expectNext('polite', en.controlsHeldNow);
    button(controls, '[data-key=hold]').click();
    await expectNext('polite', en.controlsResumedNow);
    button(controls, '[data-key=mute]').click();
    await expectNext('polite', en.controlsMutedNow);
    button(controls, '[data-key=mute]').click();
    await expectNext('polite', en.controlsUnmutedNow);

    // Transfer through the panel, as an agent does.
    await until(() => controls.shadowRoot!.adoptedStyleSheets.length >= 3);
    button(controls, '[data-key=transfer]').click();
    await until(() => controls.shadowRoot!.querySelector('#transfer input'));
    const field = controls.shadowRoot!.querySelector<HTMLInputElement>('#transfer input')!;
    field.value = TARGET;
    field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    button(controls, '[part~=action][part~=primary]').click();
    // The simulated phone system reports the end (reason: transferred) before the command settles, so
    // the target is not in the snapshot yet: "Call transferred".
    await expectNext('polite', en.controlsTransferredNow(''));
    expect(store.getCall(first)?.endReason).to.equal('transferred');

    await store.completeWrapUp(first, { notes: '' });
    await expectNext('polite', en.controlsWrapUpDone);

    // A second caller; the other party hangs up.
    const second = provider.ring('+442079460018');
    await expectNext('assertive', en.toastAnnounce('+442079460018', ''));
    await store.answer(second);
    await expectNext('polite', en.controlsConnectedNow);
    provider.remoteHangUp(second);
    await expectNext('polite', en.controlsEndedNow);

    // Nothing else was said, and no component kept a live region of its own for call states.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(log.heard).to.deep.equal(say);
    for (const region of otherLiveRegions(root)) {
      for (const { text } of say) expect(region.textContent).to.not.include(text);
    }
  });

  it('an outbound call: dialling is not news, connected and ended are', async () => {
    await page();
    const id = await store.dial('+12025550100');
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(log.heard, 'placing a call says nothing').to.deep.equal([]);
    provider.remoteAnswer(id);
    expect(await heard(1)).to.deep.equal([{ politeness: 'polite', text: en.controlsConnectedNow }]);
    await store.hangUp(id);
    expect(await heard(2)).to.deep.equal([
      { politeness: 'polite', text: en.controlsConnectedNow },
      { politeness: 'polite', text: en.controlsEndedNow },
    ]);
  });

  it('a consult transfer: consulting, the consulted party connected, then transferred to them', async () => {
    await page();
    const id = provider.ring(JANE, { displayName: 'Jane Doe' });
    await heard(1);
    await store.answer(id);
    await heard(2);
    await store.consult(id, TARGET);
    await heard(3);
    const leg = store.getSnapshot().calls.find((c) => c.consultFor === id)!;
    provider.remoteAnswer(leg.id);
    await heard(4);
    await store.completeTransfer(id);
    await heard(5);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(log.heard.map((h) => h.text)).to.deep.equal([
      en.toastAnnounce('Jane Doe', ''),
      en.controlsConnectedNow,
      en.controlsConsulting(TARGET),
      en.controlsConnectedNow,
      en.controlsTransferredNow(TARGET),
    ]);
  });

  it('call waiting: the second caller announced, the first held, the second connected and ended, the first resumed', async () => {
    await page();
    const first = provider.ring(JANE, { displayName: 'Jane Doe' });
    await heard(1);
    await store.answer(first);
    await heard(2);
    const second = provider.ring('+442079460018', { displayName: 'Alex Baker' });
    await heard(3);
    await store.setHeld(first, true);
    await heard(4);
    await store.answer(second);
    await heard(5);
    await store.hangUp(second);
    await heard(6);
    await store.setHeld(first, false);
    await heard(7);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(log.heard.map((h) => h.text)).to.deep.equal([
      en.toastAnnounce('Jane Doe', ''),
      en.controlsConnectedNow,
      en.toastAnnounceWaiting('Alex Baker', ''),
      en.controlsHeldNow,
      en.controlsConnectedNow,
      en.controlsEndedNow,
      en.controlsResumedNow,
    ]);
  });

  it('two call-control bars bound to the same store still say each change once', async () => {
    const { bars } = await page(2);
    expect(bars).to.have.length(2);
    const id = provider.ring(JANE, { displayName: 'Jane Doe' });
    await heard(1);
    await store.answer(id);
    await heard(2);
    await store.setHeld(id, true);
    await heard(3);
    await store.setMuted(id, true);
    await heard(4);
    await store.hangUp(id);
    await heard(5);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(log.heard.map((h) => h.text)).to.deep.equal([
      en.toastAnnounce('Jane Doe', ''),
      en.controlsConnectedNow,
      en.controlsHeldNow,
      en.controlsMutedNow,
      en.controlsEndedNow,
    ]);
  });
});
