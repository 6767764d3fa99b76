/**
 * The standalone widget's entry (index.html): registers `<cif-softphone>` and the kit's other languages,
 * so the user's Dynamics 365 language (set by core's locale workflow) applies to every component.
 */
import '@cif-elements/base/locales/de.js';
import '@cif-elements/base/locales/ar.js';
import './cif-softphone.js';
