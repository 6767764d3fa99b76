import type { CifApiName } from './types.js';

/**
 * Why a CIF call failed.
 *
 * - `timeout`: the host did not answer in time (its own "Timeout occurred…" or the client's timeout).
 * - `aborted`: the caller aborted the call through its AbortSignal.
 * - `not-found`: the record, session or tab does not exist (or is not the provider's).
 * - `template-not-found`: the notification, session or tab template is not configured.
 * - `notification-failed`: the host could not show the notification (`RejectAfterClientError`).
 * - `session-limit`: no more sessions may be opened (CIF allows 10).
 * - `permission-denied`: the agent lacks a privilege for the operation.
 * - `validation`: an argument was rejected (by the host, or by the client before sending).
 * - `sender-not-trusted`: the host refuses messages from this origin (landing URL / trusted domain).
 * - `unsupported-in-version`: the API exists only in CIF 2.0 and the host speaks CIF 1.0.
 * - `not-available`: the loaded library does not provide the API.
 * - `invalid-response`: the host answered something that cannot be read as the documented result.
 * - `unknown`: anything else; see `message` and `raw`.
 */
export type CifErrorCode =
  | 'timeout'
  | 'aborted'
  | 'not-found'
  | 'template-not-found'
  | 'notification-failed'
  | 'session-limit'
  | 'permission-denied'
  | 'validation'
  | 'sender-not-trusted'
  | 'unsupported-in-version'
  | 'not-available'
  | 'invalid-response'
  | 'unknown';

/** Every {@link CifErrorCode}, for exhaustive handling and tests. */
export const CIF_ERROR_CODES: readonly CifErrorCode[] = [
  'timeout',
  'aborted',
  'not-found',
  'template-not-found',
  'notification-failed',
  'session-limit',
  'permission-denied',
  'validation',
  'sender-not-trusted',
  'unsupported-in-version',
  'not-available',
  'invalid-response',
  'unknown',
];

/** The message of the host's own timeout rejection. */
export const CIF_TIMEOUT_MESSAGE =
  'Timeout occurred as no response was received from listener window';

/** Extra facts carried by a {@link CifError}. */
export interface CifErrorDetails {
  /** The rejection value exactly as the library produced it. */
  readonly raw?: unknown;
  /** `msdyn_name` of the host's error, when present (e.g. `"NotifyEvent"`). */
  readonly hostName?: string;
  /** `errorCode` of the host's error, when present (createTab documents a number). */
  readonly hostErrorCode?: number | string;
  /** The event whose handling failed, for errors reported from event dispatch. */
  readonly event?: string;
  /** The underlying error. */
  readonly cause?: unknown;
}

const BRAND = Symbol.for('cif-elements.CifError');

/**
 * The one error type of the CIF client. Every rejection of the library (a JSON string, a Map, an
 * `{errorCode, message}` object, an Error, the timeout text) becomes a CifError with a {@link CifErrorCode}.
 *
 * @example
 * try {
 *   await client.retrieveRecord('contact', id);
 * } catch (error) {
 *   if (isCifError(error, 'not-found')) showMissingContact();
 *   else throw error;
 * }
 */
export class CifError extends Error {
  /** Why the call failed. */
  readonly code: CifErrorCode;
  /** The API that failed. */
  readonly api: CifApiName;
  /** The rejection value exactly as the library produced it. */
  readonly raw: unknown;
  /** `msdyn_name` of the host's error, when present. */
  readonly hostName: string | undefined;
  /** `errorCode` of the host's error, when present. */
  readonly hostErrorCode: number | string | undefined;
  /** The event whose handling failed, for errors reported from event dispatch. */
  readonly event: string | undefined;

  constructor(code: CifErrorCode, api: CifApiName, message: string, details: CifErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'CifError';
    this.code = code;
    this.api = api;
    this.raw = details.raw;
    this.hostName = details.hostName;
    this.hostErrorCode = details.hostErrorCode;
    this.event = details.event;
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** Normalises any rejection value of the library into a CifError (returned as is when it is one). */
  static from(raw: unknown, api: CifApiName): CifError {
    return toCifError(raw, api);
  }
}

/**
 * Whether `value` is a CifError (optionally with the given code). Works across two copies of the package,
 * where `instanceof` does not.
 */
export function isCifError(value: unknown, code?: CifErrorCode): value is CifError {
  if (typeof value !== 'object' || value === null) return false;
  let branded = false;
  try {
    branded = value instanceof CifError || (value as Record<symbol, unknown>)[BRAND] === true;
  } catch {
    return false;
  }
  return branded && (code === undefined || (value as CifError).code === code);
}

interface Extracted {
  message: string | undefined;
  hostName: string | undefined;
  hostErrorCode: number | string | undefined;
  /** The argument-validation shape: a JSON string with a message and no msdyn_name. */
  jsonWithoutName: boolean;
  cause: unknown;
}

/** Reads a property without trusting the object (getters and proxies may throw). */
function read(source: unknown, key: string): unknown {
  try {
    if (source instanceof Map) return source.get(key);
    if (typeof source === 'object' && source !== null)
      return (source as Record<string, unknown>)[key];
  } catch {
    // A hostile getter or proxy: treat as absent.
  }
  return undefined;
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function codeValue(value: unknown): number | string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value !== '') return value;
  return undefined;
}

