/* global performance */
// Render: first render of each component and of the composed softphone against a static page with the
// same DOM (the floor), and <cif-dialpad> against a dialpad of 12 Shoelace buttons, in one tachometer run
// in Debian's headless Chromium driven by Debian's chromedriver.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundlePage } from './lib/bundle.mjs';
import {
  CHROMEDRIVER,
  browserArgs,
  buildDir,
  chromiumPath,
  launchChromium,
  root,
  round,
  serveStatic,
} from './lib/common.mjs';
import { serializeDom } from './lib/serialize-dom.js';

/** The pages: each component's first render and its floor, the softphone, the Shoelace dialpad. */
export const RENDER_PAGES = [
  { id: 'dialpad', label: '<cif-dialpad>', floor: true },
  { id: 'toast', label: '<cif-incoming-call-toast> (ringing)', floor: true },
  { id: 'controls', label: '<cif-call-controls> (connected)', floor: true },
  { id: 'card', label: '<cif-contact-card> (known contact)', floor: true },
  { id: 'softphone', label: '<cif-softphone> (standalone, idle)', floor: true },
  { id: 'shoelace-dialpad', label: 'Shoelace dialpad (12 <sl-button>)', floor: false },
];

const SHOELACE_THEME = join(
  root,
  'node_modules',
  '@shoelace-style',
  'shoelace',
  'dist',
  'themes',
  'light.css',
);

/** @param {string} title @param {string} head @param {string} body */
const page = (title, head, body) =>
  `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${title}</title>\n${head}\n</head>\n<body>\n${body}\n</body>\n</html>\n`;

