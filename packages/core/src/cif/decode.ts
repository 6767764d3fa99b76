/**
 * Reading what the library returns: JSON strings, Maps, array-like objects and plain values, possibly
 * malformed or hostile. Every function either returns a clean JSON value or throws a DecodeError, which the
 * client turns into an `invalid-response` CifError.
 */
import type { JsonObject, JsonValue } from './types.js';

/** Thrown when a value cannot be read as the expected shape. Internal to the client. */
export class DecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DecodeError';
  }
}

const MAX_DEPTH = 64;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value instanceof Map) return 'a Map';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value.length > 60 ? 'a string' : JSON.stringify(value);
  return typeof value;
}

/** Reads an own enumerable property list without trusting getters or proxies. */
function entriesOf(value: object): [string, unknown][] {
  try {
    if (value instanceof Map) {
      const out: [string, unknown][] = [];
      for (const [key, item] of value) {
        if (typeof key === 'string' || typeof key === 'number') out.push([String(key), item]);
      }
      return out;
    }
    return Object.keys(value).map((key) => [key, (value as Record<string, unknown>)[key]]);
  } catch {
    return [];
  }
}

/**
 * Converts any value into a JSON value: Maps become objects, JSON is not parsed (strings stay strings),
 * functions, symbols and undefined are dropped, non-finite numbers become null, Dates become ISO text,
 * cycles and over-deep nesting are cut. Keys such as `__proto__` are kept as plain own keys.
 */
export function toJsonValue(
  value: unknown,
  depth = 0,
  seen = new Set<object>(),
): JsonValue | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'bigint':
      return value.toString();
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
  }
  if (value === null) return null;
  const object = value as object;
  if (depth >= MAX_DEPTH || seen.has(object)) return undefined;
  try {
    if (object instanceof Date) {
      return Number.isNaN(object.getTime()) ? null : object.toISOString();
    }
    seen.add(object);
    if (Array.isArray(object)) {
      const items: JsonValue[] = [];
      for (const item of object as unknown[])
        items.push(toJsonValue(item, depth + 1, seen) ?? null);
      return items;
    }
    const pairs: [string, JsonValue][] = [];
    for (const [key, item] of entriesOf(object)) {
      const json = toJsonValue(item, depth + 1, seen);
      if (json !== undefined) pairs.push([key, json]);
    }
    return Object.fromEntries<JsonValue>(pairs);
  } catch {
    return undefined;
  } finally {
    seen.delete(object);
  }
}

/** Whether a string looks like a JSON document rather than plain text. */
function looksLikeJson(text: string): boolean {
  const first = text.trimStart()[0];
  return first === '{' || first === '[' || first === '"';
}

/**
 * Decodes a result: a JSON string is parsed (a string that is not JSON is kept as text), a Map becomes an
 * object, anything else is made a clean JSON value. Strings nested in the result are left as they are.
 */
export function decode(value: unknown): JsonValue {
  if (typeof value === 'string' && looksLikeJson(value)) {
    try {
      return toJsonValue(JSON.parse(value)) ?? null;
    } catch {
      throw new DecodeError(`expected JSON, got ${describe(value)}`);
    }
  }
  return toJsonValue(value) ?? null;
}

/** Like {@link decode}, but plain text that is not JSON is returned as text instead of failing. */
export function decodeLenient(value: unknown): JsonValue {
  try {
    return decode(value);
  } catch {
    return typeof value === 'string' ? value : null;
  }
}

/** Whether a JSON value is an object (not an array, not null). */
export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Decodes a result that must be an object (a JSON string of one, a Map, or an object). */
export function decodeObject(value: unknown): JsonObject {
  const decoded = decode(value);
  if (isJsonObject(decoded)) return decoded;
  // A JSON string encoded twice ("\"{...}\"") happens with hand-written hosts.
  if (typeof decoded === 'string' && looksLikeJson(decoded)) return decodeObject(decoded);
  throw new DecodeError(`expected an object, got ${describe(value)}`);
}

/** Decodes an object, or returns an empty one for nothing (null, undefined, empty text). */
export function decodeOptionalObject(value: unknown): JsonObject {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    return {};
  }
  return decodeObject(value);
}

