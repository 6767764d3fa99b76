/**
 * The emulated Dynamics 365 host: the state of the "org" (Dataverse, sessions, tabs, channel panel,
 * notifications, presence), the CIF message endpoint the widget's msdyn_ciLibrary.js talks to, and the
 * events it raises to the widget. The UI (ui/*.ts) renders this state and calls its `user…` methods;
 * tests drive the same methods.
 */
import type { PanelMode, Presence, ResolvedConfig, TabTemplate } from '../config/types.js';
import { Dataverse, type LookupValue } from '../dataverse/Dataverse.js';
import { DataverseError } from '../dataverse/errors.js';
import { findSchema, navigationName } from '../dataverse/schema.js';
import { defaultSeed } from '../dataverse/seed.js';
import {
  EventName,
  Key,
  MESSAGE_FAILURE,
  MESSAGE_SUCCESS,
  MessageType,
  RESPONSE_TYPE,
  Text,
  buildEntity,
  createErrorMap,
  isWireRequest,
  isWireResponse,
  newCorrelationId,
} from '../library/wire.js';
import { Faults, publicName } from './faults.js';
import { Inspector, encodingOf, safeJson, type LogEntry } from './inspector.js';
import type { Page, Session, Tab } from './model.js';
import { NotificationCenter, type NotificationAnswer } from './notifications.js';
import { isTrustedOrigin, originOf } from './origin.js';
import { CallSimulator } from './simulator.js';
import { resolveSlugs } from './slugs.js';
import { asText } from '../text.js';

/** A failure answer: `data` is what the widget's promise rejects with (before the library re-encodes). */
export class HostFailure extends Error {
  override readonly name = 'HostFailure';
  constructor(readonly data: unknown) {
    super('CIF host failure');
  }
}

/** How the widget's handler answered an event. */
export type EventOutcome =
  | { status: 'success'; value: unknown }
  | { status: 'failure'; error: unknown }
  | { status: 'timeout' }
  | { status: 'dropped'; reason: string };

/** Options of {@link Host}. */
export interface HostOptions {
  config: ResolvedConfig;
  /** Configuration warnings to show. */
  warnings?: string[];
  /** The window that receives the widget's messages (default: the global window). */
  window?: Window & typeof globalThis;
  /** Storage for Dataverse persistence when the configuration asks for it. */
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
}

/** The home session's id, as in Dynamics. */
export const HOME_SESSION_ID = 'session-id-0';
/** Sessions an agent may have open besides the home session. */
export const MAX_SESSIONS = 10;
/** The smallest width setWidth honours. */
export const MIN_PANEL_WIDTH = 300;

/** APIs whose results and errors the library turns into JSON strings. */
const JSON_APIS = new Set<string>([
  MessageType.createRecord,
  MessageType.retrieveRecord,
  MessageType.updateRecord,
  MessageType.deleteRecord,
  MessageType.search,
  MessageType.searchAndOpenRecords,
  MessageType.getEnvironment,
  MessageType.openForm,
  MessageType.notifyEvent,
  MessageType.cancelEvent,
  MessageType.updateConversation,
]);

/** CIF 2.0 (multisession) APIs. */
const V2_APIS = new Set<string>([
  MessageType.notifyEvent,
  MessageType.cancelEvent,
  MessageType.canCreateSession,
  MessageType.createSession,
  MessageType.getSession,
  MessageType.getFocusedSession,
  MessageType.getAllSessions,
  MessageType.requestFocusSession,
  MessageType.setSessionTitle,
  MessageType.createTab,
  MessageType.getTabsByTagOrName,
  MessageType.getFocusedTab,
  MessageType.focusTab,
  MessageType.refreshTab,
  MessageType.closeTab,
  MessageType.setTabTitle,
  MessageType.notifyKpiBreach,
  MessageType.notifyNewActivity,
  MessageType.setPresence,
  MessageType.getPresence,
  MessageType.logAnalyticsEvent,
  MessageType.updateConversation,
]);

/** Messages that are not API calls of the widget (no inspector entry of their own). */
const INTERNAL = new Set<string>([MessageType.hello, MessageType.logErrorsAndReject]);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Map);

