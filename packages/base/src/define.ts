/** A custom element class that may carry a CIF Elements version stamp. */
export type StampedConstructor = CustomElementConstructor & { readonly version?: string };

import { warnOnce } from './warn.js';

/**
 * Registers a custom element without ever throwing.
 *
 * Widget pages easily load two copies of the kit (a vendor bundle and a CDN script, two micro-frontends).
 * A second definition of the same tag with the same version is a no-op; with another version it keeps
 * the first and warns once; an invalid tag warns once. Returns whether this call defined the tag.
 */
export function defineElement(tag: string, constructor: StampedConstructor): boolean {
  const registry = globalThis.customElements;
  const existing: StampedConstructor | undefined = registry?.get(tag);
  if (existing) {
    if (existing.version !== constructor.version) {
      warnOnce(
        'cif-elements',
        tag,
        `<${tag}> is already defined by version ${existing.version}; version ${constructor.version} ` +
          `was not registered. Load one copy of the kit.`,
      );
    }
    return false;
  }
  if (!registry) return false;
  try {
    registry.define(tag, constructor);
    return true;
  } catch (error) {
    warnOnce('cif-elements', tag, `<${tag}> could not be defined: ${String(error)}`);
    return false;
  }
}
