/**
 * A fake `Microsoft.CIFramework` for tests of everything built on the CIF client. It reproduces the real
 * library's quirks: JSON-string results for record, search, environment, form and notification APIs and
 * raw values elsewhere; getSession's Map; rejections as JSON strings, Maps and `{errorCode, message}`
 * objects; the host's timeout text; handlers that receive JSON strings and must return promises.
 *
 * Every API can be overridden (result, delay, failure shape, never answering, synchronous throw), every
 * call is recorded, and host-side actions (raising events, switching sessions, answering notifications)
 * report what the widget's handler promises settled to.
 */
/* eslint-disable @typescript-eslint/prefer-promise-reject-errors, @typescript-eslint/only-throw-error --
   the real library rejects with JSON strings, Maps and plain objects, and so must its fake */
import { CIF_TIMEOUT_MESSAGE } from '../cif/errors.js';
import {
  CIF_V1_APIS,
  CIF_V2_APIS,
  type CifApiName,
  type CifLibrary,
  type CifMode,
  type CifVersion,
  type JsonObject,
  type JsonValue,
} from '../cif/types.js';
import { applyQuery, ODataQueryError, parseQuery, type FakeRecord } from './odata-filter.js';

/** How a failure is encoded, as the real library does it. */
export type FakeFailureShape =
  /** The API's documented shape: a JSON string for JSON APIs, `{errorCode, message}` for createTab, a Map otherwise. */
  | 'native'
  /** A JSON string `{"message", "msdyn_name"}`. */
  | 'json'
  /** A Map with keys `message` and `msdyn_name`. */
  | 'map'
  /** An object `{errorCode, message}`. */
  | 'object'
  /** A JSON string `{"message"}` without `msdyn_name` (argument validation). */
  | 'validation'
  /** An Error. */
  | 'error'
  /** The host's timeout: rejects after `hostTimeout` with "Timeout occurred…" in the native shape. */
  | 'timeout'
  /** `value` exactly as given. */
  | 'raw';

/** A failure to produce. */
export interface FakeFailure {
  readonly shape: FakeFailureShape;
  readonly message?: string;
  readonly errorCode?: number;
  /** For `raw`: the rejection value. */
  readonly value?: unknown;
}

/** How an API behaves instead of its default. */
export interface FakeBehaviour {
  /** Resolve exactly this raw value (a JSON string, a Map, …: what the library would resolve). */
  readonly result?: unknown;
  /** Compute the raw result from the arguments (may return a promise or throw). */
  readonly respond?: (...args: unknown[]) => unknown;
  /** Reject with this failure (a shape alone uses a default message). */
  readonly fail?: FakeFailure | FakeFailureShape;
  /** Never settle. */
  readonly never?: boolean;
  /** Throw this synchronously from the library function. */
  readonly throws?: unknown;
  /** Answer after this many ms (timers, so sinon fake timers control it). */
  readonly delay?: number;
  /** Apply to this many calls, then return to the default. */
  readonly times?: number;
}

/** A recorded call. */
export interface FakeCall {
  readonly api: CifApiName;
  readonly args: readonly unknown[];
}

/** What a widget handler's return value settled to, as the host sees it. */
export type FakeHandlerOutcome =
  | { readonly status: 'fulfilled'; readonly value: unknown }
  | { readonly status: 'rejected'; readonly reason: unknown }
  /** The handler returned something that is not a promise: the host reports a failure. */
  | { readonly status: 'not-a-promise'; readonly value: unknown }
  /** The handler threw synchronously. */
  | { readonly status: 'threw'; readonly error: unknown }
  /** The promise did not settle within `hostTimeout`. */
  | { readonly status: 'timeout' };

/** An answer to a notification. */
export interface FakeNotificationAnswer {
  readonly actionName: string;
  readonly responseReason: string;
}

/** Something the agent would see open in Dynamics. */
export type FakeNavigation =
  | { readonly type: 'record'; readonly entityName: string; readonly entityId: string }
  | { readonly type: 'search'; readonly entityName: string; readonly searchText: string }
  | { readonly type: 'form'; readonly options: JsonObject; readonly parameters?: JsonObject };

/** A session in the fake. */
export interface FakeSession {
  readonly sessionId: string;
  readonly templateName: string;
  title: string;
  context: JsonObject;
  conversationId?: string;
  /** Badge count from notifyNewActivity. */
  activity: number;
  /** Set by requestFocusSession. */
  attention: boolean;
  kpiBreach?: { readonly reset: boolean; readonly details?: string };
}

/** A tab in the fake. */
export interface FakeTab {
  readonly tabId: string;
  readonly templateName: string;
  readonly sessionId: string | null;
  readonly tags: readonly string[];
  title: string;
  refreshed: number;
}

/** A notification shown by notifyEvent that the agent has not answered. */
export interface FakeNotification {
  readonly templateName: string;
  readonly templateParameters: JsonObject;
  readonly cancellationToken?: string;
}

