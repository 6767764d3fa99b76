/**
 * A fake `Microsoft.CIFramework` for tests of everything built on the CIF client. It reproduces the real
 * library's quirks, as `@cif-elements/emulator` (modelled on a shipped `msdyn_ciLibrary.js`) does, and is
 * checked against it (packages/emulator/src/e2e/core-agreement.test.ts): JSON-string results for record,
 * search, environment, form and notification APIs and raw values elsewhere; `null` from void APIs;
 * getSession's Map; the library's argument validation (a JSON string `{"message"}`); host rejections as
 * JSON strings and Maps named by the API's message type (`retrieverecord`, `getSession`; `NotifyEvent`)
 * and `{errorCode, message}` objects; the library's 10 s timeout (none for notifyEvent, openForm and
 * createSession) with its text; handlers that receive JSON strings and must return promises;
 * onSessionSwitched twice per switch, including the home session and the switch createSession makes.
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
  /**
   * The library's timeout: rejects after `hostTimeout` with "Timeout occurred…", as the library builds it
   * (a JSON string `{"message"}` for JSON APIs, a Map whose `msdyn_name` is undefined otherwise). The library
   * does not time out notifyEvent, openForm and createSession: for them the call never settles.
   */
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

/**
 * How an API behaves instead of its default. An override stands for the whole library function (its
 * argument validation included). Without `result`, `respond` or `fail` it answers as by default, after
 * `delay`.
 */
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
  /**
   * Answer after this many ms (timers, so sinon fake timers control it). An answer at or after
   * `hostTimeout` comes too late: the call rejects with the library's timeout instead (except notifyEvent,
   * openForm and createSession, which the library does not time out).
   */
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
  /** The template parameters (slug values) createSession received. */
  readonly templateParameters: JsonObject;
  title: string;
  /** The session context: createSession's `input.context`, then updateContext and setSessionTitle slugs. */
  context: JsonObject;
  /** The conversation (msdyn_ocliveworkitem record) created with the session. */
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
  /**
   * Spelling of the focus flag in onSessionSwitched: `focused` (default, as observed and as the emulator) or
   * the docs' `focussed`.
   */
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
  /**
   * The library's API timeout: the `timeout` failure, answers delayed beyond it, and how long the host
   * waits for a handler. Default 10 s, as the shipped library in CIF 1.0 and 2.0 (and the emulator's
   * `apiTimeoutMs`); the CIF 2.0 docs say 100 s.
   */
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
  /** Maximum open sessions besides the home session (CIF: 10). */
  readonly maxSessions?: number;
  /** Host quirks. */
  readonly quirks?: FakeQuirks;
}

/** The answer the fake gives a notification cancelled with cancelEvent (an assumption of the fake). */
export const FAKE_CANCELLED_ANSWER: FakeNotificationAnswer = Object.freeze({
  actionName: 'Reject',
  responseReason: 'Cancelled',
});

/**
 * The home session's id, as the host reports it in onSessionSwitched. getFocusedSession answers null for it,
 * and `focusedSessionId` is null while it is focused.
 */
export const FAKE_HOME_SESSION_ID = 'session-id-0';

/** The message type each API posts to the host: what the host's errors carry as `msdyn_name`. */
const WIRE_NAMES: Readonly<Record<CifApiName, string>> = {
  setClickToAct: 'setclicktoact',
  getClickToAct: 'getclicktoact',
  setMode: 'setmode',
  getMode: 'getmode',
  setWidth: 'setwidth',
  getWidth: 'getwidth',
  getEnvironment: 'getenvironment',
  createRecord: 'createrecord',
  retrieveRecord: 'retrieverecord',
  updateRecord: 'updaterecord',
  deleteRecord: 'deleterecord',
  searchAndOpenRecords: 'searchandopenrecords',
  openForm: 'openform',
  renderSearchPage: 'renderSearchPage',
  getEntityMetadata: 'getEntityMetadata',
  addHandler: 'addGenericHandler',
  removeHandler: 'removeGenericHandler',
  raiseEvent: 'raiseEvent',
  updateContext: 'updateContext',
  // The host names notification errors NotifyEvent (observed: NotificationTemplateNotFoundError).
  notifyEvent: 'NotifyEvent',
  cancelEvent: 'cancelEvent',
  canCreateSession: 'canCreateSession',
  createSession: 'createSession',
  getSession: 'getSession',
  getFocusedSession: 'getFocusedSession',
  getAllSessions: 'getAllSessions',
  requestFocusSession: 'requestFocusSession',
  setSessionTitle: 'setSessionTitle',
  createTab: 'createTab',
  getTabs: 'getTabsByTagOrName',
  getFocusedTab: 'getFocusedTab',
  focusTab: 'focusTab',
  refreshTab: 'refreshTab',
  closeTab: 'closeTab',
  setTabTitle: 'setTabTitle',
  notifyKpiBreach: 'notifyKpiBreach',
  notifyNewActivity: 'notifyNewActivity',
  setPresence: 'setPresence',
  getPresence: 'getPresence',
  logAnalyticsEvent: 'logAnalyticsEvent',
  updateConversation: 'updateConversation',
};

