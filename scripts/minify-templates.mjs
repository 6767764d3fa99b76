// Minifies the templates of the shipped dist in place (run by `pnpm build` after `tsc -b`, before the
// packages' build:assets). Bundlers minify JavaScript but leave the text of tagged templates alone, so
// without this step every vendor ships our stylesheets and templates with their indentation.
//
// - css`…` (Lit): the CSS goes through esbuild's CSS minifier (targets below; nesting and light-dark()
//   are kept as written). `${…}` expressions stay in place: they travel through the minifier as
//   placeholders, and a template whose placeholders do not come back in order is left as it was.
// - html`…` / svg`…` (Lit): white space that contains a line break, between tags, inside tags (between
//   attributes) and around text, loses its spaces and tabs but keeps its line breaks. Such a run renders
//   as it did (collapsible white space, or a line break under `white-space: pre-line`) and every text node
//   stays. Attribute values, comments and the content of <pre>, <textarea>, <script>, <style> and <title>
//   are never touched. A package whose code sets `white-space` to keep spaces (pre, pre-wrap,
//   break-spaces, white-space-collapse: preserve…) anywhere keeps its html templates as written.
// - Only tsc output (a .js with its .d.ts beside it) importing from Lit is rewritten; the .js.map is
//   remapped to the new positions, or, when it cannot be read, the sourceMappingURL comment is removed.
//
// `node scripts/minify-templates.mjs [dir…]` (default: every packages/*/dist). The functions are exported
// for the test in packages/base/src/minify-templates.test.ts, which runs them on every template in the
// sources and compares what a browser parses.
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { transformSync } from 'esbuild';
import ts from 'typescript';

/** The browsers the kit supports (the CSS minifier must not lower what they understand). */
export const CSS_TARGET = ['chrome120', 'edge120', 'safari17', 'firefox120'];

/** Modules whose `css`, `html` and `svg` exports are the Lit template tags. */
const LIT_MODULES = new Set(['lit', 'lit-html', 'lit-element', 'lit-element/lit-element.js']);
const TAGS = new Set(['css', 'html', 'svg']);

const placeholder = (i) => `__cif_ph${i}__`;

/**
 * Minifies the CSS of a css`…` template given its cooked strings (the text between expressions).
 * Returns the new strings, or undefined when the template must stay as it is.
 */
export function minifyCssStrings(strings) {
  const joined = strings.reduce((all, part, i) => all + placeholder(i - 1) + part);
  let result;
  try {
    result = transformSync(joined, {
      loader: 'css',
      minify: true,
      target: CSS_TARGET,
      supported: { nesting: true },
      logLevel: 'silent',
    });
  } catch {
    return undefined;
  }
  if (result.warnings.length > 0) return undefined;
  const pieces = result.code.trim().split(/__cif_ph(\d+)__/);
  if (pieces.length !== strings.length * 2 - 1) return undefined;
  const out = [];
  for (let i = 0; i < pieces.length; i += 2) {
    if (i > 0 && Number(pieces[i - 1]) !== i / 2 - 1) return undefined;
    out.push(pieces[i]);
  }
  return out;
}

const RAW_TEXT = new Set(['pre', 'textarea', 'script', 'style', 'title', 'xmp', 'plaintext']);

// HTML's white space (not \s: a no-break space is text).
const HTML_SPACE = /[ \t\n\f\r]/;
const SPACE_RUN = /[ \t\n\f\r]+/y;
const OPEN_TAG = /<(\/?)([a-zA-Z][^ \t\n\f\r/>]*)/y;

/** CSS that renders spaces as written, where collapsing template white space would show. */
export const PRESERVES_SPACES =
  /white-space(?:-collapse)?\s*:\s*(?:pre|pre-wrap|break-spaces|preserve|preserve-spaces|preserve-breaks)(?![\w-])/;

/** Replaces a white-space run that holds line breaks by its line breaks alone. */
const squeeze = (run) => (run.includes('\n') ? '\n'.repeat(run.split('\n').length - 1) : run);

/**
 * Collapses insignificant white space in an html`…` / svg`…` template given its cooked strings
 * (see the header). The state (text, tag, attribute value, comment, raw text) carries across
 * expressions, as it does when Lit joins the strings.
 */
