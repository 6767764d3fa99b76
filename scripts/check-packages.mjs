// Package checks for every public package (run after `pnpm build`):
// - package.json completeness (exports with source/types/default, sideEffects, files, engines, …)
// - one version across the kit, and base's VERSION stamp equal to it
// - publint --strict and attw --profile esm-only
// - `pnpm pack` produces a tarball (size reported)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
    console.log(
      `[packages] ${name.padEnd(34)} packed ${(statSync(tarball).size / 1024).toFixed(1)} kB`,
    );
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

if (problems.length > 0) {
  console.error(`[packages] ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(
  `[packages] ${packages.length} packages: package.json, publint --strict, attw --profile esm-only and pack all pass.`,
);
