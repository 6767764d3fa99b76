// Finds a Chromium for tests and benchmarks: $CHROME_PATH, then the usual install locations.
import { existsSync } from 'node:fs';

const candidates = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
].filter(Boolean);

/** The path of a Chromium executable, or undefined. */
export function findChromium() {
  return candidates.find((path) => existsSync(path));
}

/** Flags every headless run here needs: no sandbox as root, no calls to closed network hosts. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--autoplay-policy=no-user-gesture-required',
];
