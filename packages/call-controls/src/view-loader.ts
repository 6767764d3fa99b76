/** Loads the element's view once; tests may replace the loader to delay or fail it. */
import type * as ViewExports from './controls-view.js';

/** The view module's exports. */
export type ViewModule = typeof ViewExports;

const load = (): Promise<ViewModule> => import('./controls-view.js');
let loader: () => Promise<ViewModule> = load;
let loaded: Promise<ViewModule> | undefined;

/** The view module (loaded once; a failed load is tried again next time). */
export function loadView(): Promise<ViewModule> {
  loaded ??= loader().catch((error: unknown) => {
    loaded = undefined;
    throw error;
  });
  return loaded;
}

/** Test hook: replaces the loader (`undefined` restores the real one). */
export function setViewLoader(next?: () => Promise<ViewModule>): void {
  loader = next ?? load;
  loaded = undefined;
}
