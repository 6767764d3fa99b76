/**
 * The private-token check (Material's discipline): a component resolves its public tokens once on
 * `:host` into private `--_x` locals. A private property that is used but never defined renders with no
 * value; one defined but never used is dead weight. Both are reported.
 */
export interface PrivateTokenReport {
  undefinedTokens: string[];
  unusedTokens: string[];
}

export function checkPrivateTokens(cssText: string): PrivateTokenReport {
  const withoutComments = cssText.replace(/\/\*[\s\S]*?\*\//g, '');
  const defined = new Set<string>();
  const used = new Set<string>();
  for (const match of withoutComments.matchAll(/(--_[\w-]+)\s*:/g)) defined.add(match[1]!);
  for (const match of withoutComments.matchAll(/var\(\s*(--_[\w-]+)/g)) used.add(match[1]!);
  return {
    undefinedTokens: [...used].filter((name) => !defined.has(name)).sort(),
    unusedTokens: [...defined].filter((name) => !used.has(name)).sort(),
  };
}
