import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';

// The build minifies the templates of the shipped dist in place (scripts/minify-templates.mjs). Tests
// run on the sources, so this suite runs the same minifier (in Node, through the plugin in
// ../test/wtr-plugins.mjs) on every template of every package and checks that the browser parses the
// result to the same CSS rules and the same DOM.

interface SourceTemplate {
  where: string;
  kind: 'css' | 'html' | 'svg';
  strings: string[];
  minified?: string[];
}

async function minify<T>(payload: Record<string, unknown>): Promise<T> {
  const result = await executeServerCommand<{ value: T }, Record<string, unknown>>(
    'cif-minify-templates',
    payload,
  );
  return result.value;
}

/**
 * The rules of a stylesheet as the browser serialises them (normalised values and selectors). Custom
 * property values keep their white space in the CSSOM, where it means nothing: it is normalised here.
 */
function cssRules(text: string): string[] {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text);
  return [...sheet.cssRules].map((rule) =>
    rule.cssText
      .replace(/\s+/g, ' ')
      .replace(/\( /g, '(')
      .replace(/ \)/g, ')')
      .replace(/ ?, ?/g, ', '),
  );
}

/** A template's strings joined as Lit joins them, with one marker per expression that fits anywhere. */
const joined = (strings: readonly string[]) =>
  strings.reduce((all, part, i) => `${all}cifexpr${i - 1}x${part}`);

function parse(kind: 'html' | 'svg', strings: readonly string[]): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = kind === 'svg' ? `<svg>${joined(strings)}</svg>` : joined(strings);
  return template.content;
}

/** Text as rendered under `white-space: normal` (runs collapse to one space). */
const normal = (text: string) => text.replace(/[ \t\n\f\r]+/g, ' ');
/** Text as rendered under `white-space: pre-line` (spaces collapse, line breaks stay). */
const preLine = (text: string) => text.replace(/[ \t\f\r]+/g, ' ').replace(/ ?\n ?/g, '\n');

const RAW = new Set(['PRE', 'TEXTAREA', 'SCRIPT', 'STYLE', 'TITLE']);

/**
 * Differences between two parsed templates: structure, tag names, attributes (names and exact values),
 * comments, and text (exact inside raw-text elements, otherwise rendered the same under
 * `white-space: normal` and `pre-line`; no text node may appear or vanish).
 */
function differences(a: Node, b: Node, path = ''): string[] {
  if (a.nodeType !== b.nodeType || a.nodeName !== b.nodeName) {
    return [`${path}: ${a.nodeName} became ${b.nodeName}`];
  }
  const out: string[] = [];
  if (a instanceof Element && b instanceof Element) {
    const attrs = (el: Element) =>
      el
        .getAttributeNames()
        .sort()
        .map((name) => `${name}=${JSON.stringify(el.getAttribute(name))}`);
    if (attrs(a).join(' ') !== attrs(b).join(' ')) {
      out.push(`${path}: attributes ${attrs(a).join(' ')} became ${attrs(b).join(' ')}`);
    }
  }
  if (a instanceof CharacterData && b instanceof CharacterData) {
    const raw = a instanceof Comment || RAW.has(a.parentElement?.tagName ?? '');
    const same = raw
      ? a.data === b.data
      : normal(a.data) === normal(b.data) && preLine(a.data) === preLine(b.data);
    if (!same) out.push(`${path}: ${JSON.stringify(a.data)} became ${JSON.stringify(b.data)}`);
  }
  const children = (node: Node) => [
    ...(node instanceof HTMLTemplateElement ? node.content : node).childNodes,
  ];
  const left = children(a);
  const right = children(b);
  if (left.length !== right.length) {
    out.push(`${path}: ${left.length} child nodes became ${right.length}`);
    return out;
  }
  left.forEach((child, i) =>
    out.push(...differences(child, right[i] as Node, `${path}/${child.nodeName}`)),
  );
  return out;
}

