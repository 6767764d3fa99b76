/**
 * CifClient: one typed method per documented `Microsoft.CIFramework` method and a typed event subscription.
 * It serialises arguments the way CIF expects them, decodes what CIF returns (JSON strings, Maps, array-like
 * objects), normalises every rejection into a CifError and bounds every call with a timeout.
 */
import {
  apiVersion,
  describeCapabilities,
  detectCifVersion,
  hasFunction,
  type CifCapabilities,
} from './capabilities.js';
import {
  DecodeError,
  decode,
  decodeBoolean,
  decodeLenient,
  decodeList,
  decodeNumber,
  decodeObject,
  decodeText,
  encodeJson,
  isJsonObject,
  stripBraces,
  toJsonValue,
} from './decode.js';
import { CifError, isCifError, toCifError } from './errors.js';
import {
  decodeCustomPayload,
  eventDecoders,
  isCifEventName,
  modeOf,
  presenceOf,
  sessionOf,
  type CifEventMap,
  type CifEventName,
} from './events.js';
import { buildODataQuery } from './odata.js';
import {
  decodeEnvironment,
  decodeNotifyResult,
  decodeOpenFormResult,
  decodeRecordReference,
} from './results.js';
import type {
  CifAnalyticsData,
  CifApiName,
  CifCallOptions,
  CifCreateSessionInput,
  CifCreateTabInput,
  CifEntityFormOptions,
  CifEnvironment,
  CifLibrary,
  CifMode,
  CifNotifyEventInput,
  CifNotifyEventResult,
  CifOpenFormResult,
  CifQuery,
  CifRecord,
  CifRecordData,
  CifRecordReference,
  CifSearchType,
  CifSession,
  CifSessionTitleInput,
  CifTemplateInput,
  CifVersion,
  JsonObject,
  JsonValue,
} from './types.js';

/** Default per-call timeouts, mirroring the host: 10 s in CIF 1.0, the documented 100 s in CIF 2.0. */
export const CIF_DEFAULT_TIMEOUTS: Readonly<Record<CifVersion, number>> = Object.freeze({
  1: 10_000,
  2: 100_000,
});

/**
 * Default timeout of notifyEvent: a notification template may stay up to 500 s, so the client waits that
 * long plus a margin before giving up on the agent's answer.
 */
export const CIF_NOTIFY_EVENT_TIMEOUT = 510_000;

/**
 * APIs without a default client timeout, like the real library (which does not time them out either):
 * openForm waits for the agent to save or close the form, createSession may wait behind host prompts.
 * A per-call `timeout` or a per-API `timeouts` entry still bounds them; the general `timeout` does not.
 */
export const CIF_UNBOUNDED_APIS: readonly CifApiName[] = Object.freeze([
  'openForm',
  'createSession',
]);

/** The longest delay timers honour (2^31 - 1 ms); longer ones would fire at once. */
const MAX_TIMER_DELAY = 2_147_483_647;

/** A usable timeout: a positive delay timers can honour, or undefined for "wait forever". */
function timerDelay(value: number): number | undefined {
  return value > 0 && value <= MAX_TIMER_DELAY ? value : undefined;
}

/** A configured number, or the fallback when it is not a number at all. */
function numberOr(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && !Number.isNaN(value) ? value : fallback;
}

/** Default time the client lets an app's event handler run before answering the host anyway. */
export const CIF_DEFAULT_HANDLER_TIMEOUT = 9_000;

/** Options of {@link CifClient}. */
export interface CifClientOptions {
  /** The CIF version to speak; detected from the library when omitted. */
  readonly version?: CifVersion;
  /**
   * Default per-call timeout in ms (`0` or `Infinity`: none). Defaults to {@link CIF_DEFAULT_TIMEOUTS}.
   * notifyEvent waits at least {@link CIF_NOTIFY_EVENT_TIMEOUT}; openForm and createSession have no default
   * timeout ({@link CIF_UNBOUNDED_APIS}): bound them per call or with `timeouts`.
   */
  readonly timeout?: number;
  /**
   * Per-API timeouts in ms, overriding `timeout` (e.g. `{ notifyEvent: 130_000 }`, `{ openForm: 600_000 }`).
   */
  readonly timeouts?: Readonly<Partial<Record<CifApiName, number>>>;
  /**
   * How long an event handler may run before the client answers the host anyway (the host waits for the
   * handler's promise until its own timeout). Defaults to {@link CIF_DEFAULT_HANDLER_TIMEOUT}.
   */
  readonly handlerTimeout?: number;
  /**
   * Receives problems that have no caller to reject: an event payload that cannot be read, an event handler
   * that throws, rejects or runs too long, a failing removeHandler. Defaults to `console.error`.
   */
  readonly onError?: (error: CifError) => void;
}

/** Context passed to event handlers next to the parsed payload. */
export interface CifEventContext {
  /** The event name as registered. */
  readonly event: string;
  /** The payload exactly as the host delivered it. */
  readonly raw: unknown;
}

/**
 * An event handler. It may return a value or a promise; the client always answers the host with a settled
 * promise (resolved when the handler succeeds, rejected with a message when it throws or rejects).
 */
