/**
 * The emulator's msdyn_ciLibrary.js: defines `Microsoft.CIFramework` with the public API of the real library
 * (CIF 1.0 and 2.0) and the same observable behaviour: `CIFInitDone` after a `setTimeout(0)`, the CRM origin
 * from `document.referrer`, `script[data-cifid="CIFMainLibrary"][data-crmurl]` or the `ucilib` query
 * parameter, JSON strings where the real library stringifies, raw values and Maps elsewhere, the argument
 * validation texts, the 10 s API timeout (no timeout for notifyEvent, openForm and createSession) and the
 * event round trip (a handler must return a Promise).
 *
 * Deliberate differences, all documented in the README: the target origin keeps its port (the real library
 * drops it, which only works on default ports); loading the script twice keeps the first instance.
 */
import {
  DEFAULT_API_TIMEOUT,
  Key,
  MESSAGE_FAILURE,
  MESSAGE_SUCCESS,
  MessageType,
  RESPONSE_TYPE,
  Text,
  buildEntity,
  createErrorMap,
  isMap,
  isWireResponse,
  newCorrelationId,
  type WireRequest,
} from './wire.js';

/** An event handler as registered with `addHandler`: it receives the payload and must return a Promise. */
export type CIFEventHandler = (payload: string) => unknown;

/** The `Microsoft.CIFramework` namespace as the emulator defines it. */
export interface CIFrameworkLibrary {
  setClickToAct(value: boolean, correlationId?: string): Promise<unknown>;
  getClickToAct(correlationId?: string): Promise<unknown>;
  setMode(mode: number, correlationId?: string): Promise<unknown>;
  getMode(correlationId?: string): Promise<unknown>;
  setWidth(width: number): Promise<unknown>;
  getWidth(correlationId?: string): Promise<unknown>;
  getEnvironment(correlationId?: string): Promise<string>;
  createRecord(entityName: string, data: string, correlationId?: string): Promise<string>;
  retrieveRecord(
    entityName: string,
    entityId: string,
    options?: string,
    correlationId?: string,
  ): Promise<string>;
  updateRecord(
    entityName: string,
    entityId: string,
    data: string,
    correlationId?: string,
  ): Promise<string>;
  deleteRecord(entityName: string, entityId: string, correlationId?: string): Promise<string>;
  searchAndOpenRecords(
    entityName: string,
    queryParameters: string,
    searchOnly: boolean,
    correlationId?: string,
    searchType?: number,
  ): Promise<string>;
  openForm(
    entityFormOptions: unknown,
    entityFormParameters?: unknown,
    correlationId?: string,
  ): Promise<string>;
  renderSearchPage(
    entityName: string,
    searchString: string,
    correlationId?: string,
  ): Promise<unknown>;
  getEntityMetadata(
    entityName: string,
    attributes?: string[],
    correlationId?: string,
  ): Promise<unknown>;
  addHandler(
    eventName: string,
    handler: CIFEventHandler,
    correlationId?: string,
  ): Promise<never> | undefined;
  removeHandler(
    eventName: string,
    handler: CIFEventHandler,
    correlationId?: string,
  ): Promise<never> | undefined;
  raiseEvent(eventName: string, eventInput: unknown, correlationId?: string): Promise<unknown>;
  updateContext(
    input: unknown,
    sessionId?: string,
    isDelete?: boolean,
    correlationId?: string,
  ): Promise<unknown>;
  notifyEvent(input: unknown, correlationId?: string, cancellationToken?: string): Promise<string>;
  cancelEvent(cancellationToken: string, correlationId?: string): Promise<string>;
  canCreateSession(correlationId?: string): Promise<unknown>;
  createSession(
    input: unknown,
    correlationId?: string,
    providerSessionId?: string,
  ): Promise<unknown>;
  getSession(sessionId: string, correlationId?: string): Promise<unknown>;
  getFocusedSession(correlationId?: string): Promise<unknown>;
  getAllSessions(correlationId?: string): Promise<unknown>;
  requestFocusSession(
    sessionId: string,
    messagesCount?: number,
    correlationId?: string,
  ): Promise<unknown>;
  setSessionTitle(input: unknown, correlationId?: string): Promise<unknown>;
  createTab(input: unknown, correlationId?: string): Promise<unknown>;
  getTabs(name?: string | null, tags?: string[] | null, correlationId?: string): Promise<unknown>;
  getFocusedTab(correlationId?: string): Promise<unknown>;
  focusTab(tabId: string, correlationId?: string): Promise<unknown>;
  refreshTab(tabId: string, correlationId?: string): Promise<unknown>;
  closeTab(tabId: string, correlationId?: string): Promise<unknown>;
  setTabTitle(tabId: string, input: unknown, correlationId?: string): Promise<unknown>;
  notifyKpiBreach(
    sessionId: string,
    shouldReset?: boolean,
    details?: unknown,
    correlationId?: string,
  ): Promise<unknown>;
  notifyNewActivity(
    sessionId: string,
    messagesCount?: number,
    shouldReset?: boolean,
    correlationId?: string,
  ): Promise<unknown>;
  setPresence(presenceText: string, correlationId?: string): Promise<unknown>;
  getPresence(correlationId?: string): Promise<unknown>;
  logAnalyticsEvent(data: unknown, eventName: string, correlationId?: string): Promise<unknown>;
  updateConversation(conversationId: string, data: string, correlationId?: string): Promise<string>;
}

