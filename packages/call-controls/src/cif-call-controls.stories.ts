import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { cifArgs } from '../../../.storybook/manifest.js';
// Core's call store and simulated phone system (stories may use core; the element does not).
import { SimulatedProvider, createCallStore } from '../../core/src/calls/index.js';
import './cif-call-controls.js';

/** Args named after the controls' attributes (Controls come from its custom-elements manifest). */
type Args = Record<string, unknown>;

/** A fixed clock: stories are deterministic (the timers show the same time on every run). */
const NOW = Date.UTC(2025, 0, 15, 9, 30);
const now = () => NOW;
const DISPOSITIONS = ['Resolved', 'Call back', 'Escalated', 'Wrong number'];

/** Waits until the lazily loaded part (`consult`, `transfer`, `wrap-up`) is rendered, so checks see it. */
async function loaded(canvas: HTMLElement, part: string): Promise<void> {
  const el = canvas.querySelector('cif-call-controls')!;
  for (let i = 0; i < 100 && !el.shadowRoot?.querySelector(`[part=${part}]`); i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const panel = (content: unknown, width = 340): TemplateResult =>
  html`<div style="inline-size: ${width}px; max-inline-size: 100%">${content}</div>`;

const meta: Meta<Args> = {
  title: 'Components/Call controls',
  component: 'cif-call-controls',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'Everything an agent does during a call. Works alone with attributes (the app listens to the ' +
          'cancelable `cif-*` intents and sets the state); bind `.store` to a call store to follow it ' +
          'and send its commands. Controls appear only when the phone system supports them.',
      },
    },
  },
  args: {
    state: 'connected',
    capabilities: 'mute hold dtmf transfer consult merge record pause-recording',
    'call-start': NOW - 205_000,
    'hold-start': NOW - 42_000,
    'wrap-up-start': NOW - 18_000,
  },
  // The manifest types these with aliases; their values, for the select controls.
  argTypes: {
    state: {
      control: 'select',
      options: ['idle', 'dialing', 'alerting', 'connected', 'held', 'wrap-up'],
    },
    recording: { control: 'inline-radio', options: ['off', 'recording', 'paused'] },
    quality: { control: 'inline-radio', options: ['', 'good', 'fair', 'poor'] },
    pending: { control: 'select', options: ['', 'mute', 'hold', 'transfer', 'record', 'end'] },
  },
  render: (args) =>
    panel(
      html`<cif-call-controls
        ${cifArgs(args)}
        .now=${now}
        .dispositions=${DISPOSITIONS}
      ></cif-call-controls>`,
    ),
};

export default meta;
type Story = StoryObj<Args>;

/** Every attribute as a control. */
export const Playground: Story = {};

/** Talking: the call timer runs; every control the phone system supports is there. */
export const Connected: Story = {};

/** Calling out: the far end is ringing; End cancels the call. */
export const Dialing: Story = { args: { state: 'alerting' } };

/** The microphone is muted: the toggle is pressed (`aria-pressed="true"`) and its icon crossed out. */
export const Muted: Story = { args: { muted: true } };

/** On hold: the hold timer counts how long the customer waits; the keypad is off until resumed. */
export const OnHold: Story = { args: { state: 'held' } };

/** Recording, with a visible indicator; pressing Record again pauses it. */
export const Recording: Story = { args: { recording: 'recording' } };

/** A consult transfer: the caller waits on hold while the agent talks to the target. */
export const ConsultInProgress: Story = {
  args: { state: 'connected', 'consult-target': 'Sales desk (+1 619 555 0100)' },
  play: ({ canvasElement }) => loaded(canvasElement, 'consult'),
};

/** The caller and the consulted party merged into a conference. */
export const Conference: Story = { args: { conference: true, recording: 'paused' } };

/** Poor call quality, with its MOS in the indicator's name and tooltip. */
export const PoorQuality: Story = { args: { quality: 'poor', mos: 2.1 } };

