// Test-runner plugins of @cif-elements/emulator (loaded by the root web-test-runner config):
// - serves /webresources/Widget/msdyn_ciLibrary.js on the test server, so a test page can be the host;
// - server commands that start static servers for the test widget on other ports, start and stop real
//   emulator instances, drive a second page of the same browser, and run the CLI as a child process.
import { spawn } from 'node:child_process';
import { createReadStream, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { asset } from '../src/server/assets.js';
import { LIBRARY_PATH, cifEmulator, startEmulator } from '../src/server/index.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const fixtures = join(packageDir, 'test', 'fixtures');
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
};

/** @type {Map<number, import('node:http').Server>} */
const staticServers = new Map();
/** @type {Map<string, Awaited<ReturnType<typeof startEmulator>>>} */
const emulators = new Map();
/** @type {Map<string, import('puppeteer-core').Page>} */
const pages = new Map();
let nextId = 1;
/** @type {Promise<number> | undefined} */
let sharedStatic;

function startStatic() {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const file = normalize(join(fixtures, decodeURIComponent(url.pathname)));
    if (!file.startsWith(fixtures) || !existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      staticServers.set(port, server);
      resolve(port);
    });
  });
}

function runCli(args, waitFor = /Widget:/) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(packageDir, 'bin', 'cif-emulator.js'), ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let settled = false;
    const finish = async (code) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const result = { stdout, stderr, code };
      const host = /Host:\s+(\S+)/.exec(stdout)?.[1];
      const library = /Library:\s+(\S+)/.exec(stdout)?.[1];
      if (host && library) {
        const page = await fetch(host.replace('localhost', '127.0.0.1'));
        const lib = await fetch(library.replace('localhost', '127.0.0.1'));
        Object.assign(result, {
          host,
          library,
          hostStatus: page.status,
          hostHtml: await page.text(),
          libraryStatus: lib.status,
          libraryType: lib.headers.get('content-type'),
          libraryText: (await lib.text()).slice(0, 400),
        });
      }
      child.kill('SIGTERM');
      resolve(result);
    };
    const timer = setTimeout(() => finish(null), 20_000);
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      if (waitFor.test(stdout)) void finish(null);
    });
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => {
      setTimeout(() => void finish(code), 50);
    });
  });
}

export default [
  {
    name: 'cif-emulator-library',
    async serve(context) {
      if (context.path !== LIBRARY_PATH) return undefined;
      return { body: await asset('library'), type: 'js' };
    },
  },
  {
    name: 'cif-emulator-commands',
    async executeCommand({ command, payload, session }) {
      switch (command) {
        case 'cif-emulator:static': {
          if (payload?.action === 'stop') {
            const server = staticServers.get(payload.port);
            staticServers.delete(payload.port);
            if (sharedStatic && (await sharedStatic) === payload.port) sharedStatic = undefined;
            await new Promise((r) => (server ? server.close(r) : r()));
            return true;
          }
          // One fixture server serves every test file (its port is stable for the whole run).
          sharedStatic ??= startStatic();
          return { port: await sharedStatic };
        }
        case 'cif-emulator:start': {
          const emulator = await startEmulator({ ...(payload ?? {}), port: 0 });
          const id = String(nextId++);
          emulators.set(id, emulator);
          return {
            id,
            url: emulator.url,
            libraryUrl: emulator.libraryUrl,
            port: emulator.port,
            warnings: emulator.warnings,
          };
        }
        case 'cif-emulator:stop': {
          const emulator = emulators.get(payload.id);
          emulators.delete(payload.id);
          await emulator?.close();
          return true;
        }
        case 'cif-emulator:page': {
          if (payload.action === 'open') {
            const browser = session.browser.getPage(session.id).browser();
            const page = await browser.newPage();
            const id = String(nextId++);
            pages.set(id, page);
            await page.goto(payload.url, { waitUntil: 'load' });
            return { id };
          }
          const page = pages.get(payload.id);
          if (!page) throw new Error(`no page ${payload.id}`);
          if (payload.action === 'close') {
            pages.delete(payload.id);
            await page.close();
            return true;
          }
          if (payload.action === 'eval') {
            let target = page.mainFrame();
            if (payload.frame) {
              const deadline = Date.now() + 5000;
              let frame;
              while (
                !(frame = page.frames().find((f) => f.url().includes(payload.frame))) &&
                Date.now() < deadline
              ) {
                await new Promise((r) => setTimeout(r, 50));
              }
              if (!frame)
                throw new Error(
                  `no frame matching ${payload.frame}: ${page
                    .frames()
                    .map((f) => f.url())
                    .join(', ')}`,
                );
              target = frame;
            }
            return target.evaluate(`(async () => { ${payload.script} })()`);
          }
          throw new Error(`unknown page action ${payload.action}`);
        }
        case 'cif-emulator:vite-plugin': {
          // The Vite plugin's middleware in a plain server, with an "app" behind it.
          const plugin = cifEmulator(payload ?? {});
          let middleware;
          plugin.configureServer({ middlewares: { use: (fn) => (middleware = fn) } });
          const server = createServer((req, res) =>
            middleware(req, res, () => res.writeHead(200).end('app')),
          );
          await new Promise((r) => server.listen(0, '127.0.0.1', r));
          const base = `http://127.0.0.1:${server.address().port}`;
          const get = async (path, init) => {
            const response = await fetch(base + path, init);
            return {
              status: response.status,
              type: response.headers.get('content-type'),
              text: (await response.text()).slice(0, 3000),
            };
          };
          const result = {
            name: plugin.name,
            host: await get('/__cif-emulator/'),
            library: await get(LIBRARY_PATH),
            config: await get('/__cif-emulator/config.json'),
            app: await get('/src/main.ts'),
            post: await get('/__cif-emulator/', { method: 'POST' }),
          };
          await new Promise((r) => server.close(r));
          return result;
        }
        case 'cif-emulator:cli':
          return runCli(payload.args, payload.waitFor ? new RegExp(payload.waitFor) : undefined);
        default:
          return undefined;
      }
    },
  },
];
