import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { cifArgs } from '../../../.storybook/manifest.js';
import './cif-incoming-call-toast.js';
import type { ToastCall, ToastStore } from './store.js';

/** Args named after the toast's attributes (Controls come from its custom-elements manifest). */
type Args = Record<string, unknown>;

/** A fixed moment, so stories render the same every time (missed-call times). */
const AT = Date.UTC(2025, 0, 15, 9, 30);

/**
 * A small call store for stories, shaped like core's snapshot: "ring" adds a ringing call; answering
 * connects it (the toast closes by itself); "answer in the host" does what the CIF alerting workflow does
 * when the agent accepts the Dynamics notification.
 */
function storyStore(): ToastStore & { ring(name: string): void; answerInHost(): void } {
  interface StoryCall {
    id: string;
    state: string;
    remoteNumber: string;
    displayName: string;
  }
  let calls: StoryCall[] = [];
  let ids = 0;
  const listeners = new Set<() => void>();
  const set = (next: StoryCall[]) => {
    calls = next;
    snapshot = { calls, capabilities: { canAnswer: true, canDecline: true, canHold: true } };
    for (const listener of listeners) listener();
  };
  let snapshot: unknown = { calls };
  const move = (id: string, state: string) =>
    set(calls.map((call) => (call.id === id ? { ...call, state } : call)));
  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    answer: (id) => Promise.resolve(move(id, 'connected')),
    decline: (id) => Promise.resolve(set(calls.filter((call) => call.id !== id))),
    ring(name) {
      set([
        ...calls,
        { id: `story-${++ids}`, state: 'ringing', remoteNumber: '+16195550129', displayName: name },
      ]);
    },
    answerInHost() {
      const ringing = calls.find((call) => call.state === 'ringing');
      if (ringing) move(ringing.id, 'connected');
    },
  };
}

const panel = (content: unknown, width = 340) =>
  html`<div style="inline-size: ${width}px; max-inline-size: 100%">${content}</div>`;

const STACK: ToastCall[] = [
  { id: 'a', name: 'Alex Baker', company: 'Fabrikam', number: '+16195550129', createdAt: AT },
  { id: 'b', number: '+442079460018', createdAt: AT + 1000 },
  { id: 'c', name: 'Jane Doe', company: 'Contoso', queue: 'Billing', createdAt: AT + 2000 },
  { id: 'd', name: 'Pat Kim', number: '+16195550177', createdAt: AT - 1000 },
];

const meta: Meta<Args> = {
  title: 'Components/Incoming call toast',
  component: 'cif-incoming-call-toast',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'Rings the agent: caller, context, countdown, Answer and Decline, a ringtone, call waiting and ' +
          'a stack of calls. Works alone with attributes (one call) or `calls`; bind `.store` to a call ' +
          'store to show its ringing calls by itself. Stories are muted; the ringtone plays in Playground ' +
          'when you unmute it.',
      },
    },
  },
  args: {
    number: '+1 619 555 0129',
    'caller-name': 'Jane Doe',
    company: 'Contoso',
    queue: 'Billing',
    timeout: 30,
    muted: true,
  },
  argTypes: { volume: { control: { type: 'range', min: 0, max: 1, step: 0.05 } } },
  render: (args) =>
    panel(html`<cif-incoming-call-toast ${cifArgs(args)}></cif-incoming-call-toast>`),
};

export default meta;
type Story = StoryObj<Args>;

/** Every attribute as a control (muted: unmute to hear the built-in ring). */
export const Playground: Story = {};

/** A known caller: name, number, company and a countdown. */
export const RingingKnownCaller: Story = {};

/** An unknown caller: the number is the name; a phone instead of initials. */
export const RingingUnknownCaller: Story = {
  args: { 'caller-name': '', company: '', queue: '', timeout: 0 },
};

/** The number matched several records: the number is shown, with how many records matched. */
export const SeveralMatches: Story = {
  render: () =>
    panel(
      html`<cif-incoming-call-toast
        muted
        timeout="0"
        .calls=${
          [
            {
              id: 'm',
              number: '+16195550129',
              matches: [{ name: 'Alex Baker' }, { name: 'Alexandra Baker' }, { name: 'A. Baker' }],
            },
          ] as ToastCall[]
        }
      ></cif-incoming-call-toast>`,
    ),
};

