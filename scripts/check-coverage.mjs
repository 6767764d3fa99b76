// Per-package line coverage from web-test-runner's lcov report: every package with code must reach
// the threshold (web-test-runner's own threshold only sees the total).
import { existsSync, readFileSync } from 'node:fs';

const THRESHOLD = Number(process.env.CIF_COVERAGE_LINES ?? 90);
const file = `${process.env.CIF_COVERAGE_DIR ?? 'coverage'}/lcov.info`;
if (!existsSync(file)) {
  console.error(`[coverage] ${file} not found: run the unit tests first.`);
  process.exit(1);
}

const perPackage = new Map();
let current;
for (const line of readFileSync(file, 'utf8').split('\n')) {
  if (line.startsWith('SF:')) {
    const match = line
      .slice(3)
      .replace(/\\/g, '/')
      .match(/packages\/([^/]+)\//);
    current = match ? match[1] : undefined;
    if (current && !perPackage.has(current)) perPackage.set(current, { found: 0, hit: 0 });
  } else if (current && line.startsWith('LF:')) {
    perPackage.get(current).found += Number(line.slice(3));
  } else if (current && line.startsWith('LH:')) {
    perPackage.get(current).hit += Number(line.slice(3));
  }
}

let failed = false;
for (const [name, { found, hit }] of [...perPackage].sort()) {
  if (found === 0) continue;
  const percent = (hit / found) * 100;
  const ok = percent >= THRESHOLD;
  failed ||= !ok;
  console.log(
    `[coverage] ${ok ? 'ok  ' : 'FAIL'} ${name.padEnd(22)} ${percent.toFixed(1).padStart(5)} % lines (${hit}/${found})`,
  );
}
if (failed) {
  console.error(`[coverage] a package is below ${THRESHOLD} % line coverage.`);
  process.exit(1);
}
