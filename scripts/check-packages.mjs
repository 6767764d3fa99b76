// Package checks for every public package (run after `pnpm build`):
// - package.json completeness (exports with source/types/default, sideEffects, files, engines, …)
// - one version across the kit, and base's VERSION stamp equal to it
// - publint --strict and attw --profile esm-only
// - `pnpm pack` produces a tarball (packed and unpacked sizes reported)
// - component packages ship their editor data and framework typings (scripts/generate-typings.mjs),
//   and those typings type-check in React 19 and Vue (packages/react/test/typings)
// - @cif-elements/react maps every event the elements' manifests list
import { execFileSync } from 'node:child_process';
import { gunzipSync } from 'node:zlib';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = process.cwd();
const only = process.argv.slice(2);
const problems = [];
const report = (pkg, message) => problems.push(`${pkg}: ${message}`);
const bin = (name) => join(root, 'node_modules', '.bin', name);

const packages = readdirSync(join(root, 'packages'))
  .map((dir) => ({ dir: join(root, 'packages', dir), folder: dir }))
  .filter(({ dir }) => existsSync(join(dir, 'package.json')))
  .map((entry) => ({
    ...entry,
    json: JSON.parse(readFileSync(join(entry.dir, 'package.json'), 'utf8')),
  }))
  .filter(({ json, folder }) => !json.private && (only.length === 0 || only.includes(folder)));

const baseVersion = readFileSync(join(root, 'packages/base/src/version.ts'), 'utf8').match(
  /VERSION = '([^']+)'/,
)?.[1];
const tmp = mkdtempSync(join(tmpdir(), 'cif-pack-'));
const sizes = [];

/** The generated files a component package exports (scripts/generate-typings.mjs). */
const GENERATED = {
  './react': './dist/react.d.ts',
  './vue': './dist/vue.d.ts',
  './vscode.html-custom-data.json': './dist/vscode.html-custom-data.json',
  './vscode.css-custom-data.json': './dist/vscode.css-custom-data.json',
  './web-types.json': './dist/web-types.json',
};
/** Component package → the @cif-elements/react export mapping its events. */
const REACT_EVENT_MAPS = {
  dialpad: 'dialpadEvents',
  'incoming-call-toast': 'incomingCallToastEvents',
  'call-controls': 'callControlsEvents',
  'contact-card': 'contactCardEvents',
};

const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
const pascal = (name) => name.replace(/(^|-)([a-z0-9])/g, (_, _dash, c) => c.toUpperCase());
const sortKeys = (object) => Object.fromEntries(Object.entries(object).sort());

/** The tags a package's custom-elements manifest declares. */
function customElementTags(dir, json) {
  const file = json.customElements && join(dir, json.customElements);
  if (!file || !existsSync(file)) return [];
  return JSON.parse(readFileSync(file, 'utf8'))
    .modules.flatMap((m) => m.declarations ?? [])
    .filter((d) => d.customElement && d.tagName)
    .map((d) => d.tagName);
}

/** The files in a .tgz and their total size (what an install puts on disk, before block rounding). */
function unpacked(tarball) {
  const tar = gunzipSync(readFileSync(tarball));
  const files = [];
  let bytes = 0;
  let packageJson;
  for (let offset = 0; offset + 512 <= tar.length;) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const name = header.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
    const prefix = header.subarray(345, 500).toString('utf8').replace(/\0.*$/s, '');
    const size = parseInt(
      header.subarray(124, 136).toString('utf8').replace(/\0.*$/s, '').trim() || '0',
      8,
    );
    const type = String.fromCharCode(header[156] || 48);
    if (type === '0' || type === '\0') {
      const path = prefix ? `${prefix}/${name}` : name;
      files.push(path);
      bytes += size;
      if (path === 'package/package.json')
        packageJson = tar.subarray(offset + 512, offset + 512 + size).toString('utf8');
    }
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return { files, bytes, packageJson };
}

