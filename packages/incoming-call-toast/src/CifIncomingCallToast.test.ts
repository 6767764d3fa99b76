import { aTimeout, expect, fixture, html, nextFrame, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import { announcements } from '@cif-elements/base';
import '@cif-elements/base/locales/de.js';
import '@cif-elements/base/locales/ar.js';
import { emulate, resetEmulation } from '../../base/src/test-utils/media.js';
// The real call store of @cif-elements/core, through a relative import: the element itself knows nothing of core.
import { SimulatedProvider, createCallStore } from '../../core/src/calls/index.js';
import './cif-incoming-call-toast.js';
import type { CifIncomingCallToast } from './CifIncomingCallToast.js';
import type { CifAnswerEvent, CifDeclineEvent, CifTimeoutEvent } from './events.js';
import type { ToastCall, ToastStore } from './store.js';

type Toast = CifIncomingCallToast;

const $ = <T extends Element = HTMLElement>(el: Toast, selector: string): T | null =>
  el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: Toast, selector: string): T[] => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];
const answerButton = (el: Toast, index = 0) =>
  $$<HTMLButtonElement>(el, '[part="answer-button"]')[index]!;
const declineButton = (el: Toast, index = 0) =>
  $$<HTMLButtonElement>(el, '[part="decline-button"]')[index]!;
const toasts = (el: Toast) => $$(el, '.toast');
const names = (el: Toast) => $$(el, '[part="name"]').map((n) => n.textContent.trim());
const countdown = (el: Toast) => $(el, '[part="countdown"]')?.textContent.trim() ?? '';

/** A 0.05 s silent WAV, so the audio element has something real to load. */
const SILENCE = (() => {
  const samples = 400;
  const buffer = new ArrayBuffer(44 + samples);
  const view = new DataView(buffer);
  const ascii = (offset: number, text: string) =>
    [...text].forEach((c, i) => view.setUint8(offset + i, c.charCodeAt(0)));
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + samples, true);
  ascii(8, 'WAVEfmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, 8000, true);
  view.setUint32(28, 8000, true);
  view.setUint16(32, 1, true);
  view.setUint16(34, 8, true);
  ascii(36, 'data');
  view.setUint32(40, samples, true);
  for (let i = 0; i < samples; i++) view.setUint8(44 + i, 128);
  return `data:audio/wav;base64,${btoa(String.fromCharCode(...new Uint8Array(buffer)))}`;
})();

/** Waits for the entrance animation (axe measures colours mid-fade otherwise). */
async function accessible(el: Toast): Promise<void> {
  await el.updateComplete;
  const entering = el
    .shadowRoot!.getAnimations()
    .filter((a) => (a as CSSAnimation).animationName === 'enter');
  await Promise.all(entering.map((a) => a.finished.catch(() => undefined)));
  await expect(el).to.be.accessible();
}

/** Presses a key with modifiers held, as a person does. */
async function chord(key: string, ...modifiers: string[]): Promise<void> {
  for (const modifier of modifiers) await sendKeys({ down: modifier });
  await sendKeys({ press: key });
  for (const modifier of modifiers.reverse()) await sendKeys({ up: modifier });
}

async function settle(el: Toast): Promise<void> {
  await el.updateComplete;
  await nextFrame();
  await el.updateComplete;
}

/** Fake timers for the countdown (Date too); microtasks and module loading stay real. */
function fakeClock() {
  return sinon.useFakeTimers({
    now: Date.now(),
    shouldClearNativeTimers: true,
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
  });
}

/** Stubs the audio element: play resolves (or rejects), pause is spied. */
function stubAudio(play: () => Promise<void> = () => Promise.resolve()) {
  return {
    play: sinon.stub(HTMLMediaElement.prototype, 'play').callsFake(play),
    pause: sinon.spy(HTMLMediaElement.prototype, 'pause'),
  };
}

const blocked = () => Promise.reject(new DOMException('autoplay', 'NotAllowedError'));

function fakeStore(initial: unknown) {
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
    answer: sinon.stub<[string], Promise<unknown>>().resolves(undefined),
    decline: sinon.stub<[string], Promise<unknown>>().resolves(undefined),
  };
}

const ringingCall = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  state: 'ringing',
  remoteNumber: '+16195550100',
  displayName: null,
  matches: [],
  createdAt: Date.now(),
  pending: null,
  context: {},
  ...extra,
});

