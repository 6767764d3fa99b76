import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { cifArgs } from '../../../.storybook/manifest.js';
import './cif-dialpad.js';
import { loadDefaultFormatter } from './formatter.js';
import type { DialpadStore } from './store.js';

/** Args named after the dialpad's attributes (Controls come from its custom-elements manifest). */
type Args = Record<string, unknown>;

/** A small call store for stories: dialling connects at once, hanging up goes back to idle. */
function storyStore(): DialpadStore & { hangUp(): void } {
  let state = { status: 'idle' };
  const listeners = new Set<() => void>();
  const set = (status: string) => {
    state = { status };
    for (const listener of listeners) listener();
  };
  return {
    getSnapshot: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dial: () => Promise.resolve(set('connected')),
    sendDigits: () => Promise.resolve(),
    hangUp: () => set('idle'),
  };
}

/** Loads libphonenumber-js before rendering, so formatting and hints are there on first paint. */
const formatterLoaded = [async () => ({ formatter: await loadDefaultFormatter() })];

const panel = (content: unknown, width = 340) =>
  html`<div style="inline-size: ${width}px; max-inline-size: 100%">${content}</div>`;

const meta: Meta<Args> = {
  title: 'Components/Dialpad',
  component: 'cif-dialpad',
  tags: ['autodocs'],
  loaders: formatterLoaded,
  parameters: {
    docs: {
      description: {
        component:
          'The dialpad vendors drop into any widget. Works alone with attributes; bind `.store` to a call ' +
          'store to dial through it and switch to DTMF during calls. Formatting and validity come from ' +
          'libphonenumber-js, loaded lazily.',
      },
    },
  },
  args: { region: 'US' },
  render: (args) => panel(html`<cif-dialpad ${cifArgs(args)}></cif-dialpad>`),
};

export default meta;
type Story = StoryObj<Args>;

/** Every attribute as a control. */
export const Playground: Story = {};

/** Nothing entered yet: the call button is unavailable. */
export const Idle: Story = {};

/** A number being composed, formatted as you type, with a validity hint. */
export const Composing: Story = { args: { value: '2015550123' } };

/** A number that is not valid for the region: a hint, not a gate (short codes still dial). */
export const Invalid: Story = { args: { value: '2015550' } };

/** A number on the do-not-call list: the reason is shown and the number is not dialled. */
export const Blocked: Story = {
  render: () =>
    panel(
      html`<cif-dialpad
        region="US"
        value="2015550143"
        .doNotCall=${['+1 201-555-0143']}
      ></cif-dialpad>`,
    ),
};

/** A dial in progress. */
export const Pending: Story = { args: { value: '2015550123', pending: true } };

/** During a call every key is sent at once; the display shows the digits sent. */
export const InCallDtmf: Story = {
  render: () => panel(html`<cif-dialpad mode="dtmf" tones-muted></cif-dialpad>`),
  play: ({ canvasElement }) => {
    const el = canvasElement.querySelector('cif-dialpad')!;
    el.addEventListener('cif-dtmf', (event) => event.preventDefault());
    for (const key of ['1', '2', '3', '#']) {
      el.shadowRoot!.querySelector<HTMLButtonElement>(`button[data-key="${key}"]`)!.click();
    }
  },
};

/** Compact, as in the 300 px Dynamics channel panel (auto density switches below 320 px). */
export const Compact: Story = {
  args: { value: '2015550123' },
  render: (args) => panel(html`<cif-dialpad ${cifArgs(args)}></cif-dialpad>`, 300),
};

/** The dark theme, set on the element's container. */
export const Dark: Story = {
  args: { value: '2015550123' },
  render: (args) =>
    panel(
      html`<div data-cif-theme="dark" style="background: var(--cif-color-surface); padding: 8px">
        <cif-dialpad ${cifArgs(args)} data-cif-theme="dark"></cif-dialpad>
      </div>`,
    ),
};

/** Right to left, in Arabic: the keypad keeps telephone order and the number reads left to right. */
export const RightToLeft: Story = {
  render: () =>
    panel(
      html`<div dir="rtl" lang="ar">
        <cif-dialpad region="AE" value="+971501234567" .recents=${['+971501234568']}></cif-dialpad>
      </div>`,
    ),
};

