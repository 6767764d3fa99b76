/**
 * The host page: a multisession-app shell (sessions, tabs, site map, pages), the channel panel framing the
 * widget with Dynamics' sandbox and allow attributes, the notification toast, and the emulator's tools
 * (call simulator, inspector, fault injection, org and data).
 */
import { html, nothing, render, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { ErrorShape, FaultRule, PanelMode } from '../../config/types.js';
import { schemas } from '../../dataverse/schema.js';
import { EventName, MessageType } from '../../library/wire.js';
import { publicName } from '../faults.js';
import type { Host } from '../Host.js';
import { safeJson, type LogFilter, type LogKind } from '../inspector.js';
import type { Session, Tab } from '../model.js';
import { renderPage, SITEMAP, type PageUiState } from './pages.js';
import { createFrame, FrameCache } from './frames.js';
import { hostStyles } from './styles.js';
import { asText } from '../../text.js';

/** The iframe attributes Dynamics gives the channel panel. */
export const WIDGET_SANDBOX =
  'allow-forms allow-popups allow-scripts allow-same-origin allow-modals';
export const WIDGET_ALLOW = 'microphone; camera; geolocation';

type ToolTab = 'simulator' | 'inspector' | 'faults' | 'org';

interface UiState extends PageUiState {
  /** The widget's iframe, made once (re-rendering the same element never reloads the widget). */
  widget: HTMLIFrameElement | undefined;
  tool: ToolTab;
  toolsOpen: boolean;
  filter: Required<LogFilter>;
  sim: { from: string; displayName: string; contact: string };
  fault: {
    target: 'api' | 'event';
    name: string;
    action: 'fail' | 'timeout' | 'delay' | 'drop';
    shape: ErrorShape | 'default';
    message: string;
    ms: number;
    times: string;
  };
}

const MODE_LABEL: Record<PanelMode, string> = {
  0: 'minimized',
  1: 'docked',
  2: 'hidden',
  3: 'collapsed',
};
const API_NAMES = [
  ...new Set(
    Object.values(MessageType)
      .filter((t) => t !== MessageType.hello && t !== MessageType.logErrorsAndReject)
      .map(publicName),
  ),
].sort();
const EVENT_NAMES = Object.values(EventName);

/** A mounted host page. */
export interface MountedHost {
  /** Renders now (normally batched to the next microtask). */
  update(): void;
  /** Unmounts and stops listening. */
  dispose(): void;
}

/** Renders the host page into `container` and keeps it in sync with `host`. */
export function mountHost(container: HTMLElement, host: Host): MountedHost {
  const doc = container.ownerDocument;
  if (!doc.getElementById('cif-emulator-styles')) {
    const style = doc.createElement('style');
    style.id = 'cif-emulator-styles';
    style.textContent = hostStyles;
    doc.head.append(style);
  }
  let scheduled = false;
  let disposed = false;
  const ui: UiState = {
    widget: host.config.provider.landingUrl
      ? createFrame(doc, {
          id: 'SidePanelIFrame',
          title: host.config.provider.label,
          src: host.config.provider.landingUrl,
          sandbox: WIDGET_SANDBOX,
          allow: WIDGET_ALLOW,
        })
      : undefined,
    frames: new FrameCache(doc),
    tool: 'simulator',
    toolsOpen: true,
    filter: { text: '', kind: 'all', status: 'all' },
    sim: { from: '', displayName: '', contact: '' },
    fault: {
      target: 'api',
      name: 'createRecord',
      action: 'fail',
      shape: 'default',
      message: '',
      ms: 2000,
      times: '',
    },
    drafts: new Map(),
    formMessages: new Map(),
    searchText: new Map(),
    requestRender: () => schedule(),
  };
  const update = () => {
    scheduled = false;
    if (!disposed) render(app(host, ui), container);
  };
  const schedule = () => {
    if (scheduled || disposed) return;
    scheduled = true;
    queueMicrotask(update);
  };
  const unsubscribe = host.subscribe(schedule);
  // Countdowns tick once a second while a notification with a deadline is on screen.
  const ticker = setInterval(() => {
    if (host.notifications.current?.deadline !== undefined) schedule();
  }, 1000);
  update();
  host.attachWidget(ui.widget);
  return {
    update,
    dispose() {
      disposed = true;
      unsubscribe();
      clearInterval(ticker);
      render(nothing, container);
    },
  };
}

function app(host: Host, ui: UiState): TemplateResult {
  const v2 = host.apiVersion === 2;
  return html`<div class="cif-emu" data-api=${host.apiVersion}>
    ${header(host)}
    <div class="cif-emu-body">
      ${v2 ? sessionsNav(host) : nothing}
      <main class="cif-emu-main" aria-label=${host.sessionTitle(host.focusedSession)}>
        ${sitemap(host)}
        <div class="cif-emu-workspace">${tabs(host, ui)}</div>
      </main>
      ${panel(host, ui)}
    </div>
    ${tools(host, ui)} ${toast(host)}
  </div>`;
}

function header(host: Host): TemplateResult {
  const presenceId = 'cif-emu-presence';
  return html`<header class="cif-emu-header">
      <h1>Dynamics 365 <span class="visually-hidden">emulator</span></h1>
      <span class="org">${host.config.org.appName} · ${host.config.org.uniqueName}</span>
      <span class="spacer"></span>
      ${
        host.apiVersion === 2
          ? html`<label for=${presenceId}>
              <span
                class="cif-emu-presence-dot"
                style=${`background:${host.presence.color}`}
                aria-hidden="true"
              ></span>
              Presence
              <select
                id=${presenceId}
                .value=${live(host.presence.text)}
                @change=${(e: Event) => host.userSetPresence((e.target as HTMLSelectElement).value)}
              >
                ${host.config.presences.map((p) => html`<option value=${p.text} ?selected=${p === host.presence}>${p.text}</option>`)}
              </select>
            </label>`
          : nothing
      }
      <span>${host.config.user.name}</span>
    </header>
    ${
      host.warnings.length
        ? html`<ul class="cif-emu-warnings" aria-label="Configuration warnings">
            ${host.warnings.map((w) => html`<li>${w}</li>`)}
          </ul>`
        : nothing
    }`;
}

function sessionsNav(host: Host): TemplateResult {
  return html`<nav class="cif-emu-sessions" aria-label="Sessions">
    <h2>Sessions</h2>
    <ul>
      ${host.sessions.map((s) => sessionItem(host, s))}
    </ul>
  </nav>`;
}

function sessionItem(host: Host, session: Session): TemplateResult {
  const focused = session.id === host.focusedSessionId;
  const title = host.sessionTitle(session);
  const details = [
    session.owner === 'other' ? `${session.channelLabel ?? 'Other'} channel` : '',
    session.attention ? 'requests attention' : '',
    session.newActivity ? `${session.newActivity} new` : '',
    session.kpiBreach ? 'KPI breached' : '',
  ].filter(Boolean);
  return html`<li class="cif-emu-session" data-session-id=${session.id} ?data-focused=${focused}>
    <button
      type="button"
      aria-current=${focused ? 'true' : 'false'}
      title=${title}
      @click=${() => host.userFocusSession(session.id)}
    >
      ${session.attention ? html`<span aria-hidden="true">● </span>` : nothing}${title}${details.length ? html`<span class="visually-hidden"> (${details.join(', ')})</span>` : nothing}
    </button>
    ${session.newActivity ? html`<span class="cif-emu-badge" aria-hidden="true">${session.newActivity}</span>` : nothing}
    ${session.kpiBreach ? html`<span class="cif-emu-badge kpi" aria-hidden="true" title=${safeJson(session.kpiBreach.details)}>!</span>` : nothing}
    ${
      session.owner === 'home'
        ? nothing
        : html`<button
            type="button"
            aria-label=${`Close session ${title}`}
            @click=${() => host.userCloseSession(session.id)}
          >
            ×
          </button>`
    }
  </li>`;
}

function sitemap(host: Host): TemplateResult {
  return html`<nav class="cif-emu-sitemap" aria-label="Site map">
    <h2>${host.config.org.appName}</h2>
    <ul>
      <li>
        <button type="button" class="link" @click=${() => host.userNavigate({ type: 'dashboard' })}>
          Dashboard
        </button>
      </li>
      ${SITEMAP.map((entity) => {
        const schema = schemas[entity]!;
        return html`<li>
          <button
            type="button"
            class="link"
            @click=${() => host.userNavigate({ type: 'entitylist', entityName: entity })}
          >
            ${schema.displayCollectionName}
          </button>
        </li>`;
      })}
      <li>
        <button
          type="button"
          class="link"
          @click=${() => host.userNavigate({ type: 'search', searchText: '', searchType: 1 })}
        >
          Search
        </button>
      </li>
    </ul>
  </nav>`;
}

function tabs(host: Host, ui: UiState): TemplateResult {
  const session = host.focusedSession;
  const focused = host.focusedTabOf(session);
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const index = session.tabs.findIndex((t) => t.id === focused?.id);
    const next =
      session.tabs[
        (index + (e.key === 'ArrowRight' ? 1 : -1) + session.tabs.length) % session.tabs.length
      ];
    if (!next) return;
    host.userFocusTab(next.id);
    queueMicrotask(() =>
      (e.currentTarget as HTMLElement | null)
        ?.querySelector<HTMLElement>(`[data-tab-id="${next.id}"]`)
        ?.focus(),
    );
  };
  return html`<div class="cif-emu-tabs" role="tablist" aria-label="Tabs" @keydown=${onKey}>
      ${session.tabs.map((tab) => tabButton(host, session, tab, tab === focused))}
    </div>
    ${
      focused
        ? html`<div
            class="cif-emu-page"
            role="tabpanel"
            tabindex="0"
            id=${`panel-${focused.id}`}
            aria-labelledby=${`tab-${focused.id}`}
            data-refresh=${focused.refreshCount}
          >
            ${renderPage(host, ui, focused)}
          </div>`
        : html`<div class="cif-emu-page"><p>No tab is open.</p></div>`
    }`;
}

