import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { getLocale, onLocaleRegistryChange, resolveTranslation } from './registry.js';
import { sharedStrings } from '../strings/shared.js';
import type { CifTermArgs, CifTranslation, CifTranslationKey } from './translation.js';

type Host = ReactiveControllerHost & HTMLElement;

/** An element class may carry its own English strings (`static strings`), the fallback for its terms. */
interface WithStrings {
  readonly strings?: Partial<CifTranslation>;
}

const RTL_LANGUAGES = new Set([
  'ar',
  'arc',
  'ckb',
  'dv',
  'fa',
  'he',
  'iw',
  'ks',
  'ps',
  'sd',
  'ug',
  'ur',
  'yi',
]);

/** The writing direction of a BCP 47 tag (from `Intl.Locale` text info where the browser has it). */
export function directionOf(tag: string): 'ltr' | 'rtl' {
  try {
    const locale = new Intl.Locale(tag) as Intl.Locale & {
      getTextInfo?: () => { direction?: string };
      textInfo?: { direction?: string };
    };
    const info = locale.getTextInfo?.() ?? locale.textInfo;
    if (info?.direction === 'rtl' || info?.direction === 'ltr') return info.direction;
  } catch {
    // An invalid tag: fall through to the language list.
  }
  return RTL_LANGUAGES.has(tag.toLowerCase().split(/[-_]/)[0] ?? '') ? 'rtl' : 'ltr';
}

/** Walks up the composed tree (through shadow roots) to the nearest element with `attr`, stopping below `<html>`. */
function closestAttribute(start: Element, attr: string): string | undefined {
  let node: Node | null = start;
  const root = start.ownerDocument.documentElement;
  while (node && node !== root) {
    if (node instanceof Element) {
      const value = node.getAttribute(attr);
      if (value !== null && value.trim() !== '') return value.trim();
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return undefined;
}

// One observer for the whole page rather than one per element.
const controllers = new Set<LocalizeController>();
let observer: MutationObserver | undefined;
let unsubscribeRegistry: (() => void) | undefined;

function refreshAll(): void {
  for (const controller of controllers) controller.refresh();
}

function watch(controller: LocalizeController): void {
  controllers.add(controller);
  if (!observer) {
    observer = new MutationObserver(refreshAll);
    observer.observe(document, {
      attributes: true,
      attributeFilter: ['lang', 'dir'],
      subtree: true,
    });
    unsubscribeRegistry = onLocaleRegistryChange(refreshAll);
  }
}

function unwatch(controller: LocalizeController): void {
  controllers.delete(controller);
  if (controllers.size === 0) {
    observer?.disconnect();
    observer = undefined;
    unsubscribeRegistry?.();
    unsubscribeRegistry = undefined;
  }
}

/**
 * Resolves an element's language and direction and translates its strings.
 *
 * Language: the element's `lang` → the nearest ancestor `[lang]` (through shadow roots) → the kit locale
 * set with `setLocale()` → `<html lang>` → English.
 * Direction: an explicit `dir` on the element or an ancestor → the direction of an explicitly chosen
 * language → `<html dir>` → the language's direction.
 *
 * The host re-renders when any of these change (one shared MutationObserver watches `lang`/`dir`).
 */
export class LocalizeController implements ReactiveController {
  readonly #host: Host;
  #lang = 'en';
  #dir: 'ltr' | 'rtl' = 'ltr';
  #translation: CifTranslation | undefined;
  readonly #onChange: (() => void) | undefined;

  constructor(host: Host, onChange?: () => void) {
    this.#host = host;
    this.#onChange = onChange;
    host.addController(this);
  }

  /** The resolved BCP 47 tag, as asked for (`de-CH` even when only `de` strings are registered). */
  get lang(): string {
    return this.#lang;
  }

  /** The resolved writing direction. */
  get dir(): 'ltr' | 'rtl' {
    return this.#dir;
  }

  /** The registered translation in use, if any (elements fall back to their built-in English). */
  get translation(): CifTranslation | undefined {
    return this.#translation;
  }

  hostConnected(): void {
    watch(this);
    this.refresh();
  }

  hostDisconnected(): void {
    unwatch(this);
  }

  /** Re-resolves language and direction; re-renders the host when either changed. */
  refresh(): void {
    const host = this.#host;
    const html = host.ownerDocument.documentElement;
    const explicitLang = closestAttribute(host, 'lang') ?? getLocale();
    const lang = explicitLang ?? (html.lang.trim() || 'en');
    const explicitDir = closestAttribute(host, 'dir');
    const htmlDir = html.getAttribute('dir');
    let dir: 'ltr' | 'rtl';
    if (explicitDir === 'rtl' || explicitDir === 'ltr') dir = explicitDir;
    else if (explicitLang !== undefined) dir = directionOf(lang);
    else if (htmlDir === 'rtl' || htmlDir === 'ltr') dir = htmlDir;
    else dir = directionOf(lang);
    const translation = resolveTranslation(lang);
    if (lang !== this.#lang || dir !== this.#dir || translation !== this.#translation) {
      this.#lang = lang;
      this.#dir = dir;
      this.#translation = translation;
      this.#onChange?.();
      host.requestUpdate();
    }
  }

  /**
   * A translated term; function terms take their arguments. Per key: the resolved translation, then
   * the element's own English (`static strings`), then the kit's shared English, then the key itself.
   */
  term<K extends CifTranslationKey>(key: K, ...args: CifTermArgs<K>): string {
    const own = (this.#host.constructor as WithStrings).strings;
    const value = (this.#translation?.[key] ??
      own?.[key] ??
      (sharedStrings as Partial<CifTranslation>)[key] ??
      key) as unknown;
    if (typeof value === 'function')
      return String((value as (...a: unknown[]) => unknown)(...args));
    return String(value);
  }
}