export function minifyHtmlStrings(strings) {
  let state = 'text';
  let rawTag = '';
  return strings.map((part) => {
    let out = '';
    let i = 0;
    while (i < part.length) {
      const ch = part[i];
      if (state === 'text' || state === 'tag') {
        if (HTML_SPACE.test(ch)) {
          SPACE_RUN.lastIndex = i;
          const run = SPACE_RUN.exec(part)[0];
          out += squeeze(run);
          i += run.length;
          continue;
        }
        if (state === 'text' && part.startsWith('<!--', i)) {
          state = 'comment';
          out += '<!--';
          i += 4;
          continue;
        }
        if (state === 'text' && ch === '<') {
          OPEN_TAG.lastIndex = i;
          const open = OPEN_TAG.exec(part);
          if (open) {
            state = 'tag';
            rawTag = open[1] ? '' : open[2].toLowerCase();
            out += open[0];
            i += open[0].length;
            continue;
          }
        } else if (state === 'tag') {
          if (ch === '"' || ch === "'") state = ch;
          else if (ch === '>') {
            state = RAW_TEXT.has(rawTag) ? 'raw' : 'text';
          }
        }
        out += ch;
        i += 1;
      } else if (state === '"' || state === "'") {
        if (ch === state) state = 'tag';
        out += ch;
        i += 1;
      } else if (state === 'comment') {
        const end = part.indexOf('-->', i);
        const stop = end === -1 ? part.length : end + 3;
        out += part.slice(i, stop);
        i = stop;
        if (end !== -1) state = 'text';
      } else {
        // Raw text: untouched up to the closing tag.
        const close = part.slice(i).search(new RegExp(`</${rawTag}[\\s/>]`, 'i'));
        const stop = close === -1 ? part.length : i + close;
        out += part.slice(i, stop);
        i = stop;
        if (close !== -1) state = 'text';
      }
    }
    return out;
  });
}

