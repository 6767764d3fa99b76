/**
 * Loading the CIF library into the widget: find the CRM URL, inject `msdyn_ciLibrary.js`, wait for
 * `CIFInitDone`, and report a typed outcome instead of hanging or throwing.
 */
import { detectCifVersion, describeCapabilities, type CifCapabilities } from './capabilities.js';
import { CifClient, type CifClientOptions } from './client.js';
import { CifError } from './errors.js';
import { versionFromEnvironment } from './results.js';
import type { CifEnvironment, CifLibrary, CifVersion } from './types.js';

/** Path of the library below the CRM URL. */
export const CIF_LIBRARY_PATH = '/webresources/Widget/msdyn_ciLibrary.js';

/** The DOM event the library dispatches on the widget's window once it is initialised. */
export const CIF_INIT_EVENT = 'CIFInitDone';

/**
 * The Trusted Types policy the loader creates the library's script URL with where Trusted Types are
 * enforced (`require-trusted-types-for 'script'`): list it in the page's CSP, e.g.
 * `trusted-types lit-html cif-elements`. It only passes http(s) URLs the loader has already checked.
 */
export const CIF_TRUSTED_TYPES_POLICY = 'cif-elements';

/** The few Trusted Types members the loader uses (not in TypeScript's DOM library yet). */
interface TrustedTypesFactory {
  createPolicy(
    name: string,
    rules: { createScriptURL(input: string): string },
  ): { createScriptURL(input: string): unknown };
}

const scriptUrlPolicies = new WeakMap<Window, { createScriptURL(input: string): unknown }>();

/**
 * The value to give `script.src`: the URL itself, or a TrustedScriptURL from the loader's policy when the
 * window has Trusted Types. A policy the page's CSP does not allow leaves the plain URL (the browser then
 * refuses the assignment, which the loader reports as `script-failed`).
 */
