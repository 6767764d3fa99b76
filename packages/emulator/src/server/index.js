// @ts-check
/**
 * The emulator's Node side: an HTTP server (loopback only) that serves the host page at `/` (and
 * `/main.aspx`), its bundle, the drop-in library at `/webresources/Widget/msdyn_ciLibrary.js` and the
 * effective configuration. All emulated state lives in the browser, in the host page.
 *
 * Use it from code (`startEmulator`), as connect/Express middleware (`createEmulatorMiddleware`) or as
 * a Vite plugin (`cifEmulator`).
 */
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { resolve as resolvePath } from 'node:path';
import { asset, loadNormalizer } from './assets.js';

/** @typedef {import('../config/types.js').EmulatorConfig} EmulatorConfig */
/** @typedef {import('node:http').IncomingMessage} IncomingMessage */
/** @typedef {import('node:http').ServerResponse} ServerResponse */

/** The path the library is served at, as in Dynamics. */
export const LIBRARY_PATH = '/webresources/Widget/msdyn_ciLibrary.js';
/** Where the emulator's own files live. */
export const ASSET_PREFIX = '/__cif-emulator/';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/**
 * Options shared by the server, the middleware and the Vite plugin.
 * @typedef {object} EmulatorOptions
 * @property {string} [widgetUrl] The widget's URL, framed exactly as given (query string preserved).
 * @property {1 | 2} [api] CIF API version of the provider (overrides the configuration).
 * @property {EmulatorConfig} [config] Configuration object (merged under the CLI-style options above).
 * @property {string} [configFile] Path of a JSON configuration file (read at start).
 * @property {string} [hostPath] Where the host page is served (default `/`).
 */

/**
 * Reads and merges the configuration: the file, then `config`, then `widgetUrl` and `api`.
 * @param {EmulatorOptions} options
 * @returns {Promise<EmulatorConfig>}
 */
export async function resolveConfig(options = {}) {
  /** @type {EmulatorConfig} */
  let config = {};
  if (options.configFile) {
    const { parseConfigText } = await loadNormalizer();
    const path = resolvePath(options.configFile);
    let text;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      throw new Error(
        `Cannot read the configuration file ${path}: ${/** @type {Error} */ (error).message}`,
      );
    }
    config = parseConfigText(text, path);
  }
  if (options.config) {
    config = /** @type {EmulatorConfig} */ (
      merge(
        /** @type {Record<string, unknown>} */ (config),
        /** @type {Record<string, unknown>} */ (options.config),
      )
    );
  }
  if (options.widgetUrl !== undefined || options.api !== undefined) {
    /** @type {NonNullable<EmulatorConfig['provider']>} */
    const provider = { ...(config.provider ?? {}) };
    if (options.widgetUrl !== undefined) provider.landingUrl = options.widgetUrl;
    if (options.api !== undefined) provider.apiVersion = options.api;
    config = { ...config, provider };
  }
  return config;
}

/**
 * Deep-merges plain objects (arrays and other values of `b` replace those of `a`).
 * @template {Record<string, unknown>} T
 * @param {T} a
 * @param {T} b
 * @returns {T}
 */
function merge(a, b) {
  /** @type {Record<string, unknown>} */
  const out = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const current = out[key];
    out[key] =
      isPlainObject(current) && isPlainObject(value)
        ? merge(
            /** @type {Record<string, unknown>} */ (current),
            /** @type {Record<string, unknown>} */ (value),
          )
        : value;
  }
  return /** @type {T} */ (out);
}

/**
 * @param {unknown} value
 * @returns {value is Record<string, unknown>}
 */
function isPlainObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Validates a configuration as the host page will (defaults applied); returns the warnings.
 * @param {EmulatorConfig} config
 * @returns {Promise<{ warnings: string[]; config: import('../config/types.js').ResolvedConfig }>}
 */
export async function checkConfig(config) {
  const { normalizeConfig } = await loadNormalizer();
  return normalizeConfig(config);
}

/**
 * The host page's HTML, with the configuration embedded as JSON (escaped so it cannot end the script).
 * @param {EmulatorConfig} config
 * @param {string} [title]
 * @returns {string}
 */