interface Deferred {
  resolve(value: unknown): void;
  reject(error: unknown): void;
  timer: number | undefined;
}

const MARK = Symbol.for('cif-emulator.library');
const RETRIES = 3;

function isNil(value: unknown): value is null | undefined {
  return value === null || value === undefined;
}

/** JSON.stringify that never throws (a cyclic structure becomes its error text). */
function stringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'null';
  } catch (error) {
    return JSON.stringify({ message: String(error) });
  }
}

/** The real `buildMap`: an Error-like becomes an error map, anything else a Map of its keys. */
function buildMap(value: unknown): Map<string, unknown> {
  if (
    value &&
    typeof value === 'object' &&
    (value as { message?: unknown }).message !== undefined
  ) {
    return createErrorMap(String((value as { message: unknown }).message));
  }
  const map = new Map<string, unknown>();
  if (value && typeof value === 'object') {
    for (const key of Object.keys(value)) map.set(key, (value as Record<string, unknown>)[key]);
  }
  return map;
}

/** Converts a host result into the JSON string the real library resolves or rejects with. */
function toJsonString(value: unknown): string {
  if (typeof value === 'string') return value;
  return stringify(buildEntity(value));
}

function hostnameOf(url: string): string {
  try {
    return decodeURIComponent(new URL(url).hostname);
  } catch {
    return '';
  }
}

function originOf(url: string, base: string): string {
  try {
    return new URL(url, base).origin;
  } catch {
    return '';
  }
}

/**
 * Installs `Microsoft.CIFramework` on `win` (the widget's window) and schedules `CIFInitDone`. Returns the
 * namespace. A second call on the same window returns the first namespace unchanged.
 */
