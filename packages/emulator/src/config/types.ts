/**
 * The emulator's configuration: one JSON file (`--config`) or an object passed to `startEmulator`. Every
 * field is optional; {@link normalizeConfig} fills in the embedded defaults.
 */

/** Panel mode: 0 minimized, 1 docked, 2 hidden (CIF 2.0), 3 collapsed (CIF 2.0). */
export type PanelMode = 0 | 1 | 2 | 3;

/** CIF API version of the provider record. */
export type ApiVersion = 1 | 2;

/** The widget-visible shape of an injected failure. */
export type ErrorShape = 'json' | 'map' | 'object' | 'string';

/** A notification template (msdyn_notificationtemplate). */
export interface NotificationTemplate {
  /** Unique name, passed as `templateName` to notifyEvent. */
  name: string;
  /** Title with slugs, e.g. `Incoming call from {customerName}`. */
  title: string;
  /** Icon: `phone`, `chat`, `info`, `warning`, or an image URL. */
  icon?: string;
  /** Display timeout in seconds, 0–500 (default 120; 0 = no countdown). */
  timeout?: number;
  /** Show the countdown (default true). */
  showTimeout?: boolean;
  acceptButtonText?: string;
  rejectButtonText?: string;
  /** Show the reject button (default true). */
  showRejectButton?: boolean;
  /** Accept automatically when shown (answers Accept/AutoAccept). */
  autoAccept?: boolean;
  /** Desktop notification mode: `never` or `background` (when the host tab is hidden). */
  desktopNotification?: 'never' | 'background';
  /** `default`, `info`, `warning` or `danger`. */
  theme?: string;
  /** Rows: a header and a value with slugs, e.g. `{ header: 'Phone', value: '{phoneNumber}' }`. */
  fields?: { header: string; value: string }[];
}

/** A session template (msdyn_sessiontemplate). Only `generic` templates can be used by createSession. */
export interface SessionTemplate {
  name: string;
  /** Title with slugs, e.g. `Call: {customerName}`. */
  title: string;
  type?: 'generic' | 'entity';
  /** Name of the application tab template opened as the anchor tab. */
  anchorTab?: string;
  /** Additional tab templates opened with the session. */
  additionalTabs?: string[];
  /** Panel state applied when the session is created: minimized, hidden or docked. */
  panelState?: 'minimized' | 'hidden' | 'docked';
}

/** Application tab template types (msdyn_applicationtabtemplate page types). */
export type TabType =
  'entityrecord' | 'entitylist' | 'search' | 'webresource' | 'url' | 'dashboard';

/** An application tab template (msdyn_applicationtabtemplate). */
export interface TabTemplate {
  name: string;
  type: TabType;
  /** Title with slugs; empty for a title computed from the page. */
  title?: string;
  /**
   * Configured parameters (values may contain slugs), overridden by createTab's templateParameters:
   * entityrecord `entityName`, `entityId`, `formId`; entitylist `entityName`, `viewId`; search
   * `searchText`, `searchType`; webresource `webresourceName`, `data`; url `url`.
   */
  parameters?: Record<string, string>;
  /** Tags matched by getTabs(name, tags). */
  tags?: string[];
  /** The tab can be closed by the agent (default true). */
  canClose?: boolean;
}

/** A presence (msdyn_presence). */
export interface Presence {
  id: string;
  text: string;
  color: string;
  /** 1 Available, 2 Busy, 3 Busy - DND, 4 Away, 5 Offline. */
  baseStatus: 1 | 2 | 3 | 4 | 5;
}

/** A fault injected into the host's answers. */
export type FaultRule =
  | {
      /** Public API name (`createRecord`) or wire name (`createrecord`); `*` for every API. */
      api: string;
      action: 'fail';
      /** Shape the widget sees (default: the API's real shape). JSON-string APIs always see JSON. */
      shape?: ErrorShape;
      message?: string;
      errorCode?: number;
      /** Apply this many times, then stop (default: always). */
      times?: number;
    }
  | { api: string; action: 'timeout'; times?: number }
  | { api: string; action: 'delay'; ms: number; times?: number }
  | {
      /** Event name (`onclicktoact`, `onSessionSwitched`, …); `*` for every event. */
      event: string;
      action: 'drop';
      times?: number;
    };

