/**
 * A small OData query evaluator for the fake: `$select`, `$filter` (eq, ne, gt, ge, lt, le, and, or, not,
 * parentheses, contains, startswith, endswith), `$search`, `$top`, `$orderby`. Comparisons of text are
 * case-insensitive, like Dataverse's default collation.
 */
import type { JsonValue } from '../cif/types.js';

/** A record in the fake's store. */
export type FakeRecord = Readonly<Record<string, JsonValue>>;

/** Thrown for a query the evaluator cannot read. */
export class ODataQueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ODataQueryError';
  }
}

/** A parsed query string. */
export interface ParsedQuery {
  readonly select?: readonly string[];
  readonly filter?: (record: FakeRecord) => boolean;
  readonly search?: string;
  readonly top?: number;
  readonly orderBy?: { readonly attribute: string; readonly descending: boolean };
}

type Token =
  | { readonly kind: 'punct'; readonly value: '(' | ')' | ',' }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'word'; readonly value: string };

const GUID_LITERAL = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?!\w)/i;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (/\s/.test(char)) {
      i++;
    } else if (char === '(' || char === ')' || char === ',') {
      tokens.push({ kind: 'punct', value: char });
      i++;
    } else if (char === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new ODataQueryError('unterminated string literal');
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i];
        i++;
      }
      tokens.push({ kind: 'string', value });
    } else if (GUID_LITERAL.test(text.slice(i))) {
      // An id or lookup value: Dataverse writes GUIDs unquoted.
      const match = GUID_LITERAL.exec(text.slice(i))!;
      tokens.push({ kind: 'string', value: match[0] });
      i += match[0].length;
    } else if (/[-\d]/.test(char) && /^-?\d/.test(text.slice(i))) {
      const match = /^-?\d+(\.\d+)?/.exec(text.slice(i))!;
      tokens.push({ kind: 'number', value: Number(match[0]) });
      i += match[0].length;
    } else if (/[\w@./$]/.test(char)) {
      const match = /^[\w@./$]+/.exec(text.slice(i))!;
      tokens.push({ kind: 'word', value: match[0] });
      i += match[0].length;
    } else {
      throw new ODataQueryError(`unexpected character ${JSON.stringify(char)}`);
    }
  }
  return tokens;
}

type Predicate = (record: FakeRecord) => boolean;
type Literal = string | number | boolean | null;

const COMPARISONS = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const FUNCTIONS = new Set(['contains', 'startswith', 'endswith']);

function attributeValue(record: FakeRecord, attribute: string): JsonValue | undefined {
  const direct = record[attribute];
  if (direct !== undefined) return direct;
  const key = Object.keys(record).find((name) => name.toLowerCase() === attribute.toLowerCase());
  return key === undefined ? undefined : record[key];
}

function normalise(value: JsonValue | undefined | Literal): Literal | undefined {
  if (typeof value === 'string') return value.toLowerCase();
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return value;
  return undefined;
}

function compare(op: string, left: JsonValue | undefined, right: Literal): boolean {
  const a = normalise(left) ?? null;
  const b = normalise(right);
  switch (op) {
    case 'eq':
      return a === b;
    case 'ne':
      return a !== b;
  }
  if (a === null || b === null || b === undefined) return false;
  switch (op) {
    case 'gt':
      return a > b;
    case 'ge':
      return a >= b;
    case 'lt':
      return a < b;
    default:
      return a <= b;
  }
}

class Parser {
  #tokens: Token[];
  #index = 0;

  constructor(tokens: Token[]) {
    this.#tokens = tokens;
  }

  parse(): Predicate {
    const predicate = this.#or();
    if (this.#index < this.#tokens.length)
      throw new ODataQueryError('unexpected text after the expression');
    return predicate;
  }

  #peek(): Token | undefined {
    return this.#tokens[this.#index];
  }

