// `pnpm bench`: size, render, responsiveness, long shift and core overhead; writes bench/results/report.md,
// report.json and chart.png (and chart.svg). Exits non-zero when the long shift fails its checks.
//
//   pnpm bench                          everything (about 20 minutes on 2 cores, 15 without the soak)
//   pnpm bench -- --only size,render    some sections (size, render, responsiveness, long-shift, core, soak)
//   pnpm bench -- --quick               fewer samples and 500 calls (a smoke run; not for the report)
//   pnpm bench -- --no-build            use the packages' dist as it is
//   pnpm bench -- --report-only         rewrite report.md, the chart and the README table from report.json
//
// A partial run merges its sections into the existing report.json, so the report stays whole.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runCoreOverhead } from './core-overhead.mjs';
import { buildPackages, launchChromium, machine, resultsDir, root } from './lib/common.mjs';
import { chartSvg, headlineTable, reportMarkdown } from './lib/report.mjs';
import { runLongShift } from './long-shift.mjs';
import { runRender } from './render.mjs';
import { runResponsiveness } from './responsiveness.mjs';
import { runSize, sizeComposition } from './size.mjs';

const SECTIONS = ['size', 'render', 'responsiveness', 'long-shift', 'core', 'soak'];

const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    only: { type: 'string' },
    quick: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    calls: { type: 'string' },
    'report-only': { type: 'boolean', default: false },
  },
  strict: true,
});
const only = values.only ? values.only.split(',').map((s) => s.trim()) : SECTIONS;
const unknown = only.filter((s) => !SECTIONS.includes(s));
if (unknown.length) {
  console.error(`Unknown section(s): ${unknown.join(', ')} (known: ${SECTIONS.join(', ')})`);
  process.exit(1);
}
const quick = values.quick;

const reportOnly = values['report-only'];
execFileSync(process.execPath, [join(root, 'scripts', 'ensure-chromium.mjs'), '--driver'], {
  stdio: 'inherit',
});
if (!values['no-build'] && !reportOnly) buildPackages();

const jsonFile = join(resultsDir, 'report.json');
/** @type {Record<string, any>} */
const previous =
  existsSync(jsonFile) && (reportOnly || only.length < SECTIONS.length)
    ? JSON.parse(readFileSync(jsonFile, 'utf8'))
    : {};
const startedAt = new Date();
const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
  cwd: root,
  encoding: 'utf8',
}).trim();
/** @type {Record<string, any>} */
const sections = { ...(previous.sections ?? {}) };
/** @type {Record<string, number>} */
const seconds = { ...(previous.seconds ?? {}) };

const timed = async (/** @type {string} */ name, /** @type {() => Promise<unknown>} */ run) => {
  if (!only.includes(name) || reportOnly) return;
  const t0 = Date.now();
  console.log(`\n[bench] ${name}`);
  sections[name] = await run();
  seconds[name] = Math.round((Date.now() - t0) / 1000);
};

await timed('size', async () => ({ ...(await runSize()), composition: await sizeComposition() }));
await timed('render', () => runRender({ quick }));
await timed('responsiveness', () => runResponsiveness({ quick }));
await timed('long-shift', () =>
  runLongShift({ quick, ...(values.calls ? { calls: Number(values.calls) } : {}) }),
);
await timed('core', () => runCoreOverhead({ quick }));
await timed('soak', async () => {
  const soak = join(root, 'bench', 'soak.mjs');
  if (!existsSync(soak)) return { present: false };
  const run = spawnSync(process.execPath, [soak], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
  process.stdout.write(run.stdout);
  process.stderr.write(run.stderr);
  return {
    present: true,
    exitCode: run.status,
    output: `${run.stdout}\n${run.stderr}`.trim().split('\n').slice(-30).join('\n'),
  };
});

const report = reportOnly
  ? previous
  : {
      generatedAt: startedAt.toISOString(),
      commit,
      quick: quick || previous.quick === true,
      machine: await machine(),
      sections,
      seconds,
    };
mkdirSync(resultsDir, { recursive: true });
writeFileSync(jsonFile, `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(join(resultsDir, 'report.md'), reportMarkdown(report));
const svg = chartSvg(report);
writeFileSync(join(resultsDir, 'chart.svg'), svg);
const browser = await launchChromium();
try {
  const page = await browser.newPage({
    viewport: { width: 1000, height: 100 },
    deviceScaleFactor: 1,
  });
  await page.setContent(`<!doctype html><html><body style="margin:0">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: join(resultsDir, 'chart.png') });
} finally {
  await browser.close();
}
// The README's Benchmarks section shows the headline table of the last full run.
const readme = join(root, 'README.md');
const markers = /(<!-- bench:headline:start -->\n)[\s\S]*?(<!-- bench:headline:end -->)/;
if (!report.quick && only.length === SECTIONS.length && existsSync(readme)) {
  const text = readFileSync(readme, 'utf8');
  if (markers.test(text)) {
    const table = `From the run of ${report.generatedAt.slice(0, 10)} (commit \`${report.commit}\`, 2 shared cores); details in the report.\n\n${headlineTable(report)}\n\n`;
    const updated = text.replace(markers, (_, start, end) => `${start}\n${table}${end}`);
    // Formatted as `prettier --check` (in `pnpm test`) wants it.
    const prettier = await import('prettier');
    const config = (await prettier.resolveConfig(readme)) ?? {};
    writeFileSync(readme, await prettier.format(updated, { ...config, filepath: readme }));
  }
}
console.log(`\n[bench] wrote ${join('bench', 'results', 'report.md')}, report.json, chart.png`);

const longShift = sections['long-shift'];
const soak = sections.soak;
if (
  !reportOnly &&
  ((only.includes('long-shift') && longShift && !longShift.passed) ||
    (only.includes('soak') && soak?.present && soak.exitCode !== 0))
) {
  console.error('[bench] FAILED: see the long shift / soak section of the report');
  process.exit(1);
}
