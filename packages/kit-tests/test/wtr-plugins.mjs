// Test-runner plugins of @cif-elements/kit-tests (loaded by the root web-test-runner config):
// - `kit-screenshot`: saves a PNG of the test page (or a clip of it) into packages/kit-tests/test-results/
//   and answers its SHA-256, so a test can keep visual evidence (forced colours) and compare two states.
// - `kit-tests-csp`: serves `/csp/<scene>.html` with the strict Content-Security-Policy the README
//   documents, each page collecting its `securitypolicyviolation` events and errors (src/hardening/csp.test.ts);
//   `/csp/softphone-widget.html` is the softphone's own index.html under that policy.
// - `kit-tests-trust`: serves `/trust/forger.html`, a page that posts whatever its opener asks to the
//   top window or one of its frames (open it from another origin, e.g. 127.0.0.1 instead of localhost);
// - `kit-source-scan`: lists the `postMessage` calls in the packages' shipped sources (not tests), with
//   their target origin argument, for the trust tests.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const resultsDir = join(packageDir, 'test-results');

/** A file name from a test's description: letters, digits, dots and dashes. */
function fileName(name) {
  return String(name ?? 'screenshot')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120);
}

/** @type {import('@web/test-runner').TestRunnerPlugin} */
const screenshotPlugin = {
  name: 'kit-tests-screenshot',
  async executeCommand({ command, payload, session }) {
    if (command !== 'kit-screenshot') return undefined;
    const page = session.browser.getPage(session.id);
    const { name, clip } = payload ?? {};
    const options = { type: 'png' };
    if (clip && clip.width > 0 && clip.height > 0) {
      options.clip = {
        x: Math.max(0, Math.floor(clip.x)),
        y: Math.max(0, Math.floor(clip.y)),
        width: Math.ceil(clip.width),
        height: Math.ceil(clip.height),
      };
    }
    const buffer = Buffer.from(await page.screenshot(options));
    const file = join(resultsDir, `${fileName(name)}.png`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, buffer);
    return {
      file: relative(packageDir, file).split('\\').join('/'),
      hash: createHash('sha256').update(buffer).digest('hex'),
      bytes: buffer.length,
    };
  },
};

/** The policy under test: exactly what the README tells a vendor to send with the widget's page. */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";

/** The policy plus the loader's Trusted Types policy, for a page that lets core inject the CIF library. */
export const STRICT_CSP_WITH_LOADER = `${STRICT_CSP} cif-elements`;

/** Collects violations and errors from the first moment of the page (a classic script, run in <head>). */
const COLLECTOR = `(() => {
  const csp = (window.__csp = { violations: [], errors: [], warnings: [], done: false, failure: null });
  const warn = console.warn.bind(console);
  console.warn = (...args) => {
    csp.warnings.push(args.map(String).join(' '));
    warn(...args);
  };
  document.addEventListener('securitypolicyviolation', (e) => {
    csp.violations.push({
      directive: e.effectiveDirective || e.violatedDirective,
      blocked: e.blockedURI,
      sample: e.sample,
      source: e.sourceFile ? e.sourceFile + ':' + e.lineNumber + ':' + e.columnNumber : '',
      disposition: e.disposition,
    });
  }, true);
  window.addEventListener('error', (e) => csp.errors.push(String(e.error && e.error.stack ? e.error.stack : e.message)));
  window.addEventListener('unhandledrejection', (e) => {
    const r = e.reason;
    csp.errors.push('unhandled rejection: ' + String(r && r.stack ? r.stack : r));
  });
})();
`;

const SCENES = new Set([
  'dialpad',
  'incoming-call-toast',
  'call-controls',
  'contact-card',
  'softphone',
]);
const SCENE_MODULE = '/packages/kit-tests/src/hardening/test-utils/csp-scenes.ts';

