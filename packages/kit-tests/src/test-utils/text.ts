import { composedElements } from './fixtures.js';

const NAMING_ATTRIBUTES = ['aria-label', 'aria-description', 'placeholder', 'title', 'alt'];

/**
 * Every piece of text a component presents: its text nodes (visible or announced) and the attributes
 * that name or describe its parts, trimmed, in document order.
 */
export function presentedTexts(root: Element): string[] {
  const out: string[] = [];
  for (const el of [root, ...composedElements(root)]) {
    if (el.localName === 'style' || el.localName === 'script') continue;
    for (const node of Array.from(el.shadowRoot?.childNodes ?? []).concat(
      Array.from(el.childNodes),
    )) {
      if (node.nodeType === Node.TEXT_NODE) {
        const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
        if (text) out.push(text);
      }
    }
    for (const name of NAMING_ATTRIBUTES) {
      const value = el.getAttribute(name)?.trim();
      if (value) out.push(value);
    }
  }
  return out;
}
