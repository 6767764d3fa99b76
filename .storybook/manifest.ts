import type { ArgTypes } from '@storybook/web-components-vite';
import { nothing } from 'lit';
import { Directive, PartType, directive, type ElementPart, type PartInfo } from 'lit/directive.js';
import manifest from 'virtual:cif-manifest';

/**
 * Storybook's view of the packages' custom-elements manifests (merged by `.storybook/main.ts` into
 * `virtual:cif-manifest`): the argTypes behind every component's Controls and docs tables, the events the
 * Actions panel logs, and a directive that renders a story's args onto its element.
 */

interface Item {
  name: string;
  description?: string;
  type?: { text?: string };
  default?: string;
}
interface Member extends Item {
  kind?: string;
  privacy?: string;
  static?: boolean;
  readonly?: boolean;
  attribute?: string;
}
interface Attribute extends Item {
  fieldName?: string;
}
interface Declaration {
  tagName?: string;
  members?: Member[];
  attributes?: Attribute[];
  events?: Item[];
  slots?: Item[];
  cssProperties?: Item[];
  cssParts?: Item[];
  cssStates?: Item[];
}

const declarations = new Map<string, Declaration>();
for (const module of manifest.modules as { declarations?: Declaration[] }[]) {
  for (const declaration of module.declarations ?? []) {
    if (declaration.tagName) declarations.set(declaration.tagName, declaration);
  }
}

/** The manifest's declaration of `tag`, if the manifests are built (`pnpm build` or `pnpm analyze`). */
export function declarationOf(tag: string): Declaration | undefined {
  return declarations.get(tag);
}

/** Every custom element the manifests declare. */
export function manifestTags(): string[] {
  return [...declarations.keys()];
}

/** `cif-dial` → `onCifDial`: the arg an event's action is stored under. */
export function eventArgName(event: string): string {
  const camel = event.replace(/[-_:.\s]+(.)?/g, (_match, chr?: string) =>
    chr ? chr.toUpperCase() : '',
  );
  return `on${camel.charAt(0).toUpperCase()}${camel.slice(1)}`;
}

/** Every event any element dispatches, with the tags that declare it. */
export function manifestEvents(): Map<string, Set<string>> {
  const events = new Map<string, Set<string>>();
  for (const [tag, declaration] of declarations) {
    for (const event of declaration.events ?? []) {
      if (!event.name) continue;
      const tags = events.get(event.name) ?? new Set<string>();
      tags.add(tag);
      events.set(event.name, tags);
    }
  }
  return events;
}

