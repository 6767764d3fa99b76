/**
 * Slugs in template texts: `{name}` resolves from the first source that has it (templateParameters,
 * session context set with updateContext, …); `{anchor.<column>}` from the session's anchor record.
 * Unresolved slugs become empty. Values are text: the UI renders them as text, never as markup.
 */

export type SlugSource = Readonly<Record<string, unknown>> | undefined;

const SLUG = /\{([A-Za-z_][A-Za-z0-9_.@-]*)\}/g;

function text(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

/** Replaces every `{slug}` in `template`. */
export function resolveSlugs(
  template: string,
  sources: readonly SlugSource[],
  anchor?: (column: string) => unknown,
): string {
  if (typeof template !== 'string') return '';
  return template.replace(SLUG, (_, name: string) => {
    if (name.startsWith('anchor.') && anchor) return text(anchor(name.slice(7))) ?? '';
    for (const source of sources) {
      if (source && Object.prototype.hasOwnProperty.call(source, name)) {
        const value = text(source[name]);
        if (value !== undefined) return value;
      }
    }
    return '';
  });
}

/** Names of the slugs a template uses. */
export function slugNames(template: string): string[] {
  return [...template.matchAll(SLUG)].map((m) => m[1]!);
}
