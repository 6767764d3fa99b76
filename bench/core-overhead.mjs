// Core: per-call overhead of core's CifClient (argument encoding, result decoding, error normalising,
// timeout) over calling the raw `Microsoft.CIFramework` library, against the emulator (its real library
// talking to its simulated Dynamics host by postMessage), in Debian's headless Chromium.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundlePage } from './lib/bundle.mjs';
import { buildDir, launchChromium, quantile, round, serveStatic } from './lib/common.mjs';

/** @param {{ quick?: boolean }} [options] */
export async function runCoreOverhead(options = {}) {
  const count = options.quick ? 40 : 300;
  const dir = join(buildDir, 'core-overhead');
  await bundlePage('core-overhead.js', dir);
  const widget = await serveStatic(dir);
  const { startEmulator } = await import('../packages/emulator/src/server/index.js');
  const emulator = await startEmulator({ port: 0, widgetUrl: widget.url });
  const crm = emulator.url.replace(/\/$/, '');
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>core overhead</title>\n<script src="${emulator.libraryUrl}" data-cifid="CIFMainLibrary" data-crmurl="${crm}"></script>\n</head><body><script type="module" src="./main.js"></script></body></html>\n`,
  );
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(emulator.url);
    const frameOf = async () => {
      for (let i = 0; i < 100; i++) {
        const frame = page.frames().find((f) => f.url().startsWith(widget.url));
        if (frame) return frame;
        await page.waitForTimeout(100);
      }
      throw new Error('the widget frame did not load in the emulator');
    };
    const frame = await frameOf();
    await frame.waitForFunction(() => 'bench' in window);
    const status = await frame.evaluate(() => window.bench.ready());
    if (!status.startsWith('ready')) throw new Error(`CIF did not load in the emulator: ${status}`);
    console.log(`[bench:core] ${status}; ${count} interleaved pairs per API …`);
    const { replay, ...timings } = await frame.evaluate((n) => window.bench.run(n), count);
    const us = (/** @type {number} */ ms) => round(ms * 1000, 0);
    /** @type {Record<string, unknown>} */
    const apis = {};
    for (const [api, { raw, client }] of Object.entries(timings)) {
      const diffs = raw.map((r, i) => client[i] - r);
      const own = replay[api];
      apis[api] = {
        clientCostUs: round((own.clientMs - own.rawMs) * 1000, 1),
        pairs: raw.length,
        rawUs: { median: us(quantile(raw, 0.5)), p95: us(quantile(raw, 0.95)) },
        clientUs: { median: us(quantile(client, 0.5)), p95: us(quantile(client, 0.95)) },
        overheadUs: {
          median: us(quantile(diffs, 0.5)),
          p95: us(quantile(diffs, 0.95)),
        },
      };
    }
    return {
      method:
        'Against the emulator: pairs of the same call on the raw library and through the client, alternating which goes first; overhead = client − raw per pair (median and p95 of the pair differences). performance.now() in a cross-origin frame is coarsened to 5 µs (100 µs without cross-origin isolation), so the round trip to the host (milliseconds) hides the client. The client’s own cost per call (clientCostUs) is therefore also measured on the emulator’s recorded answers replayed by an in-page library that resolves at once: 2000 calls timed in one batch, directly and through a CifClient, best of three batches.',
      cif: status,
      apis,
    };
  } finally {
    await browser.close();
    await emulator.close();
    await widget.close();
  }
}
