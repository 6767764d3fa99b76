import { expect, fixture, html, nextFrame, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import fc from 'fast-check';
import sinon from 'sinon';
import { announcements } from '@cif-elements/base';
import '@cif-elements/base/locales/de.js';
import '@cif-elements/base/locales/ar.js';
import { emulate, resetEmulation } from '../../base/src/test-utils/media.js';
import './cif-contact-card.js';
import type { ContactCardActions } from './actions.js';
import type { CifContactCard } from './CifContactCard.js';
import type {
  CifCreateRecordEvent,
  CifDialEvent,
  CifOpenRecordEvent,
  CifRetryEvent,
  CifSearchRecordsEvent,
  CifSelectMatchEvent,
} from './events.js';
import type { ContactCardNumberFormatter } from './format.js';
import type { ContactCardContact } from './types.js';

export const NOW = Date.UTC(2025, 0, 15, 17, 30); // 09:30 in Redmond
const GIF = 'data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==';

export const ALEX: ContactCardContact = {
  entityName: 'contact',
  id: '80ac35a0-01af-ea11-a812-000d3a8b3ec6',
  name: 'Alex Baker',
  jobTitle: 'Purchasing manager',
  company: 'Contoso',
  phones: [
    { number: '+12065550100', type: 'mobile' },
    { number: '(425) 555-0199', type: 'business' },
    { number: '+44 20 7946 0018', label: 'Assistant' },
  ],
  emails: ['alex@contoso.com', { address: 'alex.home@example.com', label: 'Personal' }],
  address: '1 Microsoft Way\nRedmond, WA 98052',
  timeZone: 'America/Los_Angeles',
  vip: true,
  fields: [{ label: 'Customer since', value: '2019' }],
};

const SAM: ContactCardContact = {
  entityName: 'contact',
  id: '11111111-0000-4000-8000-000000000002',
  name: 'Sam Baker',
  company: 'Fabrikam',
  phones: [{ number: '+12065550100', type: 'home' }],
};
const CONTOSO: ContactCardContact = {
  entityName: 'account',
  id: '11111111-0000-4000-8000-000000000003',
  name: 'Contoso Ltd',
  company: 'Contoso',
  phones: [{ number: '+12065550100', type: 'business' }],
};

export const $ = <T extends Element = HTMLElement>(el: CifContactCard, selector: string): T =>
  el.shadowRoot!.querySelector<T>(selector)!;
export const $$ = <T extends Element = HTMLElement>(el: CifContactCard, selector: string): T[] => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];
const heading = (el: CifContactCard) => $(el, '#name').textContent.trim();
const button = (el: CifContactCard, part: string) => $<HTMLButtonElement>(el, `[part~="${part}"]`);
const options = (el: CifContactCard) => $$(el, '[role="option"]');
const active = (el: CifContactCard) => el.shadowRoot!.activeElement;

async function settle(el: CifContactCard): Promise<void> {
  await el.updateComplete;
  await nextFrame();
  await el.updateComplete;
}

function recordingActions() {
  return {
    openRecord: sinon.stub().resolves(),
    createRecord: sinon.stub().resolves(),
    search: sinon.stub().resolves(),
    dial: sinon.stub().resolves(),
    selectMatch: sinon.stub().resolves(),
    retry: sinon.stub().resolves(),
  } satisfies ContactCardActions;
}

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
    annotate: sinon.stub().resolves(),
    dial: sinon.stub().resolves(),
  };
}

