/**
 * The OData subset CIF widgets use against Dataverse: `$select`, `$filter` (eq ne gt ge lt le, contains,
 * startswith, endswith, and, or, not, parentheses), `$search`, `$top`, `$orderby` and `$expand` with a
 * nested `$select`. Anything else answers a {@link DataverseError} with Dataverse's wording; nothing throws
 * anything else, whatever the input.
 */
import { DataverseError, badQuery, unknownProperty } from './errors.js';
import type { AttributeSchema, EntitySchema } from './schema.js';

export type EdmType =
  | 'Edm.String'
  | 'Edm.Int32'
  | 'Edm.Decimal'
  | 'Edm.Boolean'
  | 'Edm.Guid'
  | 'Edm.DateTimeOffset'
  | 'null';

export interface Literal {
  kind: 'literal';
  type: EdmType;
  value: string | number | boolean | null;
}
export interface PropertyRef {
  kind: 'property';
  name: string;
  attribute: string;
  type: EdmType;
}
export type Operand = Literal | PropertyRef;
export type ComparisonOperator = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';
export type StringFunction = 'contains' | 'startswith' | 'endswith';

/** A bound $filter expression. */
export type FilterNode =
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; operand: FilterNode }
  | { kind: 'compare'; op: ComparisonOperator; left: Operand; right: Operand }
  | { kind: 'function'; name: StringFunction; target: Operand; argument: Operand };

export interface OrderBy {
  attribute: string;
  descending: boolean;
}

export interface ExpandItem {
  navigation: string;
  select?: string[];
}

/** Parsed system query options. */
export interface QueryOptions {
  select?: string[];
  filter?: FilterNode;
  search?: string;
  top?: number;
  orderBy?: OrderBy[];
  expand?: ExpandItem[];
}

/** The largest page Dataverse returns (and the largest $top it accepts). */
export const MAX_PAGE_SIZE = 5000;

type Token =
  | { t: 'ws' | '(' | ')' | ',' | 'bad'; pos: number; text: string }
  | { t: 'string'; pos: number; text: string; value: string }
  | { t: 'number'; pos: number; text: string; value: number; integer: boolean }
  | { t: 'guid' | 'datetime' | 'ident'; pos: number; text: string };

const GUID_RE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/;
const DATETIME_RE =
  /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?(?:Z|[+-]\d{2}:\d{2})?)?/;
const NUMBER_RE = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?[mMdDfFlL]?/;
const IDENT_RE = /^[A-Za-z_][A-Za-z0-9_.@]*/;
const MAX_FILTER_LENGTH = 32_768;
const MAX_DEPTH = 64;

const syntaxError = (pos: number, text: string) =>
  badQuery(
    `Syntax error at position ${pos} in '${text.length > 200 ? `${text.slice(0, 200)}…` : text}'.`,
  );

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const c = text[i]!;
    if (/\s/.test(c)) {
      const m = /^\s+/.exec(rest)!;
      i += m[0].length;
      continue;
    }
    if (c === '(' || c === ')' || c === ',') {
      tokens.push({ t: c, pos: i, text: c });
      i++;
      continue;
    }
    if (c === "'") {
      let value = '';
      let j = i + 1;
      for (;;) {
        if (j >= text.length)
          throw badQuery(`There is an unterminated string literal at position ${i} in '${text}'.`);
        const ch = text[j]!;
        if (ch === "'") {
          if (text[j + 1] === "'") {
            value += "'";
            j += 2;
            continue;
          }
          break;
        }
        value += ch;
        j++;
      }
      tokens.push({ t: 'string', pos: i, text: text.slice(i, j + 1), value });
      i = j + 1;
      continue;
    }
    const guid = GUID_RE.exec(rest);
    if (guid && !/[A-Za-z0-9_]/.test(rest[guid[0].length] ?? '')) {
      tokens.push({ t: 'guid', pos: i, text: guid[0] });
      i += guid[0].length;
      continue;
    }
    const date = DATETIME_RE.exec(rest);
    if (date && !/[A-Za-z0-9_]/.test(rest[date[0].length] ?? '')) {
      tokens.push({ t: 'datetime', pos: i, text: date[0] });
      i += date[0].length;
      continue;
    }
    const num = NUMBER_RE.exec(rest);
    if (num && !/[A-Za-z_]/.test(rest[num[0].length] ?? '')) {
      const clean = num[0].replace(/[mMdDfFlL]$/, '');
      tokens.push({
        t: 'number',
        pos: i,
        text: num[0],
        value: Number(clean),
        integer: /^-?\d+$/.test(clean),
      });
      i += num[0].length;
      continue;
    }
    const ident = IDENT_RE.exec(rest);
    if (ident) {
      tokens.push({ t: 'ident', pos: i, text: ident[0] });
      i += ident[0].length;
      continue;
    }
    // Left to the parser, so that an unknown function is reported before its odd arguments.
    tokens.push({ t: 'bad', pos: i, text: c });
    i++;
  }
  return tokens;
}