/** Quirks that vary between hosts. */
export interface FakeQuirks {
  /** getMode resolves a string (`"1"`), as the docs say, instead of a number. */
  readonly modeAsString?: boolean;
  /** notifyEvent resolves with the documented `{"value": {...}}` wrapper (the real library does not). */
  readonly notifyValueWrapper?: boolean;
  /** Spelling of the focus flag in onSessionSwitched (the docs' `focussed`, or `focused`). */
  readonly sessionFocusSpelling?: 'focused' | 'focussed';
  /** Older hosts answer a display timeout with Reject/DisplayTimeout instead of Timeout/DisplayTimeout. */
  readonly rejectOnDisplayTimeout?: boolean;
  /**
   * raiseEvent delivers a Map `{value, correlationId}` to handlers, as the CIF documentation's example
   * handler reads it (`eventInput.get("value")`), instead of the raised JSON string.
   */
  readonly customEventsAsMap?: boolean;
}

/** Options of {@link FakeCIFramework}. */
export interface FakeCifOptions {
  /** 1 leaves out every CIF 2.0 function, as a CIF 1.0 library. Default 2. */
  readonly version?: CifVersion;
  /** Environment fields, merged over a realistic default (userId in braces, LCIDs as numbers). */
  readonly environment?: Readonly<Record<string, JsonValue>>;
  /** Records per entity; ids go in `<entity>id` (generated when missing). */
  readonly records?: Readonly<Record<string, readonly Readonly<Record<string, JsonValue>>[]>>;
  /** The host's API timeout: the `timeout` failure and handler waits. Default 10 s (v1) / 100 s (v2). */
  readonly hostTimeout?: number;
  /** Configured presence texts. */
  readonly presences?: readonly string[];
  /** Initial presence text. */
  readonly presence?: string;
  /** When given, notifyEvent with another template fails with NotificationTemplateNotFoundError. */
  readonly notificationTemplates?: readonly string[];
  /** When given, createSession with another template fails. */
  readonly sessionTemplates?: readonly string[];
  /** When given, createTab with another template fails. */
  readonly tabTemplates?: readonly string[];
  /** How the agent answers notifications; `'pending'` waits for answerNotification or cancelEvent. */
  readonly notificationAnswer?: FakeNotificationAnswer | 'pending';
  /** Template display timeout in ms for pending notifications (none by default). */
  readonly notificationTimeout?: number;
  /** Initial panel mode, width and click-to-act. */
  readonly mode?: CifMode;
  readonly width?: number;
  readonly clickToAct?: boolean;
  /** Maximum open sessions (CIF: 10). */
  readonly maxSessions?: number;
  /** Host quirks. */
  readonly quirks?: FakeQuirks;
}

/** The answer the fake gives a notification cancelled with cancelEvent (an assumption of the fake). */
export const FAKE_CANCELLED_ANSWER: FakeNotificationAnswer = Object.freeze({
  actionName: 'Reject',
  responseReason: 'Cancelled',
});

/** APIs whose real results and rejections are JSON strings. */
const JSON_APIS: ReadonlySet<CifApiName> = new Set<CifApiName>([
  'createRecord',
  'retrieveRecord',
  'updateRecord',
  'deleteRecord',
  'searchAndOpenRecords',
  'getEnvironment',
  'openForm',
  'notifyEvent',
  'cancelEvent',
  'updateConversation',
]);

const DEFAULT_ENVIRONMENT: JsonObject = {
  appUrl: 'https://contoso.crm.dynamics.com/main.aspx?appid=5b0e0b5a-3f9f-ea11-a812-000d3a8b3ec6',
  appid: '5b0e0b5a-3f9f-ea11-a812-000d3a8b3ec6',
  cifVersion: '2.0',
  clientUrl: 'https://contoso.crm.dynamics.com',
  crmVersion: '9.2.24011.00200',
  customParams: null,
  etn: '',
  id: '',
  isDirty: false,
  orgId: '{9C4D1A1E-2D44-4C71-9B8E-6F1B1A7C2E11}',
  orgLcid: 1033,
  orgUniqueName: 'contoso',
  pagetype: 'dashboard',
  userId: '{A8177E6E-1F4B-4E3A-9C2D-0E6A3B7C9D10}',
  userLcid: 1033,
  username: 'Alex Agent',
};

const DEFAULT_PRESENCES = ['Available', 'Busy', 'Busy - DND', 'Away', 'Offline', 'On call'];

class Rejection {
  constructor(readonly value: unknown) {}
}

function pascal(api: string): string {
  return api.charAt(0).toUpperCase() + api.slice(1);
}

