// Dev helper: starts a fixture server and an emulator, opens the host in Chromium and saves a screenshot.
// Usage: node scripts/shot.mjs <out.png> [widget path under test/fixtures or examples] [--api 1|2]
import { createReadStream, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { startEmulator } from '../src/server/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = process.argv[2] ?? '/tmp/host.png';
const widgetPath = process.argv[3] ?? 'test/fixtures/widget.html';
const api = process.argv.includes('--api') ? Number(process.argv[process.argv.indexOf('--api') + 1]) : 2;
const server = createServer((req, res) => {
  const file = normalize(join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname)));
  if (!file.startsWith(root) || !existsSync(file)) return res.writeHead(404).end();
  res.writeHead(200, { 'Content-Type': extname(file) === '.html' ? 'text/html' : 'text/javascript' });
  createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const port = server.address().port;
const emulator = await startEmulator({ port: 0, api });
const widgetUrl = `http://127.0.0.1:${port}/${widgetPath}?crm=${encodeURIComponent(`http://localhost:${emulator.port}`)}`;
await emulator.close();
const real = await startEmulator({ port: emulator.port, api, widgetUrl });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'] });
const page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
page.on('console', (m) => console.log('[page]', m.text()));
page.on('pageerror', (e) => console.log('[pageerror]', e.message));
await page.goto(real.url);
await page.waitForTimeout(1500);
if (process.env.SHOT_SCRIPT) await page.evaluate(process.env.SHOT_SCRIPT);
await page.waitForTimeout(800);
await page.screenshot({ path: out });
console.log('saved', out);
await browser.close();
await real.close();
server.close();
