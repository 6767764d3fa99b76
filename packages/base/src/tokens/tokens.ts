import { unsafeCSS, type CSSResult } from 'lit';
import { hostThemeCss, tokensCss } from './generated.js';

/**
 * The system tokens as a Lit `css` result (see `tokensCssText()` for what the sheet contains), for a
 * vendor who wants them inside their own shadow root. Components do not need it: the first `CifElement`
 * connected adopts the same sheet into its document.
 */
export const tokens: CSSResult = unsafeCSS(tokensCss);

/**
 * Host-level theme selection shared by every `CifElement`: `data-cif-theme="light|dark"` set on the
 * element itself sets its `color-scheme`, which the `light-dark()` tokens resolve against (useful when the
 * element sits inside another component's shadow root, where document rules do not reach).
 */
export const hostThemeStyles: CSSResult = unsafeCSS(hostThemeCss);

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
