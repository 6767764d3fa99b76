import { localeState } from './state.js';
import type { CifTranslation } from './translation.js';

/**
 * The kit-wide localisation registry: which translations are loaded and which locale the kit uses when
 * no `lang` attribute says otherwise. One registry per page, shared by every copy of the package.
 */
const registry = localeState;

function notify(): void {
  for (const listener of registry().listeners) listener();
}

/** Lower-cased canonical form used as the map key (`pt-br`). */
function key(tag: string): string {
  return tag.trim().replace(/_/g, '-').toLowerCase();
}

/**
 * Makes translations available. Locale files in `@cif-elements/base/locales/*.js` call this when imported,
 * so `import '@cif-elements/base/locales/de.js'` is all a vendor needs. Vendors can register their own
 * (a complete `CifTranslation`) or override shipped ones.
 */
export function registerTranslation(...translations: CifTranslation[]): void {
  const state = registry();
  for (const translation of translations) {
    state.translations.set(key(translation.$code), translation);
  }
  state.resolve = resolveTranslation;
  notify();
}

/**
 * Sets the kit's locale programmatically (core sets it from CIF's user LCID). An explicit `lang` on an
 * element or one of its ancestors still wins; `<html lang>` does not, because a widget page's default
 * `lang="en"` says nothing about the agent. Pass `undefined` to go back to `<html lang>`.
 */
export function setLocale(locale: string | undefined): void {
  const next = locale === undefined || locale.trim() === '' ? undefined : locale.trim();
  if (next === registry().locale) return;
  registry().locale = next;
  notify();
}

/** The locale set with `setLocale`, if any. */
export function getLocale(): string | undefined {
  return registry().locale;
}

/** Tags of every registered translation. */
export function registeredLocales(): string[] {
  return [...registry().translations.values()].map((t) => t.$code);
}

/**
 * The best registered translation for a BCP 47 tag: the exact tag, then its language alone
 * (`pt-BR` → `pt`), then any registered regional variant of the language (`pt` → `pt-BR`), then a
 * registered English, else undefined (elements then use their built-in English).
 */
export function resolveTranslation(tag: string | undefined): CifTranslation | undefined {
  const { translations } = registry();
  if (!tag || !translations.size) return undefined;
  const wanted = key(tag);
  const language = wanted.split('-')[0];
  let variant: CifTranslation | undefined;
  for (const [code, translation] of translations) {
    if (code === wanted) return translation;
    if (code === language || (!variant && code.split('-')[0] === language)) variant = translation;
  }
  return variant ?? (language === 'en' ? undefined : resolveTranslation('en'));
}

/** Called whenever translations or the programmatic locale change. Returns an unsubscribe function. */
export function onLocaleRegistryChange(listener: () => void): () => void {
  const { listeners } = registry();
  listeners.add(listener);
  return () => listeners.delete(listener);
}
