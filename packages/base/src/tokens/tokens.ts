import { css, unsafeCSS, type CSSResult } from 'lit';
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

/**
 * The stylesheet text of the system tokens. Rules are in the `cif-tokens` cascade layer and use
 * zero-specificity `:where()` selectors, so any rule a vendor writes (on `:root`, a panel or an element)
 * wins without `!important`.
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
    block(':where([data-cif-theme="light"])', (def) => (def.dark ? def.light : undefined)),
    block(':where([data-cif-theme="dark"])', darkOnly),
    '  @media (forced-colors: active) {',
    block('  :where(:root, [data-cif-theme])', (def) => def.forced),
    '  }',
    '}',
    '',
  ].join('\n');
}

/**
 * The system tokens as a Lit `css` result, for a vendor who wants them inside their own shadow root.
 * Components do not need it: the first `CifElement` connected adopts the same sheet into its document.
 */
export const tokens: CSSResult = css`
  ${unsafeCSS(tokensCssText())}
`;

/**
 * Host-level theme overrides shared by every `CifElement`: `data-cif-theme` set on the element itself
 * (useful when the element sits inside another component's shadow root, where document rules do not reach).
 */
export const hostThemeStyles: CSSResult = unsafeCSS(
  [
    block(':host([data-cif-theme="light"])', (def) => (def.dark ? def.light : undefined)),
    block(':host([data-cif-theme="dark"])', darkOnly),
  ].join('\n'),
);

const adopted = new WeakSet<Document | ShadowRoot>();

/**
 * Adopts the token sheet into a document (or shadow root) once. Constructable stylesheets are not
 * subject to CSP `style-src`, so this works under a strict policy.
 */
export function adoptTokens(root: Document | ShadowRoot = document): void {
  if (adopted.has(root) || !tokens.styleSheet) return;
  adopted.add(root);
  root.adoptedStyleSheets = [tokens.styleSheet, ...root.adoptedStyleSheets];
}
