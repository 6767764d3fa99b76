import { tokenDefinitions, type TokenDefinition } from './definitions.js';

const entries = Object.entries(tokenDefinitions) as [string, TokenDefinition][];

function block(selector: string, pick: (def: TokenDefinition) => string | undefined): string {
  const lines = entries
    .map(([name, def]) => [name, pick(def)] as const)
    .filter((entry): entry is readonly [string, string] => entry[1] !== undefined)
    .map(([name, value]) => `    ${name}: ${value};`);
  return `  ${selector} {\n${lines.join('\n')}\n  }`;
}

const darkOnly = (def: TokenDefinition): string | undefined => def.dark;
const lightWhereDarkDiffers = (def: TokenDefinition): string | undefined =>
  def.dark ? def.light : undefined;

/**
 * The stylesheet text of the system tokens, generated from `tokenDefinitions`. Rules are in the
 * `cif-tokens` cascade layer and use zero-specificity `:where()` selectors, so any rule a vendor writes
 * (on `:root`, a panel or an element) wins without `!important`.
 *
 * - light values on the root;
 * - dark values under `prefers-color-scheme: dark`, unless a `data-cif-theme="light"` ancestor says otherwise;
 * - `data-cif-theme="dark"` / `"light"` on any element switches its subtree explicitly;
 * - system colours under `forced-colors: active`.
 */
export function tokensCssText(): string {
  return [
    '@layer cif-tokens {',
    block(':where(:root)', (def) => def.light),
    '  @media (prefers-color-scheme: dark) {',
    block('  :where(:root:not([data-cif-theme="light"]))', darkOnly),
    '  }',
    block(':where([data-cif-theme="light"])', lightWhereDarkDiffers),
    block(':where([data-cif-theme="dark"])', darkOnly),
    '  @media (forced-colors: active) {',
    block('  :where(:root, [data-cif-theme])', (def) => def.forced),
    '  }',
    '}',
    '',
  ].join('\n');
}

/** `data-cif-theme` on the element itself, for elements inside other components' shadow roots. */
export function hostThemeCssText(): string {
  return [
    block(':host([data-cif-theme="light"])', lightWhereDarkDiffers),
    block(':host([data-cif-theme="dark"])', darkOnly),
  ].join('\n');
}

/** Collapses white space: the runtime copy ships minified. */
export function minifyCss(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};:,])\s*/g, '$1')
    .replace(/;}/g, '}')
    .trim();
}