for (const { dir, folder, json } of packages) {
  const name = json.name ?? folder;
  // package.json completeness
  if (!name.startsWith('@cif-elements/')) report(name, 'name is not in the @cif-elements scope');
  if (json.version !== baseVersion)
    report(name, `version ${json.version} differs from the kit version ${baseVersion}`);
  for (const field of [
    'description',
    'license',
    'repository',
    'keywords',
    'engines',
    'exports',
    'files',
    'type',
  ]) {
    if (json[field] === undefined) report(name, `package.json has no "${field}"`);
  }
  if (json.type !== 'module') report(name, 'package.json "type" must be "module"');
  if (json.sideEffects === undefined) report(name, 'package.json must state "sideEffects" exactly');
  if (json.publishConfig?.access !== 'public')
    report(name, 'publishConfig.access must be "public"');
  for (const [subpath, target] of Object.entries(json.exports ?? {})) {
    if (typeof target === 'string') continue;
    // Type-only entries: the generated framework typings (`./react`, `./vue`).
    if (Object.keys(target).join() === 'types' && target.types.endsWith('.d.ts')) continue;
    for (const condition of ['source', 'types', 'default']) {
      if (!(condition in target))
        report(name, `exports["${subpath}"] has no "${condition}" condition`);
    }
  }
  // Every module that defines a custom element must be listed in sideEffects.
  const srcDir = join(dir, 'src');
  if (existsSync(srcDir)) {
    for (const file of readdirSync(srcDir)) {
      if (!/^cif-[a-z-]+\.ts$/.test(file)) continue;
      const text = readFileSync(join(srcDir, file), 'utf8');
      if (!/defineElement\(|customElements\.define\(/.test(text)) continue;
      const effects = Array.isArray(json.sideEffects) ? json.sideEffects : [];
      const js = file.replace(/\.ts$/, '.js');
      if (!effects.includes(`./src/${file}`) || !effects.includes(`./dist/${js}`)) {
        report(
          name,
          `sideEffects must list ./src/${file} and ./dist/${js} (it defines an element)`,
        );
      }
      if (!json.customElements) report(name, 'package.json has no "customElements" manifest field');
    }
  }
  if (!existsSync(join(dir, 'dist'))) {
    report(name, 'dist/ is missing: run `pnpm build` first');
    continue;
  }
  // A package with custom elements ships editor data and framework typings from its manifest.
  const tags = customElementTags(dir, json);
  if (tags.length > 0) {
    for (const [subpath, file] of Object.entries(GENERATED)) {
      const target = json.exports?.[subpath];
      const path = typeof target === 'string' ? target : target?.types;
      if (path !== file) report(name, `exports["${subpath}"] must point to ${file}`);
      if (!existsSync(join(dir, file))) report(name, `${file} was not generated`);
    }
    if (json['web-types'] !== './dist/web-types.json')
      report(name, 'package.json "web-types" must be "./dist/web-types.json"');
    const webTypes = existsSync(join(dir, 'dist/web-types.json'))
      ? JSON.parse(readFileSync(join(dir, 'dist/web-types.json'), 'utf8'))
      : undefined;
    const described = new Set(webTypes?.contributions?.html?.elements?.map((e) => e.name) ?? []);
    for (const tag of tags) {
      if (!described.has(tag)) report(name, `web-types.json does not describe <${tag}>`);
    }
  }
  // publint
  try {
    execFileSync(bin('publint'), ['--strict', dir], { stdio: 'pipe' });
  } catch (error) {
    report(
      name,
      `publint --strict failed:\n${error.stdout?.toString() ?? ''}${error.stderr?.toString() ?? ''}`,
    );
  }
  // pack, then attw on the tarball
  let tarball;
  try {
    const out = execFileSync('pnpm', ['pack', '--pack-destination', tmp], {
      cwd: dir,
      stdio: 'pipe',
    }).toString();
    tarball = out.trim().split('\n').pop().trim();
    if (!tarball.endsWith('.tgz'))
      tarball = join(tmp, readdirSync(tmp).find((f) => f.includes(folder)) ?? '');
    const { files, bytes, packageJson } = unpacked(tarball);
    if (/"workspace:/.test(packageJson ?? ''))
      report(name, 'the packed package.json still has workspace: ranges');
    sizes.push({ name, packed: statSync(tarball).size, unpacked: bytes, files: files.length });
    console.log(
      `[packages] ${name.padEnd(34)} packed ${kB(statSync(tarball).size)}, unpacked ${kB(bytes)} (${files.length} files)`,
    );
    if (!files.includes('package/README.md')) report(name, 'the tarball has no README.md');
  } catch (error) {
    report(name, `pnpm pack failed: ${error.stderr?.toString() ?? error}`);
    continue;
  }
  try {
    // Non-JavaScript exports (CSS, JSON) have no types to check.
    const assets = Object.keys(json.exports ?? {})
      .filter((subpath) => /\.(css|json)$/.test(subpath))
      .map((subpath) => subpath.replace(/^\.\//, ''));
    const exclude = assets.length > 0 ? ['--exclude-entrypoints', ...assets] : [];
    execFileSync(bin('attw'), [tarball, '--profile', 'esm-only', '--format', 'ascii', ...exclude], {
      stdio: 'pipe',
    });
  } catch (error) {
    report(name, `attw --profile esm-only failed:\n${error.stdout?.toString() ?? ''}`);
  }
}
rmSync(tmp, { recursive: true, force: true });

// The framework typings type-check as a React 19 and a Vue user writes them (every @ts-expect-error
// there must meet its error).
if (only.length === 0 || only.includes('react')) {
  try {
    execFileSync(bin('tsc'), ['-p', 'packages/react/test/typings/tsconfig.json'], {
      stdio: 'pipe',
    });
    console.log('[packages] React 19, @cif-elements/react and Vue typings type-check');
  } catch (error) {
    report(
      'typings',
      `tsc -p packages/react/test/typings failed:\n${error.stdout?.toString() ?? ''}`,
    );
  }
  // @cif-elements/react listens to every event each element's manifest lists.
  const reactEvents = join(root, 'packages/react/dist/events.js');
  if (existsSync(reactEvents)) {
    const maps = await import(pathToFileURL(reactEvents).href);
    for (const [folder, exported] of Object.entries(REACT_EVENT_MAPS)) {
      const json = JSON.parse(readFileSync(join(root, 'packages', folder, 'package.json'), 'utf8'));
      const manifest = JSON.parse(
        readFileSync(join(root, 'packages', folder, json.customElements)),
      );
      const events = manifest.modules
        .flatMap((m) => m.declarations ?? [])
        .filter((d) => d.tagName)
        .flatMap((d) => (d.events ?? []).map((e) => e.name).filter(Boolean));
      const expected = Object.fromEntries(
        [...new Set(events)].map((event) => [`on${pascal(event)}`, event]),
      );
      const actual = { ...maps[exported] };
      if (JSON.stringify(sortKeys(actual)) !== JSON.stringify(sortKeys(expected)))
        report(
          '@cif-elements/react',
          `${exported} ${JSON.stringify(actual)} differs from ${folder}'s manifest events ${JSON.stringify(expected)}`,
        );
    }
  } else {
    report('@cif-elements/react', 'dist/events.js is missing: run `pnpm build` first');
  }
}

if (sizes.length > 0) {
  console.log('\n[packages] package                              packed   unpacked');
  for (const { name, packed, unpacked: bytes } of sizes)
    console.log(
      `[packages] ${name.padEnd(36)} ${kB(packed).padStart(9)} ${kB(bytes).padStart(10)}`,
    );
}

if (problems.length > 0) {
  console.error(`[packages] ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(
  `[packages] ${packages.length} packages: package.json, publint --strict, attw --profile esm-only and pack all pass.`,
);