describe('<cif-incoming-call-toast>', () => {
  afterEach(async () => {
    sinon.restore();
    await resetEmulation();
    document.documentElement.lang = 'en';
    document.documentElement.removeAttribute('dir');
  });

  describe('rendering and defaults', () => {
    it('renders one call from attributes, in a labelled region, with buttons named with the caller', async () => {
      stubAudio();
      const el = await fixture<Toast>(
        html`<cif-incoming-call-toast
          muted
          number="+1 619 555 0101"
          caller-name="Jane Doe"
          company="Contoso"
          queue="Billing"
        ></cif-incoming-call-toast>`,
      );
      const region = $(el, '[part="base"]')!;
      expect(region.localName).to.equal('section');
      expect(region.getAttribute('aria-label')).to.equal('Incoming calls');
      const toast = toasts(el)[0]!;
      expect(toast.getAttribute('role')).to.equal('group');
      const labelledBy = toast.getAttribute('aria-labelledby')!.split(' ');
      expect(
        labelledBy.map((id) => el.shadowRoot!.getElementById(id)!.textContent.trim()),
      ).to.deep.equal(['Incoming call', 'Jane Doe']);
      expect($(el, '[part="number"]')!.textContent.trim()).to.equal('+1 619 555 0101');
      expect($(el, '[part="company"]')!.textContent.trim()).to.equal('Contoso');
      expect($(el, '[part="avatar"]')!.textContent.trim()).to.equal('JD');
      expect(answerButton(el).getAttribute('aria-label')).to.equal('Answer call from Jane Doe');
      expect(answerButton(el).textContent.trim()).to.equal('Answer');
      expect(answerButton(el).getAttribute('aria-keyshortcuts')).to.equal('Alt+Shift+Y');
      expect(declineButton(el).getAttribute('aria-label')).to.equal('Decline call from Jane Doe');
      expect(declineButton(el).getAttribute('aria-keyshortcuts')).to.equal('Alt+Shift+N');
      expect($(el, 'dl')!.textContent.replace(/\s+/g, ' ').trim()).to.equal('Queue Billing');
      expect(countdown(el)).to.equal('30 s left');
      expect(el.timeout).to.equal(30);
      expect(el.placement).to.equal('inline');
      expect(el.getAttribute('placement'), 'placement reflects').to.equal('inline');
      expect(el.matches(':state(ringing)')).to.equal(true);
      expect(el.shownCalls.map((c) => c.id)).to.deep.equal(['call']);
      await accessible(el);
    });

    it('takes no space and renders nothing without a call', async () => {
      const el = await fixture<Toast>(html`<cif-incoming-call-toast></cif-incoming-call-toast>`);
      expect(el.matches(':state(empty)')).to.equal(true);
      expect(el.getBoundingClientRect().height).to.equal(0);
      expect($(el, '[part="base"]')).to.equal(null);
      await accessible(el);
    });

    it('shows the formatted number as the name of an unknown caller, or "Unknown caller"', async () => {
      stubAudio();
      const el = await fixture<Toast>(
        html`<cif-incoming-call-toast muted number="+16195550102"></cif-incoming-call-toast>`,
      );
      el.numberFormatter = (n) => n.replace(/^\+1(\d{3})(\d{3})(\d{4})$/, '+1 ($1) $2-$3');
      await el.updateComplete;
      expect(names(el)).to.deep.equal(['+1 (619) 555-0102']);
      expect($(el, '[part="name"] bdi')!.getAttribute('dir')).to.equal('ltr');
      expect($(el, '[part="number"]')).to.equal(null);
      expect($(el, '[part="avatar"] svg'), 'a phone, not initials').to.not.equal(null);
      expect(answerButton(el).getAttribute('aria-label')).to.equal(
        'Answer call from +1 (619) 555-0102',
      );
      el.calls = [{ id: 'anon' }];
      await el.updateComplete;
      expect(names(el)).to.deep.equal(['Unknown caller']);
      await accessible(el);
    });

    it('survives a throwing number formatter', async () => {
      const warn = sinon.stub(console, 'warn');
      const el = await fixture<Toast>(
        html`<cif-incoming-call-toast muted number="+16195550103"></cif-incoming-call-toast>`,
      );
      el.numberFormatter = () => {
        throw new Error('bad formatter');
      };
      await el.updateComplete;
      expect(names(el)).to.deep.equal(['+16195550103']);
      expect(warn.calledWithMatch(sinon.match('numberFormatter threw'))).to.equal(true);
    });

    it('shows a single match by name and company, and several matches with an indicator', async () => {
      const el = await fixture<Toast>(
        html`<cif-incoming-call-toast muted></cif-incoming-call-toast>`,
      );
      el.calls = [
        {
          id: 'one',
          number: '+16195550104',
          matches: [{ name: 'Alex Baker', company: 'Fabrikam', entityName: 'contact' }],
        },
      ];
      await el.updateComplete;
      expect(names(el)).to.deep.equal(['Alex Baker']);
      expect($(el, '[part="company"]')!.textContent.trim()).to.equal('Fabrikam');
      expect($(el, '[part="matches"]')).to.equal(null);
      el.calls = [
        {
          id: 'several',
          number: '+16195550105',
          matches: [{ name: 'Alex Baker' }, { name: 'Alexandra Baker' }, { name: 'A. Baker' }],
        },
      ];
      await el.updateComplete;
      expect(names(el), 'the number, since it is not known which match it is').to.deep.equal([
        '+16195550105',
      ]);
      expect($(el, '[part="matches"]')!.textContent.trim()).to.equal('3 matching records');
      await accessible(el);
    });

    it('shows an avatar picture, falling back to initials when it fails to load', async () => {
      const el = await fixture<Toast>(
        html`<cif-incoming-call-toast muted></cif-incoming-call-toast>`,
      );
      const pixel = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///ywAAAAAAQABAAACAUwAOw==';
      el.calls = [{ id: 'pic', name: 'Pat Kim', avatar: pixel }];
      await el.updateComplete;
      const img = $<HTMLImageElement>(el, '[part="avatar"] img')!;
      expect(img.getAttribute('src')).to.equal(pixel);
      expect(img.alt).to.equal('');
      el.calls = [{ id: 'broken', name: 'Sam Lee', avatar: 'data:image/png;base64,AAAA' }];
      await el.updateComplete;
      await waitUntil(() => !$(el, '[part="avatar"] img'), 'falls back on error');
      expect($(el, '[part="avatar"]')!.textContent.trim()).to.equal('SL');
    });

    it('renders context fields from queue, campaign, IVR choices and custom fields, and a context slot', async () => {
      const el = await fixture<Toast>(
        html`<cif-incoming-call-toast muted
          ><span slot="context">Case CAS-01234</span></cif-incoming-call-toast
        >`,
      );
      el.calls = [
        {
          id: 'ctx',
          name: 'Jane Doe',
          queue: 'Billing',
          campaign: 'Spring renewals',
          ivr: ['Billing', 'Speak to an agent'],
          fields: { 'Account tier': 'Gold', Empty: '' },
        },
      ];
      await el.updateComplete;
      const rows = $$(el, 'dl div').map((row) => [
        row.querySelector('dt')!.textContent,
        row.querySelector('dd')!.textContent,
      ]);
      expect(rows).to.deep.equal([
        ['Queue', 'Billing'],
        ['Campaign', 'Spring renewals'],
        ['IVR choices', 'Billing › Speak to an agent'],
        ['Account tier', 'Gold'],
      ]);
      const slot = $<HTMLSlotElement>(el, 'slot[name="context"]')!;
      expect(slot.assignedElements()[0]!.textContent).to.equal('Case CAS-01234');
      el.calls = [{ id: 'ctx2', name: 'Jane Doe', fields: [{ label: 'Order', value: '42' }] }];
      await el.updateComplete;
      expect($(el, 'dl')!.textContent.replace(/\s+/g, ' ').trim()).to.equal('Order 42');
      await accessible(el);
    });

    it('lets the button labels be overridden, keeping the caller in their names', async () => {
      const el = await fixture<Toast>(
        html`<cif-incoming-call-toast
          muted
          caller-name="Jane Doe"
          answer-label="Accept"
          decline-label="Reject"
        ></cif-incoming-call-toast>`,
      );
      expect(answerButton(el).textContent.trim()).to.equal('Accept');
      expect(answerButton(el).getAttribute('aria-label')).to.equal('Accept, Jane Doe');
      expect(declineButton(el).textContent.trim()).to.equal('Reject');
      expect(declineButton(el).getAttribute('aria-label')).to.equal('Reject, Jane Doe');
      await accessible(el);
    });
  });

  describe('hostile strings', () => {
    const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';

    it('renders names, companies, numbers and fields containing markup as text', async () => {
      const el = await fixture<Toast>(
        html`<cif-incoming-call-toast muted></cif-incoming-call-toast>`,
      );
      el.calls = [
        {
          id: evil,
          name: evil,
          company: `<b>${evil}</b>`,
          number: '<i>+1</i>',
          queue: evil,
          ivr: [evil],
          fields: { [evil]: evil },
          matches: [{ name: evil }, { name: evil }],
          avatar: 'javascript:window.__pwned=1',
        },
      ];
      await settle(el);
      const root = el.shadowRoot!;
      expect(root.querySelector('script, b, i, [onerror]')).to.equal(null);
      expect(root.querySelectorAll('img').length, 'no image from a javascript: URL').to.equal(0);
      expect(names(el)).to.deep.equal([evil]);
      expect($(el, '[part="company"]')!.textContent.trim()).to.equal(`<b>${evil}</b>`);
      expect($(el, 'dd')!.textContent).to.equal(evil);
      expect(answerButton(el).getAttribute('aria-label')).to.equal(`Answer call from ${evil}`);
      expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
      await aTimeout(60);
      expect(announcements().assertive).to.contain(evil);
      expect(document.querySelector('[data-cif-announcer] img')).to.equal(null);
    });

    it('drops avatar URLs that are not http(s), blob or data:image', async () => {
      const el = await fixture<Toast>(
        html`<cif-incoming-call-toast muted></cif-incoming-call-toast>`,
      );
      for (const avatar of [
        'javascript:alert(1)',
        'data:text/html,<script>1</script>',
        'vbscript:x',
      ]) {
        el.calls = [{ id: avatar, name: 'Robin Fox', avatar }];
        await el.updateComplete;
        expect($(el, 'img'), avatar).to.equal(null);
        expect($(el, '[part="avatar"]')!.textContent.trim()).to.equal('RF');
      }
    });
  });

  describe('countdown and timeout', () => {
    it('counts down, then fires cif-timeout once and shows a missed call until dismissed', async () => {
      const clock = fakeClock();
      const el = await fixture<Toast>(
        html`<cif-incoming-call-toast
          muted
          timeout="5"
          caller-name="Timo Out"
        ></cif-incoming-call-toast>`,
      );
      const timeouts = sinon.spy();
      el.addEventListener('cif-timeout', timeouts);
      expect(countdown(el)).to.equal('5 s left');
      expect($(el, '[part="progress"]')!.getAttribute('width')).to.equal('100');
      await clock.tickAsync(1000);
      await el.updateComplete;
      expect(countdown(el)).to.equal('4 s left');
      expect($(el, '[part="progress"]')!.getAttribute('width')).to.equal('80');
      await clock.tickAsync(3999);
      await el.updateComplete;
      expect(countdown(el)).to.equal('1 s left');
      expect(timeouts.called).to.equal(false);
      await clock.tickAsync(1);
      await el.updateComplete;
      expect(timeouts.callCount).to.equal(1);
      const event = timeouts.firstCall.args[0] as CifTimeoutEvent;
      expect(event.detail.callId).to.equal('call');
      expect(event.detail.call.name).to.equal('Timo Out');
      expect(event.bubbles && event.composed).to.equal(true);
      expect(el.matches(':state(missed)')).to.equal(true);
      expect(el.matches(':state(ringing)')).to.equal(false);
      expect($(el, '[part="eyebrow"]')!.textContent.trim()).to.equal('Missed call');
      expect($(el, '[part="answer-button"]')).to.equal(null);
      expect($(el, 'time[part="time"]')).to.not.equal(null);
      await clock.tickAsync(60);
      expect(announcements().polite).to.equal('Missed call from Timo Out');
      await clock.tickAsync(60_000);
      await el.updateComplete;
      expect(timeouts.callCount, 'once').to.equal(1);
      expect(toasts(el)).to.have.length(1);
      const dismiss = $<HTMLButtonElement>(el, '[part="dismiss-button"]')!;
      expect(dismiss.getAttribute('aria-label')).to.equal('Dismiss missed call from Timo Out');
      dismiss.click();
      await el.updateComplete;
      expect(toasts(el)).to.have.length(0);
      expect(el.matches(':state(empty)')).to.equal(true);
    });

    it('runs the countdown from the call’s createdAt, and has none with timeout 0', async () => {
      const clock = fakeClock();
      const el = await fixture<Toast>(
        html`<cif-incoming-call-toast muted></cif-incoming-call-toast>`,
      );
      el.calls = [{ id: 'late', name: 'Lee Late', createdAt: Date.now() - 25_500 }];
      await el.updateComplete;
      expect(countdown(el)).to.equal('5 s left');
      el.timeout = 0;
      await el.updateComplete;
      expect(countdown(el)).to.equal('');
      await clock.tickAsync(120_000);
      await el.updateComplete;
      expect(el.matches(':state(ringing)')).to.equal(true);
      el.timeout = 10;
      await el.updateComplete;
      await clock.tickAsync(0);
      await el.updateComplete;
      expect(el.matches(':state(missed)'), 'already past its deadline').to.equal(true);
    });

    it('shows calls given as missed, and resolves rings from outside', async () => {
      const el = await fixture<Toast>(
        html`<cif-incoming-call-toast muted></cif-incoming-call-toast>`,
      );
      el.calls = [
        { id: 'm', name: 'Mia Missed', missed: true, createdAt: Date.UTC(2025, 0, 1, 9, 30) },
        { id: 'r', name: 'Rae Ringing' },
        { id: 's', name: 'Sol Second' },
      ];
      await el.updateComplete;
      expect(names(el)).to.deep.equal(['Sol Second', 'Rae Ringing', 'Mia Missed']);
      el.resolve('s');
      el.resolve('r', 'missed');
      await el.updateComplete;
      expect(names(el)).to.deep.equal(['Rae Ringing', 'Mia Missed']);
      expect(toasts(el).every((t) => t.matches('[part~="toast-missed"]'))).to.equal(true);
      el.dismiss();
      await el.updateComplete;
      expect(toasts(el)).to.have.length(0);
      el.calls = [];
      await el.updateComplete;
      el.calls = [{ id: 's', name: 'Sol Second' }];
      await el.updateComplete;
      expect(names(el), 'a call listed again rings again').to.deep.equal(['Sol Second']);
    });
  });

  describe('ringtone', () => {
    it('loops the configured file at the volume, and stops the instant the call is answered', async () => {
      const audio = stubAudio();
      const el = await fixture<Toast>(
        html`<cif-incoming-call-toast
          ringtone=${SILENCE}
          volume="0.5"
          caller-name="Rin Gtone"
        ></cif-incoming-call-toast>`,
      );
      el.addEventListener('cif-answer', (event) => event.preventDefault(), { once: true });
      await waitUntil(() => audio.play.called, 'the ring starts');
      const player = audio.play.firstCall.thisValue as HTMLAudioElement;
      expect(player.src).to.equal(SILENCE);
      expect(player.loop).to.equal(true);
      expect(player.volume).to.equal(0.5);
      // A prevented answer leaves the call ringing: the ring stops, then starts again.
      answerButton(el).click();
      expect(audio.pause.calledOn(player), 'stopped at once').to.equal(true);
      await waitUntil(() => audio.play.callCount === 2, 'rings again');
      const second = audio.play.secondCall.thisValue as HTMLAudioElement;
      answerButton(el).click();
      expect(audio.pause.calledOn(second)).to.equal(true);
      await settle(el);
      expect(toasts(el)).to.have.length(0);
      expect(audio.play.callCount).to.equal(2);
    });

    it('does not ring when muted, rings when unmuted, and stops when the element leaves', async () => {
      const audio = stubAudio();
      const el = await fixture<Toast>(
        html`<cif-incoming-call-toast
          muted
          ringtone=${SILENCE}
          caller-name="Mo Muted"
        ></cif-incoming-call-toast>`,
      );
      await aTimeout(50);
      expect(audio.play.called).to.equal(false);
      el.muted = false;
      await waitUntil(() => audio.play.called);
      const player = audio.play.firstCall.thisValue as HTMLAudioElement;
      el.remove();
      expect(audio.pause.calledOn(player)).to.equal(true);
    });

    it('offers a one-click "enable ringtone" when the browser blocks autoplay', async () => {
      const audio = stubAudio(blocked);
      const el = await fixture<Toast>(
        html`<cif-incoming-call-toast
          ringtone=${SILENCE}
          caller-name="Bea Blocked"
        ></cif-incoming-call-toast>`,
      );
      await waitUntil(() => $(el, '[part="enable-sound"]'), 'the affordance appears');
      expect(el.matches(':state(sound-blocked)')).to.equal(true);
      const button = $<HTMLButtonElement>(el, '[part="enable-sound"]')!;
      expect(button.textContent.trim()).to.equal('Enable ringtone');
      await accessible(el);
      audio.play.callsFake(() => Promise.resolve());
      button.click();
      await waitUntil(() => !$(el, '[part="enable-sound"]'), 'the affordance goes');
      expect(audio.play.callCount).to.equal(2);
      expect(el.matches(':state(sound-blocked)')).to.equal(false);
      declineButton(el).click();
      expect(audio.pause.calledOn(audio.play.secondCall.thisValue)).to.equal(true);
    });

    it('falls back to the built-in ring when the file cannot be played', async () => {
      stubAudio(() => Promise.reject(new DOMException('no', 'NotSupportedError')));
      const oscillators = sinon.spy(BaseAudioContext.prototype, 'createOscillator');
      const el = await fixture<Toast>(
        html`<cif-incoming-call-toast
          ringtone=${SILENCE}
          caller-name="Fay Fallback"
        ></cif-incoming-call-toast>`,
      );
      await waitUntil(() => oscillators.called, 'synthesised');
      expect($(el, '[part="enable-sound"]')).to.equal(null);
      const stops = oscillators.returnValues.map((o) => sinon.spy(o, 'stop'));
      declineButton(el).click();
      expect(
        stops.every((stop) => stop.called),
        'stopped at once',
      ).to.equal(true);
    });

    it('synthesises a ring (two tones) or, in call waiting, a quieter single tone', async () => {
      const oscillators = sinon.spy(BaseAudioContext.prototype, 'createOscillator');
      const el = await fixture<Toast>(
        html`<cif-incoming-call-toast caller-name="Syn Thesis"></cif-incoming-call-toast>`,
      );
      await waitUntil(() => oscillators.callCount === 2, 'a two-tone ring');
      expect(oscillators.returnValues.map((o) => o.frequency.value)).to.deep.equal([440, 480]);
      el.callWaiting = true;
      await waitUntil(() => oscillators.callCount === 3, 'the call-waiting tone');
      expect(oscillators.returnValues[2]!.frequency.value).to.equal(440);
      el.remove();
    });

    it('counts a built-in ring whose audio context does not start as blocked', async () => {
      await import('./ringtone.js'); // loaded, so the fake clock does not stall the lazy import
      const clock = fakeClock();
      const state = sinon.stub(BaseAudioContext.prototype, 'state').get(() => 'suspended');
      const resume = sinon
        .stub(AudioContext.prototype, 'resume')
        .callsFake(() => new Promise<void>(() => undefined));
      const el = await fixture<Toast>(
        html`<cif-incoming-call-toast caller-name="Sue Spended"></cif-incoming-call-toast>`,
      );
      await clock.tickAsync(0);
      expect(resume.called, 'asked to resume').to.equal(true);
      await clock.tickAsync(250);
      await el.updateComplete;
      expect($(el, '[part="enable-sound"]')).to.not.equal(null);
      clock.restore();
      state.restore();
      resume.restore();
      const oscillators = sinon.spy(BaseAudioContext.prototype, 'createOscillator');
      $<HTMLButtonElement>(el, '[part="enable-sound"]')!.click();
      await waitUntil(() => oscillators.called, 'rings after the click');
      await waitUntil(() => !$(el, '[part="enable-sound"]'));
      el.remove();
    });
  });

  describe('several calls', () => {
    it('stacks calls newest first, with "+N more" past the limit', async () => {
      const el = await fixture<Toast>(
        html`<cif-incoming-call-toast muted max-visible="3"></cif-incoming-call-toast>`,
      );
      const now = Date.now();
      el.calls = ['Ann', 'Ben', 'Cat', 'Dan', 'Eve'].map((name, i) => ({
        id: name,
        name: `${name} Caller`,
        createdAt: now - 10_000 + i * 1000,
      }));
      await el.updateComplete;
      expect(names(el)).to.deep.equal(['Eve Caller', 'Dan Caller', 'Cat Caller']);
      const more = $<HTMLButtonElement>(el, '[part="more"]')!;
      expect(more.textContent.trim()).to.equal('+2 more');
      expect(more.getAttribute('aria-expanded')).to.equal('false');
      expect(answerButton(el, 1).getAttribute('aria-label')).to.equal(
        'Answer call from Dan Caller',
      );
      await accessible(el);
      more.click();
      await el.updateComplete;
      expect(names(el)).to.have.length(5);
      expect($(el, '[part="more"]')).to.equal(null);
      el.calls = el.calls.slice(0, 2);
      await el.updateComplete;
      expect(names(el)).to.deep.equal(['Ben Caller', 'Ann Caller']);
    });

    it('answers the call whose button was pressed', async () => {
      const el = await fixture<Toast>(
        html`<cif-incoming-call-toast muted></cif-incoming-call-toast>`,
      );
      el.calls = [
        { id: 'a', name: 'First One' },
        { id: 'b', name: 'Second One' },
      ];
      await el.updateComplete;
      setTimeout(() => answerButton(el, 1).click());
      const event = await oneEvent(el, 'cif-answer');
      expect(event.detail.callId).to.equal('a');
      await el.updateComplete;
      expect(names(el)).to.deep.equal(['Second One']);
    });
  });

  describe('call waiting', () => {
    it('is compact, says "Call waiting", and offers hold & answer and end & answer', async () => {
      const el = await fixture<Toast>(
        html`<cif-incoming-call-toast
          muted
          call-waiting
          extras="voicemail hold end"
          caller-name="Wes Waiting"
          queue="Sales"
        ></cif-incoming-call-toast>`,
      );
      expect(el.matches(':state(waiting)')).to.equal(true);
      expect($(el, '[part="eyebrow"]')!.textContent.trim()).to.equal('Call waiting');
      expect($(el, 'dl'), 'no context fields in the compact style').to.equal(null);
      expect($(el, '[part="avatar"]')!.getBoundingClientRect().width).to.equal(32);
      const extras = $$(el, '[part="extra-button"]');
      expect(extras.map((b) => b.getAttribute('aria-label'))).to.deep.equal([
        'Send call from Wes Waiting to voicemail',
        'Hold & answer Wes Waiting',
        'End & answer Wes Waiting',
      ]);
      await accessible(el);
      setTimeout(() => extras[2]!.click());
      const answer = await oneEvent(el, 'cif-answer');
      expect(answer.detail.action).to.equal('end-and-answer');
      await aTimeout(60);
      expect(announcements().assertive).to.equal('Call waiting: Wes Waiting');
    });

    it('offers no extras without a store unless asked, and hold/end only in call waiting', async () => {
      const el = await fixture<Toast>(
        html`<cif-incoming-call-toast muted caller-name="Ned Extras"></cif-incoming-call-toast>`,
      );
      expect($$(el, '[part="extra-button"]')).to.have.length(0);
      el.extras = 'hold end voicemail';
      await el.updateComplete;
      expect($$(el, '[part="extra-button"]').map((b) => b.textContent.trim())).to.deep.equal([
        'Voicemail',
      ]);
      setTimeout(() => $<HTMLButtonElement>(el, '[part="extra-button"]')!.click());
      const event = await oneEvent(el, 'cif-decline');
      expect(event.detail.action).to.equal('voicemail');
    });
  });

  describe('keyboard shortcuts', () => {
    it('answers with Alt+Shift+Y and declines with Alt+Shift+N wherever focus is, without typing', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div>
          <textarea aria-label="Notes"></textarea>
          <cif-incoming-call-toast muted></cif-incoming-call-toast>
        </div>`,
      );
      const el = wrapper.querySelector('cif-incoming-call-toast')!;
      const notes = wrapper.querySelector('textarea')!;
      el.calls = [
        { id: 'older', name: 'Olive Older', createdAt: Date.now() - 1000 },
        { id: 'newer', name: 'Nina Newer', createdAt: Date.now() },
      ];
      await el.updateComplete;
      notes.focus();
      await sendKeys({ type: 'hello' });
      const answers = sinon.spy();
      const declines = sinon.spy();
      el.addEventListener('cif-answer', answers);
      el.addEventListener('cif-decline', declines);
      await chord('KeyY', 'Alt', 'Shift');
      expect(answers.callCount).to.equal(1);
      const answer = answers.firstCall.args[0] as CifAnswerEvent;
      expect(answer.detail).to.include({ callId: 'newer', action: 'answer', source: 'shortcut' });
      expect(document.activeElement, 'focus stays').to.equal(notes);
      await el.updateComplete;
      await chord('KeyN', 'Alt', 'Shift');
      expect(declines.callCount).to.equal(1);
      expect((declines.firstCall.args[0] as CifDeclineEvent).detail.callId).to.equal('older');
      await el.updateComplete;
      await chord('KeyN', 'Alt', 'Shift');
      expect(declines.callCount, 'nothing left to decline').to.equal(1);
      expect(notes.value, 'the shortcuts typed nothing').to.equal('hello');
      expect(document.activeElement).to.equal(notes);
    });

    it('gives focus back to where the agent came from when the focused toast closes', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div>
          <input aria-label="Search" />
          <cif-incoming-call-toast muted></cif-incoming-call-toast>
        </div>`,
      );
      const el = wrapper.querySelector('cif-incoming-call-toast')!;
      const search = wrapper.querySelector('input')!;
      el.calls = [
        { id: 'f1', name: 'Fern Focus', createdAt: Date.now() - 1000 },
        { id: 'f2', name: 'Finn Focus', createdAt: Date.now() },
      ];
      await el.updateComplete;
      search.focus();
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement === answerButton(el), 'on Finn’s answer').to.equal(true);
      const finnAnswer = answerButton(el);
      el.calls = [...el.calls, { id: 'f3', name: 'Gil Later', createdAt: Date.now() + 1 }];
      await el.updateComplete;
      expect(names(el)).to.deep.equal(['Gil Later', 'Finn Focus', 'Fern Focus']);
      expect(el.shadowRoot!.activeElement === finnAnswer, 'focus stays on Finn').to.equal(true);
      expect(finnAnswer.getAttribute('aria-label')).to.equal('Answer call from Finn Focus');
      el.calls = el.calls.filter((call) => call.id !== 'f3');
      await el.updateComplete;
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(names(el)).to.deep.equal(['Fern Focus']);
      expect(document.activeElement === search, 'back in the search field').to.equal(true);
      expect(el.shadowRoot!.activeElement === null, 'not on the next caller').to.equal(true);
    });

    it('takes configured shortcuts, can be switched off, and stops listening when removed', async () => {
      const el = await fixture<Toast>(
        html`<cif-incoming-call-toast
          muted
          caller-name="Kay Keys"
          answer-shortcut="Control+Alt+Enter"
          decline-shortcut="none"
        ></cif-incoming-call-toast>`,
      );
      expect(answerButton(el).getAttribute('aria-keyshortcuts')).to.equal('Alt+Control+Enter');
      expect(declineButton(el).hasAttribute('aria-keyshortcuts')).to.equal(false);
      const answers = sinon.spy();
      const declines = sinon.spy();
      el.addEventListener('cif-answer', answers);
      el.addEventListener('cif-decline', declines);
      await chord('KeyY', 'Alt', 'Shift');
      await chord('KeyN', 'Alt', 'Shift');
      expect(answers.called || declines.called).to.equal(false);
      el.answerShortcut = 'F8';
      el.declineShortcut = 'Shift+F8';
      await el.updateComplete;
      const parent = el.parentElement!;
      el.remove();
      await sendKeys({ press: 'F8' });
      expect(answers.called, 'no listener while disconnected').to.equal(false);
      parent.append(el);
      await el.updateComplete;
      await chord('F8', 'Shift');
      expect(declines.callCount).to.equal(1);
    });

    it('warns once about a shortcut it does not understand', async () => {
      const warn = sinon.stub(console, 'warn');
      const el = await fixture<Toast>(
        html`<cif-incoming-call-toast
          muted
          caller-name="Wu Warn"
          answer-shortcut="Hyper+Y"
        ></cif-incoming-call-toast>`,
      );
      expect(answerButton(el).hasAttribute('aria-keyshortcuts')).to.equal(false);
      expect(warn.calledWithMatch(sinon.match('Hyper+Y'))).to.equal(true);
    });
  });

  describe('intent events', () => {
    it('fires cancelable, bubbling, composed cif-answer and cif-decline; prevented, the toast stays', async () => {
      const el = await fixture<Toast>(
        html`<cif-incoming-call-toast muted caller-name="Eva Events"></cif-incoming-call-toast>`,
      );
      let event: CifAnswerEvent | undefined;
      el.addEventListener(
        'cif-answer',
        (e) => {
          event = e;
          e.preventDefault();
        },
        { once: true },
      );
      answerButton(el).click();
      expect(event!.bubbles && event!.composed && event!.cancelable).to.equal(true);
      expect(event!.detail).to.include({ callId: 'call', action: 'answer', source: 'button' });
      await el.updateComplete;
      expect(toasts(el), 'prevented: the app decides').to.have.length(1);
      expect(answerButton(el).getAttribute('aria-disabled')).to.equal('false');
      setTimeout(() => declineButton(el).click());
      const decline = await oneEvent(el, 'cif-decline');
      expect(decline.cancelable).to.equal(true);
      expect(decline.detail).to.include({ callId: 'call', action: 'decline', source: 'button' });
      await el.updateComplete;
      expect(toasts(el), 'not prevented, no store: the toast closes').to.have.length(0);
    });

    it('answers and declines through methods, ignoring calls it does not show', async () => {
      const el = await fixture<Toast>(
        html`<cif-incoming-call-toast muted></cif-incoming-call-toast>`,
      );
      el.calls = [
        { id: 'x', name: 'Xena Method' },
        { id: 'y', name: 'Yan Method' },
      ];
      await el.updateComplete;
      const answers = sinon.spy();
      const declines = sinon.spy();
      el.addEventListener('cif-answer', answers);
      el.addEventListener('cif-decline', declines);
      await el.answer('nope');
      await el.decline('x', 'voicemail');
      expect(answers.called).to.equal(false);
      expect((declines.firstCall.args[0] as CifDeclineEvent).detail).to.include({
        callId: 'x',
        action: 'voicemail',
        source: 'api',
      });
      await el.answer(undefined, 'hold-and-answer');
      expect((answers.firstCall.args[0] as CifAnswerEvent).detail.callId).to.equal('y');
      const detached = document.createElement('cif-incoming-call-toast');
      detached.calls = [{ id: 'z' }];
      await detached.answer();
      expect(detached.shownCalls).to.deep.equal([]);
    });
  });

  describe('bound to core’s call store', () => {
    it('shows a ringing call by itself, announces it, and closes when it is answered elsewhere', async () => {
      const provider = new SimulatedProvider();
      const store = createCallStore({ provider, storage: null, ownership: false, wrapUp: false });
      const el = await fixture<Toast>(
        html`<cif-incoming-call-toast muted></cif-incoming-call-toast>`,
      );
      el.store = store;
      await el.updateComplete;
      expect(toasts(el)).to.have.length(0);
      const callId = provider.ring('+16195550140', { displayName: 'Hana Host' });
      await el.updateComplete;
      expect(names(el)).to.deep.equal(['Hana Host']);
      expect($(el, '[part="number"]')!.textContent.trim()).to.equal('+16195550140');
      await aTimeout(60);
      expect(announcements().assertive).to.equal('Incoming call from Hana Host');
      // Accepted in the Dynamics notification: the workflow answers through the store.
      await store.answer(callId);
      await el.updateComplete;
      expect(toasts(el)).to.have.length(0);
      expect(provider.actions.filter((a) => a.command === 'answer')).to.have.length(1);
      store.dispose();
    });

    it('answers once through the store on a double click', async () => {
      const provider = new SimulatedProvider({ latencyMs: 50 });
      const store = createCallStore({ provider, storage: null, ownership: false, wrapUp: false });
      const el = await fixture<Toast>(
        html`<cif-incoming-call-toast muted></cif-incoming-call-toast>`,
      );
      el.store = store;
      const callId = provider.ring('+16195550141', { displayName: 'Dot Double' });
      await el.updateComplete;
      const answers = sinon.spy();
      el.addEventListener('cif-answer', answers);
      const button = answerButton(el);
      button.click();
      button.click();
      await el.updateComplete;
      expect(button.getAttribute('aria-disabled'), 'waits while answering').to.equal('true');
      answerButton(el).click();
      await chord('KeyY', 'Alt', 'Shift');
      await waitUntil(() => store.getCall(callId)?.state === 'connected', 'answered');
      await el.updateComplete;
      expect(answers.callCount).to.equal(1);
      expect(provider.actions.filter((a) => a.command === 'answer')).to.have.length(1);
      expect(toasts(el)).to.have.length(0);
      store.dispose();
    });

    it('declines through the store, and shows a call the caller gave up on as missed', async () => {
      const provider = new SimulatedProvider();
      const store = createCallStore({ provider, storage: null, ownership: false, wrapUp: false });
      const el = await fixture<Toast>(
        html`<cif-incoming-call-toast muted></cif-incoming-call-toast>`,
      );
      el.store = store;
      const first = provider.ring('+16195550142', { displayName: 'Dee Decline' });
      await el.updateComplete;
      declineButton(el).click();
      await waitUntil(() => store.getCall(first) === undefined, 'declined');
      expect(provider.actions.filter((a) => a.command === 'decline')).to.have.length(1);
      await el.updateComplete;
      expect(toasts(el)).to.have.length(0);
      const second = provider.ring('+16195550143', { displayName: 'Gus Gaveup' });
      await el.updateComplete;
      provider.remoteHangUp(second);
      await el.updateComplete;
      expect($(el, '[part="eyebrow"]')!.textContent.trim()).to.equal('Missed call');
      expect(names(el)).to.deep.equal(['Gus Gaveup']);
      store.dispose();
    });

    it('is call waiting while a call is connected, with hold & answer and end & answer', async () => {
      const provider = new SimulatedProvider();
      const store = createCallStore({ provider, storage: null, ownership: false, wrapUp: false });
      const el = await fixture<Toast>(
        html`<cif-incoming-call-toast muted></cif-incoming-call-toast>`,
      );
      el.store = store;
      const first = provider.ring('+16195550144', { displayName: 'Ann Active' });
      await store.answer(first);
      const second = provider.ring('+16195550145', { displayName: 'Carl Waiting' });
      await el.updateComplete;
      expect(el.matches(':state(waiting)')).to.equal(true);
      expect($(el, '[part="eyebrow"]')!.textContent.trim()).to.equal('Call waiting');
      const extras = $$<HTMLButtonElement>(el, '[part="extra-button"]');
      expect(extras.map((b) => b.textContent.trim())).to.deep.equal([
        'Hold & answer',
        'End & answer',
      ]);
      await accessible(el);
      extras[1]!.click();
      await waitUntil(() => store.getCall(second)?.state === 'connected', 'answered');
      expect(store.getCall(first), 'the first call ended').to.equal(undefined);
      expect(provider.actions.map((a) => a.command)).to.deep.equal(['answer', 'hangUp', 'answer']);
      store.dispose();
    });

    it('shows the failure when the store cannot answer, and lets the agent try again', async () => {
      const store = fakeStore({ calls: [ringingCall('f1', { displayName: 'Fay Fail' })] });
      store.answer.rejects(new Error('line busy'));
      const el = await fixture<Toast>(
        html`<cif-incoming-call-toast muted></cif-incoming-call-toast>`,
      );
      el.store = store;
      await el.updateComplete;
      answerButton(el).click();
      await waitUntil(() => $(el, '[part="error"]'), 'the failure shows');
      expect($(el, '[part="error"]')!.textContent).to.equal('The call could not be answered');
      expect(answerButton(el).getAttribute('aria-disabled')).to.equal('false');
      await aTimeout(60);
      expect(announcements().assertive).to.equal('The call could not be answered');
      store.answer.resolves(undefined);
      answerButton(el).click();
      await waitUntil(() => toasts(el).length === 0, 'closed after answering');
      expect(store.answer.callCount).to.equal(2);
      store.decline.rejects(new Error('nope'));
      store.set({ calls: [ringingCall('f2', { displayName: 'Dan Decline' })] });
      await el.updateComplete;
      declineButton(el).click();
      await waitUntil(() => $(el, '[part="error"]'));
      expect($(el, '[part="error"]')!.textContent).to.equal('The call could not be declined');
    });

    it('reads context fields from the call’s context, and unsubscribes on disconnect', async () => {
      const store = fakeStore({
        calls: [
          ringingCall('c1', {
            displayName: 'Cleo Context',
            context: { company: 'Contoso', queue: 'VIP', ivr: ['Sales'], fields: { Tier: 'Gold' } },
            matches: [{ entityName: 'contact', id: '1', name: 'Cleo Context' }],
          }),
        ],
      });
      const el = await fixture<Toast>(
        html`<cif-incoming-call-toast muted></cif-incoming-call-toast>`,
      );
      el.store = store;
      await el.updateComplete;
      expect($(el, '[part="company"]')!.textContent.trim()).to.equal('Contoso');
      expect($$(el, 'dt').map((dt) => dt.textContent)).to.deep.equal([
        'Queue',
        'IVR choices',
        'Tier',
      ]);
      expect(store.listenerCount).to.equal(1);
      el.remove();
      expect(store.listenerCount).to.equal(0);
    });

    it('offers voicemail when the store can send to voicemail, and uses a custom selector', async () => {
      const store: ToastStore &
        ReturnType<typeof fakeStore> & { sendToVoicemail: sinon.SinonStub } = Object.assign(
        fakeStore({ line: { who: 'Val Voicemail', id: 'v1' } }),
        {
          sendToVoicemail: sinon.stub().resolves(undefined),
        },
      );
      const el = await fixture<Toast>(
        html`<cif-incoming-call-toast muted></cif-incoming-call-toast>`,
      );
      el.storeSelector = (snapshot) => {
        const line = (snapshot as { line: { who: string; id: string } | null }).line;
        return { ringing: line ? [{ id: line.id, name: line.who }] : [], onCall: false };
      };
      el.store = store;
      await el.updateComplete;
      expect(names(el)).to.deep.equal(['Val Voicemail']);
      const voicemail = $<HTMLButtonElement>(el, '[part="extra-button"]')!;
      expect(voicemail.textContent.trim()).to.equal('Voicemail');
      voicemail.click();
      await waitUntil(() => store.sendToVoicemail.called);
      expect(store.sendToVoicemail.firstCall.args).to.deep.equal(['v1']);
      expect(store.decline.called).to.equal(false);
    });

    it('survives bad stores and selectors', async () => {
      const warn = sinon.stub(console, 'warn');
      const el = await fixture<Toast>(
        html`<cif-incoming-call-toast muted></cif-incoming-call-toast>`,
      );
      el.store = { getSnapshot: () => ({}) } as unknown as ToastStore;
      await el.updateComplete;
      expect(warn.calledWithMatch(sinon.match('getSnapshot() and subscribe()'))).to.equal(true);
      el.store = {
        getSnapshot() {
          throw new Error('boom');
        },
        subscribe: () => undefined as unknown as () => void,
      };
      await el.updateComplete;
      expect(toasts(el)).to.have.length(0);
      const store = fakeStore({ calls: [ringingCall('s1', { displayName: 'Sel Ector' })] });
      el.store = store;
      await el.updateComplete;
      expect(names(el)).to.deep.equal(['Sel Ector']);
      el.storeSelector = () => {
        throw new Error('bad selector');
      };
      await el.updateComplete;
      await el.updateComplete;
      expect(toasts(el)).to.have.length(0);
      expect(warn.calledWithMatch(sinon.match('storeSelector threw'))).to.equal(true);
      el.storeSelector = () =>
        ({ ringing: 'nope' }) as unknown as ReturnType<NonNullable<typeof el.storeSelector>>;
      await el.updateComplete;
      await el.updateComplete;
      expect(toasts(el)).to.have.length(0);
    });
  });

  describe('placement, theme, direction and robustness', () => {
    it('sits inline in a panel, or fixed at the top or bottom of the viewport', async () => {
      const el = await fixture<Toast>(
        html`<cif-incoming-call-toast muted caller-name="Pia Place"></cif-incoming-call-toast>`,
      );
      expect(getComputedStyle(el).position).to.equal('static');
      expect(getComputedStyle($(el, '.toast')!).boxShadow).to.equal('none');
      el.placement = 'top';
      await el.updateComplete;
      expect(getComputedStyle(el).position).to.equal('fixed');
      expect(el.getBoundingClientRect().top).to.equal(8);
      expect(getComputedStyle($(el, '.toast')!).boxShadow).to.not.equal('none');
      el.placement = 'bottom';
      await el.updateComplete;
      expect(Math.round(el.getBoundingClientRect().bottom)).to.equal(window.innerHeight - 8);
      await accessible(el);
    });

    it('has 44 × 44 px targets at least', async () => {
      const el = await fixture<Toast>(
        html`<cif-incoming-call-toast
          muted
          call-waiting
          extras="voicemail hold end"
          caller-name="Tara Target"
          style="inline-size: 300px"
        ></cif-incoming-call-toast>`,
      );
      for (const button of $$<HTMLButtonElement>(el, 'button')) {
        const { width, height } = button.getBoundingClientRect();
        expect(width, button.getAttribute('part')!).to.be.at.least(44);
        expect(height, button.getAttribute('part')!).to.be.at.least(44);
      }
    });

    it('does not animate with prefers-reduced-motion', async () => {
      await emulate({ 'prefers-reduced-motion': 'reduce' });
      const el = await fixture<Toast>(
        html`<cif-incoming-call-toast muted caller-name="Rex Reduced"></cif-incoming-call-toast>`,
      );
      expect(getComputedStyle($(el, '.toast')!).animationName).to.equal('none');
      expect(getComputedStyle($(el, '.avatar')!).animationName).to.equal('none');
      expect(getComputedStyle($(el, '[part="progress"]')!).transitionDuration).to.equal('0s');
    });

    it('speaks Arabic right to left, and German', async () => {
      const el = await fixture<Toast>(
        html`<cif-incoming-call-toast
          lang="ar"
          muted
          caller-name="ليلى أحمد"
          number="+971501234567"
        ></cif-incoming-call-toast>`,
      );
      await settle(el);
      expect(el.matches(':state(rtl)')).to.equal(true);
      expect($(el, '[part="base"]')!.getAttribute('aria-label')).to.equal('المكالمات الواردة');
      expect(answerButton(el).getAttribute('aria-label')).to.equal('رد على مكالمة ليلى أحمد');
      expect($(el, '[part="avatar"]')!.textContent.trim()).to.equal('لأ');
      expect(
        answerButton(el).getBoundingClientRect().left,
        'answer sits at the inline end (left in RTL)',
      ).to.be.below(declineButton(el).getBoundingClientRect().left);
      expect(getComputedStyle($(el, '[part="number"] bdi')!).direction).to.equal('ltr');
      expect(countdown(el)).to.equal('متبقٍ 30 ث');
      await accessible(el);
      const de = await fixture<Toast>(
        html`<cif-incoming-call-toast
          lang="de"
          muted
          caller-name="Jana Schmidt"
        ></cif-incoming-call-toast>`,
      );
      expect(answerButton(de).getAttribute('aria-label')).to.equal(
        'Anruf von Jana Schmidt annehmen',
      );
      expect(countdown(de)).to.equal('noch 30 s');
    });

    it('is accessible in every state in light and dark', async () => {
      stubAudio(blocked);
      const states = [
        html`<cif-incoming-call-toast
          muted
          caller-name="Ada Light"
          company="Contoso"
          queue="Billing"
          ><span slot="context">VIP</span></cif-incoming-call-toast
        >`,
        html`<cif-incoming-call-toast muted number="+16195550150"></cif-incoming-call-toast>`,
        html`<cif-incoming-call-toast
          muted
          call-waiting
          extras="voicemail hold end"
          caller-name="Cal Waiting"
        ></cif-incoming-call-toast>`,
        html`<cif-incoming-call-toast
          muted
          max-visible="2"
          .calls=${
            [
              { id: '1', name: 'One Caller', matches: [{ name: 'a' }, { name: 'b' }] },
              { id: '2', name: 'Two Caller' },
              { id: '3', name: 'Three Caller' },
              { id: '4', name: 'Missed Caller', missed: true },
            ] as ToastCall[]
          }
        ></cif-incoming-call-toast>`,
        html`<cif-incoming-call-toast
          ringtone=${SILENCE}
          placement="bottom"
          caller-name="Blocked Sound"
        ></cif-incoming-call-toast>`,
        html`<cif-incoming-call-toast
          lang="ar"
          muted
          caller-name="سارة"
        ></cif-incoming-call-toast>`,
      ];
      for (const scheme of ['light', 'dark'] as const) {
        await emulate({ 'prefers-color-scheme': scheme });
        for (const template of states) {
          const el = await fixture<Toast>(template);
          await settle(el);
          await accessible(el);
        }
      }
      const el = await fixture<Toast>(states[0]!);
      answerButton(el).focus();
      await emulate({ 'forced-colors': 'active' });
      await accessible(el);
    });

    it('warns once and renders safely on bad values', async () => {
      const warn = sinon.stub(console, 'warn');
      const el = await fixture<Toast>(
        html`<cif-incoming-call-toast muted></cif-incoming-call-toast>`,
      );
      el.calls = 'nope' as unknown as ToastCall[];
      el.placement = 'middle' as unknown as 'top';
      el.timeout = Number.NaN;
      el.volume = Number.NaN;
      el.maxVisible = -1;
      await el.updateComplete;
      expect(toasts(el)).to.have.length(0);
      el.muted = false;
      el.calls = [
        null,
        { name: 'No Id' },
        { id: 7, name: 'Numeric Id' },
        { id: 'ok', name: 'Fine Caller', matches: 'x', fields: [null, { label: 'A' }], ivr: 3 },
      ] as unknown as ToastCall[];
      await el.updateComplete;
      expect(names(el)).to.deep.equal(['Fine Caller', 'Numeric Id']);
      expect(countdown(el)).to.equal('30 s left');
      for (const text of [
        '`calls` must be an array',
        'placement "middle"',
        'timeout "NaN"',
        'calls without an id',
      ]) {
        expect(warn.calledWithMatch(sinon.match(text)), text).to.equal(true);
      }
      await waitUntil(() => warn.calledWithMatch(sinon.match('volume "NaN"')), 'volume warned');
      el.remove();
    });
  });
});
