/** The host's view model: sessions, tabs and the pages they show. */

/** What a tab shows (a Unified Interface page type). */
export type Page =
  | { type: 'dashboard' }
  | { type: 'entitylist'; entityName: string; viewId?: string }
  | {
      type: 'entityrecord';
      entityName: string;
      /** Missing for a new-record form. */
      entityId?: string;
      formId?: string;
      /** Prefilled values of a new-record form (openForm's formParameters). */
      parameters?: Record<string, unknown>;
      /** Opened by openForm: resolves that call when the form is saved or left. */
      formRequest?: number;
      quickCreate?: boolean;
    }
  | { type: 'search'; searchText: string; searchType: number; entityNames?: string[] }
  | { type: 'webresource'; name: string; data?: string }
  | { type: 'url'; url: string };

/** An application tab. */
export interface Tab {
  id: string;
  templateName: string;
  /** Title template (slugs) from the application tab template. */
  titleTemplate: string;
  /** Set by setTabTitle; wins over the template. */
  customTitle?: string;
  page: Page;
  tags: string[];
  canClose: boolean;
  /** Parameters the tab was created with (slug source). */
  parameters: Record<string, unknown>;
  refreshCount: number;
  /** Created by the provider through createTab. */
  byProvider: boolean;
}

/** Who a session belongs to. */
export type SessionOwner = 'home' | 'provider' | 'other';

/** A multisession-app session. */
export interface Session {
  id: string;
  owner: SessionOwner;
  templateName: string;
  titleTemplate: string;
  customTitle?: string;
  /** For sessions of another channel (the emulator can open one to test foreign sessions). */
  channelLabel?: string;
  /** Slug values set with updateContext / setSessionTitle. */
  context: Record<string, unknown>;
  templateParameters: Record<string, unknown>;
  conversationId?: string;
  tabs: Tab[];
  focusedTabId?: string;
  kpiBreach?: { details?: unknown };
  newActivity: number;
  /** requestFocusSession: an attention indicator on the session. */
  attention: boolean;
  createdAt: number;
}