  #next(): Token {
    const token = this.#tokens[this.#index++];
    if (!token) throw new ODataQueryError('unexpected end of $filter');
    return token;
  }

  #isWord(value: string): boolean {
    const token = this.#peek();
    return token?.kind === 'word' && token.value.toLowerCase() === value;
  }

  #expectPunct(value: '(' | ')' | ','): void {
    const token = this.#next();
    if (token.kind !== 'punct' || token.value !== value)
      throw new ODataQueryError(`expected ${value}`);
  }

  #or(): Predicate {
    let left = this.#and();
    while (this.#isWord('or')) {
      this.#index++;
      const l = left;
      const r = this.#and();
      left = (record) => l(record) || r(record);
    }
    return left;
  }

  #and(): Predicate {
    let left = this.#unary();
    while (this.#isWord('and')) {
      this.#index++;
      const l = left;
      const r = this.#unary();
      left = (record) => l(record) && r(record);
    }
    return left;
  }

  #unary(): Predicate {
    if (this.#isWord('not')) {
      this.#index++;
      const inner = this.#unary();
      return (record) => !inner(record);
    }
    return this.#primary();
  }

  #literal(): Literal {
    const token = this.#next();
    if (token.kind === 'string' || token.kind === 'number') return token.value;
    if (token.kind === 'word') {
      const word = token.value.toLowerCase();
      if (word === 'null') return null;
      if (word === 'true') return true;
      if (word === 'false') return false;
    }
    throw new ODataQueryError('expected a literal');
  }

  #primary(): Predicate {
    const token = this.#next();
    if (token.kind === 'punct' && token.value === '(') {
      const inner = this.#or();
      this.#expectPunct(')');
      return inner;
    }
    if (token.kind !== 'word') throw new ODataQueryError('expected an attribute or a function');
    const name = token.value.toLowerCase();
    if (FUNCTIONS.has(name) && this.#peek()?.kind === 'punct') {
      this.#expectPunct('(');
      const attribute = this.#next();
      if (attribute.kind !== 'word') throw new ODataQueryError(`${name} needs an attribute`);
      this.#expectPunct(',');
      const literal = this.#literal();
      this.#expectPunct(')');
      if (typeof literal !== 'string') throw new ODataQueryError(`${name} needs a string`);
      const needle = literal.toLowerCase();
      return (record) => {
        const value = attributeValue(record, attribute.value);
        if (typeof value !== 'string') return false;
        const haystack = value.toLowerCase();
        if (name === 'contains') return haystack.includes(needle);
        if (name === 'startswith') return haystack.startsWith(needle);
        return haystack.endsWith(needle);
      };
    }
    const op = this.#next();
    if (op.kind !== 'word' || !COMPARISONS.has(op.value.toLowerCase())) {
      throw new ODataQueryError(`expected a comparison after ${token.value}`);
    }
    const literal = this.#literal();
    const comparison = op.value.toLowerCase();
    return (record) => compare(comparison, attributeValue(record, token.value), literal);
  }
}

/** Parses a `$filter` expression into a predicate. */
export function parseFilter(expression: string): Predicate {
  return new Parser(tokenize(expression)).parse();
}

function decodeParameter(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, '%2B'));
  } catch {
    return value;
  }
}

/** Parses a CIF query string (`?$select=…&$filter=…`). */
export function parseQuery(query: string): ParsedQuery {
  const text = query.trim().replace(/^\?/, '');
  const result: {
    select?: string[];
    filter?: Predicate;
    search?: string;
    top?: number;
    orderBy?: { attribute: string; descending: boolean };
  } = {};
  if (text === '') return result;
  for (const part of text.split('&')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim().toLowerCase();
    const value = decodeParameter(part.slice(eq + 1));
    switch (key) {
      case '$select':
        result.select = value
          .split(',')
          .map((name) => name.trim())
          .filter(Boolean);
        break;
      case '$filter':
        result.filter = parseFilter(value);
        break;
      case '$search':
        result.search = value.trim();
        break;
      case '$top': {
        const top = Number(value);
        if (!Number.isInteger(top) || top < 0)
          throw new ODataQueryError('$top must be a non-negative integer');
        result.top = top;
        break;
      }
      case '$orderby': {
        const [attribute = '', direction = 'asc'] = value.trim().split(/\s+/);
        result.orderBy = { attribute, descending: direction.toLowerCase() === 'desc' };
        break;
      }
      default:
        // $expand and unknown options are accepted and ignored.
        break;
    }
  }
  return result;
}

/** Applies a parsed query to records: filter, search, order, top, select. */
export function applyQuery(
  records: readonly FakeRecord[],
  query: ParsedQuery,
  idAttribute: string,
): FakeRecord[] {
  let rows = records.filter((record) => (query.filter ? query.filter(record) : true));
  if (query.search) {
    const needle = query.search.replace(/^"|"$/g, '').replace(/\*/g, '').toLowerCase();
    rows = rows.filter((record) =>
      Object.values(record).some(
        (value) => typeof value === 'string' && value.toLowerCase().includes(needle),
      ),
    );
  }
  if (query.orderBy) {
    const { attribute, descending } = query.orderBy;
    rows = [...rows].sort((a, b) => {
      const x = normalise(attributeValue(a, attribute)) ?? '';
      const y = normalise(attributeValue(b, attribute)) ?? '';
      const order = x === y ? 0 : (x ?? '') < (y ?? '') ? -1 : 1;
      return descending ? -order : order;
    });
  }
  if (query.top !== undefined) rows = rows.slice(0, query.top);
  if (query.select) {
    const names = [...new Set([...query.select, idAttribute])];
    rows = rows.map((record) =>
      Object.fromEntries(
        names.flatMap((name) => {
          const value = attributeValue(record, name);
          return value === undefined ? [] : [[name, value]];
        }),
      ),
    );
  }
  return rows;
}
