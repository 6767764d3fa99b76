import '@cif-elements/call-controls/cif-call-controls.js';
import '@cif-elements/dialpad/cif-dialpad.js';
import '@cif-elements/incoming-call-toast/cif-incoming-call-toast.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import {
  COMPONENT_KEYS,
  KIT_SHORTCUTS,
  RESERVED_KEYS,
  keyboardMapConflicts,
} from './keyboard-map.js';

const NOW = Date.UTC(2026, 2, 10, 15, 30, 0);

const keys = (combination: string): TemplateResult =>
  html`<kbd dir="ltr"
    >${combination
      .split(', ')
      .map(
        (part, i) =>
          html`${i ? ', ' : ''}${part
            .split('+')
            .map((key, j) => html`${j ? '+' : ''}<kbd>${key}</kbd>`)}`,
      )}</kbd
  >`;

const styles = html`<style>
  .kit-map {
    font-family: var(--cif-font-family, system-ui, sans-serif);
    color: var(--cif-color-on-surface);
    max-inline-size: 72rem;
  }
  .kit-map table {
    border-collapse: collapse;
    inline-size: 100%;
    margin-block-end: var(--cif-space-6, 24px);
  }
  .kit-map caption {
    text-align: start;
    font-weight: 600;
    padding-block: var(--cif-space-2, 8px);
  }
  .kit-map th,
  .kit-map td {
    text-align: start;
    vertical-align: top;
    padding: var(--cif-space-2, 8px);
    border-block-start: 1px solid var(--cif-color-border);
  }
  .kit-map kbd kbd {
    display: inline-block;
    padding-inline: 0.35em;
    border: 1px solid var(--cif-color-border-strong);
    border-radius: 4px;
    font: inherit;
    font-size: 0.9em;
  }
  .kit-map code {
    font-size: 0.9em;
  }
</style>`;

function shortcutsTable(): TemplateResult {
  return html`<table>
    <caption>
      Shortcuts: they work wherever focus is in the widget, a text field included
    </caption>
    <thead>
      <tr>
        <th scope="col">Action</th>
        <th scope="col">Keys</th>
        <th scope="col">When</th>
        <th scope="col">Element</th>
        <th scope="col">Change it with</th>
        <th scope="col">Why this key</th>
      </tr>
    </thead>
    <tbody>
      ${KIT_SHORTCUTS.map(
        (s) =>
          html`<tr>
            <th scope="row">${s.action[0]!.toUpperCase()}${s.action.slice(1)}</th>
            <td>${keys(s.keys)}</td>
            <td>${s.when}</td>
            <td><code>&lt;${s.element}&gt;</code></td>
            <td><code>${s.setting}</code></td>
            <td>${s.mnemonic}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

function componentKeysTable(): TemplateResult {
  return html`<table>
    <caption>
      Keys inside a component
    </caption>
    <thead>
      <tr>
        <th scope="col">Element</th>
        <th scope="col">Keys</th>
        <th scope="col">Does</th>
      </tr>
    </thead>
    <tbody>
      ${COMPONENT_KEYS.map(
        (k) =>
          html`<tr>
            <th scope="row"><code>${k.element}</code></th>
            <td>${keys(k.keys)}</td>
            <td>${k.does}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

function reservedTable(): TemplateResult {
  return html`<table>
    <caption>
      Keys the map stays clear of
    </caption>
    <thead>
      <tr>
        <th scope="col">Keys</th>
        <th scope="col">Taken by</th>
        <th scope="col">For</th>
      </tr>
    </thead>
    <tbody>
      ${RESERVED_KEYS.map(
        (r) =>
          html`<tr>
            <td>${keys(r.keys.replace('+*', '+any key'))}</td>
            <td>${r.owner}</td>
            <td>${r.does}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

const meta: Meta = {
  title: 'Foundations/Keyboard map',
  tags: ['!autodocs'],
  parameters: {
    layout: 'padded',
    docs: {
      description: {
        component:
          'Every keyboard shortcut of the kit in one map: answer and decline on the incoming-call toast; mute, hold, keypad, transfer, record and end on the call controls. All are Alt+Shift with a letter: Dynamics 365 and the browser keep Ctrl, Ctrl+Shift, Ctrl+Alt (AltGr) and Alt alone, and Chromium’s own Alt+Shift keys (A, B, I, T) are left alone. A CIF widget is an iframe, so its keys never reach Dynamics and Dynamics’ never reach it; the map avoids Dynamics’ keys anyway, for the agent’s muscle memory. Change any of them (`answer-shortcut`, `decline-shortcut`, `shortcuts`), switch one off (`none`, `null`) or all of them (`shortcuts-disabled`).',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

/** The map, the keys inside components, and the keys it avoids. */
export const KeyboardMap: Story = {
  name: 'Keyboard map',
  render: () => {
    const conflicts = keyboardMapConflicts();
    return html`${styles}
      <div class="kit-map">
        ${shortcutsTable()} ${componentKeysTable()} ${reservedTable()}
        <p>
          ${
            conflicts.length
              ? `Conflicts: ${conflicts.join('; ')}`
              : 'No two actions share keys, and no shortcut collides with the keys above.'
          }
        </p>
      </div>`;
  },
};

interface TryArgs {
  answer: string;
  decline: string;
  mute: string;
  hold: string;
  keypad: string;
  transfer: string;
  record: string;
  end: string;
}

/**
 * The shortcuts on live components (the intents are logged, not acted on). Change the keys in the
 * controls panel; the map below checks the changed keys the same way.
 */
export const TryIt: Story = {
  name: 'Try the shortcuts',
  args: Object.fromEntries(KIT_SHORTCUTS.map((s) => [s.action, s.keys])),
  argTypes: Object.fromEntries(
    KIT_SHORTCUTS.map((s) => [s.action, { control: 'text', description: `Keys for ${s.action}` }]),
  ),
  render: (args) => {
    const a = args as TryArgs;
    const log = (event: Event) => {
      event.preventDefault();
      const line = (event.currentTarget as HTMLElement).querySelector('.log');
      if (line) line.textContent = `Last intent: ${event.type}`;
    };
    const changed = KIT_SHORTCUTS.map((s) => ({ action: s.action, keys: a[s.action] }));
    const conflicts = keyboardMapConflicts(changed.filter((s) => s.keys.trim()));
    return html`${styles}
      <div
        class="kit-map"
        style="display: grid; gap: var(--cif-space-4, 16px); max-inline-size: 30rem"
        @cif-answer=${log}
        @cif-decline=${log}
        @cif-mute-change=${log}
        @cif-hold-change=${log}
        @cif-record-change=${log}
        @cif-hangup=${log}
      >
        <cif-incoming-call-toast
          muted
          timeout="0"
          caller-name="Jane Doe"
          number="+1 619 555 0129"
          answer-shortcut=${a.answer}
          decline-shortcut=${a.decline}
        ></cif-incoming-call-toast>
        <cif-call-controls
          state="connected"
          call-id="demo"
          .callStart=${NOW - 65_000}
          .now=${() => NOW}
          .shortcuts=${{
            mute: a.mute,
            hold: a.hold,
            keypad: a.keypad,
            transfer: a.transfer,
            record: a.record,
            end: a.end,
          }}
        ></cif-call-controls>
        <p class="log">Press a shortcut: the intent shows here.</p>
        <p>
          ${
            conflicts.length
              ? `These keys clash: ${conflicts.join('; ')}`
              : 'These keys are clear of Dynamics 365, the browser and screen readers.'
          }
        </p>
      </div>`;
  },
};
