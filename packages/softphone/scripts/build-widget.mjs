// @ts-check
/**
 * The static widget for hosting: dist/widget/index.html and its bundle (main.js and lazily loaded
 * chunks, minified, with source maps). Copy dist/widget/ to any static host; its URL is the channel
 * provider's landing URL (docs/go-live.md). Run by `pnpm build` (build:assets).
 */
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { bundleOptions, packageRoot } from './dev-server.mjs';

const outdir = join(packageRoot, 'dist', 'widget');
const esbuild = await import('esbuild');
await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });
const result = await esbuild.build({ ...bundleOptions({ minify: true, outdir }), metafile: true });
await copyFile(join(packageRoot, 'index.html'), join(outdir, 'index.html'));
const sizes = Object.entries(result.metafile.outputs).filter(([path]) => path.endsWith('.js'));
const kb = (bytes) => `${(bytes / 1024).toFixed(0)} kB`;
const main = sizes.find(([path]) => path.endsWith('/main.js'))?.[1].bytes ?? 0;
const all = sizes.reduce((sum, [, output]) => sum + output.bytes, 0);
console.log(
  `[softphone] dist/widget: index.html, main.js (${kb(main)}) and lazily loaded chunks (${kb(all)} in all, minified)`,
);
