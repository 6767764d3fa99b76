// The consumer apps in examples/ against the packed packages, as a vendor would get them from npm
// (run after `pnpm build`):
//
// 1. `pnpm pack` every public package into a temporary directory;
// 2. copy each example there, point its @cif-elements/* dependencies (and, through pnpm.overrides, the
//    packages' own @cif-elements/* dependencies) at the tarballs, install it outside the workspace and
//    run its build (which type-checks it);
// 3. serve its dist/ and drive it in headless Chromium: all four elements defined and rendered, answer
//    the incoming call, mute, dial from the dialpad and from the contact card, end the call; the page's
//    own output must show each event, and the console must stay free of errors and warnings.
//
//   node scripts/test-examples.mjs                  every example
//   node scripts/test-examples.mjs react vue        some of them
//   node scripts/test-examples.mjs react --keep     keep the temporary directory (to `pnpm dev` in it)
//
// Prints one line per app (install and build time, min+gz JavaScript, checks) and exits 1 on any failure.
import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, extname, join, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright';
import { chromiumArgs, findChromium } from './chromium.mjs';

const root = resolve(import.meta.dirname, '..');
const examplesDir = join(root, 'examples');
const APPS = readdirSync(examplesDir)
  .filter((name) => existsSync(join(examplesDir, name, 'package.json')))
  .sort();

const { values: options, positionals } = parseArgs({
  args: process.argv.slice(2),
  options: { keep: { type: 'boolean', default: false } },
  allowPositionals: true,
  strict: true,
});
const unknown = positionals.filter((name) => !APPS.includes(name));
if (unknown.length > 0) {
  console.error(`[examples] unknown example(s): ${unknown.join(', ')} (known: ${APPS.join(', ')})`);
  process.exit(1);
}
const apps = positionals.length > 0 ? APPS.filter((name) => positionals.includes(name)) : APPS;

// The environment of the installs and builds: without what `pnpm run` exported for the workspace.
const env = Object.fromEntries(
  Object.entries(process.env).filter(
    ([key]) =>
      !/^(npm_package_|npm_lifecycle_|npm_config_(dir|workspace|recursive|filter))/i.test(key) &&
      !['PNPM_SCRIPT_SRC_DIR', 'INIT_CWD'].includes(key),
  ),
);
env.NG_CLI_ANALYTICS = 'false';
env.NO_UPDATE_NOTIFIER = '1';

/** Runs a command; resolves with its output, rejects with the output on a non-zero exit. */
function run(command, args, cwd, timeout = 5 * 60_000) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd, env, timeout, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolvePromise(output);
      else {
        const how = signal
          ? `was stopped (${signal}, time limit ${timeout / 1000} s)`
          : `exited with ${code}`;
        reject(new Error(`${command} ${args.join(' ')} ${how}:\n${output}`));
      }
    });
  });
}

/** Runs `task` over `items`, at most `limit` at a time; results in the items' order. */
async function pool(items, limit, task) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

const seconds = (start) => (performance.now() - start) / 1000;
const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;

// ---- 1. pack ----

/** Packs every public package; returns { name: absolute tarball path }. */
async function packAll(destination) {
  const packages = readdirSync(join(root, 'packages'))
    .map((folder) => join(root, 'packages', folder))
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .map((dir) => ({ dir, json: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }))
    .filter(({ json }) => !json.private);
  const missing = packages.filter(({ dir }) => !existsSync(join(dir, 'dist')));
  if (missing.length > 0) {
    throw new Error(
      `dist/ is missing in ${missing.map(({ json }) => json.name).join(', ')}: run \`pnpm build\` first`,
    );
  }
  const filters = packages.flatMap(({ json }) => ['--filter', json.name]);
  const output = await run(
    'pnpm',
    ['--recursive', ...filters, 'pack', '--pack-destination', destination, '--json'],
    root,
  );
  const packed = JSON.parse(output.slice(output.indexOf('[')));
  return Object.fromEntries(
    packed.map(({ name, filename }) => [name, resolve(destination, filename)]),
  );
}

