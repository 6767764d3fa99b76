/**
 * Fuzzing and soak settings shared by the `*.fuzz.test.ts` and `*.soak.test.ts` files of every package.
 *
 * The browser cannot read the environment, so the settings come from core's test-runner command
 * `cif-test:settings` (packages/core/test/wtr-plugins.mjs): `CIF_FUZZ_SEED` (default fixed, so every run of
 * `pnpm test` tries the same cases) and `CIF_SOAK_CALLS`. {@link fuzz} runs a property with that seed,
 * counts the cases it tried, and on a failure names the seed, the shrunk counterexample and its path, so
 * `CIF_FUZZ_SEED=<seed> pnpm exec wtr --files <file>` replays it.
 */
import { executeServerCommand } from '@web/test-runner-commands';
import fc from 'fast-check';

/** Settings of the fuzz and soak tests. */
export interface TestSettings {
  /** The fast-check seed. */
  readonly fuzzSeed: number;
  /** Whether the seed came from `CIF_FUZZ_SEED` (else the fixed default). */
  readonly fuzzSeedFromEnv: boolean;
  /** `CIF_SOAK_CALLS`, when set. */
  readonly soakCalls: number | null;
}

let settings: Promise<TestSettings> | undefined;

/** The settings of this run (asked once per test file). */
export function testSettings(): Promise<TestSettings> {
  settings ??= executeServerCommand<TestSettings, Record<string, never>>('cif-test:settings', {});
  return settings;
}

/** Cases tried per property in this file, for the summary line. */
const tally = new Map<string, number>();
let seedInUse: number | undefined;

/**
 * Sets fast-check's global seed from the settings and logs it; call it in a `before` hook. Each property
 * of the file then starts from this seed.
 */
export async function useFuzzSeed(file: string): Promise<number> {
  const { fuzzSeed, fuzzSeedFromEnv } = await testSettings();
  fc.configureGlobal({ seed: fuzzSeed });
  seedInUse = fuzzSeed;
  tally.clear();
  console.log(
    `[fuzz] ${file}: seed ${fuzzSeed} (${fuzzSeedFromEnv ? 'from CIF_FUZZ_SEED' : 'default; set CIF_FUZZ_SEED to change'})`,
  );
  return fuzzSeed;
}

/** The cases tried so far in this file. */
export function fuzzCases(): number {
  let total = 0;
  for (const runs of tally.values()) total += runs;
  return total;
}

/** Logs the cases this file tried (call it in an `after` hook). */
export function logFuzzSummary(file: string): void {
  const parts = [...tally].map(([name, runs]) => `${name} ${runs}`);
  console.log(
    `[fuzz] ${file}: ${fuzzCases()} cases with seed ${String(seedInUse)} (${parts.join(', ')})`,
  );
}

function failure(name: string, report: string | undefined, cause: unknown): Error {
  const seed = String(seedInUse ?? 'unknown');
  const why = cause instanceof Error ? (cause.stack ?? cause.message) : String(cause);
  return new Error(
    `${name}: ${report ?? 'property failed'}\n\nFailure: ${why}\n\nReplay: CIF_FUZZ_SEED=${seed} pnpm exec wtr --files <this file>`,
    { cause },
  );
}

/**
 * Runs a property `runs` times with the file's seed; counts the cases; throws with the seed, the
 * counterexample and its path on failure.
 */
export async function fuzz<Ts>(
  name: string,
  property: fc.IAsyncProperty<Ts> | fc.IProperty<Ts>,
  runs: number,
): Promise<void> {
  const details = property.isAsync()
    ? await fc.check(property as fc.IAsyncProperty<Ts>, { numRuns: runs })
    : fc.check(property as fc.IProperty<Ts>, { numRuns: runs });
  tally.set(name, (tally.get(name) ?? 0) + details.numRuns);
  if (details.failed)
    throw failure(name, await fc.asyncDefaultReportMessage(details), details.errorInstance);
}
