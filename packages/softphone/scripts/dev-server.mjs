// @ts-check
/**
 * The softphone's development servers, used by `pnpm start` (scripts/start.mjs), the end-to-end tests
 * (test/wtr-plugins.mjs) and `pnpm --filter @cif-elements/softphone serve`:
 *
 * - `startSoftphoneServer`: serves the standalone widget (index.html and its bundle) from its own origin,
 *   bundling the TypeScript sources on the fly with esbuild (the `source` export condition, so workspace
 *   packages resolve to their src/: no build needed). index.html gets the documented library tag for
 *   the CRM URL it is given, exactly as a deployment for one org would have it.
 * - `startDevStack`: the emulator (a simulated Dynamics 365) with the softphone framed in its channel
 *   panel. Both listen on loopback only.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
/** The package root. */
export const packageRoot = join(here, '..');
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);
const LIBRARY_PATH = '/webresources/Widget/msdyn_ciLibrary.js';

/**
 * esbuild options for the widget bundle: src/main.ts and its lazily loaded chunks.
 * @param {{ minify?: boolean; outdir: string }} options
 * @returns {import('esbuild').BuildOptions}
 */
export function bundleOptions({ minify = false, outdir }) {
  return {
    entryPoints: { main: join(packageRoot, 'src', 'main.ts') },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['source'],
    outdir,
    chunkNames: 'chunks/[name]-[hash]',
    minify,
    sourcemap: minify ? 'linked' : 'inline',
    legalComments: 'none',
    logLevel: 'silent',
    absWorkingDir: packageRoot,
    tsconfigRaw: {
      compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false },
    },
  };
}

/**
 * index.html with the documented library tag for `crmUrl` in place of the `cif:library` comment (or the
 * page as it is without a CRM URL).
 * @param {string} page
 * @param {string | undefined} crmUrl
 */
export function widgetHtml(page, crmUrl) {
  if (!crmUrl) return page;
  const crm = new URL(crmUrl);
  const base = crm.href.replace(/[?#].*$/, '').replace(/\/+$/, '');
  const attr = (/** @type {string} */ value) =>
    value.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);
  const tag = `<script src="${attr(base + LIBRARY_PATH)}" data-cifid="CIFMainLibrary" data-crmurl="${attr(base)}"></script>`;
  return page.replace(/<!-- cif:library[\s\S]*?-->/, tag);
}

/**
 * @typedef {object} Builder
 * @property {() => Promise<void>} build Rebuilds (incrementally); concurrent calls share one build.
 * @property {() => Map<string, Uint8Array>} files The last build's files by URL path.
 * @property {() => Promise<void>} release Gives the builder up (disposed with its last user).
 */

/** @type {Promise<Builder> | undefined} */
let shared;
let users = 0;

/**
 * One esbuild context for every server of this process (tests start several).
 * @returns {Promise<Builder>}
 */
function sharedBuilder() {
  users++;
  shared ??= (async () => {
    const esbuild = await import('esbuild');
    const outdir = join(packageRoot, '.serve');
    const context = await esbuild.context({ ...bundleOptions({ outdir }), write: false });
    /** @type {Map<string, Uint8Array>} */
    let files = new Map();
    /** @type {Promise<void> | undefined} */
    let building;
    return {
      build: () =>
        (building ??= context
          .rebuild()
          .then((result) => {
            files = new Map(
              (result.outputFiles ?? []).map((file) => [
                `/${relative(outdir, file.path).split('\\').join('/')}`,
                file.contents,
              ]),
            );
          })
          .finally(() => {
            building = undefined;
          })),
      files: () => files,
      release: async () => {
        if (--users > 0) return;
        shared = undefined;
        await context.dispose();
      },
    };
  })();
  return shared;
}

/**
 * @typedef {object} SoftphoneServer
 * @property {string} url The widget, e.g. `http://127.0.0.1:5179/`.
 * @property {number} port
 * @property {string | undefined} crmUrl The org the page loads the library from (settable).
 * @property {() => Promise<void>} close
 */

/**
 * Serves the softphone widget, bundled from source on the fly.
 * @param {{ port?: number; host?: string; crmUrl?: string }} [options] `port` 0 picks a free one.
 * @returns {Promise<SoftphoneServer>}
 */
export async function startSoftphoneServer(options = {}) {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host))
    throw new Error(`The softphone server only listens on loopback (got ${host})`);
  const builder = await sharedBuilder();
  const build = builder.build;
  await build();

  const state = { crmUrl: options.crmUrl };
  const server = createServer((req, res) => {
    const send = (
      /** @type {number} */ status,
      /** @type {string} */ type,
      /** @type {string | Uint8Array} */ body,
    ) => {
      res.writeHead(status, {
        'Content-Type': type,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      });
      res.end(body);
    };
    const fail = (/** @type {unknown} */ error) =>
      send(500, 'text/plain; charset=utf-8', `The softphone could not be built:\n${String(error)}`);
    let path;
    try {
      path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    } catch {
      send(400, 'text/plain; charset=utf-8', 'Bad request');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(405, 'text/plain; charset=utf-8', 'Method not allowed');
      return;
    }
    if (path === '/' || path === '/index.html') {
      // A page load rebuilds, so an edit shows on reload.
      Promise.all([readFile(join(packageRoot, 'index.html'), 'utf8'), build()])
        .then(([page]) => send(200, 'text/html; charset=utf-8', widgetHtml(page, state.crmUrl)))
        .catch(fail);
      return;
    }
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const file = builder.files().get(path);
    if (file) {
      const type = path.endsWith('.map') ? 'application/json' : 'text/javascript; charset=utf-8';
      send(200, type, file);
      return;
    }
    send(404, 'text/plain; charset=utf-8', 'Not found');
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve(undefined));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 0);
  const shown = host === '::1' ? '[::1]' : host;
  return {
    url: `http://${shown}:${port}/`,
    port,
    get crmUrl() {
      return state.crmUrl;
    },
    set crmUrl(value) {
      state.crmUrl = value;
    },
    close: async () => {
      server.closeAllConnections?.();
      await new Promise((resolve) => server.close(() => resolve(undefined)));
      await builder.release();
    },
  };
}