export function hostHtml(config, title = 'Dynamics 365 (CIF emulator)') {
  const json = JSON.stringify(config)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  const safeTitle = title.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${safeTitle}</title>
    <style>html, body { margin: 0; height: 100%; } #cif-emulator { height: 100%; }</style>
    <script type="application/json" id="cif-emulator-config">${json}</script>
    <script type="module" src="${ASSET_PREFIX}host.js"></script>
  </head>
  <body>
    <div id="cif-emulator"></div>
  </body>
</html>
`;
}

/**
 * @param {ServerResponse} res
 * @param {number} status
 * @param {string} type
 * @param {string} body
 * @param {Record<string, string>} [headers]
 */
function send(res, status, type, body, headers = {}) {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(body);
}

/**
 * A connect-style middleware serving the emulator. Calls `next()` for other paths (when given).
 * @param {EmulatorOptions} [options]
 * @returns {(req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void}
 */
export function createEmulatorMiddleware(options = {}) {
  const hostPath = options.hostPath ?? '/';
  /** @type {Promise<EmulatorConfig> | undefined} */
  let config;
  const getConfig = () => (config ??= resolveConfig(options));
  return (req, res, next) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    const fail = (/** @type {unknown} */ error) => {
      if (next) return next(error);
      send(
        res,
        500,
        'text/plain; charset=utf-8',
        `CIF emulator error: ${error instanceof Error ? error.message : String(error)}`,
      );
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      if (next) return next();
      return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed', {
        Allow: 'GET, HEAD',
      });
    }
    if (path === LIBRARY_PATH || path.toLowerCase() === LIBRARY_PATH.toLowerCase()) {
      asset('library')
        .then((code) =>
          send(res, 200, 'text/javascript; charset=utf-8', code, {
            'Access-Control-Allow-Origin': '*',
          }),
        )
        .catch(fail);
      return;
    }
    if (path === `${ASSET_PREFIX}host.js`) {
      asset('host')
        .then((code) => send(res, 200, 'text/javascript; charset=utf-8', code))
        .catch(fail);
      return;
    }
    if (path === '/favicon.ico') {
      res.writeHead(204, { 'Cache-Control': 'max-age=86400' });
      res.end();
      return;
    }
    if (path === `${ASSET_PREFIX}config.json`) {
      getConfig()
        .then((c) => send(res, 200, 'application/json; charset=utf-8', JSON.stringify(c, null, 2)))
        .catch(fail);
      return;
    }
    if (
      path === hostPath ||
      path === '/main.aspx' ||
      (hostPath !== '/' && path === hostPath.replace(/\/$/, ''))
    ) {
      getConfig()
        .then((c) =>
          send(res, 200, 'text/html; charset=utf-8', hostHtml(c), {
            'Content-Security-Policy':
              "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src * data: blob:; frame-src *; connect-src 'self'",
          }),
        )
        .catch(fail);
      return;
    }
    if (next) return next();
    send(res, 404, 'text/plain; charset=utf-8', 'Not found');
  };
}

/**
 * A running emulator.
 * @typedef {object} RunningEmulator
 * @property {string} url The host page, e.g. `http://localhost:5178/`.
 * @property {string} libraryUrl The library, e.g. `http://localhost:5178/webresources/Widget/msdyn_ciLibrary.js`.
 * @property {number} port
 * @property {EmulatorConfig} config The configuration the page receives (before defaults).
 * @property {string[]} warnings Configuration problems (the page shows them too).
 * @property {() => Promise<void>} close Stops the server.
 */

/**
 * Starts an emulator on the loopback interface.
 * @param {EmulatorOptions & { port?: number; host?: string }} [options] `port` 0 (default) picks a free port.
 * @returns {Promise<RunningEmulator>}
 */
export async function startEmulator(options = {}) {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host))
    throw new Error(`The emulator only listens on the loopback interface (got host ${host})`);
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`Invalid port ${String(options.port)}`);
  const config = await resolveConfig(options);
  const { warnings } = await checkConfig(config);
  await Promise.all([asset('library'), asset('host')]);
  const middleware = createEmulatorMiddleware({
    ...options,
    config,
    configFile: undefined,
    widgetUrl: undefined,
    api: undefined,
  });
  const server = createServer((req, res) => middleware(req, res));
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host.replace(/^\[|\]$/g, ''), () => resolve(undefined));
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const url = `http://localhost:${actualPort}${options.hostPath ?? '/'}`;
  return {
    url,
    libraryUrl: `http://localhost:${actualPort}${LIBRARY_PATH}`,
    port: actualPort,
    config,
    warnings,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/**
 * A Vite plugin serving the emulator from the dev server: the host page at `hostPath` (default
 * `/__cif-emulator/`) and the library at `/webresources/Widget/msdyn_ciLibrary.js`.
 * @param {EmulatorOptions} [options]
 * @returns {{ name: string; configureServer(server: { middlewares: { use(fn: (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void): void } }): void }}
 */
export function cifEmulator(options = {}) {
  const middleware = createEmulatorMiddleware({ hostPath: `${ASSET_PREFIX}`, ...options });
  return {
    name: 'cif-emulator',
    configureServer(server) {
      server.middlewares.use(middleware);
    },
  };
}
