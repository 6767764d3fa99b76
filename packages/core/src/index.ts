/**
 * @cif-elements/core: the only package that knows `Microsoft.CIFramework`.
 *
 * - `cif`: loader, typed client, events, errors, capabilities (this module's exports).
 * Further areas (the call store, number intelligence, workflows) are added as sibling folders and
 * re-exported here; test doubles live in `@cif-elements/core/testing`.
 */
export * from './cif/index.js';
export * from './calls/index.js';
export * from './phone/index.js';
export * from './workflows/index.js';