/** A second locale: German strings and a region resolved from the language (DE). */
export const German: Story = {
  render: () => panel(html`<cif-dialpad lang="de" value="030 1234567"></cif-dialpad>`),
};

/** A region selector and recent numbers with redial. */
export const RegionsAndRecents: Story = {
  render: () =>
    panel(
      html`<cif-dialpad
        region="GB"
        regions="GB US DE FR"
        .recents=${[
          { number: '+442079460018', name: 'Alex Baker', time: Date.UTC(2025, 0, 15, 9, 30) },
          { number: '+12015550123', name: 'Contoso support' },
          '02079460999',
        ]}
      ></cif-dialpad>`,
    ),
};

/** Contact search results in the `results` slot, under the number. */
export const WithSearchResults: Story = {
  render: () =>
    panel(
      html`<cif-dialpad region="US" value="201555">
        <ul
          slot="results"
          aria-label="Matching contacts"
          style="margin: 0; padding-inline-start: 1.25rem"
        >
          <li>Alex Baker, (201) 555-0123</li>
          <li>Contoso support, (201) 555-0199</li>
        </ul>
      </cif-dialpad>`,
    ),
};

/** Bound to a call store: dialling goes through the store, which switches the dialpad to DTMF. */
export const BoundToStore: Story = {
  render: () => {
    const store = storyStore();
    return panel(
      html`<cif-dialpad region="US" value="2015550123" tones-muted .store=${store}></cif-dialpad>
        <button type="button" style="margin-block-start: 8px" @click=${() => store.hangUp()}>
          Hang up
        </button>`,
    );
  },
};

/** Disabled, itself or through a disabled fieldset. */
export const Disabled: Story = { args: { value: '2015550123', disabled: true } };

/** In a form: submitted under its name; `required` validity. */
export const InAForm: Story = {
  render: () =>
    panel(
      html`<form @submit=${(event: Event) => event.preventDefault()}>
        <cif-dialpad name="phone" required region="US"></cif-dialpad>
        <button type="submit" style="margin-block-start: 8px">Save</button>
      </form>`,
    ),
};

/**
 * Interaction: the agent clicks 2, types the rest of the number, and presses Call. The number is
 * formatted as it is typed, and one `cif-dial` carries it in E.164 (see Actions).
 */
export const DialANumber: Story = {
  name: 'Dial a number',
  args: { 'tones-muted': true, onCifDial: fn() },
  play: async ({ canvasElement, args, step }) => {
    const el = canvasElement.querySelector('cif-dialpad')!;
    await el.updateComplete;
    const root = el.shadowRoot!;
    await step('Click 2, then type 015550123', async () => {
      await userEvent.click(root.querySelector<HTMLButtonElement>('button[data-key="2"]')!);
      await userEvent.keyboard('015550123');
    });
    await expect(el.value).toBe('2015550123');
    await waitFor(() => expect(root.querySelector('input')).toHaveValue('(201) 555-0123'));
    await step('Press Call', () =>
      userEvent.click(root.querySelector<HTMLButtonElement>('[part~="call-button"]')!),
    );
    await expect(args.onCifDial).toHaveBeenCalledOnce();
    await expect(args.onCifDial).toHaveBeenCalledWith(
      expect.objectContaining({ normalised: '+12015550123', region: 'US', source: 'user' }),
    );
  },
};

/** Keyboard and screen reader behaviour, for reviewers. */
export const AccessibilityNotes: Story = {
  render: () =>
    panel(
      html`<cif-dialpad region="US" tones-muted></cif-dialpad>
        <ul style="font-size: 13px; padding-inline-start: 1.25rem">
          <li>A group named "Dialpad"; keys are buttons named "2 ABC".</li>
          <li>
            One tab stop for the keys; arrows, Home and End move between them in telephone order.
          </li>
          <li>
            Typing digits, *, # and + anywhere in the dialpad adds them; Enter dials; Space presses
            a key.
          </li>
          <li>Additions, deletions and errors are announced through a polite status region.</li>
          <li>Keys are at least 44 × 44 px at every density.</li>
        </ul>`,
    ),
};