function tabButton(host: Host, session: Session, tab: Tab, selected: boolean): TemplateResult {
  const title = host.tabTitle(tab, session) || 'Tab';
  // Only tabs may live in a tab list: a closable tab closes with Delete, or with its × for the mouse.
  const close = (e: Event) => {
    e.stopPropagation();
    host.userCloseTab(tab.id);
  };
  return html`<button
    type="button"
    role="tab"
    class="cif-emu-tab"
    id=${`tab-${tab.id}`}
    data-tab-id=${tab.id}
    aria-selected=${selected ? 'true' : 'false'}
    aria-controls=${`panel-${tab.id}`}
    aria-keyshortcuts=${tab.canClose ? 'Delete' : nothing}
    tabindex=${selected ? 0 : -1}
    @click=${() => host.userFocusTab(tab.id)}
    @keydown=${(e: KeyboardEvent) => {
      if (tab.canClose && e.key === 'Delete') close(e);
    }}
  >
    ${title}${
      tab.canClose
        ? html`<span
            class="close"
            aria-hidden="true"
            title=${`Close tab ${title}`}
            data-close-tab=${tab.id}
            @click=${close}
            >×</span
          >`
        : nothing
    }
  </button>`;
}

function panel(host: Host, ui: UiState): TemplateResult {
  const mode = host.panelMode;
  const label = host.config.provider.label;
  const expanded = mode === 1;
  const onResizeKey = (e: KeyboardEvent) => {
    const step = e.shiftKey ? 100 : 20;
    if (e.key === 'ArrowLeft') host.userResizePanel(host.panelWidth + step);
    else if (e.key === 'ArrowRight') host.userResizePanel(host.panelWidth - step);
    else return;
    e.preventDefault();
  };
  const onPointerDown = (e: PointerEvent) => {
    const handle = e.currentTarget as HTMLElement;
    const startX = e.clientX;
    const startWidth = host.panelWidth;
    handle.setPointerCapture?.(e.pointerId);
    const move = (m: PointerEvent) => {
      const rtl = getComputedStyle(handle).direction === 'rtl';
      host.userResizePanel(startWidth + (rtl ? m.clientX - startX : startX - m.clientX));
    };
    const up = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
  };
  return html`<aside
    class="cif-emu-panel"
    aria-label="Channel panel"
    data-mode=${mode}
    style=${`--emu-panel-width:${host.panelWidth}px`}
  >
    <div
      role="separator"
      class="resize"
      tabindex="0"
      aria-orientation="vertical"
      aria-label="Resize the channel panel"
      aria-valuemin="300"
      aria-valuemax=${Math.max(300, Math.floor(window.innerWidth / 2))}
      aria-valuenow=${host.panelWidth}
      @keydown=${onResizeKey}
      @pointerdown=${onPointerDown}
    ></div>
    <div class="cif-emu-panel-inner">
      <div class="cif-emu-panel-header">
        <h2>${label}</h2>
        <button
          type="button"
          aria-expanded=${expanded ? 'true' : 'false'}
          aria-label=${expanded ? `Minimize ${label}` : `Expand ${label}`}
          @click=${() => host.userSetPanelMode(expanded ? 0 : 1)}
        >
          ${expanded ? '›' : '‹'}
        </button>
      </div>
      ${
        ui.widget
          ? ui.widget
          : html`<p class="placeholder">
              No widget configured. Start the emulator with <code>--widget &lt;url&gt;</code>.
            </p>`
      }
      <span class="visually-hidden" role="status"
        >Channel panel ${MODE_LABEL[mode]}, ${host.panelWidth} pixels wide</span
      >
    </div>
  </aside>`;
}