/**
 * @typedef {object} DevStack
 * @property {string} url The emulated Dynamics 365, e.g. `http://localhost:5178/`.
 * @property {string} widgetUrl The softphone, framed in the channel panel.
 * @property {string} libraryUrl
 * @property {1 | 2} api
 * @property {string[]} warnings
 * @property {() => Promise<void>} close Stops both servers.
 */

/**
 * Starts the softphone server and the emulator with the softphone framed in its channel panel.
 * @param {{ port?: number; widgetPort?: number; api?: 1 | 2; config?: import('@cif-elements/emulator/server').EmulatorOptions['config'] }} [options]
 *   `port` 0 (default) picks free ports; otherwise the widget takes `widgetPort` (default port + 1, or any
 *   free port when that one is taken).
 * @returns {Promise<DevStack>}
 */
export async function startDevStack(options = {}) {
  const { startEmulator } = await import('@cif-elements/emulator/server');
  const port = options.port ?? 0;
  const wanted = options.widgetPort ?? (port === 0 ? 0 : port + 1);
  let widget;
  try {
    widget = await startSoftphoneServer({ port: wanted });
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EADDRINUSE' || wanted === 0)
      throw error;
    widget = await startSoftphoneServer({ port: 0 });
  }
  let emulator;
  try {
    emulator = await startEmulator({
      port,
      widgetUrl: widget.url,
      ...(options.api ? { api: options.api } : {}),
      config: {
        ...(options.config ?? {}),
        provider: { label: 'Phone (CIF Elements softphone)', ...(options.config?.provider ?? {}) },
      },
    });
  } catch (error) {
    await widget.close();
    throw error;
  }
  widget.crmUrl = emulator.url;
  const api = /** @type {1 | 2} */ (emulator.config.provider?.apiVersion ?? 2);
  return {
    url: emulator.url,
    widgetUrl: widget.url,
    libraryUrl: emulator.libraryUrl,
    api,
    warnings: emulator.warnings,
    close: async () => {
      await Promise.all([emulator.close(), widget.close()]);
    },
  };
}

// `node scripts/dev-server.mjs [port]`: the widget alone (outside any host it runs standalone).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const server = await startSoftphoneServer({ port: Number(process.argv[2] ?? 5179) });
  console.log(`Softphone widget: ${server.url} (standalone outside Dynamics 365)`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
