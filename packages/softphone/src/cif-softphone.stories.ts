import { SimulatedProvider, createCifClient } from '@cif-elements/core';
import { FakeCIFramework } from '@cif-elements/core/testing';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import './cif-softphone.js';

interface Args {
  label: string;
  headingLevel: number;
  wrapUpSeconds: number;
  ringSeconds: number;
}

/** A small org: two callers, one of them twice (a contact and a lead with the same number). */
function org(): FakeCIFramework {
  return new FakeCIFramework({
    notificationAnswer: 'pending',
    presences: ['Available', 'Busy'],
    records: {
      contact: [
        {
          contactid: 'c0000000-0000-4000-8000-000000000007',
          fullname: 'Amelia Hughes',
          jobtitle: 'Account Executive',
          telephone1: '+44 20 7946 0958',
          mobilephone: '+44 7700 900456',
          emailaddress1: 'amelia.hughes@fabrikam.example',
          address1_city: 'London',
          address1_country: 'United Kingdom',
        },
        {
          contactid: 'c0000000-0000-4000-8000-000000000001',
          fullname: 'Alex Baker',
          mobilephone: '619-555-0129',
        },
      ],
      lead: [
        {
          leadid: '1ead0000-0000-4000-8000-000000000005',
          fullname: 'Alex Baker',
          mobilephone: '619-555-0129',
        },
      ],
    },
  });
}

let stories = 0;

/** The widths of the channel panel: 300 px (minimum), 340 px (default), 378 px. */
const panel = (content: TemplateResult, width = 340) =>
  html`<div
    style="inline-size: ${width}px; max-inline-size: 100%; block-size: 640px; overflow: auto; border: 1px solid var(--cif-color-border)"
  >
    ${content}
  </div>`;

/**
 * A softphone "in Dynamics 365" (the fake CIF library) over a simulated phone system. The locale workflow
 * is off: in Storybook the toolbar sets the language.
 */
function connected(args: Partial<Args> = {}, width = 340) {
  const fake = org();
  const client = createCifClient(fake.library, { onError: () => undefined });
  const provider = new SimulatedProvider({ latencyMs: 200 });
  return panel(
    html`<cif-softphone
      .client=${client}
      .provider=${provider}
      .storage=${null}
      .workflowOptions=${{ locale: undefined }}
      namespace=${`story-${++stories}`}
      label=${args.label ?? ''}
      heading-level=${args.headingLevel ?? 1}
      wrap-up-seconds=${args.wrapUpSeconds ?? 0}
      ring-seconds=${args.ringSeconds ?? 60}
    ></cif-softphone>`,
    width,
  );
}

/** The rendered softphone once it is connected (or standalone), with its simulated phone system. */
async function ready(canvas: HTMLElement) {
  const el = canvas.querySelector('cif-softphone')!;
  for (
    let i = 0;
    i < 200 && (el.status === 'starting' || el.store?.getSnapshot().role !== 'owner');
    i++
  ) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await el.updateComplete;
  return { el, provider: el.provider as SimulatedProvider };
}

/** Waits until `check` holds (the store and the components settle asynchronously). */
async function until(check: () => unknown): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
}

/** Waits for the components to render and their entrance animations to end (axe then sees final colours). */
async function settle(root: HTMLElement): Promise<void> {
  const animations = () => {
    const found: Animation[] = [];
    const walk = (node: Element) => {
      if (!node.shadowRoot) return;
      found.push(...node.shadowRoot.getAnimations());
      node.shadowRoot.querySelectorAll('*').forEach(walk);
    };
    root.querySelectorAll('*').forEach(walk);
    return found.filter(
      (a) => a.playState === 'running' && a.effect?.getComputedTiming().endTime !== Infinity,
    );
  };
  for (let round = 0; round < 5; round++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const running = animations();
    if (running.length === 0) return;
    await Promise.all(running.map((a) => a.finished.catch(() => undefined)));
  }
}

const meta: Meta<Args> = {
  title: 'Widgets/Softphone',
  component: 'cif-softphone',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'The reference softphone: the incoming-call toast, the contact card, the call controls and the ' +
          'dialpad composed into one widget for the Dynamics 365 channel panel, wired to core (CIF client, ' +
          'call store, CIF workflows) and to a phone system through `provider`. These stories run it over ' +
          "core's fake CIF library and simulated phone system; `pnpm start` runs it in the emulator.",
      },
    },
  },
  args: { label: '', headingLevel: 1, wrapUpSeconds: 0, ringSeconds: 60 },
  render: (args) => connected(args),
};

export default meta;
type Story = StoryObj<Args>;

/** Connected and idle: the dialpad. Every attribute as a control. */
export const Playground: Story = {};

/** A call rings: the toast (and, in Dynamics, the host's notification); the card shows who it is. */
export const Ringing: Story = {
  play: async ({ canvasElement }) => {
    const { el, provider } = await ready(canvasElement);
    provider.ring('+442079460958');
    await until(() => el.store?.getSnapshot().calls[0]?.lookup === 'done');
    await settle(canvasElement);
  },
};

/** Talking: the contact card and the call controls. */
export const Connected: Story = {
  play: async ({ canvasElement }) => {
    const { el, provider } = await ready(canvasElement);
    const id = provider.ring('+442079460958');
    await until(() => el.store?.getSnapshot().calls[0]?.lookup === 'done');
    await el.store!.answer(id);
    await settle(canvasElement);
  },
};

