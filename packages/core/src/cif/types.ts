/**
 * Types of the Channel Integration Framework as the client presents it: typed inputs and normalised results.
 * The shapes on the wire (JSON strings, Maps, array-like objects) are described in the CIF reference; the
 * client converts them to and from these types.
 */

/** A JSON value: what CIF payloads are made of once parsed. */
export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A JSON object. */
export type JsonObject = Record<string, JsonValue>;

/** The major version of the Channel Integration Framework that the host speaks. */
export type CifVersion = 1 | 2;

/** APIs present in CIF 1.0 and 2.0 (single-session and multisession apps). */
export const CIF_V1_APIS = [
  'setClickToAct',
  'getClickToAct',
  'setMode',
  'getMode',
  'setWidth',
  'getWidth',
  'getEnvironment',
  'createRecord',
  'retrieveRecord',
  'updateRecord',
  'deleteRecord',
  'searchAndOpenRecords',
  'openForm',
  'renderSearchPage',
  'getEntityMetadata',
  'addHandler',
  'removeHandler',
  'raiseEvent',
  'updateContext',
] as const;

/** APIs present only in CIF 2.0 (multisession apps: Customer Service workspace, Omnichannel). */
export const CIF_V2_APIS = [
  'notifyEvent',
  'cancelEvent',
  'canCreateSession',
  'createSession',
  'getSession',
  'getFocusedSession',
  'getAllSessions',
  'requestFocusSession',
  'setSessionTitle',
  'createTab',
  'getTabs',
  'getFocusedTab',
  'focusTab',
  'refreshTab',
  'closeTab',
  'setTabTitle',
  'notifyKpiBreach',
  'notifyNewActivity',
  'setPresence',
  'getPresence',
  'logAnalyticsEvent',
  'updateConversation',
] as const;

/** The name of a documented `Microsoft.CIFramework` method. */
export type CifApiName = (typeof CIF_V1_APIS)[number] | (typeof CIF_V2_APIS)[number];

/** Any function the library exposes; the client calls it with the arguments CIF documents. */
export type CifLibraryFunction = (...args: never[]) => unknown;

/**
 * The shape of `window.Microsoft.CIFramework` (the real library, the emulator's drop-in library, or the fake
 * from `@cif-elements/core/testing`). Every method is optional: CIF 1.0 libraries lack the 2.0 ones, and a
 * partial library is reported as such instead of failing with a TypeError.
 */
export type CifLibrary = Readonly<Partial<Record<CifApiName, CifLibraryFunction>>>;

/**
 * Panel mode. `0` minimized and `1` docked exist in every version; CIF 2.0 adds `2` hidden and `3` collapsed.
 */
export type CifMode = 0 | 1 | 2 | 3;

/** Named panel modes, for readability: `client.setMode(CifPanelMode.docked)`. */
export const CifPanelMode = { minimized: 0, docked: 1, hidden: 2, collapsed: 3 } as const;

/** A Dataverse record as CIF returns it: attribute names to values (plus OData annotations). */
export type CifRecord = Readonly<Record<string, JsonValue>>;

/** Data for createRecord/updateRecord: attributes, lookups as `"attr@odata.bind": "/contacts(<guid>)"`. */
export type CifRecordData = Readonly<Record<string, unknown>>;

/** What createRecord, updateRecord, deleteRecord and updateConversation resolve to. */
export interface CifRecordReference {
  /** The record id, without braces. Empty when the host did not report one. */
  readonly id: string;
  /** The entity logical name, when known. */
  readonly entityName?: string;
  /** Everything the host returned, parsed. */
  readonly raw: JsonObject;
}

/**
 * An OData query for retrieveRecord and searchAndOpenRecords, either the literal string CIF expects
 * (`"?$select=fullname&$filter=…"`) or its parts. See {@link buildODataQuery}.
 */
export type CifQuery = string | CifQueryParts;

/** The parts of an OData query string. */
export interface CifQueryParts {
  /** `$select`: attribute names. */
  readonly select?: readonly string[];
  /** `$filter`: an OData filter expression; quote literals with {@link odataString}. */
  readonly filter?: string;
  /** `$search`: relevance/categorized search text (searchAndOpenRecords always opens the search page). */
  readonly search?: string;
  /** `$expand`: navigation properties to expand. */
  readonly expand?: string;
  /** `$orderby`: for example `"createdon desc"`. */
  readonly orderBy?: string;
  /** `$top`: at most this many records (CIF caps at 5000). */
  readonly top?: number;
}

/** `searchType` of searchAndOpenRecords: 0 relevance search, 1 categorized search (the default). */
export type CifSearchType = 0 | 1;

/** entityFormOptions of openForm. */
export interface CifEntityFormOptions {
  readonly entityName: string;
  readonly entityId?: string;
  readonly formId?: string;
  readonly createFromEntity?: {
    readonly entityType: string;
    readonly id: string;
    readonly name?: string;
  };
  readonly useQuickCreateForm?: boolean;
  readonly openInNewWindow?: boolean;
  /** 1 center, 2 side. */
  readonly windowPosition?: 1 | 2;
  readonly height?: number;
  readonly width?: number;
  readonly cmdbar?: boolean;
  readonly navBar?: 'on' | 'off' | 'entity';
  readonly relationship?: Readonly<Record<string, unknown>>;
  readonly processId?: string;
  readonly selectStageId?: string;
  readonly [option: string]: unknown;
}

/** A record reference in openForm's `savedEntityReference`. */
export interface CifEntityReference {
  readonly entityType: string;
  /** Without braces. */
  readonly id: string;
  readonly name?: string;
}

/** What openForm resolves to. `savedEntityReference` is empty unless the agent saved the form. */
export interface CifOpenFormResult {
  readonly savedEntityReference: readonly CifEntityReference[];
  readonly raw: JsonObject;
}

