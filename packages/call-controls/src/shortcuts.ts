import type { CallControl } from './store.js';

/**
 * Default shortcuts: Alt+Shift with a letter. Dynamics 365 and the browser keep Ctrl, Ctrl+Shift and
 * Alt alone; Ctrl+Alt is AltGr on many keyboards; Chromium's own Alt+Shift keys (A, B, I, T) are avoided.
 */
export const DEFAULT_SHORTCUTS: Readonly<Record<CallControl, string>> = {
  mute: 'Alt+Shift+M',
  hold: 'Alt+Shift+H',
  keypad: 'Alt+Shift+K',
  transfer: 'Alt+Shift+X',
  record: 'Alt+Shift+R',
  end: 'Alt+Shift+E',
};
