// Resolve hook for tachometer's `import('chromedriver')`: the local stand-in (see tachometer-preload.mjs).
const shim = new URL('./chromedriver-shim/chromedriver/index.js', import.meta.url).href;

/** @type {import('node:module').ResolveHook} */
export async function resolve(specifier, context, next) {
  if (specifier === 'chromedriver') return { url: shim, format: 'commonjs', shortCircuit: true };
  return next(specifier, context);
}