/**
 * What getEnvironment resolves to (CIF field names kept; values normalised): ids without braces, LCIDs as
 * numbers, `customParams` parsed when it is JSON.
 */
export interface CifEnvironment {
  readonly appUrl?: string;
  readonly appid?: string;
  /** As reported by the host, e.g. `"2.0"`. */
  readonly cifVersion?: string;
  readonly clientUrl?: string;
  readonly crmVersion?: string;
  /** The provider's custom parameters: parsed JSON when it is JSON, the text otherwise, null when unset. */
  readonly customParams: JsonValue;
  /** Entity logical name of the current page (in CIF 2.0, only when the focused session is the provider's). */
  readonly etn?: string;
  /** Record id of the current page, without braces. */
  readonly id?: string;
  readonly isDirty?: boolean;
  /** Without braces. */
  readonly orgId?: string;
  readonly orgLcid?: number;
  readonly orgUniqueName?: string;
  readonly pagetype?: string;
  /** The agent's systemuser id without braces, ready for `/systemusers(<id>)`. */
  readonly userId?: string;
  readonly userLcid?: number;
  readonly username?: string;
  /** Everything the host returned, parsed. */
  readonly raw: JsonObject;
}

/** Input of notifyEvent: shows the host's notification (the incoming-call toast) from a template. */
export interface CifNotifyEventInput {
  /** Unique name of the msdyn_notificationtemplate. */
  readonly templateName: string;
  /** Slug values, e.g. `{ number: '+1 619 555 0129', customerName: 'Alex Baker' }`. */
  readonly templateParameters?: Readonly<Record<string, unknown>>;
  /** A unique token with which cancelEvent withdraws the notification (e.g. the caller hung up). */
  readonly cancellationToken?: string;
}

/** The agent's (or the host's) answer to a notification. */
export type CifNotifyAction = 'Accept' | 'Reject' | 'Timeout' | 'Unknown';

/** Reasons documented for notifyEvent answers; hosts may send others. */
export type CifNotifyReason =
  | 'Accept'
  | 'AutoAccept'
  | 'DeclinedByAgent'
  | 'NotificationQueueLimitExceeded'
  | 'NotificationQueueTimeLimitExceeded'
  | 'DisplayTimeout'
  | (string & {});

/** What notifyEvent and cancelEvent resolve to, with or without the documented `value` wrapper. */
export interface CifNotifyEventResult {
  /** True only when the action is Accept (by the agent or by auto-accept). */
  readonly accepted: boolean;
  /** Normalised action; a Reject for DisplayTimeout (older hosts) is reported as Timeout. */
  readonly action: CifNotifyAction;
  /** The host's responseReason, empty when absent. */
  readonly reason: CifNotifyReason;
  /** Everything the host returned, parsed. */
  readonly raw: JsonObject;
}

/** Input of createSession and createTab template calls. */
export interface CifTemplateInput {
  /** Unique name of the session or application-tab template. */
  readonly templateName: string;
  /** Slug values and template parameter overrides. */
  readonly templateParameters?: Readonly<Record<string, unknown>>;
}

/**
 * Input of createSession. The library sends `context` to the host as the session's context (what getSession
 * and onSessionSwitched report, and slugs resolve from); `templateParameters` fill the template's slugs.
 */
export interface CifCreateSessionInput extends CifTemplateInput {
  /** The session context (slug values), reported back by getSession and onSessionSwitched. */
  readonly context?: Readonly<Record<string, unknown>>;
  /** The customer's name for the session title; the library also reads `templateParameters.customerName`. */
  readonly customerName?: string;
}

/** Input of createTab. */
export interface CifCreateTabInput extends CifTemplateInput {
  readonly isFocused?: boolean;
}

/** A session as getSession and onSessionSwitched report it. */
export interface CifSession {
  readonly sessionId: string;
  /** Whether the session is focused (normalised from `focused` or the documented `focussed`). */
  readonly focused: boolean;
  /** The session context (slug values), parsed. */
  readonly context: JsonObject;
  readonly conversationId?: string;
}

/** Input of setSessionTitle: the session and either a `title` or slug values for the template's title. */
export interface CifSessionTitleInput {
  readonly sessionId: string;
  readonly title?: string;
  readonly [slug: string]: unknown;
}

/** Data of logAnalyticsEvent. */
export interface CifAnalyticsData {
  readonly conversationId: string;
  readonly providerSessionId: string;
  readonly clientSessionId?: string;
  readonly participantId?: string;
  readonly events: readonly CifAnalyticsEvent[];
  readonly [field: string]: unknown;
}

/** One KPI event of logAnalyticsEvent. */
export interface CifAnalyticsEvent {
  readonly kpiEventName: string;
  readonly kpiEventReason?: string;
  readonly eventTimestamp: string;
  readonly additionalData?: string;
  readonly notificationResponseAction?: string;
  readonly externalCorrelationId?: string;
  readonly customData?: readonly { readonly attribute: string; readonly value: string }[];
  readonly [field: string]: unknown;
}

/** Options every client call accepts. */
export interface CifCallOptions {
  /**
   * Milliseconds after which the call rejects with a `timeout` CifError (late answers are ignored).
   * `0` or `Infinity` waits forever. Defaults to the client's timeout for this API.
   */
  readonly timeout?: number;
  /** Aborting rejects the call with an `aborted` CifError. */
  readonly signal?: AbortSignal;
  /**
   * Correlation id for the host's diagnostic telemetry, passed where CIF documents the parameter
   * (searchAndOpenRecords, raiseEvent, notifyEvent, logAnalyticsEvent).
   */
  readonly correlationId?: string;
}
