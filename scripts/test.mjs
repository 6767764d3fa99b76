// `pnpm test`: the one command that guards main. Runs every quality gate in order and stops at the
// first failure: Chromium present, lint, typecheck, build, unit and component tests in Chromium (with
// per-package coverage), story tests, the static Storybook build, size budgets, package checks, a
// release dry run (changeset version + publish --dry-run in a copy), and the example apps built from the
// packed packages.
// Closes with one summary line: "test: N passed, M failed".
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const steps = [
  ['chromium', ['node', 'scripts/ensure-chromium.mjs']],
  ['lint', ['pnpm', 'run', 'lint']],
  ['typecheck', ['pnpm', 'run', 'typecheck']],
  ['build', ['pnpm', 'run', 'build']],
  ['unit and component tests', ['pnpm', 'exec', 'wtr']],
  ['coverage', ['node', 'scripts/check-coverage.mjs']],
  ['story tests', ['pnpm', 'exec', 'vitest', 'run']],
  ['storybook build', ['pnpm', 'run', 'build-storybook']],
  ['size budgets', ['pnpm', 'run', 'size']],
  ['package checks', ['node', 'scripts/check-packages.mjs']],
  ['release dry run', ['node', 'scripts/release-dry-run.mjs']],
  ['example app tests', ['node', 'scripts/test-examples.mjs']],
];

const skip = new Set((process.env.CIF_TEST_SKIP ?? '').split(',').filter(Boolean));
let passed = 0;
let failed = 0;
const timings = [];

function run(name, [command, ...args]) {
  return new Promise((resolve) => {
    const started = Date.now();
    console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let output = '';
    const collect = (stream, sink) =>
      stream.on('data', (chunk) => {
        output += chunk.toString();
        sink.write(chunk);
      });
    collect(child.stdout, process.stdout);
    collect(child.stderr, process.stderr);
    child.on('close', (code) => {
      timings.push([name, (Date.now() - started) / 1000, code === 0]);
      resolve({ code: code ?? 1, output });
    });
  });
}

/** Counts the test results a runner printed. */
function count(output) {
  // Strip ANSI colours first.
  // eslint-disable-next-line no-control-regex -- ANSI escape codes
  const text = output.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
  const wtr = [...text.matchAll(/(\d+) passed, (\d+) failed/g)].pop();
  if (wtr) return { passed: Number(wtr[1]), failed: Number(wtr[2]) };
  const vitest = text.match(/Tests\s+(?:(\d+) failed \| )?(\d+) passed/);
  if (vitest) return { passed: Number(vitest[2]), failed: Number(vitest[1] ?? 0) };
  return undefined;
}

const started = Date.now();
let exitCode = 0;
for (const [name, command] of steps) {
  if (skip.has(name)) {
    console.log(`\n▷ ${name}: skipped (CIF_TEST_SKIP)`);
    continue;
  }
  const { code, output } = await run(name, command);
  const counts = count(output);
  if (counts && name.includes('tests')) {
    passed += counts.passed;
    failed += counts.failed;
  }
  if (name === 'storybook build' && code === 0 && !existsSync('storybook-static/index.json')) {
    console.error('storybook-static/index.json was not written');
    exitCode = 1;
    break;
  }
  if (code !== 0) {
    console.error(`\n✖ ${name} failed (exit ${code})`);
    if (!counts || counts.failed === 0) failed += 1;
    exitCode = code;
    break;
  }
}

console.log('\nStep timings:');
for (const [name, seconds, ok] of timings) {
  console.log(`  ${ok ? '✔' : '✖'} ${name.padEnd(26)} ${seconds.toFixed(1).padStart(6)} s`);
}
console.log(`  total ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`test: ${passed} passed, ${failed} failed`);
process.exit(exitCode);
