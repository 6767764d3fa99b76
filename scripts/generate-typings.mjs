// Editor data and framework typings for one component package, generated from its custom-elements
// manifest (run from the package directory by its `build:assets`, after `cem analyze` and `tsc -b`):
//
//   dist/vscode.html-custom-data.json  VS Code HTML custom data (tags, attributes, values, docs)
//   dist/vscode.css-custom-data.json   VS Code CSS custom data (custom properties, parts)
//   dist/web-types.json                JetBrains web-types (WebStorm, IntelliJ)
//   dist/react.d.ts                    React 19 JSX IntrinsicElements: typed props and `oncif-…` events
//   dist/vue.d.ts                      Vue GlobalComponents: typed props and `onCif…` events
//
// The editor data comes from custom-element-vs-code-integration and custom-element-jet-brains-integration.
// The React and Vue typings are written here: those libraries' generators import the manifest's event
// type names from the package index (`Event` is not exported), type handlers as `CustomEvent<EventClass>`
// instead of the event class, list read-only getters as settable props, and name event props in a way
// neither framework dispatches (`oncif-dial` in Vue). Types here are indexed from the element class and
// the global event map, so they are exactly what the element's own declarations say.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  getVsCodeCssCustomData,
  getVsCodeHtmlCustomData,
} from 'custom-element-vs-code-integration';
import { getWebTypesData } from 'custom-element-jet-brains-integration';

const dir = process.argv[2] ?? process.cwd();
const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
const manifestPath = join(dir, pkg.customElements ?? 'custom-elements.json');
if (!existsSync(manifestPath)) {
  console.error(
    `[typings] ${pkg.name}: ${relative(dir, manifestPath)} is missing (run cem analyze)`,
  );
  process.exit(1);
}
const manifestText = readFileSync(manifestPath, 'utf8');
const manifest = JSON.parse(manifestText);
/** A fresh copy of the manifest (the generators annotate the object they get). */
const fresh = () => JSON.parse(manifestText);
const outdir = join(dir, 'dist');
mkdirSync(outdir, { recursive: true });

/** Every custom element the package declares, with the module it is declared in. */
const elements = manifest.modules.flatMap((module) =>
  (module.declarations ?? [])
    .filter((declaration) => declaration.customElement && declaration.tagName)
    .map((declaration) => ({ ...declaration, modulePath: module.path })),
);
if (elements.length === 0) {
  console.error(`[typings] ${pkg.name}: the manifest declares no custom element`);
  process.exit(1);
}

const homepage = `https://github.com/cif-elements/cif-elements/tree/main/${pkg.repository.directory}#readme`;
const quiet = { hideLogs: true };

// VS Code custom data.
writeFileSync(
  join(outdir, 'vscode.html-custom-data.json'),
  getVsCodeHtmlCustomData(fresh(), {
    ...quiet,
    descriptionSrc: 'description',
    referencesTemplate: (name) => [{ name: `${name} documentation`, url: homepage }],
  }),
);
writeFileSync(
  join(outdir, 'vscode.css-custom-data.json'),
  getVsCodeCssCustomData(fresh(), { ...quiet }),
);

// JetBrains web-types, named and versioned after the package, pointing at the shipped modules.
const webTypes = JSON.parse(
  getWebTypesData(fresh(), {
    ...quiet,
    packageJson: false,
    descriptionSrc: 'description',
    referenceTemplate: (name) => ({ name: `${name} documentation`, url: homepage }),
    modulePathTemplate: (_name, modulePath) => distModule(modulePath),
  }),
);
webTypes.name = pkg.name;
webTypes.version = pkg.version;
writeFileSync(join(outdir, 'web-types.json'), `${JSON.stringify(webTypes, null, 2)}\n`);

/** `src/CifDialpad.ts` → `./dist/CifDialpad.js` (package-relative, for web-types). */
function distModule(modulePath) {
  return `./${modulePath.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js')}`;
}

/** `src/CifDialpad.ts` → `./CifDialpad.js` (relative to dist/, for the typings). */
function importPath(modulePath) {
  return `./${modulePath.replace(/^src\//, '').replace(/\.ts$/, '.js')}`;
}

const camel = (name) => name.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
const pascal = (name) => camel(name).replace(/^./, (c) => c.toUpperCase());

