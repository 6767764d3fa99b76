// After `changeset version`: writes the kit version into @cif-elements/base's VERSION stamp.
import { readFileSync, writeFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('packages/base/package.json', 'utf8'));
const file = 'packages/base/src/version.ts';
const text = readFileSync(file, 'utf8').replace(/VERSION = '[^']+'/, `VERSION = '${version}'`);
writeFileSync(file, text);
console.log(`[sync-versions] VERSION = ${version}`);
