// The no-bundler build of a component package (run from the package directory by its `build:assets`,
// after `tsc -b`): `dist/cdn/<tag>.js`, one minified ES module with Lit and @cif-elements/base inside,
// for a plain `<script type="module" src="https://unpkg.com/@cif-elements/<package>/dist/cdn/<tag>.js">`
// (no bundler, no import map). The element's own lazy parts (the view loaded on connect) are inlined:
// one request. libphonenumber-js (the dialpad's formatter, about 150 kB) stays lazy: it is built as its
// own module beside the element's, `dist/cdn/libphonenumber-formatter.js`, fetched relative to the
// element module's URL the first time a number is formatted.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const dir = process.argv[2] ?? process.cwd();
const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
// The registration modules (`./cif-dialpad.js`) are the entry points.
const entries = Object.keys(pkg.exports).filter((subpath) => /^\.\/cif-[a-z-]+\.js$/.test(subpath));
if (entries.length === 0) {
  console.error(`[cdn] ${pkg.name}: no ./cif-*.js export to build`);
  process.exit(1);
}
const outdir = join(dir, 'dist/cdn');
rmSync(outdir, { recursive: true, force: true });

/** Modules kept as separate lazy files: imported dynamically, built on their own. */
const LAZY = /(^|\/)libphonenumber-formatter\.js$/;
const lazyFiles = new Set();
const keepLazy = {
  name: 'cif-keep-lazy',
  setup(builder) {
    builder.onResolve({ filter: LAZY }, (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      lazyFiles.add(join(args.resolveDir, args.path));
      return { path: `./${args.path.split('/').pop()}`, external: true };
    });
  },
};

const common = {
  outdir,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  legalComments: 'eof',
  metafile: true,
  logLevel: 'warning',
};
const outputs = [];
const elements = await build({
  ...common,
  entryPoints: Object.fromEntries(
    entries.map((subpath) => [subpath.slice(2, -3), join(dir, 'dist', subpath.slice(2))]),
  ),
  banner: { js: `/* ${pkg.name}@${pkg.version} (MIT); includes Lit (BSD-3-Clause) */` },
  plugins: [keepLazy],
});
outputs.push(...Object.entries(elements.metafile.outputs));
if (lazyFiles.size > 0) {
  const lazy = await build({ ...common, entryPoints: [...lazyFiles] });
  outputs.push(...Object.entries(lazy.metafile.outputs));
}

for (const [file, { bytes, imports }] of outputs) {
  const statics = imports.filter((i) => i.kind === 'import-statement');
  if (statics.length > 0) {
    console.error(`[cdn] ${file} imports ${statics.map((i) => i.path).join(', ')}: not one file`);
    process.exit(1);
  }
  console.log(
    `[cdn] ${pkg.name}: ${file.slice(file.indexOf('dist/cdn/'))} ${(bytes / 1024).toFixed(1)} kB`,
  );
}
