// Shared by every benchmark section: paths, Chromium through Playwright, a static server for the bundled
// pages, and statistics.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumArgs, findChromium } from '../../scripts/chromium.mjs';

export const benchDir = join(dirname(fileURLToPath(import.meta.url)), '..');
export const root = join(benchDir, '..');
export const buildDir = join(benchDir, '.build');
export const resultsDir = join(benchDir, 'results');
export const CHROMEDRIVER = process.env.CHROMEDRIVER_PATH ?? '/usr/bin/chromedriver';

/** The Chromium executable, or an error telling how to get one. */
export function chromiumPath() {
  const found = findChromium();
  if (!found) throw new Error('No Chromium: run `node scripts/ensure-chromium.mjs --driver`.');
  return found;
}

/** Flags of every headless Chromium run here (no sandbox as root, no network, no GPU). */
export const browserArgs = [...chromiumArgs, '--headless=new'];

/**
 * Debian's Chromium through Playwright (never a downloaded browser). `extraArgs` adds flags such as
 * `--js-flags=--expose-gc`.
 * @param {string[]} [extraArgs]
 */
export async function launchChromium(extraArgs = []) {
  const { chromium } = await import('playwright');
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [...chromiumArgs, ...extraArgs],
  });
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * Serves `dir` on loopback (port 0: a free one).
 * @param {string} dir
 * @returns {Promise<{ url: string; close: () => Promise<void> }>}
 */
export async function serveStatic(dir) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const file = normalize(join(dir, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(dir + sep) || !existsSync(file)) {
      res.writeHead(404).end('Not found');
      return;
    }
    readFile(file).then(
      (body) => {
        res.writeHead(200, {
          'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
          'Cache-Control': 'no-store',
        });
        res.end(body);
      },
      () => res.writeHead(500).end('Unreadable'),
    );
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve(undefined));
      }),
  };
}

/**
 * The `q` quantile (0–1) of `values`, linearly interpolated.
 * @param {readonly number[]} values
 * @param {number} q
 */
export function quantile(values, q) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low] + (sorted[high] - sorted[low]) * (at - low);
}

/**
 * Median, p95, mean, min and max of samples.
 * @param {readonly number[]} values
 */
export function summary(values) {
  return {
    n: values.length,
    median: quantile(values, 0.5),
    p95: quantile(values, 0.95),
    mean: values.reduce((sum, v) => sum + v, 0) / (values.length || 1),
    min: Math.min(...values),
    max: Math.max(...values),
  };
}

/**
 * Rounds to `digits` decimals (for the report).
 * @param {number} value
 * @param {number} [digits]
 */
export const round = (value, digits = 2) =>
  Number.isFinite(value) ? Math.round(value * 10 ** digits) / 10 ** digits : value;

/** Runs `pnpm build` (tsc -b and the packages' assets), so the bench pages bundle a fresh dist. */
export function buildPackages() {
  console.log('[bench] pnpm build …');
  execFileSync('pnpm', ['build'], { cwd: root, stdio: 'inherit' });
}

/** The machine the figures come from. */
export async function machine() {
  const os = await import('node:os');
  let chromiumVersion = '';
  try {
    chromiumVersion = execFileSync(chromiumPath(), ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    chromiumVersion = 'unknown';
  }
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.type()} ${os.release()}`,
    node: process.version,
    chromium: chromiumVersion,
  };
}
