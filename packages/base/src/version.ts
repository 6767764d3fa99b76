/**
 * The version of CIF Elements. Every published package shares it (one fixed changeset group);
 * `scripts/sync-versions.mjs` rewrites it on release and `pnpm check:packages` verifies it.
 */
export const VERSION = '0.1.0';
