import '@cif-elements/call-controls/cif-call-controls.js';
import type { ContactCardContact } from '@cif-elements/contact-card';
import '@cif-elements/contact-card/cif-contact-card.js';
import '@cif-elements/dialpad/cif-dialpad.js';
import '@cif-elements/incoming-call-toast/cif-incoming-call-toast.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';

/**
 * The theme toolbar's forced-colors preview (`.storybook/forced-colors.ts`) on the four components, in
 * light and dark system colours. The kit's real forced-colors rendering is tested in
 * `forced-colors.test.ts` under Chromium's emulation.
 */

const NOW = Date.UTC(2026, 2, 10, 15, 30, 0);
const now = () => NOW;

const CONTACT: ContactCardContact = {
  entityName: 'contact',
  id: '80ac35a0-01af-ea11-a812-000d3a8b3ec6',
  name: 'Alex Baker',
  company: 'Contoso',
  phones: [{ number: '+12065550100', type: 'mobile' }],
};

const meta: Meta = {
  title: 'Foundations/Forced colors preview',
  tags: ['!autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'What the theme toolbar’s “Forced colors (preview)” items do: every token takes its system colour and each component’s own forced-colors styles apply. For the browser’s real rendering, use DevTools › Rendering › “Emulate CSS media feature forced-colors: active”.',
      },
    },
  },
  render: () =>
    html`<div style="display: grid; gap: 12px; inline-size: 340px; max-inline-size: 100%">
      <cif-incoming-call-toast
        muted
        timeout="0"
        caller-name="Jane Doe"
        company="Contoso"
      ></cif-incoming-call-toast>
      <cif-contact-card .contact=${CONTACT}></cif-contact-card>
      <cif-call-controls
        state="connected"
        muted
        call-start=${NOW - 65_000}
        .now=${now}
      ></cif-call-controls>
      <cif-dialpad region="US" value="2015550123" tones-muted></cif-dialpad>
    </div>`,
  play: async ({ canvasElement }) => {
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
  },
};
export default meta;

type Story = StoryObj;

/** Light system colours (black on white, as Windows' "Desert"). */
export const Light: Story = { parameters: { cifForcedColors: 'light' } };

/** Dark system colours (as Windows' "Night sky" and "Aquatic"). */
export const Dark: Story = { parameters: { cifForcedColors: 'dark' } };
