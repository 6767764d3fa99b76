// build:assets — writes the browser bundles to dist/assets (run by the root `pnpm build` after tsc -b):
// msdyn_ciLibrary.js (a classic script), host.js (the host page) and normalize.js (configuration).
// The server uses them when esbuild or the sources are not available.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bundle, packageRoot } from '../src/server/assets.js';

const out = join(packageRoot, 'dist', 'assets');
await mkdir(out, { recursive: true });
for (const [name, file, minify] of [
  ['library', 'msdyn_ciLibrary.js', false],
  ['host', 'host.js', true],
  ['normalize', 'normalize.js', false],
]) {
  const code = await bundle(name, { minify, sourcemap: false });
  await writeFile(join(out, file), code);
  console.log(`dist/assets/${file} ${(code.length / 1024).toFixed(1)} kB`);
}