export function installCIFramework(win: Window & typeof globalThis): CIFrameworkLibrary {
  const global = win as Window & { Microsoft?: { CIFramework?: CIFrameworkLibrary } };
  const existing: (CIFrameworkLibrary & { [MARK]?: true }) | undefined =
    global.Microsoft?.CIFramework;
  if (existing?.[MARK]) return existing;

  const doc = win.document;
  const domains: string[] = [];
  let crmUrl = doc.referrer;
  try {
    const script = doc.querySelector('script[data-cifid="CIFMainLibrary"]');
    const attr = script?.getAttribute('data-crmurl');
    if (attr) crmUrl = attr;
  } catch {
    // no script tag: keep the referrer
  }
  const base = win.location.href;
  if (crmUrl) domains.push(originOf(crmUrl, base));
  const ucilib = new URLSearchParams(win.location.search).get('ucilib');
  if (ucilib) domains.push(originOf(ucilib, base));
  const trusted = domains.filter(Boolean);
  const targetOrigin = trusted[trusted.length - 1] ?? '';
  const trustedHosts = trusted.map(hostnameOf).filter(Boolean);

  const pending = new Map<string, Deferred>();
  const handlers = new Map<string, Set<CIFEventHandler>>();
  let apiTimeout = DEFAULT_API_TIMEOUT;

  const post = (target: Window | null, message: unknown, origin: string): boolean => {
    if (!target || !origin || origin === '*') return false;
    for (let attempt = 1; ; attempt++) {
      try {
        target.postMessage(message, origin);
        return true;
      } catch {
        if (attempt >= RETRIES) return false;
      }
    }
  };

  const rejectJson = (message: string): Promise<never> =>
    // The real library rejects with JSON strings and Maps, not Errors: widgets depend on it.
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
    Promise.reject(stringify(buildEntity(createErrorMap(message))));

  /** Sends a request to the host; resolves its raw `messageData`. */
  const postMsg = (
    messageType: string,
    data: Map<string, unknown>,
    noTimeout = false,
  ): Promise<unknown> => {
    if (!win.top || !targetOrigin) return rejectJson(Text.noTarget);
    const messageCorrelationId = newCorrelationId();
    return new Promise((resolve, reject) => {
      const deferred: Deferred = { resolve, reject, timer: undefined };
      if (!noTimeout) {
        deferred.timer = win.setTimeout(() => {
          pending.delete(messageCorrelationId);
          // The real library rejects with JSON strings and Maps, not Errors: widgets depend on it.
          // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
          reject(createErrorMap(Text.timeout));
        }, apiTimeout);
      }
      pending.set(messageCorrelationId, deferred);
      const request: WireRequest = { messageType, messageData: data, messageCorrelationId };
      if (!post(win.top, request, targetOrigin)) {
        pending.delete(messageCorrelationId);
        if (deferred.timer !== undefined) win.clearTimeout(deferred.timer);
        // The real library rejects with JSON strings and Maps, not Errors: widgets depend on it.
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
        reject(stringify(buildEntity(createErrorMap(Text.postFailed))));
      }
    });
  };

  /** The real generic call: resolves `messageData.get('value')`, or null. */
  const call = (
    messageType: string,
    data: Map<string, unknown>,
    noTimeout = false,
  ): Promise<unknown> =>
    postMsg(messageType, data, noTimeout).then((result) => {
      const value = isMap(result) ? result.get(Key.value) : undefined;
      return isNil(value) ? null : value;
    });

  /** A call whose result and error are JSON strings. */
  const callJson = (
    messageType: string,
    data: Map<string, unknown>,
    noTimeout = false,
    encode: (value: unknown) => string = toJsonString,
  ): Promise<string> =>
    call(messageType, data, noTimeout).then(encode, (error: unknown) => {
      // The real library rejects with JSON strings and Maps, not Errors: widgets depend on it.
      // eslint-disable-next-line @typescript-eslint/only-throw-error
      throw toJsonString(error);
    });

  /** Reports an argument error to the host (like the real logErrorsAndReject) and rejects with JSON. */
  const fail = (message: string, api: string, correlationId?: string): Promise<never> => {
    const data = new Map<string, unknown>()
      .set(Key.errorMessage, message)
      .set(Key.correlationId, correlationId)
      .set(Key.functionName, api);
    postMsg(MessageType.logErrorsAndReject, data).catch(() => undefined);
    return rejectJson(message);
  };

  const blank = (value: unknown): boolean => isNil(value) || value === '';
  const map = (correlationId?: string) =>
    new Map<string, unknown>().set(Key.correlationId, correlationId);

  const onMessage = (event: MessageEvent) => {
    const data: unknown = event.data;
    if (typeof data !== 'object' || data === null) return;
    const correlationId = (data as { messageCorrelationId?: unknown }).messageCorrelationId;
    const source = event.source as Window | null;
    const host = hostnameOf(event.origin);
    const known = event.origin && event.origin !== '*' && source && trustedHosts.includes(host);
    if (!known) {
      if (typeof correlationId === 'string' && correlationId && source) {
        post(
          source,
          {
            messageOutcome: MESSAGE_FAILURE,
            messageData: createErrorMap(event.origin ? Text.untrustedSender : Text.nullOrigin),
            messageCorrelationId: correlationId,
            messageType: RESPONSE_TYPE,
          },
          event.origin,
        );
      }
      return;
    }
    const deferred = typeof correlationId === 'string' ? pending.get(correlationId) : undefined;
    if (deferred && isWireResponse(data)) {
      pending.delete(data.messageCorrelationId);
      if (deferred.timer !== undefined) win.clearTimeout(deferred.timer);
      if (data.messageOutcome === MESSAGE_SUCCESS) deferred.resolve(data.messageData);
      else deferred.reject(data.messageData);
      return;
    }
    const request = data as Partial<WireRequest> & { messageOutcome?: unknown };
    if (typeof request.messageType !== 'string' || request.messageType === RESPONSE_TYPE) return;
    if (request.messageOutcome !== undefined) return; // a late reply to a timed-out request
    const respond = (
      outcome: typeof MESSAGE_SUCCESS | typeof MESSAGE_FAILURE,
      messageData: unknown,
    ) => {
      if (typeof correlationId !== 'string' || !correlationId) return;
      const reply = {
        messageOutcome: outcome,
        messageData,
        messageCorrelationId: correlationId,
        messageType: RESPONSE_TYPE,
      };
      try {
        source.postMessage(reply, event.origin);
      } catch (error) {
        // the handler resolved something that cannot be cloned (a function, a DOM node)
        post(
          source,
          { ...reply, messageOutcome: MESSAGE_FAILURE, messageData: buildMap(error) },
          event.origin,
        );
      }
    };
    const payload = request.messageData;
    if (isMap(payload)) payload.set(Key.originURL, event.origin);
    const registered = handlers.get(request.messageType);
    if (!registered || registered.size === 0) {
      respond(MESSAGE_SUCCESS, createErrorMap(Text.noHandlers));
      return;
    }
    for (const handler of [...registered]) {
      try {
        const result = handler(payload as string) as PromiseLike<unknown>;
        result.then(
          (value) => respond(MESSAGE_SUCCESS, value),
          (error: unknown) =>
            respond(MESSAGE_FAILURE, error instanceof Error ? buildMap(error) : error),
        );
      } catch (error) {
        respond(MESSAGE_FAILURE, buildMap(error));
      }
    }
  };
  win.addEventListener('message', onMessage);

  const api: CIFrameworkLibrary & { [MARK]: true } = {
    [MARK]: true,
    setClickToAct(value, correlationId) {
      return call(
        MessageType.setClickToAct,
        map(correlationId).set(Key.value, isNil(value) ? false : value),
      );
    },
    getClickToAct(correlationId) {
      return call(MessageType.getClickToAct, map(correlationId));
    },
    setMode(mode, correlationId) {
      if (isNil(mode) || (mode !== 0 && mode !== 1 && mode !== 2)) {
        return fail(
          'The setMode paramter value must be 0, 1 or 2.',
          MessageType.setMode,
          correlationId,
        );
      }
      return call(MessageType.setMode, map(correlationId).set(Key.value, mode));
    },
    getMode(correlationId) {
      return call(MessageType.getMode, map(correlationId));
    },
    setWidth(width) {
      if (isNil(width) || !(width >= 0)) {
        return fail(
          'The setWidth parameter value is invalid. Provide a positive number to the parameter.',
          MessageType.setWidth,
          '',
        );
      }
      return call(MessageType.setWidth, new Map<string, unknown>().set(Key.value, width));
    },
    getWidth(correlationId) {
      return call(MessageType.getWidth, map(correlationId));
    },
    getEnvironment(correlationId) {
      return callJson(MessageType.getEnvironment, map(correlationId));
    },
    createRecord(entityName, data, correlationId) {
      if (blank(entityName)) {
        return fail(
          'The EntityName parameter is blank. Provide a value to the parameter.',
          MessageType.createRecord,
          correlationId,
        );
      }
      if (isNil(data)) {
        return fail(
          'Provide a value to the data parameter to create record.',
          MessageType.createRecord,
          correlationId,
        );
      }
      const parsed = parseData(data);
      if (!parsed.ok) return fail(parsed.message, MessageType.createRecord, correlationId);
      return callJson(
        MessageType.createRecord,
        map(correlationId).set(Key.entityName, entityName).set(Key.value, parsed.value),
      );
    },
    retrieveRecord(entityName, entityId, options, correlationId) {
      if (blank(entityName)) {
        return fail(
          'The EntityName parameter is blank.Provide a value to the parameter.',
          MessageType.retrieveRecord,
          correlationId,
        );
      }
      if (blank(entityId)) {
        return fail(
          'The EntityId parameter is blank. Provide a value to the parameter.',
          MessageType.retrieveRecord,
          correlationId,
        );
      }
      return callJson(
        MessageType.retrieveRecord,
        map(correlationId)
          .set(Key.entityName, entityName)
          .set(Key.entityId, entityId)
          .set(Key.queryParameters, options),
      );
    },
    updateRecord(entityName, entityId, data, correlationId) {
      if (blank(entityName)) {
        return fail(
          'The EntityName parameter is blank. Provide a value to the parameter.',
          MessageType.updateRecord,
          correlationId,
        );
      }
      if (blank(entityId)) {
        return fail(
          'The EntityId parameter is blank. Provide a value to the parameter.',
          MessageType.updateRecord,
          correlationId,
        );
      }
      if (isNil(data)) {
        return fail(
          'The data parameter is blank. Provide a value to the parameter to update the record.',
          MessageType.updateRecord,
          correlationId,
        );
      }
      const parsed = parseData(data);
      if (!parsed.ok) return fail(parsed.message, MessageType.updateRecord, correlationId);
      return callJson(
        MessageType.updateRecord,
        map(correlationId)
          .set(Key.entityName, entityName)
          .set(Key.entityId, entityId)
          .set(Key.value, parsed.value),
      );
    },
    deleteRecord(entityName, entityId, correlationId) {
      if (blank(entityName)) {
        return fail(
          'The EntityName parameter is blank. Provide a value to the parameter.',
          MessageType.deleteRecord,
          correlationId,
        );
      }
      if (blank(entityId)) {
        return fail(
          'The EntityId parameter is blank. Provide a value to the parameter.',
          MessageType.deleteRecord,
          correlationId,
        );
      }
      return callJson(
        MessageType.deleteRecord,
        map(correlationId).set(Key.entityName, entityName).set(Key.entityId, entityId),
      );
    },
    searchAndOpenRecords(entityName, queryParameters, searchOnly, correlationId, searchType) {
      const api = MessageType.searchAndOpenRecords;
      if (blank(entityName))
        return fail(
          'The EntityName parameter is blank. Provide a value to the parameter.',
          api,
          correlationId,
        );
      if (blank(queryParameters))
        return fail(
          'The queryParmeters parameter is blank. Provide a value to the parameter.',
          api,
          correlationId,
        );
      if (isNil(searchOnly))
        return fail(
          'The searchOnly parameter is blank. Provide a value to the parameter.',
          api,
          correlationId,
        );
      return callJson(
        searchOnly ? MessageType.search : MessageType.searchAndOpenRecords,
        map(correlationId)
          .set(Key.entityName, entityName)
          .set(Key.queryParameters, queryParameters)
          .set(Key.searchOnly, searchOnly)
          .set(Key.searchType, searchType),
      );
    },
    openForm(entityFormOptions, entityFormParameters, correlationId) {
      if (blank(entityFormOptions)) {
        return fail(
          'The EntityFormOptions parameter is blank. Provide a value to the parameter.',
          MessageType.openForm,
          correlationId,
        );
      }
      return callJson(
        MessageType.openForm,
        map(correlationId)
          .set(Key.entityFormOptions, entityFormOptions)
          .set(Key.entityFormParameters, entityFormParameters),
        true,
        (value) => stringify(isMap(value) ? buildEntity(value) : value),
      );
    },
    renderSearchPage(entityName, searchString, correlationId) {
      if (blank(entityName))
        return fail(
          'The EntityName Parameter is blank. Provide a value to the parameter',
          MessageType.renderSearchPage,
          correlationId,
        );
      if (isNil(searchString))
        return fail(
          'The SearchString Parameter cannot be NULL',
          MessageType.renderSearchPage,
          correlationId,
        );
      return call(
        MessageType.renderSearchPage,
        map(correlationId).set(Key.entityName, entityName).set(Key.searchString, searchString),
      );
    },
    getEntityMetadata(entityName, attributes, correlationId) {
      if (blank(entityName))
        return fail(
          'The EntityName parameter is blank. Provide a value to the parameter',
          MessageType.getEntityMetadata,
          correlationId,
        );
      return call(
        MessageType.getEntityMetadata,
        map(correlationId).set(Key.entityName, entityName).set(Key.attributes, attributes),
      );
    },
    addHandler(eventName, handler, correlationId) {
      if (blank(eventName))
        return fail(
          'The parameter EventName is blank. Provide a value to the parameter.',
          MessageType.addGenericHandler,
          correlationId,
        );
      if (isNil(handler))
        return fail(
          'Passing data parameters to addHandler is mandatory.',
          MessageType.addGenericHandler,
          correlationId,
        );
      let set = handlers.get(eventName);
      if (!set) handlers.set(eventName, (set = new Set()));
      set.add(handler);
      postMsg(
        MessageType.addGenericHandler,
        map(correlationId).set(Key.eventType, eventName),
      ).catch(() => undefined);
      return undefined;
    },
    removeHandler(eventName, handler, correlationId) {
      if (blank(eventName))
        return fail(
          'The EventName parameter is blank. Provide a value to the parameter.',
          MessageType.removeGenericHandler,
          correlationId,
        );
      if (isNil(handler))
        return fail(
          'Passing data parameters to removeHandler is mandatory.',
          MessageType.removeGenericHandler,
          correlationId,
        );
      handlers.get(eventName)?.delete(handler);
      postMsg(
        MessageType.removeGenericHandler,
        map(correlationId).set(Key.eventType, eventName),
      ).catch(() => undefined);
      return undefined;
    },
    raiseEvent(eventName, eventInput, correlationId) {
      if (blank(eventName))
        return fail(
          'The EventName parameter is blank. Provide a value to the parameter.',
          MessageType.raiseEvent,
          correlationId,
        );
      return call(
        MessageType.raiseEvent,
        map(correlationId).set(Key.eventType, eventName).set(Key.value, eventInput),
      );
    },
    updateContext(input, sessionId, isDelete, correlationId) {
      if (isNil(input))
        return fail(
          'The input parameter is null. Provide a value to the parameter',
          MessageType.updateContext,
          correlationId,
        );
      return call(
        MessageType.updateContext,
        map(correlationId)
          .set(Key.input, input)
          .set(Key.sessionId, sessionId)
          .set(Key.isDelete, isDelete),
      );
    },
    notifyEvent(input, correlationId, cancellationToken) {
      if (isNil(input))
        return fail(
          'The Input parameter is blank. Provide a value.',
          MessageType.notifyEvent,
          correlationId,
        );
      const value = input as Record<string, unknown>;
      const data = map(correlationId)
        .set(Key.eventType, value.eventType)
        .set(Key.templateName, value.templateName)
        .set(Key.templateParameters, value.templateParameters)
        .set(Key.cancellationToken, value.cancellationToken ?? cancellationToken);
      return callJson(MessageType.notifyEvent, data, true);
    },
    cancelEvent(cancellationToken, correlationId) {
      if (blank(cancellationToken))
        return fail(
          'The cancellationToken parameter is blank. Provide a value to the parameter.',
          MessageType.cancelEvent,
          correlationId,
        );
      return callJson(
        MessageType.cancelEvent,
        map(correlationId).set(Key.cancellationToken, cancellationToken),
      );
    },
    canCreateSession(correlationId) {
      return call(MessageType.canCreateSession, map(correlationId));
    },
    createSession(input, correlationId, providerSessionId) {
      if (isNil(input))
        return fail(
          'Some of required parameters are null',
          MessageType.createSession,
          correlationId,
        );
      const value = input as {
        customerName?: unknown;
        context?: unknown;
        templateParameters?: { customerName?: unknown };
      };
      const customerName = value.customerName ?? value.templateParameters?.customerName;
      return call(
        MessageType.createSession,
        map(correlationId)
          .set(Key.input, input)
          .set(Key.context, value.context)
          .set(Key.customerName, customerName)
          .set(Key.providerSessionId, providerSessionId),
        true,
      );
    },
    getSession(sessionId, correlationId) {
      if (blank(sessionId))
        return fail(
          'The sessionId parameter is null. Provide a value to the parameter',
          MessageType.getSession,
          correlationId,
        );
      return call(MessageType.getSession, map(correlationId).set(Key.sessionId, sessionId));
    },
    getFocusedSession(correlationId) {
      return call(MessageType.getFocusedSession, map(correlationId));
    },
    getAllSessions(correlationId) {
      return call(MessageType.getAllSessions, map(correlationId));
    },
    requestFocusSession(sessionId, messagesCount, correlationId) {
      if (isNil(sessionId))
        return fail(
          'SessionID is null or undefined',
          MessageType.requestFocusSession,
          correlationId,
        );
      return call(
        MessageType.requestFocusSession,
        map(correlationId).set(Key.sessionId, sessionId).set(Key.messagesCount, messagesCount),
      );
    },
    setSessionTitle(input, correlationId) {
      if (isNil(input))
        return fail(
          'The input Parameter is blank. Provide a value to the parameter',
          MessageType.setSessionTitle,
          correlationId,
        );
      return call(MessageType.setSessionTitle, map(correlationId).set(Key.input, input));
    },
    createTab(input, correlationId) {
      if (isNil(input))
        return fail(
          'Some of the required parameters are Null',
          MessageType.createTab,
          correlationId,
        );
      return call(MessageType.createTab, map(correlationId).set(Key.input, input));
    },
    getTabs(name, tags, correlationId) {
      return call(
        MessageType.getTabsByTagOrName,
        map(correlationId).set(Key.templateTag, tags).set(Key.name, name),
      );
    },
    getFocusedTab(correlationId) {
      return call(MessageType.getFocusedTab, map(correlationId));
    },
    focusTab(tabId, correlationId) {
      if (isNil(tabId))
        return fail('tabId is null or undefined', MessageType.focusTab, correlationId);
      return call(MessageType.focusTab, map(correlationId).set(Key.tabId, tabId));
    },
    refreshTab(tabId, correlationId) {
      if (isNil(tabId))
        return fail(
          'The tabId Parameter is blank. Provide a value to the parameter',
          MessageType.refreshTab,
          correlationId,
        );
      return call(MessageType.refreshTab, map(correlationId).set(Key.tabId, tabId));
    },
    closeTab(tabId, correlationId) {
      if (isNil(tabId))
        return fail(
          'The tabId Parameter is blank. Provide a value to the parameter',
          MessageType.closeTab,
          correlationId,
        );
      return call(MessageType.closeTab, map(correlationId).set(Key.tabId, tabId));
    },
    setTabTitle(tabId, input, correlationId) {
      if (isNil(tabId))
        return fail(
          'The tabId Parameter is blank. Provide a value to the parameter',
          MessageType.setTabTitle,
          correlationId,
        );
      if (isNil(input))
        return fail('The input Parameter cannot be NULL', MessageType.setTabTitle, correlationId);
      return call(
        MessageType.setTabTitle,
        map(correlationId).set(Key.input, input).set(Key.tabId, tabId),
      );
    },
    notifyKpiBreach(sessionId, shouldReset, details, correlationId) {
      if (isNil(sessionId))
        return fail('SessionID is null or undefined', MessageType.notifyKpiBreach, correlationId);
      return call(
        MessageType.notifyKpiBreach,
        map(correlationId)
          .set(Key.sessionId, sessionId)
          .set(Key.resetKpiBreach, shouldReset)
          .set(Key.kpiBreachDetails, details),
      );
    },
    notifyNewActivity(sessionId, messagesCount, shouldReset, correlationId) {
      if (isNil(sessionId))
        return fail('SessionID is null or undefined', MessageType.notifyNewActivity, correlationId);
      return call(
        MessageType.notifyNewActivity,
        map(correlationId)
          .set(Key.sessionId, sessionId)
          .set(Key.messagesCount, messagesCount)
          .set(Key.shouldReset, shouldReset),
      );
    },
    setPresence(presenceText, correlationId) {
      if (isNil(presenceText))
        return fail(
          'The presenceText parameter is null. Provide a value to the parameter',
          MessageType.setPresence,
          correlationId,
        );
      return call(MessageType.setPresence, map(correlationId).set(Key.presenceText, presenceText));
    },
    getPresence(correlationId) {
      return call(MessageType.getPresence, map(correlationId));
    },
    logAnalyticsEvent(data, eventName, correlationId) {
      if (isNil(data) && isNil(eventName)) {
        return fail(
          'logAnalyticsEvent payload data or eventType is not valid. ',
          MessageType.logAnalyticsEvent,
          correlationId,
        );
      }
      return call(
        MessageType.logAnalyticsEvent,
        map(correlationId).set(Key.analyticsData, data).set(Key.analyticsEventName, eventName),
      );
    },
    updateConversation(conversationId, data, correlationId) {
      if (blank(conversationId))
        return fail(
          'The EntityId parameter is blank. Provide a value to the parameter.',
          MessageType.updateConversation,
          correlationId,
        );
      if (isNil(data))
        return fail(
          'The data parameter is blank. Provide a value to the parameter to update the record.',
          MessageType.updateConversation,
          correlationId,
        );
      const parsed = parseData(data);
      if (!parsed.ok) return fail(parsed.message, MessageType.updateConversation, correlationId);
      return callJson(
        MessageType.updateConversation,
        map(correlationId)
          .set(Key.entityName, 'msdyn_ocliveworkitem')
          .set(Key.entityId, conversationId)
          .set(Key.value, parsed.value),
      );
    },
  };

  const namespace = (global.Microsoft ??= {} as { CIFramework?: CIFrameworkLibrary });
  namespace.CIFramework = api;

  // Emulator handshake: learn the configured API timeout. Not part of the public API.
  postMsg(MessageType.hello, new Map())
    .then((result) => {
      const timeout = isMap(result) ? Number(result.get(Key.apiTimeout)) : NaN;
      if (Number.isFinite(timeout) && timeout > 0) apiTimeout = timeout;
    })
    .catch(() => undefined);

  win.setTimeout(() => {
    win.dispatchEvent(new win.CustomEvent('CIFInitDone', { detail: trusted }));
  }, 0);
  return api;
}

/**
 * The real library runs `buildMap(JSON.parse(data))`: data must be a JSON string (an object would make
 * JSON.parse throw). Here the same input fails with a readable validation error instead of an exception.
 */
function parseData(
  data: unknown,
): { ok: true; value: Map<string, unknown> } | { ok: false; message: string } {
  if (typeof data !== 'string') {
    return { ok: false, message: 'The data parameter must be a JSON string (use JSON.stringify).' };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch (error) {
    return {
      ok: false,
      message: `The data parameter is not valid JSON: ${(error as Error).message}`,
    };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, message: 'The data parameter must be a JSON object.' };
  }
  const map = new Map<string, unknown>();
  for (const [key, value] of Object.entries(parsed)) map.set(key, value);
  return { ok: true, value: map };
}
