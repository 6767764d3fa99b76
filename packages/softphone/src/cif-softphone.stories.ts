import { SimulatedProvider, createCifClient } from '@cif-elements/core';
import { FakeCIFramework } from '@cif-elements/core/testing';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import { cifArgs } from '../../../.storybook/manifest.js';
import './cif-softphone.js';

/** Args named after the softphone's attributes (Controls come from its custom-elements manifest). */
type Args = Record<string, unknown>;

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
function connected(args: Args = {}, width = 340) {
  const fake = org();
  const client = createCifClient(fake.library, { onError: () => undefined });
  const provider = new SimulatedProvider({ latencyMs: 200 });
  return panel(
    html`<cif-softphone
      namespace=${`story-${++stories}`}
      ${cifArgs(args)}
      .client=${client}
      .provider=${provider}
      .storage=${null}
      .workflowOptions=${{ locale: undefined }}
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
  // No automatic end of wrap-up: the stories stay in it.
  args: { 'wrap-up-seconds': 0 },
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

/** Talking: the contact card and the call controls, in the default 340 px channel panel. */
export const Connected: Story = {
  play: async ({ canvasElement }) => {
    const { el, provider } = await ready(canvasElement);
    const id = provider.ring('+442079460958');
    await until(() => el.store?.getSnapshot().calls[0]?.lookup === 'done');
    await el.store!.answer(id);
    await settle(canvasElement);
  },
};

/** Calling out: the agent dialled from the dialpad; the far end rings (it never answers here). */
export const Dialing: Story = {
  play: async ({ canvasElement }) => {
    const { el } = await ready(canvasElement);
    await el.store!.dial('+442079460958');
    await until(() => el.store?.getSnapshot().calls[0]?.state === 'alerting');
    await settle(canvasElement);
  },
};

/** On hold: the controls show the hold timer and Resume; the caller waits. */
export const OnHold: Story = {
  play: async ({ canvasElement }) => {
    const { el, provider } = await ready(canvasElement);
    const id = provider.ring('+442079460958');
    await until(() => el.store?.getSnapshot().calls[0]?.lookup === 'done');
    await el.store!.answer(id);
    await el.store!.setHeld(id, true);
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

/** The minimum width of the channel panel, 300 px, during a call (the viewport toolbar matches). */
export const Narrow300: Story = {
  name: 'Panel 300 px',
  globals: { viewport: { value: 'cifPanel300', isRotated: false } },
  render: (args) => connected(args, 300),
  play: Connected.play!,
};

/** The widest channel panel, 378 px, during a call. */
export const Wide378: Story = {
  name: 'Panel 378 px',
  globals: { viewport: { value: 'cifPanel378', isRotated: false } },
  render: (args) => connected(args, 378),
  play: Connected.play!,
};

/**
 * Interaction, the agent's whole call: a call rings; Answer in the toast; the contact card and the call
 * controls appear; Hold, Resume, End call; wrap-up: a disposition and Complete; the dialpad is back with
 * the caller in its recent numbers. Every step is a click, as an agent would do it.
 */
export const AgentFlow: Story = {
  name: 'Answer, hold, resume, end, wrap up',
  play: async ({ canvasElement, step }) => {
    const { el, provider } = await ready(canvasElement);
    const shadow = el.shadowRoot!;
    const toast = shadow.querySelector('cif-incoming-call-toast')!;
    const controls = shadow.querySelector('cif-call-controls')!;
    const dialpad = shadow.querySelector('cif-dialpad')!;
    const control = (key: string) =>
      controls.shadowRoot!.querySelector<HTMLButtonElement>(`[data-key="${key}"]`);
    const call = () => el.store!.getSnapshot().calls[0];

    await step('A call rings', async () => {
      provider.ring('+442079460958');
      await waitFor(() =>
        expect(toast.shadowRoot!.querySelector('[part~="answer-button"]')).not.toBeNull(),
      );
    });
    await step('Answer in the toast', async () => {
      await userEvent.click(toast.shadowRoot!.querySelector('[part~="answer-button"]')!);
      await waitFor(() => expect(call()?.state).toBe('connected'));
      await waitFor(() => expect(control('hold')).not.toBeNull());
      await expect(dialpad).toHaveAttribute('hidden');
      const card = shadow.querySelector('cif-contact-card')!;
      await waitFor(() =>
        expect(card.shadowRoot!.querySelector('[part~="name"]')).toHaveTextContent('Amelia Hughes'),
      );
    });
    await step('Hold, then resume', async () => {
      await userEvent.click(control('hold')!);
      await waitFor(() => expect(call()?.state).toBe('held'));
      await waitFor(() => expect(control('hold')).toHaveAttribute('aria-pressed', 'true'));
      await userEvent.click(control('hold')!);
      await waitFor(() => expect(call()?.state).toBe('connected'));
    });
    await step('End the call: wrap-up', async () => {
      await userEvent.click(control('end')!);
      await waitFor(() => expect(call()?.state).toBe('ended'));
      await waitFor(() =>
        expect(controls.shadowRoot!.querySelector('[part~="wrap-up"]')).not.toBeNull(),
      );
    });
    await step('Choose a disposition and complete', async () => {
      const form = controls.shadowRoot!.querySelector<HTMLFormElement>('[part~="wrap-up"]')!;
      const select = form.querySelector('select');
      if (select && select.options.length > 1) {
        await userEvent.selectOptions(select, select.options[1]!.value);
      }
      await userEvent.click(form.querySelector<HTMLButtonElement>('button[type="submit"]')!);
      await waitFor(() => expect(el.store!.getSnapshot().calls).toHaveLength(0));
      await expect(el.store!.getSnapshot().history[0]?.remoteNumber).toBe('+442079460958');
      await waitFor(() => expect(dialpad).not.toHaveAttribute('hidden'));
    });
    await settle(canvasElement);
  },
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
