/**
 * The kit's keyboard map: every shortcut of every component in one table, the keys that work inside a
 * component, and the keys the map stays clear of (Dynamics 365's own, the browser's, the screen
 * readers'). Shown in Storybook (Foundations/Keyboard map) and checked by keyboard-map.test.ts, which
 * also proves the components use exactly these defaults.
 */
import { DEFAULT_SHORTCUTS } from '@cif-elements/call-controls';

/** What an agent does with a shortcut. */
export type KitAction =
  'answer' | 'decline' | 'mute' | 'hold' | 'keypad' | 'transfer' | 'record' | 'end';

export interface KitShortcut {
  readonly action: KitAction;
  /** `aria-keyshortcuts` syntax: modifiers, then the key. */
  readonly keys: string;
  /** The element that owns it. */
  readonly element: 'cif-incoming-call-toast' | 'cif-call-controls';
  /** How to change it (an attribute or a property). */
  readonly setting: string;
  /** Why this letter. */
  readonly mnemonic: string;
  /** When it acts. */
  readonly when: string;
}

/**
 * The shortcuts. They work wherever focus is in the widget's document (the CIF panel's iframe), so
 * an agent answers or mutes without reaching for the mouse; Dynamics never sees them (another frame).
 */
export const KIT_SHORTCUTS: readonly KitShortcut[] = [
  {
    action: 'answer',
    keys: 'Alt+Shift+Y',
    element: 'cif-incoming-call-toast',
    setting: 'answer-shortcut',
    mnemonic: 'Y for yes',
    when: 'A call is ringing (the newest one)',
  },
  {
    action: 'decline',
    keys: 'Alt+Shift+N',
    element: 'cif-incoming-call-toast',
    setting: 'decline-shortcut',
    mnemonic: 'N for no',
    when: 'A call is ringing (the newest one)',
  },
  {
    action: 'mute',
    keys: DEFAULT_SHORTCUTS.mute,
    element: 'cif-call-controls',
    setting: 'shortcuts.mute',
    mnemonic: 'M for mute',
    when: 'On a call',
  },
  {
    action: 'hold',
    keys: DEFAULT_SHORTCUTS.hold,
    element: 'cif-call-controls',
    setting: 'shortcuts.hold',
    mnemonic: 'H for hold',
    when: 'On a connected call (again to resume)',
  },
  {
    action: 'keypad',
    keys: DEFAULT_SHORTCUTS.keypad,
    element: 'cif-call-controls',
    setting: 'shortcuts.keypad',
    mnemonic: 'K for keypad',
    when: 'On a connected call: opens the keypad and focuses it',
  },
  {
    action: 'transfer',
    keys: DEFAULT_SHORTCUTS.transfer,
    element: 'cif-call-controls',
    setting: 'shortcuts.transfer',
    mnemonic: 'X for transfer (T is the browser’s)',
    when: 'On a call: opens the transfer panel and focuses the target',
  },
  {
    action: 'record',
    keys: DEFAULT_SHORTCUTS.record,
    element: 'cif-call-controls',
    setting: 'shortcuts.record',
    mnemonic: 'R for record',
    when: 'On a connected call (where the phone system records)',
  },
  {
    action: 'end',
    keys: DEFAULT_SHORTCUTS.end,
    element: 'cif-call-controls',
    setting: 'shortcuts.end',
    mnemonic: 'E for end',
    when: 'On a call',
  },
];

/** Keys that act inside a component (standard widget keys, documented with the map). */
export const COMPONENT_KEYS: readonly { element: string; keys: string; does: string }[] = [
  {
    element: 'cif-dialpad',
    keys: '0–9, *, #, +',
    does: 'Types the number (sends tones during a call)',
  },
  { element: 'cif-dialpad', keys: 'Enter', does: 'Dials the number' },
  { element: 'cif-dialpad', keys: 'Backspace, Delete', does: 'Deletes the last digit (on a key)' },
  {
    element: 'cif-dialpad',
    keys: 'Arrow keys, Home, End',
    does: 'Move between keys (the keypad keeps its layout right to left)',
  },
  {
    element: 'cif-call-controls',
    keys: 'Arrow keys, Home, End',
    does: 'Move between controls (one tab stop; mirrored right to left)',
  },
  {
    element: 'cif-contact-card',
    keys: 'Up, Down, Home, End, a letter',
    does: 'Move between matching records in the picker',
  },
  { element: 'cif-contact-card', keys: 'Enter, Space', does: 'Chooses the record' },
  { element: 'every component', keys: 'Tab, Shift+Tab', does: 'Move between components and parts' },
];

