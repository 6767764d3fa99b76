// Every hostile payload (@cif-elements/core/testing) through every text path of the four components:
// nothing runs (the canary is never called), nothing becomes a live element, attribute or link in any
// shadow root, and text fields show the payload as text. One fixture per component; the payload is set
// path by path.
import '@cif-elements/call-controls/cif-call-controls.js';
import '@cif-elements/contact-card/cif-contact-card.js';
import '@cif-elements/dialpad/cif-dialpad.js';
import '@cif-elements/incoming-call-toast/cif-incoming-call-toast.js';
import type { CifCallControls } from '@cif-elements/call-controls';
import type { CifContactCard, ContactCardContact } from '@cif-elements/contact-card';
import type { CifDialpad } from '@cif-elements/dialpad';
import type { CifIncomingCallToast, ToastCall } from '@cif-elements/incoming-call-toast';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { render } from 'lit';
import { NOW, until } from '../test-utils/fixtures.js';
import {
  HOSTILE_PAYLOADS,
  count,
  findLiveMarkup,
  pushEverywhere,
  tally,
  watchCanary,
  type CanaryWatch,
  type TextPath,
} from './support.js';

const wide = (content: unknown) => html`<div style="inline-size: 360px">${content}</div>`;

let canary: CanaryWatch;
before(() => {
  canary = watchCanary();
});
after(async () => {
  await canary.settle();
  canary.restore();
  const total = Object.values(tally).reduce((a, b) => a + b, 0);
  console.log(
    `hardening: ${HOSTILE_PAYLOADS.length} payloads; tries per component: ${JSON.stringify(tally)}; ${total} in all`,
  );
});

/** Asserts a suite's outcome: no problems, and the canary never called. */
async function clean(
  result: { problems: unknown[]; tries: number },
  suite: string,
  paths: readonly TextPath<never>[],
) {
  count(suite, result.tries);
  const skipped = paths.reduce((n, p) => n + Object.keys(p.skip ?? {}).length, 0);
  expect(result.tries).to.equal(paths.length * HOSTILE_PAYLOADS.length - skipped);
  expect(result.problems).to.deep.equal([]);
  await canary.settle();
  expect(canary.calls).to.deep.equal([]);
}

describe('hostile text in <cif-contact-card>', () => {
  const BASE: ContactCardContact = {
    entityName: 'contact',
    id: '80ac35a0-01af-ea11-a812-000d3a8b3ec6',
    name: 'Alex Baker',
    activity: [],
  };
  const withContact =
    (patch: (text: string) => Partial<ContactCardContact>) =>
    (el: CifContactCard, text: string) => {
      el.candidates = [];
      el.error = undefined;
      el.number = '';
      el.contact = { ...BASE, ...patch(text) };
    };

  const paths: TextPath<CifContactCard>[] = [
    { name: 'name', shown: 'text', set: withContact((name) => ({ name })) },
    { name: 'job title', shown: 'text', set: withContact((jobTitle) => ({ jobTitle })) },
    { name: 'company', shown: 'text', set: withContact((company) => ({ company })) },
    { name: 'address', shown: 'text', set: withContact((address) => ({ address })) },
    {
      name: 'field label',
      shown: 'text',
      set: withContact((label) => ({ fields: [{ label, value: 'Gold' }] })),
    },
    {
      name: 'field value',
      shown: 'text',
      set: withContact((value) => ({ fields: [{ label: 'Tier', value }] })),
    },
    { name: 'e-mail', shown: 'text', set: withContact((address) => ({ emails: [address] })) },
    {
      name: 'e-mail label',
      shown: 'text',
      set: withContact((label) => ({ emails: [{ address: 'alex@contoso.com', label }] })),
    },
    {
      name: 'phone label',
      shown: 'text',
      set: withContact((label) => ({ phones: [{ number: '+12065550100', label }] })),
    },
    { name: 'phone number', shown: 'safe', set: withContact((number) => ({ phones: [number] })) },
    {
      name: 'activity subject',
      shown: 'text',
      set: withContact((subject) => ({
        activity: [{ type: 'phonecall', subject, time: NOW - 60_000 }],
      })),
    },
    {
      name: 'activity type',
      shown: 'safe',
      set: withContact((type) => ({ activity: [{ type, subject: 'Call', time: NOW }] })),
    },
    { name: 'avatar URL', shown: 'safe', set: withContact((avatarUrl) => ({ avatarUrl })) },
    { name: 'time zone', shown: 'safe', set: withContact((timeZone) => ({ timeZone })) },
    { name: 'matched number', shown: 'safe', set: withContact((number) => ({ number })) },
    {
      name: 'several matches: names',
      shown: 'text',
      set: (el, name) => {
        el.contact = undefined;
        el.number = '+12065550100';
        el.candidates = [
          { entityName: 'contact', id: 'c1', name, company: 'Contoso' },
          { entityName: 'lead', id: 'c2', name: 'Alexandra Baker' },
        ];
      },
    },
    {
      name: 'several matches: companies',
      shown: 'text',
      set: (el, company) => {
        el.contact = undefined;
        el.number = '+12065550100';
        el.candidates = [
          { entityName: 'contact', id: 'c1', name: 'Alex Baker', company },
          { entityName: 'lead', id: 'c2', name: 'Alexandra Baker', company: 'Fabrikam' },
        ];
      },
    },
    {
      name: 'unknown caller number',
      shown: 'safe',
      set: (el, number) => {
        el.contact = undefined;
        el.candidates = [];
        el.number = number;
      },
    },
    {
      name: 'error message',
      shown: 'text',
      set: (el, error) => {
        el.contact = undefined;
        el.error = error;
      },
    },
  ];

  it(`shows ${paths.length} fields × every payload as text, nothing live`, async () => {
    const wrapper = await fixture<HTMLElement>(
      wide(html`<cif-contact-card .now=${NOW} .contact=${BASE}></cif-contact-card>`),
    );
    const el = wrapper.querySelector<CifContactCard>('cif-contact-card')!;
    // The activity list is a lazy chunk: let it load once.
    withContact((subject) => ({ activity: [{ type: 'phonecall', subject }] }))(el, 'warm-up');
    await until(() => el.shadowRoot!.querySelector('[part~=activity-item]'));
    const result = await pushEverywhere(el, paths);
    await clean(result, 'contact card', paths);
  });
});

