/**
 * Which senders the host trusts: the origin of the provider's landing URL (exactly: scheme, host and
 * port) and the trusted domains. A trusted domain is an origin or a host name; `*.` matches any
 * subdomain (`*.contoso.com` matches `app.contoso.com`, not `contoso.com` nor `evilcontoso.com`); a
 * scheme or port in the entry must match too. This is stricter than Dynamics, which compares host names
 * only (and with a plain "ends with" for wildcards), so a widget accepted here is accepted there.
 */

interface Pattern {
  scheme?: string;
  host: string;
  wildcard: boolean;
  port?: string;
}

function parsePattern(entry: string): Pattern | undefined {
  const text = entry.trim();
  if (!text) return undefined;
  const m = /^(?:([a-z][a-z0-9+.-]*):\/\/)?(\*\.)?([^/:?#\s]+)(?::(\d+))?(?:[/?#].*)?$/i.exec(text);
  if (!m) return undefined;
  let host = m[3]!.toLowerCase();
  try {
    host = new URL(`http://${host}`).hostname; // IDN → punycode, as origins carry it
  } catch {
    return undefined;
  }
  const pattern: Pattern = { host, wildcard: !!m[2] };
  if (m[1]) pattern.scheme = m[1].toLowerCase();
  if (m[4]) pattern.port = m[4];
  return pattern;
}

function defaultPort(scheme: string): string {
  return scheme === 'https' ? '443' : scheme === 'http' ? '80' : '';
}

/** True when `origin` (a MessageEvent origin) is matched by a trusted-domain entry. */
export function matchesTrustedDomain(origin: string, entry: string): boolean {
  const pattern = parsePattern(entry);
  if (!pattern) return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  const scheme = url.protocol.replace(/:$/, '');
  const host = url.hostname.toLowerCase();
  const port = url.port || defaultPort(scheme);
  if (pattern.scheme && pattern.scheme !== scheme) return false;
  if (pattern.port && pattern.port !== port) return false;
  if (pattern.wildcard) return host.endsWith(`.${pattern.host}`);
  return host === pattern.host;
}

/** The origin of a URL, or '' when it is not an absolute http(s) URL. */
export function originOf(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : '';
  } catch {
    return '';
  }
}

/** Decides whether a message origin may talk to the host. */
export function isTrustedOrigin(
  origin: string,
  landingUrl: string,
  trustedDomains: readonly string[],
): boolean {
  if (!origin || origin === 'null' || origin === '*') return false;
  const landing = originOf(landingUrl);
  if (landing && landing === origin) return true;
  return trustedDomains.some((entry) => matchesTrustedDomain(origin, entry));
}
