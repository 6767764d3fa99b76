// Long shift: 10,000 calls through the real softphone in Debian's headless Chromium. JS heap after forced
// GC, DOM nodes and JS event listeners (DevTools protocol) at the start and the end, unhandled errors.
// Fails when the heap grows more than 1 MB or the counts do not return to the baseline.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundlePage } from './lib/bundle.mjs';
import { buildDir, launchChromium, round, serveStatic } from './lib/common.mjs';

export const HEAP_LIMIT_BYTES = 1024 * 1024;
const WARM_UP_CALLS = 20;

/**
 * @param {import('playwright').CDPSession} cdp
 */
async function measure(cdp) {
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const counters = await cdp.send('Memory.getDOMCounters');
  return {
    heapUsedBytes: heap.usedSize,
    nodes: counters.nodes,
    jsEventListeners: counters.jsEventListeners,
    documents: counters.documents,
  };
}

/** @param {{ calls?: number; quick?: boolean }} [options] */
export async function runLongShift(options = {}) {
  const calls = options.calls ?? (options.quick ? 500 : 10_000);
  const dir = join(buildDir, 'long-shift');
  await bundlePage('long-shift.js', dir);
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>long shift</title></head><body><script type="module" src="./main.js"></script></body></html>\n',
  );
  const server = await serveStatic(dir);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 420, height: 900 } });
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(server.url);
    await page.waitForFunction(() => 'bench' in window && window.bench.ready());
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    const cold = await measure(cdp);

    console.log(
      `[bench:long-shift] ${WARM_UP_CALLS} warm-up calls (lazy chunks, audio, formatters) …`,
    );
    await page.evaluate((n) => window.bench.run(n), WARM_UP_CALLS);
    await page.waitForFunction(() => window.bench.idle());
    const start = await measure(cdp);

    console.log(`[bench:long-shift] ${calls} calls …`);
    const chunk = Math.min(1000, calls);
    const curve = [{ calls: 0, ...start }];
    let done = 0;
    let ms = 0;
    while (done < calls) {
      const result = await page.evaluate((n) => window.bench.run(n), Math.min(chunk, calls - done));
      done += result.done;
      ms += result.ms;
      await page.waitForFunction(() => window.bench.idle(), undefined, { timeout: 10_000 });
      const point = await measure(cdp);
      curve.push({ calls: done, ...point });
      console.log(
        `[bench:long-shift]   ${done} calls, ${round(ms / 1000, 1)} s, heap ${round(point.heapUsedBytes / 1e6, 3)} MB, ${point.nodes} nodes, ${point.jsEventListeners} listeners`,
      );
      if (result.done < Math.min(chunk, calls - done + result.done)) break;
    }
    // Let timers (wrap-up, focus checks, announcements) run out before the final count.
    await page.waitForTimeout(1500);
    const end = await measure(cdp);
    const errors = [...pageErrors, ...(await page.evaluate(() => window.bench.errors()))];
    const simulatorRecords = await page.evaluate(() => window.bench.simulatorRecords());
    const staleKeypad = await page.evaluate(() => window.bench.staleKeypad());
    // Growth after the first 1,000 calls: what keeps growing once caches are full and code is compiled.
    const settled = curve.find((p) => p.calls >= Math.min(1000, done)) ?? start;
    const steadyCalls = done - settled.calls;
    const heapGrowth = end.heapUsedBytes - start.heapUsedBytes;
    const checks = {
      allCallsCompleted: done === calls,
      heapGrowthWithinLimit: heapGrowth <= HEAP_LIMIT_BYTES,
      nodesBackToBaseline: end.nodes <= start.nodes,
      listenersBackToBaseline: end.jsEventListeners <= start.jsEventListeners,
      noErrors: errors.length === 0,
    };
    return {
      calls,
      completed: done,
      warmUpCalls: WARM_UP_CALLS,
      driveSeconds: round(ms / 1000, 1),
      msPerCall: round(ms / Math.max(1, done), 2),
      cold,
      start,
      end,
      heapGrowthBytes: heapGrowth,
      steadyGrowth: {
        fromCalls: settled.calls,
        bytes: end.heapUsedBytes - settled.heapUsedBytes,
        bytesPerThousandCalls:
          steadyCalls > 0
            ? Math.round(((end.heapUsedBytes - settled.heapUsedBytes) / steadyCalls) * 1000)
            : null,
      },
      staleKeypad,
      heapLimitBytes: HEAP_LIMIT_BYTES,
      curve,
      simulatorRecordsPerCall: round(simulatorRecords / Math.max(1, done + WARM_UP_CALLS), 1),
      errors: errors.slice(0, 20),
      errorCount: errors.length,
      checks,
      passed: Object.values(checks).every(Boolean),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
