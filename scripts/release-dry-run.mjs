// Release dry run (a `pnpm test` step, after the build): in a temporary copy of the workspace, so this
// checkout is left as it is, runs what a release runs —
//   changeset version        (versions and CHANGELOG.md files from .changeset/*.md)
//   scripts/sync-versions.mjs (base's VERSION stamp)
//   pnpm -r publish --dry-run --no-git-checks --access public
// — and asserts that every public package would publish: one new version across the kit (the fixed
// group), above the current one, with its CHANGELOG.md and README.md in the tarball. Prints what each
// package would publish. (Workspace ranges in the packed package.json: scripts/check-packages.mjs.)
import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

const root = process.cwd();
const started = Date.now();
const problems = [];
const fail = (message) => problems.push(message);
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

/** Public workspace packages: folder → package.json. */
function publicPackages(base) {
  return Object.fromEntries(
    readdirSync(join(base, 'packages'))
      .filter((folder) => existsSync(join(base, 'packages', folder, 'package.json')))
      .map((folder) => [folder, readJson(join(base, 'packages', folder, 'package.json'))])
      .filter(([, json]) => !json.private),
  );
}

const before = publicPackages(root);
const changesets = readdirSync(join(root, '.changeset')).filter(
  (file) => file.endsWith('.md') && file !== 'README.md',
);
if (changesets.length === 0) {
  console.log('[release] no changesets: nothing would be released');
  process.exit(0);
}
for (const [folder] of Object.entries(before)) {
  if (!existsSync(join(root, 'packages', folder, 'dist')))
    fail(`${folder}: dist/ is missing: run \`pnpm build\` first`);
}
if (problems.length > 0) {
  console.error(`[release] ${problems.join('\n')}`);
  process.exit(1);
}

// The copy: the workspace files a release reads, and each package without its node_modules and
// test output (what is published comes from package.json `files`, which the copy keeps).
const copy = mkdtempSync(join(tmpdir(), 'cif-release-'));
const skip = new Set(['node_modules', 'coverage', 'test-results', '.vitest-attachments']);
for (const file of [
  'package.json',
  'pnpm-workspace.yaml',
  '.changeset',
  'scripts/sync-versions.mjs',
])
  cpSync(join(root, file), join(copy, file), { recursive: true });
for (const folder of readdirSync(join(root, 'packages'))) {
  if (!existsSync(join(root, 'packages', folder, 'package.json'))) continue;
  cpSync(join(root, 'packages', folder), join(copy, 'packages', folder), {
    recursive: true,
    filter: (source) => !skip.has(relative(root, source).split(/[\\/]/)[2] ?? ''),
  });
}

// pnpm resolves `workspace:` ranges through each package's node_modules links: link the siblings as an
// install would (nothing else is needed to pack).
const folders = Object.fromEntries(
  readdirSync(join(copy, 'packages'))
    .filter((folder) => existsSync(join(copy, 'packages', folder, 'package.json')))
    .map((folder) => [readJson(join(copy, 'packages', folder, 'package.json')).name, folder]),
);
for (const [, folder] of Object.entries(folders)) {
  const json = readJson(join(copy, 'packages', folder, 'package.json'));
  const ranges = { ...json.dependencies, ...json.devDependencies, ...json.peerDependencies };
  for (const [name, range] of Object.entries(ranges)) {
    if (!String(range).startsWith('workspace:') || !folders[name]) continue;
    const link = join(copy, 'packages', folder, 'node_modules', name);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(join(copy, 'packages', folders[name]), link, 'dir');
  }
}

const run = (command, args) =>
  execFileSync(command, args, {
    cwd: copy,
    stdio: 'pipe',
    encoding: 'utf8',
    env: { ...process.env, npm_config_loglevel: 'notice' },
  });
const git = (...args) =>
  run('git', ['-c', 'user.name=release', '-c', 'user.email=release@localhost', ...args]);

