const warned = new Set<string>();

/**
 * Warns once per `source` and `key` (`[cif-dialpad] region "XX" is not …`). Elements never throw on a bad
 * value from the app: they warn once and render safely.
 */
export function warnOnce(source: string, key: string, message: string): void {
  const id = `${source}\u0000${key}`;
  if (warned.has(id)) return;
  warned.add(id);
  console.warn(`[${source}] ${message}`);
}