/** Fault injection settings. */
export interface FaultsConfig {
  /** Added to every answer (ms). */
  latencyMs?: number;
  rules?: FaultRule[];
}

/** Host behaviours where Dynamics versions differ. */
export interface QuirksConfig {
  /** notifyEvent resolves `{"value": {…}}` as the docs show, instead of the real unwrapped object. */
  notifyEventValueWrapper?: boolean;
  /** Action answered on display timeout: `Timeout` (current hosts) or `Reject` (older hosts). */
  displayTimeoutAction?: 'Timeout' | 'Reject';
  /** getMode resolves a string ("1") as the docs describe, instead of a number. */
  getModeAsString?: boolean;
  /** Spelling of the focus flag in onSessionSwitched: `focused` (observed) or `focussed` (the docs). */
  sessionFocusSpelling?: 'focused' | 'focussed';
}

/** The configuration file. */
export interface EmulatorConfig {
  provider?: {
    label?: string;
    /** The widget's URL, framed as is (query string preserved). */
    landingUrl?: string;
    apiVersion?: ApiVersion;
    clickToAct?: boolean;
    /** msdyn_trusteddomain: origins or host names, `*.` wildcards allowed. */
    trustedDomain?: string | string[];
    /** msdyn_customparams, returned by getEnvironment as `customParams`. */
    customParams?: string | null;
    sortOrder?: number;
    enableAnalytics?: boolean;
    enableOutbound?: boolean;
  };
  org?: {
    uniqueName?: string;
    id?: string;
    lcid?: number;
    crmVersion?: string;
    appId?: string;
    appName?: string;
  };
  user?: { id?: string; name?: string; lcid?: number; email?: string };
  templates?: {
    notification?: NotificationTemplate[];
    session?: SessionTemplate[];
    tab?: TabTemplate[];
  };
  presences?: Presence[];
  /** Presence text the agent starts with (default `Available`). */
  presence?: string;
  panel?: { mode?: PanelMode; width?: number };
  seed?: {
    /** Load the built-in international data set (default true). */
    includeDefault?: boolean;
    /** Extra records per entity logical name, in Web API JSON (`@odata.bind` allowed). */
    records?: Record<string, Record<string, unknown>[]>;
  };
  /** Keep Dataverse changes across reloads (`localStorage`) or not (`none`, default). */
  persistence?: 'none' | 'localStorage';
  faults?: FaultsConfig;
  /** Overrides the library's API timeout (ms; the real library uses 10 000). */
  apiTimeoutMs?: number;
  quirks?: QuirksConfig;
  /** Web resources by name (for webresource tabs): name → URL. */
  webResources?: Record<string, string>;
}

/** The configuration with every default applied. */
export interface ResolvedConfig {
  provider: {
    id: string;
    label: string;
    landingUrl: string;
    apiVersion: ApiVersion;
    clickToAct: boolean;
    trustedDomains: string[];
    customParams: string | null;
    sortOrder: number;
    enableAnalytics: boolean;
    enableOutbound: boolean;
  };
  org: {
    uniqueName: string;
    id: string;
    lcid: number;
    crmVersion: string;
    appId: string;
    appName: string;
  };
  user: { id: string; name: string; lcid: number; email: string };
  templates: {
    notification: NotificationTemplate[];
    session: SessionTemplate[];
    tab: TabTemplate[];
  };
  presences: Presence[];
  presence: string;
  panel: { mode: PanelMode; width: number };
  seed: { includeDefault: boolean; records: Record<string, Record<string, unknown>[]> };
  persistence: 'none' | 'localStorage';
  faults: { latencyMs: number; rules: FaultRule[] };
  apiTimeoutMs: number;
  quirks: Required<QuirksConfig>;
  webResources: Record<string, string>;
}
