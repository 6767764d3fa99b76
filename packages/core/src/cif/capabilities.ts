import { CIF_V1_EVENTS, CIF_V2_EVENTS, type CifEventName } from './events.js';
import { versionFromEnvironment } from './results.js';
import {
  CIF_V1_APIS,
  CIF_V2_APIS,
  type CifApiName,
  type CifEnvironment,
  type CifLibrary,
  type CifVersion,
} from './types.js';

/** What the connected host can do. */
export interface CifCapabilities {
  /** The CIF major version the client speaks. */
  readonly version: CifVersion;
  /** True for CIF 2.0 hosts (sessions, tabs, notifications, presence). */
  readonly multiSession: boolean;
  /** APIs the version allows and the loaded library provides. */
  readonly apis: readonly CifApiName[];
  /** Events the version raises. */
  readonly events: readonly CifEventName[];
  /** Whether `api` can be called (allowed by the version and provided by the library). */
  supports(api: CifApiName): boolean;
  /** Whether the host raises `event` in this version. */
  supportsEvent(event: CifEventName): boolean;
}

/** Functions whose presence marks a CIF 2.0 library. */
const V2_MARKERS: readonly CifApiName[] = [
  'notifyEvent',
  'createSession',
  'getAllSessions',
  'setPresence',
  'createTab',
];

/** The CIF version that introduced an API. */
export function apiVersion(api: CifApiName): CifVersion {
  return (CIF_V2_APIS as readonly string[]).includes(api) ? 2 : 1;
}

/** Whether the library object provides `api` as a function (without trusting getters). */
export function hasFunction(library: CifLibrary, api: CifApiName): boolean {
  try {
    return typeof library[api] === 'function';
  } catch {
    return false;
  }
}

/**
 * Detects the CIF version without asking the host: the environment's `cifVersion` when it names one (`1`,
 * `2.0`; a build number such as `9.2.0.49` names none), otherwise 2 when the library has CIF 2.0 functions
 * (notifyEvent, createSession, …), otherwise 1. The shipped library defines every function in both kinds
 * of app, so for it this answers 2 even in a CIF 1.0 app: {@link probeCifVersion} (or the loader's
 * `probeVersion` option) asks the host instead.
 */
export function detectCifVersion(
  library: CifLibrary,
  environment?: Pick<CifEnvironment, 'cifVersion'>,
): CifVersion {
  const fromEnvironment = environment ? versionFromEnvironment(environment) : undefined;
  if (fromEnvironment) return fromEnvironment;
  return V2_MARKERS.some((api) => hasFunction(library, api)) ? 2 : 1;
}

/** Describes what a library can do when spoken to as the given version. */
export function describeCapabilities(library: CifLibrary, version: CifVersion): CifCapabilities {
  const allowed: readonly CifApiName[] =
    version === 2 ? [...CIF_V1_APIS, ...CIF_V2_APIS] : CIF_V1_APIS;
  const apis = Object.freeze(allowed.filter((api) => hasFunction(library, api)));
  const events: readonly CifEventName[] = Object.freeze(
    version === 2 ? [...CIF_V1_EVENTS, ...CIF_V2_EVENTS] : [...CIF_V1_EVENTS],
  );
  return Object.freeze({
    version,
    multiSession: version === 2,
    apis,
    events,
    supports: (api: CifApiName) => apis.includes(api),
    supportsEvent: (event: CifEventName) => events.includes(event),
  });
}
