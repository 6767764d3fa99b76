/** Loads the toast's view once; tests may replace the loader to delay or fail it. */
import type * as ToastViewExports from './toast-view.js';

/** The view module's exports. */
export type ToastViewModule = typeof ToastViewExports;

let loader: () => Promise<ToastViewModule> = () => import('./toast-view.js');
let loaded: Promise<ToastViewModule> | undefined;

/** The view module (loaded once; a failed load is tried again next time). */
export function loadToastView(): Promise<ToastViewModule> {
  loaded ??= loader().catch((error: unknown) => {
    loaded = undefined;
    throw error;
  });
  return loaded;
}

/** Test hook: replaces the loader (`undefined` restores the real one). */
export function setToastViewLoader(next?: () => Promise<ToastViewModule>): void {
  loader = next ?? (() => import('./toast-view.js'));
  loaded = undefined;
}
