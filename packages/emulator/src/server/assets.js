// @ts-check
/**
 * The browser parts of the emulator, bundled on demand with esbuild from the TypeScript sources (so the
 * CLI runs from a checkout without a build), or read from dist/assets (written by `build:assets`) when
 * esbuild or the sources are not available.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
/** The package root (src/server → ../..). */
export const packageRoot = join(here, '..', '..');

/** @typedef {'library' | 'host' | 'normalize'} AssetName */

/** @type {Record<AssetName, { entry: string; prebuilt: string; format: 'iife' | 'esm'; platform: 'browser' | 'neutral' }>} */
const ASSETS = {
  library: {
    entry: 'src/library/entry.ts',
    prebuilt: 'dist/assets/msdyn_ciLibrary.js',
    format: 'iife',
    platform: 'browser',
  },
  host: {
    entry: 'src/host/main.ts',
    prebuilt: 'dist/assets/host.js',
    format: 'esm',
    platform: 'browser',
  },
  normalize: {
    entry: 'src/config/normalize.ts',
    prebuilt: 'dist/assets/normalize.js',
    format: 'esm',
    platform: 'neutral',
  },
};

const BANNER = {
  library:
    '/* msdyn_ciLibrary.js — emulated by @cif-elements/emulator. Defines Microsoft.CIFramework for local development; not Microsoft code. */',
  host: '/* @cif-elements/emulator host page */',
  normalize: '/* @cif-elements/emulator configuration */',
};

/** @type {Map<AssetName, Promise<string>>} */
const cache = new Map();

/**
 * Bundles one asset with esbuild.
 * @param {AssetName} name
 * @param {{ minify?: boolean; sourcemap?: boolean }} [options]
 * @returns {Promise<string>}
 */
export async function bundle(name, options = {}) {
  const asset = ASSETS[name];
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [join(packageRoot, asset.entry)],
    bundle: true,
    write: false,
    format: asset.format,
    platform: asset.platform,
    target: name === 'library' ? 'es2020' : 'es2022',
    minify: options.minify ?? false,
    sourcemap: options.sourcemap === false ? false : 'inline',
    legalComments: 'none',
    banner: { js: BANNER[name] },
    logLevel: 'silent',
    absWorkingDir: packageRoot,
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error(`esbuild produced no output for ${asset.entry}`);
  return file.text;
}

/**
 * The text of an asset: bundled from the sources when possible, else the prebuilt file. Cached.
 * @param {AssetName} name
 * @returns {Promise<string>}
 */
export function asset(name) {
  let text = cache.get(name);
  if (!text) {
    text = load(name);
    cache.set(name, text);
    text.catch(() => cache.delete(name));
  }
  return text;
}

/** Forgets bundled assets (the next request bundles the sources again). */
export function clearAssetCache() {
  cache.clear();
}

/**
 * @param {AssetName} name
 * @returns {Promise<string>}
 */
async function load(name) {
  const { entry, prebuilt } = ASSETS[name];
  if (existsSync(join(packageRoot, entry))) {
    try {
      return await bundle(name);
    } catch (error) {
      if (!existsSync(join(packageRoot, prebuilt))) throw error;
    }
  }
  return readFile(join(packageRoot, prebuilt), 'utf8');
}

/**
 * The configuration normaliser (TypeScript, shared with the host page), loaded into Node.
 * @returns {Promise<typeof import('../config/normalize.js')>}
 */
export async function loadNormalizer() {
  const code = await asset('normalize');
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}