function toast(host: Host): TemplateResult {
  const n = host.notifications.current;
  const queued = host.notifications.queued.length;
  const seconds =
    n?.deadline !== undefined
      ? Math.max(0, Math.ceil((n.deadline - Date.now()) / 1000))
      : undefined;
  return html`<section class="cif-emu-toasts" aria-label="Notifications" aria-live="assertive">
    ${
      n
        ? html`<div
            class="cif-emu-toast"
            role="group"
            aria-labelledby=${`toast-${n.id}`}
            data-theme=${n.template.theme ?? 'default'}
            data-notification-id=${n.id}
          >
            <h2 id=${`toast-${n.id}`}>
              <span aria-hidden="true">${icon(n.template.icon)} </span>${n.title}
            </h2>
            ${
              n.fields.length
                ? html`<dl>
                    ${n.fields.map(
                      (f) =>
                        html`<dt>${f.header}</dt>
                          <dd>${f.value}</dd>`,
                    )}
                  </dl>`
                : nothing
            }
            ${n.template.showTimeout !== false && seconds !== undefined ? html`<p role="timer" aria-live="off">${seconds} secs remaining</p>` : nothing}
            ${n.template.autoAccept ? html`<p>Accepted automatically</p>` : nothing}
            <div class="cif-emu-actions">
              ${
                n.template.autoAccept
                  ? nothing
                  : html`<button
                        type="button"
                        class="primary"
                        data-action="accept"
                        @click=${() => host.userAnswerNotification(n.id, true)}
                      >
                        ${n.template.acceptButtonText ?? 'Accept'}
                      </button>
                      ${
                        n.template.showRejectButton === false
                          ? nothing
                          : html`<button
                              type="button"
                              data-action="reject"
                              @click=${() => host.userAnswerNotification(n.id, false)}
                            >
                              ${n.template.rejectButtonText ?? 'Reject'}
                            </button>`
                      }`
              }
              ${queued > 1 ? html`<span>${queued - 1} more waiting</span>` : nothing}
            </div>
          </div>`
        : nothing
    }
  </section>`;
}

