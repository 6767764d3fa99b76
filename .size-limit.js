// Size budgets: every package lists its entries in packages/<name>/size-limit.json (paths from the repo
// root, measured on the built dist, minified and gzipped, dependencies such as Lit included).
//
// First load: an entry with "firstLoad": true measures what a page downloads before anything is loaded
// lazily — the module and its static imports. Every dynamic import() is left out of the bundle (marked
// external), so a lazily loaded chunk costs nothing here and gets an entry, and a budget, of its own.
// Without the flag, esbuild inlines dynamically imported modules into the measured bundle.
import { existsSync, readFileSync, readdirSync } from 'node:fs';

/** An esbuild plugin that keeps every dynamic import() out of the bundle. */
const dynamicImportsExternal = {
  name: 'cif-first-load',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined,
    );
  },
};

/** size-limit's entry for one of ours (size-limit rejects keys it does not know). */
function entry({ firstLoad, ...check }) {
  if (!firstLoad) return check;
  return {
    ...check,
    modifyEsbuildConfig: (config) => ({
      ...config,
      plugins: [...(config.plugins ?? []), dynamicImportsExternal],
    }),
  };
}

export default readdirSync('packages').flatMap((name) => {
  const file = `packages/${name}/size-limit.json`;
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).map(entry) : [];
});