/** Keys the map must not take: who owns them and what they do. */
export const RESERVED_KEYS: readonly { keys: string; owner: string; does: string }[] = [
  // Dynamics 365 model-driven apps (Power Apps: "Use keyboard shortcuts in Power Apps").
  { keys: 'Control+S', owner: 'Dynamics 365', does: 'Save' },
  { keys: 'Control+[', owner: 'Dynamics 365', does: 'Go to a landmark' },
  { keys: 'Control+Alt+A', owner: 'Dynamics 365', does: 'Global command bar (dashboards)' },
  { keys: 'Control+Alt+D', owner: 'Dynamics 365', does: 'Date range filter (dashboards)' },
  { keys: 'Control+Alt+V', owner: 'Dynamics 365', does: 'Visual filter pane (dashboards)' },
  { keys: 'Control+Alt+Q', owner: 'Dynamics 365', does: 'Stream command bar (dashboards)' },
  { keys: 'Control+F6', owner: 'Dynamics 365', does: 'Next stream' },
  { keys: 'Control+Shift+F6', owner: 'Dynamics 365', does: 'Previous stream' },
  { keys: 'Alt+ArrowDown', owner: 'Dynamics 365', does: 'Open a date or option list' },
  { keys: 'F2', owner: 'Dynamics 365', does: 'Edit a grid cell' },
  { keys: 'F4', owner: 'Dynamics 365', does: 'Open a picker in a grid' },
  { keys: 'Control+Shift+A', owner: 'Dynamics 365', does: 'Multisession notification (reported)' },
  { keys: 'Control+Shift+D', owner: 'Dynamics 365', does: 'Multisession notification (reported)' },
  // Chromium and Edge.
  { keys: 'Alt+Shift+A', owner: 'Browser', does: 'Focus an inactive dialog (screen readers)' },
  { keys: 'Alt+Shift+B', owner: 'Browser', does: 'Focus the bookmarks bar' },
  { keys: 'Alt+Shift+I', owner: 'Browser', does: 'Send feedback' },
  { keys: 'Alt+Shift+T', owner: 'Browser', does: 'Focus the toolbar' },
  { keys: 'Alt+D', owner: 'Browser', does: 'Address bar' },
  { keys: 'Alt+E', owner: 'Browser', does: 'Browser menu' },
  { keys: 'Alt+F', owner: 'Browser', does: 'Browser menu' },
  { keys: 'Control+Shift+I', owner: 'Browser', does: 'Developer tools' },
  { keys: 'Control+Shift+J', owner: 'Browser', does: 'Console' },
  { keys: 'Control+Shift+N', owner: 'Browser', does: 'New private window' },
  { keys: 'Control+Shift+T', owner: 'Browser', does: 'Reopen closed tab' },
  { keys: 'Control+Shift+W', owner: 'Browser', does: 'Close window' },
  { keys: 'Control+Shift+B', owner: 'Browser', does: 'Bookmarks bar' },
  { keys: 'Control+Shift+O', owner: 'Browser', does: 'Bookmarks' },
  { keys: 'Control+Shift+Delete', owner: 'Browser', does: 'Clear browsing data' },
  // Operating systems and assistive technology.
  { keys: 'Control+Alt+*', owner: 'Windows', does: 'AltGr: types characters on many layouts' },
  { keys: 'Alt+Shift', owner: 'Windows', does: 'Switch the input language (alone)' },
  { keys: 'Insert+*', owner: 'NVDA, JAWS', does: 'Screen-reader commands' },
  { keys: 'CapsLock+*', owner: 'Narrator, NVDA', does: 'Screen-reader commands' },
];

const MODIFIERS = ['Control', 'Alt', 'Shift', 'Meta'] as const;
const ALIASES: Record<string, string> = {
  ctrl: 'Control',
  cmd: 'Meta',
  option: 'Alt',
  win: 'Meta',
};

/** A canonical form of a key combination: modifiers in a fixed order, the key upper-cased. */
export function normaliseKeys(keys: string): string {
  const parts = keys
    .split('+')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => ALIASES[part.toLowerCase()] ?? part);
  const mods = MODIFIERS.filter((mod) => parts.some((p) => p.toLowerCase() === mod.toLowerCase()));
  const key = parts.filter((p) => !MODIFIERS.some((m) => m.toLowerCase() === p.toLowerCase()));
  return [...mods, ...key.map((k) => (k.length === 1 ? k.toUpperCase() : k))].join('+');
}

/** Whether a combination falls under a reserved pattern (`*` stands for any key). */
function reserved(keys: string, pattern: string): boolean {
  const wanted = normaliseKeys(keys);
  if (!pattern.endsWith('*')) return wanted === normaliseKeys(pattern);
  const prefix = normaliseKeys(pattern.slice(0, -1));
  const mods = wanted.split('+').slice(0, -1).join('+');
  return mods === prefix;
}

/**
 * Problems with a keyboard map: two actions on one combination, or a combination someone else owns.
 * Pass your own map (changed shortcuts) to check it before shipping it to agents.
 */
export function keyboardMapConflicts(
  map: readonly Pick<KitShortcut, 'action' | 'keys'>[] = KIT_SHORTCUTS,
): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const { action, keys } of map) {
    const key = normaliseKeys(keys);
    const other = seen.get(key);
    if (other) problems.push(`${keys}: ${other} and ${action}`);
    seen.set(key, action);
    for (const taken of RESERVED_KEYS) {
      if (reserved(keys, taken.keys))
        problems.push(`${keys} (${action}): ${taken.owner} uses ${taken.keys} (${taken.does})`);
    }
  }
  return problems;
}