function icon(name: string | undefined): string {
  switch (name) {
    case 'phone':
      return '☎';
    case 'chat':
      return '✉';
    case 'warning':
      return '⚠';
    default:
      return 'ℹ';
  }
}

// ------------------------------------------------------------------------------------------------ tools

function tools(host: Host, ui: UiState): TemplateResult {
  const tabs: [ToolTab, string][] = [
    ['simulator', 'Call simulator'],
    ['inspector', `Inspector (${host.inspector.entries.length})`],
    ['faults', `Faults (${host.faults.rules.length})`],
    ['org', 'Org & data'],
  ];
  const select = (tool: ToolTab) => {
    ui.tool = tool;
    ui.toolsOpen = true;
    if (tool === 'simulator') host.simulator.hello();
    ui.requestRender();
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const index = tabs.findIndex(([t]) => t === ui.tool);
    const next = tabs[(index + (e.key === 'ArrowRight' ? 1 : -1) + tabs.length) % tabs.length];
    if (!next) return;
    select(next[0]);
    const list = e.currentTarget as HTMLElement;
    queueMicrotask(() => list.querySelector<HTMLElement>(`#tool-${next[0]}`)?.focus());
  };
  return html`<section class="cif-emu-tools" aria-label="Emulator tools">
    <div class="bar">
      <h2>Emulator</h2>
      <div role="tablist" aria-label="Emulator tools" @keydown=${onKey}>
        ${tabs.map(
          ([id, label]) =>
            html`<button
              type="button"
              role="tab"
              id=${`tool-${id}`}
              aria-controls=${`toolpanel-${id}`}
              aria-selected=${ui.tool === id && ui.toolsOpen ? 'true' : 'false'}
              tabindex=${ui.tool === id ? 0 : -1}
              @click=${() => select(id)}
            >
              ${label}
            </button>`,
        )}
      </div>
      <button
        type="button"
        aria-expanded=${ui.toolsOpen ? 'true' : 'false'}
        @click=${() => {
          ui.toolsOpen = !ui.toolsOpen;
          ui.requestRender();
        }}
      >
        ${ui.toolsOpen ? 'Hide tools' : 'Show tools'}
      </button>
    </div>
    ${
      ui.toolsOpen
        ? html`<div
            role="tabpanel"
            id=${`toolpanel-${ui.tool}`}
            aria-labelledby=${`tool-${ui.tool}`}
          >
            ${ui.tool === 'simulator' ? simulator(host, ui) : ui.tool === 'inspector' ? inspector(host, ui) : ui.tool === 'faults' ? faults(host, ui) : org(host)}
          </div>`
        : nothing
    }
  </section>`;
}

