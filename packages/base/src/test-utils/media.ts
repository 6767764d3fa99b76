import { executeServerCommand } from '@web/test-runner-commands';

export interface MediaState {
  'prefers-color-scheme'?: 'light' | 'dark';
  'forced-colors'?: 'none' | 'active';
  'prefers-reduced-motion'?: 'no-preference' | 'reduce';
  'prefers-contrast'?: 'no-preference' | 'more' | 'less';
}

let state: MediaState = {};

/**
 * Emulates media features in the test page (Chromium, through CDP). Each call merges into the current
 * emulation, so `emulate({ 'forced-colors': 'active' })` keeps an emulated dark scheme.
 */
export async function emulate(features: MediaState): Promise<void> {
  state = { ...state, ...features };
  await executeServerCommand('cif-media', state);
}

/** Restores every emulated feature to the browser default. */
export async function resetEmulation(): Promise<void> {
  state = {};
  await executeServerCommand('cif-media', {
    'prefers-color-scheme': 'light',
    'forced-colors': 'none',
    'prefers-reduced-motion': 'no-preference',
    'prefers-contrast': 'no-preference',
  });
}
