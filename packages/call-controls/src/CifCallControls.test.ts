import { aTimeout, expect, fixture, html, nextFrame, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import sinon from 'sinon';
import '@cif-elements/base/locales/de.js';
import '@cif-elements/base/locales/ar.js';
import { announcements } from '@cif-elements/base';
import { emulate, resetEmulation } from '../../base/src/test-utils/media.js';
// The real call store of @cif-elements/core, through a relative import: the element itself knows nothing of core.
import {
  SimulatedProvider,
  createCallStore,
  type CallStore,
  type ProviderCapabilities,
} from '../../core/src/calls/index.js';
import './cif-call-controls.js';
import type { CifCallControls } from './CifCallControls.js';
import type {
  CifHangupEvent,
  CifHoldChangeEvent,
  CifMuteChangeEvent,
  CifRecordChangeEvent,
  CifTransferEvent,
  CifWrapUpCompleteEvent,
} from './events.js';

const T0 = Date.UTC(2025, 0, 15, 9, 30);
const $ = <E extends Element = HTMLElement>(el: CifCallControls, selector: string): E | null =>
  el.shadowRoot!.querySelector<E>(selector);
const control = (el: CifCallControls, key: string) =>
  $<HTMLButtonElement>(el, `[data-key="${key}"]`)!;
const toolbarKeys = (el: CifCallControls) =>
  [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~=toolbar] > button')].map(
    (b) => b.dataset.key,
  );
const text = (el: CifCallControls, selector: string) =>
  ($(el, selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();
const action = (el: CifCallControls, label: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~=action]')].find(
    (b) => b.textContent.trim() === label,
  )!;
const polite = () => announcements().polite;

/** Presses a key with modifiers held (`chord('Alt', 'Shift', 'KeyM')`). */
async function chord(...keys: string[]): Promise<void> {
  const main = keys.pop()!;
  for (const key of keys) await sendKeys({ down: key });
  await sendKeys({ press: main });
  for (const key of keys.reverse()) await sendKeys({ up: key });
}

async function settle(el: CifCallControls): Promise<void> {
  await el.updateComplete;
  await nextFrame();
  await el.updateComplete;
}

/** Waits for the lazily loaded part (`consult`, `transfer`, `wrap-up`). */
async function panel(el: CifCallControls, part: string): Promise<HTMLElement> {
  await waitUntil(() => $(el, `[part=${part}]`), `the ${part} panel renders`);
  return $(el, `[part=${part}]`)!;
}

interface Connected {
  provider: SimulatedProvider;
  store: CallStore;
  id: string;
  el: CifCallControls;
}

/** A real core store with one answered call, and the controls bound to it. */
async function connected(
  options: ConstructorParameters<typeof SimulatedProvider>[0] = {},
  template = html`<cif-call-controls style="inline-size: 480px"></cif-call-controls>`,
): Promise<Connected> {
  const provider = new SimulatedProvider({ outbound: { answerAfterMs: 0 }, ...options });
  const store = createCallStore({ provider, storage: null, ownership: false });
  const id = provider.ring('+16195550129', { displayName: 'Alex Baker' });
  await store.answer(id);
  const el = await fixture<CifCallControls>(template);
  el.store = store;
  await settle(el);
  return { provider, store, id, el };
}

function fakeStore(snapshot: unknown) {
  let state = snapshot;
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
    setMuted: sinon.stub().resolves(undefined),
    setHeld: sinon.stub().resolves(undefined),
    hangUp: sinon.stub().resolves(undefined),
  };
}

const stores: CallStore[] = [];

