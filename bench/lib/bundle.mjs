// Bundles bench pages with esbuild from the packages' built dist (not their sources): what a vendor's
// bundler makes of the published packages, minified, with dynamic imports as lazy chunks.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './common.mjs';

/**
 * Resolves `@cif-elements/<name>[/<subpath>]` through packages/<name>/package.json's exports (the
 * `default` condition: the built dist), as an installed package would resolve.
 * @type {import('esbuild').Plugin}
 */
const workspacePackages = {
  name: 'cif-elements-dist',
  setup(build) {
    build.onResolve({ filter: /^@cif-elements\/[^/]+/ }, (args) => {
      const [, name, sub = ''] = /^@cif-elements\/([^/]+)(\/.*)?$/.exec(args.path) ?? [];
      const dir = join(root, 'packages', name);
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      const target = pkg.exports?.[`.${sub}`];
      const file = typeof target === 'string' ? target : target?.default;
      if (!file) return { errors: [{ text: `${args.path} is not exported by ${pkg.name}` }] };
      return { path: join(dir, file) };
    });
  },
};

/**
 * Bundles `entry` (a file in bench/pages) into `outdir` as `main.js` plus its lazy chunks.
 * @param {string} entry path relative to bench/pages
 * @param {string} outdir
 * @param {{ minify?: boolean }} [options]
 */
export async function bundlePage(entry, outdir, options = {}) {
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: { main: join(root, 'bench', 'pages', entry) },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outdir,
    chunkNames: 'chunks/[name]-[hash]',
    minify: options.minify ?? true,
    legalComments: 'none',
    logLevel: 'error',
    plugins: [workspacePackages],
    define: { 'process.env.NODE_ENV': '"production"' },
  });
}