/** Bundles the component pages into bench/.build/render/<id>/ and captures the floors. */
async function buildPages() {
  const dir = join(buildDir, 'render');
  rmSync(dir, { recursive: true, force: true });
  for (const { id } of RENDER_PAGES) {
    const out = join(dir, id);
    await bundlePage(`render/${id}.js`, out);
    let head = '';
    if (id === 'shoelace-dialpad') {
      copyFileSync(SHOELACE_THEME, join(out, 'light.css'));
      head = '<link rel="stylesheet" href="./light.css">';
    }
    writeFileSync(
      join(out, 'index.html'),
      page(id, head, '<script type="module" src="./main.js"></script>'),
    );
  }
  const server = await serveStatic(dir);
  const browser = await launchChromium();
  /** @type {Record<string, { nodes: number; bytes: number }>} */
  const floors = {};
  try {
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    for (const { id } of RENDER_PAGES.filter((p) => p.floor)) {
      const tab = await context.newPage();
      const errors = [];
      tab.on('pageerror', (error) => errors.push(error.message));
      await tab.goto(`${server.url}${id}/`);
      await tab.waitForFunction(() => performance.getEntriesByName('first-render').length > 0);
      const { head, body } = await tab.evaluate(serializeDom, await tab.$('body'));
      if (errors.length) throw new Error(`${id}: ${errors.join('; ')}`);
      const nodes = await tab.evaluate(() => {
        let count = 0;
        const walk = (/** @type {Element | ShadowRoot} */ node) => {
          for (const el of node.querySelectorAll('*')) {
            if (el.localName !== 'script' && el.localName !== 'style') count++;
            if (el.shadowRoot) walk(el.shadowRoot);
          }
        };
        walk(document.body);
        return count;
      });
      const html = page(
        `${id} (static floor)`,
        head,
        `${body}\n<script>requestAnimationFrame(() => performance.measure('first-render'));</script>`,
      );
      mkdirSync(join(dir, `${id}-floor`), { recursive: true });
      writeFileSync(join(dir, `${id}-floor`, 'index.html'), html);
      floors[id] = { nodes, bytes: Buffer.byteLength(html) };
      await tab.close();
    }
    // The floor must parse to the same elements: count them again in the static page.
    for (const id of Object.keys(floors)) {
      const tab = await context.newPage();
      await tab.goto(`${server.url}${id}-floor/`);
      await tab.waitForFunction(() => performance.getEntriesByName('first-render').length > 0);
      const nodes = await tab.evaluate(() => {
        let count = 0;
        const walk = (/** @type {Element | ShadowRoot} */ node) => {
          for (const el of node.querySelectorAll('*')) {
            if (el.localName !== 'script' && el.localName !== 'style') count++;
            if (el.shadowRoot) walk(el.shadowRoot);
          }
        };
        walk(document.body);
        return count;
      });
      // Scripts and the style elements that carry the adopted sheets are not counted.
      if (nodes !== floors[id].nodes)
        throw new Error(
          `${id}: the floor has ${nodes} elements, the component ${floors[id].nodes}`,
        );
      await tab.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return floors;
}

/**
 * Runs tachometer over every page in one run.
 * @param {{ sampleSize: number; timeoutMinutes: number }} options
 */
async function runTachometer({ sampleSize, timeoutMinutes }) {
  const browser = {
    name: 'chrome',
    headless: true,
    binary: chromiumPath(),
    addArguments: browserArgs.filter((arg) => arg !== '--headless=new'),
    windowSize: { width: 1024, height: 768 },
  };
  const benchmarks = [];
  for (const { id, floor } of RENDER_PAGES) {
    const measurement = [{ mode: 'performance', entryName: 'first-render' }];
    benchmarks.push({ name: id, url: `render/${id}/index.html`, measurement, browser });
    if (floor)
      benchmarks.push({
        name: `${id}-floor`,
        url: `render/${id}-floor/index.html`,
        measurement,
        browser,
      });
  }
  const configFile = join(buildDir, 'tachometer.json');
  const jsonFile = join(buildDir, 'tachometer-results.json');
  writeFileSync(
    configFile,
    JSON.stringify(
      {
        root: '.',
        sampleSize,
        timeout: timeoutMinutes,
        autoSampleConditions: ['0%'],
        resolveBareModules: false,
        benchmarks,
      },
      null,
      2,
    ),
  );
  rmSync(jsonFile, { force: true });
  const log = join(buildDir, 'tachometer.log');
  const shims = join(root, 'bench', 'lib', 'chromedriver-shim');
  const preload = join(root, 'bench', 'lib', 'tachometer-preload.mjs');
  const run = spawnSync(
    process.execPath,
    [
      '--import',
      preload,
      join(root, 'node_modules', 'tachometer', 'bin', 'tach.js'),
      '--config',
      configFile,
      '--json-file',
      jsonFile,
    ],
    {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 2 ** 20,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        NODE_PATH: shims,
        CHROMEDRIVER_PATH: CHROMEDRIVER,
        // Selenium Manager must never fetch anything.
        SE_OFFLINE: 'true',
      },
    },
  );
  writeFileSync(log, `${run.stdout}\n${run.stderr}`);
  if (run.status !== 0 || !existsSync(jsonFile))
    throw new Error(`tachometer failed (exit ${run.status}); its output: ${log}\n${run.stderr}`);
  console.log(`[bench:render] tachometer's table: ${log}`);
  return JSON.parse(readFileSync(jsonFile, 'utf8'));
}

/**
 * The ratio `a / b` with its 95 % confidence interval, from tachometer's difference of `a` against `b`.
 * @param {any} results tachometer's JSON
 * @param {string} a
 * @param {string} b
 */
function ratio(results, a, b) {
  const names = results.benchmarks.map((/** @type {{ name: string }} */ x) => x.name);
  const ia = names.indexOf(a);
  const ib = names.indexOf(b);
  const diff = results.benchmarks[ia].differences[ib];
  const meanB = results.benchmarks[ib].mean;
  const meanA = results.benchmarks[ia].mean;
  return {
    a,
    b,
    ratio: round((meanA.low + meanA.high) / (meanB.low + meanB.high), 2),
    low: round(1 + diff.percentChange.low / 100, 2),
    high: round(1 + diff.percentChange.high / 100, 2),
    absoluteMs: {
      low: round(diff.absolute.low, 2),
      high: round(diff.absolute.high, 2),
    },
  };
}

/**
 * @param {{ quick?: boolean }} [options]
 */
export async function runRender(options = {}) {
  if (!existsSync(CHROMEDRIVER))
    throw new Error(`No ${CHROMEDRIVER}: run node scripts/ensure-chromium.mjs --driver`);
  console.log('[bench:render] bundling the pages and capturing the static floors …');
  const floors = await buildPages();
  const sampleSize = options.quick ? 10 : 40;
  console.log(`[bench:render] tachometer, ${sampleSize} samples per page (one run) …`);
  const results = await runTachometer({ sampleSize, timeoutMinutes: options.quick ? 0 : 1 });
  /** @type {Record<string, { samples: number; meanMs: { low: number; high: number } }>} */
  const pages = {};
  for (const b of results.benchmarks) {
    pages[b.name] = {
      samples: b.samples.length,
      meanMs: { low: round(b.mean.low, 2), high: round(b.mean.high, 2) },
    };
  }
  const comparisons = [
    ...RENDER_PAGES.filter((p) => p.floor).map((p) => ({
      label: `${p.label} vs its static floor`,
      ...ratio(results, p.id, `${p.id}-floor`),
    })),
    {
      label: '<cif-dialpad> vs Shoelace dialpad',
      ...ratio(results, 'dialpad', 'shoelace-dialpad'),
    },
  ];
  return {
    metric:
      'first-render: performance.measure from navigation start to the first animation frame after the page shows its content (component pages: module loaded, element attached, every Lit update complete and what the component loads with import() before showing its content in place — the dialpad’s 12 keys, the toast’s Answer and Decline, the call controls’ buttons, the card’s name, the softphone’s dialpad; floor pages: parsed)',
    browser: results.benchmarks[0]?.browser?.userAgent ?? '',
    pages,
    floors,
    comparisons,
  };
}