function simulator(host: Host, ui: UiState): TemplateResult {
  const sim = host.simulator;
  const contacts = host.dataverse.rows(schemas.contact!, {
    orderBy: [{ attribute: 'fullname', descending: false }],
  });
  const options = contacts.flatMap((c) =>
    (['mobilephone', 'telephone1', 'telephone2'] as const)
      .filter((a) => typeof c[a] === 'string' && c[a])
      .map((a) => ({
        value: `${String(c.contactid)}|${a}`,
        label: `${asText(c.fullname)} — ${asText(c[a])}`,
        number: String(c[a]),
        id: String(c.contactid),
        name: asText(c.fullname),
      })),
  );
  const ring = (e: Event) => {
    e.preventDefault();
    const chosen = options.find((o) => o.value === ui.sim.contact);
    const from = ui.sim.from.trim() || chosen?.number || '';
    if (!from) return;
    const opts: { displayName?: string; contactId?: string } = {};
    const name = ui.sim.displayName.trim();
    if (name) opts.displayName = name;
    if (chosen && !ui.sim.from.trim()) opts.contactId = chosen.id;
    sim.ring(from, opts);
  };
  return html`<form aria-label="Ring the widget" @submit=${ring}>
      <fieldset>
        <legend>Incoming call</legend>
        <label
          >Caller number<input
            name="from"
            type="tel"
            placeholder="+44 20 7946 0958"
            .value=${live(ui.sim.from)}
            @input=${(e: Event) => (ui.sim.from = (e.target as HTMLInputElement).value)}
        /></label>
        <label
          >or a contact
          <select
            name="contact"
            .value=${live(ui.sim.contact)}
            @change=${(e: Event) => {
              ui.sim.contact = (e.target as HTMLSelectElement).value;
            }}
          >
            <option value="">—</option>
            ${options.map((o) => html`<option value=${o.value}>${o.label}</option>`)}
          </select>
        </label>
        <label
          >Caller name (CNAM)<input
            name="displayName"
            .value=${live(ui.sim.displayName)}
            @input=${(e: Event) => (ui.sim.displayName = (e.target as HTMLInputElement).value)}
        /></label>
        <button type="submit" class="primary">Ring</button>
      </fieldset>
    </form>
    <p role="status">
      ${sim.ready ? `A simulated telephony provider${sim.provider ? ` (${sim.provider})` : ''} is listening.` : 'No simulated telephony provider has answered yet (see the README: cif-emulator:call).'}
    </p>
    <table>
      <caption>
        Calls
      </caption>
      <thead>
        <tr>
          <th scope="col">Call</th>
          <th scope="col">Direction</th>
          <th scope="col">Number</th>
          <th scope="col">State</th>
          <th scope="col">Remote party</th>
        </tr>
      </thead>
      <tbody>
        ${sim.calls.map(
          (c) =>
            html`<tr data-call-id=${c.call.id}>
              <td>${c.call.id}</td>
              <td>${c.direction}</td>
              <td>
                ${c.call.from ?? c.call.to ?? ''}${c.call.displayName ? ` (${c.call.displayName})` : ''}
              </td>
              <td>${c.state}${c.reason ? ` (${c.reason})` : ''}</td>
              <td class="cif-emu-actions">
                ${
                  c.state === 'ended'
                    ? nothing
                    : html`${c.direction === 'outbound' && c.state === 'dialing' ? html`<button type="button" @click=${() => sim.answer(c.call.id)}>Answer</button>` : nothing}
                        ${c.state === 'held' ? html`<button type="button" @click=${() => sim.resume(c.call.id)}>Resume</button>` : html`<button type="button" @click=${() => sim.hold(c.call.id)}>Hold</button>`}
                        <button type="button" class="danger" @click=${() => sim.hangup(c.call.id)}>
                          Hang up
                        </button>`
                }
              </td>
            </tr>`,
        )}
      </tbody>
    </table>
    ${sim.calls.some((c) => c.state === 'ended') ? html`<button type="button" @click=${() => sim.clearEnded()}>Clear ended calls</button>` : nothing}`;
}