/** After-call work: a disposition, notes and Complete. The timer counts wrap-up. */
export const WrapUp: Story = {
  args: { state: 'wrap-up' },
  play: ({ canvasElement }) => loaded(canvasElement, 'wrap-up'),
};

/** The transfer panel: a number or a name, then Transfer now (blind) or Consult first (warm). */
export const TransferPanel: Story = {
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('cif-call-controls')!;
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-key=transfer]')!.click();
    await loaded(canvasElement, 'transfer');
  },
};

/** A command waiting for the phone system: the control pulses, the others wait (End stays on). */
export const Pending: Story = { args: { pending: 'hold' } };

/** Compact, as in the 300 px Dynamics channel panel: icons, with labels as tooltips. */
export const Compact300: Story = {
  render: () =>
    panel(
      html`<cif-call-controls
        state="connected"
        recording="recording"
        quality="good"
        call-start=${NOW - 65_000}
        .now=${now}
      ></cif-call-controls>`,
      300,
    ),
};

/** The labelled toolbar layout in 300 px: what does not fit moves into the More menu. */
export const ToolbarOverflow: Story = {
  render: () =>
    panel(
      html`<cif-call-controls
        state="connected"
        layout="toolbar"
        call-start=${NOW - 65_000}
        .now=${now}
      ></cif-call-controls>`,
      300,
    ),
};

/** A phone system that can only mute and hang up: the other controls are not shown at all. */
export const FewCapabilities: Story = { args: { capabilities: 'mute' } };

/** Another window owns the call: every control is off and says why. */
export const ReadOnly: Story = { args: { 'read-only': true } };

/** The dark theme, set on the element's container. */
export const Dark: Story = {
  render: () =>
    panel(
      html`<div data-cif-theme="dark" style="background: var(--cif-color-surface); padding: 8px">
        <cif-call-controls
          data-cif-theme="dark"
          state="held"
          muted
          recording="recording"
          quality="fair"
          mos="3.4"
          call-start=${NOW - 205_000}
          hold-start=${NOW - 42_000}
          .now=${now}
        ></cif-call-controls>
      </div>`,
    ),
};

/** Right to left, in Arabic: the toolbar flows right to left; only the transfer arrow is mirrored. */
export const RightToLeft: Story = {
  render: () =>
    panel(
      html`<div dir="rtl" lang="ar">
        <cif-call-controls
          state="connected"
          recording="recording"
          call-start=${NOW - 205_000}
          .now=${now}
        ></cif-call-controls>
      </div>`,
    ),
};

/** A second locale: German. */
export const German: Story = {
  render: () =>
    panel(
      html`<cif-call-controls
        lang="de"
        state="held"
        call-start=${NOW - 205_000}
        hold-start=${NOW - 42_000}
        .now=${now}
      ></cif-call-controls>`,
    ),
};

/** An in-call keypad in the `keypad` slot (used when `<cif-dialpad>` is not loaded). */
export const KeypadSlot: Story = {
  render: () =>
    panel(
      html`<cif-call-controls state="connected" call-start=${NOW - 65_000} .now=${now}>
        <p slot="keypad" style="margin: 0">Your keypad here</p>
      </cif-call-controls>`,
    ),
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('cif-call-controls')!;
    await el.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-key=keypad]')?.click();
  },
};

/**
 * Bound to core's call store over the simulated phone system: an answered call. Every control sends its
 * command through the store (try a consult to any number, then merge or complete).
 */
export const BoundToStore: Story = {
  render: () => {
    const provider = new SimulatedProvider({ latencyMs: 300, outbound: { answerAfterMs: 1500 } });
    const store = createCallStore({ provider, storage: null, ownership: false, now });
    const id = provider.ring('+16195550129', { displayName: 'Alex Baker' });
    void store.answer(id);
    return panel(
      html`<cif-call-controls
        .store=${store}
        .now=${now}
        .dispositions=${DISPOSITIONS}
      ></cif-call-controls>`,
    );
  },
};