function scriptUrl(win: Window, url: string): string {
  const factory = (win as Window & { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  if (!factory) return url;
  let policy = scriptUrlPolicies.get(win);
  if (!policy) {
    try {
      policy = factory.createPolicy(CIF_TRUSTED_TYPES_POLICY, {
        createScriptURL: (input) => {
          const parsed = parseHttpUrl(input, win.location.href);
          if (!parsed) throw new TypeError(input);
          return parsed.href;
        },
      });
    } catch {
      return url;
    }
    scriptUrlPolicies.set(win, policy);
  }
  // A TrustedScriptURL is what script.src takes under Trusted Types; typed as the string it stands for.
  return policy.createScriptURL(url) as string;
}

/** Default time to wait for the script and `CIFInitDone`. */
export const CIF_DEFAULT_INIT_TIMEOUT = 10_000;

/**
 * Hosts from which a library URL given in the `ucilib` query parameter is accepted by default: Dynamics
 * clouds, and loopback for local emulators. `*.` matches any subdomain depth.
 */
export const CIF_DEFAULT_TRUSTED_HOSTS: readonly string[] = Object.freeze([
  '*.dynamics.com',
  '*.dynamics.cn',
  '*.microsoftdynamics.us',
  '*.microsoftdynamics.de',
  '*.appsplatform.us',
  'localhost',
  '127.0.0.1',
  '[::1]',
]);

/** Options of {@link loadCifLibrary}; client options are passed to the {@link CifClient} it creates. */
export interface CifLoaderOptions extends CifClientOptions {
  /** The org URL (e.g. `https://contoso.crm.dynamics.com`); the library is loaded from below it. */
  readonly crmUrl?: string;
  /** The full library URL, when it is not at the standard path below the CRM URL. */
  readonly libraryUrl?: string;
  /** The widget's window (default: the current one). The script is injected into its document. */
  readonly window?: Window;
  /** Milliseconds to wait for the script and `CIFInitDone` (default 10 000). */
  readonly initTimeout?: number;
  /** Whether the widget is framed by a host (default: `window.top !== window`). */
  readonly isFramed?: (win: Window) => boolean;
  /** Refuse to load outside a frame, where the library cannot reach a host (default true). */
  readonly requireFrame?: boolean;
  /**
   * Hosts accepted for a library URL taken from the `ucilib` query parameter (which anyone can put in a
   * link). Default {@link CIF_DEFAULT_TRUSTED_HOSTS} plus the widget's own host. Explicit `crmUrl` and
   * `libraryUrl` options, and scripts already in the page, are trusted as the author's.
   */
  readonly trustedHosts?: readonly string[];
  /**
   * Call getEnvironment once loaded, to read the host's `cifVersion` and hand back the environment
   * (default true). A failure is reported in `environmentError`, not as a load failure.
   */
  readonly probeEnvironment?: boolean;
  /** Timeout of the environment probe in ms (default 5 000). */
  readonly probeTimeout?: number;
  /**
   * Ask the host which CIF version it speaks when neither the `version` option nor the environment's
   * `cifVersion` says (default false). The shipped library defines every function in both kinds of app and
   * `cifVersion` is usually a build number (`9.2.0.49`), so the library alone always looks like 2.0: with
   * this option the loader calls CIF 2.0's `canCreateSession` and treats a refusal (or no answer within
   * `probeTimeout`) as a CIF 1.0 (single-session) app. See {@link probeCifVersion}.
   */
  readonly probeVersion?: boolean;
}

/** Where the library came from. */
export type CifLibrarySource = 'existing' | 'injected' | 'page-script';

/** The library is loaded and initialised. */
export interface CifLoadReady {
  readonly status: 'ready';
  /** A client over the library, speaking the detected version. */
  readonly client: CifClient;
  readonly library: CifLibrary;
  readonly version: CifVersion;
  readonly capabilities: CifCapabilities;
  readonly source: CifLibrarySource;
  /** The library URL, when the loader knows it. */
  readonly libraryUrl?: string;
  /** The CRM URL, when the loader knows it. */
  readonly crmUrl?: string;
  /** The environment read by the probe. */
  readonly environment?: CifEnvironment;
  /** Why the probe failed (e.g. `sender-not-trusted`: fix the provider's trusted domain). */
  readonly environmentError?: CifError;
}

/** The widget does not run inside Dynamics. */
export interface CifLoadNotInDynamics {
  readonly status: 'not-in-dynamics';
  /** `not-framed`: opened outside a host frame; `no-crm-url`: framed but nothing says where the org is. */
  readonly reason: 'not-framed' | 'no-crm-url' | 'no-window';
  readonly message: string;
}

/** The CRM or library URL is malformed or not trusted. */
export interface CifLoadInvalidUrl {
  readonly status: 'invalid-url';
  readonly url: string;
  readonly message: string;
}

/** The script could not be fetched (404, network error, blocked). */
export interface CifLoadScriptFailed {
  readonly status: 'script-failed';
  readonly libraryUrl: string;
  readonly message: string;
}

/** The script ran but `Microsoft.CIFramework` is absent: typically a redirect to the login page. */
export interface CifLoadLibraryMissing {
  readonly status: 'library-missing';
  readonly libraryUrl: string;
  readonly message: string;
}

/** `CIFInitDone` did not arrive in time. */
export interface CifLoadInitTimeout {
  readonly status: 'init-timeout';
  readonly libraryUrl?: string;
  readonly timeout: number;
  readonly message: string;
}

/** The outcome of {@link loadCifLibrary}. */
export type CifLoadResult =
  | CifLoadReady
  | CifLoadNotInDynamics
  | CifLoadInvalidUrl
  | CifLoadScriptFailed
  | CifLoadLibraryMissing
  | CifLoadInitTimeout;

/** The library object on a window, if any. */
export function findCifLibrary(win: Window): CifLibrary | undefined {
  try {
    const microsoft = (win as unknown as { Microsoft?: { CIFramework?: unknown } }).Microsoft;
    const library = microsoft?.CIFramework;
    return (typeof library === 'object' || typeof library === 'function') && library !== null
      ? library
      : undefined;
  } catch {
    return undefined;
  }
}

function defaultIsFramed(win: Window): boolean {
  try {
    return win.top !== win;
  } catch {
    return true;
  }
}

function hostMatches(host: string, pattern: string): boolean {
  const p = pattern.trim().toLowerCase();
  if (p.startsWith('*.')) return host.endsWith(p.slice(1)) && host.length > p.length - 1;
  return host === p;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

function libraryUrlFor(crmUrl: URL): string {
  return `${crmUrl.href.replace(/[?#].*$/, '').replace(/\/+$/, '')}${CIF_LIBRARY_PATH}`;
}

function crmUrlOf(libraryUrl: URL): string {
  const index = libraryUrl.pathname.toLowerCase().lastIndexOf('/webresources/');
  const path = index >= 0 ? libraryUrl.pathname.slice(0, index) : '';
  return `${libraryUrl.origin}${path}`;
}

function parseHttpUrl(text: string, base: string): URL | undefined {
  try {
    const url = new URL(text, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

interface Plan {
  readonly libraryUrl: string;
  readonly crmUrl: string;
  /** A script already in the page to wait on, instead of injecting one. */
  readonly script?: HTMLScriptElement;
}

type PlanResult = Plan | CifLoadNotInDynamics | CifLoadInvalidUrl;

function invalid(url: string, message: string): CifLoadInvalidUrl {
  return { status: 'invalid-url', url, message };
}

function planLoad(win: Window, options: CifLoaderOptions): PlanResult {
  const base = win.location.href;
  if (options.libraryUrl !== undefined) {
    const url = parseHttpUrl(options.libraryUrl, base);
    if (!url) return invalid(options.libraryUrl, 'libraryUrl is not an http(s) URL');
    return {
      libraryUrl: url.href,
      crmUrl: options.crmUrl ?? crmUrlOf(url),
    };
  }
  if (options.crmUrl !== undefined) {
    const url = parseHttpUrl(options.crmUrl, base);
    if (!url) return invalid(options.crmUrl, 'crmUrl is not an http(s) URL');
    return {
      libraryUrl: libraryUrlFor(url),
      crmUrl: libraryUrlFor(url).slice(0, -CIF_LIBRARY_PATH.length),
    };
  }

  const script =
    win.document.querySelector<HTMLScriptElement>('script[data-cifid="CIFMainLibrary"]') ??
    win.document.querySelector<HTMLScriptElement>('script[data-crmurl]');
  if (script) {
    const crm = script.getAttribute('data-crmurl') ?? '';
    const src = script.getAttribute('src');
    if (src) {
      const url = parseHttpUrl(src, base);
      if (!url) return invalid(src, 'the page script has no http(s) src');
      return { libraryUrl: url.href, crmUrl: crm || crmUrlOf(url), script };
    }
    const url = parseHttpUrl(crm, base);
    if (!url) return invalid(crm, 'data-crmurl is not an http(s) URL');
    return {
      libraryUrl: libraryUrlFor(url),
      crmUrl: libraryUrlFor(url).slice(0, -CIF_LIBRARY_PATH.length),
    };
  }

  let ucilib: string | null = null;
  try {
    ucilib = new URL(base).searchParams.get('ucilib');
  } catch {
    ucilib = null;
  }
  if (ucilib) {
    const url = parseHttpUrl(ucilib, base);
    if (!url) return invalid(ucilib, 'ucilib is not an http(s) URL');
    const host = url.host.toLowerCase();
    const hostname = url.hostname.toLowerCase();
    const own = (() => {
      try {
        return new URL(base).host.toLowerCase();
      } catch {
        return '';
      }
    })();
    const trusted = [...(options.trustedHosts ?? CIF_DEFAULT_TRUSTED_HOSTS)];
    const allowed =
      host === own ||
      trusted.some((pattern) => hostMatches(hostname, pattern) || hostMatches(host, pattern));
    if (!allowed)
      return invalid(ucilib, `ucilib host ${url.host} is not trusted (see trustedHosts)`);
    if (url.protocol !== 'https:' && !LOOPBACK.has(hostname) && host !== own) {
      return invalid(ucilib, 'ucilib must use https');
    }
    if (!url.pathname.toLowerCase().endsWith(CIF_LIBRARY_PATH.toLowerCase())) {
      return invalid(ucilib, `ucilib must point at ${CIF_LIBRARY_PATH}`);
    }
    return { libraryUrl: url.href, crmUrl: crmUrlOf(url) };
  }
  return {
    status: 'not-in-dynamics',
    reason: 'no-crm-url',
    message: 'No CRM URL: pass crmUrl, add a data-crmurl script, or open the widget with ?ucilib=',
  };
}

type WaitOutcome = 'ready' | 'script-failed' | 'trusted-types' | 'library-missing' | 'init-timeout';

/** The fetch status of an already present script, from resource timing, or undefined if not finished. */
function fetchedStatus(win: Window, url: string): number | undefined {
  try {
    const entries = win.performance.getEntriesByName(
      url,
      'resource',
    ) as PerformanceResourceTiming[];
    const entry = entries[entries.length - 1];
    if (!entry || entry.responseEnd === 0) return undefined;
    return typeof entry.responseStatus === 'number' ? entry.responseStatus : 0;
  } catch {
    return undefined;
  }
}

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

async function waitForLibrary(win: Window, plan: Plan, timeout: number): Promise<WaitOutcome> {
  let script = plan.script;
  const injected = !script;

  const outcome = await new Promise<WaitOutcome>((resolve) => {
    let done = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (result: WaitOutcome) => {
      if (done) return;
      done = true;
      if (timer !== undefined) clearTimeout(timer);
      win.removeEventListener(CIF_INIT_EVENT, onInit);
      script?.removeEventListener('load', onLoad);
      script?.removeEventListener('error', onError);
      resolve(result);
    };
    const onInit = () => finish(findCifLibrary(win) ? 'ready' : 'library-missing');
    const onLoad = () => {
      // The library dispatches CIFInitDone from a setTimeout(0) after it runs; keep waiting when it exists.
      if (!findCifLibrary(win)) finish('library-missing');
    };
    const onError = () => finish('script-failed');

    // Listen before the script can run.
    win.addEventListener(CIF_INIT_EVENT, onInit);
    if (timeout > 0 && timeout <= 2_147_483_647)
      timer = setTimeout(() => finish('init-timeout'), timeout);

    if (!script) {
      script = win.document.createElement('script');
      try {
        script.src = scriptUrl(win, plan.libraryUrl);
      } catch {
        // Trusted Types refused the URL: the page's CSP does not allow the loader's policy.
        finish('trusted-types');
        return;
      }
      script.setAttribute('data-cifid', 'CIFMainLibrary');
      script.setAttribute('data-crmurl', plan.crmUrl);
      script.addEventListener('load', onLoad);
      script.addEventListener('error', onError);
      (win.document.head ?? win.document.documentElement).appendChild(script);
      return;
    }
    script.addEventListener('load', onLoad);
    script.addEventListener('error', onError);
    // A page script may have finished before we looked: resource timing tells.
    const status = fetchedStatus(win, plan.libraryUrl);
    if (status !== undefined) {
      void nextTask().then(() => {
        if (findCifLibrary(win)) finish('ready');
        else finish(status >= 400 ? 'script-failed' : 'library-missing');
      });
    }
  });

  if (injected && script && (outcome === 'script-failed' || outcome === 'library-missing')) {
    // Let a later attempt inject afresh.
    script.remove();
  }
  return outcome;
}

/** Options of {@link probeCifVersion}. */
export interface CifVersionProbeOptions extends Omit<CifClientOptions, 'version' | 'timeout'> {
  /** How long the host may take to answer the probe, in ms (default 3 000). */
  readonly timeout?: number;
}

/**
 * Asks the host which CIF version it speaks. A library without CIF 2.0 functions is 1.0. Otherwise the
 * library alone cannot tell (the shipped one defines every function in both kinds of app, and
 * getEnvironment's `cifVersion` is a build number such as `9.2.0.49`), so the host is asked CIF 2.0's
 * `canCreateSession`: a multisession app answers, a CIF 1.0 app refuses it (or does not answer within
 * `timeout`). Never rejects.
 *
 * @example
 * const version = await probeCifVersion(window.Microsoft.CIFramework);
 * const client = createCifClient(window.Microsoft.CIFramework, { version });
 */
export async function probeCifVersion(
  library: CifLibrary,
  options: CifVersionProbeOptions = {},
): Promise<CifVersion> {
  if (detectCifVersion(library) === 1) return 1;
  const { timeout, ...clientOptions } = options;
  const client = new CifClient(library, { ...clientOptions, version: 2 });
  try {
    await client.canCreateSession({ timeout: timeout ?? 3_000 });
    return 2;
  } catch {
    return 1;
  }
}

async function ready(
  library: CifLibrary,
  source: CifLibrarySource,
  options: CifLoaderOptions,
  urls: { libraryUrl?: string; crmUrl?: string },
): Promise<CifLoadReady> {
  let version = options.version ?? detectCifVersion(library);
  let environment: CifEnvironment | undefined;
  let environmentError: CifError | undefined;
  if (options.probeEnvironment !== false) {
    const probe = new CifClient(library, { ...options, version });
    try {
      environment = await probe.getEnvironment({ timeout: options.probeTimeout ?? 5_000 });
      version = options.version ?? detectCifVersion(library, environment);
    } catch (error) {
      environmentError = CifError.from(error, 'getEnvironment');
    }
  }
  if (
    options.probeVersion === true &&
    options.version === undefined &&
    version === 2 &&
    !(environment && versionFromEnvironment(environment))
  ) {
    version = await probeCifVersion(library, { ...options, timeout: options.probeTimeout });
  }
  const client = new CifClient(library, { ...options, version });
  const result: CifLoadReady = {
    status: 'ready',
    client,
    library,
    version,
    capabilities: describeCapabilities(library, version),
    source,
    ...urls,
    ...(environment ? { environment } : {}),
    ...(environmentError ? { environmentError } : {}),
  };
  return result;
}

const inFlight = new WeakMap<Window, Promise<CifLoadResult>>();

/**
 * Loads the CIF library and resolves a typed outcome; never rejects.
 *
 * Order: a library already on the window is used as is; outside a frame the outcome is `not-in-dynamics`;
 * the URL comes from `libraryUrl`, `crmUrl`, a `data-cifid="CIFMainLibrary"`/`data-crmurl` script in the
 * page, or the `ucilib` query parameter (checked against `trustedHosts`). The script is injected with
 * `data-cifid` and `data-crmurl`, the `CIFInitDone` listener registered first. Concurrent calls for the
 * same window share one attempt.
 *
 * @example
 * const result = await loadCifLibrary({ crmUrl: 'https://contoso.crm.dynamics.com' });
 * switch (result.status) {
 *   case 'ready': start(result.client); break;
 *   case 'not-in-dynamics': showStandaloneMode(); break;
 *   case 'library-missing': askToAllowThirdPartyCookies(); break;
 *   default: showError(result.message);
 * }
 */
export function loadCifLibrary(options: CifLoaderOptions = {}): Promise<CifLoadResult> {
  const win = options.window ?? (globalThis as { window?: Window }).window;
  if (!win?.document) {
    return Promise.resolve({
      status: 'not-in-dynamics',
      reason: 'no-window',
      message: 'There is no window to load the CIF library into',
    });
  }
  const pending = inFlight.get(win);
  if (pending) return pending;
  const attempt = load(win, options).finally(() => inFlight.delete(win));
  inFlight.set(win, attempt);
  return attempt;
}

async function load(win: Window, options: CifLoaderOptions): Promise<CifLoadResult> {
  const existing = findCifLibrary(win);
  if (existing) return ready(existing, 'existing', options, {});

  const framed = (options.isFramed ?? defaultIsFramed)(win);
  if (!framed && options.requireFrame !== false) {
    return {
      status: 'not-in-dynamics',
      reason: 'not-framed',
      message: 'The widget is not framed by a Dynamics host',
    };
  }

  let plan: PlanResult;
  try {
    plan = planLoad(win, options);
  } catch (error) {
    return invalid('', `The CRM URL cannot be determined: ${String(error)}`);
  }
  if ('status' in plan) return plan;

  const timeout = options.initTimeout ?? CIF_DEFAULT_INIT_TIMEOUT;
  const outcome = await waitForLibrary(win, plan, timeout);
  const { libraryUrl, crmUrl } = plan;
  switch (outcome) {
    case 'ready': {
      const library = findCifLibrary(win);
      if (library)
        return ready(library, plan.script ? 'page-script' : 'injected', options, {
          libraryUrl,
          crmUrl,
        });
      return {
        status: 'library-missing',
        libraryUrl,
        message: 'Microsoft.CIFramework disappeared after CIFInitDone',
      };
    }
    case 'trusted-types':
      return {
        status: 'script-failed',
        libraryUrl,
        message: `Trusted Types refused the CIF library's URL: allow the policy "${CIF_TRUSTED_TYPES_POLICY}" (CSP trusted-types lit-html ${CIF_TRUSTED_TYPES_POLICY})`,
      };
    case 'script-failed':
      return {
        status: 'script-failed',
        libraryUrl,
        message: `The CIF library could not be loaded from ${libraryUrl}`,
      };
    case 'library-missing':
      return {
        status: 'library-missing',
        libraryUrl,
        message:
          'The CIF library script ran but defined no Microsoft.CIFramework (a sign-in redirect: third-party cookies blocked, or not signed in)',
      };
    case 'init-timeout':
      return {
        status: 'init-timeout',
        libraryUrl,
        timeout,
        message: `CIFInitDone did not arrive within ${timeout} ms`,
      };
  }
}
