// @ts-check
/** The `cif-emulator` command line. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { packageRoot } from './assets.js';
import { startEmulator } from './index.js';

export const USAGE = `Usage: cif-emulator --widget <url> [--port <n>] [--api 1|2] [--config <file>]

Serves a simulated Dynamics 365 host at http://localhost:<port>/ that frames your CIF widget in its
channel panel, and the drop-in library at /webresources/Widget/msdyn_ciLibrary.js.

Options:
  --widget <url>    The widget's landing URL, framed exactly as given (query string kept)
  --port <n>        Port to listen on (default 5178; 0 picks a free one)
  --api <1|2>       CIF API version of the provider (default 2, or the config's)
  --config <file>   JSON configuration (provider, templates, presences, user, seed, faults)
  --host <address>  Loopback address to bind (default 127.0.0.1)
  -h, --help        Show this help
  -v, --version     Show the version`;

/**
 * Parses the arguments; throws an Error with a readable message on bad input.
 * @param {string[]} argv
 */
export function parseCliArgs(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      widget: { type: 'string' },
      port: { type: 'string' },
      api: { type: 'string' },
      config: { type: 'string' },
      host: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
    strict: true,
    allowPositionals: false,
  });
  const port = values.port === undefined ? 5178 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be a number from 0 to 65535 (got ${values.port})`);
  /** @type {1 | 2 | undefined} */
  let api;
  if (values.api !== undefined) {
    if (values.api !== '1' && values.api !== '2')
      throw new Error(`--api must be 1 or 2 (got ${values.api})`);
    api = values.api === '1' ? 1 : 2;
  }
  if (values.widget !== undefined) {
    let url;
    try {
      url = new URL(values.widget);
    } catch {
      throw new Error(
        `--widget must be an absolute URL such as http://127.0.0.1:5173/ (got ${values.widget})`,
      );
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new Error('--widget must be an http or https URL');
  }
  return {
    widgetUrl: values.widget,
    port,
    api,
    configFile: values.config,
    host: values.host,
    help: !!values.help,
    version: !!values.version,
  };
}

/**
 * Runs the CLI. Resolves with the running emulator (or undefined for --help/--version).
 * @param {string[]} argv
 * @param {{ log?: (line: string) => void; error?: (line: string) => void }} [io]
 */
export async function main(argv, io = {}) {
  const log = io.log ?? ((line) => console.log(line));
  let args;
  try {
    args = parseCliArgs(argv);
  } catch (error) {
    throw new Error(`${/** @type {Error} */ (error).message}\n\n${USAGE}`);
  }
  if (args.help) {
    log(USAGE);
    return undefined;
  }
  if (args.version) {
    log(JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')).version);
    return undefined;
  }
  /** @type {Parameters<typeof startEmulator>[0]} */
  const options = { port: args.port };
  if (args.widgetUrl !== undefined) options.widgetUrl = args.widgetUrl;
  if (args.api !== undefined) options.api = args.api;
  if (args.configFile !== undefined) options.configFile = args.configFile;
  if (args.host !== undefined) options.host = args.host;
  const emulator = await startEmulator(options);
  const provider = emulator.config.provider ?? {};
  log(`CIF emulator: ${provider.label ?? 'Phone (emulated)'} (CIF ${provider.apiVersion ?? 2}.0)`);
  log(`  Host:    ${emulator.url}`);
  log(`  Library: ${emulator.libraryUrl}`);
  log(`  Widget:  ${provider.landingUrl || '(none: pass --widget <url>)'}`);
  for (const warning of emulator.warnings) log(`  warning: ${warning}`);
  return emulator;
}