describe('hostile text in <cif-contact-card>: prototype keys', () => {
  // The activity type is looked up in a table: "__proto__" or "constructor" must not reach
  // Object.prototype (it used to throw while rendering and blank the whole card).
  it('an activity type of "__proto__" or "constructor" renders like any other kind', async () => {
    const wrapper = await fixture<HTMLElement>(
      wide(html`<cif-contact-card .now=${NOW}></cif-contact-card>`),
    );
    const el = wrapper.querySelector<CifContactCard>('cif-contact-card')!;
    for (const type of ['__proto__', 'constructor', 'toString']) {
      el.contact = {
        name: 'Alex Baker',
        activity: [{ type, subject: `Subject ${type}`, time: NOW }],
      };
      await el.updateComplete;
      await until(() => el.shadowRoot!.querySelector('[part~=activity-item]'));
      expect(el.shadowRoot!.textContent).to.include(`Subject ${type}`);
    }
  });
});

describe('hostile text in <cif-incoming-call-toast>', () => {
  const BASE: ToastCall = { id: 'a', number: '+16195550129', name: 'Jane Doe', createdAt: NOW };
  const withCall =
    (patch: (text: string) => Partial<ToastCall>) => (el: CifIncomingCallToast, text: string) => {
      el.calls = [{ ...BASE, ...patch(text) }];
    };
  const withAttributes =
    (patch: (text: string) => Partial<CifIncomingCallToast>) =>
    (el: CifIncomingCallToast, text: string) => {
      el.calls = [];
      Object.assign(el, {
        number: '+16195550129',
        callerName: 'Jane Doe',
        company: '',
        queue: '',
        campaign: '',
        avatar: '',
        ...patch(text),
      });
    };

  const paths: TextPath<CifIncomingCallToast>[] = [
    { name: 'caller name', shown: 'text', set: withCall((name) => ({ name })) },
    { name: 'number', shown: 'safe', set: withCall((number) => ({ number, name: undefined })) },
    { name: 'company', shown: 'text', set: withCall((company) => ({ company })) },
    { name: 'queue', shown: 'text', set: withCall((queue) => ({ queue })) },
    { name: 'campaign', shown: 'text', set: withCall((campaign) => ({ campaign })) },
    { name: 'IVR path', shown: 'text', set: withCall((step) => ({ ivr: ['Billing', step] })) },
    {
      name: 'context field label',
      shown: 'text',
      set: withCall((label) => ({ fields: [{ label, value: 'Gold' }] })),
    },
    {
      name: 'context field value',
      shown: 'text',
      set: withCall((value) => ({ fields: { Tier: value } })),
    },
    {
      name: 'several matches',
      shown: 'safe',
      set: withCall((name) => ({ name: undefined, matches: [{ name }, { name: 'Alex Baker' }] })),
    },
    { name: 'avatar URL', shown: 'safe', set: withCall((avatar) => ({ avatar })) },
    {
      name: 'caller-name attribute',
      shown: 'text',
      set: withAttributes((callerName) => ({ callerName })),
    },
    { name: 'company attribute', shown: 'text', set: withAttributes((company) => ({ company })) },
    { name: 'queue attribute', shown: 'text', set: withAttributes((queue) => ({ queue })) },
    { name: 'avatar attribute', shown: 'safe', set: withAttributes((avatar) => ({ avatar })) },
  ];

  it(`shows ${paths.length} fields × every payload as text, nothing live`, async () => {
    const wrapper = await fixture<HTMLElement>(
      wide(
        html`<cif-incoming-call-toast
          muted
          timeout="0"
          .calls=${[BASE]}
        ></cif-incoming-call-toast>`,
      ),
    );
    const el = wrapper.querySelector<CifIncomingCallToast>('cif-incoming-call-toast')!;
    await until(() => el.shadowRoot!.querySelector('button'));
    const result = await pushEverywhere(el, paths);
    await clean(result, 'incoming-call toast', paths);
  });
});

