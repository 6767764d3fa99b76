// Writes dist/tokens.css from the token table (run after `tsc -b`).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tokensCssText } from '../dist/tokens/generate.js';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'tokens.css');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(
  out,
  `/* CIF Elements system tokens (generated from src/tokens/definitions.ts). */\n${tokensCssText()}`,
);
