// Test-runner plugins of @cif-elements/kit-tests (loaded by the root web-test-runner config):
// - `kit-screenshot`: saves a PNG of the test page (or a clip of it) into packages/kit-tests/test-results/
//   and answers its SHA-256, so a test can keep visual evidence (forced colours) and compare two states.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
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

export default [screenshotPlugin];
