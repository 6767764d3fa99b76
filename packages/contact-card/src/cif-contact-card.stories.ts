import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { cifArgs } from '../../../.storybook/manifest.js';
import './cif-contact-card.js';
import type { ContactCardActions } from './actions.js';
import type { ContactCardStore } from './store.js';
import type { ContactActivity, ContactCardContact, ContactRecordRef } from './types.js';

/** Args named after the card's attributes (Controls come from its custom-elements manifest). */
type Args = Record<string, unknown>;

/** A fixed "now", so local and relative times do not change between runs. */
const NOW = Date.UTC(2025, 0, 15, 17, 30);
const DAY = 86_400_000;

const PORTRAIT = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48"><rect width="48" height="48" fill="#0f548c"/><circle cx="24" cy="19" r="9" fill="#cfe4fa"/><path d="M8 48c2-11 8-16 16-16s14 5 16 16z" fill="#cfe4fa"/></svg>',
)}`;

const ACTIVITY: ContactActivity[] = [
  {
    type: 'incident',
    subject: 'Printer jams on tray 2',
    time: NOW - 2 * 3_600_000,
    record: { entityName: 'incident', id: 'i1' },
  },
  {
    type: 'phonecall',
    subject: 'Billing question',
    time: NOW - 3 * DAY,
    direction: 'inbound',
    record: { entityName: 'phonecall', id: 'p1' },
  },
  { type: 'email', subject: 'Quote for 40 units', time: NOW - 12 * DAY },
];

const ALEX: ContactCardContact = {
  entityName: 'contact',
  id: '80ac35a0-01af-ea11-a812-000d3a8b3ec6',
  name: 'Alex Baker',
  jobTitle: 'Purchasing manager',
  company: 'Contoso Pharmaceuticals',
  phones: [
    { number: '+12065550100', type: 'mobile' },
    { number: '+14255550199', type: 'business' },
  ],
  emails: ['alex.baker@contoso.com'],
  address: '1 Microsoft Way\nRedmond, WA 98052',
  timeZone: 'America/Los_Angeles',
  vip: true,
  fields: [
    { label: 'Customer since', value: '2019' },
    { label: 'Support plan', value: 'Premier' },
  ],
  activity: ACTIVITY,
};

const CANDIDATES: ContactCardContact[] = [
  {
    entityName: 'contact',
    id: '1',
    name: 'Alex Baker',
    company: 'Contoso',
    jobTitle: 'Purchasing manager',
    phones: [{ number: '+12065550100', type: 'mobile' }],
  },
  {
    entityName: 'contact',
    id: '2',
    name: 'Sam Baker',
    company: 'Fabrikam',
    jobTitle: 'Owner',
    phones: [{ number: '+12065550100', type: 'home' }],
  },
  {
    entityName: 'account',
    id: '3',
    name: 'Contoso Ltd',
    company: 'Contoso',
    phones: [{ number: '+12065550100', type: 'business' }],
  },
];

/** Actions that do nothing but log, so stories can be clicked without Dynamics. */
const storyActions: ContactCardActions = {
  openRecord: (record) => console.info('open', record),
  createRecord: (request) => console.info('create', request),
  search: (request) => console.info('search', request),
  dial: (request) => console.info('dial', request),
};

/** A call store shaped like core's, with one ringing call whose lookup found two records. */
function storyStore(): ContactCardStore {
  let call = {
    id: 'call-1',
    state: 'ringing',
    remoteNumber: '+12065550100',
    displayName: null,
    matches: [
      {
        entityName: 'contact',
        id: '1',
        name: 'Alex Baker',
        field: 'mobilephone',
        number: '+12065550100',
      },
      {
        entityName: 'contact',
        id: '2',
        name: 'Sam Baker',
        field: 'telephone2',
        number: '+12065550100',
      },
    ],
    lookup: 'done',
    regarding: null as ContactRecordRef | null,
  };
  let snapshot = { calls: [call], activeCallId: null };
  const listeners = new Set<() => void>();
  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    annotate(_callId, { regarding }) {
      call = { ...call, regarding };
      snapshot = { calls: [call], activeCallId: null };
      for (const listener of listeners) listener();
      return Promise.resolve();
    },
  };
}

const panel = (content: unknown, width = 340) =>
  html`<div style="inline-size: ${width}px; max-inline-size: 100%">${content}</div>`;

const meta: Meta<Args> = {
  title: 'Components/Contact card',
  component: 'cif-contact-card',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'Who is on the line, one click from the record. Renders from `contact`, `candidates`, `number`, ' +
          '`loading` and `error`; bind `.store` to a call store to follow the active call, and `.actions` ' +
          'to a CRM bridge (core implements it over CIF) for open, create, search, dial and match.',
      },
    },
  },
  render: (args) =>
    panel(
      html`<cif-contact-card
        ${cifArgs(args)}
        .contact=${ALEX}
        .now=${NOW}
        .actions=${storyActions}
      ></cif-contact-card>`,
    ),
};

export default meta;
type Story = StoryObj<Args>;

/** Every attribute as a control. */
export const Playground: Story = {};

/** A known contact: details, typed numbers to dial or copy, local time, flags, custom fields, activity. */
export const Known: Story = {};

/** An avatar image (http(s), blob or data:image URLs only; a broken image falls back to initials). */
export const AvatarImage: Story = {
  render: () =>
    panel(
      html`<cif-contact-card
        .now=${NOW}
        .contact=${{ ...ALEX, avatarUrl: PORTRAIT, activity: undefined, fields: undefined }}
      ></cif-contact-card>`,
    ),
};

/** Compact: the header only, for narrow panels. */
export const Compact: Story = {
  args: { layout: 'compact' },
  render: (args) =>
    panel(html`<cif-contact-card ${cifArgs(args)} .contact=${ALEX}></cif-contact-card>`, 300),
};

/** An unknown caller: the number, with Create contact and Search. */
export const UnknownCaller: Story = {
  render: () =>
    panel(
      html`<cif-contact-card number="+12065550123" .actions=${storyActions}></cif-contact-card>`,
    ),
};

/** Several records match the number: a listbox of candidates with the fields that tell them apart. */
export const SeveralMatches: Story = {
  render: () =>
    panel(
      html`<cif-contact-card number="+12065550100" .candidates=${CANDIDATES}></cif-contact-card>`,
    ),
};

/** Looking the caller up. */
export const Loading: Story = { args: { loading: true } };

/** The lookup failed: a message and Retry. */
export const ErrorState: Story = {
  name: 'Error',
  render: () =>
    panel(
      html`<cif-contact-card
        number="+12065550100"
        error="Dynamics 365 did not answer in time."
      ></cif-contact-card>`,
    ),
};

/** Nothing to show: no call, no contact. */
export const Empty: Story = { render: () => panel(html`<cif-contact-card></cif-contact-card>`) };

/** A contact who asked not to be called: dial buttons are off, the reason is shown. */
export const DoNotCall: Story = {
  render: () =>
    panel(
      html`<cif-contact-card
        .now=${NOW}
        .contact=${{ ...ALEX, vip: false, doNotCall: true, activity: [] }}
      ></cif-contact-card>`,
    ),
};

/** Long names, titles, companies and addresses wrap inside a 300 px panel. */
export const LongNames: Story = {
  render: () =>
    panel(
      html`<cif-contact-card
        .now=${NOW}
        .contact=${{
          ...ALEX,
          name: 'Maximilian Alexander Wolfeschlegelsteinhausenbergerdorff-Baker',
          jobTitle: 'Senior Vice President of Strategic Procurement and Vendor Relationships',
          company:
            'Contoso Pharmaceuticals International Holdings (Europe, Middle East & Africa) GmbH',
          emails: [
            'maximilian.alexander.wolfeschlegelsteinhausenbergerdorff@contoso-pharmaceuticals.example.com',
          ],
          activity: [{ type: 'phonecall', subject: 'A'.repeat(120), time: NOW - DAY }],
        }}
      ></cif-contact-card>`,
      300,
    ),
};

/** Right-to-left names in Arabic; numbers keep reading left to right. */
export const RightToLeftNames: Story = {
  render: () =>
    panel(
      html`<div dir="rtl" lang="ar">
        <cif-contact-card
          .now=${NOW}
          .contact=${{
            ...ALEX,
            name: 'محمد عبد الله',
            jobTitle: 'مدير المشتريات',
            company: 'شركة كونتوسو',
            address: 'شارع الملك فهد\nالرياض',
            timeZone: 'Asia/Riyadh',
            fields: [{ label: 'عميل منذ', value: '٢٠١٩' }],
            activity: [{ type: 'phonecall', subject: 'استفسار عن الفاتورة', time: NOW - DAY }],
          }}
        ></cif-contact-card>
      </div>`,
    ),
};

/** The dark theme, set on the card's container. */
export const Dark: Story = {
  render: () =>
    panel(
      html`<div data-cif-theme="dark" style="background: var(--cif-color-surface); padding: 8px">
        <cif-contact-card data-cif-theme="dark" .now=${NOW} .contact=${ALEX}></cif-contact-card>
      </div>`,
    ),
};

/** Themed through the component tokens (square avatar, brand colours, tighter padding). */
export const Themed: Story = {
  render: () =>
    panel(
      html`<cif-contact-card
        style="--cif-contact-card-radius: 0; --cif-contact-card-border-color: #0f548c; --cif-contact-card-padding: 12px; --cif-contact-card-avatar-size: 40px; --cif-contact-card-avatar-background: #0f548c"
        .now=${NOW}
        .contact=${{ ...ALEX, activity: undefined }}
      ></cif-contact-card>`,
    ),
};

/** A second locale: German. */
export const German: Story = {
  render: () =>
    panel(
      html`<cif-contact-card
        lang="de"
        .now=${NOW}
        .contact=${{ ...ALEX, timeZone: 'Europe/Berlin' }}
      ></cif-contact-card>`,
    ),
};

/** Markup and `javascript:` URLs in the data render as text and never become links or images. */
export const HostileInput: Story = {
  render: () =>
    panel(
      html`<cif-contact-card
        .contact=${{
          name: '<img src=x onerror=alert(1)> Mallory',
          company: '<script>alert(1)</script>',
          avatarUrl: 'javascript:alert(1)',
          emails: ['javascript:alert(1)//@example.com'],
          fields: [{ label: '<b>Note</b>', value: '<a href="javascript:alert(1)">click</a>' }],
        }}
      ></cif-contact-card>`,
    ),
};

/** Bound to a call store: the ringing call's two matches; choosing one sets the call's matched record. */
export const BoundToStore: Story = {
  render: () => panel(html`<cif-contact-card .store=${storyStore()}></cif-contact-card>`),
};

/** Interaction: the agent opens the caller's record; the card fires `cif-open-record` with it. */
export const OpenRecord: Story = {
  name: 'Open the record',
  args: { onCifOpenRecord: fn() },
  play: async ({ canvasElement, args, step }) => {
    const card = canvasElement.querySelector('cif-contact-card')!;
    await card.updateComplete;
    const open = card.shadowRoot!.querySelector<HTMLButtonElement>('[part~="open-button"]')!;
    await step('Open', () => userEvent.click(open));
    await expect(args.onCifOpenRecord).toHaveBeenCalledOnce();
    await expect(args.onCifOpenRecord).toHaveBeenCalledWith(
      expect.objectContaining({
        record: expect.objectContaining({ entityName: 'contact', id: ALEX.id }),
      }),
    );
  },
};

/**
 * Interaction: the number matched two contacts; the agent picks the second. The card fires
 * `cif-select-match`, the store records the choice, and the card shows the chosen contact.
 */
export const PickAmongMatches: Story = {
  name: 'Pick among several matches',
  args: { onCifSelectMatch: fn() },
  render: () => panel(html`<cif-contact-card .store=${storyStore()}></cif-contact-card>`),
  play: async ({ canvasElement, args, step }) => {
    const card = canvasElement.querySelector('cif-contact-card')!;
    await card.updateComplete;
    const options = () =>
      Array.from(card.shadowRoot!.querySelectorAll<HTMLElement>('[part~="option"]'));
    await waitFor(() => expect(options()).toHaveLength(2));
    await step('Choose Sam Baker', () => userEvent.click(options()[1]!));
    await expect(args.onCifSelectMatch).toHaveBeenCalledWith(
      expect.objectContaining({
        callId: 'call-1',
        record: expect.objectContaining({ entityName: 'contact', id: '2' }),
      }),
    );
    await waitFor(() => expect(options()).toHaveLength(0));
    await expect(card.shadowRoot!.querySelector('[part~="name"]')).toHaveTextContent('Sam Baker');
  },
};

/** Keyboard and screen reader behaviour, for reviewers. */
export const AccessibilityNotes: Story = {
  render: () =>
    panel(
      html`<cif-contact-card .candidates=${CANDIDATES} number="+12065550100"></cif-contact-card>
        <ul style="font-size: 13px; padding-inline-start: 1.25rem">
          <li>
            The name is a heading (level 2, or <code>heading-level</code>); fields are a description
            list.
          </li>
          <li>Numbers are buttons named "Call mobile +1 206-555-0100"; each has a copy button.</li>
          <li>
            The picker is a listbox: one tab stop, arrows, Home and End move, a letter jumps, Enter
            or Space chooses; focus then moves to the chosen name.
          </li>
          <li>Copies, choices and errors are announced through the kit's shared live region.</li>
          <li>Every target is at least 44 × 44 px.</li>
        </ul>`,
    ),
};
