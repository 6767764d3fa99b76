/* global Node */
// Runs in the page (through Playwright): serialises the rendered DOM for the static floor pages, every
// open shadow root as declarative shadow DOM (`<template shadowrootmode="open">`) with its adopted style
// sheets as a `<style>` inside it, so the floor parses to the same DOM with the same styles. Lit's marker
// comments and scripts are dropped.

/**
 * @param {Element} root
 * @returns {{ head: string; body: string }}
 */
export function serializeDom(root) {
  const VOID = new Set([
    'area',
    'base',
    'br',
    'col',
    'embed',
    'hr',
    'img',
    'input',
    'link',
    'meta',
    'source',
    'track',
    'wbr',
  ]);
  /** @param {string} text */
  const esc = (text) =>
    text.replace(/[&<>\u00a0]/g, (c) =>
      c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&nbsp;',
    );
  /** @param {string} text */
  const attr = (text) => text.replace(/[&"]/g, (c) => (c === '&' ? '&amp;' : '&quot;'));
  /** @param {readonly CSSStyleSheet[]} sheets */
  const css = (sheets) =>
    sheets.map((sheet) => Array.from(sheet.cssRules, (rule) => rule.cssText).join('\n')).join('\n');
  /** @param {Node} node @returns {string} */
  const walk = (node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const parent = node.parentNode?.nodeName;
      const text = /** @type {Text} */ (node).data;
      return parent === 'STYLE' ? text : esc(text);
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return '';
    const el = /** @type {Element} */ (node);
    const tag = el.localName;
    if (tag === 'script') return '';
    let out = `<${tag}${Array.from(el.attributes, (a) => ` ${a.name}="${attr(a.value)}"`).join('')}>`;
    if (VOID.has(tag)) return out;
    const shadow = el.shadowRoot;
    if (shadow) {
      out += `<template shadowrootmode="open"${shadow.delegatesFocus ? ' shadowrootdelegatesfocus' : ''}>`;
      const styles = css(shadow.adoptedStyleSheets);
      if (styles) out += `<style>${styles}</style>`;
      out += Array.from(shadow.childNodes, walk).join('') + '</template>';
    }
    const children =
      tag === 'template'
        ? /** @type {HTMLTemplateElement} */ (el).content.childNodes
        : el.childNodes;
    return `${out}${Array.from(children, walk).join('')}</${tag}>`;
  };
  const documentStyles = css(document.adoptedStyleSheets);
  const linked = Array.from(
    document.querySelectorAll('head style, head link[rel="stylesheet"]'),
    walk,
  );
  return {
    head: (documentStyles ? `<style>${documentStyles}</style>` : '') + linked.join(''),
    body: Array.from(root.childNodes, walk).join(''),
  };
}