/** APIs the library does not time out (they wait for the agent). */
const UNTIMED_APIS: ReadonlySet<CifApiName> = new Set<CifApiName>([
  'notifyEvent',
  'openForm',
  'createSession',
]);

/** Entities whose several search results open the search page (account, contact, activities). */
const MULTI_OPEN_ENTITIES: ReadonlySet<string> = new Set([
  'account',
  'contact',
  'activitypointer',
  'phonecall',
  'email',
  'task',
  'appointment',
  'letter',
  'fax',
  'msdyn_ocliveworkitem',
]);

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

function guid(n: number, variant = '8000'): string {
  return `00000000-0000-4000-${variant}-${n.toString(16).padStart(12, '0')}`;
}

function isNil(value: unknown): value is null | undefined {
  return value === null || value === undefined;
}

function isBlank(value: unknown): boolean {
  return isNil(value) || value === '';
}

/** The library's check of record data: a JSON string of an object (the real one would throw otherwise). */
function dataProblem(data: unknown): string | undefined {
  if (typeof data !== 'string')
    return 'The data parameter must be a JSON string (use JSON.stringify).';
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch (error) {
    return `The data parameter is not valid JSON: ${(error as Error).message}`;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return 'The data parameter must be a JSON object.';
  return undefined;
}

const ENTITY_BLANK = 'The EntityName parameter is blank. Provide a value to the parameter.';
const ID_BLANK = 'The EntityId parameter is blank. Provide a value to the parameter.';
const DATA_BLANK =
  'The data parameter is blank. Provide a value to the parameter to update the record.';
const TAB_BLANK = 'The tabId Parameter is blank. Provide a value to the parameter';
const SESSION_NIL = 'SessionID is null or undefined';

/**
 * The library's own argument validation, before anything reaches the host (texts of the real library, as
 * the emulator's). Returns the message the call rejects with (as a JSON string `{"message"}`), if any.
 */
function libraryValidation(api: CifApiName, args: readonly unknown[]): string | undefined {
  const [a, b, c] = args;
  switch (api) {
    case 'setMode':
      return isNil(a) || (a !== 0 && a !== 1 && a !== 2)
        ? 'The setMode paramter value must be 0, 1 or 2.'
        : undefined;
    case 'setWidth':
      return isNil(a) || !((a as number) >= 0)
        ? 'The setWidth parameter value is invalid. Provide a positive number to the parameter.'
        : undefined;
    case 'createRecord':
      if (isBlank(a)) return ENTITY_BLANK;
      if (isNil(b)) return 'Provide a value to the data parameter to create record.';
      return dataProblem(b);
    case 'retrieveRecord':
      if (isBlank(a)) return 'The EntityName parameter is blank.Provide a value to the parameter.';
      return isBlank(b) ? ID_BLANK : undefined;
    case 'updateRecord':
      if (isBlank(a)) return ENTITY_BLANK;
      if (isBlank(b)) return ID_BLANK;
      return isNil(c) ? DATA_BLANK : dataProblem(c);
    case 'deleteRecord':
      if (isBlank(a)) return ENTITY_BLANK;
      return isBlank(b) ? ID_BLANK : undefined;
    case 'searchAndOpenRecords':
      if (isBlank(a)) return ENTITY_BLANK;
      if (isBlank(b))
        return 'The queryParmeters parameter is blank. Provide a value to the parameter.';
      return isNil(c)
        ? 'The searchOnly parameter is blank. Provide a value to the parameter.'
        : undefined;
    case 'openForm':
      return isBlank(a)
        ? 'The EntityFormOptions parameter is blank. Provide a value to the parameter.'
        : undefined;
    case 'renderSearchPage':
      if (isBlank(a)) return 'The EntityName Parameter is blank. Provide a value to the parameter';
      return isNil(b) ? 'The SearchString Parameter cannot be NULL' : undefined;
    case 'getEntityMetadata':
      return isBlank(a)
        ? 'The EntityName parameter is blank. Provide a value to the parameter'
        : undefined;
    case 'addHandler':
      if (isBlank(a)) return 'The parameter EventName is blank. Provide a value to the parameter.';
      return isNil(b) ? 'Passing data parameters to addHandler is mandatory.' : undefined;
    case 'removeHandler':
      if (isBlank(a)) return 'The EventName parameter is blank. Provide a value to the parameter.';
      return isNil(b) ? 'Passing data parameters to removeHandler is mandatory.' : undefined;
    case 'raiseEvent':
      return isBlank(a)
        ? 'The EventName parameter is blank. Provide a value to the parameter.'
        : undefined;
    case 'updateContext':
      return isNil(a) ? 'The input parameter is null. Provide a value to the parameter' : undefined;
    case 'notifyEvent':
      return isNil(a) ? 'The Input parameter is blank. Provide a value.' : undefined;
    case 'cancelEvent':
      return isBlank(a)
        ? 'The cancellationToken parameter is blank. Provide a value to the parameter.'
        : undefined;
    case 'createSession':
      return isNil(a) ? 'Some of required parameters are null' : undefined;
    case 'getSession':
      return isBlank(a)
        ? 'The sessionId parameter is null. Provide a value to the parameter'
        : undefined;
    case 'requestFocusSession':
    case 'notifyKpiBreach':
    case 'notifyNewActivity':
      return isNil(a) ? SESSION_NIL : undefined;
    case 'setSessionTitle':
      return isNil(a)
        ? 'The input Parameter is blank. Provide a value to the parameter'
        : undefined;
    case 'createTab':
      return isNil(a) ? 'Some of the required parameters are Null' : undefined;
    case 'focusTab':
      return isNil(a) ? 'tabId is null or undefined' : undefined;
    case 'refreshTab':
    case 'closeTab':
      return isNil(a) ? TAB_BLANK : undefined;
    case 'setTabTitle':
      if (isNil(a)) return TAB_BLANK;
      return isNil(b) ? 'The input Parameter cannot be NULL' : undefined;
    case 'setPresence':
      return isNil(a)
        ? 'The presenceText parameter is null. Provide a value to the parameter'
        : undefined;
    case 'logAnalyticsEvent':
      return isNil(a) && isNil(b)
        ? 'logAnalyticsEvent payload data or eventType is not valid. '
        : undefined;
    case 'updateConversation':
      if (isBlank(a)) return ID_BLANK;
      return isNil(b) ? DATA_BLANK : dataProblem(b);
    default:
      return undefined;
  }
}

/** A value in a host message, as the host writes it (`String(value)`; objects as JSON). */
function show(value: unknown): string {
  if (typeof value === 'object' && value !== null) {
    try {
      return JSON.stringify(value);
    } catch {
      return '[object Object]';
    }
  }
  return typeof value === 'function' || typeof value === 'symbol' ? '' : String(value);
}

/** The first quoted literal of an OData query (what a search page shows for a $filter). */
function firstLiteral(query: string): string {
  const match = /'((?:[^']|'')*)'/.exec(query);
  return match?.[1] === undefined ? '' : match[1].replace(/''/g, "'");
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