export type CifEventHandler<P> = (payload: P, context: CifEventContext) => unknown;

/** Options of searchAndOpenRecords. */
export interface CifSearchOptions extends CifCallOptions {
  /** 0 relevance search, 1 categorized search (the host's default). */
  readonly searchType?: CifSearchType;
}

type HostHandler = (payload: unknown) => Promise<unknown>;

interface Subscription {
  readonly handler: CifEventHandler<never>;
}

interface Dispatcher {
  readonly hostHandler: HostHandler;
  readonly subscriptions: Set<Subscription>;
}

function validation(api: CifApiName, message: string): CifError {
  return new CifError('validation', api, message);
}

function requireText(api: CifApiName, value: unknown, name: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw validation(api, `${api}: ${name} must be a non-empty string`);
  }
  return value;
}

function requireId(api: CifApiName, value: unknown, name: string): string {
  return stripBraces(requireText(api, value, name));
}

/** A clean JSON object for arguments CIF receives as objects (no functions, cycles or class instances). */
function plainObject(api: CifApiName, value: unknown, name: string): JsonObject {
  if (value === undefined || value === null) return {};
  const json = toJsonValue(value);
  if (!isJsonObject(json)) throw validation(api, `${api}: ${name} must be an object`);
  return json;
}

function jsonArgument(api: CifApiName, value: unknown, name: string): string {
  if (value === undefined || value === null) throw validation(api, `${api}: ${name} is required`);
  try {
    return encodeJson(value, name);
  } catch (error) {
    throw validation(api, `${api}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Drops trailing undefined arguments, so optional parameters the caller left out are not sent. */
function trimArgs(args: unknown[]): unknown[] {
  let end = args.length;
  while (end > 0 && args[end - 1] === undefined) end--;
  return args.slice(0, end);
}

function idOrNull(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const text = decodeText(value).trim();
  return text === '' || text === 'null' ? null : text;
}

function nonEmptyText(value: unknown): string {
  const text = decodeText(
    isJsonObject(decode(value)) ? (decode(value) as JsonObject).value : value,
  );
  if (text.trim() === '') throw new DecodeError('expected an id, got nothing');
  return text;
}

function textList(value: unknown): string[] {
  return decodeList(value).filter(
    (item): item is string => typeof item === 'string' && item !== '',
  );
}

function modeResult(value: unknown, requested?: CifMode): CifMode {
  if ((value === undefined || value === null) && requested !== undefined) return requested;
  const decoded = decode(value);
  return modeOf(isJsonObject(decoded) ? decoded.value : decoded);
}

/** A value the host may receive back from a handler: JSON only, so it always survives postMessage. */
function answerValue(value: unknown): JsonValue | undefined {
  return toJsonValue(value);
}

function messageOf(error: unknown): string {
  if (isCifError(error)) return error.message;
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return 'handler failed';
  }
}

function defaultOnError(error: CifError): void {
  console.error(`[cif-elements] ${error.event ?? error.api}: ${error.message}`, error);
}

/**
 * A typed client of `Microsoft.CIFramework`. Construct it over any object shaped like the library: the
 * real one (`window.Microsoft.CIFramework`), the emulator's drop-in library, or the fake from
 * `@cif-elements/core/testing`. Usually obtained from {@link loadCifLibrary}.
 *
 * Every method returns a promise that resolves the documented result, decoded and typed, or rejects with a
 * {@link CifError}; none throws synchronously. A CIF 2.0 method called on a CIF 1.0 host rejects with
 * `unsupported-in-version`.
 *
 * @example
 * const client = new CifClient(window.Microsoft.CIFramework);
 * const env = await client.getEnvironment();
 * const { id } = await client.createRecord('phonecall', { subject: 'Call from Alex', directioncode: false });
 */
export class CifClient {
  /** The library object the client calls. */
  readonly library: CifLibrary;
  /** The CIF version the client speaks. */
  readonly version: CifVersion;
  /** What the host can do. */
  readonly capabilities: CifCapabilities;

  readonly #defaultTimeout: number;
  readonly #timeouts: Readonly<Partial<Record<CifApiName, number>>>;
  readonly #handlerTimeout: number;
  readonly #onError: (error: CifError) => void;
  readonly #dispatchers = new Map<string, Dispatcher>();

  constructor(library: CifLibrary, options: CifClientOptions = {}) {
    this.library = typeof library === 'object' && library !== null ? library : {};
    this.version =
      options.version === 1 || options.version === 2
        ? options.version
        : detectCifVersion(this.library);
    this.capabilities = describeCapabilities(this.library, this.version);
    this.#defaultTimeout = numberOr(options.timeout, CIF_DEFAULT_TIMEOUTS[this.version]);
    this.#timeouts = { ...options.timeouts };
    this.#handlerTimeout =
      timerDelay(numberOr(options.handlerTimeout, CIF_DEFAULT_HANDLER_TIMEOUT)) ??
      CIF_DEFAULT_HANDLER_TIMEOUT;
    this.#onError = options.onError ?? defaultOnError;
  }

  // ---------------------------------------------------------------------------------------------------
  // CIF 1.0 and 2.0

  /** Enables or disables click-to-act (writes the provider record). */
  setClickToAct(value: boolean, options?: CifCallOptions): Promise<void> {
    return this.#call(
      'setClickToAct',
      () => {
        if (typeof value !== 'boolean')
          throw validation('setClickToAct', 'setClickToAct: value must be a boolean');
        return [value];
      },
      () => undefined,
      options,
    );
  }

  /** Whether click-to-act is enabled. Accepts `true`/`"true"` from the host. */
  getClickToAct(options?: CifCallOptions): Promise<boolean> {
    return this.#call('getClickToAct', () => [], decodeBoolean, options);
  }

  /**
   * Sets the panel mode (0 minimized, 1 docked; CIF 2.0 adds 2 hidden, 3 collapsed) and resolves the mode
   * the host reports.
   */
  setMode(mode: CifMode, options?: CifCallOptions): Promise<CifMode> {
    return this.#call(
      'setMode',
      () => {
        if (mode !== 0 && mode !== 1 && mode !== 2 && mode !== 3) {
          throw validation('setMode', 'setMode: mode must be 0, 1, 2 or 3');
        }
        if (mode >= 2 && this.version < 2) {
          throw new CifError(
            'unsupported-in-version',
            'setMode',
            `setMode(${mode}) needs CIF 2.0; the host speaks CIF 1.0`,
          );
        }
        return [mode];
      },
      (value) => modeResult(value, mode),
      options,
    );
  }

  /** The panel mode, as a number even when the host answers a string. */
  getMode(options?: CifCallOptions): Promise<CifMode> {
    return this.#call(
      'getMode',
      () => [],
      (value) => modeResult(value),
      options,
    );
  }

  /**
   * Sets the panel width in pixels and resolves the width the host reports. The host ignores widths below
   * 300 and collapses the panel for widths above half the screen.
   */
  setWidth(width: number, options?: CifCallOptions): Promise<number> {
    return this.#call(
      'setWidth',
      () => {
        if (typeof width !== 'number' || !Number.isFinite(width) || width <= 0) {
          throw validation('setWidth', 'setWidth: width must be a positive number of pixels');
        }
        return [Math.round(width)];
      },
      (value) => (value === undefined || value === null ? Math.round(width) : decodeNumber(value)),
      options,
    );
  }

  /** The panel width in pixels. */
  getWidth(options?: CifCallOptions): Promise<number> {
    return this.#call('getWidth', () => [], decodeNumber, options);
  }

  /** The environment: user, organisation, current page, provider custom parameters. */
  getEnvironment(options?: CifCallOptions): Promise<CifEnvironment> {
    return this.#call('getEnvironment', () => [], decodeEnvironment, options);
  }

  /**
   * Creates a record. `data` is an object (serialised to the JSON string CIF expects) or that string;
   * lookups are `"attr@odata.bind": "/contacts(<guid>)"`.
   */
  createRecord(
    entityName: string,
    data: CifRecordData | string,
    options?: CifCallOptions,
  ): Promise<CifRecordReference> {
    return this.#call(
      'createRecord',
      () => [
        requireText('createRecord', entityName, 'entityName'),
        jsonArgument('createRecord', data, 'data'),
      ],
      (value) => decodeRecordReference(value, { entityName }),
      options,
    );
  }

  /** Retrieves a record; `query` selects and expands (`{ select: ['fullname'] }` or `"?$select=fullname"`). */
  retrieveRecord(
    entityName: string,
    id: string,
    query?: CifQuery,
    options?: CifCallOptions,
  ): Promise<CifRecord> {
    return this.#call(
      'retrieveRecord',
      () => {
        const args: unknown[] = [
          requireText('retrieveRecord', entityName, 'entityName'),
          requireId('retrieveRecord', id, 'id'),
        ];
        const q = buildODataQuery(query);
        if (q !== '') args.push(q);
        return args;
      },
      decodeObject,
      options,
    );
  }

  /** Updates a record with the given attributes. */
  updateRecord(
    entityName: string,
    id: string,
    data: CifRecordData | string,
    options?: CifCallOptions,
  ): Promise<CifRecordReference> {
    return this.#call(
      'updateRecord',
      () => [
        requireText('updateRecord', entityName, 'entityName'),
        requireId('updateRecord', id, 'id'),
        jsonArgument('updateRecord', data, 'data'),
      ],
      (value) => decodeRecordReference(value, { id: stripBraces(id), entityName }),
      options,
    );
  }

  /** Deletes a record. */
  deleteRecord(
    entityName: string,
    id: string,
    options?: CifCallOptions,
  ): Promise<CifRecordReference> {
    return this.#call(
      'deleteRecord',
      () => [
        requireText('deleteRecord', entityName, 'entityName'),
        requireId('deleteRecord', id, 'id'),
      ],
      (value) => decodeRecordReference(value, { id: stripBraces(id), entityName }),
      options,
    );
  }

  /**
   * Searches records and, unless `searchOnly`, opens the result (one match opens the record, several the
   * search page; `$search` always opens the search page). Resolves a real array of records (CIF answers a
   * JSON string of an array-like object).
   */
  searchAndOpenRecords(
    entityName: string,
    query: CifQuery,
    searchOnly: boolean,
    options: CifSearchOptions = {},
  ): Promise<CifRecord[]> {
    return this.#call(
      'searchAndOpenRecords',
      () => {
        if (typeof searchOnly !== 'boolean') {
          throw validation(
            'searchAndOpenRecords',
            'searchAndOpenRecords: searchOnly must be a boolean',
          );
        }
        if (
          options.searchType !== undefined &&
          options.searchType !== 0 &&
          options.searchType !== 1
        ) {
          throw validation(
            'searchAndOpenRecords',
            'searchAndOpenRecords: searchType must be 0 or 1',
          );
        }
        return trimArgs([
          requireText('searchAndOpenRecords', entityName, 'entityName'),
          buildODataQuery(query),
          searchOnly,
          options.correlationId,
          options.searchType,
        ]);
      },
      (value) => decodeList(value).filter(isJsonObject),
      options,
    );
  }

  /**
   * Opens a form (an existing record, a new or quick-create form). Both arguments are passed as JSON strings,
   * as the real library expects. Resolves `savedEntityReference` when the agent saved the form.
   */
  openForm(
    entityFormOptions: CifEntityFormOptions,
    formParameters?: Readonly<Record<string, unknown>>,
    options?: CifCallOptions,
  ): Promise<CifOpenFormResult> {
    return this.#call(
      'openForm',
      () => {
        const formOptions = plainObject('openForm', entityFormOptions, 'entityFormOptions');
        requireText('openForm', formOptions.entityName, 'entityFormOptions.entityName');
        if (typeof formOptions.entityId === 'string')
          formOptions.entityId = stripBraces(formOptions.entityId);
        const args = [JSON.stringify(formOptions)];
        if (formParameters !== undefined) {
          args.push(JSON.stringify(plainObject('openForm', formParameters, 'formParameters')));
        }
        return args;
      },
      decodeOpenFormResult,
      options,
    );
  }

  /** Opens the search page for an entity with the given search text. */
  renderSearchPage(
    entityName: string,
    searchString: string,
    options?: CifCallOptions,
  ): Promise<void> {
    return this.#call(
      'renderSearchPage',
      () => [
        requireText('renderSearchPage', entityName, 'entityName'),
        typeof searchString === 'string' ? searchString : String(searchString ?? ''),
      ],
      () => undefined,
      options,
    );
  }

  /** Entity metadata, optionally limited to the given attributes. */
  getEntityMetadata(
    entityName: string,
    attributes?: readonly string[],
    options?: CifCallOptions,
  ): Promise<JsonObject> {
    return this.#call(
      'getEntityMetadata',
      () => {
        const args: unknown[] = [requireText('getEntityMetadata', entityName, 'entityName')];
        if (attributes !== undefined) {
          if (!Array.isArray(attributes) || !attributes.every((a) => typeof a === 'string')) {
            throw validation('getEntityMetadata', 'getEntityMetadata: attributes must be strings');
          }
          args.push([...attributes]);
        }
        return args;
      },
      decodeObject,
      options,
    );
  }

  /**
   * Raises a custom event to the handlers registered for it (in the widget or on the main page). `input` is
   * serialised to the JSON string CIF expects; a string is sent as is.
   */
  raiseEvent(event: string, input: unknown, options?: CifCallOptions): Promise<boolean> {
    return this.#call(
      'raiseEvent',
      () =>
        trimArgs([
          requireText('raiseEvent', event, 'event'),
          input === undefined ? '' : jsonArgument('raiseEvent', input, 'input'),
          options?.correlationId,
        ]),
      (value) => (value === undefined || value === null ? true : decodeBoolean(value)),
      options,
    );
  }

  /**
   * Updates the session context (slug values used by templates); `isDelete` removes the given keys.
   * Resolves the context the host reports, or the input when the host reports none.
   */
  updateContext(
    input: Readonly<Record<string, unknown>>,
    sessionId?: string,
    isDelete?: boolean,
    options?: CifCallOptions,
  ): Promise<JsonObject> {
    let sent: JsonObject = {};
    return this.#call(
      'updateContext',
      () => {
        sent = plainObject('updateContext', input, 'input');
        if (sessionId !== undefined) requireText('updateContext', sessionId, 'sessionId');
        return trimArgs([sent, sessionId, isDelete === undefined ? undefined : Boolean(isDelete)]);
      },
      (value) => {
        const decoded = decodeLenient(value);
        return isJsonObject(decoded) ? decoded : sent;
      },
      options,
    );
  }

  // ---------------------------------------------------------------------------------------------------
  // CIF 2.0 only

  /**
   * Shows the host's notification from a template (the incoming-call toast) and resolves the agent's
   * answer as `{accepted, action, reason}`, whether or not the host wraps it in `value`. The
   * cancellationToken is sent both in the input and as the documented third argument.
   *
   * @example
   * const { accepted, reason } = await client.notifyEvent({
   *   templateName: 'contoso_incoming_call',
   *   templateParameters: { number: '+1 619 555 0129', customerName: 'Alex Baker' },
   *   cancellationToken: callId,
   * });
   */
  notifyEvent(input: CifNotifyEventInput, options?: CifCallOptions): Promise<CifNotifyEventResult> {
    return this.#call(
      'notifyEvent',
      () => {
        const body = plainObject('notifyEvent', input, 'input');
        requireText('notifyEvent', body.templateName, 'templateName');
        body.templateParameters = plainObject(
          'notifyEvent',
          body.templateParameters,
          'templateParameters',
        );
        const token = body.cancellationToken;
        if (token !== undefined) requireText('notifyEvent', token, 'cancellationToken');
        return trimArgs([body, options?.correlationId, token]);
      },
      decodeNotifyResult,
      options,
    );
  }

  /** Withdraws a notification shown with the given cancellationToken. */
  cancelEvent(cancellationToken: string, options?: CifCallOptions): Promise<CifNotifyEventResult> {
    return this.#call(
      'cancelEvent',
      () => [requireText('cancelEvent', cancellationToken, 'cancellationToken')],
      decodeNotifyResult,
      options,
    );
  }

  /** Whether another session can be created (at most 10 are open). */
  canCreateSession(options?: CifCallOptions): Promise<boolean> {
    return this.#call('canCreateSession', () => [], decodeBoolean, options);
  }

  /**
   * Creates a session from a Generic session template and resolves its id. `context` becomes the session
   * context (getSession, onSessionSwitched); `templateParameters` fill the template's slugs.
   */
  createSession(input: CifCreateSessionInput, options?: CifCallOptions): Promise<string> {
    return this.#call(
      'createSession',
      () => {
        const body = this.#templateInput('createSession', input);
        if (body.context !== undefined)
          body.context = plainObject('createSession', body.context, 'context');
        if (body.customerName !== undefined)
          requireText('createSession', body.customerName, 'customerName');
        return [body];
      },
      nonEmptyText,
      options,
    );
  }

  /** A session of this provider (CIF answers a Map; `focussed` is read as `focused`). */
  getSession(sessionId: string, options?: CifCallOptions): Promise<CifSession> {
    return this.#call(
      'getSession',
      () => [requireText('getSession', sessionId, 'sessionId')],
      (value) => sessionOf(decodeObject(value), 'getSession'),
      options,
    );
  }

  /** The focused session's id, or null when the focused session is not this provider's. */
  getFocusedSession(options?: CifCallOptions): Promise<string | null> {
    return this.#call('getFocusedSession', () => [], idOrNull, options);
  }

  /** The ids of this provider's open sessions. */
  getAllSessions(options?: CifCallOptions): Promise<string[]> {
    return this.#call('getAllSessions', () => [], textList, options);
  }

  /** Asks the host to draw the agent's attention to a session (hosts show an indicator, not a switch). */
  requestFocusSession(sessionId: string, options?: CifCallOptions): Promise<void> {
    return this.#call(
      'requestFocusSession',
      () => [requireText('requestFocusSession', sessionId, 'sessionId')],
      () => undefined,
      options,
    );
  }

  /** Sets a session's title, from `title` or from slug values for the template's title. */
  setSessionTitle(input: CifSessionTitleInput, options?: CifCallOptions): Promise<void> {
    return this.#call(
      'setSessionTitle',
      () => {
        const body = plainObject('setSessionTitle', input, 'input');
        requireText('setSessionTitle', body.sessionId, 'sessionId');
        return [body];
      },
      () => undefined,
      options,
    );
  }

  /** Opens an application tab from a template in the provider's session and resolves its id. */
  createTab(input: CifCreateTabInput, options?: CifCallOptions): Promise<string> {
    return this.#call(
      'createTab',
      () => {
        const body = this.#templateInput('createTab', input);
        if (input.isFocused !== undefined) body.isFocused = Boolean(input.isFocused);
        return [body];
      },
      nonEmptyText,
      options,
    );
  }

  /** Tab ids, optionally only those of a template and/or with the given tags. */
  getTabs(
    templateName?: string,
    tags?: readonly string[],
    options?: CifCallOptions,
  ): Promise<string[]> {
    return this.#call(
      'getTabs',
      () => {
        if (
          tags !== undefined &&
          (!Array.isArray(tags) || !tags.every((tag) => typeof tag === 'string'))
        ) {
          throw validation('getTabs', 'getTabs: tags must be strings');
        }
        return trimArgs([templateName, tags === undefined ? undefined : [...tags]]);
      },
      textList,
      options,
    );
  }

  /** The focused tab's id, or null when there is none. */
  getFocusedTab(options?: CifCallOptions): Promise<string | null> {
    return this.#call('getFocusedTab', () => [], idOrNull, options);
  }

  /** Focuses a tab. */
  focusTab(tabId: string, options?: CifCallOptions): Promise<void> {
    return this.#tabCall('focusTab', tabId, options);
  }

  /** Refreshes a tab. */
  refreshTab(tabId: string, options?: CifCallOptions): Promise<void> {
    return this.#tabCall('refreshTab', tabId, options);
  }

  /** Closes a tab. */
  closeTab(tabId: string, options?: CifCallOptions): Promise<void> {
    return this.#tabCall('closeTab', tabId, options);
  }

  /** Sets a tab's title and resolves what the host reports. */
  setTabTitle(
    tabId: string,
    title: string | { readonly title: string },
    options?: CifCallOptions,
  ): Promise<string> {
    return this.#call(
      'setTabTitle',
      () => {
        const text = typeof title === 'string' ? title : title?.title;
        return [
          requireText('setTabTitle', tabId, 'tabId'),
          { title: requireText('setTabTitle', text, 'title') },
        ];
      },
      (value) => (value === undefined || value === null ? '' : decodeText(value)),
      options,
    );
  }

  /** Flags (or with `shouldReset`, clears) a KPI breach on a session. */
  notifyKpiBreach(
    sessionId: string,
    shouldReset?: boolean,
    details?: string,
    options?: CifCallOptions,
  ): Promise<void> {
    return this.#call(
      'notifyKpiBreach',
      () =>
        trimArgs([
          requireText('notifyKpiBreach', sessionId, 'sessionId'),
          shouldReset === undefined ? undefined : Boolean(shouldReset),
          details,
        ]),
      () => undefined,
      options,
    );
  }

  /** Shows a badge count of new activity on an unfocused session. */
  notifyNewActivity(sessionId: string, count: number, options?: CifCallOptions): Promise<void> {
    return this.#call(
      'notifyNewActivity',
      () => {
        if (!Number.isInteger(count) || count < 0) {
          throw validation(
            'notifyNewActivity',
            'notifyNewActivity: count must be a non-negative integer',
          );
        }
        return [requireText('notifyNewActivity', sessionId, 'sessionId'), count];
      },
      () => undefined,
      options,
    );
  }

  /** Sets the agent's presence; the text must equal a configured presence exactly. Resolves success. */
  setPresence(presenceText: string, options?: CifCallOptions): Promise<boolean> {
    return this.#call(
      'setPresence',
      () => [requireText('setPresence', presenceText, 'presenceText')],
      decodeBoolean,
      options,
    );
  }

  /** The agent's presence text. The host's `"FAILED"` answer rejects with a CifError. */
  getPresence(options?: CifCallOptions): Promise<string> {
    return this.#call(
      'getPresence',
      () => [],
      (value) => {
        const text = presenceOf(decodeLenient(value)).presenceText;
        if (text === 'FAILED')
          throw new CifError(
            'unknown',
            'getPresence',
            'getPresence failed: the host answered FAILED',
            { raw: value },
          );
        return text;
      },
      options,
    );
  }

  /** Logs custom analytics (KPI) events for a conversation. */
  logAnalyticsEvent(
    data: CifAnalyticsData,
    eventName: string,
    options?: CifCallOptions,
  ): Promise<string> {
    return this.#call(
      'logAnalyticsEvent',
      () => {
        const body = plainObject('logAnalyticsEvent', data, 'data');
        requireText('logAnalyticsEvent', body.conversationId, 'data.conversationId');
        requireText('logAnalyticsEvent', body.providerSessionId, 'data.providerSessionId');
        if (!Array.isArray(body.events))
          throw validation('logAnalyticsEvent', 'logAnalyticsEvent: data.events must be an array');
        return trimArgs([
          body,
          requireText('logAnalyticsEvent', eventName, 'eventName'),
          options?.correlationId,
        ]);
      },
      (value) =>
        value === undefined || value === null
          ? ''
          : decodeText(typeof value === 'object' ? JSON.stringify(toJsonValue(value)) : value),
      options,
    );
  }

  /** Updates fields of the conversation (msdyn_ocliveworkitem). */
  updateConversation(
    conversationId: string,
    data: CifRecordData | string,
    options?: CifCallOptions,
  ): Promise<CifRecordReference> {
    return this.#call(
      'updateConversation',
      () => [
        requireId('updateConversation', conversationId, 'conversationId'),
        jsonArgument('updateConversation', data, 'data'),
      ],
      (value) =>
        decodeRecordReference(value, {
          id: stripBraces(conversationId),
          entityName: 'msdyn_ocliveworkitem',
        }),
      options,
    );
  }

  // ---------------------------------------------------------------------------------------------------
  // Events

  /**
   * Subscribes to a CIF event and returns the function that unsubscribes. Payloads are parsed and
   * normalised (JSON strings and Maps become objects, `focussed` becomes `focused`). The handler CIF
   * receives always returns a settled promise: resolved when every subscriber succeeds, rejected with a
   * message when one throws or rejects, resolved after `handlerTimeout` when one never settles. Problems
   * are reported to `onError`.
   *
   * Throws a CifError synchronously only when the library cannot register handlers at all.
   *
   * @example
   * const off = client.on('onclicktoact', ({ value, recordTitle }) => dial(value, recordTitle));
   * // later
   * off();
   */
  on<E extends CifEventName>(event: E, handler: CifEventHandler<CifEventMap[E]>): () => void;
  /** Subscribes to a custom event raised with raiseEvent; the payload is parsed when it is JSON. */
  on(event: string, handler: CifEventHandler<JsonValue>): () => void;
  on(event: string, handler: CifEventHandler<never>): () => void {
    if (typeof event !== 'string' || event === '') {
      throw validation('addHandler', 'on: event must be a non-empty string');
    }
    if (typeof handler !== 'function')
      throw validation('addHandler', 'on: handler must be a function');
    let dispatcher = this.#dispatchers.get(event);
    if (!dispatcher) {
      dispatcher = this.#register(event);
      this.#dispatchers.set(event, dispatcher);
    }
    const subscription: Subscription = { handler };
    dispatcher.subscriptions.add(subscription);
    let active = true;
    return () => {
      if (!active) return;
      active = false;
      const current = this.#dispatchers.get(event);
      if (!current) return;
      current.subscriptions.delete(subscription);
      if (current.subscriptions.size === 0) this.#unregister(event, current);
    };
  }

  /**
   * Resolves the next payload of an event (and unsubscribes). Rejects with `aborted` when the signal aborts.
   */
  once<E extends CifEventName>(
    event: E,
    options?: { readonly signal?: AbortSignal },
  ): Promise<CifEventMap[E]>;
  once(event: string, options?: { readonly signal?: AbortSignal }): Promise<JsonValue>;
  once(event: string, options: { readonly signal?: AbortSignal } = {}): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const { signal } = options;
      const abort = () =>
        reject(
          new CifError('aborted', 'addHandler', `waiting for ${event} was aborted`, { event }),
        );
      if (signal?.aborted) return abort();
      let off: () => void = () => undefined;
      const onAbort = () => {
        off();
        abort();
      };
      try {
        off = this.on(event, (payload: unknown) => {
          off();
          signal?.removeEventListener('abort', onAbort);
          resolve(payload);
        });
      } catch (error) {
        reject(toCifError(error, 'addHandler'));
        return;
      }
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Events with at least one subscriber. */
  get subscribedEvents(): string[] {
    return [...this.#dispatchers.keys()];
  }

  /** Removes every handler this client registered. The client stays usable. */
  dispose(): void {
    for (const [event, dispatcher] of [...this.#dispatchers]) this.#unregister(event, dispatcher);
  }

  // ---------------------------------------------------------------------------------------------------
  // Internals

  #templateInput(api: CifApiName, input: CifTemplateInput): JsonObject {
    const body = plainObject(api, input, 'input');
    requireText(api, body.templateName, 'templateName');
    body.templateParameters = plainObject(api, body.templateParameters, 'templateParameters');
    return body;
  }

  #tabCall(
    api: 'focusTab' | 'refreshTab' | 'closeTab',
    tabId: string,
    options?: CifCallOptions,
  ): Promise<void> {
    return this.#call(
      api,
      () => [requireText(api, tabId, 'tabId')],
      () => undefined,
      options,
    );
  }

  /** The timeout of a call in ms, or undefined for none. */
  #timeoutFor(api: CifApiName, timeout: number | undefined): number | undefined {
    const configured = timeout ?? this.#timeouts[api];
    if (typeof configured === 'number' && !Number.isNaN(configured)) return timerDelay(configured);
    if (CIF_UNBOUNDED_APIS.includes(api)) return undefined;
    const fallback = timerDelay(this.#defaultTimeout);
    if (api === 'notifyEvent' && fallback !== undefined)
      return Math.max(fallback, CIF_NOTIFY_EVENT_TIMEOUT);
    return fallback;
  }

  /** Calls a library function with arguments built lazily, bounded by timeout and signal, decoded. */
  #call<T>(
    api: CifApiName,
    build: () => unknown[],
    decodeResult: (value: unknown) => T,
    options?: CifCallOptions,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      // Options come from the app and may be anything: read them once, and refuse what cannot be read.
      let signal: AbortSignal | undefined;
      let timeoutOption: number | undefined;
      try {
        signal = options?.signal ?? undefined;
        timeoutOption = options?.timeout;
        if (
          signal !== undefined &&
          (typeof signal !== 'object' || typeof signal.addEventListener !== 'function')
        ) {
          throw new TypeError('options.signal must be an AbortSignal');
        }
      } catch (error) {
        reject(validation(api, `${api}: the call options cannot be read: ${messageOf(error)}`));
        return;
      }
      const cleanup = () => {
        settled = true;
        if (timer !== undefined) clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      };
      const fail = (error: CifError) => {
        if (settled) return;
        cleanup();
        reject(error);
      };
      const onAbort = () =>
        fail(new CifError('aborted', api, `${api} was aborted`, { raw: signal?.reason }));

      if (apiVersion(api) > this.version) {
        return fail(
          new CifError(
            'unsupported-in-version',
            api,
            `${api} needs CIF 2.0; the host speaks CIF ${this.version}.0`,
          ),
        );
      }
      if (!hasFunction(this.library, api)) {
        return fail(
          new CifError('not-available', api, `${api} is not provided by the loaded CIF library`),
        );
      }
      if (signal?.aborted) return onAbort();

      let args: unknown[];
      try {
        args = build();
      } catch (error) {
        return fail(isCifError(error) ? error : validation(api, `${api}: ${messageOf(error)}`));
      }

      const timeout = this.#timeoutFor(api, timeoutOption);
      if (timeout !== undefined) {
        timer = setTimeout(
          () => fail(new CifError('timeout', api, `${api} got no answer within ${timeout} ms`)),
          timeout,
        );
      }
      signal?.addEventListener('abort', onAbort, { once: true });

      let result: unknown;
      try {
        const fn = this.library[api] as (...parameters: unknown[]) => unknown;
        result = Reflect.apply(fn, this.library, args);
      } catch (error) {
        return fail(toCifError(error, api));
      }
      Promise.resolve(result).then(
        (value) => {
          if (settled) return;
          let decoded: T;
          try {
            decoded = decodeResult(value);
          } catch (error) {
            return fail(
              isCifError(error)
                ? error
                : new CifError(
                    'invalid-response',
                    api,
                    `${api} answered an unreadable result: ${messageOf(error)}`,
                    {
                      raw: value,
                      cause: error,
                    },
                  ),
            );
          }
          cleanup();
          resolve(decoded);
        },
        (reason: unknown) => fail(toCifError(reason, api)),
      );
    });
  }

  #report(error: CifError): void {
    try {
      this.#onError(error);
    } catch {
      // An error reporter that throws must not break the host protocol.
    }
  }

  #register(event: string): Dispatcher {
    const subscriptions = new Set<Subscription>();
    const decodePayload: (payload: unknown) => unknown = isCifEventName(event)
      ? eventDecoders[event]
      : decodeCustomPayload;
    const hostHandler: HostHandler = (raw: unknown) =>
      new Promise<unknown>((resolve, reject) => {
        let payload: unknown;
        try {
          payload = decodePayload(raw);
        } catch (error) {
          const problem = new CifError(
            'invalid-response',
            'addHandler',
            `${event} payload cannot be read: ${messageOf(error)}`,
            {
              raw,
              event,
              cause: error,
            },
          );
          this.#report(problem);
          // The host gets a plain message: it survives postMessage and JSON alike.
          // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
          reject(problem.message);
          return;
        }
        const context: CifEventContext = Object.freeze({ event, raw });
        // A promise constructor turns a synchronous throw of the app's handler into a rejection.
        const runs = [...subscriptions].map(
          (subscription) =>
            new Promise<unknown>((settle) =>
              settle((subscription.handler as CifEventHandler<unknown>)(payload, context)),
            ),
        );
        let done = false;
        const timer = setTimeout(() => {
          if (done) return;
          done = true;
          this.#report(
            new CifError(
              'timeout',
              'addHandler',
              `${event} handler did not settle within ${this.#handlerTimeout} ms`,
              {
                event,
              },
            ),
          );
          resolve(undefined);
        }, this.#handlerTimeout);
        void Promise.allSettled(runs).then((results) => {
          if (done) return;
          done = true;
          clearTimeout(timer);
          const failure = results.find((result) => result.status === 'rejected');
          if (failure) {
            const message = `${event} handler failed: ${messageOf(failure.reason)}`;
            this.#report(
              new CifError('unknown', 'addHandler', message, {
                event,
                raw: failure.reason,
                cause: failure.reason,
              }),
            );
            // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
            reject(message);
            return;
          }
          const first = results[0];
          resolve(
            results.length === 1 && first?.status === 'fulfilled'
              ? answerValue(first.value)
              : undefined,
          );
        });
      });

    const addHandler = this.library.addHandler;
    if (!hasFunction(this.library, 'addHandler') || typeof addHandler !== 'function') {
      throw new CifError(
        'not-available',
        'addHandler',
        'addHandler is not provided by the loaded CIF library',
        { event },
      );
    }
    let registration: unknown;
    try {
      registration = Reflect.apply(addHandler, this.library, [event, hostHandler]);
    } catch (error) {
      throw toCifError(error, 'addHandler');
    }
    this.#watch(registration, 'addHandler', event);
    return { hostHandler, subscriptions };
  }

  #unregister(event: string, dispatcher: Dispatcher): void {
    this.#dispatchers.delete(event);
    dispatcher.subscriptions.clear();
    try {
      const removeHandler = this.library.removeHandler;
      if (typeof removeHandler !== 'function') {
        throw new CifError(
          'not-available',
          'removeHandler',
          'removeHandler is not provided by the loaded CIF library',
        );
      }
      this.#watch(
        Reflect.apply(removeHandler, this.library, [event, dispatcher.hostHandler]),
        'removeHandler',
        event,
      );
    } catch (error) {
      this.#report(toCifError(error, 'removeHandler'));
    }
  }

  /** Reports a rejected registration promise (addHandler/removeHandler may return one). */
  #watch(result: unknown, api: 'addHandler' | 'removeHandler', event: string): void {
    if (typeof result !== 'object' || result === null) return;
    Promise.resolve(result).then(undefined, (reason: unknown) => {
      const error = toCifError(reason, api);
      this.#report(new CifError(error.code, api, error.message, { raw: reason, event }));
    });
  }
}

/**
 * Creates a {@link CifClient} over a library object.
 *
 * @example
 * const client = createCifClient(window.Microsoft.CIFramework, { version: 2, timeout: 30_000 });
 */
export function createCifClient(library: CifLibrary, options?: CifClientOptions): CifClient {
  return new CifClient(library, options);
}
