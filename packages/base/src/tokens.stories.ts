import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { tokenDefinitions, type TokenDefinition } from './tokens/definitions.js';

const entries = Object.entries(tokenDefinitions) as [string, TokenDefinition][];

function sample(name: string, value: string): TemplateResult {
  if (name.startsWith('--cif-color-')) {
    return html`<span
      aria-hidden="true"
      style=${styleMap({
        display: 'inline-block',
        inlineSize: '2.5rem',
        blockSize: '1.5rem',
        borderRadius: '4px',
        border: '1px solid #8a8a8a',
        background: value,
      })}
    ></span>`;
  }
  if (name.startsWith('--cif-space-') || name.startsWith('--cif-target-size')) {
    return html`<span
      aria-hidden="true"
      style=${styleMap({ display: 'inline-block', inlineSize: value, blockSize: '0.75rem', background: '#0f6cbd' })}
    ></span>`;
  }
  return html``;
}

function table(group: string, filter: (name: string) => boolean): TemplateResult {
  const rows = entries.filter(([name]) => filter(name));
  return html`<table style="border-collapse: collapse; inline-size: 100%; margin-block-end: 24px">
    <caption style="text-align: start; font-weight: 600; padding-block: 8px">
      ${group}
    </caption>
    <thead>
      <tr>
        <th scope="col" style="text-align: start">Token</th>
        <th scope="col" style="text-align: start">Light</th>
        <th scope="col" style="text-align: start">Dark</th>
        <th scope="col" style="text-align: start">Forced colors</th>
        <th scope="col" style="text-align: start">Use</th>
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        ([name, def]) =>
          html`<tr style="border-block-start: 1px solid #d1d1d1">
            <th scope="row" style="text-align: start; font-weight: 400"><code>${name}</code></th>
            <td>${sample(name, def.light)} <code>${def.light}</code></td>
            <td>${sample(name, def.dark ?? def.light)} <code>${def.dark ?? def.light}</code></td>
            <td><code>${def.forced ?? '—'}</code></td>
            <td>${def.description}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

const meta: Meta = {
  title: 'Foundations/Design tokens',
  tags: ['!autodocs'],
  parameters: {
    layout: 'fullscreen',
    docs: {
      description: {
        component:
          'Every system token with its light, dark and forced-colors value. Override any of them on `:root`, a panel or an element; component tokens (`--cif-<component>-<property>`) fall back to these.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

export const AllTokens: Story = {
  name: 'All tokens',
  render: () =>
    html`<main style="padding: 16px; font-family: var(--cif-font-family); font-size: 14px">
      <h1 style="font-size: 20px">Design tokens</h1>
      ${table('Colour', (n) => n.startsWith('--cif-color-'))}
      ${table('Spacing and size', (n) => n.startsWith('--cif-space-') || n.startsWith('--cif-target') || n.startsWith('--cif-radius') || n.startsWith('--cif-focus'))}
      ${table('Typography', (n) => n.startsWith('--cif-font') || n.startsWith('--cif-line'))}
      ${table('Elevation and motion', (n) => n.startsWith('--cif-shadow') || n.startsWith('--cif-duration') || n.startsWith('--cif-easing'))}
    </main>`,
};