describe('hostile text in <cif-call-controls>', () => {
  const paths: TextPath<CifCallControls>[] = [
    {
      name: 'consulted party',
      shown: 'text',
      set: (el, consultTarget) => {
        Object.assign(el, { state: 'connected', consultTarget, dispositions: [] });
      },
    },
    {
      name: 'transfer target',
      shown: 'safe',
      set: (el, transferTarget) => {
        Object.assign(el, { state: 'connected', consultTarget: '', transferTarget });
      },
    },
    {
      name: 'toolbar label',
      shown: 'text',
      set: (el, label) => {
        Object.assign(el, { state: 'connected', consultTarget: '', label });
      },
    },
    {
      name: 'wrap-up disposition label',
      shown: 'text',
      set: (el, label) => {
        Object.assign(el, {
          state: 'wrap-up',
          label: '',
          dispositions: ['Resolved', { value: 'x', label }],
        });
      },
    },
    {
      name: 'wrap-up disposition value',
      shown: 'safe',
      set: (el, value) => {
        Object.assign(el, { state: 'wrap-up', dispositions: [value] });
      },
    },
  ];

  it(`shows ${paths.length} fields × every payload safely, nothing live`, async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div style="inline-size: 480px">
        <cif-call-controls
          state="wrap-up"
          call-id="c1"
          layout="toolbar"
          .callStart=${NOW - 65_000}
          .dispositions=${['Resolved']}
          .now=${() => NOW}
        ></cif-call-controls>
      </div>`,
    );
    const el = wrapper.querySelector<CifCallControls>('cif-call-controls')!;
    // The panels (consult, transfer, wrap-up) are a lazy chunk: let it load once.
    await until(() => el.shadowRoot!.querySelector('[part~=wrap-up] select'));
    const result = await pushEverywhere(el, paths);
    await clean(result, 'call controls', paths);
  });
});

describe('hostile text in <cif-dialpad>', () => {
  const paste = (el: CifDialpad, text: string) => {
    el.value = '';
    const input = el.shadowRoot!.querySelector('input')!;
    const data = new DataTransfer();
    data.setData('text/plain', text);
    input.focus();
    input.dispatchEvent(
      new ClipboardEvent('paste', {
        clipboardData: data,
        bubbles: true,
        composed: true,
        cancelable: true,
      }),
    );
  };
  const paths: TextPath<CifDialpad>[] = [
    { name: 'paste', shown: 'safe', set: paste },
    { name: 'value', shown: 'safe', set: (el, value) => void (el.value = value) },
    {
      name: 'recent name',
      shown: 'text',
      set: (el, name) => {
        el.value = '';
        el.recents = [{ number: '+12015550143', name, time: NOW - 600_000 }];
      },
    },
    {
      name: 'recent number',
      shown: 'safe',
      set: (el, number) => {
        el.recents = [number, { number, name: 'Jane Doe' }];
      },
    },
    {
      name: 'do-not-call reason',
      shown: 'text',
      set: async (el, reason) => {
        el.recents = [];
        el.value = '+12015550123';
        el.doNotCall = () => ({ blocked: true, reason });
        const blocked = oneEvent(el, 'cif-dial-blocked');
        void el.dial();
        await Promise.race([
          blocked,
          new Promise((_, reject) =>
            setTimeout(() => reject(new Error('the do-not-call gate did not answer')), 5000),
          ),
        ]);
      },
    },
    { name: 'label', shown: 'text', set: (el, label) => void (el.label = label) },
    {
      name: 'placeholder',
      shown: 'text',
      set: (el, placeholder) => {
        el.doNotCall = undefined;
        el.value = '';
        el.placeholder = placeholder;
      },
    },
    {
      name: 'contact search results (slotted)',
      shown: 'safe',
      set: (el, name) => {
        // A vendor's search results, rendered with Lit into the results slot.
        render(
          html`<ul slot="results">
            <li>${name}</li>
          </ul>`,
          el,
        );
      },
    },
  ];

  it(`takes ${paths.length} paths × every payload safely, nothing live`, async () => {
    const wrapper = await fixture<HTMLElement>(wide(html`<cif-dialpad region="US"></cif-dialpad>`));
    const el = wrapper.querySelector<CifDialpad>('cif-dialpad')!;
    // The first dial loads the number formatter: once, before the clock matters.
    el.value = '+12015550123';
    el.doNotCall = () => ({ blocked: true, reason: 'warm-up' });
    await el.dial();
    const result = await pushEverywhere(el, paths);
    // The slotted results are light DOM of the dialpad: checked with it.
    expect(findLiveMarkup(el)).to.deep.equal([]);
    expect(el.querySelector('li')?.textContent).to.equal(HOSTILE_PAYLOADS.at(-1)!.text);
    await clean(result, 'dialpad', paths);
  });
});