function inspector(host: Host, ui: UiState): TemplateResult {
  const entries = host.inspector.filter(ui.filter).slice(-300).reverse();
  const download = () => {
    const blob = new Blob([host.inspector.export()], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'cif-emulator-log.json';
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  };
  return html`<fieldset>
      <legend>Filter</legend>
      <label
        >Text<input
          type="search"
          .value=${live(ui.filter.text)}
          @input=${(e: Event) => {
            ui.filter.text = (e.target as HTMLInputElement).value;
            ui.requestRender();
          }}
      /></label>
      <label
        >Kind
        <select
          .value=${live(ui.filter.kind)}
          @change=${(e: Event) => {
            ui.filter.kind = (e.target as HTMLSelectElement).value as LogKind | 'all';
            ui.requestRender();
          }}
        >
          ${['all', 'call', 'event', 'security', 'host'].map((k) => html`<option value=${k}>${k}</option>`)}
        </select>
      </label>
      <label
        >Status
        <select
          .value=${live(ui.filter.status)}
          @change=${(e: Event) => {
            ui.filter.status = (e.target as HTMLSelectElement).value as 'all' | 'errors';
            ui.requestRender();
          }}
        >
          <option value="all">all</option>
          <option value="errors">errors only</option>
        </select>
      </label>
      <button type="button" @click=${() => host.inspector.clear()}>Clear</button>
      <button type="button" @click=${download}>Export JSON</button>
    </fieldset>
    <table class="cif-emu-log">
      <caption class="visually-hidden">
        CIF calls and events
      </caption>
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">Kind</th>
          <th scope="col">API / event</th>
          <th scope="col">Status</th>
          <th scope="col">ms</th>
          <th scope="col">Arguments</th>
          <th scope="col">Result / error</th>
        </tr>
      </thead>
      <tbody>
        ${entries.map(
          (e) =>
            html`<tr data-log-id=${e.id} data-kind=${e.kind}>
              <td>${new Date(e.time).toISOString().slice(11, 23)}</td>
              <td>${e.kind}</td>
              <td>${e.name}</td>
              <td><span class="cif-emu-status" data-status=${e.status}>${e.status}</span></td>
              <td>${e.durationMs ?? ''}</td>
              <td><pre>${safeJson(e.args, 1)}</pre></td>
              <td>
                <pre>${e.encoding ? `${e.encoding}: ` : ''}${safeJson(e.error ?? e.result, 1)}</pre>
                ${e.note ? html`<div>${e.note}</div>` : nothing}${e.origin ? html`<div>from ${e.origin}</div>` : nothing}
              </td>
            </tr>`,
        )}
      </tbody>
    </table>`;
}

function describeRule(rule: FaultRule): string {
  const times = rule.times !== undefined ? `, ${rule.times} time(s)` : '';
  if ('event' in rule) return `drop event ${rule.event}${times}`;
  if (rule.action === 'delay') return `delay ${rule.api} by ${rule.ms} ms${times}`;
  if (rule.action === 'timeout') return `${rule.api} never answers (timeout)${times}`;
  return `${rule.api} fails${rule.shape ? ` as ${rule.shape}` : ''}: ${rule.message ?? 'injected failure'}${times}`;
}

function faults(host: Host, ui: UiState): TemplateResult {
  const f = ui.fault;
  const names = f.target === 'api' ? ['*', ...API_NAMES] : ['*', ...EVENT_NAMES];
  const add = (e: Event) => {
    e.preventDefault();
    const times = Number(f.times);
    const extra =
      f.times && Number.isFinite(times) && times > 0 ? { times: Math.floor(times) } : {};
    let rule: FaultRule;
    if (f.target === 'event') rule = { event: f.name, action: 'drop', ...extra };
    else if (f.action === 'timeout') rule = { api: f.name, action: 'timeout', ...extra };
    else if (f.action === 'delay')
      rule = { api: f.name, action: 'delay', ms: Math.max(0, f.ms), ...extra };
    else
      rule = {
        api: f.name,
        action: 'fail',
        ...(f.shape !== 'default' ? { shape: f.shape } : {}),
        ...(f.message ? { message: f.message } : {}),
        ...extra,
      };
    host.faults.add(rule);
  };
  return html`<fieldset>
      <legend>Latency</legend>
      <label
        >Every answer waits (ms)<input
          type="number"
          min="0"
          .value=${live(String(host.faults.latencyMs))}
          @change=${(e: Event) => host.faults.setLatency(Number((e.target as HTMLInputElement).value))}
      /></label>
    </fieldset>
    <form aria-label="Add a fault" @submit=${add}>
      <fieldset>
        <legend>Add a fault</legend>
        <label
          >Target
          <select
            .value=${live(f.target)}
            @change=${(e: Event) => {
              f.target = (e.target as HTMLSelectElement).value as 'api' | 'event';
              f.name = '*';
              f.action = f.target === 'event' ? 'drop' : 'fail';
              ui.requestRender();
            }}
          >
            <option value="api">API</option>
            <option value="event">Event</option>
          </select>
        </label>
        <label
          >Name
          <select
            .value=${live(f.name)}
            @change=${(e: Event) => (f.name = (e.target as HTMLSelectElement).value)}
          >
            ${names.map((n) => html`<option value=${n} ?selected=${n === f.name}>${n}</option>`)}
          </select>
        </label>
        ${
          f.target === 'api'
            ? html`<label
                  >Action
                  <select
                    .value=${live(f.action)}
                    @change=${(e: Event) => {
                      f.action = (e.target as HTMLSelectElement)
                        .value as UiState['fault']['action'];
                      ui.requestRender();
                    }}
                  >
                    <option value="fail">fail</option>
                    <option value="timeout">never answer (timeout)</option>
                    <option value="delay">delay</option>
                  </select>
                </label>
                ${
                  f.action === 'fail'
                    ? html`<label
                          >Error shape
                          <select
                            .value=${live(f.shape)}
                            @change=${(e: Event) => (f.shape = (e.target as HTMLSelectElement).value as ErrorShape | 'default')}
                          >
                            <option value="default">the API's real shape</option>
                            <option value="map">Map</option>
                            <option value="object">{errorCode, message}</option>
                            <option value="json">JSON string</option>
                            <option value="string">plain string</option>
                          </select>
                        </label>
                        <label
                          >Message<input
                            .value=${live(f.message)}
                            @input=${(e: Event) => (f.message = (e.target as HTMLInputElement).value)}
                        /></label>`
                    : nothing
                }
                ${f.action === 'delay' ? html`<label>Delay (ms)<input type="number" min="0" .value=${live(String(f.ms))} @input=${(e: Event) => (f.ms = Number((e.target as HTMLInputElement).value))} /></label>` : nothing}`
            : nothing
        }
        <label
          >Times (empty: always)<input
            type="number"
            min="1"
            .value=${live(f.times)}
            @input=${(e: Event) => (f.times = (e.target as HTMLInputElement).value)}
        /></label>
        <button type="submit" class="primary">Add</button>
      </fieldset>
    </form>
    <ul aria-label="Active faults">
      ${host.faults.rules.map(
        (rule) =>
          html`<li>
            ${describeRule(rule)} (applied ${host.faults.usage(rule)}×)
            <button
              type="button"
              aria-label=${`Remove fault: ${describeRule(rule)}`}
              @click=${() => host.faults.remove(rule)}
            >
              Remove
            </button>
          </li>`,
      )}
    </ul>
    ${host.faults.rules.length || host.faults.latencyMs ? html`<button type="button" @click=${() => host.faults.clear()}>Remove all faults</button>` : nothing}`;
}

function org(host: Host): TemplateResult {
  const p = host.config.provider;
  return html`<dl class="cif-emu-org">
      <dt>Provider</dt>
      <dd>${p.label} (CIF ${p.apiVersion}.0)</dd>
      <dt>Landing URL</dt>
      <dd><code>${p.landingUrl || '—'}</code></dd>
      <dt>Trusted domains</dt>
      <dd>${p.trustedDomains.length ? p.trustedDomains.join(', ') : '—'}</dd>
      <dt>Click-to-act</dt>
      <dd>${host.clickToAct ? 'on' : 'off'}</dd>
      <dt>Panel</dt>
      <dd>${MODE_LABEL[host.panelMode]}, ${host.panelWidth} px</dd>
      <dt>Widget handlers</dt>
      <dd>
        ${host.registeredHandlers.size ? [...host.registeredHandlers.keys()].join(', ') : 'none'}
      </dd>
      <dt>Records</dt>
      <dd>
        ${Object.keys(schemas)
          .map((e) => `${e}: ${host.dataverse.count(e)}`)
          .join(' · ')}
      </dd>
    </dl>
    <div class="cif-emu-actions">
      <button type="button" @click=${() => host.resetData()}>Reset data</button>
      ${host.apiVersion === 2 ? html`<button type="button" @click=${() => host.userOpenForeignSession('Chat')}>Open a session of another channel</button>` : nothing}
      <button type="button" @click=${() => host.simulator.hello()}>
        Greet the widget (call channel)
      </button>
    </div>
    <details>
      <summary>Effective configuration</summary>
      <pre>${safeJson(host.config, 2)}</pre>
    </details>`;
}