describe('<cif-call-controls>', () => {
  before(async () => {
    // Warm the lazy chunk so waiting for it is short.
    await import('./panels.js');
  });

  afterEach(async () => {
    sinon.restore();
    for (const store of stores.splice(0)) store.dispose();
    await resetEmulation();
    document.documentElement.lang = 'en';
    document.documentElement.removeAttribute('dir');
  });

  describe('rendering from attributes', () => {
    it('renders nothing without a call', async () => {
      const el = await fixture<CifCallControls>(html`<cif-call-controls></cif-call-controls>`);
      expect(el.state).to.equal('idle');
      expect(el.shadowRoot!.children.length).to.equal(0);
      expect(el.matches(':state(idle)')).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('is a labelled toolbar of real buttons with toggles, timers and one tab stop', async () => {
      const el = await fixture<CifCallControls>(
        html`<cif-call-controls
          state="connected"
          call-start=${Date.now() - 65_000}
          style="inline-size: 480px"
        ></cif-call-controls>`,
      );
      const toolbar = $(el, '[role=toolbar]')!;
      expect(toolbar.getAttribute('aria-label')).to.equal('Call controls');
      expect(toolbarKeys(el)).to.deep.equal(['mute', 'hold', 'transfer', 'record', 'end']);
      expect(control(el, 'mute').getAttribute('aria-pressed')).to.equal('false');
      expect(control(el, 'hold').getAttribute('aria-pressed')).to.equal('false');
      expect(control(el, 'record').getAttribute('aria-pressed')).to.equal('false');
      expect(control(el, 'transfer').getAttribute('aria-expanded')).to.equal('false');
      expect(control(el, 'end').hasAttribute('aria-pressed')).to.equal(false);
      expect(control(el, 'end').getAttribute('aria-label')).to.equal('End call');
      const buttons = [...toolbar.querySelectorAll('button')];
      expect(buttons.every((b) => b.type === 'button')).to.equal(true);
      expect(buttons.filter((b) => b.tabIndex === 0)).to.have.length(1);
      const timer = $(el, '[part=timer]')!;
      expect(timer.getAttribute('role')).to.equal('timer');
      expect(text(el, '[part=timer]')).to.equal('Call time 01:05');
      expect(el.matches(':state(connected)')).to.equal(true);
      expect(el.layout, 'layout reflects').to.equal('auto');
      expect(el.getAttribute('layout')).to.equal('auto');
      await expect(el).to.be.accessible();
    });

    it('shows muted, held, recording, conference and quality from attributes', async () => {
      const el = await fixture<CifCallControls>(
        html`<cif-call-controls
          state="held"
          muted
          recording="recording"
          conference
          quality="poor"
          mos="2.14"
          call-start=${Date.now() - 125_000}
          hold-start=${Date.now() - 5_000}
        ></cif-call-controls>`,
      );
      expect(control(el, 'mute').getAttribute('aria-pressed')).to.equal('true');
      expect(control(el, 'hold').getAttribute('aria-pressed')).to.equal('true');
      expect(control(el, 'record').getAttribute('aria-pressed')).to.equal('true');
      expect(text(el, '[part=hold-timer]')).to.equal('On hold 00:05');
      expect($(el, '[part=hold-timer]')!.getAttribute('role')).to.equal('timer');
      expect(text(el, '[part=recording]')).to.equal('Recording');
      expect(text(el, '[part=conference]')).to.equal('Conference');
      const quality = $(el, '[part=quality]')!;
      expect(quality.getAttribute('role')).to.equal('img');
      expect(quality.getAttribute('aria-label')).to.equal('Call quality poor, MOS 2.1');
      expect(quality.querySelectorAll('path.on')).to.have.length(1);
      for (const state of ['held', 'muted', 'recording', 'conference']) {
        expect(el.matches(`:state(${state})`), state).to.equal(true);
      }
      el.recording = 'paused';
      el.quality = 'good';
      el.mos = undefined;
      await el.updateComplete;
      expect(text(el, '[part=recording]')).to.equal('Recording paused');
      expect(el.matches(':state(recording-paused)')).to.equal(true);
      expect($(el, '[part=quality]')!.getAttribute('aria-label')).to.equal('Call quality good');
      expect($(el, '[part=quality]')!.querySelectorAll('path.on')).to.have.length(3);
      await expect(el).to.be.accessible();
    });

    it('says Calling… while an outbound call is placed, with only mute and end on', async () => {
      const el = await fixture<CifCallControls>(
        html`<cif-call-controls state="alerting"></cif-call-controls>`,
      );
      expect(text(el, '[part=timer]')).to.equal('Calling…');
      expect(el.matches(':state(dialing)')).to.equal(true);
      expect(control(el, 'mute').getAttribute('aria-disabled')).to.equal('false');
      expect(control(el, 'end').getAttribute('aria-disabled')).to.equal('false');
      for (const key of ['hold', 'transfer', 'record']) {
        expect(control(el, key).getAttribute('aria-disabled'), key).to.equal('true');
        const why = control(el, key).getAttribute('aria-describedby')!;
        expect($(el, `#${why}`)!.textContent).to.equal('Available once the call is connected');
      }
      await expect(el).to.be.accessible();
    });

    it('renders hostile strings as text', async () => {
      const hostile = '<img src=x onerror="window.__pwned=1">';
      const el = await fixture<CifCallControls>(
        html`<cif-call-controls
          state="connected"
          label=${hostile}
          consult-target=${hostile}
        ></cif-call-controls>`,
      );
      await panel(el, 'consult');
      el.dispositions = [hostile, { value: 'javascript:alert(1)', label: hostile }];
      el.state = 'wrap-up';
      await panel(el, 'wrap-up');
      el.state = 'connected';
      await settle(el);
      expect(el.shadowRoot!.querySelector('img') === null).to.equal(true);
      expect(el.shadowRoot!.querySelector('a') === null).to.equal(true);
      expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
      expect($(el, '[role=toolbar]')!.getAttribute('aria-label')).to.equal(hostile);
      expect(text(el, '#consulting')).to.equal(`Consulting ${hostile}`);
    });

    it('warns once and renders safely on bad property values', async () => {
      const banana = 'banana' as unknown as CifCallControls['state'];
      const warn = sinon.stub(console, 'warn');
      const el = await fixture<CifCallControls>(
        html`<cif-call-controls .state=${banana}></cif-call-controls>`,
      );
      expect(el.shadowRoot!.children.length, 'an unknown state is idle').to.equal(0);
      const loose = el as unknown as Record<string, unknown>;
      loose.state = 'connected';
      loose.recording = 42;
      loose.quality = 'splendid';
      loose.layout = 'diagonal';
      loose.mos = 99;
      loose.capabilities = 42;
      loose.dispositions = 'Sale';
      loose.shortcuts = 7;
      loose.now = () => {
        throw new Error('no clock');
      };
      loose.callStart = Number.NaN;
      loose.store = { getSnapshot: 1 };
      await settle(el);
      expect(toolbarKeys(el)).to.include('mute');
      expect($(el, '[part=quality]') === null).to.equal(true);
      expect($(el, '[part=recording]') === null).to.equal(true);
      expect($(el, '[part=timer]') === null).to.equal(true);
      el.state = 'wrap-up';
      await panel(el, 'wrap-up');
      expect($(el, 'select') === null, 'no dispositions from a string').to.equal(true);
      const messages = warn.getCalls().map((c) => String(c.args[0]));
      for (const word of ['banana', 'number', 'splendid', 'diagonal', 'store']) {
        expect(
          messages.some((m) => m.includes(word)),
          word,
        ).to.equal(true);
      }
      const count = warn.callCount;
      el.quality = 'splendid' as never;
      await el.updateComplete;
      expect(warn.callCount, 'once').to.equal(count);
    });

    it('starts each wrap-up with an empty draft', async () => {
      const el = await fixture<CifCallControls>(
        html`<cif-call-controls state="wrap-up" .dispositions=${['Sale']}></cif-call-controls>`,
      );
      const form = await panel(el, 'wrap-up');
      form.querySelector('textarea')!.focus();
      await sendKeys({ type: 'first call' });
      const select = form.querySelector('select')!;
      select.value = 'Sale';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      const completed = oneEvent<CifWrapUpCompleteEvent>(el, 'cif-wrap-up-complete');
      (form as HTMLFormElement).requestSubmit();
      expect((await completed).detail).to.deep.equal({
        callId: undefined,
        disposition: 'Sale',
        notes: 'first call',
      });
      el.state = 'idle';
      await el.updateComplete;
      el.state = 'wrap-up';
      const next = await panel(el, 'wrap-up');
      await el.updateComplete;
      expect(next.querySelector('textarea')!.value).to.equal('');
      expect(next.querySelector('select')!.value).to.equal('');
    });

    it('reads capabilities from the attribute: a control appears only when supported', async () => {
      const el = await fixture<CifCallControls>(
        html`<cif-call-controls state="connected" capabilities="mute"></cif-call-controls>`,
      );
      expect(toolbarKeys(el)).to.deep.equal(['mute', 'end']);
      el.setAttribute('capabilities', 'hold record transfer');
      await el.updateComplete;
      expect(toolbarKeys(el)).to.deep.equal(['hold', 'transfer', 'record', 'end']);
      el.removeAttribute('capabilities');
      await el.updateComplete;
      expect(toolbarKeys(el)).to.deep.equal(['mute', 'hold', 'transfer', 'record', 'end']);
    });
  });

  describe('intent events', () => {
    it('fires cancelable, composed intents with the call and the state asked for', async () => {
      const el = await fixture<CifCallControls>(
        html`<cif-call-controls
          state="connected"
          call-id="c-1"
          style="inline-size: 480px"
        ></cif-call-controls>`,
      );
      const check = async <E extends CustomEvent>(type: string, key: string) => {
        const heard = oneEvent<E>(el, type);
        control(el, key).click();
        const event = await heard;
        expect(event.bubbles && event.composed && event.cancelable, type).to.equal(true);
        await el.updateComplete;
        return event.detail as E['detail'];
      };
      expect(await check<CifMuteChangeEvent>('cif-mute-change', 'mute')).to.deep.equal({
        callId: 'c-1',
        muted: true,
      });
      expect(await check<CifHoldChangeEvent>('cif-hold-change', 'hold')).to.deep.equal({
        callId: 'c-1',
        held: true,
      });
      expect(await check<CifRecordChangeEvent>('cif-record-change', 'record')).to.deep.equal({
        callId: 'c-1',
        recording: 'recording',
      });
      expect(await check<CifHangupEvent>('cif-hangup', 'end')).to.deep.equal({ callId: 'c-1' });
      // The app owns the state without a store: nothing changed by itself.
      expect(el.muted).to.equal(false);
      el.muted = true;
      el.state = 'held';
      el.recording = 'recording';
      await el.updateComplete;
      expect((await check<CifMuteChangeEvent>('cif-mute-change', 'mute')).muted).to.equal(false);
      expect((await check<CifHoldChangeEvent>('cif-hold-change', 'hold')).held).to.equal(false);
      expect((await check<CifRecordChangeEvent>('cif-record-change', 'record')).recording).to.equal(
        'paused',
      );
    });

    it('does not call the store when an intent is prevented', async () => {
      const { el, provider } = await connected();
      el.addEventListener('cif-mute-change', (event) => event.preventDefault());
      el.addEventListener('cif-hangup', (event) => event.preventDefault());
      control(el, 'mute').click();
      control(el, 'end').click();
      await aTimeout(20);
      expect(provider.actionsOf('setMuted')).to.have.length(0);
      expect(provider.actionsOf('hangUp')).to.have.length(0);
    });

    it('does nothing when disabled, read-only or disconnected', async () => {
      const spy = sinon.spy();
      const el = await fixture<CifCallControls>(
        html`<cif-call-controls state="connected" disabled></cif-call-controls>`,
      );
      el.addEventListener('cif-mute-change', spy);
      control(el, 'mute').click();
      expect(control(el, 'mute').getAttribute('aria-disabled')).to.equal('true');
      expect(control(el, 'mute').hasAttribute('aria-describedby')).to.equal(false);
      el.disabled = false;
      el.readOnly = true;
      await el.updateComplete;
      control(el, 'mute').click();
      const why = control(el, 'mute').getAttribute('aria-describedby')!;
      expect($(el, `#${why}`)!.textContent).to.equal('Another window is handling this call');
      el.readOnly = false;
      await el.updateComplete;
      const button = control(el, 'mute');
      el.remove();
      button.click();
      expect(spy.called).to.equal(false);
    });
  });

  describe("bound to core's call store", () => {
    it('follows the store: every control sends its command once and shows the result', async () => {
      const { el, provider, store, id } = await connected();
      stores.push(store);
      expect(el.matches(':state(connected)')).to.equal(true);
      expect(toolbarKeys(el)).to.deep.equal(['mute', 'hold', 'transfer', 'record', 'end']);
      control(el, 'mute').click();
      await waitUntil(() => control(el, 'mute').getAttribute('aria-pressed') === 'true');
      expect(provider.actionsOf('setMuted').map((a) => a.args)).to.deep.equal([[id, true]]);
      control(el, 'hold').click();
      await waitUntil(() => el.matches(':state(held)'));
      expect(control(el, 'hold').getAttribute('aria-pressed')).to.equal('true');
      expect($(el, '[part=hold-timer]') !== null).to.equal(true);
      control(el, 'hold').click();
      await waitUntil(() => el.matches(':state(connected)'));
      control(el, 'record').click();
      await waitUntil(() => store.getCall(id)?.recording === 'recording');
      await settle(el);
      expect(control(el, 'record').getAttribute('aria-pressed')).to.equal('true');
      control(el, 'record').click();
      await waitUntil(() => store.getCall(id)?.recording === 'paused');
      await settle(el);
      expect(text(el, '[part=recording]')).to.equal('Recording paused');
      control(el, 'end').click();
      await waitUntil(() => el.matches(':state(wrap-up)'));
      expect(provider.actionsOf('setHeld').map((a) => a.args)).to.deep.equal([
        [id, true],
        [id, false],
      ]);
      expect(provider.actionsOf('startRecording')).to.have.length(1);
      expect(provider.actionsOf('pauseRecording')).to.have.length(1);
      expect(provider.actionsOf('hangUp')).to.have.length(1);
    });

    it('shows a pending state while a command is in flight and never sends it twice', async () => {
      const { el, provider, store } = await connected({ latencyMs: 80 });
      stores.push(store);
      const mute = control(el, 'mute');
      mute.click();
      mute.click();
      await el.updateComplete;
      expect(el.matches(':state(pending)')).to.equal(true);
      expect(mute.classList.contains('pending')).to.equal(true);
      expect(mute.getAttribute('aria-disabled')).to.equal('true');
      expect(control(el, 'hold').getAttribute('aria-disabled')).to.equal('true');
      const why = control(el, 'hold').getAttribute('aria-describedby')!;
      expect($(el, `#${why}`)!.textContent).to.equal('Waiting for the phone system');
      expect(control(el, 'end').getAttribute('aria-disabled'), 'end stays on').to.equal('false');
      control(el, 'hold').click();
      await waitUntil(() => !el.matches(':state(pending)'), 'the command settles', {
        timeout: 2000,
      });
      expect(provider.actionsOf('setMuted')).to.have.length(1);
      expect(provider.actionsOf('setHeld')).to.have.length(0);
      expect(mute.getAttribute('aria-pressed')).to.equal('true');
    });

    it('lets End interrupt a command that hangs', async () => {
      const { el, provider, store } = await connected();
      stores.push(store);
      provider.failNext('setHeld', 'hang');
      control(el, 'hold').click();
      await el.updateComplete;
      expect(el.matches(':state(pending)')).to.equal(true);
      control(el, 'mute').click();
      control(el, 'end').click();
      await waitUntil(() => el.matches(':state(wrap-up)'), 'ended while hold hung');
      expect(provider.actionsOf('hangUp')).to.have.length(1);
      expect(provider.actionsOf('setMuted')).to.have.length(0);
    });

    it('shows a failed command without throwing, and announces it', async () => {
      const { el, provider, store } = await connected();
      stores.push(store);
      provider.failNext('setHeld');
      control(el, 'hold').click();
      await waitUntil(() => $(el, '[part=error]'));
      expect(text(el, '[part=error]')).to.equal('Hold did not work. Try again.');
      await aTimeout(60);
      expect(polite()).to.equal('Hold did not work. Try again.');
      expect(el.matches(':state(connected)')).to.equal(true);
      await store.hangUp(store.getSnapshot().activeCallId!);
      await waitUntil(() => el.matches(':state(wrap-up)'));
      expect($(el, '[part=error]') === null, 'the failure is no longer news').to.equal(true);
    });

    it('hides controls the provider cannot perform', async () => {
      const few: Partial<ProviderCapabilities> = {
        canMute: true,
        canHold: false,
        canTransfer: false,
        canConsult: false,
        canRecord: false,
        canSendDtmf: false,
      };
      const { el, store, provider } = await connected({ capabilities: few });
      stores.push(store);
      expect(toolbarKeys(el)).to.deep.equal(['mute', 'end']);
      provider.setCapabilities({ canRecord: true, canConsult: true });
      await settle(el);
      expect(toolbarKeys(el)).to.deep.equal(['mute', 'transfer', 'record', 'end']);
      el.capabilities = { canRecord: true };
      await el.updateComplete;
      expect(toolbarKeys(el), 'the property further limits').to.deep.equal(['record', 'end']);
      await expect(el).to.be.accessible();
    });

    it('turns record off while recording when the provider cannot pause', async () => {
      const { el, store, id } = await connected({ capabilities: { canPauseRecording: false } });
      stores.push(store);
      await store.startRecording(id);
      await settle(el);
      const record = control(el, 'record');
      expect(record.getAttribute('aria-disabled')).to.equal('true');
      const why = record.getAttribute('aria-describedby')!;
      expect($(el, `#${why}`)!.textContent).to.equal('Recording cannot be paused');
    });

    it('is read-only while another tab owns the calls', async () => {
      const el = await fixture<CifCallControls>(html`<cif-call-controls></cif-call-controls>`);
      const store = fakeStore({
        readOnly: true,
        capabilities: { canMute: true },
        calls: [{ id: 'a', state: 'connected', answeredAt: Date.now(), consultFor: null }],
      });
      el.store = store;
      await settle(el);
      control(el, 'mute').click();
      control(el, 'end').click();
      expect(store.setMuted.called || store.hangUp.called).to.equal(false);
      expect(control(el, 'end').getAttribute('aria-disabled')).to.equal('true');
    });

    it('consults, swaps, merges into a conference and ends', async () => {
      const { el, provider, store, id } = await connected();
      stores.push(store);
      const transfers: string[] = [];
      el.addEventListener('cif-transfer', (event: CifTransferEvent) =>
        transfers.push(event.detail.action),
      );
      control(el, 'transfer').click();
      const form = await panel(el, 'transfer');
      expect(control(el, 'transfer').getAttribute('aria-expanded')).to.equal('true');
      expect(control(el, 'transfer').getAttribute('aria-controls')).to.equal('transfer');
      expect(form.id).to.equal('transfer');
      await expect(el).to.be.accessible();
      form.querySelector('input')!.focus();
      await sendKeys({ type: '+16195550100' });
      expect(el.transferTarget).to.equal('+16195550100');
      action(el, 'Consult first').click();
      await panel(el, 'consult');
      await waitUntil(() =>
        store.getSnapshot().calls.some((c) => c.consultFor === id && c.state === 'connected'),
      );
      await settle(el);
      expect(text(el, '#consulting')).to.equal('Consulting +16195550100');
      expect($(el, '[part=transfer]') === null, 'the panel closes').to.equal(true);
      expect(el.matches(':state(consulting)')).to.equal(true);
      expect(control(el, 'transfer').getAttribute('aria-disabled')).to.equal('true');
      expect($(el, '[part=hold-timer]') !== null, 'the caller waits on hold').to.equal(true);
      await expect(el).to.be.accessible();
      const leg = store.getSnapshot().calls.find((c) => c.consultFor === id)!;
      action(el, 'Swap').click();
      await waitUntil(() => store.getCall(id)?.state === 'connected');
      expect(store.getCall(leg.id)?.state).to.equal('held');
      action(el, 'Merge').click();
      await waitUntil(() => el.matches(':state(conference)'));
      expect(text(el, '[part=conference]')).to.equal('Conference');
      expect($(el, '[part=consult]') === null).to.equal(true);
      expect(store.getCall(id)?.merged).to.deep.equal(['+16195550100']);
      control(el, 'end').click();
      await waitUntil(() => el.matches(':state(wrap-up)'));
      expect(transfers).to.deep.equal(['consult', 'swap', 'merge']);
      expect(provider.actionsOf('consult')).to.have.length(1);
      expect(provider.actionsOf('merge')).to.have.length(1);
    });

    it('consults and completes the transfer, then wraps up into the call record', async () => {
      const { el, provider, store, id } = await connected();
      stores.push(store);
      el.dispositions = ['Resolved', { value: 'callback', label: 'Call back' }];
      el.transferTarget = 'Sales desk';
      control(el, 'transfer').click();
      await panel(el, 'transfer');
      action(el, 'Consult first').click();
      await panel(el, 'consult');
      await waitUntil(() =>
        store.getSnapshot().calls.some((c) => c.consultFor === id && c.state === 'connected'),
      );
      action(el, 'Complete transfer').click();
      const form = await panel(el, 'wrap-up');
      expect(provider.actionsOf('completeTransfer')).to.have.length(1);
      expect(store.getCall(id)?.endReason).to.equal('transferred');
      expect(form.getAttribute('aria-label')).to.equal('Wrap-up');
      await expect(el).to.be.accessible();
      const select = form.querySelector('select')!;
      select.value = 'callback';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      expect(store.getCall(id)?.disposition, 'saved as it changes').to.equal('callback');
      form.querySelector('textarea')!.focus();
      await sendKeys({ type: 'Wants a quote <b>by Friday</b>' });
      const completed = oneEvent<CifWrapUpCompleteEvent>(el, 'cif-wrap-up-complete');
      action(el, 'Complete').click();
      const event = await completed;
      expect(event.detail).to.deep.equal({
        callId: id,
        disposition: 'callback',
        notes: 'Wants a quote <b>by Friday</b>',
      });
      await waitUntil(() => store.getSnapshot().history.some((c) => c.id === id));
      const record = store.getSnapshot().history.find((c) => c.id === id)!;
      expect(record.disposition).to.equal('callback');
      expect(record.notes).to.equal('Wants a quote <b>by Friday</b>');
      expect(record.wrapUp?.completedAt).to.be.a('number');
      await settle(el);
      expect(el.shadowRoot!.children.length, 'idle again').to.equal(0);
    });

    it('moves focus to the consult bar when the panel that started it goes away', async () => {
      const { el, store, id } = await connected();
      stores.push(store);
      control(el, 'transfer').focus();
      await sendKeys({ press: 'Enter' });
      const form = await panel(el, 'transfer');
      form.querySelector('input')!.focus();
      await sendKeys({ type: '2001' });
      action(el, 'Consult first').focus();
      await sendKeys({ press: 'Enter' });
      await panel(el, 'consult');
      await waitUntil(() => store.getCall(id)?.transfer?.status === 'consulting');
      await waitUntil(() => el.shadowRoot!.activeElement === action(el, 'Swap'), 'focus on Swap');
    });

    it('cancels a consult and returns to the caller', async () => {
      const { el, provider, store, id } = await connected();
      stores.push(store);
      await store.consult(id, '+16195550100');
      await panel(el, 'consult');
      await waitUntil(() =>
        store.getSnapshot().calls.some((c) => c.consultFor === id && c.state === 'connected'),
      );
      action(el, 'Cancel consult').click();
      await waitUntil(() => store.getCall(id)?.state === 'connected');
      await settle(el);
      expect($(el, '[part=consult]') === null).to.equal(true);
      expect(provider.actionsOf('hangUp')).to.have.length(1);
      expect(el.matches(':state(connected)')).to.equal(true);
    });

    it('transfers blind to a typed target, and asks for one when empty', async () => {
      const { el, provider, store, id } = await connected();
      stores.push(store);
      control(el, 'transfer').click();
      const form = await panel(el, 'transfer');
      action(el, 'Transfer now').click();
      await el.updateComplete;
      expect(text(el, '[part=error]')).to.equal('Enter a number or name');
      expect(provider.actionsOf('transfer')).to.have.length(0);
      form.querySelector('input')!.focus();
      await sendKeys({ type: '2001' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => el.matches(':state(wrap-up)'));
      expect(provider.actionsOf('transfer').map((a) => a.args)).to.deep.equal([[id, '2001']]);
      expect(el.transferTarget).to.equal('');
    });

    it('reads a slotted target picker', async () => {
      const { el, provider, store, id } = await connected(
        {},
        html`<cif-call-controls style="inline-size: 480px">
          <select slot="transfer-target" aria-label="Directory">
            <option value="">Choose</option>
            <option value="sip:sales@contoso.com">Sales</option>
          </select>
        </cif-call-controls>`,
      );
      stores.push(store);
      control(el, 'transfer').click();
      const form = await panel(el, 'transfer');
      const slot = form.querySelector('slot')!;
      expect(
        slot.assignedElements()[0]?.localName,
        'the picker replaces the number field',
      ).to.equal('select');
      const picker = el.querySelector('select')!;
      picker.value = 'sip:sales@contoso.com';
      picker.dispatchEvent(new Event('change', { bubbles: true }));
      expect(el.transferTarget).to.equal('sip:sales@contoso.com');
      action(el, 'Transfer now').click();
      await waitUntil(() => provider.actionsOf('transfer').length === 1);
      expect(provider.actionsOf('transfer')[0]!.args).to.deep.equal([id, 'sip:sales@contoso.com']);
    });

    it('closes the transfer panel with Cancel and Escape, focus back on Transfer', async () => {
      const { el, store } = await connected();
      stores.push(store);
      control(el, 'transfer').click();
      await panel(el, 'transfer');
      action(el, 'Cancel').click();
      await settle(el);
      expect($(el, '[part=transfer]') === null).to.equal(true);
      expect(el.shadowRoot!.activeElement === control(el, 'transfer')).to.equal(true);
      control(el, 'transfer').click();
      const form = await panel(el, 'transfer');
      form.querySelector('input')!.focus();
      await sendKeys({ press: 'Escape' });
      await settle(el);
      expect($(el, '[part=transfer]') === null).to.equal(true);
      expect(el.shadowRoot!.activeElement === control(el, 'transfer')).to.equal(true);
    });

    it('reads quality from the call context', async () => {
      const { el, store, id } = await connected();
      stores.push(store);
      await store.annotate(id, { context: { quality: 'fair', mos: 3.4 } });
      await settle(el);
      expect($(el, '[part=quality]')!.getAttribute('aria-label')).to.equal(
        'Call quality fair, MOS 3.4',
      );
    });

    it('unsubscribes on disconnect and binds again on reconnect', async () => {
      const store = fakeStore({ calls: [] });
      const el = await fixture<CifCallControls>(html`<cif-call-controls></cif-call-controls>`);
      el.store = store;
      await el.updateComplete;
      expect(store.listenerCount).to.equal(1);
      const parent = el.parentElement!;
      el.remove();
      expect(store.listenerCount).to.equal(0);
      parent.append(el);
      expect(store.listenerCount).to.equal(1);
      store.set({
        capabilities: { canMute: true },
        calls: [{ id: 'a', state: 'connected', consultFor: null }],
      });
      await settle(el);
      expect(toolbarKeys(el)).to.deep.equal(['mute', 'end']);
      el.store = undefined;
      await el.updateComplete;
      expect(store.listenerCount).to.equal(0);
    });

    it('uses a custom selector and survives a throwing one or a throwing snapshot', async () => {
      const warn = sinon.stub(console, 'warn');
      const store = fakeStore({ line: 'talking' });
      const el = await fixture<CifCallControls>(html`<cif-call-controls></cif-call-controls>`);
      el.storeSelector = (s) => ({
        state: (s as { line: string }).line === 'talking' ? 'connected' : 'idle',
        callId: 'x',
      });
      el.store = store;
      await settle(el);
      expect(el.matches(':state(connected)')).to.equal(true);
      control(el, 'mute').click();
      await aTimeout(0);
      expect(store.setMuted.calledWith('x', true)).to.equal(true);
      el.storeSelector = () => {
        throw new Error('bad selector');
      };
      store.set({ line: 'other' });
      await settle(el);
      expect(el.matches(':state(idle)')).to.equal(true);
      expect(warn.calledWithMatch(sinon.match('storeSelector'))).to.equal(true);
      el.store = {
        getSnapshot() {
          throw new Error('boom');
        },
        subscribe: () => undefined as unknown as () => void,
      };
      await settle(el);
      expect(el.matches(':state(idle)')).to.equal(true);
    });
  });

  describe('timers', () => {
    it('counts mm:ss, then h:mm:ss; the hold timer counts the hold', async () => {
      const clock = sinon.useFakeTimers({
        now: T0,
        toFake: ['setTimeout', 'clearTimeout', 'Date'],
        shouldClearNativeTimers: true,
      });
      const el = await fixture<CifCallControls>(
        html`<cif-call-controls state="connected" call-start=${T0}></cif-call-controls>`,
      );
      expect(text(el, '[part=timer] time')).to.equal('00:00');
      clock.tick(65_000);
      await el.updateComplete;
      expect(text(el, '[part=timer] time')).to.equal('01:05');
      clock.tick(3600_000);
      await el.updateComplete;
      expect(text(el, '[part=timer] time')).to.equal('1:01:05');
      el.state = 'held';
      el.holdStart = Date.now();
      clock.tick(42_000);
      await el.updateComplete;
      expect(text(el, '[part=hold-timer] time')).to.equal('00:42');
      expect(text(el, '[part=timer] time')).to.equal('1:01:47');
      clock.tick(100); // the announcement
      el.remove();
      expect(clock.countTimers(), 'no timer left after disconnect').to.equal(0);
    });

    it('counts wrap-up up, or down to its deadline; a fixed clock freezes', async () => {
      const clock = sinon.useFakeTimers({
        now: T0,
        toFake: ['setTimeout', 'clearTimeout', 'Date'],
        shouldClearNativeTimers: true,
      });
      const el = await fixture<CifCallControls>(
        html`<cif-call-controls state="wrap-up" wrap-up-start=${T0}></cif-call-controls>`,
      );
      clock.tick(30_000);
      await el.updateComplete;
      expect(text(el, '[part=timer]')).to.equal('Wrap-up 00:30');
      el.wrapUpDeadline = T0 + 60_000;
      clock.tick(1000);
      await el.updateComplete;
      expect(text(el, '[part=timer]')).to.equal('Ends in 00:29');
      el.now = () => T0;
      clock.tick(5000);
      await el.updateComplete;
      expect(text(el, '[part=timer]')).to.equal('Ends in 01:00');
    });

    it("uses the store's times: answeredAt, heldSince and wrap-up", async () => {
      const clock = sinon.useFakeTimers({
        now: T0,
        toFake: ['setTimeout', 'clearTimeout', 'Date'],
        shouldClearNativeTimers: true,
      });
      const provider = new SimulatedProvider();
      const store = createCallStore({
        provider,
        storage: null,
        ownership: false,
        wrapUp: { durationMs: 60_000 },
      });
      stores.push(store);
      const id = provider.ring('+16195550129');
      await store.answer(id);
      const el = await fixture<CifCallControls>(html`<cif-call-controls></cif-call-controls>`);
      el.store = store;
      await el.updateComplete;
      clock.tick(10_000);
      await el.updateComplete;
      expect(text(el, '[part=timer] time')).to.equal('00:10');
      await store.setHeld(id, true);
      clock.tick(5_000);
      await el.updateComplete;
      expect(text(el, '[part=hold-timer] time')).to.equal('00:05');
      await store.hangUp(id);
      clock.tick(15_000);
      await el.updateComplete;
      expect(text(el, '[part=timer]')).to.equal('Ends in 00:45');
    });
  });

  describe('keyboard', () => {
    it('moves along the toolbar with arrows, Home and End (one tab stop), mirrored in RTL', async () => {
      const el = await fixture<CifCallControls>(
        html`<cif-call-controls state="connected" style="inline-size: 480px"></cif-call-controls>`,
      );
      control(el, 'mute').focus();
      const active = () => (el.shadowRoot!.activeElement as HTMLElement).dataset.key;
      await sendKeys({ press: 'ArrowRight' });
      expect(active()).to.equal('hold');
      await el.updateComplete;
      expect(control(el, 'hold').tabIndex).to.equal(0);
      expect(control(el, 'mute').tabIndex).to.equal(-1);
      await sendKeys({ press: 'End' });
      expect(active()).to.equal('end');
      await sendKeys({ press: 'ArrowRight' });
      expect(active(), 'wraps').to.equal('mute');
      await sendKeys({ press: 'ArrowLeft' });
      expect(active()).to.equal('end');
      await sendKeys({ press: 'Home' });
      expect(active()).to.equal('mute');
      el.setAttribute('dir', 'rtl');
      await settle(el);
      await sendKeys({ press: 'ArrowLeft' });
      expect(active(), 'left is next in RTL').to.equal('hold');
    });

    it('keeps focus on the control after its state changes', async () => {
      const { el, store } = await connected();
      stores.push(store);
      control(el, 'mute').focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => control(el, 'mute').getAttribute('aria-pressed') === 'true');
      expect(el.shadowRoot!.activeElement === control(el, 'mute')).to.equal(true);
      control(el, 'hold').focus();
      await sendKeys({ press: 'Space' });
      await waitUntil(() => el.matches(':state(held)'));
      expect(el.shadowRoot!.activeElement === control(el, 'hold')).to.equal(true);
    });

    it('moves focus into wrap-up when the focused End button goes away', async () => {
      const { el, store } = await connected();
      stores.push(store);
      control(el, 'end').focus();
      await sendKeys({ press: 'Enter' });
      await panel(el, 'wrap-up');
      await waitUntil(() => el.shadowRoot!.activeElement?.localName === 'textarea');
    });

    it('runs shortcuts from anywhere in the document; configurable; off when asked', async () => {
      const { el, provider, store } = await connected();
      stores.push(store);
      const outside = document.createElement('input');
      document.body.append(outside);
      outside.focus();
      expect(control(el, 'mute').getAttribute('aria-keyshortcuts')).to.equal('Alt+Shift+M');
      await chord('Alt', 'Shift', 'KeyM');
      await waitUntil(() => provider.actionsOf('setMuted').length === 1);
      await chord('Alt', 'Shift', 'KeyH');
      await waitUntil(() => provider.actionsOf('setHeld').length === 1);
      el.shortcuts = { mute: 'Control+Alt+9', hold: null };
      await el.updateComplete;
      expect(control(el, 'mute').getAttribute('aria-keyshortcuts')).to.equal('Control+Alt+9');
      expect(control(el, 'hold').hasAttribute('aria-keyshortcuts')).to.equal(false);
      await chord('Alt', 'Shift', 'KeyH');
      await chord('Control', 'Alt', 'Digit9');
      await waitUntil(() => provider.actionsOf('setMuted').length === 2);
      expect(provider.actionsOf('setHeld')).to.have.length(1);
      el.shortcutsDisabled = true;
      await el.updateComplete;
      await chord('Alt', 'Shift', 'KeyR');
      await aTimeout(20);
      expect(provider.actionsOf('startRecording')).to.have.length(0);
      expect(document.activeElement === outside, 'focus stays where the agent was').to.equal(true);
      outside.remove();
    });

    it('opens the transfer panel by shortcut with focus in the field; the listener goes on disconnect', async () => {
      const { el, store } = await connected();
      stores.push(store);
      await chord('Alt', 'Shift', 'KeyX');
      await panel(el, 'transfer');
      await waitUntil(() => el.shadowRoot!.activeElement?.localName === 'input');
      const spy = sinon.spy();
      el.addEventListener('cif-hangup', spy);
      const parent = el.parentElement!;
      el.remove();
      await chord('Alt', 'Shift', 'KeyE');
      expect(spy.called).to.equal(false);
      parent.append(el);
    });

    it('leaves Option+Shift characters to a text field (macOS), matching the key code elsewhere', async () => {
      const el = await fixture<CifCallControls>(
        html`<cif-call-controls state="connected"></cif-call-controls>`,
      );
      const mutes = sinon.spy();
      el.addEventListener('cif-mute-change', mutes);
      const press = (target: Element) => {
        const init = { key: 'Â', code: 'KeyM', altKey: true, shiftKey: true };
        const event = new KeyboardEvent('keydown', {
          ...init,
          bubbles: true,
          composed: true,
          cancelable: true,
        });
        target.dispatchEvent(event);
        return event.defaultPrevented;
      };
      const field = document.createElement('textarea');
      document.body.append(field);
      expect(press(field), 'the character is typed').to.equal(false);
      expect(mutes.called).to.equal(false);
      expect(press(document.body)).to.equal(true);
      expect(mutes.calledOnce).to.equal(true);
      field.remove();
    });

    it('announces why a shortcut cannot run', async () => {
      const el = await fixture<CifCallControls>(
        html`<cif-call-controls state="dialing"></cif-call-controls>`,
      );
      const spy = sinon.spy();
      el.addEventListener('cif-hold-change', spy);
      await chord('Alt', 'Shift', 'KeyH');
      await waitUntil(() => polite() === 'Available once the call is connected');
      expect(spy.called).to.equal(false);
    });
  });

  describe('announcements', () => {
    it('announces state changes politely through the shared live region', async () => {
      const { el, store, id } = await connected();
      stores.push(store);
      const heard = (message: string): Promise<void> =>
        waitUntil(() => polite() === message, `announces "${message}"`);
      await store.setMuted(id, true);
      await heard('Microphone muted');
      await store.setMuted(id, false);
      await heard('Microphone on');
      await store.setHeld(id, true);
      await heard('Call on hold');
      await store.setHeld(id, false);
      await heard('Call resumed');
      await store.startRecording(id);
      await heard('Recording');
      await store.annotate(id, { context: { quality: 'poor' } });
      await heard('Call quality is poor');
      await store.hangUp(id);
      await heard('Call ended');
      await store.completeWrapUp(id);
      await heard('Wrap-up complete');
      expect(document.querySelectorAll('[data-cif-announcer]')).to.have.length(2);
      expect(el.shadowRoot!.querySelector('[aria-live]') === null, 'no region of its own').to.equal(
        true,
      );
    });
  });

  describe('layouts', () => {
    afterEach(async () => {
      await setViewport({ width: 800, height: 600 });
    });

    it('has 44 × 44 px targets; compact (icons, tooltips) in a 300 px panel', async () => {
      const wrapper = await fixture<HTMLElement>(
        html`<div style="inline-size: 300px">
          <cif-call-controls state="connected"></cif-call-controls>
        </div>`,
      );
      const el = wrapper.querySelector('cif-call-controls')!;
      await waitUntil(() => el.matches(':state(compact)'));
      await settle(el);
      expect(toolbarKeys(el)).to.deep.equal(['mute', 'hold', 'transfer', 'record', 'end']);
      for (const button of el.shadowRoot!.querySelectorAll('[part~=control]')) {
        const box = button.getBoundingClientRect();
        expect(box.width, 'width').to.be.at.least(44);
        expect(box.height, 'height').to.be.at.least(44);
      }
      const label = control(el, 'hold').querySelector('[part=label]')!;
      expect(getComputedStyle(label).visibility).to.equal('hidden');
      control(el, 'hold').focus();
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'ArrowLeft' });
      expect(getComputedStyle(label).visibility, 'the tooltip shows on focus').to.equal('visible');
      await expect(el).to.be.accessible();
    });

    it('shows labels in the toolbar layout and moves what does not fit into a More menu', async () => {
      const wrapper = await fixture<HTMLElement>(
        html`<div style="inline-size: 300px">
          <cif-call-controls state="connected" layout="toolbar"></cif-call-controls>
        </div>`,
      );
      const el = wrapper.querySelector('cif-call-controls')!;
      await waitUntil(() => toolbarKeys(el).includes('more'));
      expect(toolbarKeys(el)).to.deep.equal(['mute', 'hold', 'more', 'end']);
      expect(el.matches(':state(compact)')).to.equal(false);
      const more = control(el, 'more');
      control(el, 'hold').focus();
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(more.tabIndex, 'More keeps the tab stop once focused').to.equal(0);
      expect(more.getAttribute('aria-label')).to.equal('More controls');
      const menu = $(el, '[part=menu]')!;
      expect(more.popoverTargetElement === menu).to.equal(true);
      more.click();
      expect(menu.matches(':popover-open')).to.equal(true);
      const items = [...menu.querySelectorAll<HTMLButtonElement>('button')];
      expect(items.map((b) => b.dataset.key)).to.deep.equal(['transfer', 'record']);
      await expect(el).to.be.accessible();
      const heard = oneEvent(el, 'cif-record-change');
      items[1]!.click();
      await heard;
      expect(menu.matches(':popover-open'), 'the menu closes').to.equal(false);
      el.layout = 'compact';
      await waitUntil(() => !toolbarKeys(el).includes('more'));
    });
  });

  describe('keypad', () => {
    it('uses the keypad slot when <cif-dialpad> is not defined', async () => {
      const el = await fixture<CifCallControls>(
        html`<cif-call-controls state="connected" style="inline-size: 480px">
          <div slot="keypad" id="vendor-pad">pad</div>
        </cif-call-controls>`,
      );
      await waitUntil(() => toolbarKeys(el).includes('keypad'));
      const keypad = control(el, 'keypad');
      expect(keypad.getAttribute('aria-expanded')).to.equal('false');
      expect($(el, '#keypad')!.hidden).to.equal(true);
      keypad.click();
      await el.updateComplete;
      expect(keypad.getAttribute('aria-expanded')).to.equal('true');
      expect(keypad.getAttribute('aria-controls')).to.equal('keypad');
      expect($(el, '#keypad')!.hidden).to.equal(false);
      el.state = 'held';
      await el.updateComplete;
      expect($(el, '#keypad')!.hidden, 'no tones while on hold').to.equal(true);
      expect(keypad.getAttribute('aria-disabled')).to.equal('true');
      el.querySelector('#vendor-pad')!.remove();
      await waitUntil(() => !toolbarKeys(el).includes('keypad'));
    });
  });

  describe('theme, direction and locale', () => {
    it('mirrors the transfer icon only in RTL and speaks Arabic', async () => {
      const el = await fixture<CifCallControls>(
        html`<cif-call-controls lang="ar" dir="rtl" state="connected"></cif-call-controls>`,
      );
      await settle(el);
      expect(el.matches(':state(rtl)')).to.equal(true);
      expect($(el, '[role=toolbar]')!.getAttribute('aria-label')).to.equal(
        'عناصر التحكم في المكالمة',
      );
      const transform = (key: string) =>
        getComputedStyle(control(el, key).querySelector('svg')!).transform;
      expect(transform('transfer')).to.equal('matrix(-1, 0, 0, 1, 0, 0)');
      expect(transform('hold')).to.equal('none');
      const left = (key: string) => control(el, key).getBoundingClientRect().left;
      expect(left('mute')).to.be.above(left('end'), 'the toolbar flows right to left');
    });

    it('speaks German', async () => {
      const el = await fixture<CifCallControls>(
        html`<cif-call-controls lang="de" state="connected"></cif-call-controls>`,
      );
      expect(control(el, 'end').getAttribute('aria-label')).to.equal('Auflegen');
    });

    it('is accessible in every state in light and dark, LTR and RTL', async function () {
      this.timeout(90_000); // 40 axe runs on a shared machine
      const now = Date.now();
      const states = [
        html`<cif-call-controls state="dialing"></cif-call-controls>`,
        html`<cif-call-controls state="connected" call-start=${now - 9000}></cif-call-controls>`,
        html`<cif-call-controls
          state="connected"
          muted
          recording="recording"
          quality="fair"
          mos="3.6"
        ></cif-call-controls>`,
        html`<cif-call-controls
          state="held"
          hold-start=${now}
          call-start=${now}
        ></cif-call-controls>`,
        html`<cif-call-controls state="connected" pending="hold"></cif-call-controls>`,
        html`<cif-call-controls state="connected" read-only></cif-call-controls>`,
        html`<cif-call-controls
          state="held"
          consult-target="+1 619 555 0100"
          hold-start=${now}
        ></cif-call-controls>`,
        html`<cif-call-controls
          state="connected"
          conference
          quality="poor"
          recording="paused"
        ></cif-call-controls>`,
        html`<cif-call-controls
          state="wrap-up"
          wrap-up-start=${now}
          .dispositions=${['Resolved', 'Call back']}
        ></cif-call-controls>`,
        html`<cif-call-controls
          state="connected"
          layout="compact"
          style="inline-size: 300px"
        ></cif-call-controls>`,
      ];
      for (const dir of ['ltr', 'rtl'] as const) {
        document.documentElement.dir = dir;
        document.documentElement.lang = dir === 'rtl' ? 'ar' : 'en';
        for (const scheme of ['light', 'dark'] as const) {
          await emulate({ 'prefers-color-scheme': scheme });
          for (const template of states) {
            const el = await fixture<CifCallControls>(template);
            await settle(el);
            if (el.consultTarget) await panel(el, 'consult');
            if (el.state === 'wrap-up') await panel(el, 'wrap-up');
            await aTimeout(0);
            await expect(el).to.be.accessible();
          }
        }
      }
    });

    it('is accessible with forced colours, with a visible focus ring', async () => {
      await emulate({ 'prefers-color-scheme': 'dark' });
      const el = await fixture<CifCallControls>(
        html`<cif-call-controls state="connected" muted></cif-call-controls>`,
      );
      control(el, 'mute').focus();
      await sendKeys({ press: 'ArrowRight' });
      const ring = getComputedStyle(control(el, 'hold'));
      expect(ring.outlineStyle).to.equal('solid');
      await emulate({ 'forced-colors': 'active' });
      await expect(el).to.be.accessible();
    });
  });

  // Last: it defines <cif-dialpad> for the rest of this page.
  describe('when <cif-dialpad> is defined later', () => {
    it('shows the keypad control and renders the dialpad in DTMF mode', async () => {
      const el = await fixture<CifCallControls>(
        html`<cif-call-controls state="connected" style="inline-size: 480px"></cif-call-controls>`,
      );
      expect(toolbarKeys(el)).to.not.include('keypad');
      customElements.define('cif-dialpad', class extends HTMLElement {});
      await waitUntil(() => toolbarKeys(el).includes('keypad'), 'the keypad control appears');
      control(el, 'keypad').click();
      await el.updateComplete;
      const pad = $(el, '#keypad > cif-dialpad')!;
      expect(pad.getAttribute('mode')).to.equal('dtmf');
    });
  });
});
