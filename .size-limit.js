// Size budgets: every package lists its entries in packages/<name>/size-limit.json (paths from the repo
// root, measured on the built dist, minified and gzipped, dependencies such as Lit included).
import { existsSync, readFileSync, readdirSync } from 'node:fs';

export default readdirSync('packages').flatMap((name) => {
  const file = `packages/${name}/size-limit.json`;
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : [];
});