// ---- 2. install and build ----

/** Copies an example and points its @cif-elements/* dependencies at the tarballs. */
function prepare(app, workDir, tarballs) {
  const dir = join(workDir, app);
  const skipped = new Set(['node_modules', 'dist', '.angular', '.svelte-kit']);
  cpSync(join(examplesDir, app), dir, {
    recursive: true,
    filter: (source) => !skipped.has(basename(source)),
  });
  const file = join(dir, 'package.json');
  const json = JSON.parse(readFileSync(file, 'utf8'));
  const used = [];
  for (const field of ['dependencies', 'devDependencies']) {
    for (const [name, version] of Object.entries(json[field] ?? {})) {
      // Examples pin exact versions, as the apps vendors start from should.
      if (!/^\d+\.\d+\.\d+$/.test(version)) {
        throw new Error(`${app}: ${name} must be pinned to an exact version (not "${version}")`);
      }
      if (!name.startsWith('@cif-elements/')) continue;
      if (!tarballs[name])
        throw new Error(`${app} depends on ${name}, which is not a public package`);
      json[field][name] = `file:${tarballs[name]}`;
      used.push(name);
    }
  }
  if (used.length === 0) throw new Error(`${app} depends on no @cif-elements package`);
  json.pnpm = {
    ...json.pnpm,
    overrides: Object.fromEntries(
      Object.entries(tarballs).map(([name, path]) => [name, `file:${path}`]),
    ),
  };
  writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
  return dir;
}

async function install(dir) {
  const start = performance.now();
  await run(
    'pnpm',
    [
      'install',
      '--ignore-workspace',
      '--prefer-offline',
      '--no-frozen-lockfile',
      '--reporter=append-only',
    ],
    dir,
  );
  // Every copy of the kit in the app must come from a tarball, never from the registry or a link.
  const kit = readdirSync(join(dir, 'node_modules', '.pnpm')).filter((entry) =>
    entry.startsWith('@cif-elements+'),
  );
  const foreign = kit.filter((entry) => !/@file\+.*\.tgz/.test(entry));
  if (kit.length === 0) throw new Error('no @cif-elements package was installed');
  if (foreign.length > 0) {
    throw new Error(`@cif-elements packages not from the tarballs: ${foreign.join(', ')}`);
  }
  return seconds(start);
}

async function build(dir) {
  const start = performance.now();
  await run('pnpm', ['run', 'build'], dir);
  return seconds(start);
}

/** The directory a build wrote its page to (Angular's application builder adds `browser/`). */
function distOf(dir) {
  const dist = join(dir, 'dist');
  if (existsSync(join(dist, 'browser', 'index.html'))) return join(dist, 'browser');
  if (existsSync(join(dist, 'index.html'))) return dist;
  throw new Error(`the build wrote no dist/index.html`);
}

/**
 * Minified and gzip-compressed size of the JavaScript of a build: all of it, and what the page loads
 * first (the scripts and module preloads in index.html; the rest are lazy chunks).
 */
function measure(dist) {
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.m?js$/.test(entry.name)) files.push(path);
    }
  };
  walk(dist);
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const initial = new Set(
    [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+\.m?js)"/g)].map(([, src]) =>
      join(dist, src.replace(/^\//, '')),
    ),
  );
  const size = { files: files.length, min: 0, gz: 0, initialGz: 0 };
  for (const file of files) {
    const bytes = readFileSync(file);
    const gz = gzipSync(bytes, { level: 9 }).length;
    size.min += bytes.length;
    size.gz += gz;
    if (initial.has(file)) size.initialGz += gz;
  }
  if (initial.size === 0 || size.initialGz === 0) throw new Error('index.html loads no script');
  return size;
}

// ---- 3. serve and drive ----

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serves a directory on 127.0.0.1 (unknown paths without an extension get index.html). */
function serve(dist) {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    let file = resolve(dist, `.${path}`);
    if (file !== dist && !file.startsWith(dist + sep)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file) && extname(file) === '') file = join(dist, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    response.end(readFileSync(file));
  });
  return new Promise((resolvePromise) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolvePromise({ url: `http://127.0.0.1:${port}/`, close: () => server.close() });
    });
  });
}

