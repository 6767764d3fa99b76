// Web Test Runner: every package's *.test.ts in headless Chromium, straight from src (the `source`
// export condition), with coverage thresholds checked per package afterwards (scripts/check-coverage.mjs).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join, relative } from 'node:path';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromiumArgs, findChromium } from './scripts/chromium.mjs';

const root = process.cwd();

function walk(dir, match, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, match, out);
    else if (match(name)) out.push(relative(root, path).split('\\').join('/'));
  }
  return out;
}

/**
 * Serves `/__cif__/styles.js`: a module importing every `*.styles.ts` in every package, for the shared
 * private-token test in @cif-elements/base.
 */
const stylesIndexPlugin = {
  name: 'cif-styles-index',
  serve(context) {
    if (context.path !== '/__cif__/styles.js') return undefined;
    const files = walk(join(root, 'packages'), (name) => name.endsWith('.styles.ts')).sort();
    const imports = files.map((file, i) => `import * as m${i} from '/${file}';`).join('\n');
    const list = files.map((file, i) => `{ file: ${JSON.stringify(file)}, module: m${i} }`);
    return { body: `${imports}\nexport default [${list.join(', ')}];\n`, type: 'js' };
  },
};

/**
 * `cif-media` command: emulates CSS media features through CDP, including `forced-colors`, which
 * @web/test-runner-commands' emulateMedia does not pass to Chromium. Used by base's test-utils/media.ts.
 */
const cdpSessions = new WeakMap();
const mediaPlugin = {
  name: 'cif-media',
  async executeCommand({ command, payload, session }) {
    if (command !== 'cif-media') return undefined;
    const page = session.browser.getPage(session.id);
    let client = cdpSessions.get(page);
    if (!client) {
      client = await page.createCDPSession();
      cdpSessions.set(page, client);
    }
    await client.send('Emulation.setEmulatedMedia', {
      features: Object.entries(payload ?? {}).map(([name, value]) => ({
        name,
        value: String(value),
      })),
    });
    return true;
  },
};

/**
 * Packages may contribute dev-server/test-runner plugins (server commands such as starting an emulator
 * on another port) in `packages/<name>/test/wtr-plugins.mjs`, exporting `default` as an array of plugins.
 */
const packagePlugins = [];
for (const name of readdirSync(join(root, 'packages'))) {
  const file = join(root, 'packages', name, 'test', 'wtr-plugins.mjs');
  if (existsSync(file)) packagePlugins.push(...(await import(pathToFileURL(file).href)).default);
}

const executablePath = findChromium();
const packagesArg = process.env.CIF_TEST_PACKAGES; // e.g. "base,core" to run a subset

export default {
  rootDir: '.',
  files: packagesArg
    ? packagesArg.split(',').map((name) => `packages/${name.trim()}/src/**/*.test.ts`)
    : ['packages/*/src/**/*.test.ts'],
  nodeResolve: { exportConditions: ['source', 'development', 'browser'] },
  concurrency: 1,
  concurrentBrowsers: 1,
  browserStartTimeout: 60_000,
  testsFinishTimeout: 300_000,
  plugins: [
    stylesIndexPlugin,
    mediaPlugin,
    ...packagePlugins,
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: join(root, 'tsconfig.base.json') }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath, headless: true, args: chromiumArgs },
    }),
  ],
  testFramework: { config: { timeout: 10_000, ui: 'bdd' } },
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <script>
      // Lit's dev-mode banner is noise; every other Lit warning fails the test (scripts/wtr-setup.js).
      globalThis.litIssuedWarnings = new Set(['dev-mode']);
    </script>
    <script type="module" src="/scripts/wtr-setup.js"></script>
  </head>
  <body>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
  coverage: true,
  coverageConfig: {
    reportDir: process.env.CIF_COVERAGE_DIR ?? 'coverage',
    reporters: ['lcovonly', 'text-summary'],
    include: ['packages/*/src/**/*.ts'],
    exclude: ['**/*.test.ts', '**/*.stories.ts', '**/test-utils/**', '**/node_modules/**'],
    threshold: { statements: 90, branches: 80, functions: 85, lines: 90 },
  },
};
