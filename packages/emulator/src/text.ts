/** Text of an unknown value for display and slugs: strings as they are, numbers and booleans as text, objects as JSON, nothing as ''. */
export function asText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  if (typeof value === 'symbol' || typeof value === 'function') return '';
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '';
  }
}