const COMPARISON = new Set<string>(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const STRING_FUNCTIONS = new Set<string>(['contains', 'startswith', 'endswith']);
const OPERATOR_KIND: Record<ComparisonOperator, string> = {
  eq: 'Equal',
  ne: 'NotEqual',
  gt: 'GreaterThan',
  ge: 'GreaterThanOrEqual',
  lt: 'LessThan',
  le: 'LessThanOrEqual',
};

/** Edm type of a column, or undefined for columns that cannot be filtered on directly (lookups). */
export function edmType(attr: AttributeSchema): EdmType | undefined {
  switch (attr.type) {
    case 'String':
    case 'Memo':
      return 'Edm.String';
    case 'Integer':
    case 'Picklist':
    case 'State':
    case 'Status':
      return 'Edm.Int32';
    case 'Decimal':
    case 'Money':
      return 'Edm.Decimal';
    case 'Boolean':
      return 'Edm.Boolean';
    case 'DateTime':
      return 'Edm.DateTimeOffset';
    case 'Uniqueidentifier':
      return 'Edm.Guid';
    default:
      return undefined;
  }
}

/**
 * Resolves a property name as the Web API sees it: a column (`telephone1`) or a lookup value
 * (`_parentcustomerid_value`). Returns the storage attribute and the Edm type.
 */
export function resolveProperty(
  schema: EntitySchema,
  name: string,
): { attribute: string; type: EdmType } {
  const lookup = /^_(.+)_value$/.exec(name);
  if (lookup) {
    const attr = schema.attributes[lookup[1]!];
    if (attr && (attr.type === 'Lookup' || attr.type === 'Customer' || attr.type === 'Owner')) {
      return { attribute: attr.logicalName, type: 'Edm.Guid' };
    }
    throw unknownProperty(name, schema.logicalName);
  }
  const attr = Object.prototype.hasOwnProperty.call(schema.attributes, name)
    ? schema.attributes[name]
    : undefined;
  const type = attr && edmType(attr);
  if (!attr || !type) throw unknownProperty(name, schema.logicalName);
  return { attribute: attr.logicalName, type };
}

const numeric = (t: EdmType) => t === 'Edm.Int32' || t === 'Edm.Decimal';
const compatible = (a: EdmType, b: EdmType) =>
  a === b || a === 'null' || b === 'null' || (numeric(a) && numeric(b));

class Parser {
  #i = 0;
  #depth = 0;
  constructor(
    readonly tokens: Token[],
    readonly text: string,
    readonly schema: EntitySchema,
  ) {}

  parse(): FilterNode {
    if (this.tokens.length === 0) throw badQuery('The $filter expression must not be empty.');
    const node = this.or();
    const extra = this.tokens[this.#i];
    if (extra) throw syntaxError(extra.pos, this.text);
    return node;
  }

  #peek(): Token | undefined {
    return this.tokens[this.#i];
  }

  #keyword(word: string): boolean {
    const token = this.#peek();
    if (token?.t === 'ident' && token.text === word) {
      this.#i++;
      return true;
    }
    return false;
  }

  #expect(t: Token['t']): Token {
    const token = this.#peek();
    if (token?.t !== t) throw syntaxError(token?.pos ?? this.text.length, this.text);
    this.#i++;
    return token;
  }

  or(): FilterNode {
    let left = this.and();
    while (this.#keyword('or')) left = { kind: 'or', left, right: this.and() };
    return left;
  }

  and(): FilterNode {
    let left = this.unary();
    while (this.#keyword('and')) left = { kind: 'and', left, right: this.unary() };
    return left;
  }

  unary(): FilterNode {
    if (++this.#depth > MAX_DEPTH) throw badQuery('The $filter expression is nested too deeply.');
    try {
      if (this.#keyword('not')) return { kind: 'not', operand: this.unary() };
      return this.primary();
    } finally {
      this.#depth--;
    }
  }

  primary(): FilterNode {
    const token = this.#peek();
    if (!token) throw syntaxError(this.text.length, this.text);
    if (token.t === '(') {
      this.#i++;
      const inner = this.or();
      this.#expect(')');
      return inner;
    }
    const next = this.tokens[this.#i + 1];
    if (token.t === 'ident' && next?.t === '(') {
      this.#i++;
      return this.call(token);
    }
    if (token.t === 'ident' && next?.t === 'ident' && /^(any|all)$/.test(next.text)) {
      throw badQuery('Lambda operators (any, all) are not supported by the emulator.');
    }
    const left = this.operand();
    const op = this.#peek();
    if (op?.t !== 'ident' || !COMPARISON.has(op.text)) {
      if (op?.t === 'ident' && /^(has|in|add|sub|mul|div|mod)$/.test(op.text)) {
        throw badQuery(`The '${op.text}' operator is not supported by the emulator.`);
      }
      throw syntaxError(op?.pos ?? this.text.length, this.text);
    }
    this.#i++;
    const right = this.operand();
    const operator = op.text as ComparisonOperator;
    if (!compatible(left.type, right.type)) {
      throw badQuery(
        `A binary operator with incompatible types was detected. Found operand types '${left.type}' and '${right.type}' for operator kind '${OPERATOR_KIND[operator]}'.`,
      );
    }
    if (
      operator !== 'eq' &&
      operator !== 'ne' &&
      (left.type === 'Edm.Boolean' || right.type === 'null')
    ) {
      throw badQuery(
        `The operator '${operator}' cannot compare '${left.type}' and '${right.type}'.`,
      );
    }
    return { kind: 'compare', op: operator, left, right };
  }

  call(name: Token): FilterNode {
    if (!STRING_FUNCTIONS.has(name.text)) {
      throw badQuery(
        `An unknown function with name '${name.text}' was found. This may also be a function import or a key lookup on a navigation property, which is not allowed.`,
      );
    }
    this.#expect('(');
    const target = this.operand();
    this.#expect(',');
    const argument = this.operand();
    this.#expect(')');
    const fn = name.text as StringFunction;
    if (
      target.type !== 'Edm.String' ||
      (argument.type !== 'Edm.String' && argument.type !== 'null')
    ) {
      throw badQuery(
        `No function signature for the function with name '${fn}' matches the specified arguments. The function signatures considered are: ${fn}(Edm.String Nullable=true, Edm.String Nullable=true).`,
      );
    }
    return { kind: 'function', name: fn, target, argument };
  }

  operand(): Operand {
    const token = this.#peek();
    if (!token) throw syntaxError(this.text.length, this.text);
    this.#i++;
    switch (token.t) {
      case 'string':
        return { kind: 'literal', type: 'Edm.String', value: token.value };
      case 'number':
        if (!Number.isFinite(token.value))
          throw badQuery(`The number '${token.text}' is out of range.`);
        return {
          kind: 'literal',
          type: token.integer ? 'Edm.Int32' : 'Edm.Decimal',
          value: token.value,
        };
      case 'guid':
        return { kind: 'literal', type: 'Edm.Guid', value: token.text.toLowerCase() };
      case 'datetime': {
        const time = Date.parse(token.text);
        if (Number.isNaN(time)) throw badQuery(`The date '${token.text}' is not valid.`);
        return { kind: 'literal', type: 'Edm.DateTimeOffset', value: time };
      }
      case 'ident': {
        if (token.text === 'true' || token.text === 'false') {
          return { kind: 'literal', type: 'Edm.Boolean', value: token.text === 'true' };
        }
        if (token.text === 'null') return { kind: 'literal', type: 'null', value: null };
        if (
          COMPARISON.has(token.text) ||
          token.text === 'and' ||
          token.text === 'or' ||
          token.text === 'not'
        ) {
          throw syntaxError(token.pos, this.text);
        }
        const after = this.#peek();
        if (token.text.includes('.') || (after?.t === 'bad' && after.text === '/')) {
          throw badQuery(
            `Navigation paths such as '${token.text}' are not supported by the emulator.`,
          );
        }
        const { attribute, type } = resolveProperty(this.schema, token.text);
        return { kind: 'property', name: token.text, attribute, type };
      }
      default:
        throw syntaxError(token.pos, this.text);
    }
  }
}

/** Parses and type-checks a `$filter` expression against an entity. */
export function parseFilter(text: string, schema: EntitySchema): FilterNode {
  if (text.length > MAX_FILTER_LENGTH) throw badQuery('The $filter expression is too long.');
  return new Parser(tokenize(text), text, schema).parse();
}

/** Folds case and accents as Dataverse's default collation (Latin1_General_CI_AI) does. */
export function fold(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en-US');
}

/** A record's value as the filter sees it: lookups become their id, dates their time. */
export type ValueReader = (attribute: string, type: EdmType) => string | number | boolean | null;

function operandValue(operand: Operand, read: ValueReader): string | number | boolean | null {
  return operand.kind === 'literal' ? operand.value : read(operand.attribute, operand.type);
}

function compareValues(a: string | number | boolean, b: string | number | boolean): number {
  if (typeof a === 'string' && typeof b === 'string') {
    const fa = fold(a);
    const fb = fold(b);
    return fa < fb ? -1 : fa > fb ? 1 : 0;
  }
  const na = Number(a);
  const nb = Number(b);
  return na < nb ? -1 : na > nb ? 1 : 0;
}

/** Evaluates a bound filter against one record. */
export function evaluateFilter(node: FilterNode, read: ValueReader): boolean {
  switch (node.kind) {
    case 'and':
      return evaluateFilter(node.left, read) && evaluateFilter(node.right, read);
    case 'or':
      return evaluateFilter(node.left, read) || evaluateFilter(node.right, read);
    case 'not':
      return !evaluateFilter(node.operand, read);
    case 'function': {
      const target = operandValue(node.target, read);
      const argument = operandValue(node.argument, read);
      if (typeof target !== 'string' || typeof argument !== 'string') return false;
      const t = fold(target);
      const x = fold(argument);
      if (node.name === 'contains') return t.includes(x);
      if (node.name === 'startswith') return t.startsWith(x);
      return t.endsWith(x);
    }
    case 'compare': {
      const left = operandValue(node.left, read);
      const right = operandValue(node.right, read);
      if (left === null || right === null) {
        const equal = left === right;
        if (node.op === 'eq') return equal;
        if (node.op === 'ne') return !equal;
        return false;
      }
      const c = compareValues(left, right);
      switch (node.op) {
        case 'eq':
          return c === 0;
        case 'ne':
          return c !== 0;
        case 'gt':
          return c > 0;
        case 'ge':
          return c >= 0;
        case 'lt':
          return c < 0;
        default:
          return c <= 0;
      }
    }
  }
}

/** Splits on `sep` outside single-quoted strings and parentheses. */
function splitOutside(text: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'") quoted = !quoted;
    else if (!quoted && c === '(') depth++;
    else if (!quoted && c === ')') depth = Math.max(0, depth - 1);
    else if (!quoted && depth === 0 && c === sep) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw badQuery(`The query string '${value.slice(0, 200)}' is not a valid URI component.`);
  }
}

function parseSelect(value: string, schema: EntitySchema): string[] {
  const names = value.split(',').map((s) => s.trim());
  if (names.some((n) => !n)) throw badQuery(`Syntax error in $select '${value}'.`);
  for (const name of names) resolveProperty(schema, name);
  return names;
}

const KNOWN_OPTIONS = new Set(['$select', '$filter', '$search', '$top', '$orderby', '$expand']);

/**
 * Parses an OData query string (`?$select=…&$filter=…`), leading `?` optional, values URI-decoded.
 * `resolveExpand` validates a navigation property and returns the schema its nested `$select` applies to.
 */
export function parseQueryOptions(
  query: string | null | undefined,
  schema: EntitySchema,
  resolveExpand?: (navigation: string) => EntitySchema,
): QueryOptions {
  const options: QueryOptions = {};
  if (query === null || query === undefined) return options;
  if (typeof query !== 'string') throw badQuery('The query options must be a string.');
  const text = query.trim().replace(/^\?/, '');
  if (!text) return options;
  const seen = new Set<string>();
  for (const part of splitOutside(text, '&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const rawName = (eq < 0 ? part : part.slice(0, eq)).trim();
    const name = decode(rawName);
    const value = eq < 0 ? '' : decode(part.slice(eq + 1));
    if (!name.startsWith('$')) continue; // custom parameters are ignored, as the Web API does
    if (!KNOWN_OPTIONS.has(name)) throw badQuery(`The query parameter '${name}' is not supported.`);
    if (seen.has(name))
      throw badQuery(
        `Query option '${name}' was specified more than once, but it must be specified at most once.`,
      );
    seen.add(name);
    switch (name) {
      case '$select':
        options.select = parseSelect(value, schema);
        break;
      case '$filter':
        options.filter = parseFilter(value, schema);
        break;
      case '$search':
        options.search = value;
        break;
      case '$top': {
        if (!/^\d+$/.test(value.trim())) {
          throw badQuery(
            `Invalid value '${value}' for $top query option found. The $top query option requires a non-negative integer value.`,
          );
        }
        const top = Number(value.trim());
        if (top > MAX_PAGE_SIZE)
          throw badQuery(
            `The limit of '${MAX_PAGE_SIZE}' for Top query has been exceeded. The value from the incoming request is '${top}'.`,
          );
        options.top = top;
        break;
      }
      case '$orderby':
        options.orderBy = value.split(',').map((item) => {
          const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)(?:\s+(asc|desc))?\s*$/.exec(item);
          if (!m) throw badQuery(`Syntax error in $orderby '${value}'.`);
          resolveProperty(schema, m[1]!);
          return { attribute: m[1]!, descending: m[2] === 'desc' };
        });
        break;
      case '$expand':
        options.expand = splitOutside(value, ',').map((item) => {
          const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\((.*)\))?\s*$/.exec(item);
          if (!m) throw badQuery(`Syntax error in $expand '${value}'.`);
          const navigation = m[1]!;
          const target = resolveExpand ? resolveExpand(navigation) : undefined;
          const expand: ExpandItem = { navigation };
          if (m[2]?.trim()) {
            for (const nested of splitOutside(m[2], ';')) {
              const ne = nested.indexOf('=');
              const key = nested.slice(0, ne < 0 ? undefined : ne).trim();
              if (key !== '$select' || ne < 0 || !target) {
                throw badQuery(
                  `The nested query option '${key}' in $expand is not supported by the emulator.`,
                );
              }
              expand.select = parseSelect(nested.slice(ne + 1), target);
            }
          }
          return expand;
        });
        break;
    }
  }
  return options;
}

export { DataverseError };
