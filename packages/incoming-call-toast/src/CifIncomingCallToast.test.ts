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

async function settle(el: Toast): Promise<void> {
  await el.updateComplete;
  await nextFrame();
  await el.updateComplete;
}

/** Fake timers for the countdown (Date too); microtasks and module loading stay real. */
function fakeClock() {
  return sinon.useFakeTimers({
    now: Date.now(),
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
      await expect(el).to.be.accessible();
    });

    it('takes no space and renders nothing without a call', async () => {
      const el = await fixture<Toast>(html`<cif-incoming-call-toast></cif-incoming-call-toast>`);
      expect(el.matches(':state(empty)')).to.equal(true);
      expect(el.getBoundingClientRect().height).to.equal(0);
      expect($(el, '[part="base"]')).to.equal(null);
      await expect(el).to.be.accessible();
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
      await expect(el).to.be.accessible();
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
      const el = await fixture<Toast>(html`<cif-incoming-call-toast muted></cif-incoming-call-toast>`);
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
      await expect(el).to.be.accessible();
    });

    it('shows an avatar picture, falling back to initials when it fails to load', async () => {
      const el = await fixture<Toast>(html`<cif-incoming-call-toast muted></cif-incoming-call-toast>`);
      const pixel =
        'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///ywAAAAAAQABAAACAUwAOw==';
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
      await expect(el).to.be.accessible();
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
      await expect(el).to.be.accessible();
    });
  });

  describe('hostile strings', () => {
    const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';

    it('renders names, companies, numbers and fields containing markup as text', async () => {
      const el = await fixture<Toast>(html`<cif-incoming-call-toast muted></cif-incoming-call-toast>`);
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
      const el = await fixture<Toast>(html`<cif-incoming-call-toast muted></cif-incoming-call-toast>`);
      for (const avatar of ['javascript:alert(1)', 'data:text/html,<script>1</script>', 'vbscript:x']) {
        el.calls = [{ id: avatar, name: 'Robin Fox', avatar }];
        await el.updateComplete;
        expect($(el, 'img'), avatar).to.equal(null);
        expect($(el, '[part="avatar"]')!.textContent.trim()).to.equal('RF');
      }
    });
  });
});