describe('<cif-contact-card>', () => {
  afterEach(async () => {
    sinon.restore();
    await resetEmulation();
  });

  describe('a known contact', () => {
    it('shows a heading, avatar, subtitle, flags and a description list of fields', async () => {
      const el = await fixture<CifContactCard>(
        html`<cif-contact-card .contact=${ALEX} .now=${NOW}></cif-contact-card>`,
      );
      expect(el.view).to.equal('known');
      expect(el.matches(':state(known)')).to.equal(true);
      expect(el.matches(':state(vip)')).to.equal(true);
      const name = $(el, '[part="name"]');
      expect(name.getAttribute('role')).to.equal('heading');
      expect(name.getAttribute('aria-level')).to.equal('2');
      expect(heading(el)).to.equal('Alex Baker');
      expect($(el, '[part="base"]').getAttribute('aria-labelledby')).to.equal('name');
      expect($(el, '[part="avatar"]').textContent.trim()).to.equal('AB');
      expect($(el, '[part="avatar"]').getAttribute('aria-hidden')).to.equal('true');
      expect($(el, '[part="subtitle"]').textContent.trim()).to.equal(
        'Purchasing manager · Contoso',
      );
      expect($(el, '[part~="flag-vip"]').textContent.trim()).to.equal('VIP');
      const terms = $$(el, 'dt').map((dt) => dt.textContent.trim());
      expect(terms).to.deep.equal([
        'Mobile',
        'Business',
        'Assistant',
        'Email',
        'Personal',
        'Address',
        'Local time',
        'Customer since',
      ]);
      const values = $$(el, 'dd').map((dd) => dd.textContent.replace(/\s+/g, ' ').trim());
      expect(values[0]).to.equal('+1 206-555-0100');
      expect(values[1]).to.equal('(425) 555-0199');
      expect(values[5]).to.equal('1 Microsoft Way Redmond, WA 98052');
      expect(values[6]).to.match(/^9:30\sAM PST$/);
      expect(values[7]).to.equal('2019');
      expect($(el, '.address').textContent).to.contain('\nRedmond');
      await expect(el).to.be.accessible();
    });

    it('names every action with what it does ("Call mobile +1 206-555-0100")', async () => {
      const el = await fixture<CifContactCard>(
        html`<cif-contact-card .contact=${ALEX}></cif-contact-card>`,
      );
      expect($$(el, '[part="dial"]').map((b) => b.getAttribute('aria-label'))).to.deep.equal([
        'Call mobile +1 206-555-0100',
        'Call business (425) 555-0199',
        'Call assistant +44 20 7946 0018',
      ]);
      expect($$(el, '[part="copy"]')[0]!.getAttribute('aria-label')).to.equal(
        'Copy mobile number +1 206-555-0100',
      );
      expect(button(el, 'open-button').getAttribute('aria-label')).to.equal(
        'Open Alex Baker in Dynamics 365',
      );
      const links = $$<HTMLAnchorElement>(el, 'a');
      expect(links.map((a) => a.getAttribute('href'))).to.deep.equal([
        'mailto:alex@contoso.com',
        'mailto:alex.home@example.com',
      ]);
    });

    it('has targets of at least 44 × 44 px', async () => {
      const el = await fixture<CifContactCard>(
        html`<div style="inline-size: 340px">
          <cif-contact-card .contact=${ALEX}></cif-contact-card>
        </div>`,
      );
      const card = el.querySelector('cif-contact-card')!;
      await card.updateComplete;
      for (const target of $$(card, 'button, a')) {
        const rect = target.getBoundingClientRect();
        expect(rect.height, target.getAttribute('part') ?? '').to.be.at.least(44);
        expect(rect.width, target.getAttribute('part') ?? '').to.be.at.least(44);
      }
    });

    it('shows a match from the call (a bare reference) with its matched number', async () => {
      const el = await fixture<CifContactCard>(
        html`<cif-contact-card
          .candidates=${[
            {
              entityName: 'contact',
              id: '1',
              name: 'Alex Baker',
              field: 'mobilephone',
              number: '+12065550100',
            },
          ]}
        ></cif-contact-card>`,
      );
      expect(el.view).to.equal('known');
      expect($(el, 'dt').textContent.trim()).to.equal('Mobile');
      for (const [field, label] of [
        ['telephone1', 'Business'],
        ['telephone2', 'Home'],
        ['fax', 'Fax'],
        ['other', 'Phone'],
      ]) {
        el.candidates = [{ entityName: 'contact', id: '1', name: 'A', field, number: '1' }];
        await el.updateComplete;
        expect($(el, 'dt').textContent.trim()).to.equal(label);
      }
    });

    it('shows the compact layout: the header only', async () => {
      const el = await fixture<CifContactCard>(
        html`<cif-contact-card layout="compact" .contact=${ALEX}></cif-contact-card>`,
      );
      expect(el.getAttribute('layout')).to.equal('compact');
      expect($(el, '[part="header"]')).to.exist;
      expect(el.shadowRoot!.querySelector('dl')).to.equal(null);
      expect(el.shadowRoot!.querySelector('[part="activity"]')).to.equal(null);
      expect(button(el, 'open-button')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('turns dial buttons off for a do-not-call contact, with the reason', async () => {
      const el = await fixture<CifContactCard>(
        html`<cif-contact-card .contact=${{ ...ALEX, doNotCall: true }}></cif-contact-card>`,
      );
      const dials = sinon.spy();
      el.addEventListener('cif-dial', dials);
      expect(el.matches(':state(do-not-call)')).to.equal(true);
      const dial = $$(el, '[part="dial"]')[0]!;
      expect(dial.getAttribute('aria-disabled')).to.equal('true');
      expect(dial.getAttribute('aria-describedby')).to.equal('dnc');
      expect($(el, '#dnc').textContent.trim()).to.equal('Do not call');
      dial.click();
      expect(dials.called).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('uses the heading level asked for', async () => {
      const el = await fixture<CifContactCard>(
        html`<cif-contact-card heading-level="3" .contact=${ALEX}></cif-contact-card>`,
      );
      expect($(el, '#name').getAttribute('aria-level')).to.equal('3');
    });

    it('shows the avatar image, and initials when it fails to load', async () => {
      const el = await fixture<CifContactCard>(
        html`<cif-contact-card .contact=${{ ...ALEX, avatarUrl: GIF }}></cif-contact-card>`,
      );
      const img = $<HTMLImageElement>(el, 'img');
      expect(img.getAttribute('src')).to.equal(GIF);
      expect(img.alt).to.equal('');
      el.contact = { ...ALEX, avatarUrl: 'data:image/png;base64,AAAA' };
      await waitUntil(
        () => !el.shadowRoot!.querySelector('img'),
        'a broken image falls back to initials',
      );
      expect($(el, '[part="avatar"]').textContent.trim()).to.equal('AB');
    });

    it('colours the avatar deterministically from the record', async () => {
      const el = await fixture<CifContactCard>(
        html`<cif-contact-card .contact=${ALEX}></cif-contact-card>`,
      );
      const first = $(el, '[part="avatar"]').dataset.hue;
      el.contact = { ...ALEX };
      await el.updateComplete;
      expect($(el, '[part="avatar"]').dataset.hue).to.equal(first);
      const background = getComputedStyle($(el, '[part="avatar"]')).backgroundColor;
      expect(background).not.to.equal('rgba(0, 0, 0, 0)');
      el.contact = { name: 'Dana' };
      await el.updateComplete;
      expect($(el, '[part="avatar"]').textContent.trim()).to.equal('D');
      el.contact = {};
      await el.updateComplete;
      expect($(el, '[part="avatar"] svg'), 'no name: a person icon').to.exist;
      expect(heading(el)).to.equal('Unknown caller');
      expect(el.shadowRoot!.querySelector('[part="open-button"]')).to.equal(null);
    });

    it('formats numbers with a pluggable formatter, and falls back when it misbehaves', async () => {
      const warn = sinon.stub(console, 'warn');
      const asYouType = sinon.spy((input: string) =>
        input.replace(/^\+1(\d{3})(\d{3})/, '+1 ($1) $2 '),
      );
      const formatter: ContactCardNumberFormatter = {
        asYouType,
        normalise: (input) => (input.startsWith('+') ? input : `+1${input}`),
      };
      const el = await fixture<CifContactCard>(
        html`<cif-contact-card
          region="US"
          .contact=${ALEX}
          .numberFormatter=${formatter}
        ></cif-contact-card>`,
      );
      expect($$(el, '[part="dial"]')[0]!.textContent.trim()).to.equal('+1 (206) 555 0100');
      expect(asYouType.firstCall.args).to.deep.equal(['+12065550100', 'US']);
      const event = oneEvent(el, 'cif-dial');
      $$(el, '[part="dial"]')[1]!.click();
      expect((await event).detail.normalised).to.equal('+14255550199');
      el.numberFormatter = { asYouType: () => 'dropped digits' };
      await el.updateComplete;
      expect($$(el, '[part="dial"]')[0]!.textContent.trim()).to.equal('+1 206-555-0100');
      el.numberFormatter = {
        asYouType: () => {
          throw new Error('boom');
        },
        normalise: () => {
          throw new Error('boom');
        },
      };
      await el.updateComplete;
      expect($$(el, '[part="dial"]')[0]!.textContent.trim()).to.equal('+1 206-555-0100');
      expect(warn.getCalls().some((c) => String(c.args[0]).includes('asYouType threw'))).to.equal(
        true,
      );
      const dial = oneEvent(el, 'cif-dial');
      $$(el, '[part="dial"]')[0]!.click();
      expect((await dial).detail.normalised).to.equal('+12065550100');
    });

    it('reads numbers in the region of its language unless told', async () => {
      const warn = sinon.stub(console, 'warn');
      const el = await fixture<CifContactCard>(
        html`<cif-contact-card lang="de-CH" .contact=${ALEX}></cif-contact-card>`,
      );
      expect(el.resolvedRegion).to.equal('CH');
      el.region = 'gb';
      expect(el.resolvedRegion).to.equal('GB');
      el.region = 'Narnia';
      expect(el.resolvedRegion).to.equal('CH');
      expect(warn.calledWithMatch(/Narnia/)).to.equal(true);
      el.region = '';
      el.lang = 'zz-invalid-tag-!';
      await settle(el);
      expect(el.resolvedRegion).to.equal('US');
    });

    it('keeps the local time current with the clock', async () => {
      const clock = sinon.useFakeTimers({
        now: NOW,
        toFake: ['setInterval', 'clearInterval', 'Date'],
      });
      const el = await fixture<CifContactCard>(
        html`<cif-contact-card .contact=${ALEX}></cif-contact-card>`,
      );
      const time = () => $$(el, 'dd')[6]!.textContent.trim();
      expect(time()).to.match(/^9:30/);
      clock.tick(60_000);
      await el.updateComplete;
      expect(time()).to.match(/^9:31/);
      el.remove();
      clock.tick(60_000);
      expect(clock.countTimers(), 'the clock stops on disconnect').to.equal(0);
    });
  });

  describe('hostile input', () => {
    const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

    it('renders markup in names and fields as text', async () => {
      const el = await fixture<CifContactCard>(
        html`<cif-contact-card
          .contact=${{
            entityName: 'contact',
            id: '1',
            name: HOSTILE,
            jobTitle: HOSTILE,
            company: HOSTILE,
            phones: [{ number: HOSTILE, label: HOSTILE }],
            emails: [HOSTILE, `"><img src=x onerror=alert(1)>@x.com`],
            address: HOSTILE,
            fields: [{ label: HOSTILE, value: HOSTILE }],
            activity: [{ type: HOSTILE, subject: HOSTILE }],
          }}
        ></cif-contact-card>`,
      );
      await waitUntil(() => el.shadowRoot!.querySelector('[part="activity"] li'));
      expect(el.shadowRoot!.querySelector('img, script')).to.equal(null);
      expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
      expect(heading(el)).to.equal(HOSTILE);
      expect($(el, '[part="subtitle"]').textContent).to.contain(HOSTILE);
      expect($(el, 'dl').textContent).to.contain(HOSTILE);
      expect(el.shadowRoot!.querySelector('a'), 'no link from a bad address').to.equal(null);
      expect($(el, '[part="activity"]').textContent).to.contain(HOSTILE);
    });

    it('never makes a javascript: URL an image or a link', async () => {
      for (const avatarUrl of [
        'javascript:alert(1)',
        ' javascript:alert(1)',
        'java\nscript:alert(1)',
        'data:text/html,<script>alert(1)</script>',
        'vbscript:msgbox(1)',
      ]) {
        const el = await fixture<CifContactCard>(
          html`<cif-contact-card
            .contact=${{ name: 'Eve', avatarUrl, emails: ['javascript:alert(1)//@x.com'] }}
          ></cif-contact-card>`,
        );
        expect(el.shadowRoot!.querySelector('img'), avatarUrl).to.equal(null);
        expect(el.shadowRoot!.querySelector('a'), avatarUrl).to.equal(null);
        expect($(el, '[part="avatar"]').textContent.trim()).to.equal('E');
      }
    });

    it('renders any name as the heading text (property-based)', async () => {
      const el = await fixture<CifContactCard>(html`<cif-contact-card></cif-contact-card>`);
      await fc.assert(
        fc.asyncProperty(
          fc.string({ maxLength: 40 }),
          fc.string({ maxLength: 40 }),
          async (name, company) => {
            el.contact = { name, company, avatarUrl: `javascript:${name}`, emails: [company] };
            await el.updateComplete;
            const expected = name.trim() || 'Unknown caller';
            return (
              heading(el) === expected.trim() &&
              !el.shadowRoot!.querySelector('img, script') &&
              [...el.shadowRoot!.querySelectorAll('a')].every((a) =>
                a.getAttribute('href')!.startsWith('mailto:'),
              )
            );
          },
        ),
        { numRuns: 60 },
      );
    });

    it('warns once and renders safely on bad property values', async () => {
      const warn = sinon.stub(console, 'warn');
      const el = await fixture<CifContactCard>(html`<cif-contact-card></cif-contact-card>`);
      const loose = el as unknown as Record<string, unknown>;
      loose.contact = 'banana';
      loose.candidates = 42;
      loose.layout = 'wide';
      loose.headingLevel = 9;
      loose.store = { getSnapshot: 1 };
      loose.now = 'yesterday';
      await settle(el);
      expect(el.view).to.equal('empty');
      loose.contact = {
        name: 42,
        timeZone: 'Mars/Olympus_Mons',
        phones: [null, 42, { number: 7 }, { number: '' }, { number: '555', type: 'pager' }],
        emails: [null, 7, { address: '' }],
        fields: [null, { label: 1 }, { label: 'Tier', value: 'Gold' }],
        activity: 'lots',
        vip: 'yes',
      };
      await settle(el);
      expect(el.view).to.equal('known');
      expect(heading(el)).to.equal('42');
      expect($$(el, 'dt').map((dt) => dt.textContent.trim())).to.deep.equal([
        'Phone',
        'Phone',
        'pager',
        'Email',
        '1',
        'Tier',
      ]);
      expect($(el, '#name').getAttribute('aria-level')).to.equal('2');
      expect(el.matches(':state(vip)')).to.equal(false);
      const messages = warn.getCalls().map((c) => String(c.args[0]));
      for (const word of ['contact', 'candidates', 'wide', 'store', 'Mars']) {
        expect(
          messages.some((m) => m.includes(word)),
          word,
        ).to.equal(true);
      }
      const count = warn.callCount;
      el.requestUpdate();
      await el.updateComplete;
      expect(warn.callCount, 'each warning once').to.equal(count);
    });
  });

  describe('states', () => {
    it('shows nothing to show', async () => {
      const el = await fixture<CifContactCard>(html`<cif-contact-card></cif-contact-card>`);
      expect(el.view).to.equal('empty');
      expect(el.matches(':state(empty)')).to.equal(true);
      expect($(el, '[part="base"]').textContent.trim()).to.equal('No caller');
      await expect(el).to.be.accessible();
    });

    it('shows a busy skeleton while loading', async () => {
      const el = await fixture<CifContactCard>(
        html`<cif-contact-card loading .contact=${ALEX}></cif-contact-card>`,
      );
      expect(el.view).to.equal('loading');
      expect(el.matches(':state(loading)')).to.equal(true);
      expect($(el, '[part="base"]').getAttribute('aria-busy')).to.equal('true');
      expect($(el, '[part="skeleton"]')).to.exist;
      expect($(el, '.sr').textContent).to.equal('Loading');
      await expect(el).to.be.accessible();
    });

    it('shows an error with Retry, announced once', async () => {
      const actions = recordingActions();
      const el = await fixture<CifContactCard>(
        html`<cif-contact-card
          number="+12065550100"
          call-id="c1"
          .actions=${actions}
          error="Dynamics did not answer"
        ></cif-contact-card>`,
      );
      expect(el.view).to.equal('error');
      expect(heading(el)).to.equal('The contact could not be loaded');
      expect($(el, '[part="error"]').textContent).to.contain('Dynamics did not answer');
      await waitUntil(() => announcements().polite === 'Dynamics did not answer');
      const event = oneEvent(el, 'cif-retry');
      button(el, 'retry-button').click();
      const retry: CifRetryEvent = await event;
      expect(retry.detail).to.deep.equal({ callId: 'c1', number: '+12065550100' });
      expect(retry.cancelable && retry.bubbles && retry.composed).to.equal(true);
      await waitUntil(() => actions.retry.called);
      expect(actions.retry.firstCall.args[0]).to.deep.equal({
        callId: 'c1',
        number: '+12065550100',
      });
      el.error = '';
      await el.updateComplete;
      expect($(el, '[part="error"]').textContent.trim()).to.equal(
        'The contact could not be loaded',
      );
      await expect(el).to.be.accessible();
      el.removeAttribute('error');
      await el.updateComplete;
      expect(el.view).to.equal('unknown');
    });

    it('shows an unknown caller with Create contact and Search', async () => {
      const actions = recordingActions();
      const el = await fixture<CifContactCard>(
        html`<cif-contact-card
          number="+12065550100"
          call-id="c1"
          .actions=${actions}
        ></cif-contact-card>`,
      );
      expect(el.view).to.equal('unknown');
      expect(el.matches(':state(unknown)')).to.equal(true);
      expect(heading(el)).to.equal('Unknown caller');
      expect($(el, '[part="subtitle"]').textContent.trim()).to.equal('+1 206-555-0100');
      expect($(el, '[part="dial"]').getAttribute('aria-label')).to.equal(
        'Call phone +1 206-555-0100',
      );
      await expect(el).to.be.accessible();

      const created = oneEvent(el, 'cif-create-record');
      button(el, 'create-button').click();
      const create: CifCreateRecordEvent = await created;
      expect(create.detail).to.deep.equal({
        entityName: 'contact',
        number: '+12065550100',
        callId: 'c1',
      });
      await waitUntil(() => actions.createRecord.called);
      expect(actions.createRecord.firstCall.args[0]).to.deep.equal(create.detail);

      el.searchEntity = 'account';
      await el.updateComplete;
      const searched = oneEvent(el, 'cif-search-records');
      button(el, 'search-button').click();
      const search: CifSearchRecordsEvent = await searched;
      expect(search.detail).to.deep.equal({
        entityName: 'account',
        text: '+12065550100',
        callId: 'c1',
      });
      await waitUntil(() => actions.search.called);
    });

    it('shows several matches as a picker with the fields that tell them apart', async () => {
      const el = await fixture<CifContactCard>(
        html`<cif-contact-card
          number="+12065550100"
          .candidates=${[ALEX, SAM, CONTOSO]}
        ></cif-contact-card>`,
      );
      expect(el.view).to.equal('matches');
      expect(el.matches(':state(matches)')).to.equal(true);
      expect(heading(el)).to.equal('3 records match this number');
      const listbox = $(el, '[role="listbox"]');
      expect(listbox.getAttribute('aria-label')).to.equal('Choose the caller');
      const texts = options(el).map((o) => o.textContent.replace(/\s+/g, ' ').trim());
      expect(texts[0]).to.equal(
        'AB Alex Baker Contact · Contoso · Purchasing manager · 1 Microsoft Way · alex@contoso.com · Mobile +1 206-555-0100',
      );
      expect(texts[1]).to.equal('SB Sam Baker Contact · Fabrikam · Home +1 206-555-0100');
      expect(texts[2]).to.equal('CL Contoso Ltd Account · Contoso · Business +1 206-555-0100');
      expect(options(el).map((o) => o.tabIndex)).to.deep.equal([0, -1, -1]);
      expect(options(el).every((o) => o.getAttribute('aria-selected') === 'false')).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('shows what the candidates have when nothing tells them apart', async () => {
      const el = await fixture<CifContactCard>(
        html`<cif-contact-card
          .candidates=${[
            { ...SAM, id: 'a' },
            { ...SAM, id: 'b' },
          ]}
        ></cif-contact-card>`,
      );
      expect(options(el)[0]!.textContent.replace(/\s+/g, ' ')).to.contain(
        'Contact · Fabrikam · Home +1 206-555-0100',
      );
    });
  });

  describe('actions', () => {
    it('opens the record: a cancelable, composed cif-open-record, then actions.openRecord', async () => {
      const actions = recordingActions();
      const el = await fixture<CifContactCard>(
        html`<cif-contact-card
          call-id="c1"
          .contact=${ALEX}
          .actions=${actions}
        ></cif-contact-card>`,
      );
      const event = oneEvent(el, 'cif-open-record');
      button(el, 'open-button').click();
      const open: CifOpenRecordEvent = await event;
      const record = { entityName: 'contact', id: ALEX.id, name: 'Alex Baker' };
      expect(open.detail).to.deep.equal({ record, callId: 'c1' });
      expect(open.bubbles && open.composed && open.cancelable).to.equal(true);
      await waitUntil(() => actions.openRecord.called);
      expect(actions.openRecord.firstCall.args).to.deep.equal([record, { callId: 'c1' }]);
    });

    it('does not run the default action when the event is prevented', async () => {
      const actions = recordingActions();
      const el = await fixture<CifContactCard>(
        html`<cif-contact-card
          number="5550100"
          .contact=${ALEX}
          .actions=${actions}
        ></cif-contact-card>`,
      );
      const prevent = (event: Event) => event.preventDefault();
      for (const name of ['cif-open-record', 'cif-dial'] as const)
        el.addEventListener(name, prevent);
      button(el, 'open-button').click();
      $(el, '[part="dial"]').click();
      await nextFrame();
      expect(actions.openRecord.called).to.equal(false);
      expect(actions.dial.called).to.equal(false);
    });

    it('shows and announces a failed action; the next action clears it', async () => {
      const actions = { openRecord: sinon.stub().rejects(new Error('offline')) };
      const el = await fixture<CifContactCard>(
        html`<cif-contact-card .contact=${ALEX} .actions=${actions}></cif-contact-card>`,
      );
      button(el, 'open-button').click();
      await waitUntil(() => el.shadowRoot!.querySelector('[part="notice"]'));
      expect($(el, '[part="notice"]').textContent.trim()).to.equal('That did not work. Try again.');
      await waitUntil(() => announcements().polite === 'That did not work. Try again.');
      actions.openRecord.resolves();
      button(el, 'open-button').click();
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part="notice"]')).to.equal(null);
    });

    it('dials: cif-dial carries the kit shape; actions.dial gets the record', async () => {
      const actions = recordingActions();
      const el = await fixture<CifContactCard>(
        html`<cif-contact-card
          region="US"
          call-id="c1"
          .contact=${ALEX}
          .actions=${actions}
        ></cif-contact-card>`,
      );
      const event = oneEvent(el, 'cif-dial');
      $$(el, '[part="dial"]')[1]!.click();
      const dial: CifDialEvent = await event;
      expect(dial.detail).to.deep.equal({
        raw: '(425) 555-0199',
        normalised: undefined,
        region: 'US',
        source: 'user',
      });
      expect(dial.bubbles && dial.composed && dial.cancelable).to.equal(true);
      await waitUntil(() => actions.dial.called);
      expect(actions.dial.firstCall.args[0]).to.deep.equal({
        number: '4255550199',
        record: { entityName: 'contact', id: ALEX.id, name: 'Alex Baker' },
        label: 'Business',
        callId: 'c1',
      });
      const e164 = oneEvent(el, 'cif-dial');
      $$(el, '[part="dial"]')[0]!.click();
      expect((await e164).detail.normalised).to.equal('+12065550100');
    });

    it("dials through the bound store's dial without actions", async () => {
      const store = fakeStore({ calls: [] });
      const el = await fixture<CifContactCard>(
        html`<cif-contact-card .contact=${ALEX} .store=${store}></cif-contact-card>`,
      );
      $(el, '[part="dial"]').click();
      await waitUntil(() => store.dial.called);
      expect(store.dial.firstCall.args).to.deep.equal([
        '+12065550100',
        {
          regarding: { entityName: 'contact', id: ALEX.id, name: 'Alex Baker' },
          displayName: 'Alex Baker',
        },
      ]);
    });

    it('copies a number and announces it; announces a refused copy', async () => {
      const write = sinon.stub(navigator.clipboard, 'writeText').resolves();
      const el = await fixture<CifContactCard>(
        html`<cif-contact-card .contact=${ALEX}></cif-contact-card>`,
      );
      $(el, '[part="copy"]').click();
      await waitUntil(() => announcements().polite === '+1 206-555-0100 copied');
      expect(write.firstCall.args).to.deep.equal(['+12065550100']);
      write.rejects(new Error('denied'));
      $$(el, '[part="copy"]')[1]!.click();
      await waitUntil(() => announcements().polite === 'The number could not be copied');
    });

    it('does nothing while disconnected', async () => {
      const actions = recordingActions();
      const el = await fixture<CifContactCard>(
        html`<cif-contact-card .contact=${ALEX} .actions=${actions}></cif-contact-card>`,
      );
      const open = button(el, 'open-button');
      const events = sinon.spy();
      el.addEventListener('cif-open-record', events);
      el.remove();
      open.click();
      await nextFrame();
      expect(events.called).to.equal(false);
      expect(actions.openRecord.called).to.equal(false);
    });
  });

  describe('the picker', () => {
    it('moves with arrows, Home, End and letters; Enter chooses; focus goes to the name', async () => {
      const actions = recordingActions();
      const el = await fixture<CifContactCard>(
        html`<cif-contact-card
          call-id="c1"
          .candidates=${[ALEX, SAM, CONTOSO]}
          .actions=${actions}
        ></cif-contact-card>`,
      );
      options(el)[0]!.focus();
      await sendKeys({ press: 'ArrowDown' });
      expect(active(el)).to.equal(options(el)[1]);
      await el.updateComplete;
      expect(options(el).map((o) => o.tabIndex)).to.deep.equal([-1, 0, -1]);
      await sendKeys({ press: 'End' });
      expect(active(el)).to.equal(options(el)[2]);
      await sendKeys({ press: 'ArrowDown' });
      expect(active(el), 'stays on the last').to.equal(options(el)[2]);
      await sendKeys({ press: 'Home' });
      expect(active(el)).to.equal(options(el)[0]);
      await sendKeys({ press: 'ArrowUp' });
      expect(active(el)).to.equal(options(el)[0]);
      await sendKeys({ press: 's' });
      expect(active(el), 'type-ahead').to.equal(options(el)[1]);
      await sendKeys({ press: 'x' });
      expect(active(el), 'no name with x').to.equal(options(el)[1]);
      const event = oneEvent(el, 'cif-select-match');
      await sendKeys({ press: 'Enter' });
      const select: CifSelectMatchEvent = await event;
      const record = { entityName: 'contact', id: SAM.id, name: 'Sam Baker' };
      expect(select.detail).to.deep.equal({ callId: 'c1', record });
      expect(select.bubbles && select.composed && select.cancelable).to.equal(true);
      await settle(el);
      expect(el.view).to.equal('known');
      expect(heading(el)).to.equal('Sam Baker');
      expect(active(el)).to.equal($(el, '#name'));
      await waitUntil(() => announcements().polite === 'Sam Baker chosen');
      expect(actions.selectMatch.firstCall.args).to.deep.equal(['c1', record]);
    });

    it('goes back to the picker from the chosen match, on the chosen option; Space chooses', async () => {
      const el = await fixture<CifContactCard>(
        html`<cif-contact-card .candidates=${[ALEX, SAM]}></cif-contact-card>`,
      );
      options(el)[1]!.click();
      await settle(el);
      expect(heading(el)).to.equal('Sam Baker');
      const back = button(el, 'matches-button');
      expect(back.textContent.trim()).to.equal('Not this caller? 2 matches');
      back.click();
      await settle(el);
      expect(el.view).to.equal('matches');
      expect(active(el)).to.equal(options(el)[1]);
      expect(options(el).map((o) => o.getAttribute('aria-selected'))).to.deep.equal([
        'false',
        'true',
      ]);
      await sendKeys({ press: 'ArrowUp' });
      await sendKeys({ press: 'Space' });
      await settle(el);
      expect(heading(el)).to.equal('Alex Baker');
    });

    it('keeps the picker when cif-select-match is prevented', async () => {
      const store = fakeStore({ calls: [] });
      const el = await fixture<CifContactCard>(
        html`<cif-contact-card
          call-id="c1"
          .store=${store}
          .candidates=${[ALEX, SAM]}
        ></cif-contact-card>`,
      );
      el.addEventListener('cif-select-match', (event) => event.preventDefault(), { once: true });
      options(el)[0]!.click();
      await settle(el);
      expect(el.view).to.equal('matches');
      expect(store.annotate.called).to.equal(false);
      options(el)[0]!.click();
      await settle(el);
      expect(el.view).to.equal('known');
      expect(store.annotate.firstCall.args).to.deep.equal([
        'c1',
        { regarding: { entityName: 'contact', id: ALEX.id, name: 'Alex Baker' } },
      ]);
    });

    it('chooses a candidate without a record locally', async () => {
      const events = sinon.spy();
      const el = await fixture<CifContactCard>(
        html`<cif-contact-card
          .candidates=${[{ name: 'Walk-in A' }, { name: 'Walk-in B' }]}
        ></cif-contact-card>`,
      );
      el.addEventListener('cif-select-match', events);
      options(el)[1]!.click();
      await settle(el);
      expect(heading(el)).to.equal('Walk-in B');
      expect(events.called).to.equal(false);
    });
  });

  describe('recent activity', () => {
    const ACTIVITY = [
      {
        type: 'phonecall',
        subject: 'Billing question',
        time: NOW - 3 * 86_400_000,
        direction: 'inbound' as const,
        record: { entityName: 'phonecall', id: 'p1' },
      },
      { type: 'incident', subject: 'Printer jam', time: new Date(NOW - 3_600_000) },
      { type: 'email', subject: '', time: '2025-01-15T17:29:00Z' },
      { type: 'appointment', subject: 'Site visit', time: 'not a date' },
      { type: 'task', subject: '5' },
      { type: 'task', subject: '6 (not shown)' },
    ];

    it('lists the latest interactions with relative times; an entry with a record opens it', async () => {
      const actions = recordingActions();
      const el = await fixture<CifContactCard>(
        html`<cif-contact-card
          call-id="c1"
          .now=${NOW}
          .actions=${actions}
          .contact=${{ ...ALEX, activity: ACTIVITY }}
        ></cif-contact-card>`,
      );
      await waitUntil(() => el.shadowRoot!.querySelector('[part="activity"] li'));
      const section = $(el, '[part="activity"]');
      expect(section.querySelector('[role="heading"]')!.getAttribute('aria-level')).to.equal('3');
      const items = $$(el, '[part="activity"] li').map((li) =>
        li.textContent.replace(/\s+/g, ' ').trim(),
      );
      expect(items).to.deep.equal([
        'Billing question Phone call · 3 days ago',
        'Printer jam Case · 1 hour ago',
        'Email Email · 1 minute ago',
        'Site visit Activity',
        '5 Activity',
      ]);
      expect($(el, '[part="activity"] time').getAttribute('datetime')).to.equal(
        new Date(NOW - 3 * 86_400_000).toISOString(),
      );
      const buttons = $$(el, 'button[part="activity-item"]');
      expect(buttons).to.have.length(1);
      const event = oneEvent(el, 'cif-open-record');
      buttons[0]!.click();
      expect((await event).detail).to.deep.equal({
        record: { entityName: 'phonecall', id: 'p1' },
        callId: 'c1',
      });
      await expect(el).to.be.accessible();
    });

    it('loads activity through actions: loading, loaded, failed, empty', async () => {
      let resolve!: (value: unknown) => void;
      const actions: ContactCardActions = {
        loadRecentActivity: sinon.stub().returns(new Promise((r) => (resolve = r))),
      };
      const el = await fixture<CifContactCard>(
        html`<cif-contact-card
          .now=${NOW}
          .actions=${actions}
          .contact=${ALEX}
        ></cif-contact-card>`,
      );
      await waitUntil(() => el.shadowRoot!.querySelector('[part="activity"] [part="skeleton"]'));
      expect(actions.loadRecentActivity).to.have.property('callCount', 1);
      resolve(ACTIVITY.slice(0, 1));
      await waitUntil(() => el.shadowRoot!.querySelector('[part="activity"] li'));

      el.actions = { loadRecentActivity: () => Promise.reject(new Error('no')) };
      await waitUntil(() =>
        $(el, '[part="activity"]')?.textContent.includes('Recent activity could not be loaded'),
      );
      el.actions = { loadRecentActivity: () => Promise.resolve('nonsense' as never) };
      await waitUntil(() => $(el, '[part="activity"]')?.textContent.includes('No recent activity'));
      el.activityHidden = true;
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part="activity"]')).to.equal(null);
    });

    it('ignores an answer for a contact no longer shown', async () => {
      let resolve!: (value: unknown) => void;
      const first: ContactCardActions = {
        loadRecentActivity: () =>
          new Promise((r) => {
            resolve = r as (value: unknown) => void;
          }),
      };
      const el = await fixture<CifContactCard>(
        html`<cif-contact-card .actions=${first} .contact=${ALEX}></cif-contact-card>`,
      );
      await waitUntil(() => el.shadowRoot!.querySelector('[part="activity"] [part="skeleton"]'));
      el.actions = { loadRecentActivity: () => Promise.resolve([]) };
      await waitUntil(() => $(el, '[part="activity"]')?.textContent.includes('No recent activity'));
      resolve(ACTIVITY);
      await settle(el);
      expect(el.shadowRoot!.querySelector('[part="activity"] li')).to.equal(null);
    });
  });

  describe('localisation and direction', () => {
    it('speaks German', async () => {
      const el = await fixture<CifContactCard>(
        html`<cif-contact-card lang="de" .contact=${ALEX} .now=${NOW}></cif-contact-card>`,
      );
      expect($$(el, '[part="dial"]')[0]!.getAttribute('aria-label')).to.equal(
        'Mobil +1 206-555-0100 anrufen',
      );
      expect($$(el, 'dt').map((dt) => dt.textContent.trim())).to.include('Ortszeit');
    });

    it('reads right to left in Arabic, numbers left to right', async () => {
      const el = await fixture<CifContactCard>(
        html`<cif-contact-card
          lang="ar"
          dir="rtl"
          .contact=${{ ...ALEX, name: 'محمد علي' }}
        ></cif-contact-card>`,
      );
      expect(el.matches(':state(rtl)')).to.equal(true);
      expect(heading(el)).to.equal('محمد علي');
      expect($(el, '[part="avatar"]').textContent.trim()).to.equal('مع');
      expect($(el, '[part="dial"] bdi').getAttribute('dir')).to.equal('ltr');
      const header = $(el, '[part="header"]').getBoundingClientRect();
      const avatar = $(el, '[part="avatar"]').getBoundingClientRect();
      expect(avatar.right, 'the avatar starts the line on the right').to.be.closeTo(
        header.right,
        1,
      );
      await expect(el).to.be.accessible();
    });
  });

  describe('accessibility in every state, light and dark, left to right and right to left', () => {
    const states = {
      known: html`<cif-contact-card
        .now=${NOW}
        .contact=${{ ...ALEX, doNotCall: true, activity: [{ type: 'phonecall', subject: 'Hi', time: NOW, record: { entityName: 'phonecall', id: '1' } }] }}
      ></cif-contact-card>`,
      compact: html`<cif-contact-card layout="compact" .contact=${ALEX}></cif-contact-card>`,
      unknown: html`<cif-contact-card number="+12065550100"></cif-contact-card>`,
      matches: html`<cif-contact-card
        number="+12065550100"
        .candidates=${[ALEX, SAM, CONTOSO]}
      ></cif-contact-card>`,
      loading: html`<cif-contact-card loading></cif-contact-card>`,
      error: html`<cif-contact-card error=""></cif-contact-card>`,
      empty: html`<cif-contact-card></cif-contact-card>`,
    };
    for (const scheme of ['light', 'dark'] as const) {
      for (const dir of ['ltr', 'rtl'] as const) {
        it(`${scheme}, ${dir}`, async () => {
          await emulate({ 'prefers-color-scheme': scheme });
          for (const [name, template] of Object.entries(states)) {
            const wrapper = await fixture<HTMLElement>(
              html`<div dir=${dir} lang=${dir === 'rtl' ? 'ar' : 'en'}>${template}</div>`,
            );
            const el = wrapper.firstElementChild as CifContactCard;
            await settle(el);
            await waitUntil(
              () => !el.shadowRoot!.querySelector('[part="activity"] [part="skeleton"]'),
            );
            await expect(el, `${name} in ${scheme} ${dir}`).to.be.accessible();
          }
        });
      }
    }

    it('keeps a visible border in forced colours', async () => {
      await emulate({ 'forced-colors': 'active' });
      const el = await fixture<CifContactCard>(
        html`<cif-contact-card .contact=${ALEX}></cif-contact-card>`,
      );
      expect(getComputedStyle($(el, '[part="avatar"]')).borderStyle).to.equal('solid');
      await expect(el).to.be.accessible();
    });
  });
});
