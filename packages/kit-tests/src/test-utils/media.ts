import { executeServerCommand } from '@web/test-runner-commands';

export interface MediaState {
  'prefers-color-scheme'?: 'light' | 'dark';
  'forced-colors'?: 'none' | 'active';
  'prefers-reduced-motion'?: 'no-preference' | 'reduce';
}

let state: MediaState = {};

/**
 * Emulates media features through the root config's `cif-media` command (CDP `Emulation.setEmulatedMedia`,
 * which, unlike @web/test-runner-commands' emulateMedia, passes `forced-colors` to Chromium). Merges.
 */
export async function emulate(features: MediaState): Promise<void> {
  state = { ...state, ...features };
  await executeServerCommand('cif-media', state);
}

/** Back to the browser's defaults. */
export async function resetEmulation(): Promise<void> {
  state = {};
  await executeServerCommand('cif-media', {
    'prefers-color-scheme': 'light',
    'forced-colors': 'none',
    'prefers-reduced-motion': 'no-preference',
  });
}

/** Waits for every finite animation (an entrance, a fade) to finish, so a screenshot shows the state at rest. */
export async function settleAnimations(): Promise<void> {
  const finite = allAnimations().filter(
    (a) => a.effect?.getComputedTiming().endTime !== Infinity && a.playState === 'running',
  );
  await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
}

/** Every animation and transition of the page, shadow trees included (`document.getAnimations()` has none of theirs). */
export function allAnimations(): Animation[] {
  const out = document.getAnimations();
  const visit = (root: Document | ShadowRoot) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) {
        out.push(...el.shadowRoot.getAnimations());
        visit(el.shadowRoot);
      }
    }
  };
  visit(document);
  return out;
}

export interface Screenshot {
  /** Where the PNG went, relative to packages/kit-tests. */
  readonly file: string;
  /** SHA-256 of the PNG. */
  readonly hash: string;
  readonly bytes: number;
}

/**
 * Saves a PNG of `el`'s box (or the page) in packages/kit-tests/test-results/ (test/wtr-plugins.mjs) and
 * answers its hash.
 */
export async function screenshot(name: string, el?: Element): Promise<Screenshot> {
  await settleAnimations();
  const box = el?.getBoundingClientRect();
  const clip = box
    ? { x: box.x + scrollX, y: box.y + scrollY, width: box.width, height: box.height }
    : undefined;
  const result = await executeServerCommand<Screenshot, { name: string; clip?: object }>(
    'kit-screenshot',
    { name, ...(clip ? { clip } : {}) },
  );
  if (!result) throw new Error('the kit-screenshot command is not available');
  return result;
}
