import { tokenDefinitions, type TokenDefinition } from '@cif-elements/base';
import '@cif-elements/call-controls/cif-call-controls.js';
import type { ContactCardContact } from '@cif-elements/contact-card';
import '@cif-elements/contact-card/cif-contact-card.js';
import '@cif-elements/dialpad/cif-dialpad.js';
import '@cif-elements/incoming-call-toast/cif-incoming-call-toast.js';
import type { ArgTypes, Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { expect, waitFor } from 'storybook/test';

/**
 * The Theming guide's live examples (see theming.mdx): every system token is a control; whatever a
 * designer sets is applied to the four components at once and printed as the CSS a vendor would write.
 */

type Args = Record<string, string>;

const NOW = Date.UTC(2026, 2, 10, 15, 30, 0);
const now = () => NOW;

const CONTACT: ContactCardContact = {
  entityName: 'contact',
  id: '80ac35a0-01af-ea11-a812-000d3a8b3ec6',
  name: 'Alex Baker',
  jobTitle: 'Purchasing manager',
  company: 'Contoso',
  phones: [{ number: '+12065550100', type: 'mobile' }],
  emails: ['alex@contoso.com'],
  vip: true,
};

const entries = Object.entries(tokenDefinitions) as [string, TokenDefinition][];

function category(name: string): string {
  if (name.startsWith('--cif-color-')) return 'Colour';
  if (name.startsWith('--cif-font') || name.startsWith('--cif-line')) return 'Type';
  if (
    name.startsWith('--cif-space-') ||
    name.startsWith('--cif-target') ||
    name === '--cif-focus-width'
  )
    return 'Space and size';
  return 'Shape, elevation and motion';
}

/** One control per system token: a colour picker for colours, text for the rest. Empty: the theme's value. */
const tokenArgTypes: ArgTypes<Args> = Object.fromEntries(
  entries.map(([name, definition]) => [
    name,
    {
      name,
      description: definition.description,
      control: name.startsWith('--cif-color-') ? 'color' : 'text',
      table: {
        category: category(name),
        type: { summary: 'CSS value' },
        defaultValue: {
          summary: definition.dark
            ? `${definition.light} (dark: ${definition.dark})`
            : definition.light,
        },
      },
    },
  ]),
);

/** The overrides set (non-empty args), in token order. */
function overrides(args: Args): [string, string][] {
  return entries
    .map(([name]) => [name, (args[name] ?? '').trim()] as [string, string])
    .filter(([, value]) => value !== '');
}

/** The CSS a vendor writes for these overrides. */
function vendorCss(args: Args, selector = ':root'): string {
  const set = overrides(args);
  if (set.length === 0) return '/* Set a token in Controls: the CSS to ship appears here. */';
  return `${selector} {\n${set.map(([name, value]) => `  ${name}: ${value};`).join('\n')}\n}`;
}

/** The four components in a 340 px panel with `args` applied to it, and the CSS that does it. */
function themed(args: Args, extra: TemplateResult | string = ''): TemplateResult {
  return html`<div
    style="display: grid; grid-template-columns: minmax(0, 1fr); gap: var(--cif-space-5, 16px); inline-size: 340px; max-inline-size: 100%"
  >
    <div
      data-testid="themed"
      style=${styleMap({
        ...Object.fromEntries(overrides(args)),
        display: 'grid',
        gridTemplateColumns: 'minmax(0, 1fr)',
        gap: 'var(--cif-space-4, 12px)',
      })}
    >
      <cif-incoming-call-toast
        muted
        timeout="0"
        number="+1 619 555 0129"
        caller-name="Jane Doe"
        company="Contoso"
        queue="Billing"
      ></cif-incoming-call-toast>
      <cif-contact-card .contact=${CONTACT} .now=${NOW}></cif-contact-card>
      <cif-call-controls
        state="connected"
        muted
        recording="recording"
        call-start=${NOW - 65_000}
        .now=${now}
      ></cif-call-controls>
      <cif-dialpad region="US" value="2015550123" tones-muted></cif-dialpad>
    </div>
    ${extra}
    <section aria-label="CSS to ship">
      <pre
        style="margin: 0; padding: 12px; white-space: pre-wrap; overflow-wrap: anywhere; border: 1px solid var(--cif-color-border); border-radius: 4px; background: var(--cif-color-surface-alt); color: var(--cif-color-on-surface); font-size: 13px"
      ><code data-testid="css">${vendorCss(args)}</code></pre>
    </section>
  </div>`;
}

/** What the forced-colors preview must show on the four components. */
async function checkForcedColors({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> {
  const dialpad = canvasElement.querySelector('cif-dialpad')!;
  const controls = canvasElement.querySelector('cif-call-controls')!;
  await dialpad.updateComplete;
  await controls.updateComplete;
  const key = dialpad.shadowRoot!.querySelector('[part~="key"]')!;
  const canvas = getComputedStyle(document.body).backgroundColor;
  // The dialpad's own forced-colors rule: keys get a border they do not have otherwise.
  await waitFor(() => expect(getComputedStyle(key).borderTopWidth).toBe('1px'));
  // Tokens are system colours: a key's background is Canvas, like the page.
  await expect(getComputedStyle(key).backgroundColor).toBe(canvas);
  // Pressed toggles are Highlight (the controls' forced-colors rule).
  const mute = controls.shadowRoot!.querySelector('[data-key="mute"]')!;
  const highlight = document.createElement('span');
  highlight.style.color = 'Highlight';
  canvasElement.append(highlight);
  await expect(getComputedStyle(mute).backgroundColor).toBe(getComputedStyle(highlight).color);
  highlight.remove();
}

const meta: Meta<Args> = {
  title: 'Foundations/Theming',
  // The guide (theming.mdx) is this file's docs page.
  tags: ['!autodocs'],
  parameters: { layout: 'padded' },
  argTypes: tokenArgTypes,
  args: Object.fromEntries(entries.map(([name]) => [name, ''])),
  render: (args) => themed(args),
};
export default meta;

type Story = StoryObj<Args>;

/** Every system token as a control: change one and the four components follow. */
export const LiveTokens: Story = { name: 'Live token overrides' };

/**
 * A vendor's brand: a purple primary, square corners, a tighter scale. The same declarations work on
 * `:root`, on a panel, or on one element.
 */
export const VendorBrand: Story = {
  name: 'A vendor brand',
  args: {
    '--cif-color-primary': '#6b2fbf',
    '--cif-color-primary-hover': '#5a27a0',
    '--cif-color-primary-active': '#471f80',
    '--cif-color-focus': '#6b2fbf',
    '--cif-radius-md': '0',
    '--cif-radius-lg': '0',
    '--cif-font-family': 'Georgia, serif',
  },
  play: async ({ canvasElement }) => {
    const controls = canvasElement.querySelector('cif-call-controls')!;
    await controls.updateComplete;
    // The override reaches inside the shadow root: the pressed Mute takes the brand colour.
    const mute = () => controls.shadowRoot!.querySelector('[data-key="mute"]');
    await waitFor(() => expect(mute()).toHaveAttribute('aria-pressed', 'true'));
    await waitFor(() =>
      expect(getComputedStyle(mute()!).backgroundColor).toBe('rgb(107, 47, 191)'),
    );
    await expect(canvasElement.querySelector('[data-testid="css"]')).toHaveTextContent(
      '--cif-color-primary: #6b2fbf;',
    );
  },
};

/** `::part()`: restyle one piece of a component without touching its tokens. */
export const Parts: Story = {
  name: 'Styling parts',
  render: (args) =>
    html`<style>
        .parts-example cif-dialpad::part(call-button) {
          border-radius: 9999px;
        }
        .parts-example cif-dialpad::part(key) {
          border-radius: 50%;
        }
        .parts-example cif-call-controls::part(control) {
          border-radius: 9999px;
        }
        .parts-example cif-contact-card::part(avatar) {
          border-radius: 4px;
        }
      </style>
      <div class="parts-example">${themed(args)}</div>`,
  play: async ({ canvasElement }) => {
    const dialpad = canvasElement.querySelector('cif-dialpad')!;
    await dialpad.updateComplete;
    const call = dialpad.shadowRoot!.querySelector('[part~="call-button"]')!;
    await expect(getComputedStyle(call).borderTopLeftRadius).toBe('9999px');
  },
};

/**
 * The theme toolbar's forced-colors preview (`.storybook/forced-colors.ts`) in light system colours:
 * every token takes its system colour and each component's own forced-colors styles apply. The kit's
 * real forced-colors rendering is tested in `forced-colors.test.ts` under Chromium's emulation; for it
 * here, use DevTools › Rendering › “Emulate CSS media feature forced-colors: active”.
 */
export const ForcedColorsLight: Story = {
  name: 'Forced colors preview, light',
  parameters: { cifForcedColors: 'light' },
  play: checkForcedColors,
};

/** The forced-colors preview in dark system colours (as Windows' "Night sky" and "Aquatic"). */
export const ForcedColorsDark: Story = {
  name: 'Forced colors preview, dark',
  parameters: { cifForcedColors: 'dark' },
  play: checkForcedColors,
};
