// Test-runner plugins of @cif-elements/core (loaded by the root web-test-runner config):
// - `cif-test:settings`: the settings of the fuzz and soak tests, read from the environment of the
//   command that started the runner (the browser cannot see it): `CIF_FUZZ_SEED` (the fast-check seed;
//   a fixed default, so every run is reproducible) and `CIF_SOAK_CALLS` (calls of the activity soak).

/** The seed fuzz tests use when `CIF_FUZZ_SEED` is not set. */
const DEFAULT_FUZZ_SEED = 20_261_121;

/** An integer from the environment, or the default. */
function integer(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value)) throw new Error(`${name} must be an integer, not ${raw}`);
  return value;
}

/** @type {import('@web/test-runner').TestRunnerPlugin[]} */
export default [
  {
    name: 'cif-core-test-settings',
    executeCommand({ command }) {
      if (command !== 'cif-test:settings') return undefined;
      return {
        fuzzSeed: integer('CIF_FUZZ_SEED', DEFAULT_FUZZ_SEED),
        fuzzSeedFromEnv: Boolean(process.env.CIF_FUZZ_SEED?.trim()),
        soakCalls: integer('CIF_SOAK_CALLS', 0) || null,
      };
    },
  },
];
