import type { ContactCardContact } from '@cif-elements/contact-card';
import '@cif-elements/base/locales/ar.js';
import '@cif-elements/base/locales/de.js';
import '@cif-elements/base/locales/es.js';
import '@cif-elements/base/locales/fr.js';
import '@cif-elements/base/locales/he.js';
import '@cif-elements/base/locales/it.js';
import '@cif-elements/base/locales/ja.js';
import '@cif-elements/base/locales/nl.js';
import '@cif-elements/base/locales/pt-BR.js';
import '@cif-elements/base/locales/zh-CN.js';
import '@cif-elements/call-controls/cif-call-controls.js';
import '@cif-elements/contact-card/cif-contact-card.js';
import '@cif-elements/dialpad/cif-dialpad.js';
import '@cif-elements/incoming-call-toast/cif-incoming-call-toast.js';
import { registeredLocales } from '@cif-elements/base';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

/** A fixed clock: the stories are visual fixtures. */
const NOW = Date.UTC(2026, 2, 10, 15, 30, 0);
const now = () => NOW;

const CONTACT: ContactCardContact = {
  entityName: 'contact',
  id: '80ac35a0-01af-ea11-a812-000d3a8b3ec6',
  name: 'Alex Baker',
  jobTitle: 'Purchasing manager',
  company: 'Contoso',
  phones: [
    { number: '+12065550100', type: 'mobile' },
    { number: '+14255550199', type: 'business' },
  ],
  emails: ['alex@contoso.com'],
  timeZone: 'America/Los_Angeles',
  vip: true,
  activity: [{ type: 'phonecall', subject: 'Billing question', time: NOW - 3 * 86_400_000 }],
};

/**
 * The four components as a CIF panel shows them during a call, in `lang` (inherited when undefined), in
 * a panel `width` px wide.
 */
function panel(lang?: string, width = 340): TemplateResult {
  return html`<div
    lang=${ifDefined(lang)}
    style="display: grid; grid-template-columns: minmax(0, 1fr); gap: var(--cif-space-4, 16px); inline-size: ${width}px; max-inline-size: 100%"
  >
    <cif-incoming-call-toast
      muted
      timeout="0"
      call-waiting
      number="+1 619 555 0129"
      caller-name="Jane Doe"
      company="Contoso"
      queue="Billing"
    ></cif-incoming-call-toast>
    <cif-contact-card .contact=${CONTACT} .now=${NOW}></cif-contact-card>
    <cif-call-controls
      state="connected"
      call-id="c1"
      muted
      recording="recording"
      quality="fair"
      .callStart=${NOW - 65_000}
      .now=${now}
    ></cif-call-controls>
    <cif-dialpad mode="dtmf" region="US"></cif-dialpad>
  </div>`;
}

const meta: Meta = {
  title: 'Kit/All components',
  tags: ['!autodocs'],
  parameters: {
    layout: 'padded',
    docs: {
      description: {
        component:
          'The four components together, as an agent sees them in the CIF panel during a call, in every shipped language (right to left in Arabic and Hebrew). Every story is checked with axe in light and dark, left to right and right to left.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

/** Toast (call waiting), contact card, call controls and the in-call keypad in the toolbar's locale. */
export const Together: Story = { render: () => panel() };

/** The same four in the narrowest channel panel, 300 px (the viewport toolbar matches). */
export const Panel300: Story = {
  name: 'Panel 300 px',
  globals: { viewport: { value: 'cifPanel300', isRotated: false } },
  render: () => panel(undefined, 300),
};

/** The same four in the widest channel panel, 378 px. */
export const Panel378: Story = {
  name: 'Panel 378 px',
  globals: { viewport: { value: 'cifPanel378', isRotated: false } },
  render: () => panel(undefined, 378),
};

/** The same panel in Hebrew: right to left from the language alone. */
export const Hebrew: Story = { render: () => panel('he') };

/** The call controls and a ringing toast in every shipped locale. */
export const EveryLocale: Story = {
  name: 'Every locale',
  render: () =>
    html`<div
      style="display: grid; gap: var(--cif-space-4, 16px); grid-template-columns: repeat(auto-fill, minmax(300px, 1fr))"
    >
      ${registeredLocales().map(
        (tag) =>
          html`<section lang=${tag} style="display: grid; gap: var(--cif-space-2, 8px)">
            <h2 style="margin: 0; font-size: 1rem">${tag}</h2>
            <cif-incoming-call-toast
              muted
              timeout="0"
              number="+1 619 555 0129"
              caller-name="Jane Doe"
              company="Contoso"
            ></cif-incoming-call-toast>
            <cif-call-controls
              state="held"
              call-id="c1"
              layout="compact"
              .callStart=${NOW - 65_000}
              .holdStart=${NOW - 5_000}
              .now=${now}
            ></cif-call-controls>
          </section>`,
      )}
    </div>`,
};
