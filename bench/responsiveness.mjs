// Responsiveness in Debian's headless Chromium (Playwright): animation frames from an incoming-call
// store event to the toast's first paint, and key press / pointer press to DTMF tone start.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundlePage } from './lib/bundle.mjs';
import { buildDir, launchChromium, round, serveStatic, summary } from './lib/common.mjs';

/** @param {{ quick?: boolean }} [options] */
export async function runResponsiveness(options = {}) {
  const dir = join(buildDir, 'responsiveness');
  await bundlePage('responsiveness.js', dir);
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>responsiveness</title></head><body><script type="module" src="./main.js"></script></body></html>\n',
  );
  const trials = options.quick ? 10 : 60;
  const server = await serveStatic(dir);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 800, height: 900 } });
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(server.url);
    await page.waitForFunction(() => 'bench' in window);

    console.log(`[bench:responsiveness] ${trials} incoming calls …`);
    /** @type {{ frames: number; ms: number }[]} */
    const rings = [];
    for (let i = 0; i < trials + 1; i++)
      rings.push(await page.evaluate(() => window.bench.ringOnce()));
    const [coldRing, ...warmRings] = rings;

    console.log(`[bench:responsiveness] ${trials} key presses and ${trials} pointer presses …`);
    const keys = [];
    await page.evaluate(() => window.bench.focusDialpad());
    for (let i = 0; i < trials + 1; i++) {
      await page.evaluate(() => window.bench.reset());
      await page.keyboard.press(String((i % 9) + 1));
      await page.waitForTimeout(120);
      keys.push(await page.evaluate(() => window.bench.lastToneLatency()));
      if (i % 10 === 9) await page.evaluate(() => window.bench.clear());
    }
    const pointers = [];
    const box = await page.evaluate(() => window.bench.keyBox('5'));
    if (!box) throw new Error('the dialpad has no key 5');
    for (let i = 0; i < trials; i++) {
      await page.evaluate(() => window.bench.reset());
      await page.mouse.move(box.x, box.y);
      await page.mouse.down();
      await page.waitForTimeout(80);
      await page.mouse.up();
      await page.waitForTimeout(60);
      pointers.push(await page.evaluate(() => window.bench.lastToneLatency()));
      if (i % 10 === 9) await page.evaluate(() => window.bench.clear());
    }
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    const [coldKey, ...warmKeys] = keys;
    const failed = [...rings.map((r) => r.frames), ...keys, ...pointers].filter((v) =>
      Number.isNaN(v),
    );
    const stat = (/** @type {number[]} */ values) => {
      const s = summary(values);
      return { n: s.n, median: round(s.median, 2), p95: round(s.p95, 2), max: round(s.max, 2) };
    };
    return {
      trials,
      failures: failed.length,
      toast: {
        method:
          'provider.ring() → call store → toast (bound with .store); requestAnimationFrame loop from the event until the frame in which the answer button has a box and is visible (that frame paints it). 1 frame = painted in the very next frame.',
        cold: { frames: coldRing.frames, ms: round(coldRing.ms, 2) },
        frames: stat(warmRings.map((r) => r.frames)),
        ms: stat(warmRings.map((r) => r.ms)),
      },
      tone: {
        method:
          'Playwright key press (CDP Input.dispatchKeyEvent) into the focused dialpad, and pointer press on key 5; latency = first OscillatorNode.start after the input minus the input event’s timeStamp.',
        coldKeyMs: round(coldKey, 2),
        keyMs: stat(warmKeys),
        pointerMs: stat(pointers),
      },
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