/** Context fields: queue, campaign, IVR choices, custom fields, and the `context` slot. */
export const WithContextFields: Story = {
  render: () =>
    panel(
      html`<cif-incoming-call-toast
        muted
        timeout="0"
        .calls=${
          [
            {
              id: 'ctx',
              name: 'Jane Doe',
              company: 'Contoso',
              number: '+16195550129',
              queue: 'Billing',
              campaign: 'Spring renewals',
              ivr: ['Billing', 'Speak to an agent'],
              fields: { 'Account tier': 'Gold', 'Open cases': '2' },
            },
          ] as ToastCall[]
        }
        ><strong slot="context">Case CAS-01234-X9Y8</strong></cif-incoming-call-toast
      >`,
    ),
};

/** Several calls stack, newest first; past `max-visible` a "+N more" button shows the rest. */
export const StackOfThree: Story = {
  render: () =>
    panel(
      html`<cif-incoming-call-toast
        muted
        timeout="0"
        max-visible="3"
        .calls=${STACK}
      ></cif-incoming-call-toast>`,
    ),
};

/** The agent is on a call: compact, "Call waiting", a quieter tone, hold & answer and end & answer. */
export const CallWaiting: Story = {
  args: { 'call-waiting': true, extras: 'voicemail hold end', timeout: 0 },
};

/** The countdown ran out: the toast stays as a missed call until dismissed (never silently gone). */
export const TimedOutMissed: Story = {
  render: () =>
    panel(
      html`<cif-incoming-call-toast
        muted
        .calls=${
          [
            { id: 'missed', name: 'Jane Doe', company: 'Contoso', missed: true, createdAt: AT },
          ] as ToastCall[]
        }
      ></cif-incoming-call-toast>`,
    ),
};

/**
 * The browser blocked autoplay (simulated here): a one-click "Enable ringtone" instead of a silent
 * failure.
 */
export const AutoplayBlocked: Story = {
  beforeEach() {
    const original = HTMLMediaElement.prototype.play;
    HTMLMediaElement.prototype.play = () =>
      Promise.reject(new DOMException('The browser blocked autoplay', 'NotAllowedError'));
    return () => {
      HTMLMediaElement.prototype.play = original;
    };
  },
  render: () =>
    panel(
      html`<cif-incoming-call-toast
        timeout="0"
        ringtone="data:audio/wav;base64,UklGRiQAAABXQVZFZm10IBAAAAABAAEAQB8AAEAfAAABAAgAZGF0YQAAAAA="
        caller-name="Jane Doe"
        company="Contoso"
      ></cif-incoming-call-toast>`,
    ),
};

/** An overlay fixed at the top of the page (or `bottom`), over whatever the widget shows. */
export const OverlayTop: Story = {
  args: { placement: 'top', timeout: 0 },
  // In its own frame on the docs page, so the fixed overlay does not cover the page.
  parameters: { docs: { story: { inline: false, iframeHeight: 260 } } },
  render: (args) =>
    html`<p style="max-inline-size: 340px">The widget's own content sits under the overlay.</p>
      <cif-incoming-call-toast ${cifArgs(args)}></cif-incoming-call-toast>`,
};

/** Inline, in the flow of a 300 px channel panel. */
export const InlineInPanel: Story = {
  render: () =>
    panel(
      html`<cif-incoming-call-toast
        muted
        timeout="0"
        caller-name="Jane Doe"
        company="Contoso"
        number="+1 619 555 0129"
      ></cif-incoming-call-toast>`,
      300,
    ),
};

/** The dark theme, set on the element's container. */
export const Dark: Story = {
  render: () =>
    panel(
      html`<div data-cif-theme="dark" style="background: var(--cif-color-surface); padding: 8px">
        <cif-incoming-call-toast
          data-cif-theme="dark"
          muted
          timeout="0"
          caller-name="Jane Doe"
          company="Contoso"
          queue="Billing"
        ></cif-incoming-call-toast>
      </div>`,
    ),
};

