// Makes sure a Chromium is available for the browser tests: uses one that is there, otherwise installs
// Debian's `chromium` package with apt-get (as root, or through sudo). Kept out of postinstall on purpose.
// `--driver` (the benchmarks' tachometer) also requires Debian's chromedriver ($CHROMEDRIVER_PATH or
// /usr/bin/chromedriver, package `chromium-driver`).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './chromium.mjs';

const driverPath = process.env.CHROMEDRIVER_PATH ?? '/usr/bin/chromedriver';
const needDriver = process.argv.includes('--driver');
const found = findChromium();
if (found && (!needDriver || existsSync(driverPath))) {
  process.exit(0);
}

console.log(
  `[ensure-chromium] no ${found ? 'chromedriver' : 'Chromium'} found; installing Debian packages "chromium" and "chromium-driver" with apt-get…`,
);
const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const run = (args) => {
  const [command, ...rest] = asRoot ? args : ['sudo', ...args];
  execFileSync(command, rest, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
};
try {
  run(['apt-get', 'update', '-qq']);
  run([
    'apt-get',
    'install',
    '-y',
    '-qq',
    '--no-install-recommends',
    // Also restores an installed package whose executable was removed.
    '--reinstall',
    'chromium',
    'chromium-driver',
  ]);
} catch {
  console.error(
    '[ensure-chromium] could not install Chromium. Install it yourself (Debian: apt-get install chromium) ' +
      'or point CHROME_PATH at a Chromium or Chrome executable.',
  );
  process.exit(1);
}
const installed = findChromium();
if (!installed) {
  console.error('[ensure-chromium] apt-get finished but no Chromium executable was found.');
  process.exit(1);
}
if (needDriver && !existsSync(driverPath)) {
  console.error(`[ensure-chromium] apt-get finished but ${driverPath} was not found.`);
  process.exit(1);
}
console.log(`[ensure-chromium] using ${installed}`);
