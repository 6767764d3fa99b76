import { tokenDefinitions, type TokenDefinition } from './definitions.js';

const entries = Object.entries(tokenDefinitions) as [string, TokenDefinition][];

/** A colour literal in a token value: hex, a colour function, or `transparent`. */
const COLOR =
  /#[\da-f]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\([^()]*\)|\btransparent\b/gi;

/**
 * The value a token is declared with: the light value when the theme does not change it, else
 * `light-dark(<light>, <dark>)`. `light-dark()` takes colours only, so a composite value (a shadow)
 * whose light and dark forms differ only in their colours gets one `light-dark()` per differing colour;
 * anything else cannot follow the colour scheme and is refused.
 */
export function themedValue(name: string, def: TokenDefinition): string {
  const { light, dark } = def;
  if (dark === undefined || dark === light) return light;
  if (name.startsWith('--cif-color-')) return `light-dark(${light}, ${dark})`;
  const lightColors = light.match(COLOR) ?? [];
  const darkColors = dark.match(COLOR) ?? [];
  if (
    lightColors.length === 0 ||
    lightColors.length !== darkColors.length ||
    light.replace(COLOR, '#') !== dark.replace(COLOR, '#')
  ) {
    throw new TypeError(
      `${name}: its light and dark values differ in more than colours, which light-dark() cannot express`,
    );
  }
  let index = 0;
  return light.replace(COLOR, (color) => {
    const other = darkColors[index++]!;
    return other === color ? color : `light-dark(${color}, ${other})`;
  });
}

function block(selector: string, declarations: string[]): string {
  return `  ${selector} {\n${declarations.map((line) => `    ${line};`).join('\n')}\n  }`;
}

/**
 * The stylesheet text of the system tokens, generated from `tokenDefinitions`. Rules are in the
 * `cif-tokens` cascade layer and use zero-specificity `:where()` selectors, so any rule a vendor writes
 * (on `:root`, a panel or an element) wins without `!important`.
 *
 * - every token is declared once on the root; a colour that changes with the theme is
 *   `light-dark(<light>, <dark>)`, which resolves against the `color-scheme` of the element that uses it;
 * - the root follows the system (`color-scheme: light dark`, i.e. `prefers-color-scheme`);
 * - `data-cif-theme="light"` / `"dark"` on any element sets its subtree's `color-scheme` explicitly;
 * - system colours under `forced-colors: active`.
 */
export function tokensCssText(): string {
  return [
    '@layer cif-tokens {',
    block(':where(:root)', [
      'color-scheme: light dark',
      ...entries.map(([name, def]) => `${name}: ${themedValue(name, def)}`),
    ]),
    block(':where([data-cif-theme="light"])', ['color-scheme: light']),
    block(':where([data-cif-theme="dark"])', ['color-scheme: dark']),
    '  @media (forced-colors: active) {',
    block(
      '  :where(:root)',
      entries.filter(([, def]) => def.forced).map(([name, def]) => `${name}: ${def.forced}`),
    ),
    '  }',
    '}',
    '',
  ].join('\n');
}

/**
 * `data-cif-theme` on the element itself, for elements inside other components' shadow roots (where
 * document rules do not reach): it sets the host's `color-scheme`, which every `light-dark()` token
 * used inside the element resolves against.
 */
export function hostThemeCssText(): string {
  return [
    block(':host([data-cif-theme="light"])', ['color-scheme: light']),
    block(':host([data-cif-theme="dark"])', ['color-scheme: dark']),
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