/** The store of the story below, for its play function. */
let flowStore: ReturnType<typeof createCallStore> | undefined;

/**
 * Interaction over core's call store and simulated phone system: mute, hold, resume, hang up. Each press
 * fires its intent (see Actions), the store carries it out, and the control shows the new state.
 */
export const MuteHoldResumeHangUp: Story = {
  name: 'Mute, hold, resume, hang up',
  args: { onCifMuteChange: fn(), onCifHoldChange: fn(), onCifHangup: fn() },
  render: () => {
    const provider = new SimulatedProvider({ latencyMs: 10 });
    const store = createCallStore({ provider, storage: null, ownership: false, now });
    flowStore = store;
    const id = provider.ring('+16195550129', { displayName: 'Alex Baker' });
    void store.answer(id);
    return panel(
      html`<cif-call-controls
        .store=${store}
        .now=${now}
        .dispositions=${DISPOSITIONS}
      ></cif-call-controls>`,
    );
  },
  play: async ({ canvasElement, args, step }) => {
    const el = canvasElement.querySelector('cif-call-controls')!;
    const control = (key: string) =>
      el.shadowRoot!.querySelector<HTMLButtonElement>(`[data-key="${key}"]`)!;
    const call = () => flowStore!.getSnapshot().calls[0]!;
    await waitFor(() => expect(call().state).toBe('connected'));
    await waitFor(() => expect(control('mute')).not.toBeNull());

    await step('Mute', async () => {
      await userEvent.click(control('mute'));
      await waitFor(() => expect(control('mute')).toHaveAttribute('aria-pressed', 'true'));
      await expect(args.onCifMuteChange).toHaveBeenLastCalledWith(
        expect.objectContaining({ muted: true }),
      );
      await expect(call().muted).toBe(true);
    });
    await step('Hold', async () => {
      await userEvent.click(control('hold'));
      await waitFor(() => expect(call().state).toBe('held'));
      await waitFor(() => expect(control('hold')).toHaveAttribute('aria-pressed', 'true'));
      await expect(args.onCifHoldChange).toHaveBeenLastCalledWith(
        expect.objectContaining({ held: true }),
      );
    });
    await step('Resume', async () => {
      await userEvent.click(control('hold'));
      await waitFor(() => expect(call().state).toBe('connected'));
      await waitFor(() => expect(control('hold')).toHaveAttribute('aria-pressed', 'false'));
      await expect(args.onCifHoldChange).toHaveBeenLastCalledWith(
        expect.objectContaining({ held: false }),
      );
    });
    await step('Hang up: the call ends and wrap-up begins', async () => {
      await userEvent.click(control('end'));
      await expect(args.onCifHangup).toHaveBeenCalledOnce();
      await waitFor(() => expect(call().state).toBe('ended'));
      await waitFor(() => expect(el.shadowRoot!.querySelector('[part~="wrap-up"]')).not.toBeNull());
    });
  },
};

/** Keyboard and screen reader behaviour, for reviewers. */
export const AccessibilityNotes: Story = {
  render: () =>
    panel(
      html`<cif-call-controls
          state="connected"
          call-start=${NOW - 65_000}
          .now=${now}
        ></cif-call-controls>
        <ul style="font-size: 13px; padding-inline-start: 1.25rem">
          <li>
            A toolbar named "Call controls": one tab stop; arrows (mirrored in RTL), Home, End.
          </li>
          <li>
            Mute, Hold and Record are toggle buttons (aria-pressed); Keypad and Transfer expand.
          </li>
          <li>Timers are role="timer"; changes ("Call on hold") are announced politely once.</li>
          <li>A control that is off stays focusable and says why (aria-describedby).</li>
          <li>Shortcuts: Alt+Shift+M mute, H hold, K keypad, X transfer, R record, E end call.</li>
          <li>Controls are at least 44 × 44 px in every layout.</li>
        </ul>`,
    ),
};