function guid(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

function bare(id: unknown): string {
  return (typeof id === 'string' ? id : typeof id === 'number' ? String(id) : '')
    .trim()
    .replace(/^\{|\}$/g, '')
    .toLowerCase();
}

function jsonObject(value: unknown): JsonObject | undefined {
  let parsed: unknown = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  try {
    return JSON.parse(JSON.stringify(parsed)) as JsonObject;
  } catch {
    return undefined;
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

type Impl = (...args: unknown[]) => unknown;
type FakeLibrary = CifLibrary & Record<CifApiName, Impl>;

/**
 * A fake of `Microsoft.CIFramework`. Pass `fake.library` to the client, or `fake.install()` it on a window.
 *
 * @example
 * const fake = new FakeCIFramework({ records: { contact: [{ fullname: 'Alex Baker', telephone1: '+16195550129' }] } });
 * const client = createCifClient(fake.library);
 * fake.override('getEnvironment', { fail: 'timeout' });
 * const outcomes = await fake.raise('onclicktoact', { value: '+16195550129', name: 'telephone1', format: 'Phone', entityLogicalName: 'contact' });
 */
export class FakeCIFramework {
  /** The object shaped like `Microsoft.CIFramework`. */
  readonly library: FakeLibrary;
  /** The version the fake imitates. */
  readonly version: CifVersion;
  /** Every call, in order. */
  readonly calls: FakeCall[] = [];
  /** What was opened (records, search pages, forms), in order. */
  readonly navigations: FakeNavigation[] = [];
  /** Events raised through raiseEvent, with the input as received. */
  readonly raisedEvents: { readonly event: string; readonly input: unknown }[] = [];
  /** logAnalyticsEvent calls. */
  readonly analytics: { readonly data: unknown; readonly eventName: string }[] = [];

  /** Host timeout in ms. */
  hostTimeout: number;
  /** Panel mode, width, click-to-act, presence. */
  mode: CifMode;
  width: number;
  clickToAct: boolean;
  presence: string;
  /** Environment fields as getEnvironment serialises them. */
  environment: JsonObject;
  /** Sessions by id. */
  readonly sessions = new Map<string, FakeSession>();
  /** Tabs by id. */
  readonly tabs = new Map<string, FakeTab>();
  /** The focused session id (null: the home session or another provider's). */
  focusedSessionId: string | null = null;
  /** The focused tab id. */
  focusedTabId: string | null = null;
  /** Context set with updateContext without a session. */
  context: JsonObject = {};
  /** How the agent answers notifications. */
  notificationAnswer: FakeNotificationAnswer | 'pending';

  readonly #options: FakeCifOptions;
  readonly #quirks: FakeQuirks;
  readonly #records = new Map<string, Map<string, FakeRecord>>();
  readonly #handlers = new Map<string, Impl[]>();
  readonly #behaviours = new Map<CifApiName, { behaviour: FakeBehaviour; remaining: number }>();
  readonly #pending = new Map<
    string,
    {
      notification: FakeNotification;
      resolve: (answer: FakeNotificationAnswer) => void;
      timer?: ReturnType<typeof setTimeout>;
    }
  >();
  #ids = 0;

  constructor(options: FakeCifOptions = {}) {
    this.#options = options;
    this.#quirks = options.quirks ?? {};
    this.version = options.version ?? 2;
    this.hostTimeout = options.hostTimeout ?? (this.version === 1 ? 10_000 : 100_000);
    this.mode = options.mode ?? 1;
    this.width = options.width ?? 340;
    this.clickToAct = options.clickToAct ?? false;
    this.presence = options.presence ?? 'Available';
    this.environment = {
      ...DEFAULT_ENVIRONMENT,
      cifVersion: this.version === 1 ? '1.0' : '2.0',
      ...options.environment,
    };
    this.notificationAnswer = options.notificationAnswer ?? {
      actionName: 'Accept',
      responseReason: 'Accept',
    };
    for (const [entity, rows] of Object.entries(options.records ?? {})) {
      for (const row of rows) this.#store(entity, row);
    }
    const apis: readonly CifApiName[] =
      this.version === 2 ? [...CIF_V1_APIS, ...CIF_V2_APIS] : CIF_V1_APIS;
    const library: Partial<Record<CifApiName, Impl>> = {};
    for (const api of apis) {
      library[api] = (...args: unknown[]) => this.#invoke(api, args);
    }
    this.library = library as FakeLibrary;
  }

  // -------------------------------------------------------------------------------------------------
  // Configuration and inspection

  /** Overrides an API's behaviour (until {@link reset}, or for `times` calls). Returns the fake. */
  override(api: CifApiName, behaviour: FakeBehaviour): this {
    this.#behaviours.set(api, { behaviour, remaining: behaviour.times ?? Infinity });
    return this;
  }

  /** Removes overrides (of one API, or all). */
  reset(api?: CifApiName): this {
    if (api) this.#behaviours.delete(api);
    else this.#behaviours.clear();
    return this;
  }

  /** Calls of one API, in order. */
  callsTo(api: CifApiName): FakeCall[] {
    return this.calls.filter((call) => call.api === api);
  }

  /** Handlers registered for an event (by reference). */
  handlers(event: string): readonly Impl[] {
    return [...(this.#handlers.get(event) ?? [])];
  }

  /** Records of an entity, in insertion order. */
  records(entity: string): FakeRecord[] {
    return [...(this.#records.get(entity)?.values() ?? [])];
  }

  /** Adds a record (id generated in `<entity>id` when missing) and returns its id. */
  addRecord(entity: string, record: Readonly<Record<string, JsonValue>>): string {
    return this.#store(entity, record);
  }

  /** Notifications waiting for the agent. */
  get pendingNotifications(): FakeNotification[] {
    return [...this.#pending.values()].map((entry) => entry.notification);
  }

  /**
   * Installs the library as `window.Microsoft.CIFramework` and dispatches `CIFInitDone` on the next task,
   * as the real library does. Returns a function that restores the previous value.
   */
  install(win: Window = window): () => void {
    const target = win as unknown as { Microsoft?: Record<string, unknown> };
    const previous = target.Microsoft;
    target.Microsoft = { ...previous, CIFramework: this.library };
    setTimeout(() => win.dispatchEvent(new Event('CIFInitDone')), 0);
    return () => {
      if (previous === undefined) delete target.Microsoft;
      else target.Microsoft = previous;
    };
  }

  // -------------------------------------------------------------------------------------------------
  // Host side: events and agent actions

  /**
   * Raises an event to every handler registered for it, as the host does: the payload is passed as a JSON
   * string (objects are stringified), or as a Map with `as: 'map'`, or as is with `as: 'raw'`. Resolves what
   * each handler's return value settled to (a promise that does not settle within `hostTimeout` is a timeout).
   */
  raise(
    event: string,
    payload: unknown,
    options: { readonly as?: 'json' | 'map' | 'raw' } = {},
  ): Promise<FakeHandlerOutcome[]> {
    let delivered: unknown = payload;
    if (options.as === 'map') {
      delivered = new Map(Object.entries((payload ?? {}) as Record<string, unknown>));
    } else if (options.as !== 'raw' && typeof payload !== 'string') {
      delivered = JSON.stringify(payload ?? null);
    }
    return Promise.all(this.handlers(event).map((handler) => this.#runHandler(handler, delivered)));
  }

  /** The agent clicks a click-to-act field. Raised only when click-to-act is enabled (else no outcomes). */
  clickToActFrom(payload: Readonly<Record<string, JsonValue>>): Promise<FakeHandlerOutcome[]> {
    if (!this.clickToAct) return Promise.resolve([]);
    return this.raise('onclicktoact', payload);
  }

  /** The agent toggles the panel. */
  toggleMode(mode: CifMode): Promise<FakeHandlerOutcome[]> {
    this.mode = mode;
    return this.raise('onmodechanged', { value: mode });
  }

  /** The agent resizes the panel. */
  resize(width: number): Promise<FakeHandlerOutcome[]> {
    this.width = width;
    return this.raise('onsizechanged', { value: width });
  }

  /**
   * The agent switches to a session (null: the home session): onSessionSwitched for the old session with
   * the focus flag false, then for the new one with true, as the host does.
   */
  async switchSession(sessionId: string | null): Promise<FakeHandlerOutcome[]> {
    const flag = this.#quirks.sessionFocusSpelling ?? 'focussed';
    const outcomes: FakeHandlerOutcome[] = [];
    const old = this.focusedSessionId;
    this.focusedSessionId = sessionId;
    if (old !== null && old !== sessionId) {
      outcomes.push(
        ...(await this.raise('onSessionSwitched', {
          sessionId: old,
          [flag]: false,
          context: this.sessions.get(old)?.context ?? {},
        })),
      );
    }
    if (sessionId !== null) {
      const session = this.sessions.get(sessionId);
      if (session) session.attention = false;
      outcomes.push(
        ...(await this.raise('onSessionSwitched', {
          sessionId,
          [flag]: true,
          context: session?.context ?? {},
        })),
      );
    }
    return outcomes;
  }

  /** The agent closes a session (providers cannot): onSessionClosed. */
  closeSession(sessionId: string): Promise<FakeHandlerOutcome[]> {
    const session = this.sessions.get(sessionId);
    this.sessions.delete(sessionId);
    if (this.focusedSessionId === sessionId) this.focusedSessionId = null;
    for (const [tabId, tab] of this.tabs) if (tab.sessionId === sessionId) this.tabs.delete(tabId);
    return this.raise('onSessionClosed', { sessionId, context: session?.context ?? {} });
  }

  /** The agent changes presence in the host: onPresenceChange. */
  changePresence(
    presenceText: string,
    extra: Readonly<Record<string, string>> = {},
  ): Promise<FakeHandlerOutcome[]> {
    this.presence = presenceText;
    return this.raise('onPresenceChange', {
      presenceInfo: {
        basePresenceStatus: extra.basePresenceStatus ?? 'AVAILABLE',
        presenceColor: extra.presenceColor ?? '#00FF00',
        presenceId: extra.presenceId ?? 'presence-1',
        presenceText,
      },
    });
  }

  /**
   * The agent answers a pending notification (the oldest, or the one with the token). Returns whether one
   * was pending.
   */
  answerNotification(answer: FakeNotificationAnswer, cancellationToken?: string): boolean {
    const key = cancellationToken ?? this.#pending.keys().next().value;
    const entry = key === undefined ? undefined : this.#pending.get(key);
    if (key === undefined || !entry) return false;
    this.#settleNotification(key, answer);
    return true;
  }

  // -------------------------------------------------------------------------------------------------
  // Internals

  #store(entity: string, record: Readonly<Record<string, JsonValue>>): string {
    const idAttribute = `${entity}id`;
    const given = record[idAttribute];
    const id = typeof given === 'string' && given !== '' ? bare(given) : guid(++this.#ids);
    let table = this.#records.get(entity);
    if (!table) {
      table = new Map();
      this.#records.set(entity, table);
    }
    table.set(id, Object.freeze({ ...record, [idAttribute]: id }));
    return id;
  }

  #native(api: CifApiName): FakeFailureShape {
    if (JSON_APIS.has(api)) return 'json';
    if (api === 'createTab') return 'object';
    return 'map';
  }

  /** Encodes a failure as the library would reject. */
  #encode(api: CifApiName, failure: FakeFailure): unknown {
    const message = failure.message ?? `${api} failed`;
    const shape =
      failure.shape === 'native' || failure.shape === 'timeout' ? this.#native(api) : failure.shape;
    switch (shape) {
      case 'json':
        return JSON.stringify({ message, msdyn_name: pascal(api) });
      case 'validation':
        return JSON.stringify({ message });
      case 'map':
        return new Map<string, unknown>([
          ['message', message],
          ['msdyn_name', pascal(api)],
        ]);
      case 'object':
        return { errorCode: failure.errorCode ?? 1, message };
      case 'error':
        return new Error(message);
      default:
        return failure.value;
    }
  }

  #fail(api: CifApiName, message: string, shape: FakeFailureShape = 'native'): Rejection {
    return new Rejection(this.#encode(api, { shape, message }));
  }

  #invoke(api: CifApiName, args: unknown[]): unknown {
    this.calls.push({ api, args });
    const entry = this.#behaviours.get(api);
    let behaviour: FakeBehaviour | undefined;
    if (entry) {
      behaviour = entry.behaviour;
      entry.remaining -= 1;
      if (entry.remaining <= 0) this.#behaviours.delete(api);
    }
    if (behaviour && 'throws' in behaviour && behaviour.throws !== undefined)
      throw behaviour.throws;
    if (behaviour?.never) return new Promise<never>(() => undefined);
    const produce = (): Promise<unknown> => {
      if (behaviour) return this.#produce(api, behaviour, args);
      try {
        const result = this.#defaults(api, args);
        if (result instanceof Rejection) return Promise.reject(result.value);
        return Promise.resolve(result);
      } catch (error) {
        return Promise.reject(this.#encode(api, { shape: 'native', message: String(error) }));
      }
    };
    const delay = behaviour?.delay ?? 0;
    if (delay > 0) return new Promise((resolve) => setTimeout(resolve, delay)).then(produce);
    return produce();
  }

  #produce(api: CifApiName, behaviour: FakeBehaviour, args: unknown[]): Promise<unknown> {
    if (behaviour.fail !== undefined) {
      const failure: FakeFailure =
        typeof behaviour.fail === 'string' ? { shape: behaviour.fail } : behaviour.fail;
      if (failure.shape === 'timeout') {
        const value = this.#encode(api, {
          ...failure,
          message: failure.message ?? CIF_TIMEOUT_MESSAGE,
        });
        return new Promise((_, reject) => setTimeout(() => reject(value), this.hostTimeout));
      }
      return Promise.reject(this.#encode(api, failure));
    }
    if (behaviour.respond) {
      try {
        return Promise.resolve(behaviour.respond(...args));
      } catch (error) {
        return Promise.reject(error);
      }
    }
    return Promise.resolve(behaviour.result);
  }

  #runHandler(handler: Impl, payload: unknown): Promise<FakeHandlerOutcome> {
    let returned: unknown;
    try {
      returned = handler(payload);
    } catch (error) {
      return Promise.resolve({ status: 'threw', error });
    }
    if (!isThenable(returned)) return Promise.resolve({ status: 'not-a-promise', value: returned });
    return new Promise<FakeHandlerOutcome>((resolve) => {
      const timer = setTimeout(() => resolve({ status: 'timeout' }), this.hostTimeout);
      Promise.resolve(returned).then(
        (value) => {
          clearTimeout(timer);
          resolve({ status: 'fulfilled', value });
        },
        (reason: unknown) => {
          clearTimeout(timer);
          resolve({ status: 'rejected', reason });
        },
      );
    });
  }

  #session(api: CifApiName, sessionId: unknown): FakeSession | Rejection {
    const session = typeof sessionId === 'string' ? this.sessions.get(sessionId) : undefined;
    return (
      session ??
      this.#fail(api, `Session with id ${String(sessionId)} does not exist for this provider`)
    );
  }

  #tab(api: CifApiName, tabId: unknown): FakeTab | Rejection {
    const tab = typeof tabId === 'string' ? this.tabs.get(tabId) : undefined;
    return tab ?? this.#fail(api, `Tab with id ${String(tabId)} does not exist`);
  }

  #entityArg(api: CifApiName, entity: unknown): string | Rejection {
    if (typeof entity !== 'string' || entity.trim() === '') {
      return this.#fail(api, 'The value passed for entityName is invalid', 'validation');
    }
    return entity;
  }

  #notify(input: unknown, thirdArg: unknown): Promise<unknown> | Rejection {
    const body = jsonObject(input);
    if (!body || typeof body.templateName !== 'string' || body.templateName === '') {
      return this.#fail('notifyEvent', 'RejectAfterClientError');
    }
    const templateName = body.templateName;
    const templates = this.#options.notificationTemplates;
    if (templates && !templates.includes(templateName)) {
      return this.#fail('notifyEvent', 'NotificationTemplateNotFoundError');
    }
    const tokenValue = body.cancellationToken ?? thirdArg;
    const token =
      typeof tokenValue === 'string' && tokenValue !== ''
        ? tokenValue
        : `notification-${++this.#ids}`;
    const parameters = body.templateParameters;
    const notification: FakeNotification = {
      templateName,
      templateParameters:
        typeof parameters === 'object' && parameters !== null && !Array.isArray(parameters)
          ? parameters
          : {},
      ...(typeof tokenValue === 'string' ? { cancellationToken: tokenValue } : {}),
    };
    const encode = (answer: FakeNotificationAnswer) =>
      JSON.stringify(this.#quirks.notifyValueWrapper ? { value: answer } : answer);
    if (this.#pending.size >= 10) {
      return Promise.resolve(
        encode({ actionName: 'Reject', responseReason: 'NotificationQueueLimitExceeded' }),
      );
    }
    const answer = this.notificationAnswer;
    if (answer !== 'pending') return Promise.resolve(encode(answer));
    return new Promise((resolve) => {
      const entry: {
        notification: FakeNotification;
        resolve: (answer: FakeNotificationAnswer) => void;
        timer?: ReturnType<typeof setTimeout>;
      } = { notification, resolve: (final) => resolve(encode(final)) };
      const timeout = this.#options.notificationTimeout;
      if (timeout !== undefined && timeout > 0) {
        entry.timer = setTimeout(
          () =>
            this.#settleNotification(token, {
              actionName: this.#quirks.rejectOnDisplayTimeout ? 'Reject' : 'Timeout',
              responseReason: 'DisplayTimeout',
            }),
          timeout,
        );
      }
      this.#pending.set(token, entry);
    });
  }

  #settleNotification(token: string, answer: FakeNotificationAnswer): void {
    const entry = this.#pending.get(token);
    if (!entry) return;
    this.#pending.delete(token);
    if (entry.timer !== undefined) clearTimeout(entry.timer);
    entry.resolve(answer);
  }

  #defaults(api: CifApiName, args: unknown[]): unknown {
    const [a, b, c] = args;
    switch (api) {
      case 'setClickToAct':
        if (typeof a !== 'boolean')
          return this.#fail(api, 'The value passed for value is invalid', 'validation');
        this.clickToAct = a;
        return null;
      case 'getClickToAct':
        return this.clickToAct;
      case 'setMode': {
        const allowed = this.version === 2 ? [0, 1, 2, 3] : [0, 1];
        if (typeof a !== 'number' || !allowed.includes(a)) {
          return this.#fail(api, 'The value passed for mode is invalid', 'validation');
        }
        this.mode = a as CifMode;
        return this.mode;
      }
      case 'getMode':
        return this.#quirks.modeAsString ? String(this.mode) : this.mode;
      case 'setWidth':
        if (typeof a !== 'number' || !Number.isFinite(a)) {
          return this.#fail(api, 'The value passed for width is invalid', 'validation');
        }
        if (a >= 300) this.width = a; // the host ignores widths below 300
        return this.width;
      case 'getWidth':
        return this.width;
      case 'getEnvironment':
        return JSON.stringify(this.environment);
      case 'createRecord': {
        const entity = this.#entityArg(api, a);
        if (entity instanceof Rejection) return entity;
        const data = typeof b === 'string' ? jsonObject(b) : undefined;
        if (!data)
          return this.#fail(
            api,
            'The value passed for data is invalid: a JSON string is expected',
            'validation',
          );
        const id = this.#store(entity, data);
        return JSON.stringify({ id, entityName: entity });
      }
      case 'retrieveRecord': {
        const entity = this.#entityArg(api, a);
        if (entity instanceof Rejection) return entity;
        const record = this.#records.get(entity)?.get(bare(b));
        if (!record) return this.#fail(api, `${entity} With Id = ${String(b)} Does Not Exist`);
        try {
          const query = parseQuery(typeof c === 'string' ? c : '');
          return JSON.stringify(
            applyQuery(
              [record],
              { ...(query.select ? { select: query.select } : {}) },
              `${entity}id`,
            )[0],
          );
        } catch (error) {
          return this.#fail(api, `Invalid query: ${(error as Error).message}`);
        }
      }
      case 'updateRecord': {
        const entity = this.#entityArg(api, a);
        if (entity instanceof Rejection) return entity;
        const id = bare(b);
        const record = this.#records.get(entity)?.get(id);
        if (!record) return this.#fail(api, `${entity} With Id = ${String(b)} Does Not Exist`);
        const data = typeof c === 'string' ? jsonObject(c) : undefined;
        if (!data)
          return this.#fail(
            api,
            'The value passed for data is invalid: a JSON string is expected',
            'validation',
          );
        this.#store(entity, { ...record, ...data, [`${entity}id`]: id });
        return JSON.stringify({ id, entityName: entity });
      }
      case 'deleteRecord': {
        const entity = this.#entityArg(api, a);
        if (entity instanceof Rejection) return entity;
        const id = bare(b);
        if (!this.#records.get(entity)?.delete(id)) {
          return this.#fail(api, `${entity} With Id = ${String(b)} Does Not Exist`);
        }
        return JSON.stringify({ id, entityName: entity });
      }
      case 'searchAndOpenRecords': {
        const entity = this.#entityArg(api, a);
        if (entity instanceof Rejection) return entity;
        if (typeof c !== 'boolean')
          return this.#fail(api, 'The value passed for searchOnly is invalid', 'validation');
        let rows: FakeRecord[];
        let query;
        try {
          query = parseQuery(typeof b === 'string' ? b : '');
          rows = applyQuery(this.records(entity), query, `${entity}id`).slice(0, 5000);
        } catch (error) {
          if (error instanceof ODataQueryError)
            return this.#fail(api, `Invalid query: ${error.message}`);
          throw error;
        }
        if (!c) {
          const only = rows[0];
          if (query.search !== undefined || rows.length !== 1 || !only) {
            this.navigations.push({
              type: 'search',
              entityName: entity,
              searchText: query.search ?? String(b),
            });
          } else {
            this.navigations.push({
              type: 'record',
              entityName: entity,
              entityId: bare(only[`${entity}id`]),
            });
          }
        }
        // The real library answers an array-like object, not an array.
        return JSON.stringify(Object.fromEntries(rows.map((row, index) => [String(index), row])));
      }
      case 'openForm': {
        const options = jsonObject(a);
        if (!options || typeof options.entityName !== 'string') {
          return this.#fail(api, 'The value passed for entityFormOptions is invalid', 'validation');
        }
        const parameters = b === undefined ? undefined : jsonObject(b);
        this.navigations.push({ type: 'form', options, ...(parameters ? { parameters } : {}) });
        return JSON.stringify({ savedEntityReference: [] });
      }
      case 'renderSearchPage': {
        const entity = this.#entityArg(api, a);
        if (entity instanceof Rejection) return entity;
        this.navigations.push({
          type: 'search',
          entityName: entity,
          searchText: typeof b === 'string' ? b : '',
        });
        return undefined;
      }
      case 'getEntityMetadata': {
        const entity = this.#entityArg(api, a);
        if (entity instanceof Rejection) return entity;
        const attributes = Array.isArray(b) ? b.map(String) : [];
        return {
          LogicalName: entity,
          PrimaryIdAttribute: `${entity}id`,
          Attributes: attributes.map((name) => ({ LogicalName: name })),
        };
      }
      case 'addHandler': {
        if (typeof a !== 'string' || typeof b !== 'function') return undefined;
        const list = this.#handlers.get(a) ?? [];
        if (!list.includes(b as Impl)) list.push(b as Impl);
        this.#handlers.set(a, list);
        return undefined;
      }
      case 'removeHandler': {
        const list = typeof a === 'string' ? this.#handlers.get(a) : undefined;
        const index = list ? list.indexOf(b as Impl) : -1;
        if (list && index >= 0) list.splice(index, 1);
        if (list?.length === 0 && typeof a === 'string') this.#handlers.delete(a);
        return undefined;
      }
      case 'raiseEvent':
        if (typeof a !== 'string' || a === '')
          return this.#fail(api, 'The value passed for eventName is invalid', 'validation');
        this.raisedEvents.push({ event: a, input: b });
        void this.raise(
          a,
          this.#quirks.customEventsAsMap
            ? new Map<string, unknown>([
                ['value', b],
                ['correlationId', c],
              ])
            : b,
          { as: 'raw' },
        );
        return true;
      case 'updateContext': {
        const input = jsonObject(a);
        if (!input) return this.#fail(api, 'The value passed for input is invalid', 'validation');
        let target: FakeSession | undefined;
        if (b !== undefined) {
          const session = this.#session(api, b);
          if (session instanceof Rejection) return session;
          target = session;
        }
        const current = target ? target.context : this.context;
        const next =
          c === true
            ? Object.fromEntries(Object.entries(current).filter(([key]) => !(key in input)))
            : { ...current, ...input };
        if (target) target.context = next;
        else this.context = next;
        return JSON.stringify(next);
      }
      case 'notifyEvent':
        return this.#notify(a, c);
      case 'cancelEvent': {
        if (typeof a !== 'string' || !this.#pending.has(a)) {
          return this.#fail(
            api,
            `Notification with the cancellation token ${String(a)} was not found`,
          );
        }
        this.#settleNotification(a, FAKE_CANCELLED_ANSWER);
        return JSON.stringify(FAKE_CANCELLED_ANSWER);
      }
      case 'canCreateSession':
        return this.sessions.size < (this.#options.maxSessions ?? 10);
      case 'createSession': {
        const input = jsonObject(a);
        const templateName = input?.templateName;
        if (!input || typeof templateName !== 'string' || templateName === '') {
          return this.#fail(api, 'The value passed for templateName is invalid', 'validation');
        }
        const templates = this.#options.sessionTemplates;
        if (templates && !templates.includes(templateName)) {
          return this.#fail(api, `Session template ${templateName} not found`);
        }
        if (this.sessions.size >= (this.#options.maxSessions ?? 10)) {
          return this.#fail(api, 'The maximum number of sessions has been reached');
        }
        const sessionId = `session-${++this.#ids}`;
        const parameters = input.templateParameters;
        const context =
          typeof parameters === 'object' && parameters !== null && !Array.isArray(parameters)
            ? parameters
            : {};
        this.sessions.set(sessionId, {
          sessionId,
          templateName,
          title: typeof context.title === 'string' ? context.title : templateName,
          context,
          activity: 0,
          attention: false,
        });
        this.focusedSessionId = sessionId;
        return sessionId;
      }
      case 'getSession': {
        const session = this.#session(api, a);
        if (session instanceof Rejection) return session;
        // The real library answers a Map, not an object.
        const map = new Map<string, unknown>([
          ['sessionId', session.sessionId],
          ['focused', this.focusedSessionId === session.sessionId],
          ['context', session.context],
        ]);
        if (session.conversationId) map.set('conversationId', session.conversationId);
        return map;
      }
      case 'getFocusedSession':
        return this.focusedSessionId !== null && this.sessions.has(this.focusedSessionId)
          ? this.focusedSessionId
          : null;
      case 'getAllSessions':
        return [...this.sessions.keys()];
      case 'requestFocusSession': {
        const session = this.#session(api, a);
        if (session instanceof Rejection) return session;
        if (this.focusedSessionId !== session.sessionId) session.attention = true;
        return undefined;
      }
      case 'setSessionTitle': {
        const input = jsonObject(a);
        const session = this.#session(api, input?.sessionId);
        if (session instanceof Rejection) return session;
        const title = input?.title;
        session.title = typeof title === 'string' ? title : JSON.stringify(input);
        return undefined;
      }
      case 'createTab': {
        const input = jsonObject(a);
        const templateName = input?.templateName;
        if (!input || typeof templateName !== 'string' || templateName === '') {
          return this.#fail(api, 'The value passed for templateName is invalid', 'validation');
        }
        const templates = this.#options.tabTemplates;
        if (templates && !templates.includes(templateName)) {
          return new Rejection({
            errorCode: 404,
            message: `Application tab template ${templateName} not found`,
          });
        }
        const tabId = `tab-${++this.#ids}`;
        const parameters = input.templateParameters;
        const tags =
          typeof parameters === 'object' && parameters !== null && !Array.isArray(parameters)
            ? parameters.tags
            : undefined;
        this.tabs.set(tabId, {
          tabId,
          templateName,
          sessionId: this.focusedSessionId,
          tags: Array.isArray(tags) ? tags.map(String) : [],
          title: templateName,
          refreshed: 0,
        });
        if (input.isFocused !== false) this.focusedTabId = tabId;
        return tabId;
      }
      case 'getTabs': {
        const tags = Array.isArray(b) ? b.map(String) : [];
        return [...this.tabs.values()]
          .filter((tab) => (typeof a === 'string' && a !== '' ? tab.templateName === a : true))
          .filter((tab) => tags.every((tag) => tab.tags.includes(tag)))
          .map((tab) => tab.tabId);
      }
      case 'getFocusedTab':
        return this.focusedTabId;
      case 'focusTab': {
        const tab = this.#tab(api, a);
        if (tab instanceof Rejection) return tab;
        this.focusedTabId = tab.tabId;
        return undefined;
      }
      case 'refreshTab': {
        const tab = this.#tab(api, a);
        if (tab instanceof Rejection) return tab;
        tab.refreshed += 1;
        return undefined;
      }
      case 'closeTab': {
        const tab = this.#tab(api, a);
        if (tab instanceof Rejection) return tab;
        this.tabs.delete(tab.tabId);
        if (this.focusedTabId === tab.tabId) this.focusedTabId = null;
        return undefined;
      }
      case 'setTabTitle': {
        const tab = this.#tab(api, a);
        if (tab instanceof Rejection) return tab;
        const title = jsonObject(b)?.title;
        if (typeof title !== 'string')
          return this.#fail(api, 'The value passed for title is invalid', 'validation');
        tab.title = title;
        return title;
      }
      case 'notifyKpiBreach': {
        const session = this.#session(api, a);
        if (session instanceof Rejection) return session;
        session.kpiBreach = { reset: b === true, ...(typeof c === 'string' ? { details: c } : {}) };
        return undefined;
      }
      case 'notifyNewActivity': {
        const session = this.#session(api, a);
        if (session instanceof Rejection) return session;
        if (typeof b !== 'number')
          return this.#fail(api, 'The value passed for count is invalid', 'validation');
        session.activity = b;
        return undefined;
      }
      case 'setPresence': {
        const presences = this.#options.presences ?? DEFAULT_PRESENCES;
        if (typeof a !== 'string' || !presences.includes(a)) return false;
        this.presence = a;
        return true;
      }
      case 'getPresence':
        return this.presence;
      case 'logAnalyticsEvent': {
        const data = jsonObject(a);
        if (!data || typeof b !== 'string')
          return this.#fail(api, 'The value passed for data is invalid', 'validation');
        this.analytics.push({ data, eventName: b });
        return 'Success';
      }
      case 'updateConversation': {
        const id = bare(a);
        const data = typeof b === 'string' ? jsonObject(b) : undefined;
        if (id === '' || !data)
          return this.#fail(api, 'The value passed for data is invalid', 'validation');
        const existing = this.#records.get('msdyn_ocliveworkitem')?.get(id) ?? {};
        this.#store('msdyn_ocliveworkitem', { ...existing, ...data, msdyn_ocliveworkitemid: id });
        return JSON.stringify({ id });
      }
    }
    return undefined;
  }
}
