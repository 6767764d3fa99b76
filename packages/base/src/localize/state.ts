import type { CifTranslation } from './translation.js';

/**
 * The page-wide localisation state, shared by every copy of the package through a global symbol (so two
 * bundled copies of the kit agree). Elements read it; `registry.ts` changes it. The lookup of a
 * translation (`resolve`) is installed by the first `registerTranslation()`, so a page that registers
 * none does not load it.
 */
export interface LocaleState {
  translations: Map<string, CifTranslation>;
  /** The locale set programmatically (from Dynamics' user LCID, say), or undefined. */
  locale: string | undefined;
  listeners: Set<() => void>;
  resolve?: (tag: string | undefined) => CifTranslation | undefined;
}

const KEY = Symbol.for('cif-elements.localize.registry');

export function localeState(): LocaleState {
  return ((globalThis as { [KEY]?: LocaleState })[KEY] ??= {
    translations: new Map(),
    locale: undefined,
    listeners: new Set(),
  });
}