function extract(raw: unknown, depth = 0): Extracted {
  const empty: Extracted = {
    message: undefined,
    hostName: undefined,
    hostErrorCode: undefined,
    jsonWithoutName: false,
    cause: undefined,
  };
  if (depth > 3) return empty;
  if (typeof raw === 'string') {
    const trimmed = raw.trim();
    if (trimmed.startsWith('{')) {
      try {
        const parsed: unknown = JSON.parse(trimmed);
        if (typeof parsed === 'object' && parsed !== null) {
          const inner = extract(parsed, depth + 1);
          return {
            ...inner,
            jsonWithoutName: inner.message !== undefined && inner.hostName === undefined,
          };
        }
      } catch {
        // Not JSON: the string is the message.
      }
    }
    return { ...empty, message: raw };
  }
  if (raw instanceof Error) {
    return { ...empty, message: safeErrorMessage(raw), cause: raw };
  }
  if (typeof raw === 'object' && raw !== null) {
    let message = text(read(raw, 'message')) ?? text(read(raw, 'errorMsg'));
    // The OData error shape: {error: {code, message}}.
    const nested = read(raw, 'error');
    if (message === undefined && nested !== undefined) {
      const inner = extract(nested, depth + 1);
      message = inner.message;
      if (inner.hostErrorCode !== undefined) {
        return { ...empty, message, hostErrorCode: inner.hostErrorCode };
      }
    }
    if (message === undefined) {
      const value = read(raw, 'value');
      if (value !== undefined) message = extract(value, depth + 1).message;
    }
    return {
      ...empty,
      message,
      hostName: text(read(raw, 'msdyn_name')),
      hostErrorCode: codeValue(read(raw, 'errorCode')) ?? codeValue(read(raw, 'code')),
    };
  }
  return empty;
}

function safeErrorMessage(error: Error): string | undefined {
  try {
    return typeof error.message === 'string' ? error.message : undefined;
  } catch {
    return undefined;
  }
}

const RULES: readonly [CifErrorCode, RegExp][] = [
  ['timeout', /timeout occurred|timed out|no response was received/i],
  ['sender-not-trusted', /sender domain|not a recogni[sz]ed/i],
  ['template-not-found', /templatenotfound|template\b.*\b(not found|does not exist|not exist)/i],
  ['notification-failed', /rejectafterclienterror/i],
  ['session-limit', /(maximum|max|limit)\b.*\bsessions?|sessions?\b.*\b(limit|maximum)/i],
  ['not-found', /does not exist|not found|notfound|0x80040217|no such/i],
  [
    'permission-denied',
    /privilege|permission|not authori[sz]ed|access (is )?denied|forbidden|0x80040220/i,
  ],
  [
    'validation',
    /invalid|not valid|is required|required parameter|must be|null or undefined|validation|bad request|parameter/i,
  ],
];

/** Classifies a host error message. Exposed for the emulator and tests. */
export function classifyCifMessage(message: string): CifErrorCode | undefined {
  for (const [code, pattern] of RULES) if (pattern.test(message)) return code;
  return undefined;
}

/**
 * Normalises any rejection value of the library into a {@link CifError}. Never throws, whatever the value
 * (hostile getters and proxies included).
 */
export function toCifError(raw: unknown, api: CifApiName): CifError {
  if (isCifError(raw)) return raw;
  let facts: Extracted;
  try {
    facts = extract(raw);
  } catch {
    facts = {
      message: undefined,
      hostName: undefined,
      hostErrorCode: undefined,
      jsonWithoutName: false,
      cause: undefined,
    };
  }
  const message = facts.message?.trim() || `${api} failed without a message`;
  const code = classifyCifMessage(message) ?? (facts.jsonWithoutName ? 'validation' : 'unknown');
  return new CifError(code, api, message, {
    raw,
    hostName: facts.hostName,
    hostErrorCode: facts.hostErrorCode,
    cause: facts.cause,
  });
}
