import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { localeState } from './state.js';
import { sharedStrings } from '../strings/shared.js';
import type { CifTermArgs, CifTranslation, CifTranslationKey } from './translation.js';

type Host = ReactiveControllerHost & HTMLElement;
type Dir = 'ltr' | 'rtl';

/** Right-to-left languages, for browsers without `Intl.Locale` text info. */
const RTL = /^(ar|arc|ckb|dv|fa|he|iw|ks|ps|sd|ug|ur|yi)$/i;

/** The writing direction of a BCP 47 tag (from `Intl.Locale` text info where the browser has it). */
export function directionOf(tag: string): Dir {
  try {
    const locale = new Intl.Locale(tag) as Intl.Locale & {
      getTextInfo?: () => { direction?: string };
      textInfo?: { direction?: string };
    };
    const dir = (locale.getTextInfo?.() ?? locale.textInfo)?.direction;
    if (dir === 'rtl' || dir === 'ltr') return dir;
  } catch {
    // An invalid tag: fall through to the language list.
  }
  return RTL.test(tag.split(/[-_]/)[0]!) ? 'rtl' : 'ltr';
}

/** The nearest non-blank `attr` from `node` up the composed tree (through shadow roots), below `<html>`. */
function closestAttribute(node: Node | null, attr: string, html: Element): string | undefined {
  for (; node && node !== html; node = node instanceof ShadowRoot ? node.host : node.parentNode) {
    const value = (node as Partial<Element>).getAttribute?.(attr)?.trim();
    if (value) return value;
  }
  return undefined;
}

// One observer for the whole page rather than one per element.
const controllers = new Set<LocalizeController>();
let stop: (() => void) | undefined;

function refreshAll(): void {
  for (const controller of controllers) controller.refresh();
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
  readonly #onChange: (() => void) | undefined;
  #lang = 'en';
  #dir: Dir = 'ltr';
  #translation: CifTranslation | undefined;

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
  get dir(): Dir {
    return this.#dir;
  }

  /** The registered translation in use, if any (elements fall back to their built-in English). */
  get translation(): CifTranslation | undefined {
    return this.#translation;
  }

  hostConnected(): void {
    if (!stop) {
      const observer = new MutationObserver(refreshAll);
      observer.observe(document, { attributeFilter: ['lang', 'dir'], subtree: true });
      const { listeners } = localeState();
      listeners.add(refreshAll);
      stop = () => {
        observer.disconnect();
        listeners.delete(refreshAll);
        stop = undefined;
      };
    }
    controllers.add(this);
    this.refresh();
  }

  hostDisconnected(): void {
    controllers.delete(this);
    if (!controllers.size) stop?.();
  }

  /** Re-resolves language and direction; re-renders the host when either changed. */
  refresh(): void {
    const host = this.#host;
    const html = host.ownerDocument.documentElement;
    const state = localeState();
    const explicitLang = closestAttribute(host, 'lang', html) ?? state.locale;
    const lang = explicitLang ?? (html.lang.trim() || 'en');
    const dir = closestAttribute(host, 'dir', html);
    const htmlDir = html.dir;
    const resolvedDir: Dir =
      dir === 'rtl' || dir === 'ltr'
        ? dir
        : !explicitLang && (htmlDir === 'rtl' || htmlDir === 'ltr')
          ? htmlDir
          : directionOf(lang);
    const translation = state.resolve?.(lang);
    if (lang !== this.#lang || resolvedDir !== this.#dir || translation !== this.#translation) {
      this.#lang = lang;
      this.#dir = resolvedDir;
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
    const own = (this.#host.constructor as { strings?: Partial<CifTranslation> }).strings;
    const value = (this.#translation?.[key] ??
      own?.[key] ??
      (sharedStrings as Partial<CifTranslation>)[key] ??
      key) as unknown;
    return String(
      typeof value === 'function' ? (value as (...a: unknown[]) => unknown)(...args) : value,
    );
  }
}
