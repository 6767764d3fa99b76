// Test-runner plugins of @cif-elements/base (loaded by the root web-test-runner config):
// - `cif-minify-templates`: runs scripts/minify-templates.mjs (the build step that minifies the templates
//   of the shipped dist) in Node for src/minify-templates.test.ts, which checks in the browser that what
//   it produces parses to the same CSS rules and the same DOM.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import {
  PRESERVES_SPACES,
  findTemplates,
  minifyCssStrings,
  minifyHtmlStrings,
  minifyModule,
  remapSourceMap,
} from '../../../scripts/minify-templates.mjs';

const root = join(import.meta.dirname, '..', '..', '..');

/** Every shipped TypeScript module of every package (no tests, stories or test utilities). */
function* sources(dir = join(root, 'packages')) {
  for (const name of readdirSync(dir)) {
    if (['node_modules', 'dist', 'test-utils', 'e2e'].includes(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sources(path);
    else if (
      path.includes(`${join('', 'src', '')}`) &&
      /\.ts$/.test(name) &&
      !/\.(test|stories|d)\.ts$/.test(name)
    ) {
      yield path;
    }
  }
}

/**
 * Compiles a TypeScript module with a source map, minifies its templates as the build does and, for
 * every `this.<name>` in the result, reports the source text at the position the remapped map gives.
 */
function mappedIdentifiers(source) {
  const { outputText, sourceMapText } = ts.transpileModule(source, {
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      sourceMap: true,
    },
    fileName: 'probe.ts',
  });
  const result = minifyModule(outputText, 'probe.js');
  const map = remapSourceMap(JSON.parse(sourceMapText), outputText, result.code, result.edits);
  const lines = decode(map.mappings);
  const sourceLines = source.split('\n');
  const out = [];
  result.code.split('\n').forEach((text, line) => {
    for (const match of text.matchAll(/this\.\w+/g)) {
      const segment = lines[line]?.find((s) => s[0] === match.index);
      out.push({
        identifier: match[0],
        mapped: segment ? sourceLines[segment[2]].slice(segment[3]) : null,
      });
    }
  });
  return { changed: result.code !== outputText, identifiers: out };
}

/** Source map mappings as absolute [column, source, line, column] segments per generated line. */
function decode(mappings) {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const state = [0, 0, 0, 0, 0];
  return mappings.split(';').map((line) => {
    state[0] = 0;
    return line
      .split(',')
      .filter(Boolean)
      .map((segment) => {
        const values = [];
        let value = 0;
        let shift = 0;
        for (const ch of segment) {
          const digit = chars.indexOf(ch);
          value += (digit & 31) << shift;
          if (digit & 32) shift += 5;
          else {
            values.push(value & 1 ? -(value >>> 1) : value >>> 1);
            value = shift = 0;
          }
        }
        return values.map((v, i) => (state[i] += v));
      });
  });
}

/** @type {import('@web/test-runner').TestRunnerPlugin[]} */
export default [
  {
    name: 'cif-minify-templates',
    executeCommand({ command, payload }) {
      if (command !== 'cif-minify-templates') return undefined;
      // Wrapped: a command that returns null or undefined counts as not handled.
      return { value: run(payload) };
    },
  },
];

function run(payload) {
  switch (payload.action) {
    case 'sources':
      return [...sources()].flatMap((file) => {
        const code = readFileSync(file, 'utf8');
        return findTemplates(code, file).map((template) => {
          const strings = template.parts.map((p) => p.cooked);
          return {
            where: `${relative(root, file)}:${template.line}`,
            kind: template.kind,
            strings,
            minified:
              template.kind === 'css' ? minifyCssStrings(strings) : minifyHtmlStrings(strings),
          };
        });
      });
    case 'css':
      return minifyCssStrings(payload.strings) ?? null;
    case 'html':
      return minifyHtmlStrings(payload.strings);
    case 'preserves':
      return PRESERVES_SPACES.test(payload.css);
    case 'sourcemap':
      return mappedIdentifiers(payload.source);
    default:
      throw new Error(`unknown action ${payload.action}`);
  }
}
