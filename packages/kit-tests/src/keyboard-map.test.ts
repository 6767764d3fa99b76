import { DEFAULT_SHORTCUTS } from '@cif-elements/call-controls';
import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  COMPONENT_KEYS,
  KIT_SHORTCUTS,
  RESERVED_KEYS,
  keyboardMapConflicts,
  normaliseKeys,
  type KitShortcut,
} from './keyboard-map.js';
import './test-utils/fixtures.js';

type Updatable = HTMLElement & { updateComplete: Promise<unknown> };

/** Presses a combination the way an agent does: modifiers held, the key by its physical code. */
async function press(keys: string): Promise<void> {
  const parts = keys.split('+');
  const key = parts.pop()!;
  const code = /^[A-Z]$/i.test(key)
    ? `Key${key.toUpperCase()}`
    : /^\d$/.test(key)
      ? `Digit${key}`
      : key;
  for (const mod of parts) await sendKeys({ down: mod });
  await sendKeys({ press: code });
  for (const mod of parts.reverse()) await sendKeys({ up: mod });
}

async function settle(...els: Updatable[]): Promise<void> {
  for (const el of els) await el.updateComplete;
  await nextFrame();
  for (const el of els) await el.updateComplete;
}

const EVENTS: Record<string, string> = {
  answer: 'cif-answer',
  decline: 'cif-decline',
  mute: 'cif-mute-change',
  hold: 'cif-hold-change',
  record: 'cif-record-change',
  end: 'cif-hangup',
};

