/**
 * The standalone widget's entry (index.html): registers `<cif-softphone>` and the kit's other languages,
 * so the user's Dynamics 365 language (set by core's locale workflow) applies to every component; and
 * adopts the page's styles.
 */
import '@cif-elements/base/locales/de.js';
import '@cif-elements/base/locales/ar.js';
import './cif-softphone.js';

// The page's own styles, adopted rather than inline, so index.html needs no 'unsafe-inline' style-src.
const page = new CSSStyleSheet();
page.replaceSync(`html, body { margin: 0; min-block-size: 100%; background: Canvas; }
cif-softphone { min-block-size: 100vh; }`);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, page];