const unquote = (text: string) => text.trim().replace(/^['"]|['"]$/g, '');

/** `'dial' | 'dtmf'` → `['dial', 'dtmf']`; undefined when the type is not a union of string literals. */
function literalOptions(type: string): string[] | undefined {
  const parts = type.split('|').map((part) => part.trim());
  if (parts.length < 2 || !parts.every((part) => /^'[^']*'$/.test(part))) return undefined;
  return parts.map(unquote);
}

const isColourDefault = (value: string) =>
  /^(#|rgb|hsl|oklch|color-mix|var\(--cif-color-)/.test(value) || /^[A-Z][a-z]+$/.test(value);

/**
 * The argTypes of a custom element from its manifest (controls in their object form: argTypes from
 * `extractArgTypes` are not normalised like a story's own): attributes (with controls chosen from their types),
 * properties without an attribute, events (as actions), slots, CSS custom properties (each a control that
 * sets it on the element), parts and custom states. Used as `parameters.docs.extractArgTypes`, so every
 * component's Controls panel and docs tables come from the manifest.
 */
export function extractArgTypes(tag: string): ArgTypes | null {
  const declaration = declarations.get(tag);
  if (!declaration) return null;
  const argTypes: ArgTypes = {};
  const attributeFields = new Set<string>();

  for (const attribute of declaration.attributes ?? []) {
    const type = attribute.type?.text ?? 'string';
    const options = literalOptions(type);
    if (attribute.fieldName) attributeFields.add(attribute.fieldName);
    const property =
      attribute.fieldName && attribute.fieldName !== attribute.name
        ? `\n\nProperty: \`${attribute.fieldName}\`.`
        : '';
    argTypes[attribute.name] = {
      name: attribute.name,
      description: `${attribute.description ?? ''}${property}`,
      type: { name: 'other', value: type },
      ...(options
        ? { control: { type: options.length > 3 ? 'select' : 'inline-radio' }, options }
        : type === 'boolean'
          ? { control: { type: 'boolean' } }
          : /^number( \| undefined)?$/.test(type)
            ? { control: { type: 'number' } }
            : { control: { type: 'text' } }),
      table: {
        category: 'attributes',
        type: { summary: type },
        defaultValue: attribute.default === undefined ? undefined : { summary: attribute.default },
      },
    };
  }

  for (const member of declaration.members ?? []) {
    if (member.kind !== 'field' || member.static || member.privacy) continue;
    if (attributeFields.has(member.name) || member.name in argTypes) continue;
    argTypes[member.name] = {
      name: member.name,
      description: `${member.description ?? ''}${member.readonly ? '\n\nRead-only.' : ''}`,
      control: false,
      table: {
        category: 'properties',
        type: { summary: member.type?.text ?? '' },
        defaultValue: member.default === undefined ? undefined : { summary: member.default },
      },
    };
  }

  for (const event of declaration.events ?? []) {
    if (!event.name) continue;
    argTypes[eventArgName(event.name)] = {
      name: event.name,
      description: event.description ?? '',
      action: event.name,
      control: false,
      table: { category: 'events', type: { summary: event.type?.text ?? 'Event' } },
    };
  }

  for (const slot of declaration.slots ?? []) {
    if (typeof slot.name !== 'string') continue;
    argTypes[`slot:${slot.name}`] = {
      name: slot.name || '(default)',
      description: slot.description ?? '',
      control: false,
      table: { category: 'slots' },
    };
  }

  for (const property of declaration.cssProperties ?? []) {
    if (!property.name) continue;
    const fallback = property.default ?? '';
    argTypes[property.name] = {
      name: property.name,
      description: `${property.description ?? ''}\n\nSet it here to see it live; empty uses the default.`,
      control: {
        type:
          isColourDefault(fallback) || /color|background/.test(property.name) ? 'color' : 'text',
      },
      table: {
        category: 'css custom properties',
        type: { summary: 'CSS value' },
        defaultValue: fallback ? { summary: fallback } : undefined,
      },
    };
  }

  for (const part of declaration.cssParts ?? []) {
    if (!part.name) continue;
    argTypes[`part:${part.name}`] = {
      name: part.name,
      description: `${part.description ?? ''}\n\nStyle it with \`${tag}::part(${part.name})\`.`,
      control: false,
      table: { category: 'css shadow parts' },
    };
  }

  for (const state of declaration.cssStates ?? []) {
    if (!state.name) continue;
    argTypes[`state:${state.name}`] = {
      name: state.name,
      description: `${state.description ?? ''}\n\nSelect it with \`${tag}:state(${state.name})\`.`,
      control: false,
      table: { category: 'css custom states' },
    };
  }
  return argTypes;
}

/** The manifest's description of `tag` (its class JSDoc), for the docs page. */
export function extractComponentDescription(tag: string): string | undefined {
  const declaration = declarations.get(tag) as
    { description?: string; summary?: string } | undefined;
  return declaration?.description || declaration?.summary;
}

/** Keys that look like attribute names; used for elements missing from the manifests. */
const attributeLike = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

class ArgsDirective extends Directive {
  #applied = new Set<string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('cifArgs() belongs on an element');
  }

  render(_args: Record<string, unknown>) {
    return nothing;
  }

  override update(part: ElementPart, [args]: [Record<string, unknown>]) {
    const el = part.element as HTMLElement;
    const declaration = declarations.get(el.localName);
    const attributes = declaration
      ? new Set((declaration.attributes ?? []).map((attribute) => attribute.name))
      : undefined;
    const seen = new Set<string>();
    for (const [key, value] of Object.entries(args)) {
      if (key.startsWith('--')) {
        seen.add(key);
        if (typeof value === 'string' && value.trim()) el.style.setProperty(key, value);
        else el.style.removeProperty(key);
        continue;
      }
      if (attributes ? !attributes.has(key) : !attributeLike.test(key)) continue;
      seen.add(key);
      if (value === true) el.setAttribute(key, '');
      else if (value === false || value === undefined || value === null || value === '') {
        el.removeAttribute(key);
      } else if (typeof value === 'string' || typeof value === 'number') {
        el.setAttribute(key, String(value));
      } else el.setAttribute(key, JSON.stringify(value));
    }
    for (const key of this.#applied) {
      if (seen.has(key)) continue;
      if (key.startsWith('--')) el.style.removeProperty(key);
      else el.removeAttribute(key);
    }
    this.#applied = seen;
    return nothing;
  }
}

/**
 * Renders a story's args onto the element it is bound to: every arg named after one of the element's
 * attributes (per its manifest) as that attribute (`true` → present, `false`/empty → absent), and every
 * `--*` arg as an inline custom property. `<cif-dialpad ${cifArgs(args)}></cif-dialpad>`.
 */
export const cifArgs = directive(ArgsDirective);