/** A JSDoc comment, indented. */
function doc(text, indent = '  ') {
  if (!text) return '';
  const lines = text.trim().replace(/\*\//g, '*\\/').split('\n');
  if (lines.length === 1) return `${indent}/** ${lines[0]} */\n`;
  return `${indent}/**\n${lines.map((line) => `${indent} * ${line}`.trimEnd()).join('\n')}\n${indent} */\n`;
}

/** Public, settable instance fields (what a framework may set as a property). */
function settableFields(element) {
  return (element.members ?? []).filter(
    (member) =>
      member.kind === 'field' &&
      !member.static &&
      !member.readonly &&
      (member.privacy ?? 'public') === 'public' &&
      !member.name.startsWith('#'),
  );
}

/** Events that have a name (the analyzer lists inherited, unnamed ones too). */
function namedEvents(element) {
  const seen = new Set();
  return (element.events ?? []).filter((event) => {
    if (!event.name || seen.has(event.name)) return false;
    seen.add(event.name);
    return true;
  });
}

const eventType = (name) => `EventOf<'${name}'>`;
/** The event class the elements' event map names (every `cif-…` event is listed there), else Event. */
const eventOf =
  'type EventOf<K extends string> = K extends keyof HTMLElementEventMap ? HTMLElementEventMap[K] : Event;\n\n';

const header = (framework) =>
  `// Generated by scripts/generate-typings.mjs from custom-elements.json: ${framework} typings for ${pkg.name}.\n`;

const imports = elements
  .map((element) => `import type { ${element.name} } from '${importPath(element.modulePath)}';`)
  .join('\n');

// React 19: custom elements take properties (set when the element has them) and `on<event-name>`
// listeners (React 19 adds a listener for the exact name after `on`, so `oncif-dial` listens to
// `cif-dial`). Native-named events (`input`, `change`) keep React's own `onInput`/`onChange` props.
let react = `${header('React 19 JSX')}import type * as React from 'react';\n${imports}\n// Loads the elements' event map (HTMLElementEventMap augmentations).\nimport type {} from './index.js';\n\n${eventOf}`;
for (const element of elements) {
  const fields = settableFields(element);
  const events = namedEvents(element).filter((event) => event.name.includes('-'));
  const own = [...fields.map((f) => `'${f.name}'`), ...events.map((e) => `'on${e.name}'`)];
  react += doc(`Props of \`<${element.tagName}>\` in React 19 JSX.`, '');
  react += `export type ${element.name}JsxProps = Omit<\n  React.DetailedHTMLProps<React.HTMLAttributes<${element.name}>, ${element.name}>,\n  ${own.join(' | ') || 'never'}\n> & {\n`;
  for (const field of fields) {
    react += doc(field.description);
    react += `  ${field.name}?: ${element.name}['${field.name}'];\n`;
  }
  for (const event of events) {
    react += doc(event.description);
    react += `  'on${event.name}'?: (event: ${eventType(event.name)}) => void;\n`;
  }
  react += '};\n\n';
}
react += `declare module 'react' {\n  namespace JSX {\n    interface IntrinsicElements {\n`;
for (const element of elements) {
  react += doc(element.summary ?? element.description, '      ');
  react += `      '${element.tagName}': ${element.name}JsxProps;\n`;
}
react += '    }\n  }\n}\n';
writeFileSync(join(outdir, 'react.d.ts'), react);

// Vue 3: templates write `@cif-dial`, which Vue compiles to an `onCifDial` prop and listens to
// `cif-dial`; `:prop` binds properties (Vue sets DOM properties the element has).
let vue = `${header('Vue')}import type { DefineComponent } from 'vue';\n${imports}\n// Loads the elements' event map (HTMLElementEventMap augmentations).\nimport type {} from './index.js';\n\n${eventOf}`;
for (const element of elements) {
  vue += doc(`Props and events of \`<${element.tagName}>\` in Vue templates.`, '');
  vue += `export interface ${element.name}VueProps {\n`;
  for (const field of settableFields(element)) {
    vue += doc(field.description);
    vue += `  ${field.name}?: ${element.name}['${field.name}'];\n`;
  }
  for (const event of namedEvents(element)) {
    vue += doc(event.description);
    vue += `  on${pascal(event.name)}?: (event: ${eventType(event.name)}) => void;\n`;
  }
  vue += '}\n\n';
}
vue += `declare module 'vue' {\n  interface GlobalComponents {\n`;
for (const element of elements) {
  vue += doc(element.summary ?? element.description, '    ');
  vue += `    '${element.tagName}': DefineComponent<${element.name}VueProps>;\n`;
}
vue += '  }\n}\n';
writeFileSync(join(outdir, 'vue.d.ts'), vue);

console.log(
  `[typings] ${pkg.name}: ${elements.map((e) => `<${e.tagName}>`).join(', ')} → dist/{vscode.html-custom-data,vscode.css-custom-data,web-types}.json, dist/{react,vue}.d.ts`,
);
