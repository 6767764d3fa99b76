// Takes the README screenshot: serves examples/ on 127.0.0.1, starts an emulator on localhost framing the
// example phone widget, rings it twice from the call simulator (the first call accepted, which opens a
// session), and captures the host page with the second call's notification on screen.
// Usage: node scripts/screenshot.mjs [out.png]   (needs playwright and a Chromium at /usr/bin/chromium)
import { createReadStream, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { startEmulator } from '../src/server/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = process.argv[2] ?? join(root, 'docs', 'host.png');
const examples = join(root, 'examples');
const server = createServer((req, res) => {
  const file = normalize(
    join(examples, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)),
  );
  if (!file.startsWith(examples) || !existsSync(file)) return void res.writeHead(404).end();
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  createReadStream(file).pipe(res);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
const address = server.address();
const port = typeof address === 'object' && address ? address.port : 0;
const emulator = await startEmulator({
  port: 0,
  widgetUrl: `http://127.0.0.1:${port}/phone-widget.html`,
  config: { provider: { label: 'Contoso Phone' } },
});
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
  page.on('pageerror', (error) => console.error('[page]', error.message));
  await page.goto(emulator.url);
  await page.waitForFunction(() => window.cifEmulator?.host.simulator.ready, null, {
    timeout: 10_000,
  });
  await page.evaluate(async () => {
    const host = window.cifEmulator.host;
    const wait = async (check) => {
      for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
    };
    host.simulator.ring('+91 98765 43210');
    await wait(() => host.notifications.current);
    host.userAnswerNotification(host.notifications.current.id, true);
    await wait(() => host.providerSessions.length === 1);
    await new Promise((r) => setTimeout(r, 300));
    host.simulator.hangup(host.simulator.activeCalls[0].call.id);
    await wait(() => host.dataverse.count('phonecall') === 4);
    host.simulator.clearEnded();
    host.simulator.ring('+44 20 7946 0958');
    await wait(() => host.notifications.current);
  });
  await page.waitForTimeout(500);
  await page.screenshot({ path: out });
  console.log(`saved ${out}`);
} finally {
  await browser.close();
  await emulator.close();
  server.close();
}
