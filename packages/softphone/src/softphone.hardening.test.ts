// Hostile text from Dynamics into the softphone: records returned by the caller search (names, titles,
// companies, e-mails, addresses) and click-to-act payloads from the CIF host, for every payload of
// @cif-elements/core/testing. Nothing runs, nothing becomes live markup in any shadow root of the widget,
// the card and the toast show the caller's name as text, and nothing throws.
import { SimulatedProvider, createCifClient, type Call } from '@cif-elements/core';
import {
  FakeCIFramework,
  HOSTILE_PAYLOADS,
  findLiveMarkup,
  watchCanary,
  type CanaryWatch,
} from '@cif-elements/core/testing';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import './cif-softphone.js';
import type { CifSoftphone } from './CifSoftphone.js';

const FORMATTED = '@OData.Community.Display.V1.FormattedValue';
/** A distinct number per payload: +1 206 555 1000 + index. */
const numberOf = (index: number) => `+1206555${String(1000 + index)}`;
const idOf = (index: number) => `c0000000-0000-4000-8000-${String(index).padStart(12, '0')}`;

/** Text as read: invisible formatting dropped, white space collapsed. */
// eslint-disable-next-line no-misleading-character-class -- a class of invisible characters on purpose
const INVISIBLE = /[\u00AD\u034F\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;
const readable = (text: string) => text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();

/** The text of an element and every shadow root below it. */
function composedText(root: Element | ShadowRoot): string {
  let out = '';
  for (const node of Array.from(root.childNodes)) {
    if (node.nodeType === Node.TEXT_NODE) out += `${node.textContent ?? ''} `;
    else if (node instanceof Element) {
      if (node.localName === 'style') continue;
      if (node.shadowRoot) out += composedText(node.shadowRoot);
      out += composedText(node);
      const label = node.getAttribute('aria-label');
      if (label) out += ` ${label} `;
    }
  }
  return out;
}

const part = (el: CifSoftphone, name: string) =>
  el.shadowRoot!.querySelector<HTMLElement & { view?: string }>(`[part~="${name}"]`);
const calls = (el: CifSoftphone): readonly Call[] => el.store?.getSnapshot().calls ?? [];
const until = (check: () => unknown, what: string) =>
  waitUntil(() => Boolean(check()), what, { timeout: 5000, interval: 5 });

describe('<cif-softphone> with hostile data from Dynamics', () => {
  let canary: CanaryWatch;
  let el: CifSoftphone;
  let fake: FakeCIFramework;
  let provider: SimulatedProvider;
  const tries: Record<string, number> = {};

  /** What the softphone reported through console.error (its workflow errors). */
  const reported: string[] = [];
  const consoleError = console.error;
  before(() => {
    canary = watchCanary();
    console.error = (...args: unknown[]) => {
      const text = args.map(String).join(' ');
      if (text.startsWith('[cif-softphone] click-to-act:')) reported.push(text);
      else consoleError(...args);
    };
  });

  // A fresh widget per test (fixtures are removed after each).
  beforeEach(async () => {
    fake = new FakeCIFramework({
      notificationAnswer: 'pending',
      records: {
        contact: HOSTILE_PAYLOADS.map((payload, index) => ({
          contactid: idOf(index),
          fullname: payload.text,
          jobtitle: payload.text,
          telephone1: numberOf(index),
          emailaddress1: payload.text,
          address1_line1: payload.text,
          address1_city: payload.text,
          _parentcustomerid_value: idOf(1000 + index),
          [`_parentcustomerid_value${FORMATTED}`]: payload.text,
        })),
      },
    });
    const client = createCifClient(fake.library, { onError: () => undefined });
    provider = new SimulatedProvider({ latencyMs: 0 });
    el = await fixture<CifSoftphone>(
      html`<cif-softphone
        .client=${client}
        .provider=${provider}
        .storage=${null}
        namespace=${`softphone-hardening-${Date.now()}`}
        wrap-up-seconds="0"
      ></cif-softphone>`,
    );
    await until(() => el.status === 'connected', 'connected');
  });

  after(async () => {
    console.error = consoleError;
    await canary.settle();
    canary.restore();
    console.log(`softphone hardening: ${JSON.stringify(tries)}`);
  });

  /** No live markup anywhere in the widget, and nothing ran. */
  function assertInert(what: string): void {
    expect(findLiveMarkup(el), what).to.deep.equal([]);
    expect(canary.calls, what).to.deep.equal([]);
  }

  async function idle(): Promise<void> {
    for (const call of calls(el)) {
      if (call.state === 'ringing') await el.store!.decline(call.id);
      else if (call.state !== 'ended') await el.store!.hangUp(call.id);
    }
    await until(() => calls(el).length === 0, 'no calls left');
  }

  it('records returned by the caller search: the card and the toast show them as text', async function () {
    this.timeout(60_000);
    tries.search = 0;
    for (const [index, payload] of HOSTILE_PAYLOADS.entries()) {
      const id = provider.ring(numberOf(index));
      await until(() => calls(el).find((c) => c.id === id)?.lookup === 'done', 'the lookup');
      const card = part(el, 'card')!;
      await until(() => card.view === 'known', `the card for ${payload.id}`);
      await (card as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      const toast = part(el, 'toast')!;
      await until(() => toast.shadowRoot?.querySelector('button'), 'the toast');
      assertInert(payload.id);
      const wanted = readable(payload.text);
      expect(readable(composedText(card.shadowRoot!)), `card: ${payload.id}`).to.include(wanted);
      expect(readable(composedText(toast.shadowRoot!)), `toast: ${payload.id}`).to.include(wanted);
      await idle();
      tries.search++;
    }
    await canary.settle();
    assertInert('after the calls');
  });

  it('click-to-act payloads: a hostile record title dials safely, a hostile value is refused or dialled without the record', async function () {
    this.timeout(60_000);
    tries.clickToActTitle = 0;
    tries.clickToActValue = 0;
    for (const [index, payload] of HOSTILE_PAYLOADS.entries()) {
      const outcomes = await fake.clickToActFrom({
        value: numberOf(index),
        name: 'telephone1',
        format: 'Phone',
        entityLogicalName: 'contact',
        entityId: idOf(index),
        recordTitle: payload.text,
      });
      expect(
        outcomes.every((o) => o.status === 'fulfilled'),
        payload.id,
      ).to.equal(true);
      await until(() => calls(el)[0]?.direction === 'outbound', `dialing for ${payload.id}`);
      await el.updateComplete;
      assertInert(payload.id);
      await idle();
      tries.clickToActTitle++;

      reported.length = 0;
      const refused = await fake.clickToActFrom({
        value: payload.text,
        name: payload.text,
        format: 'Phone',
        entityLogicalName: payload.text,
        entityId: payload.text,
        recordTitle: payload.text,
      });
      // Answered (fulfilled or rejected with a reason), never a throw or a non-promise.
      expect(
        refused.map((o) => o.status).filter((s) => s !== 'fulfilled' && s !== 'rejected'),
      ).to.deep.equal([]);
      const placed = calls(el)[0];
      if (placed) {
        // Letters and digits make a vanity number: dialled, but the forged record is not its regarding.
        expect(placed.regarding, payload.id).to.equal(null);
      } else {
        // Refused and reported in plain words, the hostile text only quoted.
        expect(reported, payload.id).to.have.length(1);
        expect(reported[0]).to.match(/is not a phone number; nothing was dialled$/);
      }
      await el.updateComplete;
      assertInert(`${payload.id} as the value`);
      await idle();
      tries.clickToActValue++;
    }
    await canary.settle();
    assertInert('after the calls');
  });
});