/** A page for one scene: the collector first, then the scene module (external scripts only). */
function scenePage(scene) {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>CSP: ${scene}</title>
    <script src="/csp/collect.js"></script>
    <script type="module" src="${SCENE_MODULE}"></script>
  </head>
  <body></body>
</html>
`;
}

/** The softphone's index.html as shipped, with the collector and the scene driver added. */
function softphoneWidgetPage() {
  const page = readFileSync(join(packageDir, '..', 'softphone', 'index.html'), 'utf8');
  return page
    .replace('<head>', '<head>\n    <script src="/csp/collect.js"></script>')
    .replace('src="./main.js"', 'src="/packages/softphone/src/main.ts"')
    .replace('</head>', `    <script type="module" src="${SCENE_MODULE}"></script>\n  </head>`);
}

/** @type {import('@web/test-runner').TestRunnerPlugin} */
const cspPlugin = {
  name: 'kit-tests-csp',
  serve(context) {
    if (context.path === '/csp/collect.js') return { body: COLLECTOR, type: 'js' };
    const match = /^\/csp\/([a-z-]+)\.html$/.exec(context.path);
    if (!match) return undefined;
    const scene = match[1];
    // A page that lets core inject the CIF library (`?ucilib=`) gets the loader's policy too, unless
    // `strict` asks for the bare policy (the loader must then fail in plain words).
    const params = context.URL.searchParams;
    const loader = params.has('ucilib') && !params.has('strict');
    const headers = { 'Content-Security-Policy': loader ? STRICT_CSP_WITH_LOADER : STRICT_CSP };
    if (scene === 'softphone-widget') return { body: softphoneWidgetPage(), type: 'html', headers };
    if (!SCENES.has(scene)) return undefined;
    return { body: scenePage(scene), type: 'html', headers };
  },
};

/** An attacker's page: forges messages on command and reports what it receives. */
const FORGER = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Forger</title><script src="/trust/forger.js"></script></head>
  <body></body>
</html>
`;
const FORGER_SCRIPT = `window.addEventListener('message', (event) => {
  const data = event.data;
  if (data && data.forge) {
    const { message, frame } = data.forge;
    const target = typeof frame === 'number' ? window.top.frames[frame] : window.top;
    target.postMessage(message, '*');
    return;
  }
  window.top.postMessage({ forgerGot: data, from: event.origin }, '*');
});
window.top.postMessage({ forgerReady: location.origin }, '*');
`;

/** @type {import('@web/test-runner').TestRunnerPlugin} */
const trustPlugin = {
  name: 'kit-tests-trust',
  serve(context) {
    if (context.path === '/trust/forger.html') return { body: FORGER, type: 'html' };
    if (context.path === '/trust/forger.js') return { body: FORGER_SCRIPT, type: 'js' };
    return undefined;
  },
};

const repoRoot = join(packageDir, '..', '..');

/** Source files that ship: packages/<name>/src/**.ts and .js, without tests, stories and test utilities. */
function shippedSources(dir = join(repoRoot, 'packages'), out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name === 'test-utils') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) shippedSources(path, out);
    else if (
      /\.(ts|js|mjs)$/.test(name) &&
      !/\.(test|stories)\.ts$/.test(name) &&
      !name.endsWith('.d.ts') &&
      /[\\/]src[\\/]/.test(path)
    )
      out.push(path);
  }
  return out;
}

/** @type {import('@web/test-runner').TestRunnerPlugin} */
const sourceScanPlugin = {
  name: 'kit-tests-source-scan',
  executeCommand({ command }) {
    if (command !== 'kit-source-scan') return undefined;
    const calls = [];
    const files = shippedSources();
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      // Every postMessage( call, with the text up to its closing parenthesis (calls span lines).
      for (const match of text.matchAll(/\.postMessage\s*\(/g)) {
        let depth = 0;
        let end = match.index + match[0].length - 1;
        for (; end < text.length; end++) {
          if (text[end] === '(') depth++;
          else if (text[end] === ')' && --depth === 0) break;
        }
        const line = text.slice(0, match.index).split('\n').length;
        calls.push({
          file: relative(repoRoot, file).split('\\').join('/'),
          line,
          call: text.slice(match.index, end + 1).replace(/\s+/g, ' '),
        });
      }
    }
    return { files: files.length, calls };
  },
};

export default [screenshotPlugin, cspPlugin, trustPlugin, sourceScanPlugin];
