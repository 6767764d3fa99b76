import type { CifQuery, CifQueryParts } from './types.js';

/**
 * Quotes a value as an OData string literal: `odataString("O'Brien")` → `'O''Brien'`. Use it for every value
 * placed in a `$filter`, so caller data (a phone number, a name) can never change the expression.
 */
export function odataString(value: string): string {
  return `'${String(value).replace(/'/g, "''")}'`;
}

/** Escapes the characters that would end a query parameter early (`%`, `&`, `#`, `+`). */
function escapeParameter(value: string): string {
  return value.replace(/[%&#+]/g, (char) => encodeURIComponent(char));
}

/**
 * Builds the query string CIF expects (`?$select=…&$filter=…`) from its parts; a string is returned as is
 * (with a leading `?` added when missing). Values are kept readable as in the CIF documentation, except the
 * few characters that would break the query string.
 *
 * @example
 * buildODataQuery({ select: ['fullname', 'telephone1'], filter: `telephone1 eq ${odataString(number)}`, top: 5 })
 * // "?$select=fullname,telephone1&$filter=telephone1 eq '+16195550129'&$top=5"
 */
export function buildODataQuery(query: CifQuery | undefined): string {
  if (query === undefined) return '';
  if (typeof query === 'string') {
    const trimmed = query.trim();
    return trimmed === '' || trimmed.startsWith('?') ? trimmed : `?${trimmed}`;
  }
  const parts: string[] = [];
  const q: CifQueryParts = query;
  if (q.select && q.select.length > 0) parts.push(`$select=${escapeParameter(q.select.join(','))}`);
  if (q.filter) parts.push(`$filter=${escapeParameter(q.filter)}`);
  if (q.search) parts.push(`$search=${escapeParameter(q.search)}`);
  if (q.expand) parts.push(`$expand=${escapeParameter(q.expand)}`);
  if (q.orderBy) parts.push(`$orderby=${escapeParameter(q.orderBy)}`);
  if (q.top !== undefined && Number.isFinite(q.top) && q.top > 0) {
    parts.push(`$top=${Math.min(Math.floor(q.top), 5000)}`);
  }
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}
