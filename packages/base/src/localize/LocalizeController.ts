import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { getLocale, onLocaleRegistryChange, resolveTranslation } from './registry.js';
import type { CifTermArgs, CifTranslation, CifTranslationKey } from './translation.js';

type Host = ReactiveControllerHost & HTMLElement;

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
  #translation: CifTranslation = resolveTranslation('en');
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

  /** The translation in use. */
  get translation(): CifTranslation {
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

  /** A translated term; function terms take their arguments. Falls back to English per key. */
  term<K extends CifTranslationKey>(key: K, ...args: CifTermArgs<K>): string {
    const value = (this.#translation[key] ?? resolveTranslation('en')[key]) as unknown;
    if (typeof value === 'function')
      return String((value as (...a: unknown[]) => unknown)(...args));
    return String(value);
  }

  /** `Intl.NumberFormat` in the resolved language. */
  formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
    return new Intl.NumberFormat(this.#lang, options).format(value);
  }

  /** `Intl.DateTimeFormat` in the resolved language. */
  formatDate(value: Date | number, options?: Intl.DateTimeFormatOptions): string {
    return new Intl.DateTimeFormat(this.#lang, options).format(value);
  }

  /**
   * A relative time ("3 minutes ago", "yesterday") with `Intl.RelativeTimeFormat`, choosing the unit.
   * @param now the reference time (pass a fixed one in stories and tests).
   */
  formatRelativeTime(value: Date | number, now: Date | number = Date.now()): string {
    const seconds = Math.round((Number(value) - Number(now)) / 1000);
    const abs = Math.abs(seconds);
    const format = new Intl.RelativeTimeFormat(this.#lang, { numeric: 'auto' });
    if (abs < 60) return format.format(seconds, 'second');
    if (abs < 3600) return format.format(Math.round(seconds / 60), 'minute');
    if (abs < 86400) return format.format(Math.round(seconds / 3600), 'hour');
    if (abs < 86400 * 30) return format.format(Math.round(seconds / 86400), 'day');
    if (abs < 86400 * 365) return format.format(Math.round(seconds / (86400 * 30)), 'month');
    return format.format(Math.round(seconds / (86400 * 365)), 'year');
  }

  /**
   * A duration. `timer` gives `mm:ss`, then `h:mm:ss`, with the locale's digits; `long` gives words
   * ("2 minutes, 5 seconds") through `Intl.DurationFormat` where the browser has it.
   */
  formatDuration(totalSeconds: number, style: 'timer' | 'long' = 'timer'): string {
    const safe = Number.isFinite(totalSeconds) ? Math.max(0, Math.floor(totalSeconds)) : 0;
    const hours = Math.floor(safe / 3600);
    const minutes = Math.floor((safe % 3600) / 60);
    const seconds = safe % 60;
    if (style === 'long') {
      const DurationFormat = (
        Intl as unknown as {
          DurationFormat?: new (l: string, o: object) => { format(d: object): string };
        }
      ).DurationFormat;
      if (DurationFormat) {
        return new DurationFormat(this.#lang, { style: 'long' }).format(
          hours ? { hours, minutes, seconds } : minutes ? { minutes, seconds } : { seconds },
        );
      }
      const unit = (value: number, name: 'hour' | 'minute' | 'second') =>
        new Intl.NumberFormat(this.#lang, {
          style: 'unit',
          unit: name,
          unitDisplay: 'long',
        }).format(value);
      return [
        hours ? unit(hours, 'hour') : '',
        minutes ? unit(minutes, 'minute') : '',
        unit(seconds, 'second'),
      ]
        .filter(Boolean)
        .join(' ');
    }
    const two = new Intl.NumberFormat(this.#lang, { minimumIntegerDigits: 2, useGrouping: false });
    const one = new Intl.NumberFormat(this.#lang, { useGrouping: false });
    return hours > 0
      ? `${one.format(hours)}:${two.format(minutes)}:${two.format(seconds)}`
      : `${two.format(minutes)}:${two.format(seconds)}`;
  }
}