const TAGS = ['cif-incoming-call-toast', 'cif-call-controls', 'cif-dialpad', 'cif-contact-card'];
// Generous: a loaded CI machine is slow, and a passing check never waits for it.
const TIMEOUT = 20_000;

/** Waits until the page's event output reads `expected`. */
async function expectLastEvent(page, expected) {
  const output = page.getByTestId('last-event');
  const deadline = Date.now() + TIMEOUT;
  let actual = '';
  while (Date.now() < deadline) {
    actual = ((await output.textContent()) ?? '').trim();
    if (actual === expected) return;
    await page.waitForTimeout(50);
  }
  throw new Error(`the page's last event reads "${actual}", expected "${expected}"`);
}

/** Drives one app; returns the checks it passed, throws on the first that fails. */
async function drive(page, url) {
  const checks = [];
  const check = async (name, body) => {
    try {
      await body();
    } catch (error) {
      throw new Error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
    checks.push(name);
  };

  await page.goto(url);
  await check('four elements defined', () =>
    page.waitForFunction((tags) => tags.every((tag) => window.customElements.get(tag)), TAGS, {
      timeout: TIMEOUT,
    }),
  );
  await check('elements rendered from the bound data', async () => {
    const toast = page.locator('cif-incoming-call-toast');
    const card = page.locator('cif-contact-card');
    const dialpad = page.locator('cif-dialpad');
    await toast.getByRole('button', { name: 'Answer call from Jane Doe' }).waitFor();
    await toast.getByText('Contoso').first().waitFor();
    await card.getByRole('heading', { name: 'Jane Doe' }).waitFor();
    await card.getByRole('button', { name: 'Call mobile +1 206-555-0100' }).waitFor();
    await dialpad.getByRole('group', { name: 'Dialpad' }).waitFor();
    // The call controls render nothing until there is a call.
    const empty = await page.evaluate(() => {
      const root = document.querySelector('cif-call-controls')?.shadowRoot;
      return root ? root.querySelectorAll('button').length === 0 : 'no shadow root';
    });
    if (empty !== true) throw new Error(`the idle call controls render ${String(empty)}`);
  });
  await check('toast answers (cif-answer)', async () => {
    await page.getByRole('button', { name: 'Answer call from Jane Doe' }).click();
    await expectLastEvent(page, 'cif-answer call-1');
    await page.getByRole('button', { name: 'Answer call from Jane Doe' }).waitFor({
      state: 'detached',
      timeout: TIMEOUT,
    });
  });
  const controls = page.locator('cif-call-controls');
  const mute = controls.getByRole('button', { name: 'Mute' });
  await check('call controls follow the answered call', async () => {
    await mute.waitFor({ timeout: TIMEOUT });
    await controls.getByRole('timer').first().waitFor();
  });
  await check('mute (cif-mute-change) and the new state bound back', async () => {
    if ((await mute.getAttribute('aria-pressed')) !== 'false') throw new Error('starts pressed');
    await mute.click();
    await expectLastEvent(page, 'cif-mute-change call-1 muted');
    await controls.locator('[aria-pressed="true"]', { hasText: 'Mute' }).waitFor({
      timeout: TIMEOUT,
    });
  });
  await check('dialpad dials (cif-dial)', async () => {
    const dialpad = page.locator('cif-dialpad');
    for (const digit of '2015550123') {
      await dialpad.getByRole('button', { name: new RegExp(`^${digit}( |$)`) }).click();
    }
    await dialpad.getByRole('button', { name: 'Call', exact: true }).click();
    await expectLastEvent(page, 'cif-dial +12015550123');
  });
  await check('contact card dials (cif-dial)', async () => {
    await page
      .locator('cif-contact-card')
      .getByRole('button', { name: 'Call mobile +1 206-555-0100' })
      .click();
    await expectLastEvent(page, 'cif-dial +12065550100');
  });
  await check('end call (cif-hangup) empties the controls', async () => {
    await controls.getByRole('button', { name: 'End call' }).click();
    await expectLastEvent(page, 'cif-hangup call-1');
    await mute.waitFor({ state: 'detached', timeout: TIMEOUT });
  });
  return checks;
}

// ---- main ----

const started = performance.now();
const workDir = mkdtempSync(join(tmpdir(), 'cif-examples-'));
const results = Object.fromEntries(apps.map((app) => [app, { app }]));
let browser;
let exitCode = 0;
try {
  const packStart = performance.now();
  const tarballs = await packAll(join(workDir, 'tarballs'));
  console.log(
    `[examples] packed ${Object.keys(tarballs).length} packages in ${seconds(packStart).toFixed(1)} s`,
  );

  // Installs mostly wait on the network and the disk: three at a time. Builds use both cores: one at a
  // time, each starting as soon as its install is done (so a cold install overlaps the other builds).
  let builds = Promise.resolve();
  const buildOne = async (app) => {
    const result = results[app];
    try {
      result.build = await build(result.dir);
      result.dist = distOf(result.dir);
      result.size = measure(result.dist);
    } catch (error) {
      result.error = `build failed: ${error.message}`;
    }
  };
  await pool(apps, 3, async (app) => {
    const result = results[app];
    try {
      result.dir = prepare(app, workDir, tarballs);
      result.install = await install(result.dir);
      builds = builds.then(() => buildOne(app));
    } catch (error) {
      result.error = `install failed: ${error.message}`;
    }
  });
  await builds;

  const executablePath = findChromium();
  if (!executablePath) throw new Error('no Chromium found: run `node scripts/ensure-chromium.mjs`');
  browser = await chromium.launch({ executablePath, args: chromiumArgs });
  for (const app of apps) {
    const result = results[app];
    if (result.error) continue;
    const server = await serve(result.dist);
    const context = await browser.newContext({ locale: 'en-US', timezoneId: 'UTC' });
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT);
    const problems = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') {
        problems.push(
          `console ${message.type()}: ${message.text()} (${message.location().url || 'no location'})`,
        );
      }
    });
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    page.on('requestfailed', (request) =>
      problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`),
    );
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    try {
      result.checks = await drive(page, server.url);
      if (problems.length > 0) throw new Error(problems.join('\n'));
    } catch (error) {
      const rest = problems.length > 0 ? `\n${problems.join('\n')}` : '';
      result.error = `in Chromium: ${error.message}${rest}`;
    } finally {
      await context.close();
      server.close();
    }
  }
} catch (error) {
  console.error(`[examples] ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
} finally {
  await browser?.close();
}