describe('minified templates (the build step for dist)', () => {
  let templates: SourceTemplate[] = [];

  before(async function () {
    this.timeout(60_000); // parses every source file of the repository
    templates = await minify<SourceTemplate[]>({ action: 'sources' });
  });

  it('finds the templates of every component package', () => {
    const packages = new Set(templates.map((t) => t.where.split('/')[1]));
    for (const name of [
      'base',
      'dialpad',
      'incoming-call-toast',
      'call-controls',
      'contact-card',
    ]) {
      expect(packages, name).to.include(name);
    }
    expect(templates.filter((t) => t.kind === 'css').length).to.be.above(5);
    expect(templates.filter((t) => t.kind === 'html').length).to.be.above(20);
  });

  it('minifies every stylesheet to the same rules and makes it smaller', () => {
    let before = 0;
    let after = 0;
    for (const template of templates.filter((t) => t.kind === 'css')) {
      expect(template.minified, `${template.where} was minified`).to.be.an('array');
      const source = template.strings.join('');
      const minified = template.minified!.join('');
      expect(cssRules(minified), template.where).to.deep.equal(cssRules(source));
      before += source.length;
      after += minified.length;
    }
    expect(after, 'minified CSS').to.be.below(before * 0.8);
  });

  it('keeps nesting and light-dark() as written, and expressions in place', async () => {
    const nested = await minify<string[] | null>({
      action: 'css',
      strings: [':host {\n  color: light-dark(#000000, #ffffff);\n  & p { margin: 0px; }\n}\n'],
    });
    expect(nested).to.deep.equal([':host{color:light-dark(#000000,#ffffff);& p{margin:0}}']);
    const withValues = await minify<string[] | null>({
      action: 'css',
      strings: ['\n  :host {\n    inline-size: ', 'px;\n    color: ', ';\n  }\n'],
    });
    expect(withValues).to.deep.equal([':host{inline-size:', 'px;color:', '}']);
    // An expression the minifier cannot carry through leaves the template as written.
    const trailing = await minify<string[] | null>({
      action: 'css',
      strings: [':host { color: red; }\n', ''],
    });
    expect(trailing).to.equal(null);
  });

  it('collapses template white space to the same DOM and the same rendered text', () => {
    let before = 0;
    let after = 0;
    for (const template of templates.filter((t) => t.kind !== 'css')) {
      const kind = template.kind as 'html' | 'svg';
      expect(template.minified!.length, template.where).to.equal(template.strings.length);
      expect(
        differences(parse(kind, template.strings), parse(kind, template.minified!)),
        template.where,
      ).to.deep.equal([]);
      before += template.strings.join('').length;
      after += template.minified!.join('').length;
    }
    expect(after, 'minified templates').to.be.below(before * 0.9);
  });

  it('never touches attribute values, comments, <pre>, <textarea>, <style> or no-break spaces', async () => {
    const strings = [
      '\n  <div\n    title="two\n      lines"\n    class=',
      '\n  >\n    <pre>\n  kept\n    as is</pre>\n    <textarea>\n  a\n</textarea>\n    <!--\n   note -->\n    <style>\n  p {}\n</style>\n    <span>a</span>\n    <span>b</span>\u00a0\n    ',
      '\n  </div>\n',
    ];
    const minified = await minify<string[]>({ action: 'html', strings });
    expect(minified).to.deep.equal([
      '\n<div\ntitle="two\n      lines"\nclass=',
      '\n>\n<pre>\n  kept\n    as is</pre>\n<textarea>\n  a\n</textarea>\n<!--\n   note -->\n<style>\n  p {}\n</style>\n<span>a</span>\n<span>b</span>\u00a0\n',
      '\n</div>\n',
    ]);
    expect(differences(parse('html', strings), parse('html', minified))).to.deep.equal([]);
    const rendered = document.createElement('div');
    rendered.append(parse('html', minified));
    document.body.append(rendered);
    expect(rendered.querySelector('div')!.innerText).to.contain('a b');
    rendered.remove();
  });

  it('leaves the html templates of a package alone when its CSS renders spaces as written', async () => {
    const preserves = (css: string) => minify<boolean>({ action: 'preserves', css });
    for (const css of [
      '.a { white-space: pre; }',
      '.a{white-space:pre-wrap}',
      '.a { white-space: break-spaces }',
      '.a { white-space-collapse: preserve }',
    ]) {
      expect(await preserves(css), css).to.equal(true);
    }
    for (const css of ['.a { white-space: pre-line; }', '.a { white-space: nowrap }']) {
      expect(await preserves(css), css).to.equal(false);
    }
  });

  it('remaps the source map of a rewritten module to the same source positions', async () => {
    const source = [
      "import { css, html } from 'lit';",
      'export const styles = css`',
      '  :host {',
      '    display: block;',
      '  }',
      '`;',
      'export class Probe {',
      '  label = "x";',
      '  count = 1;',
      '  render() {',
      '    return html`',
      '      <p',
      '        title=${this.label}',
      '      >',
      '        ${this.count}',
      '      </p>',
      '    `;',
      '  }',
      '  other() {',
      '    return this.count;',
      '  }',
      '}',
    ].join('\n');
    const result = await minify<{
      changed: boolean;
      identifiers: { identifier: string; mapped: string | null }[];
    }>({ action: 'sourcemap', source });
    expect(result.changed).to.equal(true);
    expect(result.identifiers.length).to.equal(3);
    for (const { identifier, mapped } of result.identifiers) {
      expect(mapped, identifier).to.be.a('string');
      expect(mapped!.startsWith(identifier), `${identifier} maps to "${mapped}"`).to.equal(true);
    }
  });
});
