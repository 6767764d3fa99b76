/**
 * The wire protocol between msdyn_ciLibrary.js (in the widget iframe) and the host page, modelled on the
 * real library: requests `{messageType, messageData, messageCorrelationId}` to `window.top`, replies
 * `{messageOutcome, messageData, messageCorrelationId, messageType: 'CIF_Response'}` to the sender.
 * `messageData` is a `Map` (structured clone keeps it a Map) or, for events to the widget, a JSON string.
 */

/** Message types the library posts to the host (the real library's names, including its casing). */
export const MessageType = {
  setClickToAct: 'setclicktoact',
  getClickToAct: 'getclicktoact',
  searchAndOpenRecords: 'searchandopenrecords',
  search: 'search',
  openForm: 'openform',
  createRecord: 'createrecord',
  deleteRecord: 'deleterecord',
  retrieveRecord: 'retrieverecord',
  updateRecord: 'updaterecord',
  setMode: 'setmode',
  setWidth: 'setwidth',
  getMode: 'getmode',
  getEnvironment: 'getenvironment',
  getWidth: 'getwidth',
  getEntityMetadata: 'getEntityMetadata',
  renderSearchPage: 'renderSearchPage',
  addGenericHandler: 'addGenericHandler',
  removeGenericHandler: 'removeGenericHandler',
  logErrorsAndReject: 'logErrorsAndReject',
  raiseEvent: 'raiseEvent',
  updateContext: 'updateContext',
  notifyEvent: 'notifyEvent',
  cancelEvent: 'cancelEvent',
  canCreateSession: 'canCreateSession',
  createSession: 'createSession',
  getSession: 'getSession',
  getFocusedSession: 'getFocusedSession',
  getAllSessions: 'getAllSessions',
  requestFocusSession: 'requestFocusSession',
  setSessionTitle: 'setSessionTitle',
  createTab: 'createTab',
  getTabsByTagOrName: 'getTabsByTagOrName',
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
  /** Emulator handshake: the library asks the host for its settings (API timeout). */
  hello: 'cifEmulatorHello',
} as const;

/** A message type the library sends. */
export type MessageTypeName = (typeof MessageType)[keyof typeof MessageType];

/** Keys of the `messageData` maps (the real library's constant names). */
export const Key = {
  value: 'value',
  message: 'message',
  name: 'msdyn_name',
  correlationId: 'correlationId',
  entityName: 'entityName',
  entityId: 'entityId',
  queryParameters: 'queryParameters',
  searchOnly: 'searchOnly',
  searchType: 'searchType',
  entityFormOptions: 'entityFormOptions',
  entityFormParameters: 'entityFormParameters',
  attributes: 'attributes',
  searchString: 'searchString',
  eventType: 'eventType',
  input: 'input',
  context: 'context',
  customerName: 'customerName',
  sessionId: 'sessionId',
  tabId: 'tabId',
  templateTag: 'templateTag',
  messagesCount: 'messagesCount',
  shouldReset: 'shouldReset',
  resetKpiBreach: 'resetKpiBreach',
  kpiBreachDetails: 'kpiBreachDetails',
  isDelete: 'isDelete',
  providerSessionId: 'providerSessionId',
  templateName: 'templateName',
  templateParameters: 'templateParameters',
  cancellationToken: 'cancellationToken',
  presenceText: 'presenceText',
  analyticsData: 'analyticsData',
  analyticsEventName: 'analyticsEventname',
  errorMessage: 'errorMsg',
  functionName: 'functName',
  originURL: 'originURL',
  apiTimeout: 'apiTimeout',
} as const;

/** The event names the host raises (addHandler names; note the real casing). */
export const EventName = {
  onClickToAct: 'onclicktoact',
  onModeChanged: 'onmodechanged',
  onSizeChanged: 'onsizechanged',
  onPageNavigate: 'onpagenavigate',
  onSendKBArticle: 'onsendkbarticle',
  onSessionSwitched: 'onSessionSwitched',
  onSessionClosed: 'onSessionClosed',
  onPresenceChange: 'onPresenceChange',
} as const;

export const MESSAGE_SUCCESS = 'success';
export const MESSAGE_FAILURE = 'failure';
export const RESPONSE_TYPE = 'CIF_Response';

/** The real library's texts. */
export const Text = {
  timeout: 'Timeout occurred as no response was received from listener window',
  untrustedSender:
    'Sender domain is not a recognised or is invalid and hence the message cant be processed',
  nullOrigin: 'Origin/Source of the message cant be null or all',
  noHandlers: 'No handlers found to process the request.',
  noTarget: 'Receiving window or targetOrigin cannot be unspecified',
  postFailed: 'Not able to post the request to receiving window after multiple tries.',
} as const;

/** Default API timeout of the shipped library (ms). */
export const DEFAULT_API_TIMEOUT = 10_000;

/** A request as posted by the library or the host. */
export interface WireRequest {
  messageType: string;
  messageData: Map<string, unknown> | string;
  messageCorrelationId: string;
}

/** A reply to a {@link WireRequest}. */
export interface WireResponse {
  messageOutcome: typeof MESSAGE_SUCCESS | typeof MESSAGE_FAILURE;
  messageData: unknown;
  messageCorrelationId: string;
  messageType: typeof RESPONSE_TYPE;
}

/** Builds the real library's error map: `message` and `msdyn_name`. */
export function createErrorMap(message: string, name?: string): Map<string, unknown> {
  return new Map<string, unknown>().set(Key.message, message).set(Key.name, name);
}

/** True for a Map of any realm (messages are deserialized in the receiving window's realm). */
export function isMap(value: unknown): value is Map<unknown, unknown> {
  return Object.prototype.toString.call(value) === '[object Map]';
}

/** Converts a Map (or a plain object) into a plain object, as the real `buildEntity` does. */
export function buildEntity(value: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (isMap(value)) {
    value.forEach((v: unknown, k: unknown) => {
      out[String(k)] = isMap(v) ? buildEntity(v) : v;
    });
  } else if (value && typeof value === 'object') {
    Object.assign(out, value);
  }
  return out;
}

/** True when `data` looks like a CIF request. */
export function isWireRequest(data: unknown): data is WireRequest {
  return (
    typeof data === 'object' &&
    data !== null &&
    typeof (data as WireRequest).messageType === 'string' &&
    (data as WireRequest).messageType !== RESPONSE_TYPE &&
    !('messageOutcome' in data)
  );
}

/** True when `data` looks like a CIF reply. */
export function isWireResponse(data: unknown): data is WireResponse {
  return (
    typeof data === 'object' &&
    data !== null &&
    typeof (data as WireResponse).messageCorrelationId === 'string' &&
    ((data as WireResponse).messageOutcome === MESSAGE_SUCCESS ||
      (data as WireResponse).messageOutcome === MESSAGE_FAILURE)
  );
}

/** A correlation id like the real library's (short base-36). */
export function newCorrelationId(): string {
  return (Math.random() + 1).toString(36).substring(7) + Date.now().toString(36).slice(-4);
}
