// `pnpm bench:soak`: the activity soak at full size. Runs packages/emulator/src/e2e/activity.soak.test.ts in
// web-test-runner (headless Chromium) with CIF_SOAK_CALLS calls (default 1,000) and prints its counts:
// calls, faults injected by kind, reloads, phonecall activities missing and duplicated.
// CIF_FUZZ_SEED picks the seed of the random faults and reloads (default fixed).
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const calls = process.env.CIF_SOAK_CALLS ?? '1000';
const child = spawn(
  'pnpm',
  [
    'exec',
    'wtr',
    '--config',
    'web-test-runner.config.mjs',
    '--files',
    'packages/emulator/src/e2e/activity.soak.test.ts',
  ],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      ...process.env,
      CIF_SOAK_CALLS: calls,
      CIF_COVERAGE_DIR: join(tmpdir(), 'cif-bench-soak-coverage'),
    },
  },
);
let output = '';
child.stdout.on('data', (chunk) => {
  output += chunk.toString();
});
child.on('close', (code) => {
  // eslint-disable-next-line no-control-regex -- ANSI escape codes
  const text = output.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
  const lines = text
    .split('\n')
    .filter((line) => /\[soak\]|❌|Error|passed, \d+ failed/.test(line));
  console.log(lines.map((line) => line.trim()).join('\n'));
  // The single-file run does not meet the per-package coverage thresholds; only the test result counts.
  const failed = /❌/.test(text) || !/1 passed, 0 failed/.test(text);
  process.exit(failed ? 1 : code === 0 || /failed to meet coverage/.test(text) ? 0 : (code ?? 1));
});