/** The text of a template literal part as written between its delimiters. */
const escapeTemplate = (text) => text.replace(/\\|`|\$\{/g, (m) => `\\${m}`);

/**
 * Every Lit css/html/svg tagged template in a module: its kind and its parts, each with the source
 * range between the delimiters and the cooked text (undefined for an invalid escape).
 */
export function findTemplates(code, fileName = 'module.js') {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true);
  const tags = new Map();
  for (const statement of source.statements) {
    if (
      ts.isImportDeclaration(statement) &&
      ts.isStringLiteral(statement.moduleSpecifier) &&
      LIT_MODULES.has(statement.moduleSpecifier.text) &&
      statement.importClause?.namedBindings &&
      ts.isNamedImports(statement.importClause.namedBindings) &&
      !statement.importClause.isTypeOnly
    ) {
      for (const element of statement.importClause.namedBindings.elements) {
        const imported = (element.propertyName ?? element.name).text;
        if (TAGS.has(imported) && !element.isTypeOnly) tags.set(element.name.text, imported);
      }
    }
  }
  const templates = [];
  if (tags.size === 0) return templates;
  const part = (node, open, close) => ({
    start: node.getStart(source) + open,
    end: node.end - close,
    cooked: node.text,
    invalid: Boolean(node.templateFlags & ts.TokenFlags.ContainsInvalidEscape),
  });
  const visit = (node) => {
    if (
      ts.isTaggedTemplateExpression(node) &&
      ts.isIdentifier(node.tag) &&
      tags.has(node.tag.text) &&
      !node.typeArguments
    ) {
      const template = node.template;
      const parts = ts.isNoSubstitutionTemplateLiteral(template)
        ? [part(template, 1, 1)]
        : [
            part(template.head, 1, 2),
            ...template.templateSpans.map((span) =>
              ts.isTemplateTail(span.literal) ? part(span.literal, 1, 1) : part(span.literal, 1, 2),
            ),
          ];
      templates.push({ kind: tags.get(node.tag.text), parts, line: line(source, node) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return templates;
}

function line(source, node) {
  return source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
}

/**
 * Minifies every Lit template of a module. Returns the new code, the edits made (sorted source ranges
 * with their replacement, for remapping the source map) and what was skipped.
 */
export function minifyModule(code, fileName, { html = true } = {}) {
  const edits = [];
  const skipped = [];
  for (const template of findTemplates(code, fileName)) {
    if (template.kind !== 'css' && !html) continue;
    if (template.parts.some((p) => p.invalid)) {
      skipped.push(`${fileName}:${template.line} (invalid escape)`);
      continue;
    }
    const strings = template.parts.map((p) => p.cooked);
    const next = template.kind === 'css' ? minifyCssStrings(strings) : minifyHtmlStrings(strings);
    if (!next) {
      skipped.push(`${fileName}:${template.line} (the CSS minifier did not keep it intact)`);
      continue;
    }
    template.parts.forEach((p, i) => {
      const text = escapeTemplate(next[i]);
      if (text !== code.slice(p.start, p.end)) edits.push({ start: p.start, end: p.end, text });
    });
  }
  edits.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const edit of edits) {
    out += code.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return { code: out + code.slice(at), edits, skipped };
}

// --- Source maps -------------------------------------------------------------------------------------

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function decodeMappings(mappings) {
  const lines = [];
  const state = [0, 0, 0, 0, 0];
  for (const text of mappings.split(';')) {
    const segments = [];
    state[0] = 0;
    for (const raw of text.split(',')) {
      if (!raw) continue;
      const values = [];
      let value = 0;
      let shift = 0;
      for (const ch of raw) {
        const digit = BASE64.indexOf(ch);
        if (digit === -1) throw new Error(`invalid source map character "${ch}"`);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      const segment = values.map((v, i) => (state[i] += v));
      segments.push(segment);
    }
    lines.push(segments);
  }
  return lines;
}

function encodeValue(value) {
  let vlq = value < 0 ? (-value << 1) | 1 : value << 1;
  let out = '';
  do {
    let digit = vlq & 31;
    vlq >>>= 5;
    if (vlq > 0) digit |= 32;
    out += BASE64[digit];
  } while (vlq > 0);
  return out;
}

function encodeMappings(lines) {
  const state = [0, 0, 0, 0, 0];
  return lines
    .map((segments) => {
      state[0] = 0;
      return segments
        .map((segment) =>
          segment
            .map((v, i) => {
              const out = encodeValue(v - state[i]);
              state[i] = v;
              return out;
            })
            .join(''),
        )
        .join(',');
    })
    .join(';');
}

const lineStarts = (text) => {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
};

/** Moves every generated position of a source map from the old code to the edited code. */
export function remapSourceMap(map, oldCode, newCode, edits) {
  const oldStarts = lineStarts(oldCode);
  const newStarts = lineStarts(newCode);
  const moved = (offset) => {
    let delta = 0;
    for (const edit of edits) {
      if (offset < edit.start) break;
      if (offset < edit.end) return edit.start + delta;
      delta += edit.text.length - (edit.end - edit.start);
    }
    return offset + delta;
  };
  const out = newStarts.map(() => []);
  decodeMappings(map.mappings).forEach((segments, lineIndex) => {
    for (const [column, ...rest] of segments) {
      const offset = moved((oldStarts[lineIndex] ?? oldCode.length) + column);
      let newLine = newStarts.length - 1;
      while (newStarts[newLine] > offset) newLine -= 1;
      out[newLine].push([offset - newStarts[newLine], ...rest]);
    }
  });
  for (const segments of out) segments.sort((a, b) => a[0] - b[0]);
  return { ...map, mappings: encodeMappings(out) };
}

// --- The build step ----------------------------------------------------------------------------------

function* jsFiles(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* jsFiles(path);
    else if (name.endsWith('.js') && existsSync(path.replace(/\.js$/, '.d.ts'))) yield path;
  }
}

const MAP_COMMENT = /\n\/\/# sourceMappingURL=([^\s]+)\s*$/;

/** Minifies one file in place; returns the bytes saved and what was skipped. */
export function minifyFile(path, options) {
  const code = readFileSync(path, 'utf8');
  if (!/from\s*['"]lit/.test(code)) return { saved: 0, skipped: [] };
  const result = minifyModule(code, path, options);
  if (result.edits.length === 0) return { saved: 0, skipped: result.skipped };
  let next = result.code;
  const mapName = MAP_COMMENT.exec(next)?.[1];
  if (mapName) {
    const mapPath = join(dirname(path), mapName);
    try {
      const map = JSON.parse(readFileSync(mapPath, 'utf8'));
      writeFileSync(mapPath, JSON.stringify(remapSourceMap(map, code, next, result.edits)));
    } catch {
      // A map that cannot be remapped would point at wrong places: ship the file without one.
      next = next.replace(MAP_COMMENT, '\n');
    }
  }
  writeFileSync(path, next);
  return { saved: code.length - next.length, skipped: result.skipped };
}

function main(dirs) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const targets =
    dirs.length > 0
      ? dirs
      : readdirSync(join(root, 'packages'))
          .map((name) => join(root, 'packages', name, 'dist'))
          .filter((dir) => existsSync(dir));
  let files = 0;
  let saved = 0;
  const skipped = [];
  for (const dir of targets) {
    const all = [...jsFiles(dir)];
    const html = !all.some((file) => PRESERVES_SPACES.test(readFileSync(file, 'utf8')));
    if (!html) {
      console.warn(
        `[minify-templates] ${relative(root, dir)}: its CSS keeps spaces as written; html templates left as written`,
      );
    }
    for (const file of all) {
      const result = minifyFile(file, { html });
      if (result.saved > 0) files += 1;
      saved += result.saved;
      skipped.push(...result.skipped.map((s) => relative(root, s)));
    }
  }
  for (const entry of skipped) console.warn(`[minify-templates] left as written: ${entry}`);
  console.log(
    `[minify-templates] ${files} files, ${(saved / 1024).toFixed(1)} kB of template text removed`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2));
}