describe('keyboard map', () => {
  it('covers answer, decline, mute, hold, keypad, transfer and end (and record), each once', () => {
    expect(KIT_SHORTCUTS.map((s) => s.action)).to.have.members([
      'answer',
      'decline',
      'mute',
      'hold',
      'keypad',
      'transfer',
      'record',
      'end',
    ]);
    expect(COMPONENT_KEYS.length).to.be.above(5);
  });

  it('has no conflicts inside the kit and none with Dynamics 365, the browser or screen readers', () => {
    expect(keyboardMapConflicts()).to.deep.equal([]);
    // The check itself finds them.
    expect(keyboardMapConflicts([{ action: 'mute', keys: 'Ctrl+S' }])).to.have.length(1);
    expect(keyboardMapConflicts([{ action: 'answer', keys: 'Control+Alt+9' }])[0]).to.include(
      'AltGr',
    );
    expect(
      keyboardMapConflicts([
        { action: 'mute', keys: 'Alt+Shift+M' },
        { action: 'hold', keys: 'shift+alt+m' },
      ]),
    ).to.deep.equal(['shift+alt+m: mute and hold']);
    expect(normaliseKeys('shift+ctrl+a')).to.equal('Control+Shift+A');
    expect(RESERVED_KEYS.some((r) => r.owner === 'Dynamics 365')).to.equal(true);
  });

  it('is what the components use by default, and what they expose as aria-keyshortcuts', async () => {
    for (const [action, keys] of Object.entries(DEFAULT_SHORTCUTS)) {
      expect(KIT_SHORTCUTS.find((s) => s.action === action)?.keys, action).to.equal(keys);
    }
    const root = await fixture<HTMLElement>(
      html`<div style="inline-size: 480px">
        <cif-incoming-call-toast muted caller-name="Jane Doe" timeout="0"></cif-incoming-call-toast>
        <cif-call-controls state="connected" call-id="c1" layout="toolbar"></cif-call-controls>
      </div>`,
    );
    const toast = root.querySelector<
      Updatable & { answerShortcut: string; declineShortcut: string }
    >('cif-incoming-call-toast')!;
    const controls = root.querySelector<Updatable>('cif-call-controls')!;
    await settle(toast, controls);
    expect(toast.answerShortcut).to.equal(KIT_SHORTCUTS.find((s) => s.action === 'answer')!.keys);
    expect(toast.declineShortcut).to.equal(KIT_SHORTCUTS.find((s) => s.action === 'decline')!.keys);
    const exposed = (el: Element, selector: string) =>
      el.shadowRoot!.querySelector(selector)!.getAttribute('aria-keyshortcuts');
    for (const s of KIT_SHORTCUTS) {
      const shown =
        s.element === 'cif-incoming-call-toast'
          ? exposed(toast, `[part~=${s.action}-button]`)
          : exposed(controls, `[data-key=${s.action}]`);
      expect(shown, s.action).to.equal(s.keys);
    }
  });

  it('every shortcut does its action from anywhere in the widget, focus in a text field included', async () => {
    const root = await fixture<HTMLElement>(
      html`<div style="inline-size: 480px">
        <textarea aria-label="Notes"></textarea>
        <cif-incoming-call-toast muted caller-name="Jane Doe" timeout="0"></cif-incoming-call-toast>
        <cif-call-controls state="connected" call-id="c1" layout="toolbar"></cif-call-controls>
      </div>`,
    );
    const toast = root.querySelector<Updatable>('cif-incoming-call-toast')!;
    const controls = root.querySelector<Updatable>('cif-call-controls')!;
    const notes = root.querySelector('textarea')!;
    const fired: string[] = [];
    for (const name of Object.values(EVENTS)) {
      root.addEventListener(name, (event) => {
        fired.push(name);
        event.preventDefault(); // the app decides; the toast stays, the controls stay connected
      });
    }
    await settle(toast, controls);
    for (const s of KIT_SHORTCUTS) {
      notes.focus();
      await press(s.keys);
      await settle(toast, controls);
      if (s.action === 'keypad' || s.action === 'transfer') {
        const panel = controls.shadowRoot!.querySelector(
          s.action === 'keypad' ? '#keypad' : '#transfer',
        );
        expect(
          panel && !panel.hasAttribute('hidden'),
          `${s.keys} opens the ${s.action} panel`,
        ).to.equal(true);
        await press(s.keys); // and closes it
        await settle(controls);
      } else {
        expect(fired.at(-1), s.keys).to.equal(EVENTS[s.action]);
      }
    }
    expect(notes.value, 'nothing was typed into the notes').to.equal('');
    expect(fired).to.have.length(6);
  });

  it('is configurable: other keys per action, one off, or all off', async () => {
    const root = await fixture<HTMLElement>(
      html`<div style="inline-size: 480px">
        <cif-incoming-call-toast
          muted
          caller-name="Jane Doe"
          timeout="0"
          answer-shortcut="Alt+Shift+J"
          decline-shortcut="none"
        ></cif-incoming-call-toast>
        <cif-call-controls
          state="connected"
          call-id="c1"
          layout="toolbar"
          .shortcuts=${{ mute: 'Alt+Shift+U', end: null }}
        ></cif-call-controls>
      </div>`,
    );
    const toast = root.querySelector<Updatable>('cif-incoming-call-toast')!;
    const controls = root.querySelector<Updatable & { shortcutsDisabled: boolean }>(
      'cif-call-controls',
    )!;
    const fired: string[] = [];
    for (const name of Object.values(EVENTS))
      root.addEventListener(name, (event) => {
        fired.push(name);
        event.preventDefault();
      });
    await settle(toast, controls);
    const custom: Pick<KitShortcut, 'action' | 'keys'>[] = [
      { action: 'answer', keys: 'Alt+Shift+J' },
      { action: 'mute', keys: 'Alt+Shift+U' },
      ...KIT_SHORTCUTS.filter((s) => !['answer', 'decline', 'mute', 'end'].includes(s.action)),
    ];
    expect(keyboardMapConflicts(custom), 'the changed map is checked the same way').to.deep.equal(
      [],
    );

    await press('Alt+Shift+Y');
    await press('Alt+Shift+N');
    await press('Alt+Shift+M');
    await press('Alt+Shift+E');
    await settle(toast, controls);
    expect(fired, 'old and switched-off keys do nothing').to.deep.equal([]);
    await press('Alt+Shift+J');
    await press('Alt+Shift+U');
    await settle(toast, controls);
    expect(fired).to.deep.equal(['cif-answer', 'cif-mute-change']);

    controls.shortcutsDisabled = true;
    await settle(controls);
    await press('Alt+Shift+U');
    await press('Alt+Shift+H');
    await settle(controls);
    expect(fired).to.have.length(2);
    expect(controls.shadowRoot!.querySelector('[aria-keyshortcuts]')).to.equal(null);
  });
});