try {
  // changesets reads the commits that added each changeset: a repository with one commit.
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'release dry run');
  run(join(root, 'node_modules/.bin/changeset'), ['version']);
  run('node', ['scripts/sync-versions.mjs']);

  // One new version for every public package.
  const after = publicPackages(copy);
  const versions = new Set(Object.values(after).map((json) => json.version));
  const [version] = versions;
  if (versions.size !== 1) fail(`versions differ after changeset version: ${[...versions]}`);
  for (const [folder, json] of Object.entries(after)) {
    const old = before[folder].version;
    if (json.version === old) fail(`${json.name}: version not bumped (${old})`);
    if (compare(json.version, old) <= 0) fail(`${json.name}: ${json.version} is not above ${old}`);
    if (!existsSync(join(copy, 'packages', folder, 'CHANGELOG.md')))
      fail(`${json.name}: changeset version wrote no CHANGELOG.md`);
    else if (
      !readFileSync(join(copy, 'packages', folder, 'CHANGELOG.md'), 'utf8').includes(
        `## ${json.version}`,
      )
    )
      fail(`${json.name}: CHANGELOG.md has no "## ${json.version}" section`);
    if (!json.files?.includes('CHANGELOG.md'))
      fail(`${json.name}: "files" does not list CHANGELOG.md`);
  }
  const stamp = readFileSync(join(copy, 'packages/base/src/version.ts'), 'utf8');
  if (!stamp.includes(`VERSION = '${version}'`)) fail(`base's VERSION stamp is not ${version}`);
  if (readdirSync(join(copy, '.changeset')).some((f) => f.endsWith('.md') && f !== 'README.md'))
    fail('changeset version left changesets behind');

  // Publish, dry: pnpm packs each package as it would upload it.
  const publish = spawnSync(
    'pnpm',
    ['-r', 'publish', '--dry-run', '--no-git-checks', '--access', 'public'],
    { cwd: copy, encoding: 'utf8', env: { ...process.env, npm_config_loglevel: 'notice' } },
  );
  const output = `${publish.stdout}\n${publish.stderr}`;
  if (publish.status !== 0)
    throw Object.assign(new Error('pnpm -r publish --dry-run failed'), { stdout: output });
  const published = parseNotices(output);
  for (const json of Object.values(after)) {
    const entry = published.find((p) => p.name === json.name);
    if (!entry) {
      fail(`${json.name}: pnpm publish --dry-run did not publish it`);
      continue;
    }
    if (entry.version !== version)
      fail(`${json.name}: would publish ${entry.version}, not ${version}`);
    const files = new Set(entry.files);
    for (const required of ['package.json', 'README.md', 'CHANGELOG.md']) {
      if (!files.has(required)) fail(`${json.name}: the tarball has no ${required}`);
    }
    console.log(
      `[release] ${`${entry.name}@${entry.version}`.padEnd(42)} ${String(entry.files.length).padStart(4)} files, ${kB(entry.size)} packed, ${kB(entry.unpackedSize)} unpacked`,
    );
  }
  const extra = published.filter((p) => !Object.values(after).some((json) => json.name === p.name));
  for (const p of extra) fail(`${p.name}: a private package would be published`);
} catch (error) {
  fail(`${error.message}\n${error.stdout ?? ''}${error.stderr ?? ''}`);
} finally {
  rmSync(copy, { recursive: true, force: true });
}

if (problems.length > 0) {
  console.error(`[release] ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(
  `[release] ${Object.keys(before).length} packages would publish (${changesets.length} changesets), in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);

function kB(bytes) {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

/** Semver order of two plain versions (x.y.z). */
function compare(a, b) {
  const pa = a.split(/[.-]/).map(Number);
  const pb = b.split(/[.-]/).map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return 0;
}

/**
 * What npm prints for each package it would publish (pnpm publishes through npm):
 *   npm notice 📦  @cif-elements/base@0.2.0
 *   npm notice 1.2kB dist/index.js            (one line per file)
 *   npm notice package size: 152.4 kB
 *   npm notice unpacked size: 696.4 kB
 */
function parseNotices(text) {
  const results = [];
  let current;
  for (const line of text.split('\n')) {
    const notice = line.match(/^npm notice (.*)$/)?.[1]?.trim();
    if (notice === undefined) continue;
    const header = notice.match(/^📦\s+(@?[^@\s]+)@(\S+)$/);
    if (header) {
      current = { name: header[1], version: header[2], files: [], size: 0, unpackedSize: 0 };
      results.push(current);
      continue;
    }
    if (!current) continue;
    const file = notice.match(/^([\d.]+[kMG]?B)\s+(\S.*)$/);
    if (file) current.files.push(file[2]);
    const size = notice.match(/^(package|unpacked) size:\s+([\d.]+)\s*([kMG]?B)$/);
    if (size) {
      const bytes = Number(size[2]) * { B: 1, kB: 1000, MB: 1e6, GB: 1e9 }[size[3]];
      if (size[1] === 'package') current.size = bytes;
      else current.unpackedSize = bytes;
    }
  }
  // A package printed twice (npm's dry-run summary repeats) counts once.
  return results.filter((r, i) => results.findIndex((o) => o.name === r.name) === i);
}