/**
 * Decodes a list: an array, a JSON string of one, an array-like object (`{"0": {...}, "1": {...}}`, in
 * numeric key order, other keys ignored), an OData `{value: [...]}` envelope, or a Map of the same.
 */
export function decodeList(value: unknown): JsonValue[] {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    return [];
  }
  const decoded = decode(value);
  if (Array.isArray(decoded)) return decoded;
  if (isJsonObject(decoded)) {
    const indices = Object.keys(decoded)
      .filter((key) => /^(0|[1-9]\d{0,8})$/.test(key))
      .map(Number)
      .sort((a, b) => a - b);
    if (indices.length > 0) return indices.map((index) => decoded[String(index)] ?? null);
    const envelope = decoded.value;
    if (Array.isArray(envelope)) return envelope;
    if (Object.keys(decoded).length === 0 || decoded.length === 0) return [];
  }
  throw new DecodeError(`expected a list, got ${describe(value)}`);
}

/** Decodes a boolean: `true`/`false`, their text forms (any case), or JSON of them. */
export function decodeBoolean(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const text = value.trim().replace(/^"|"$/g, '').toLowerCase();
    if (text === 'true') return true;
    if (text === 'false') return false;
  }
  if (value === 1 || value === 0) return value === 1;
  const json = toJsonValue(value);
  if (isJsonObject(json) && typeof json.value === 'boolean') return json.value;
  throw new DecodeError(`expected a boolean, got ${describe(value)}`);
}

/** Decodes a finite number: a number, numeric text, or `{value: n}`. */
export function decodeNumber(value: unknown): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '') {
    const text = value.trim().replace(/^"|"$/g, '');
    const number = Number(text);
    if (text !== '' && Number.isFinite(number)) return number;
  }
  const json = toJsonValue(value);
  if (isJsonObject(json) && json.value !== undefined && json.value !== value) {
    return decodeNumber(json.value);
  }
  throw new DecodeError(`expected a number, got ${describe(value)}`);
}

/** Decodes text: a string (a JSON string literal is unquoted), or a number; null and undefined give ''. */
export function decodeText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') {
    if (value.startsWith('"')) {
      try {
        const parsed: unknown = JSON.parse(value);
        if (typeof parsed === 'string') return parsed;
      } catch {
        // Keep the text as it is.
      }
    }
    return value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new DecodeError(`expected text, got ${describe(value)}`);
}

/** Text from a JSON value, or undefined when it is not text (numbers are converted). */
export function optionalText(value: JsonValue | undefined): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** A finite number from a JSON value or numeric text, or undefined. */
export function optionalNumber(value: JsonValue | undefined): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '') {
    const number = Number(value.trim());
    if (Number.isFinite(number)) return number;
  }
  return undefined;
}

/** A boolean from a JSON value or its text form, or undefined. */
export function optionalBoolean(value: JsonValue | undefined): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const text = value.trim().toLowerCase();
    if (text === 'true') return true;
    if (text === 'false') return false;
  }
  return undefined;
}

/**
 * A Dataverse GUID without braces: `"{A8177E6E-…}"` → `"A8177E6E-…"`. Other text is trimmed and returned as is.
 */
export function stripBraces(id: string): string {
  const trimmed = id.trim();
  const match = /^\{([^{}]*)\}$/.exec(trimmed);
  return match ? match[1]!.trim() : trimmed;
}

/**
 * Parses JSON that may be an object, returning it; text that is not JSON is returned as text; nothing is null.
 * Used for `customParams` and session contexts.
 */
export function parseMaybeJson(value: JsonValue | undefined): JsonValue {
  if (value === undefined) return null;
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  if (trimmed === '') return value;
  if (/^[[{"]/.test(trimmed)) {
    try {
      return toJsonValue(JSON.parse(trimmed)) ?? null;
    } catch {
      return value;
    }
  }
  return value;
}

/**
 * Serialises an argument that CIF expects as a JSON string. Strings are passed through (the caller already
 * serialised them); objects are stringified. Throws a DecodeError for values JSON cannot represent.
 */
export function encodeJson(value: unknown, what: string): string {
  if (typeof value === 'string') return value;
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch (error) {
    throw new DecodeError(`${what} cannot be serialised to JSON: ${String(error)}`);
  }
  if (json === undefined) throw new DecodeError(`${what} cannot be serialised to JSON`);
  return json;
}
