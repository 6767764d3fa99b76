// Size: reads `size-limit --json` (the budgets `pnpm size` enforces in `pnpm test`) and groups whatever
// entries .size-limit.js aggregates from packages/*/size-limit.json: each component's define module,
// all four plus core, core, the lazy chunks. Nothing is measured here another way.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from './lib/common.mjs';

/** Targets of issue #15 (size-limit's kB are 1000 bytes, gzip). */
export const SIZE_TARGETS = { component: 10_000, combined: 20_000 };

const COMPONENTS = ['dialpad', 'incoming-call-toast', 'call-controls', 'contact-card'];

/** @param {string} text e.g. "19.9 kB" */
function parseLimit(text) {
  const match = /^\s*([\d.]+)\s*(B|kB|KB|MB|KiB|MiB)?\s*$/.exec(String(text ?? ''));
  if (!match) return undefined;
  const factor = { B: 1, kB: 1000, KB: 1000, MB: 1e6, KiB: 1024, MiB: 1024 ** 2 }[match[2] ?? 'B'];
  return Math.round(Number(match[1]) * (factor ?? 1));
}

/**
 * The group of a size-limit entry, from its path.
 * @param {{ path: string | string[]; import?: unknown; name: string }} entry
 */
function groupOf(entry) {
  const path = [entry.path].flat().join(' ');
  if (path.includes('bench/size/')) return 'combined';
  if (/libphonenumber/.test(path)) return 'lazy';
  const component = COMPONENTS.find((name) => path === `packages/${name}/dist/cif-${name}.js`);
  if (component && !entry.import) return 'component';
  if (path.startsWith('packages/core/')) return 'core';
  if (path.startsWith('packages/base/')) return 'base';
  if (path.startsWith('packages/softphone/')) return 'softphone';
  return 'lazy';
}

export async function runSize() {
  console.log('[bench:size] pnpm size --json …');
  const run = spawnSync('pnpm', ['exec', 'size-limit', '--json'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 16 * 2 ** 20,
  });
  const start = run.stdout.indexOf('[');
  if (start < 0) throw new Error(`size-limit printed no JSON:\n${run.stdout}\n${run.stderr}`);
  /** @type {{ name: string; size: number; passed?: boolean; sizeLimit?: number }[]} */
  const measured = JSON.parse(run.stdout.slice(start));
  const config = (await import(pathToFileURL(join(root, '.size-limit.js')).href)).default;
  const entries = measured.map((result) => {
    const entry = config.find((/** @type {{ name: string }} */ c) => c.name === result.name) ?? {
      name: result.name,
      path: '',
    };
    const group = groupOf(entry);
    const target =
      group === 'component'
        ? SIZE_TARGETS.component
        : group === 'combined'
          ? SIZE_TARGETS.combined
          : undefined;
    return {
      name: result.name,
      group,
      path: [entry.path].flat().join(', '),
      bytes: result.size,
      budget: result.sizeLimit ?? parseLimit(entry.limit),
      passed: result.passed ?? true,
      target,
      targetMet: target === undefined ? undefined : result.size <= target,
    };
  });
  return { exitCode: run.status, entries };
}

/** @param {string} input an esbuild metafile input path */
function ownerOf(input) {
  const pkg = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(input);
  if (pkg)
    return /^(lit|lit-html|lit-element|@lit\/reactive-element)$/.test(pkg[1]) ? 'Lit' : pkg[1];
  const own = /packages\/([^/]+)\//.exec(input);
  return own ? `@cif-elements/${own[1]}` : input;
}

/**
 * What each first-load bundle is made of: minified bytes per package (esbuild metafile, lazy `import()`
 * chunks left out), to show where the bytes over a target are.
 */
export async function sizeComposition() {
  const esbuild = await import('esbuild');
  const entries = {
    ...Object.fromEntries(
      COMPONENTS.map((name) => [`<cif-${name}>`, `packages/${name}/dist/cif-${name}.js`]),
    ),
    'all four + core': 'bench/size/all-components-and-core.js',
  };
  /** @type {Record<string, { totalMinified: number; parts: { owner: string; bytes: number }[] }>} */
  const out = {};
  for (const [label, entry] of Object.entries(entries)) {
    const result = await esbuild.build({
      entryPoints: [join(root, entry)],
      bundle: true,
      splitting: true,
      format: 'esm',
      minify: true,
      write: false,
      metafile: true,
      outdir: '/tmp/cif-bench-size',
      logLevel: 'silent',
      external: ['libphonenumber-js', 'libphonenumber-js/*'],
    });
    const outputs = result.metafile.outputs;
    const main = Object.keys(outputs).find((file) => outputs[file].entryPoint);
    if (!main) continue;
    // The first load: the entry and the chunks it imports statically (not the `import()` ones).
    const firstLoad = new Set([main]);
    for (const file of firstLoad) {
      for (const dep of outputs[file].imports) {
        if (dep.kind === 'import-statement' && !dep.external) firstLoad.add(dep.path);
      }
    }
    /** @type {Map<string, number>} */
    const parts = new Map();
    let total = 0;
    for (const file of firstLoad) {
      const output = outputs[file] ?? outputs[file.replace(/^\//, '')];
      if (!output) continue;
      total += output.bytes;
      for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
        parts.set(ownerOf(input), (parts.get(ownerOf(input)) ?? 0) + bytesInOutput);
      }
    }
    out[label] = {
      totalMinified: total,
      parts: [...parts]
        .filter(([, bytes]) => bytes > 0)
        .map(([owner, bytes]) => ({ owner, bytes }))
        .sort((a, b) => b.bytes - a.bytes),
    };
  }
  return out;
}