/** Several records match the number: the card lists them; choosing one makes it the call's record. */
export const SeveralMatches: Story = {
  play: async ({ canvasElement }) => {
    const { el, provider } = await ready(canvasElement);
    const id = provider.ring('+16195550129');
    await until(() => el.store?.getSnapshot().calls[0]?.lookup === 'done');
    await el.store!.answer(id);
    await settle(canvasElement);
  },
};

/** Nobody matches: the card offers Create contact and Search. */
export const UnknownCaller: Story = {
  play: async ({ canvasElement }) => {
    const { el, provider } = await ready(canvasElement);
    const id = provider.ring('+14155550142');
    await until(() => el.store?.getSnapshot().calls[0]?.lookup === 'done');
    await el.store!.answer(id);
    await settle(canvasElement);
  },
};

/** A second call rings during a call: call waiting. Answering it holds the first, listed below. */
export const CallWaiting: Story = {
  play: async ({ canvasElement }) => {
    const { el, provider } = await ready(canvasElement);
    const first = provider.ring('+442079460958');
    await until(() => el.store?.getSnapshot().calls[0]?.lookup === 'done');
    await el.store!.answer(first);
    provider.ring('+16195550129');
    await settle(canvasElement);
  },
};

/** Two calls, one on hold: Resume it from the list (the other is held in turn). */
export const CallOnHold: Story = {
  play: async ({ canvasElement }) => {
    const { el, provider } = await ready(canvasElement);
    const first = provider.ring('+442079460958');
    await until(() => el.store?.getSnapshot().calls[0]?.lookup === 'done');
    await el.store!.answer(first);
    const second = provider.ring('+16195550129');
    await until(() => el.store?.getCall(second)?.lookup === 'done');
    await el.store!.answer(second);
    await settle(canvasElement);
  },
};

/** After the call: disposition, notes, Complete; then the phonecall activity is logged. */
export const WrapUp: Story = {
  play: async ({ canvasElement }) => {
    const { el, provider } = await ready(canvasElement);
    const id = provider.ring('+442079460958');
    await until(() => el.store?.getSnapshot().calls[0]?.lookup === 'done');
    await el.store!.answer(id);
    await el.store!.hangUp(id);
    await settle(canvasElement);
  },
};

/** Opened outside Dynamics 365: a banner says so; calls are simulated here. */
export const Standalone: Story = {
  render: () =>
    panel(
      html`<cif-softphone
        standalone
        .storage=${null}
        .workflowOptions=${{ locale: undefined }}
        namespace=${`story-${++stories}`}
      ></cif-softphone>`,
    ),
};

/** The CIF library could not be loaded from the org: the reason and Retry. */
export const NotConnected: Story = {
  render: () =>
    panel(
      html`<cif-softphone
        crm-url="/no-such-org"
        .storage=${null}
        .workflowOptions=${{ locale: undefined }}
        namespace=${`story-${++stories}`}
      ></cif-softphone>`,
    ),
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('cif-softphone')!;
    await until(() => el.status !== 'starting');
    await settle(canvasElement);
  },
};

/** The minimum width of the channel panel, 300 px, during a call. */
export const Narrow300: Story = {
  render: (args) => connected(args, 300),
  play: Connected.play!,
};

/** 378 px. */
export const Wide378: Story = {
  render: (args) => connected(args, 378),
  play: Connected.play!,
};

/** Dark theme: `data-cif-theme="dark"` (or the system's dark mode). */
export const Dark: Story = {
  render: (args) => html`<div data-cif-theme="dark">${connected(args)}</div>`,
  play: Connected.play!,
};

/** Themed with system tokens: any `--cif-*` token, anywhere above the softphone. */
export const Themed: Story = {
  render: (args) =>
    html`<div
      style="--cif-color-primary: #6b2fbf; --cif-color-primary-hover: #5a27a0; --cif-color-focus: #6b2fbf; --cif-softphone-gap: 16px"
    >
      ${connected(args)}
    </div>`,
  play: Connected.play!,
};

/** German: the components and the softphone follow `lang` (in Dynamics, the user's language). */
export const German: Story = {
  render: (args) => html`<div lang="de">${connected(args)}</div>`,
  play: Ringing.play!,
};

/** Keyboard and screen reader behaviour, for reviewers. */
export const AccessibilityNotes: Story = {
  parameters: {
    docs: {
      description: {
        story:
          'Tab reaches every control; the call controls are one toolbar (arrow keys move), the picker of ' +
          'several matches is a listbox. Alt+Shift+Y answers and Alt+Shift+N declines the newest ringing ' +
          'call wherever focus is in the widget; Alt+Shift+M, H, K, X, R and E mute, hold, open the keypad, ' +
          'transfer, record and end. When the control that had focus goes away (the toast once answered, ' +
          'the dialpad once a call starts, the wrap-up form once completed) focus moves to the current ' +
          'control, never out of the widget and never away from Dynamics 365. The softphone announces ' +
          'nothing itself: each component announces its own changes through the kit’s one live region; ' +
          'the connection status is a polite status.',
      },
    },
  },
  play: Ringing.play!,
};
