// Web Test Runner plugin for @cif-elements/react's tests: serves React 19 (`react`, `react-dom/client`)
// and React 18 (`react-18`, `react-dom-18/client`) as ES modules. React ships CommonJS only, so each
// version is bundled once with esbuild (react and react-dom together: one React instance per version).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(packageDir, 'package.json'));
const PREFIX = '/__cif_react__/';

const versions = {
  19: { react: 'react', dom: 'react-dom' },
  18: { react: 'react-18', dom: 'react-dom-18' },
};
/** Bare specifier → [React version, which module]. */
const specifiers = {
  react: ['19', 'react'],
  'react-dom/client': ['19', 'client'],
  'react-18': ['18', 'react'],
  'react-dom-18/client': ['18', 'client'],
};

/** The installed directory of a package (aliases need paths: they resolve from react-dom's own folder). */
const packagePath = (name) => dirname(require.resolve(`${name}/package.json`));

const bundles = new Map();
function bundle(version) {
  if (!bundles.has(version)) {
    const { react, dom } = versions[version];
    bundles.set(
      version,
      build({
        stdin: {
          contents: `import React from '${react}'; import ReactDOMClient from '${dom}/client'; export { React, ReactDOMClient };`,
          resolveDir: packageDir,
        },
        // react-dom 18's own `require('react')` must reach React 18, not the workspace's React 19.
        alias:
          version === '18'
            ? { react: packagePath('react-18'), 'react-dom': packagePath('react-dom-18') }
            : {},
        bundle: true,
        format: 'esm',
        write: false,
        define: { 'process.env.NODE_ENV': '"development"' },
        logLevel: 'silent',
      }).then((result) => result.outputFiles[0].text),
    );
  }
  return bundles.get(version);
}

/**
 * The names React exports, read from its production build (the development build patches `console`
 * when loaded, which the test runner's own console does not survive).
 */
function reactNames(version) {
  const { react } = versions[version];
  for (const file of ['cjs/react.production.js', 'cjs/react.production.min.js']) {
    try {
      return Object.keys(require(join(packagePath(react), file)));
    } catch {
      // not this React version's file name
    }
  }
  throw new Error(`React ${version}: no production build found`);
}

/** A module re-exporting one React module's members by name, so `import { useState } from 'react'` works. */
function facade(version, which) {
  const name = which === 'react' ? 'React' : 'ReactDOMClient';
  const names = (which === 'react' ? reactNames(version) : ['createRoot', 'hydrateRoot']).filter(
    (key) => /^[A-Za-z_$][\w$]*$/.test(key) && key !== 'default',
  );
  return `import { ${name} } from '${PREFIX}bundle-${version}.js';
export default ${name};
export const { ${names.join(', ')} } = ${name};
`;
}

export default [
  {
    name: 'cif-react',
    resolveImport({ source }) {
      const target = specifiers[source];
      return target ? `${PREFIX}${target[1]}-${target[0]}.js` : undefined;
    },
    async serve(context) {
      if (!context.path.startsWith(PREFIX)) return undefined;
      const file = context.path.slice(PREFIX.length);
      const bundleMatch = /^bundle-(18|19)\.js$/.exec(file);
      if (bundleMatch) return { body: await bundle(bundleMatch[1]), type: 'js' };
      const facadeMatch = /^(react|client)-(18|19)\.js$/.exec(file);
      if (facadeMatch) return { body: facade(facadeMatch[2], facadeMatch[1]), type: 'js' };
      return undefined;
    },
  },
];