for (const app of apps) {
  const { install: installTime, build: buildTime, size, checks, error } = results[app];
  const parts = [
    installTime === undefined ? 'install —' : `install ${installTime.toFixed(1)} s`,
    buildTime === undefined ? 'build —' : `build ${buildTime.toFixed(1)} s`,
    size
      ? `JS ${kB(size.min)} min, ${kB(size.gz)} min+gz in ${size.files} files, ${kB(size.initialGz)} min+gz first`
      : 'JS —',
    checks ? `${checks.length} checks` : '',
  ].filter(Boolean);
  console.log(`[examples] ${error ? '✖' : '✔'} ${app.padEnd(12)} ${parts.join(' · ')}`);
  if (error) {
    console.error(`[examples]   ${app}: ${error.trim().split('\n').join('\n    ')}`);
    exitCode = 1;
  }
}
if (options.keep) console.log(`[examples] kept ${workDir}`);
else rmSync(workDir, { recursive: true, force: true });
const failed = apps.filter((app) => results[app].error).length;
const checks = apps.reduce((sum, app) => sum + (results[app].checks?.length ?? 0), 0);
console.log(
  `[examples] ${apps.length - failed} of ${apps.length} apps passed in ${seconds(started).toFixed(1)} s`,
);
// Read by scripts/test.mjs: the checks that passed, and one failure per failed app.
console.log(`[examples] ${checks} passed, ${failed} failed`);
process.exit(exitCode);