/** Activity entities share the primary key `activityid` (a phonecall's id is its activityid). */
const ACTIVITY_ENTITIES = new Set([
  'activitypointer',
  'appointment',
  'email',
  'fax',
  'letter',
  'phonecall',
  'task',
]);

/** The primary key attribute of an entity, as Dataverse names it. */
function idAttributeOf(entity: string): string {
  return ACTIVITY_ENTITIES.has(entity) ? 'activityid' : `${entity}id`;
}

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
  /** What was opened (records, search pages, forms), in order. Each also raises onpagenavigate. */
  readonly navigations: FakeNavigation[] = [];
  /** Events raised through raiseEvent, with the input as received. */
  readonly raisedEvents: { readonly event: string; readonly input: unknown }[] = [];
  /** logAnalyticsEvent calls. */
  readonly analytics: { readonly data: unknown; readonly eventName: string }[] = [];

  /** The library's API timeout in ms. */
  hostTimeout: number;
  /** Panel mode, width, click-to-act, presence. */
  mode: CifMode;
  width: number;
  clickToAct: boolean;
  presence: string;
  /** Environment fields as getEnvironment serialises them. */
  environment: JsonObject;
  /** Sessions by id (the provider's; the home session is not listed). */
  readonly sessions = new Map<string, FakeSession>();
  /** Tabs by id. */
  readonly tabs = new Map<string, FakeTab>();
  /**
   * The focused session id: null for the home session ({@link FAKE_HOME_SESSION_ID}); an id that is not in
   * `sessions` stands for another provider's session.
   */
  focusedSessionId: string | null = null;
  /** Context set with updateContext while no session of the provider is focused. */
  context: JsonObject = {};
  /** How the agent answers notifications. */
  notificationAnswer: FakeNotificationAnswer | 'pending';

  readonly #options: FakeCifOptions;
  readonly #quirks: FakeQuirks;
  readonly #records = new Map<string, Map<string, FakeRecord>>();
  readonly #handlers = new Map<string, Impl[]>();
  readonly #behaviours = new Map<CifApiName, { behaviour: FakeBehaviour; remaining: number }>();
  /** The focused tab of each session (null: the home session). */
  readonly #focusedTabs = new Map<string | null, string>();
  readonly #pending = new Map<
    string,
    {
      notification: FakeNotification;
      resolve: (answer: FakeNotificationAnswer) => void;
      timer?: ReturnType<typeof setTimeout>;
    }
  >();
  #ids = 0;
  #conversations = 0;

  constructor(options: FakeCifOptions = {}) {
    this.#options = options;
    this.#quirks = options.quirks ?? {};
    this.version = options.version ?? 2;
    this.hostTimeout = options.hostTimeout ?? 10_000;
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
   * The focused tab of the focused session (its first tab when none was focused), or null. Setting it
   * focuses a tab in the focused session.
   */
  get focusedTabId(): string | null {
    const session = this.focusedSessionId;
    const focused = this.#focusedTabs.get(session);
    if (focused !== undefined && this.tabs.get(focused)?.sessionId === session) return focused;
    for (const tab of this.tabs.values()) if (tab.sessionId === session) return tab.tabId;
    return null;
  }

  set focusedTabId(tabId: string | null) {
    if (tabId === null) this.#focusedTabs.delete(this.focusedSessionId);
    else this.#focusedTabs.set(this.focusedSessionId, tabId);
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
   * string (objects are stringified), or as a Map with `as: 'map'`, or as is with `as: 'raw'`. Handlers run
   * at once; resolves what each handler's return value settled to (a promise that does not settle within
   * `hostTimeout` is a timeout).
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
   * The agent switches to a session (null or {@link FAKE_HOME_SESSION_ID}: the home session; an unknown id:
   * another provider's session). As the host: onSessionSwitched for the old session with the focus flag
   * false, then for the new one with true, both raised at once; nothing when the session is already focused.
   */
  switchSession(sessionId: string | null): Promise<FakeHandlerOutcome[]> {
    return this.#focus(sessionId === FAKE_HOME_SESSION_ID ? null : sessionId);
  }

  /**
   * The agent closes a session (providers cannot): onSessionClosed with its context and, when it was
   * focused, onSessionSwitched for the session that takes focus (the last opened one, or home).
   */
  closeSession(sessionId: string): Promise<FakeHandlerOutcome[]> {
    const session = this.sessions.get(sessionId);
    if (!session) return Promise.resolve([]);
    this.sessions.delete(sessionId);
    this.#focusedTabs.delete(sessionId);
    for (const [tabId, tab] of this.tabs) if (tab.sessionId === sessionId) this.tabs.delete(tabId);
    const conversation = session.conversationId;
    const row = conversation && this.#records.get('msdyn_ocliveworkitem')?.get(conversation);
    if (row) this.#store('msdyn_ocliveworkitem', { ...row, statecode: 3 });
    const raised: Promise<FakeHandlerOutcome[]>[] = [];
    if (this.version === 2)
      raised.push(this.raise('onSessionClosed', { sessionId, context: session.context }));
    if (this.focusedSessionId === sessionId) {
      const next = [...this.sessions.values()].at(-1);
      this.focusedSessionId = next?.sessionId ?? null;
      if (next) {
        next.attention = false;
        next.activity = 0;
      }
      if (this.version === 2) raised.push(this.#raiseSwitched(this.focusedSessionId, true));
    }
    return Promise.all(raised).then((lists) => lists.flat());
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
    const idAttribute = idAttributeOf(entity);
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

  /** Focuses a session (null: home) and raises onSessionSwitched for the old and the new one. */
  #focus(next: string | null): Promise<FakeHandlerOutcome[]> {
    const old = this.focusedSessionId;
    if (old === next) return Promise.resolve([]);
    this.focusedSessionId = next;
    const session = next === null ? undefined : this.sessions.get(next);
    if (session) {
      session.attention = false;
      session.activity = 0;
    }
    if (this.version !== 2) return Promise.resolve([]);
    const raised = [this.#raiseSwitched(old, false), this.#raiseSwitched(next, true)];
    return Promise.all(raised).then((lists) => lists.flat());
  }

  #raiseSwitched(sessionId: string | null, focused: boolean): Promise<FakeHandlerOutcome[]> {
    const flag = this.#quirks.sessionFocusSpelling ?? 'focused';
    return this.raise('onSessionSwitched', {
      sessionId: sessionId ?? FAKE_HOME_SESSION_ID,
      [flag]: focused,
      context: (sessionId === null ? undefined : this.sessions.get(sessionId)?.context) ?? {},
    });
  }

  /** The app URL of a page, as onpagenavigate reports it. */
  #appUrl(page: Readonly<Record<string, string | undefined>>): string {
    const { clientUrl, appid } = this.environment;
    let url: URL;
    try {
      url = new URL('/main.aspx', typeof clientUrl === 'string' ? clientUrl : undefined);
    } catch {
      url = new URL('/main.aspx', DEFAULT_ENVIRONMENT.clientUrl as string);
    }
    url.searchParams.set('appid', typeof appid === 'string' ? appid : '');
    for (const [key, value] of Object.entries(page)) {
      if (value !== undefined && value !== '') url.searchParams.set(key, value);
    }
    return url.href;
  }

  /** Records what opened and raises onpagenavigate, as the host does before it navigates. */
  #navigate(navigation: FakeNavigation, page: Readonly<Record<string, string | undefined>>): void {
    this.navigations.push(navigation);
    void this.raise('onpagenavigate', { value: this.#appUrl(page) });
  }

  #native(api: CifApiName): FakeFailureShape {
    if (JSON_APIS.has(api)) return 'json';
    if (api === 'createTab') return 'object';
    return 'map';
  }

  /** Encodes a failure as the library would reject; `name` is the host's `msdyn_name`. */
  #encode(api: CifApiName, failure: FakeFailure, name: string = WIRE_NAMES[api]): unknown {
    const message = failure.message ?? `${api} failed`;
    const shape = failure.shape === 'native' ? this.#native(api) : failure.shape;
    switch (shape) {
      case 'json':
        return JSON.stringify({ message, msdyn_name: name });
      case 'validation':
        return JSON.stringify({ message });
      case 'map':
        return new Map<string, unknown>([
          ['message', message],
          ['msdyn_name', name],
        ]);
      case 'object':
        return { errorCode: failure.errorCode ?? 500, message };
      case 'error':
        return new Error(message);
      default:
        return failure.value;
    }
  }

  /** A host failure in the API's native shape. */
  #fail(api: CifApiName, message: string, name?: string): Rejection {
    return new Rejection(this.#encode(api, { shape: 'native', message }, name));
  }

  /** The library's timeout: its rejection after `hostTimeout`, or never for APIs it does not time out. */
  #timeout(api: CifApiName, message: string = CIF_TIMEOUT_MESSAGE): Promise<never> {
    if (UNTIMED_APIS.has(api)) return new Promise<never>(() => undefined);
    const value = JSON_APIS.has(api)
      ? JSON.stringify({ message })
      : new Map<string, unknown>([
          ['message', message],
          ['msdyn_name', undefined],
        ]);
    return new Promise<never>((_, reject) => setTimeout(() => reject(value), this.hostTimeout));
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
    if (!behaviour && (api === 'addHandler' || api === 'removeHandler')) {
      // The real library registers handlers at once and returns undefined, not a promise.
      const problem = libraryValidation(api, args);
      if (problem !== undefined) return Promise.reject(JSON.stringify({ message: problem }));
      this.#defaults(api, args);
      return undefined;
    }
    const answers =
      behaviour !== undefined &&
      ('result' in behaviour || behaviour.respond !== undefined || behaviour.fail !== undefined);
    const produce = (): Promise<unknown> =>
      behaviour && answers ? this.#produce(api, behaviour, args) : this.#answer(api, args);
    const delay = behaviour?.delay ?? 0;
    if (delay <= 0) return produce();
    const late = new Promise((resolve) => setTimeout(resolve, delay)).then(produce);
    if (UNTIMED_APIS.has(api) || delay < this.hostTimeout) return late;
    // The host answers after the library gave up: nobody sees the answer.
    late.catch(() => undefined);
    return this.#timeout(api);
  }

  /** The default answer: the library's validation, then the host. Void results resolve null. */
  #answer(api: CifApiName, args: unknown[]): Promise<unknown> {
    const problem = libraryValidation(api, args);
    if (problem !== undefined)
      return Promise.reject(this.#encode(api, { shape: 'validation', message: problem }));
    let result: unknown;
    try {
      result = this.#defaults(api, args);
    } catch (error) {
      return Promise.reject(this.#encode(api, { shape: 'native', message: String(error) }));
    }
    if (result instanceof Rejection) return Promise.reject(result.value);
    // The real library resolves the host's `value`, or null when there is none.
    return Promise.resolve(result).then((value) => value ?? null);
  }

  #produce(api: CifApiName, behaviour: FakeBehaviour, args: unknown[]): Promise<unknown> {
    if (behaviour.fail !== undefined) {
      const failure: FakeFailure =
        typeof behaviour.fail === 'string' ? { shape: behaviour.fail } : behaviour.fail;
      if (failure.shape === 'timeout') return this.#timeout(api, failure.message);
      const name = api === 'searchAndOpenRecords' && Boolean(args[2]) ? 'search' : WIRE_NAMES[api];
      return Promise.reject(this.#encode(api, failure, name));
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

  /** A session of the provider, or the host's error. */
  #session(api: CifApiName, sessionId: unknown): FakeSession | Rejection {
    const session = typeof sessionId === 'string' ? this.sessions.get(sessionId) : undefined;
    return (
      session ??
      this.#fail(
        api,
        `Session ${String(sessionId)} does not exist or does not belong to this channel provider.`,
      )
    );
  }

  /** A tab of the provider (or of the home session), or the host's error. */
  #tab(api: CifApiName, tabId: unknown): FakeTab | Rejection {
    const tab = typeof tabId === 'string' ? this.tabs.get(tabId) : undefined;
    return (
      tab ??
      this.#fail(api, `Tab ${String(tabId)} does not exist in a session of this channel provider.`)
    );
  }

  #notFound(api: CifApiName, entity: string, id: unknown, name?: string): Rejection {
    return this.#fail(api, `Entity '${entity}' With Id = ${bare(id)} Does Not Exist`, name);
  }

  #notify(input: unknown, thirdArg: unknown): Promise<unknown> | Rejection {
    // The library reads the fields of the input object (a JSON string has none).
    const body =
      typeof input === 'object' && input !== null && !(input instanceof Map)
        ? (input as Record<string, unknown>)
        : {};
    const templateName = body.templateName;
    const templates = this.#options.notificationTemplates;
    if (
      typeof templateName !== 'string' ||
      templateName === '' ||
      (templates && !templates.includes(templateName))
    ) {
      return this.#fail('notifyEvent', 'NotificationTemplateNotFoundError');
    }
    const tokenValue = body.cancellationToken ?? thirdArg;
    const token =
      typeof tokenValue === 'string' && tokenValue !== ''
        ? tokenValue
        : `notification-${++this.#ids}`;
    const notification: FakeNotification = {
      templateName,
      templateParameters: jsonObject(body.templateParameters) ?? {},
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

  #searchAndOpen(entity: string, queryText: unknown, searchOnly: boolean): unknown {
    const api: CifApiName = 'searchAndOpenRecords';
    // The library posts `search` for searchOnly and `searchandopenrecords` otherwise.
    const name = searchOnly ? 'search' : WIRE_NAMES[api];
    const text = typeof queryText === 'string' ? queryText : '';
    let rows: FakeRecord[];
    let query;
    try {
      query = parseQuery(text);
      rows = applyQuery(this.records(entity), query, idAttributeOf(entity)).slice(0, 5000);
    } catch (error) {
      if (error instanceof ODataQueryError)
        return this.#fail(api, `Invalid query: ${error.message}`, name);
      throw error;
    }
    if (!searchOnly) {
      const only = rows[0];
      if (query.search === undefined && rows.length === 1 && only) {
        const entityId = bare(only[idAttributeOf(entity)]);
        this.#navigate(
          { type: 'record', entityName: entity, entityId },
          { pagetype: 'entityrecord', etn: entity, id: entityId },
        );
      } else if (
        query.search !== undefined ||
        (rows.length !== 1 && MULTI_OPEN_ENTITIES.has(entity))
      ) {
        // Several matches open the search page only for account, contact and activities.
        const searchText = query.search ?? firstLiteral(text);
        this.#navigate(
          { type: 'search', entityName: entity, searchText },
          { pagetype: 'search', searchText },
        );
      }
    }
    // The real library answers an array-like object, not an array.
    return JSON.stringify(Object.fromEntries(rows.map((row, index) => [String(index), row])));
  }

  #createSession(input: JsonObject | undefined): unknown {
    const api: CifApiName = 'createSession';
    const templateName = input?.templateName;
    const templates = this.#options.sessionTemplates;
    if (
      !input ||
      typeof templateName !== 'string' ||
      templateName === '' ||
      (templates && !templates.includes(templateName))
    ) {
      return this.#fail(api, `Session template ${show(templateName)} was not found.`);
    }
    const max = this.#options.maxSessions ?? 10;
    if (this.sessions.size >= max) {
      return this.#fail(api, `Cannot create a session: the maximum of ${max} sessions are open.`);
    }
    const templateParameters = jsonObject(input.templateParameters) ?? {};
    const customerName = input.customerName;
    if (!isNil(customerName) && templateParameters.customerName === undefined)
      templateParameters.customerName = customerName;
    const sessionId = `session-${++this.#ids}`;
    const title = templateParameters.title;
    const conversationId = this.#store('msdyn_ocliveworkitem', {
      msdyn_ocliveworkitemid: guid(++this.#conversations, '9000'),
      subject: typeof title === 'string' ? title : templateName,
    });
    this.sessions.set(sessionId, {
      sessionId,
      templateName,
      templateParameters,
      title: typeof title === 'string' ? title : templateName,
      // The library sends `input.context` as the session context; templateParameters are slug values.
      context: jsonObject(input.context) ?? {},
      conversationId,
      activity: 0,
      attention: false,
    });
    // The host focuses the new session: onSessionSwitched for the old one (false) and the new (true).
    void this.#focus(sessionId);
    return sessionId;
  }

  #defaults(api: CifApiName, args: unknown[]): unknown {
    const [a, b, c] = args;
    switch (api) {
      case 'setClickToAct': {
        // The library sends false for null and undefined.
        const value = isNil(a) ? false : a;
        if (typeof value !== 'boolean')
          return this.#fail(api, 'The value parameter must be true or false.');
        this.clickToAct = value;
        return null;
      }
      case 'getClickToAct':
        return this.clickToAct;
      case 'setMode': {
        const allowed = this.version === 2 ? [0, 1, 2] : [0, 1];
        if (typeof a !== 'number' || !allowed.includes(a)) {
          return this.#fail(
            api,
            `Mode ${String(a)} is not supported with CIF API version ${this.version}.0.`,
          );
        }
        this.mode = a as CifMode;
        return this.mode;
      }
      case 'getMode':
        return this.#quirks.modeAsString ? String(this.mode) : this.mode;
      case 'setWidth':
        if (typeof a !== 'number' || !Number.isFinite(a))
          return this.#fail(api, 'The width must be a number.');
        if (a >= 300) this.width = Math.round(a); // the host ignores widths below 300
        return this.width;
      case 'getWidth':
        return this.width;
      case 'getEnvironment':
        return JSON.stringify(this.environment);
      case 'createRecord': {
        const entity = String(a);
        const data = jsonObject(b) ?? {};
        const given = data[idAttributeOf(entity)];
        // Dataverse refuses a second record with the same primary key.
        if (typeof given === 'string' && this.#records.get(entity)?.has(bare(given)))
          return this.#fail(api, 'Cannot insert duplicate key.');
        const id = this.#store(entity, data);
        return JSON.stringify({ id, entityName: entity });
      }
      case 'retrieveRecord': {
        const entity = String(a);
        const record = this.#records.get(entity)?.get(bare(b));
        if (!record) return this.#notFound(api, entity, b);
        try {
          const query = parseQuery(typeof c === 'string' ? c : '');
          return JSON.stringify(
            applyQuery(
              [record],
              { ...(query.select ? { select: query.select } : {}) },
              idAttributeOf(entity),
            )[0],
          );
        } catch (error) {
          return this.#fail(api, `Invalid query: ${(error as Error).message}`);
        }
      }
      case 'updateRecord': {
        const entity = String(a);
        const id = bare(b);
        const record = this.#records.get(entity)?.get(id);
        if (!record) return this.#notFound(api, entity, b);
        this.#store(entity, { ...record, ...jsonObject(c), [idAttributeOf(entity)]: id });
        return JSON.stringify({ id, entityName: entity });
      }
      case 'deleteRecord': {
        const entity = String(a);
        const id = bare(b);
        if (!this.#records.get(entity)?.delete(id)) return this.#notFound(api, entity, b);
        return JSON.stringify({ id, entityName: entity });
      }
      case 'searchAndOpenRecords':
        return this.#searchAndOpen(String(a), b, Boolean(c));
      case 'openForm': {
        const options = jsonObject(a);
        if (!options || typeof options.entityName !== 'string') {
          return this.#fail(api, 'The entityFormOptions must name an entity (entityName).');
        }
        const parameters = isNil(b) ? undefined : jsonObject(b);
        const entityId = typeof options.entityId === 'string' ? bare(options.entityId) : '';
        this.#navigate(
          { type: 'form', options, ...(parameters ? { parameters } : {}) },
          { pagetype: 'entityrecord', etn: options.entityName.toLowerCase(), id: entityId },
        );
        return JSON.stringify({ savedEntityReference: [] });
      }
      case 'renderSearchPage': {
        const entity = String(a);
        const searchText = show(b);
        this.#navigate(
          { type: 'search', entityName: entity, searchText },
          { pagetype: 'search', searchText },
        );
        return null;
      }
      case 'getEntityMetadata': {
        const entity = String(a);
        const attributes = Array.isArray(b) ? b.map(String) : [];
        return {
          LogicalName: entity,
          PrimaryIdAttribute: idAttributeOf(entity),
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
      case 'raiseEvent': {
        const event = String(a);
        this.raisedEvents.push({ event, input: b });
        void this.raise(
          event,
          this.#quirks.customEventsAsMap
            ? new Map<string, unknown>([
                ['value', b],
                ['correlationId', c],
              ])
            : b,
          { as: 'raw' },
        );
        return true;
      }
      case 'updateContext': {
        const input = jsonObject(a);
        if (!input) return this.#fail(api, 'The input must be an object of slug values.');
        let target: FakeSession | undefined;
        if (!isBlank(b)) {
          const session = this.#session(api, b);
          if (session instanceof Rejection) return session;
          target = session;
        } else if (this.focusedSessionId !== null) {
          // Without a session id the host updates the focused session, when it is the provider's.
          target = this.sessions.get(this.focusedSessionId);
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
      case 'createSession':
        return this.#createSession(jsonObject(a));
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
        if (this.focusedSessionId !== session.sessionId) {
          session.attention = true;
          if (typeof b === 'number' && b > 0) session.activity = b;
        }
        return null;
      }
      case 'setSessionTitle': {
        const input = jsonObject(a);
        const session = this.#session(api, input?.sessionId);
        if (session instanceof Rejection) return session;
        // `title` sets the title; other keys are slug values of the template's title.
        const slugs = Object.entries(input ?? {}).filter(
          ([key]) => key !== 'sessionId' && key !== 'title',
        );
        if (slugs.length > 0)
          session.context = { ...session.context, ...Object.fromEntries(slugs) };
        if (input?.title !== undefined) session.title = show(input.title);
        return null;
      }
      case 'createTab': {
        const input = jsonObject(a);
        const templateName = input?.templateName;
        const templates = this.#options.tabTemplates;
        if (
          !input ||
          typeof templateName !== 'string' ||
          templateName === '' ||
          (templates && !templates.includes(templateName))
        ) {
          return new Rejection({
            errorCode: 404,
            message: `Application tab template ${show(templateName)} not found`,
          });
        }
        const tabId = `tab-${++this.#ids}`;
        const tags = jsonObject(input.templateParameters)?.tags;
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
        // Tabs of the focused session, by template name and tags.
        const tags = Array.isArray(b) ? b.map(String) : typeof b === 'string' && b ? [b] : [];
        return [...this.tabs.values()]
          .filter((tab) => tab.sessionId === this.focusedSessionId)
          .filter((tab) => (typeof a === 'string' && a !== '' ? tab.templateName === a : true))
          .filter((tab) => tags.every((tag) => tab.tags.includes(tag)))
          .map((tab) => tab.tabId);
      }
      case 'getFocusedTab':
        return this.focusedTabId;
      case 'focusTab': {
        const tab = this.#tab(api, a);
        if (tab instanceof Rejection) return tab;
        this.#focusedTabs.set(tab.sessionId, tab.tabId);
        return null;
      }
      case 'refreshTab': {
        const tab = this.#tab(api, a);
        if (tab instanceof Rejection) return tab;
        tab.refreshed += 1;
        return null;
      }
      case 'closeTab': {
        const tab = this.#tab(api, a);
        if (tab instanceof Rejection) return tab;
        const siblings = [...this.tabs.values()].filter((t) => t.sessionId === tab.sessionId);
        const index = siblings.indexOf(tab);
        this.tabs.delete(tab.tabId);
        if (this.#focusedTabs.get(tab.sessionId) === tab.tabId) {
          // As the host: the tab before it takes focus.
          const next = siblings.filter((t) => t !== tab)[Math.max(0, index - 1)];
          if (next) this.#focusedTabs.set(tab.sessionId, next.tabId);
          else this.#focusedTabs.delete(tab.sessionId);
        }
        return null;
      }
      case 'setTabTitle': {
        const tab = this.#tab(api, a);
        if (tab instanceof Rejection) return tab;
        const title = typeof b === 'string' && !jsonObject(b) ? b : jsonObject(b)?.title;
        if (typeof title !== 'string') return this.#fail(api, 'The input must carry a title.');
        tab.title = title;
        return title;
      }
      case 'notifyKpiBreach': {
        const session = this.#session(api, a);
        if (session instanceof Rejection) return session;
        session.kpiBreach = { reset: b === true, ...(typeof c === 'string' ? { details: c } : {}) };
        return null;
      }
      case 'notifyNewActivity': {
        const session = this.#session(api, a);
        if (session instanceof Rejection) return session;
        if (c === true) {
          session.activity = 0;
          return null;
        }
        if (typeof b !== 'number' || !Number.isFinite(b) || b < 0)
          return this.#fail(api, 'The count must be a non-negative number.');
        // A badge shows only on a session the agent is not looking at.
        if (this.focusedSessionId !== session.sessionId) session.activity = b;
        return null;
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
        if (!data)
          return this.#fail(api, 'logAnalyticsEvent payload data or eventType is not valid. ');
        const missing = ['conversationId', 'providerSessionId'].filter(
          (key) => typeof data[key] !== 'string' || data[key] === '',
        );
        if (missing.length > 0)
          return this.#fail(api, `logAnalyticsEvent data needs ${missing.join(' and ')}.`);
        const events = data.events;
        if (
          !Array.isArray(events) ||
          events.some(
            (event) =>
              typeof event !== 'object' ||
              event === null ||
              Array.isArray(event) ||
              typeof event.kpiEventName !== 'string',
          )
        ) {
          return this.#fail(
            api,
            'logAnalyticsEvent data needs events: [{kpiEventName, kpiEventReason, eventTimestamp}].',
          );
        }
        this.analytics.push({ data, eventName: isNil(b) ? '' : show(b) });
        return 'Success';
      }
      case 'updateConversation': {
        const id = bare(a);
        const existing = this.#records.get('msdyn_ocliveworkitem')?.get(id);
        if (!existing) return this.#notFound(api, 'msdyn_ocliveworkitem', a);
        this.#store('msdyn_ocliveworkitem', {
          ...existing,
          ...jsonObject(b),
          msdyn_ocliveworkitemid: id,
        });
        return JSON.stringify({ id });
      }
    }
    return undefined;
  }
}
