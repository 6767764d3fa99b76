import { tokenDefinitions, type TokenDefinition } from '@cif-elements/base';

/**
 * The theme toolbar's "Forced colors (preview)": what the kit looks like under Windows high contrast,
 * as close as a page can get. Chromium does not let a page turn `forced-colors: active` on, so the
 * preview does by hand what the media query does in the kit:
 *
 * - every system token takes its forced-colors value (`Canvas`, `CanvasText`, `Highlight`, `GrayText`…),
 *   the values the token sheet switches to under `@media (forced-colors: active)`;
 * - each component's own `@media (forced-colors: active)` rules (borders on keys, `Highlight` on pressed
 *   toggles, `GrayText` on unavailable controls…) are copied out of their media query and adopted into
 *   the component's shadow root, as `!important` so they win like forced colours do;
 * - shadows go, as the browser drops them.
 *
 * What it cannot do is the browser's own recolouring of everything else; for the real thing open DevTools,
 * Rendering, "Emulate CSS media feature forced-colors: active" (the kit's forced-colors tests run there).
 */

const ATTRIBUTE = 'data-cif-forced-colors-preview';

function tokenSheet(): CSSStyleSheet {
  const declarations = (Object.entries(tokenDefinitions) as [string, TokenDefinition][])
    .filter(([, definition]) => definition.forced)
    .map(([name, definition]) => `${name}: ${definition.forced} !important;`)
    .join('\n');
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`
    :root[${ATTRIBUTE}], :root[${ATTRIBUTE}] [data-cif-theme] {
      ${declarations}
      --cif-shadow-sm: none !important;
      --cif-shadow-lg: none !important;
    }
    :root[${ATTRIBUTE}="dark"] { color-scheme: dark; }
    :root[${ATTRIBUTE}="light"] { color-scheme: light; }
    :root[${ATTRIBUTE}] body { background: Canvas !important; color: CanvasText !important; }
    .cif-forced-colors-note {
      margin: 0 0 12px; padding: 8px 12px; border: 2px solid CanvasText;
      font: 13px/1.4 system-ui, sans-serif; background: Canvas; color: CanvasText;
    }
  `);
  return sheet;
}

let documentSheet: CSSStyleSheet | undefined;

/** The rules inside `@media (forced-colors: active)` anywhere in `rules` (nested in layers too). */
function forcedRules(rules: CSSRuleList, active = false): string[] {
  const found: string[] = [];
  for (const rule of Array.from(rules)) {
    if (rule instanceof CSSMediaRule) {
      found.push(
        ...forcedRules(
          rule.cssRules,
          active || /forced-colors\s*:\s*active/.test(rule.conditionText),
        ),
      );
    } else if (rule instanceof CSSLayerBlockRule || rule instanceof CSSSupportsRule) {
      found.push(...forcedRules(rule.cssRules, active));
    } else if (active) {
      found.push(rule.cssText);
    }
  }
  return found;
}

function makeImportant(rules: CSSRuleList): void {
  for (const rule of Array.from(rules)) {
    if (rule instanceof CSSStyleRule) {
      const style = rule.style;
      for (const property of Array.from(style)) {
        style.setProperty(property, style.getPropertyValue(property), 'important');
      }
      makeImportant(rule.cssRules);
    }
  }
}

/** Per component sheet, the sheet of its forced-colors rules (null when it has none). */
const derived = new WeakMap<CSSStyleSheet, CSSStyleSheet | null>();

function derive(sheet: CSSStyleSheet): CSSStyleSheet | null {
  if (derived.has(sheet)) return derived.get(sheet)!;
  let result: CSSStyleSheet | null = null;
  try {
    const rules = forcedRules(sheet.cssRules);
    if (rules.length > 0) {
      result = new CSSStyleSheet();
      result.replaceSync(
        `${rules.join('\n')}\n*, *::before, *::after { box-shadow: none !important; text-shadow: none !important; }`,
      );
      makeImportant(result.cssRules);
    }
  } catch {
    result = null;
  }
  derived.set(sheet, result);
  return result;
}

const previewSheets = new WeakSet<CSSStyleSheet>();
const wired = new Set<ShadowRoot>();
let observer: MutationObserver | undefined;
let scheduled = false;

function applyTo(root: ShadowRoot): void {
  const own = root.adoptedStyleSheets.filter((sheet) => !previewSheets.has(sheet));
  const extra: CSSStyleSheet[] = [];
  for (const sheet of [...own, ...Array.from(root.styleSheets)]) {
    const forced = derive(sheet);
    if (forced && !extra.includes(forced)) extra.push(forced);
  }
  for (const sheet of extra) previewSheets.add(sheet);
  const current = root.adoptedStyleSheets;
  if (extra.some((sheet) => !current.includes(sheet))) {
    root.adoptedStyleSheets = [...own, ...extra];
  }
  if (!wired.has(root)) {
    wired.add(root);
    observer?.observe(root, { childList: true, subtree: true });
  }
}

function scan(node: Element | ShadowRoot): void {
  for (const el of Array.from(node.querySelectorAll('*'))) {
    if (el.shadowRoot) {
      applyTo(el.shadowRoot);
      scan(el.shadowRoot);
    }
  }
}

function rescan(): void {
  if (scheduled) return;
  scheduled = true;
  requestAnimationFrame(() => {
    scheduled = false;
    if (document.documentElement.hasAttribute(ATTRIBUTE)) scan(document.body);
  });
}

/** Turns the preview on (`'light'` or `'dark'` system colours) or off. */
export function setForcedColorsPreview(scheme: 'light' | 'dark' | undefined): void {
  const html = document.documentElement;
  documentSheet ??= tokenSheet();
  if (!scheme) {
    if (!html.hasAttribute(ATTRIBUTE)) return;
    html.removeAttribute(ATTRIBUTE);
    observer?.disconnect();
    observer = undefined;
    for (const root of wired) {
      root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => !previewSheets.has(s));
    }
    wired.clear();
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== documentSheet);
    return;
  }
  html.setAttribute(ATTRIBUTE, scheme);
  if (!document.adoptedStyleSheets.includes(documentSheet)) {
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, documentSheet];
  }
  observer ??= new MutationObserver(rescan);
  observer.observe(document.body, { childList: true, subtree: true });
  rescan();
}

/** The note shown above a story while the preview is on. */
export const forcedColorsNote =
  'Forced colors preview: system colours and the components’ own forced-colors styles. For the ' +
  'browser’s real rendering, open DevTools › Rendering › “Emulate CSS media feature forced-colors: ' +
  'active”.';
