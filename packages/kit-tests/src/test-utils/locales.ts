/**
 * Every locale the kit ships, imported (each registers itself), with the English built in. The tags a
 * contact centre on Dynamics 365 most often needs, left to right and right to left.
 */
import ar from '@cif-elements/base/locales/ar.js';
import de from '@cif-elements/base/locales/de.js';
import en from '@cif-elements/base/locales/en.js';
import es from '@cif-elements/base/locales/es.js';
import fr from '@cif-elements/base/locales/fr.js';
import he from '@cif-elements/base/locales/he.js';
import it from '@cif-elements/base/locales/it.js';
import ja from '@cif-elements/base/locales/ja.js';
import nl from '@cif-elements/base/locales/nl.js';
import ptBR from '@cif-elements/base/locales/pt-BR.js';
import zhCN from '@cif-elements/base/locales/zh-CN.js';
import type { CifTranslation } from '@cif-elements/base';

export const LOCALES: readonly CifTranslation[] = [en, de, fr, es, it, ptBR, nl, ja, zhCN, ar, he];

export const RTL_LOCALES: readonly CifTranslation[] = [ar, he];

export { en };