/** Right to left, in Arabic: the number reads left to right; answer sits at the inline end. */
export const RightToLeft: Story = {
  render: () =>
    panel(
      html`<div dir="rtl" lang="ar">
        <cif-incoming-call-toast
          muted
          timeout="0"
          caller-name="ليلى أحمد"
          company="شركة كونتوسو"
          number="+971 50 123 4567"
          queue="الفواتير"
        ></cif-incoming-call-toast>
      </div>`,
    ),
};

/** A second locale: German. */
export const German: Story = {
  render: () =>
    panel(
      html`<cif-incoming-call-toast
        lang="de"
        muted
        timeout="0"
        call-waiting
        extras="hold end"
        caller-name="Jana Schmidt"
        company="Contoso GmbH"
      ></cif-incoming-call-toast>`,
    ),
};

/** Bound to a call store: ringing calls show by themselves and close when answered anywhere. */
export const BoundToStore: Story = {
  render: () => {
    const store = storyStore();
    store.ring('Jane Doe');
    return panel(
      html`<cif-incoming-call-toast muted timeout="0" .store=${store}></cif-incoming-call-toast>
        <div style="display: flex; gap: 8px; margin-block-start: 8px">
          <button type="button" @click=${() => store.ring('Alex Baker')}>Ring</button>
          <button type="button" @click=${() => store.answerInHost()}>Answer in the host</button>
        </div>`,
    );
  },
};

/**
 * Interaction: a call rings; the agent presses Answer. The toast fires one `cif-answer` (see Actions),
 * its store answers the call, and the toast closes by itself.
 */
export const AcceptFromToast: Story = {
  name: 'Accept from the toast',
  args: { onCifAnswer: fn(), onCifDecline: fn() },
  render: () => {
    const store = storyStore();
    store.ring('Jane Doe');
    return panel(
      html`<cif-incoming-call-toast muted timeout="0" .store=${store}></cif-incoming-call-toast>`,
    );
  },
  play: async ({ canvasElement, args, step }) => {
    const toast = canvasElement.querySelector('cif-incoming-call-toast')!;
    await toast.updateComplete;
    const answer = () =>
      toast.shadowRoot!.querySelector<HTMLButtonElement>('[part~="answer-button"]');
    await expect(answer()).not.toBeNull();
    await step('Answer', () => userEvent.click(answer()!));
    await expect(args.onCifAnswer).toHaveBeenCalledOnce();
    await expect(args.onCifAnswer).toHaveBeenCalledWith(
      expect.objectContaining({ callId: 'story-1', action: 'answer', source: 'button' }),
    );
    await expect(args.onCifDecline).not.toHaveBeenCalled();
    await waitFor(() => expect(answer()).toBeNull());
  },
};

/** Keyboard and screen reader behaviour, for reviewers. */
export const AccessibilityNotes: Story = {
  render: () =>
    panel(
      html`<cif-incoming-call-toast
          muted
          timeout="0"
          caller-name="Jane Doe"
          company="Contoso"
        ></cif-incoming-call-toast>
        <ul style="font-size: 13px; padding-inline-start: 1.25rem">
          <li>
            A new call is announced through the kit's shared assertive live region: "Incoming call
            from Jane Doe, Contoso". Focus never moves, so an agent typing a note keeps typing.
          </li>
          <li>
            A labelled region with a group per call, not an alertdialog (which would have to take
            focus).
          </li>
          <li>
            Alt+Shift+Y answers and Alt+Shift+N declines the newest call from anywhere in the widget
            (configurable; Alt+Shift+A is Chrome's own "focus inactive dialog" key).
          </li>
          <li>Buttons are named with the caller: "Answer call from Jane Doe".</li>
          <li>A timed-out call stays as a missed call until dismissed.</li>
          <li>Buttons are at least 44 × 44 px; motion stops with prefers-reduced-motion.</li>
        </ul>`,
    ),
};