/** Accepts an object, a Map or a JSON string of an object (widgets pass all three). */
function toObject(value: unknown): Obj | undefined {
  if (value instanceof Map) return buildEntity(value);
  if (isObj(value)) return value;
  if (typeof value === 'string') {
    try {
      const parsed: unknown = JSON.parse(value);
      return isObj(parsed) ? parsed : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

interface PendingEvent {
  resolve: (outcome: EventOutcome) => void;
  timer: ReturnType<typeof setTimeout>;
}

/** The emulated host. */
export class Host {
  readonly config: ResolvedConfig;
  readonly warnings: string[];
  readonly dataverse: Dataverse;
  readonly inspector = new Inspector();
  readonly faults: Faults;
  readonly notifications: NotificationCenter;
  readonly simulator: CallSimulator;

  panelMode: PanelMode;
  panelWidth: number;
  clickToAct: boolean;
  presence: Presence;
  /** Events the widget registered handlers for (from addHandler/removeHandler). */
  readonly registeredHandlers = new Map<string, number>();
  /** Context set with updateContext outside any provider session. */
  providerContext: Obj = {};
  /** logAnalyticsEvent payloads. */
  readonly analytics: { eventName: string; data: unknown }[] = [];
  sessions: Session[] = [];
  focusedSessionId = HOME_SESSION_ID;
  /** A session the provider asked focus for (requestFocusSession) shows an indicator. */

  #win: Window & typeof globalThis;
  #widget: HTMLIFrameElement | undefined;
  #listeners = new Set<() => void>();
  #pendingEvents = new Map<string, PendingEvent>();
  #formRequests = new Map<number, (value: Obj) => void>();
  #ids = { session: 0, tab: 0, form: 0 };
  #onMessage = (event: MessageEvent) => this.#receive(event);
  #started = false;

  constructor(options: HostOptions) {
    this.config = options.config;
    this.warnings = [...(options.warnings ?? [])];
    this.#win = options.window ?? window;
    const config = options.config;
    this.dataverse = new Dataverse({
      seed: () => {
        const base = config.seed.includeDefault
          ? defaultSeed({ id: config.user.id, name: config.user.name, email: config.user.email })
          : {};
        for (const [entity, rows] of Object.entries(config.seed.records))
          base[entity] = [...(base[entity] ?? []), ...rows];
        return base;
      },
      ...(config.persistence === 'localStorage' && options.storage
        ? {
            storage: options.storage,
            storageKey: `cif-emulator:${config.org.uniqueName}:dataverse`,
          }
        : {}),
    });
    this.warnings.push(...this.dataverse.seedWarnings);
    this.faults = new Faults(config.faults);
    this.notifications = new NotificationCenter({
      displayTimeoutAction: config.quirks.displayTimeoutAction,
    });
    this.simulator = new CallSimulator((message) => this.#postToWidget(message));
    this.panelMode = config.panel.mode;
    this.panelWidth = config.panel.width;
    this.clickToAct = config.provider.clickToAct;
    this.presence =
      config.presences.find((p) => p.text === config.presence) ?? config.presences[0]!;
    this.sessions = [this.#homeSession()];
    for (const source of [this.inspector, this.faults, this.notifications, this.simulator])
      source.subscribe(() => this.#changed());
    this.dataverse.subscribe(() => this.#changed());
  }

  /** Starts answering the widget's messages. */
  start(): void {
    if (this.#started) return;
    this.#started = true;
    this.#win.addEventListener('message', this.#onMessage);
  }

  /** Stops answering, and drops pending events and notifications. */
  stop(): void {
    this.#started = false;
    this.#win.removeEventListener('message', this.#onMessage);
    for (const pending of this.#pendingEvents.values()) clearTimeout(pending.timer);
    this.#pendingEvents.clear();
    this.notifications.clear();
  }

  /** Observes every change of state (the UI re-renders). */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #changed(): void {
    for (const listener of this.#listeners) listener();
  }

  // ---------------------------------------------------------------- widget frame

  /** The iframe hosting the widget (set by the UI). */
  attachWidget(frame: HTMLIFrameElement | undefined): void {
    if (frame === this.#widget) return;
    this.#widget = frame;
    frame?.addEventListener('load', () => {
      this.simulator.hello();
      this.#changed();
    });
  }

  get widgetFrame(): HTMLIFrameElement | undefined {
    return this.#widget;
  }

  /** The origin the widget runs on (the landing URL's). */
  get widgetOrigin(): string {
    return originOf(this.config.provider.landingUrl);
  }

  /** The host's own origin (the "CRM URL"). */
  get origin(): string {
    return this.#win.location.origin;
  }

  #postToWidget(message: unknown): boolean {
    const target = this.#widget?.contentWindow;
    const origin = this.widgetOrigin;
    if (!target || !origin) return false;
    try {
      target.postMessage(message, origin);
      return true;
    } catch {
      return false;
    }
  }

  // ---------------------------------------------------------------- derived state

  get apiVersion(): 1 | 2 {
    return this.config.provider.apiVersion;
  }

  get focusedSession(): Session {
    return this.sessions.find((s) => s.id === this.focusedSessionId) ?? this.sessions[0]!;
  }

  /** The focused tab of a session (default: the focused session). */
  focusedTabOf(session: Session = this.focusedSession): Tab | undefined {
    return session.tabs.find((t) => t.id === session.focusedTabId) ?? session.tabs[0];
  }

  get focusedTab(): Tab | undefined {
    return this.focusedTabOf();
  }

  /** Provider sessions (not the home session, not other channels'). */
  get providerSessions(): Session[] {
    return this.sessions.filter((s) => s.owner === 'provider');
  }

  sessionTitle(session: Session): string {
    if (session.customTitle !== undefined) return session.customTitle;
    if (session.owner === 'home') return 'Home';
    const anchor = session.tabs[0]?.page;
    const title = resolveSlugs(
      session.titleTemplate,
      [session.context, session.templateParameters],
      (column) =>
        anchor?.type === 'entityrecord' && anchor.entityId
          ? this.dataverse.get(anchor.entityName, anchor.entityId)?.[column]
          : undefined,
    ).trim();
    return title || session.templateName || 'Session';
  }

  tabTitle(tab: Tab, session: Session = this.#sessionOfTab(tab) ?? this.focusedSession): string {
    if (tab.customTitle !== undefined) return tab.customTitle;
    const resolved = resolveSlugs(tab.titleTemplate, [
      tab.parameters,
      session.context,
      session.templateParameters,
    ]).trim();
    return resolved || this.pageTitle(tab.page);
  }

  /** A page's own title. */
  pageTitle(page: Page): string {
    switch (page.type) {
      case 'dashboard':
        return 'Dashboard';
      case 'entitylist':
        return findSchema(page.entityName)?.displayCollectionName ?? page.entityName;
      case 'entityrecord': {
        const schema = findSchema(page.entityName);
        if (!page.entityId) return `New ${schema?.displayName ?? page.entityName}`;
        return (
          this.dataverse.nameOf(page.entityName, page.entityId) ||
          (schema?.displayName ?? page.entityName)
        );
      }
      case 'search':
        return page.searchText ? `Search: ${page.searchText}` : 'Search';
      case 'webresource':
        return page.name || 'Web resource';
      case 'url':
        try {
          return new URL(page.url).hostname || 'Website';
        } catch {
          return page.url || 'Website';
        }
    }
  }

  /** The Unified Interface URL of a page (what onpagenavigate and getEnvironment report). */
  appUrl(page: Page | undefined = this.focusedTab?.page): string {
    const url = new URL('/main.aspx', this.origin);
    url.searchParams.set('appid', this.config.org.appId);
    if (page) {
      url.searchParams.set('pagetype', page.type);
      if (page.type === 'entitylist' || page.type === 'entityrecord')
        url.searchParams.set('etn', page.entityName);
      if (page.type === 'entityrecord' && page.entityId) url.searchParams.set('id', page.entityId);
      if (page.type === 'search') url.searchParams.set('searchText', page.searchText);
      if (page.type === 'webresource') url.searchParams.set('webresourceName', page.name);
    }
    return url.href;
  }

  // ---------------------------------------------------------------- sessions and tabs

  #homeSession(): Session {
    const session: Session = {
      id: HOME_SESSION_ID,
      owner: 'home',
      templateName: '',
      titleTemplate: 'Home',
      context: {},
      templateParameters: {},
      tabs: [],
      newActivity: 0,
      attention: false,
      createdAt: Date.now(),
    };
    const tab = this.#newTab(
      { name: 'Dashboard', type: 'dashboard', title: '', canClose: false, tags: [] },
      {},
      { type: 'dashboard' },
      false,
    );
    session.tabs.push(tab);
    session.focusedTabId = tab.id;
    return session;
  }

  #newTab(template: TabTemplate, parameters: Obj, page: Page, byProvider: boolean): Tab {
    return {
      id: `tab-id-${++this.#ids.tab}`,
      templateName: template.name,
      titleTemplate: template.title ?? '',
      page,
      tags: [...(template.tags ?? [])],
      canClose: template.canClose ?? true,
      parameters,
      refreshCount: 0,
      byProvider,
    };
  }

  /** The page a tab template opens, with its parameters (slugs resolved) overridden by `parameters`. */
  #pageFromTemplate(template: TabTemplate, parameters: Obj, session: Session): Page {
    const sources = [parameters, session.context, session.templateParameters];
    const param = (name: string): string => {
      const given = parameters[name];
      if (given !== undefined && given !== null && typeof given !== 'object') return asText(given);
      return resolveSlugs(template.parameters?.[name] ?? '', sources).trim();
    };
    switch (template.type) {
      case 'entityrecord': {
        const entityName = param('entityName');
        const entityId = param('entityId');
        const page: Page = { type: 'entityrecord', entityName };
        if (entityId) page.entityId = entityId;
        const formId = param('formId');
        if (formId) page.formId = formId;
        return entityName ? page : { type: 'dashboard' };
      }
      case 'entitylist': {
        const entityName = param('entityName');
        const viewId = param('viewId');
        return entityName
          ? { type: 'entitylist', entityName, ...(viewId ? { viewId } : {}) }
          : { type: 'dashboard' };
      }
      case 'search':
        return {
          type: 'search',
          searchText: param('searchText'),
          searchType: Number(param('searchType') || 1),
        };
      case 'webresource':
        return { type: 'webresource', name: param('webresourceName'), data: param('data') };
      case 'url':
        return { type: 'url', url: param('url') };
      default:
        return { type: 'dashboard' };
    }
  }

  #sessionOfTab(tab: Tab): Session | undefined {
    return this.sessions.find((s) => s.tabs.includes(tab));
  }

  #findTab(tabId: unknown): { tab: Tab; session: Session } | undefined {
    for (const session of this.sessions) {
      const tab = session.tabs.find((t) => t.id === tabId);
      if (tab) return { tab, session };
    }
    return undefined;
  }

  /** Focuses a session, raising onSessionSwitched for the old (false) and the new one (true). */
  #focusSession(id: string): void {
    if (id === this.focusedSessionId) return;
    const old = this.sessions.find((s) => s.id === this.focusedSessionId);
    const next = this.sessions.find((s) => s.id === id);
    if (!next) return;
    this.focusedSessionId = id;
    next.attention = false;
    next.newActivity = 0;
    this.#changed();
    if (this.apiVersion === 2) {
      if (old) void this.#raiseSwitched(old, false);
      void this.#raiseSwitched(next, true);
    }
  }

  #raiseSwitched(session: Session, focused: boolean): Promise<EventOutcome> {
    const flag = this.config.quirks.sessionFocusSpelling;
    return this.raiseEvent(EventName.onSessionSwitched, {
      sessionId: session.id,
      [flag]: focused,
      context: session.owner === 'provider' ? session.context : {},
    });
  }

  /** Navigates a tab, raising onpagenavigate before, as Unified Interface does. */
  #navigate(tab: Tab, page: Page): void {
    void this.raiseEvent(EventName.onPageNavigate, { value: this.appUrl(page) });
    this.#leavePage(tab.page);
    tab.page = page;
    tab.customTitle = undefined;
    this.#changed();
  }

  /** A form opened by openForm and left unsaved resolves with no saved reference. */
  #leavePage(page: Page): void {
    if (page.type === 'entityrecord' && page.formRequest !== undefined) {
      this.#formRequests.get(page.formRequest)?.({ savedEntityReference: [] });
      this.#formRequests.delete(page.formRequest);
    }
  }

  /** The session the provider may act in: the focused one, when it is the home session or its own. */
  #actionSession(
    api: string,
    reject: (message: string) => never = (m) => this.#fail(m, api),
  ): Session {
    const session = this.focusedSession;
    if (this.apiVersion === 2 && session.owner === 'other') {
      reject('Focused session is neither the default session nor it belongs to the provider');
    }
    return session;
  }

  /** Opens a page in the focused session: navigates its focused tab, or a new tab. */
  #open(page: Page, api: string, newTab = false): Tab {
    const session = this.#actionSession(api);
    const current = this.focusedTabOf(session);
    if (!newTab && current) {
      this.#navigate(current, page);
      return current;
    }
    const tab = this.#newTab(
      { name: 'EntityRecord', type: 'entityrecord', title: '', tags: [], canClose: true },
      {},
      page,
      true,
    );
    session.tabs.push(tab);
    session.focusedTabId = tab.id;
    void this.raiseEvent(EventName.onPageNavigate, { value: this.appUrl(page) });
    this.#changed();
    return tab;
  }

  // ---------------------------------------------------------------- user actions (UI and tests)

  /** The agent toggles the panel (minimize/expand): raises onmodechanged. */
  userSetPanelMode(mode: PanelMode): void {
    if (mode === this.panelMode) return;
    this.panelMode = mode;
    this.#changed();
    void this.raiseEvent(EventName.onModeChanged, { value: mode });
  }

  /** The agent drags the panel edge: raises onsizechanged. */
  userResizePanel(width: number): void {
    const max = Math.max(MIN_PANEL_WIDTH, Math.floor(this.#win.innerWidth / 2));
    const next = Math.round(Math.min(max, Math.max(MIN_PANEL_WIDTH, width)));
    if (next === this.panelWidth) return;
    this.panelWidth = next;
    this.#changed();
    void this.raiseEvent(EventName.onSizeChanged, { value: next });
  }

  /** The agent picks a presence: raises onPresenceChange (CIF 2.0). */
  userSetPresence(text: string): void {
    const presence = this.config.presences.find((p) => p.text === text);
    if (!presence || presence === this.presence) return;
    this.presence = presence;
    this.#changed();
    if (this.apiVersion === 2) {
      void this.raiseEvent(EventName.onPresenceChange, {
        presenceInfo: {
          basePresenceStatus: String(presence.baseStatus),
          presenceColor: presence.color,
          presenceId: presence.id,
          presenceText: presence.text,
        },
      });
    }
  }

  /** The agent clicks a phone number on a record page: raises onclicktoact when click-to-act is on. */
  userClickToAct(entityName: string, entityId: string, attribute: string): Promise<EventOutcome> {
    const schema = findSchema(entityName);
    const row = this.dataverse.get(entityName, entityId);
    const attr = schema?.attributes[attribute];
    const value = row?.[attribute];
    if (!schema || !row || !attr || typeof value !== 'string') {
      return Promise.resolve({ status: 'dropped', reason: 'no such phone number' });
    }
    if (!this.clickToAct) {
      this.inspector.add({
        kind: 'host',
        name: EventName.onClickToAct,
        status: 'info',
        note: 'Click-to-act is off: the phone number is plain text.',
      });
      return Promise.resolve({ status: 'dropped', reason: 'click-to-act is off' });
    }
    return this.raiseEvent(EventName.onClickToAct, {
      value,
      name: attribute,
      format: attr.format ?? 'Phone',
      entityLogicalName: schema.logicalName,
      entityId,
      recordTitle: asText(row[schema.primaryNameAttribute]),
    });
  }

  /** The agent sends a knowledge article: raises onsendkbarticle. */
  userSendKbArticle(articleId: string): Promise<EventOutcome> {
    const row = this.dataverse.get('knowledgearticle', articleId);
    if (!row) return Promise.resolve({ status: 'dropped', reason: 'no such article' });
    return this.raiseEvent(EventName.onSendKBArticle, {
      title: asText(row.title),
      link: `https://support.${this.config.org.uniqueName}.example/knowledgebase/article/${asText(row.articlepublicnumber ?? articleId)}`,
    });
  }

  /** The agent opens a page (sitemap, list row, search result) in the focused tab or a new tab. */
  userNavigate(page: Page, newTab = false): void {
    const session = this.focusedSession;
    const tab = this.focusedTabOf(session);
    if (!newTab && tab) {
      this.#navigate(tab, page);
      return;
    }
    const created = this.#newTab(
      { name: 'EntityRecord', type: 'entityrecord', title: '', tags: [], canClose: true },
      {},
      page,
      false,
    );
    session.tabs.push(created);
    session.focusedTabId = created.id;
    void this.raiseEvent(EventName.onPageNavigate, { value: this.appUrl(page) });
    this.#changed();
  }

  /** The agent switches session. */
  userFocusSession(id: string): void {
    this.#focusSession(id);
  }

  /** The agent closes a session: raises onSessionClosed for the provider's sessions. */
  userCloseSession(id: string): void {
    const session = this.sessions.find((s) => s.id === id);
    if (!session || session.owner === 'home') return;
    for (const tab of session.tabs) this.#leavePage(tab.page);
    this.sessions = this.sessions.filter((s) => s !== session);
    if (session.conversationId) {
      try {
        this.dataverse.update('msdyn_ocliveworkitem', session.conversationId, { statecode: 3 });
      } catch {
        // the conversation row was deleted meanwhile
      }
    }
    if (session.owner === 'provider' && this.apiVersion === 2) {
      void this.raiseEvent(EventName.onSessionClosed, {
        sessionId: session.id,
        context: session.context,
      });
    }
    if (this.focusedSessionId === id) {
      this.focusedSessionId = '';
      const next = this.sessions[this.sessions.length - 1] ?? this.sessions[0];
      if (next) {
        this.focusedSessionId = next.id;
        if (this.apiVersion === 2) void this.#raiseSwitched(next, true);
      }
    }
    this.#changed();
  }

  /** The agent focuses a tab. */
  userFocusTab(tabId: string): void {
    const found = this.#findTab(tabId);
    if (!found) return;
    found.session.focusedTabId = tabId;
    this.#changed();
  }

  /** The agent closes a tab. */
  userCloseTab(tabId: string): void {
    const found = this.#findTab(tabId);
    if (!found?.tab.canClose) return;
    this.#removeTab(found.session, found.tab);
  }

  #removeTab(session: Session, tab: Tab): void {
    this.#leavePage(tab.page);
    const index = session.tabs.indexOf(tab);
    session.tabs.splice(index, 1);
    if (session.focusedTabId === tab.id)
      session.focusedTabId = session.tabs[Math.max(0, index - 1)]?.id;
    this.#changed();
  }

  /** Opens a session of another channel (to test getFocusedSession's null and foreign sessions). */
  userOpenForeignSession(channelLabel = 'Chat'): string {
    const id = `session-id-${++this.#ids.session}`;
    const session: Session = {
      id,
      owner: 'other',
      templateName: 'ForeignSession',
      titleTemplate: `${channelLabel}: {customerName}`,
      channelLabel,
      context: {},
      templateParameters: { customerName: 'Visitor' },
      tabs: [],
      newActivity: 0,
      attention: false,
      createdAt: Date.now(),
    };
    const tab = this.#newTab(
      {
        name: 'Dashboard',
        type: 'dashboard',
        title: `${channelLabel} conversation`,
        canClose: false,
        tags: [],
      },
      {},
      { type: 'dashboard' },
      false,
    );
    session.tabs.push(tab);
    session.focusedTabId = tab.id;
    this.sessions.push(session);
    this.#focusSession(id);
    this.#changed();
    return id;
  }

  /** The agent answers the notification on screen. */
  userAnswerNotification(id: number, accepted: boolean): boolean {
    return this.notifications.answer(id, accepted);
  }

  /** Saves a record form: creates or updates the row; resolves a pending openForm. */
  userSaveForm(tab: Tab, values: Obj): { ok: true; id: string } | { ok: false; message: string } {
    const page = tab.page;
    if (page.type !== 'entityrecord') return { ok: false, message: 'Not a record form' };
    try {
      const schema = this.dataverse.schema(page.entityName);
      let id: string;
      if (page.entityId) id = this.dataverse.update(page.entityName, page.entityId, values);
      else {
        id = this.dataverse.create(page.entityName, values);
        const request = page.formRequest;
        tab.page = { type: 'entityrecord', entityName: schema.logicalName, entityId: id };
        if (request !== undefined) {
          this.#formRequests.get(request)?.({
            savedEntityReference: [
              {
                entityType: schema.logicalName,
                id,
                name: this.dataverse.nameOf(schema.logicalName, id),
              },
            ],
          });
          this.#formRequests.delete(request);
        }
      }
      this.#changed();
      return { ok: true, id };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  }

  /** Discards a new-record form (a pending openForm resolves with no saved reference). */
  userCancelForm(tab: Tab): void {
    this.#leavePage(tab.page);
    const session = this.#sessionOfTab(tab);
    if (session && tab.canClose && session.tabs.length > 1) this.#removeTab(session, tab);
    else this.#navigate(tab, { type: 'dashboard' });
  }

  /** Drops every Dataverse change and reloads the seed. */
  resetData(): void {
    this.dataverse.reset();
    this.inspector.add({
      kind: 'host',
      name: 'resetData',
      status: 'info',
      note: 'Dataverse reset to the seed data.',
    });
  }

  // ---------------------------------------------------------------- events to the widget

  /**
   * Raises an event to the widget (a JSON string payload, as the real host sends) and reports how its
   * handler answered. Never rejects: handlers that return undefined or never settle are tolerated and
   * logged, as the real host does.
   */
  raiseEvent(
    eventName: string,
    payload: unknown,
    options: { raw?: boolean } = {},
  ): Promise<EventOutcome> {
    const data = options.raw || typeof payload === 'string' ? payload : safeJson(payload);
    const entry = this.inspector.add({
      kind: 'event',
      name: eventName,
      status: 'pending',
      args: data,
      encoding: encodingOf(data),
    });
    const started = performance.now();
    const done = (outcome: EventOutcome, note?: string): EventOutcome => {
      const changes: Partial<LogEntry> = { durationMs: Math.round(performance.now() - started) };
      if (outcome.status === 'success')
        Object.assign(changes, { status: 'success', result: outcome.value });
      else if (outcome.status === 'failure')
        Object.assign(changes, { status: 'warning', error: outcome.error });
      else if (outcome.status === 'timeout') Object.assign(changes, { status: 'timeout' });
      else Object.assign(changes, { status: 'dropped' });
      if (note) changes.note = note;
      this.inspector.update(entry, changes);
      return outcome;
    };
    const dropped = this.faults.dropEvent(eventName);
    if (dropped)
      return Promise.resolve(
        done({ status: 'dropped', reason: 'fault injection' }, 'Dropped by fault injection.'),
      );
    const target = this.#widget?.contentWindow;
    const origin = this.widgetOrigin;
    if (!target || !origin)
      return Promise.resolve(
        done({ status: 'dropped', reason: 'no widget' }, 'No widget is loaded.'),
      );
    const messageCorrelationId = newCorrelationId();
    return new Promise<EventOutcome>((resolve) => {
      const timer = setTimeout(() => {
        this.#pendingEvents.delete(messageCorrelationId);
        resolve(
          done(
            { status: 'timeout' },
            `The handler did not settle within ${this.config.apiTimeoutMs} ms (tolerated, as Dynamics does).`,
          ),
        );
      }, this.config.apiTimeoutMs);
      this.#pendingEvents.set(messageCorrelationId, {
        timer,
        resolve: (outcome) => {
          let note: string | undefined;
          if (
            outcome.status === 'success' &&
            outcome.value instanceof Map &&
            outcome.value.get(Key.message) === Text.noHandlers
          ) {
            note = 'The widget has no handler for this event.';
          }
          if (outcome.status === 'failure') {
            const message =
              outcome.error instanceof Map
                ? String(outcome.error.get(Key.message))
                : safeJson(outcome.error);
            note = message.includes('then')
              ? 'The handler did not return a Promise: the real host reports a failure; tolerated.'
              : 'The handler rejected (tolerated).';
          }
          resolve(done(outcome, note));
        },
      });
      try {
        target.postMessage(
          { messageType: eventName, messageData: data, messageCorrelationId },
          origin,
        );
      } catch (error) {
        clearTimeout(timer);
        this.#pendingEvents.delete(messageCorrelationId);
        resolve(
          done(
            { status: 'dropped', reason: String(error) },
            `The payload could not be posted: ${String(error)}`,
          ),
        );
      }
    });
  }

  // ---------------------------------------------------------------- the CIF endpoint

  #isTrusted(origin: string): boolean {
    return isTrustedOrigin(
      origin,
      this.config.provider.landingUrl,
      this.config.provider.trustedDomains,
    );
  }

  #receive(event: MessageEvent): void {
    const data: unknown = event.data;
    if (typeof data !== 'object' || data === null) return;
    const source = event.source as Window | null;
    const origin = event.origin;
    const trusted = !!source && this.#isTrusted(origin);
    const correlationId = (data as { messageCorrelationId?: unknown }).messageCorrelationId;
    const cifShaped = isWireRequest(data) || isWireResponse(data);
    if (!trusted) {
      if (!cifShaped) return;
      const messageType = isWireRequest(data) ? data.messageType : RESPONSE_TYPE;
      this.inspector.add({
        kind: 'security',
        name: publicName(messageType),
        status: 'rejected',
        origin,
        args: isWireRequest(data) ? data.messageData : undefined,
        note: `Message from an untrusted origin (${origin || 'none'}) refused; nothing changed.`,
      });
      if (
        typeof correlationId === 'string' &&
        correlationId &&
        source &&
        origin &&
        origin !== 'null'
      ) {
        try {
          source.postMessage(
            {
              messageOutcome: MESSAGE_FAILURE,
              messageData: createErrorMap(Text.untrustedSender),
              messageCorrelationId: correlationId,
              messageType: RESPONSE_TYPE,
            },
            origin,
          );
        } catch {
          // the sender is gone
        }
      }
      return;
    }
    if (this.simulator.receive(data)) return;
    if (isWireResponse(data)) {
      const pending = this.#pendingEvents.get(data.messageCorrelationId);
      if (!pending) return;
      clearTimeout(pending.timer);
      this.#pendingEvents.delete(data.messageCorrelationId);
      pending.resolve(
        data.messageOutcome === MESSAGE_SUCCESS
          ? { status: 'success', value: data.messageData }
          : { status: 'failure', error: data.messageData },
      );
      return;
    }
    if (!isWireRequest(data)) return;
    void this.#handle(
      data.messageType,
      data.messageData,
      data.messageCorrelationId,
      source,
      origin,
    );
  }

  async #handle(
    messageType: string,
    messageData: unknown,
    correlationId: unknown,
    source: Window,
    origin: string,
  ): Promise<void> {
    const data: Map<string, unknown> =
      messageData instanceof Map
        ? (messageData as Map<string, unknown>)
        : new Map<string, unknown>();
    const internal = INTERNAL.has(messageType);
    const args = new Map(data);
    if (args.get(Key.correlationId) === undefined) args.delete(Key.correlationId);
    args.delete(Key.originURL);
    const entry = internal
      ? undefined
      : this.inspector.add({
          kind: 'call',
          name: publicName(messageType),
          status: 'pending',
          args,
          origin,
        });
    const started = performance.now();
    const reply = (outcome: typeof MESSAGE_SUCCESS | typeof MESSAGE_FAILURE, payload: unknown) => {
      if (typeof correlationId !== 'string' || !correlationId) return;
      try {
        source.postMessage(
          {
            messageOutcome: outcome,
            messageData: payload,
            messageCorrelationId: correlationId,
            messageType: RESPONSE_TYPE,
          },
          origin,
        );
      } catch (error) {
        console.error('[cif-emulator] could not answer the widget', error);
      }
    };
    const fault = internal
      ? { action: 'none' as const, delay: 0 }
      : this.faults.forRequest(messageType);
    if (fault.delay > 0) await new Promise((r) => setTimeout(r, fault.delay));
    if (fault.action === 'timeout') {
      if (entry)
        this.inspector.update(entry, {
          status: 'timeout',
          note: 'Never answered (fault injection): the library times out.',
        });
      return;
    }
    const isJson = JSON_APIS.has(messageType);
    if (fault.action === 'fail') {
      const shape =
        fault.shape ?? (messageType === MessageType.createTab ? 'object' : isJson ? 'json' : 'map');
      const name = messageType === MessageType.notifyEvent ? 'NotifyEvent' : messageType;
      let payload: unknown;
      if (isJson || shape === 'map') payload = createErrorMap(fault.message, name);
      else if (shape === 'object') payload = { errorCode: fault.errorCode, message: fault.message };
      else if (shape === 'json')
        payload = JSON.stringify({ message: fault.message, msdyn_name: name });
      else payload = fault.message;
      if (entry) {
        this.inspector.update(entry, {
          status: 'failure',
          error: isJson ? JSON.stringify(buildEntity(payload)) : payload,
          encoding: isJson ? 'JSON string' : encodingOf(payload),
          durationMs: Math.round(performance.now() - started),
          note: 'Failure injected by fault injection.',
        });
      }
      reply(MESSAGE_FAILURE, payload);
      return;
    }
    try {
      if (this.apiVersion === 1 && V2_APIS.has(messageType)) {
        this.#fail(
          `${publicName(messageType)} is not available: the channel provider uses CIF API version 1.0.`,
          messageType,
        );
      }
      const value = await this.#dispatch(messageType, data);
      const payload =
        value instanceof RawReply
          ? value.data
          : value === undefined || value === null
            ? new Map()
            : new Map([[Key.value, value]]);
      if (entry) {
        const seen = isJson
          ? JSON.stringify(
              value instanceof Map || isObj(value) ? buildEntity(value) : (value ?? {}),
            )
          : (value ?? null);
        this.inspector.update(entry, {
          status: 'success',
          result: seen,
          encoding: isJson ? 'JSON string' : encodingOf(value ?? null),
          durationMs: Math.round(performance.now() - started),
        });
      }
      reply(MESSAGE_SUCCESS, payload);
    } catch (error) {
      let payload: unknown;
      if (error instanceof HostFailure) payload = error.data;
      else if (error instanceof DataverseError)
        payload = createErrorMap(error.message, messageType);
      else {
        console.error('[cif-emulator] host error', error);
        payload = createErrorMap(
          error instanceof Error ? error.message : String(error),
          messageType,
        );
      }
      if (entry) {
        this.inspector.update(entry, {
          status: 'failure',
          error: isJson ? JSON.stringify(buildEntity(payload)) : payload,
          encoding: isJson ? 'JSON string' : encodingOf(payload),
          durationMs: Math.round(performance.now() - started),
        });
      }
      reply(MESSAGE_FAILURE, payload);
    }
  }

  /** Throws the real error map. */
  #fail(message: string, api: string): never {
    throw new HostFailure(
      createErrorMap(message, api === MessageType.notifyEvent ? 'NotifyEvent' : api),
    );
  }

  #ownSession(id: unknown, api: string): Session {
    const session = this.sessions.find((s) => s.id === id);
    if (session?.owner !== 'provider') {
      this.#fail(
        `Session ${String(id)} does not exist or does not belong to this channel provider.`,
        api,
      );
    }
    return session;
  }

  #ownTab(id: unknown, api: string): { tab: Tab; session: Session } {
    const found = this.#findTab(id);
    if (!found || found.session.owner === 'other') {
      this.#fail(`Tab ${String(id)} does not exist in a session of this channel provider.`, api);
    }
    return found;
  }

  #environment(): Map<string, unknown> {
    const { config } = this;
    const focused = this.focusedSession;
    const page = this.focusedTab?.page;
    const env = new Map<string, unknown>();
    const pageFields = this.apiVersion === 1 || focused.owner === 'provider';
    env.set('appUrl', this.appUrl(page));
    if (pageFields) env.set('appid', config.org.appId);
    env.set('cifVersion', this.apiVersion === 1 ? '9.0.0.0' : '9.2.0.0');
    env.set('clientUrl', this.origin);
    env.set('crmVersion', config.org.crmVersion);
    env.set('customParams', config.provider.customParams);
    if (pageFields && page) {
      env.set('pagetype', page.type);
      if (page.type === 'entityrecord' || page.type === 'entitylist')
        env.set('etn', page.entityName);
      if (page.type === 'entityrecord' && page.entityId) env.set('id', page.entityId);
    }
    env.set('isDirty', false);
    env.set('orgId', config.org.id);
    env.set('orgLcid', config.org.lcid);
    env.set('orgUniqueName', config.org.uniqueName);
    env.set('userId', `{${config.user.id.toUpperCase()}}`);
    env.set('userLcid', config.user.lcid);
    env.set('username', config.user.name);
    return env;
  }

  /** Runs one API. Returns the value the widget's promise resolves with (before library encoding). */
  async #dispatch(type: string, data: Map<string, unknown>): Promise<unknown> {
    const get = (key: string) => data.get(key);
    switch (type) {
      case MessageType.hello:
        // A (re)loaded widget document: its handlers start from none.
        this.registeredHandlers.clear();
        this.inspector.add({
          kind: 'host',
          name: 'msdyn_ciLibrary.js',
          status: 'info',
          note: 'The library loaded in the widget.',
        });
        this.#changed();
        return new RawReply(new Map<string, unknown>([[Key.apiTimeout, this.config.apiTimeoutMs]]));
      case MessageType.logErrorsAndReject:
        this.inspector.add({
          kind: 'call',
          name: asText(get(Key.functionName) ?? 'unknown'),
          status: 'failure',
          error: JSON.stringify({ message: get(Key.errorMessage) }),
          encoding: 'JSON string',
          note: 'Rejected by the library (argument validation); the host was not asked.',
        });
        return null;
      case MessageType.addGenericHandler:
      case MessageType.removeGenericHandler: {
        const name = String(get(Key.eventType));
        const count = this.registeredHandlers.get(name) ?? 0;
        if (type === MessageType.addGenericHandler) this.registeredHandlers.set(name, count + 1);
        else if (count <= 1) this.registeredHandlers.delete(name);
        else this.registeredHandlers.set(name, count - 1);
        this.#changed();
        return null;
      }
      case MessageType.setClickToAct: {
        const value = get(Key.value);
        if (typeof value !== 'boolean')
          this.#fail('The value parameter must be true or false.', type);
        this.clickToAct = value;
        this.#changed();
        return null;
      }
      case MessageType.getClickToAct:
        return this.clickToAct;
      case MessageType.setMode: {
        const mode = get(Key.value);
        const allowed = this.apiVersion === 2 ? [0, 1, 2] : [0, 1];
        if (typeof mode !== 'number' || !allowed.includes(mode)) {
          this.#fail(
            `Mode ${String(mode)} is not supported with CIF API version ${this.apiVersion}.0.`,
            type,
          );
        }
        this.panelMode = mode as PanelMode;
        this.#changed();
        return mode;
      }
      case MessageType.getMode:
        return this.config.quirks.getModeAsString ? String(this.panelMode) : this.panelMode;
      case MessageType.setWidth: {
        const width = get(Key.value);
        if (typeof width !== 'number' || !Number.isFinite(width))
          this.#fail('The width must be a number.', type);
        if (width < MIN_PANEL_WIDTH) {
          this.inspector.add({
            kind: 'host',
            name: 'setWidth',
            status: 'info',
            note: `Width ${width} is below ${MIN_PANEL_WIDTH}: ignored, as Dynamics does.`,
          });
          return this.panelWidth;
        }
        this.panelWidth = Math.round(width);
        if (width > this.#win.innerWidth / 2) {
          this.panelMode = this.apiVersion === 2 ? 3 : 0;
          this.inspector.add({
            kind: 'host',
            name: 'setWidth',
            status: 'info',
            note: `Width ${width} is more than half the screen: the panel collapses.`,
          });
        }
        this.#changed();
        return this.panelWidth;
      }
      case MessageType.getWidth:
        return this.panelWidth;
      case MessageType.getEnvironment:
        return this.#environment();
      case MessageType.createRecord: {
        const schema = this.dataverse.schema(get(Key.entityName));
        const id = this.dataverse.create(schema.logicalName, toObject(get(Key.value)) ?? {});
        return { id, entityName: schema.logicalName };
      }
      case MessageType.retrieveRecord: {
        const options = get(Key.queryParameters);
        return this.dataverse.retrieve(
          String(get(Key.entityName)),
          String(get(Key.entityId)),
          typeof options === 'string' ? options : null,
        );
      }
      case MessageType.updateRecord: {
        const schema = this.dataverse.schema(get(Key.entityName));
        const id = this.dataverse.update(
          schema.logicalName,
          String(get(Key.entityId)),
          toObject(get(Key.value)) ?? {},
        );
        return { id, entityName: schema.logicalName };
      }
      case MessageType.deleteRecord: {
        const schema = this.dataverse.schema(get(Key.entityName));
        const id = this.dataverse.delete(schema.logicalName, String(get(Key.entityId)));
        return { id, entityName: schema.logicalName };
      }
      case MessageType.search:
      case MessageType.searchAndOpenRecords:
        return this.#searchAndOpen(type, data);
      case MessageType.openForm:
        return this.#openForm(data);
      case MessageType.renderSearchPage: {
        const schema = this.dataverse.schema(get(Key.entityName));
        this.#open(
          {
            type: 'search',
            searchText: asText(get(Key.searchString)),
            searchType: 1,
            entityNames: [schema.logicalName],
          },
          type,
        );
        return null;
      }
      case MessageType.getEntityMetadata:
        return this.#metadata(get(Key.entityName), get(Key.attributes), type);
      case MessageType.raiseEvent: {
        const name = get(Key.eventType);
        if (typeof name !== 'string' || !name) this.#fail('The event name is blank.', type);
        void this.raiseEvent(name, get(Key.value), { raw: true });
        return true;
      }
      case MessageType.updateContext:
        return this.#updateContext(data);
      case MessageType.notifyEvent:
        return this.#notify(data);
      case MessageType.cancelEvent: {
        const token = get(Key.cancellationToken);
        if (typeof token !== 'string' || !this.notifications.cancel(token)) {
          this.#fail(
            `Notification with the cancellation token ${String(token)} was not found`,
            type,
          );
        }
        return { actionName: 'Reject', responseReason: 'Cancelled' };
      }
      case MessageType.canCreateSession:
        return this.#openSessionCount() < MAX_SESSIONS;
      case MessageType.createSession:
        return this.#createSession(data);
      case MessageType.getSession: {
        const session = this.#ownSession(get(Key.sessionId), type);
        const map = new Map<string, unknown>([
          ['sessionId', session.id],
          ['focused', session.id === this.focusedSessionId],
          ['context', session.context],
        ]);
        if (session.conversationId) map.set('conversationId', session.conversationId);
        return map;
      }
      case MessageType.getFocusedSession:
        return this.focusedSession.owner === 'provider' ? this.focusedSessionId : null;
      case MessageType.getAllSessions:
        return this.providerSessions.map((s) => s.id);
      case MessageType.requestFocusSession: {
        const session = this.#ownSession(get(Key.sessionId), type);
        if (session.id !== this.focusedSessionId) {
          session.attention = true;
          const count = get(Key.messagesCount);
          if (typeof count === 'number' && count > 0) session.newActivity = count;
        }
        this.#changed();
        return null;
      }
      case MessageType.setSessionTitle: {
        const input = toObject(get(Key.input));
        const session = this.#ownSession(input?.sessionId, type);
        for (const [key, value] of Object.entries(input ?? {})) {
          if (key === 'sessionId') continue;
          if (key === 'title') session.customTitle = String(value);
          else session.context[key] = value;
        }
        this.#changed();
        return null;
      }
      case MessageType.createTab:
        return this.#createTab(data);
      case MessageType.getTabsByTagOrName: {
        const name = get(Key.name);
        const tags = get(Key.templateTag);
        const wanted = Array.isArray(tags)
          ? tags.map(String)
          : typeof tags === 'string' && tags
            ? [tags]
            : [];
        const session = this.focusedSession;
        if (session.owner === 'other') return [];
        return session.tabs
          .filter((t) => (typeof name === 'string' && name ? t.templateName === name : true))
          .filter((t) => wanted.every((tag) => t.tags.includes(tag)))
          .map((t) => t.id);
      }
      case MessageType.getFocusedTab: {
        const session = this.focusedSession;
        return session.owner === 'other' ? null : (this.focusedTabOf(session)?.id ?? null);
      }
      case MessageType.focusTab: {
        const { tab, session } = this.#ownTab(get(Key.tabId), type);
        session.focusedTabId = tab.id;
        this.#changed();
        return null;
      }
      case MessageType.refreshTab: {
        const { tab } = this.#ownTab(get(Key.tabId), type);
        tab.refreshCount++;
        this.#changed();
        return null;
      }
      case MessageType.closeTab: {
        const { tab, session } = this.#ownTab(get(Key.tabId), type);
        if (!tab.canClose) this.#fail(`Tab ${tab.id} cannot be closed.`, type);
        this.#removeTab(session, tab);
        return null;
      }
      case MessageType.setTabTitle: {
        const { tab } = this.#ownTab(get(Key.tabId), type);
        const input = get(Key.input);
        const title =
          typeof input === 'string' && !toObject(input) ? input : toObject(input)?.title;
        if (typeof title !== 'string') this.#fail('The input must carry a title.', type);
        tab.customTitle = title;
        this.#changed();
        return title;
      }
      case MessageType.notifyKpiBreach: {
        const session = this.#ownSession(get(Key.sessionId), type);
        if (get(Key.resetKpiBreach) === true) delete session.kpiBreach;
        else session.kpiBreach = { details: get(Key.kpiBreachDetails) };
        this.#changed();
        return null;
      }
      case MessageType.notifyNewActivity: {
        const session = this.#ownSession(get(Key.sessionId), type);
        const count = get(Key.messagesCount);
        if (get(Key.shouldReset) === true) session.newActivity = 0;
        else {
          if (typeof count !== 'number' || !Number.isFinite(count) || count < 0)
            this.#fail('The count must be a non-negative number.', type);
          if (session.id !== this.focusedSessionId) session.newActivity = count;
        }
        this.#changed();
        return null;
      }
      case MessageType.setPresence: {
        const text = get(Key.presenceText);
        const presence = this.config.presences.find((p) => p.text === text);
        if (!presence) return false;
        this.presence = presence;
        this.#changed();
        return true;
      }
      case MessageType.getPresence:
        return this.presence.text;
      case MessageType.logAnalyticsEvent:
        return this.#analytics(data);
      case MessageType.updateConversation: {
        const id = String(get(Key.entityId));
        this.dataverse.update('msdyn_ocliveworkitem', id, toObject(get(Key.value)) ?? {});
        return { id };
      }
      default:
        this.#fail(`${type} is not an API of the Channel Integration Framework.`, type);
    }
  }

  #openSessionCount(): number {
    return this.sessions.filter((s) => s.owner !== 'home').length;
  }

  #searchAndOpen(type: string, data: Map<string, unknown>): Obj {
    const schema = this.dataverse.schema(data.get(Key.entityName));
    const query = data.get(Key.queryParameters);
    const options = this.dataverse.parseOptions(
      schema.logicalName,
      typeof query === 'string' ? query : '',
    );
    const rows = this.dataverse.query(schema.logicalName, typeof query === 'string' ? query : '');
    if (type === MessageType.searchAndOpenRecords) {
      const multi = ['account', 'contact'].includes(schema.logicalName) || schema.isActivity;
      const searchText = options.search ?? firstLiteral(typeof query === 'string' ? query : '');
      const only = rows[0];
      if (options.search === undefined && rows.length === 1 && only) {
        this.#open(
          {
            type: 'entityrecord',
            entityName: schema.logicalName,
            entityId: String(only[schema.primaryIdAttribute]),
          },
          type,
        );
      } else if (options.search !== undefined || (rows.length !== 1 && multi)) {
        this.#open(
          {
            type: 'search',
            searchText,
            searchType: Number(data.get(Key.searchType) ?? 1),
            entityNames: [schema.logicalName],
          },
          type,
        );
      }
    }
    return Object.fromEntries(rows.map((row, index) => [String(index), row]));
  }

  async #openForm(data: Map<string, unknown>): Promise<Obj> {
    const type = MessageType.openForm;
    const options = toObject(data.get(Key.entityFormOptions));
    if (!options || typeof options.entityName !== 'string')
      this.#fail('The entityFormOptions must name an entity (entityName).', type);
    const schema = this.dataverse.schema(options.entityName);
    const parameters = toObject(data.get(Key.entityFormParameters)) ?? {};
    const newTab = options.openInNewWindow === true;
    if (typeof options.entityId === 'string' && options.entityId) {
      const row = this.dataverse.get(schema.logicalName, options.entityId);
      if (!row)
        this.#fail(
          `Entity '${schema.logicalName}' With Id = ${options.entityId} Does Not Exist`,
          type,
        );
      const page: Page = {
        type: 'entityrecord',
        entityName: schema.logicalName,
        entityId: String(row[schema.primaryIdAttribute]),
      };
      if (typeof options.formId === 'string') page.formId = options.formId;
      this.#open(page, type, newTab);
      return { savedEntityReference: [] };
    }
    const values = this.#formValues(
      schema.logicalName,
      parameters,
      toObject(options.createFromEntity),
    );
    const request = ++this.#ids.form;
    const result = new Promise<Obj>((resolve) => this.#formRequests.set(request, resolve));
    this.#open(
      {
        type: 'entityrecord',
        entityName: schema.logicalName,
        parameters: values,
        formRequest: request,
        quickCreate: options.useQuickCreateForm === true,
      },
      type,
      newTab,
    );
    return result;
  }

  /**
   * Turns Xrm form parameters into Web API values: plain columns stay, lookups given as `<attr>`,
   * `<attr>type`, `<attr>name` become `@odata.bind`; createFromEntity sets the regarding record.
   */
  #formValues(entity: string, parameters: Obj, createFrom: Obj | undefined): Obj {
    const schema = this.dataverse.schema(entity);
    const values: Obj = {};
    for (const [key, value] of Object.entries(parameters)) {
      const attr = schema.attributes[key];
      if (!attr) continue;
      if (attr.type === 'Lookup' || attr.type === 'Customer' || attr.type === 'Owner') {
        const target = asText(parameters[`${key}type`] ?? attr.targets?.[0]);
        const targetSchema = findSchema(target);
        if (targetSchema && typeof value === 'string') {
          values[`${navigationName(schema, attr, targetSchema.logicalName)}@odata.bind`] =
            `/${targetSchema.entitySetName}(${value.replace(/[{}]/g, '')})`;
        }
        continue;
      }
      values[key] = value;
    }
    const regarding = schema.attributes.regardingobjectid;
    const fromSchema = createFrom && findSchema(asText(createFrom.entityType));
    if (
      regarding &&
      fromSchema &&
      typeof createFrom?.id === 'string' &&
      regarding.targets?.includes(fromSchema.logicalName)
    ) {
      values[`${navigationName(schema, regarding, fromSchema.logicalName)}@odata.bind`] =
        `/${fromSchema.entitySetName}(${createFrom.id.replace(/[{}]/g, '')})`;
    }
    return values;
  }

  #metadata(entity: unknown, attributes: unknown, type: string): Obj {
    const schema = findSchema(typeof entity === 'string' ? entity : '');
    if (!schema)
      this.#fail(
        `The entity with a name = '${String(entity)}' with namemapping = 'Logical' was not found in the MetadataCache.`,
        type,
      );
    const wanted = Array.isArray(attributes)
      ? attributes.map(String)
      : typeof attributes === 'string'
        ? attributes.split(',')
        : [];
    return {
      LogicalName: schema.logicalName,
      EntitySetName: schema.entitySetName,
      PrimaryIdAttribute: schema.primaryIdAttribute,
      PrimaryNameAttribute: schema.primaryNameAttribute,
      DisplayName: schema.displayName,
      DisplayCollectionName: schema.displayCollectionName,
      ObjectTypeCode: schema.objectTypeCode,
      IsActivity: schema.isActivity,
      Attributes: wanted
        .map((name) => schema.attributes[name.trim()])
        .filter((a) => a !== undefined)
        .map((a) => ({
          LogicalName: a.logicalName,
          AttributeType: a.type,
          DisplayName: a.displayName,
          ...(a.format ? { Format: a.format } : {}),
          ...(a.maxLength ? { MaxLength: a.maxLength } : {}),
          ...(a.targets ? { Targets: a.targets } : {}),
          ...(a.options
            ? { OptionSet: a.options.map((o) => ({ Value: o.value, Label: o.label })) }
            : {}),
        })),
    };
  }

  #updateContext(data: Map<string, unknown>): string {
    const type = MessageType.updateContext;
    const input = toObject(data.get(Key.input));
    if (!input) this.#fail('The input must be an object of slug values.', type);
    const sessionId = data.get(Key.sessionId);
    let target: Obj;
    if (sessionId !== undefined && sessionId !== null && sessionId !== '')
      target = this.#ownSession(sessionId, type).context;
    else if (this.focusedSession.owner === 'provider') target = this.focusedSession.context;
    else target = this.providerContext;
    for (const [key, value] of Object.entries(input)) {
      if (data.get(Key.isDelete) === true) delete target[key];
      else target[key] = value;
    }
    this.#changed();
    return JSON.stringify(target);
  }

  async #notify(data: Map<string, unknown>): Promise<Obj> {
    const type = MessageType.notifyEvent;
    const name = data.get(Key.templateName);
    const template = this.config.templates.notification.find((t) => t.name === name);
    if (!template) this.#fail('NotificationTemplateNotFoundError', type);
    const params = toObject(data.get(Key.templateParameters)) ?? {};
    const sources = [params, this.focusedSession.context, this.providerContext];
    const title = resolveSlugs(template.title, sources).trim() || template.name;
    const fields = (template.fields ?? [])
      .map((f) => ({
        header: resolveSlugs(f.header, sources),
        value: resolveSlugs(f.value, sources).trim(),
      }))
      .filter((f) => f.value !== '');
    const token = data.get(Key.cancellationToken);
    const answer: NotificationAnswer = await this.notifications.notify(
      template,
      title,
      fields,
      typeof token === 'string' ? token : undefined,
    );
    this.#desktopNotification(template.desktopNotification, title);
    return this.config.quirks.notifyEventValueWrapper ? { value: answer } : { ...answer };
  }

  #desktopNotification(mode: string | undefined, title: string): void {
    const N = (this.#win as Window & { Notification?: typeof Notification }).Notification;
    if (mode !== 'background' || N?.permission !== 'granted' || !this.#win.document.hidden) return;
    try {
      new N(title);
    } catch {
      // not allowed in this context
    }
  }

  #createSession(data: Map<string, unknown>): string {
    const type = MessageType.createSession;
    const input = toObject(data.get(Key.input));
    const name = input?.templateName;
    const template = this.config.templates.session.find((t) => t.name === name);
    if (!template) this.#fail(`Session template ${String(name)} was not found.`, type);
    if (template.type === 'entity')
      this.#fail(
        `Session template ${template.name} is an entity session template: a channel provider can only create generic sessions.`,
        type,
      );
    if (this.#openSessionCount() >= MAX_SESSIONS)
      this.#fail(
        `Cannot create a session: the maximum of ${MAX_SESSIONS} sessions are open.`,
        type,
      );
    const parameters = toObject(input?.templateParameters) ?? {};
    const customerName = data.get(Key.customerName);
    if (
      customerName !== undefined &&
      customerName !== null &&
      parameters.customerName === undefined
    )
      parameters.customerName = customerName;
    const id = `session-id-${++this.#ids.session}`;
    const session: Session = {
      id,
      owner: 'provider',
      templateName: template.name,
      titleTemplate: template.title,
      context: toObject(input?.context) ?? {},
      templateParameters: parameters,
      tabs: [],
      newActivity: 0,
      attention: false,
      createdAt: Date.now(),
    };
    for (const tabName of [template.anchorTab, ...(template.additionalTabs ?? [])]) {
      const tabTemplate = this.config.templates.tab.find((t) => t.name === tabName);
      if (!tabTemplate) continue;
      const tab = this.#newTab(
        { ...tabTemplate, canClose: tabName === template.anchorTab ? false : tabTemplate.canClose },
        { ...parameters },
        this.#pageFromTemplate(tabTemplate, parameters, session),
        false,
      );
      session.tabs.push(tab);
    }
    if (!session.tabs.length) {
      session.tabs.push(
        this.#newTab(
          { name: 'Dashboard', type: 'dashboard', title: '', canClose: false, tags: [] },
          {},
          { type: 'dashboard' },
          false,
        ),
      );
    }
    session.focusedTabId = session.tabs[0]?.id;
    session.conversationId = this.dataverse.create('msdyn_ocliveworkitem', {
      subject: this.sessionTitle(session).slice(0, 200),
      msdyn_channel: 192440000,
    });
    this.sessions.push(session);
    if (template.panelState)
      this.panelMode =
        template.panelState === 'docked' ? 1 : template.panelState === 'hidden' ? 2 : 0;
    this.#focusSession(id);
    this.#changed();
    return id;
  }

  #createTab(data: Map<string, unknown>): string {
    const type = MessageType.createTab;
    const rejectObject = (errorCode: number, message: string): never => {
      throw new HostFailure({ errorCode, message });
    };
    const input = toObject(data.get(Key.input));
    const name = input?.templateName;
    const template = this.config.templates.tab.find((t) => t.name === name);
    if (!template)
      throw new HostFailure({
        errorCode: 404,
        message: `Application tab template ${String(name)} not found`,
      });
    const session = this.#actionSession(type, (message) => rejectObject(403, message));
    const parameters = toObject(input?.templateParameters) ?? {};
    const tab = this.#newTab(
      template,
      parameters,
      this.#pageFromTemplate(template, parameters, session),
      true,
    );
    session.tabs.push(tab);
    if (input?.isFocused !== false) session.focusedTabId = tab.id;
    this.#changed();
    return tab.id;
  }

  #analytics(data: Map<string, unknown>): string {
    const type = MessageType.logAnalyticsEvent;
    const payload = toObject(data.get(Key.analyticsData));
    const eventName = data.get(Key.analyticsEventName);
    if (!payload) this.#fail('logAnalyticsEvent payload data or eventType is not valid. ', type);
    const missing = ['conversationId', 'providerSessionId'].filter(
      (k) => typeof payload[k] !== 'string' || !payload[k],
    );
    if (missing.length) this.#fail(`logAnalyticsEvent data needs ${missing.join(' and ')}.`, type);
    const events = payload.events;
    if (
      !Array.isArray(events) ||
      events.some((e) => !isObj(e) || typeof e.kpiEventName !== 'string')
    ) {
      this.#fail(
        'logAnalyticsEvent data needs events: [{kpiEventName, kpiEventReason, eventTimestamp}].',
        type,
      );
    }
    this.analytics.push({ eventName: asText(eventName), data: payload });
    if (!this.config.provider.enableAnalytics) {
      this.inspector.add({
        kind: 'host',
        name: 'logAnalyticsEvent',
        status: 'info',
        note: 'Analytics are off for this provider (enableAnalytics): Dynamics would not store the event.',
      });
    }
    return 'Success';
  }
}

/** A reply whose messageData is sent as is (not wrapped in a `value` Map). */
class RawReply {
  constructor(readonly data: unknown) {}
}

/** The first quoted literal of an OData query (the text a search page shows). */
function firstLiteral(query: string): string {
  const m = /'((?:[^']|'')*)'/.exec(query);
  return m ? m[1]!.replace(/''/g, "'") : '';
}

export type { LookupValue };
