/** Page templates of the emulated app: dashboard, entity lists, record forms, search, web resources. */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { LookupValue, StoredRecord } from '../../dataverse/Dataverse.js';
import {
  findSchema,
  schemas,
  type AttributeSchema,
  type EntitySchema,
} from '../../dataverse/schema.js';
import type { Host } from '../Host.js';
import type { Page, Tab } from '../model.js';
import type { FrameCache } from './frames.js';
import { asText } from '../../text.js';

/** Per-tab form drafts and messages kept by the UI between renders. */
export interface PageUiState {
  frames: FrameCache;
  drafts: Map<string, Record<string, unknown>>;
  formMessages: Map<string, string>;
  searchText: Map<string, string>;
  requestRender: () => void;
}

/** Entities in the app's site map. */
export const SITEMAP = [
  'contact',
  'account',
  'lead',
  'incident',
  'phonecall',
  'knowledgearticle',
] as const;

const isLookup = (a: AttributeSchema) =>
  a.type === 'Lookup' || a.type === 'Customer' || a.type === 'Owner';

function display(attr: AttributeSchema, value: unknown, host: Host): string {
  if (value === null || value === undefined || value === '') return '';
  if (isLookup(attr)) {
    const lookup = value as LookupValue;
    return host.dataverse.nameOf(lookup.logicalName, lookup.id) || lookup.id;
  }
  if (attr.options) {
    const key = typeof value === 'boolean' ? Number(value) : value;
    return attr.options.find((o) => o.value === key)?.label ?? asText(value);
  }
  if (attr.type === 'Boolean') return value ? 'Yes' : 'No';
  if (attr.type === 'DateTime' && typeof value === 'string')
    return new Date(value).toLocaleString('en-US', { timeZone: 'UTC' });
  return asText(value);
}

/** A phone number: a click-to-act button when click-to-act is on, plain text otherwise. */
function phone(
  host: Host,
  schema: EntitySchema,
  row: StoredRecord,
  attr: AttributeSchema,
): TemplateResult | string {
  const value = row[attr.logicalName];
  if (typeof value !== 'string' || !value) return '';
  const id = String(row[schema.primaryIdAttribute]);
  if (!host.clickToAct) return value;
  const name = asText(row[schema.primaryNameAttribute]);
  return html`<button
    type="button"
    class="link"
    data-click-to-act=${attr.logicalName}
    aria-label=${`Call ${value} (${attr.displayName}${name ? `, ${name}` : ''})`}
    @click=${() => void host.userClickToAct(schema.logicalName, id, attr.logicalName)}
  >
    ${value}
  </button>`;
}

function recordLink(host: Host, entity: string, id: string, label: string): TemplateResult {
  return html`<button
    type="button"
    class="link"
    @click=${() => host.userNavigate({ type: 'entityrecord', entityName: entity, entityId: id })}
  >
    ${label || '(no name)'}
  </button>`;
}

function cell(
  host: Host,
  schema: EntitySchema,
  row: StoredRecord,
  name: string,
): TemplateResult | string {
  const attr = schema.attributes[name];
  if (!attr) return '';
  const value = row[name];
  if (name === schema.primaryNameAttribute) {
    return recordLink(
      host,
      schema.logicalName,
      String(row[schema.primaryIdAttribute]),
      asText(value),
    );
  }
  if (attr.format === 'Phone') return phone(host, schema, row, attr);
  if (isLookup(attr) && value) {
    const lookup = value as LookupValue;
    return recordLink(host, lookup.logicalName, lookup.id, display(attr, value, host));
  }
  return display(attr, value, host);
}

function dashboard(host: Host): TemplateResult {
  const openCases = host.dataverse.query('incident', '$filter=statecode eq 0&$select=title').length;
  const calls = host.dataverse.query(
    'phonecall',
    '$orderby=createdon desc&$top=5&$select=subject,phonenumber,createdon',
  );
  return html`
    <h2>Dashboard</h2>
    <p class="subtitle">${host.config.org.appName} · ${host.config.user.name}</p>
    <div class="cif-emu-cards">
      ${SITEMAP.map((entity) => {
        const schema = schemas[entity]!;
        return html`<section class="cif-emu-card" aria-labelledby=${`card-${entity}`}>
          <h3 id=${`card-${entity}`}>${schema.displayCollectionName}</h3>
          <p>${host.dataverse.count(entity)} records</p>
          <button
            type="button"
            @click=${() => host.userNavigate({ type: 'entitylist', entityName: entity })}
          >
            Open ${schema.displayCollectionName}
          </button>
        </section>`;
      })}
      <section class="cif-emu-card" aria-labelledby="card-open-cases">
        <h3 id="card-open-cases">Open cases</h3>
        <p>${openCases}</p>
      </section>
      <section class="cif-emu-card" aria-labelledby="card-calls">
        <h3 id="card-calls">Latest phone calls</h3>
        <ul>
          ${calls.map(
            (c) =>
              html`<li>
                ${recordLink(host, 'phonecall', asText(c.activityid), asText(c.subject))}
                <span>${asText(c.phonenumber)}</span>
              </li>`,
          )}
        </ul>
      </section>
    </div>
  `;
}

function entityList(host: Host, page: Extract<Page, { type: 'entitylist' }>): TemplateResult {
  const schema = findSchema(page.entityName);
  if (!schema)
    return html`<h2>Unknown entity</h2>
      <p>No table named ${page.entityName}.</p>`;
  const rows = host.dataverse.rows(schema, {
    orderBy: [{ attribute: schema.primaryNameAttribute, descending: false }],
    top: 500,
  });
  const isKb = schema.logicalName === 'knowledgearticle';
  return html`
    <h2>${schema.displayCollectionName}</h2>
    <p class="subtitle">Active ${schema.displayCollectionName} · ${rows.length} records</p>
    <div class="cif-emu-actions">
      <button
        type="button"
        @click=${() => host.userNavigate({ type: 'entityrecord', entityName: schema.logicalName })}
      >
        New ${schema.displayName}
      </button>
    </div>
    <table>
      <caption class="visually-hidden">
        ${schema.displayCollectionName}
      </caption>
      <thead>
        <tr>
          ${schema.listColumns.map((c) => html`<th scope="col">${schema.attributes[c]?.displayName ?? c}</th>`)}
          ${isKb ? html`<th scope="col">Actions</th>` : nothing}
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (row) =>
            html`<tr>
              ${schema.listColumns.map((c) => html`<td>${cell(host, schema, row, c)}</td>`)}
              ${
                isKb
                  ? html`<td>
                      <button
                        type="button"
                        @click=${() => void host.userSendKbArticle(String(row.knowledgearticleid))}
                      >
                        Send<span class="visually-hidden"> ${asText(row.title)}</span>
                      </button>
                    </td>`
                  : nothing
              }
            </tr>`,
        )}
      </tbody>
    </table>
  `;
}

const EDITABLE: readonly string[] = [
  'String',
  'Memo',
  'Integer',
  'Decimal',
  'Money',
  'Boolean',
  'Picklist',
];

function fieldId(tab: Tab, name: string): string {
  return `f-${tab.id}-${name}`;
}

function formField(
  host: Host,
  ui: PageUiState,
  tab: Tab,
  schema: EntitySchema,
  row: StoredRecord | undefined,
  attr: AttributeSchema,
): TemplateResult {
  const draft = ui.drafts.get(tab.id) ?? {};
  const id = fieldId(tab, attr.logicalName);
  const stored =
    row?.[attr.logicalName] ??
    (tab.page.type === 'entityrecord' ? tab.page.parameters?.[attr.logicalName] : undefined);
  const value = attr.logicalName in draft ? draft[attr.logicalName] : stored;
  const set = (v: unknown) => {
    ui.drafts.set(tab.id, { ...(ui.drafts.get(tab.id) ?? {}), [attr.logicalName]: v });
  };
  if (!EDITABLE.includes(attr.type) || attr.readOnly) {
    let content: TemplateResult | string = display(attr, stored, host);
    if (row && isLookup(attr) && stored) {
      const lookup = stored as LookupValue;
      content = recordLink(host, lookup.logicalName, lookup.id, display(attr, stored, host));
    }
    if (!row && isLookup(attr) && tab.page.type === 'entityrecord') {
      const bound = Object.entries(tab.page.parameters ?? {}).find(
        ([k]) => k.startsWith(`${attr.logicalName}`) && k.endsWith('@odata.bind'),
      );
      if (bound) content = String(bound[1]);
    }
    return html`<div class="cif-emu-field">
      <span class="label" id=${id}>${attr.displayName}</span>
      <span aria-labelledby=${id}>${content || '—'}</span>
    </div>`;
  }
  let control: TemplateResult;
  if (attr.type === 'Memo') {
    control = html`<textarea
      id=${id}
      rows="3"
      .value=${live(asText(value))}
      @input=${(e: Event) => set((e.target as HTMLTextAreaElement).value)}
    ></textarea>`;
  } else if (attr.type === 'Boolean' || attr.type === 'Picklist') {
    const options =
      attr.type === 'Boolean'
        ? [
            { value: 0, label: attr.options?.[0]?.label ?? 'No' },
            { value: 1, label: attr.options?.[1]?.label ?? 'Yes' },
          ]
        : (attr.options ?? []);
    const current =
      value === null || value === undefined
        ? ''
        : asText(typeof value === 'boolean' ? Number(value) : value);
    control = html`<select
      id=${id}
      .value=${live(current)}
      @change=${(e: Event) => {
        const v = (e.target as HTMLSelectElement).value;
        set(v === '' ? null : attr.type === 'Boolean' ? v === '1' : Number(v));
      }}
    >
      <option value="">—</option>
      ${options.map((o) => html`<option value=${String(o.value)} ?selected=${String(o.value) === current}>${o.label}</option>`)}
    </select>`;
  } else if (attr.type === 'Integer' || attr.type === 'Decimal' || attr.type === 'Money') {
    control = html`<input
      id=${id}
      type="number"
      .value=${live(value === null || value === undefined ? '' : asText(value))}
      @input=${(e: Event) => {
        const v = (e.target as HTMLInputElement).value;
        set(v === '' ? null : Number(v));
      }}
    />`;
  } else {
    control = html`<input
      id=${id}
      type=${attr.format === 'Email' ? 'email' : attr.format === 'Url' ? 'url' : attr.format === 'Phone' ? 'tel' : 'text'}
      .value=${live(asText(value))}
      @input=${(e: Event) => set((e.target as HTMLInputElement).value)}
    />`;
  }
  const action = attr.format === 'Phone' && row ? phoneAction(host, schema, row, attr) : nothing;
  return html`<div class="cif-emu-field">
    <label for=${id}>${attr.displayName}</label>
    <div class="with-action">${control}${action}</div>
  </div>`;
}

function phoneAction(
  host: Host,
  schema: EntitySchema,
  row: StoredRecord,
  attr: AttributeSchema,
): TemplateResult | typeof nothing {
  const value = row[attr.logicalName];
  if (!host.clickToAct || typeof value !== 'string' || !value) return nothing;
  return html`<button
    type="button"
    data-click-to-act=${attr.logicalName}
    aria-label=${`Call ${value} (${attr.displayName})`}
    @click=${() => void host.userClickToAct(schema.logicalName, String(row[schema.primaryIdAttribute]), attr.logicalName)}
  >
    Call
  </button>`;
}

function related(host: Host, schema: EntitySchema, id: string): TemplateResult | typeof nothing {
  const sections: TemplateResult[] = [];
  const list = (title: string, entity: string, filter: string) => {
    const target = schemas[entity]!;
    const rows = host.dataverse.query(entity, `$filter=${filter}&$top=20`);
    sections.push(
      html`<section class="cif-emu-card" aria-label=${title}>
        <h3>${title}</h3>
        ${
          rows.length
            ? html`<ul>
                ${rows.map((r) => html`<li>${recordLink(host, entity, asText(r[target.primaryIdAttribute]), asText(r[target.primaryNameAttribute]))}</li>`)}
              </ul>`
            : html`<p>None</p>`
        }
      </section>`,
    );
  };
  if (schema.logicalName === 'account') {
    list('Contacts', 'contact', `_parentcustomerid_value eq ${id}`);
    list('Cases', 'incident', `_customerid_value eq ${id}`);
  }
  if (schema.logicalName === 'contact') {
    list('Cases', 'incident', `_primarycontactid_value eq ${id}`);
    list('Phone calls', 'phonecall', `_regardingobjectid_value eq ${id}`);
  }
  if (schema.logicalName === 'incident') {
    const articles = host.dataverse.query('knowledgearticle', '$select=title&$top=5');
    sections.push(
      html`<section class="cif-emu-card" aria-label="Knowledge search">
        <h3>Knowledge search</h3>
        <ul>
          ${articles.map(
            (a) =>
              html`<li>
                ${asText(a.title)}
                <button
                  type="button"
                  @click=${() => void host.userSendKbArticle(String(a.knowledgearticleid))}
                >
                  Send<span class="visually-hidden"> ${asText(a.title)}</span>
                </button>
              </li>`,
          )}
        </ul>
      </section>`,
    );
  }
  if (schema.logicalName === 'knowledgearticle') {
    sections.push(
      html`<div class="cif-emu-actions">
        <button type="button" class="primary" @click=${() => void host.userSendKbArticle(id)}>
          Send article
        </button>
      </div>`,
    );
  }
  return sections.length ? html`<div class="cif-emu-cards">${sections}</div>` : nothing;
}

function record(
  host: Host,
  ui: PageUiState,
  tab: Tab,
  page: Extract<Page, { type: 'entityrecord' }>,
): TemplateResult {
  const schema = findSchema(page.entityName);
  if (!schema)
    return html`<h2>Unknown entity</h2>
      <p>No table named ${page.entityName}.</p>`;
  const row = page.entityId ? host.dataverse.get(schema.logicalName, page.entityId) : undefined;
  if (page.entityId && !row) {
    return html`<h2>Record not found</h2>
      <p>${schema.displayName} ${page.entityId} does not exist (it may have been deleted).</p>`;
  }
  const fields = Object.values(schema.attributes).filter(
    (a) =>
      a.type !== 'Uniqueidentifier' &&
      !['createdon', 'modifiedon', 'statuscode'].includes(a.logicalName),
  );
  const message = ui.formMessages.get(tab.id);
  const save = () => {
    const draft = ui.drafts.get(tab.id) ?? {};
    const values: Record<string, unknown> = row
      ? { ...draft }
      : { ...(page.parameters ?? {}), ...draft };
    const result = host.userSaveForm(tab, values);
    if (result.ok) {
      ui.drafts.delete(tab.id);
      ui.formMessages.set(tab.id, 'Saved.');
    } else ui.formMessages.set(tab.id, result.message);
    ui.requestRender();
  };
  const title = row
    ? asText(row[schema.primaryNameAttribute]) || '(no name)'
    : `New ${schema.displayName}${page.quickCreate ? ' (quick create)' : ''}`;
  return html`
    <h2>${title}</h2>
    <p class="subtitle">
      ${schema.displayName}${row && page.formId ? html` · form ${page.formId}` : nothing}
    </p>
    <form
      class="cif-emu-record"
      aria-label=${`${schema.displayName} form`}
      @submit=${(e: Event) => {
        e.preventDefault();
        save();
      }}
    >
      <div class="cif-emu-actions">
        <button type="submit" class="primary">Save</button>
        ${
          row
            ? nothing
            : html`<button
                type="button"
                @click=${() => {
                  ui.drafts.delete(tab.id);
                  host.userCancelForm(tab);
                }}
              >
                Cancel
              </button>`
        }
        ${message ? html`<span role="status">${message}</span>` : nothing}
      </div>
      <div class="cif-emu-form">${fields.map((a) => formField(host, ui, tab, schema, row, a))}</div>
    </form>
    ${row ? related(host, schema, String(row[schema.primaryIdAttribute])) : nothing}
  `;
}

function search(
  host: Host,
  ui: PageUiState,
  tab: Tab,
  page: Extract<Page, { type: 'search' }>,
): TemplateResult {
  const text = ui.searchText.get(tab.id) ?? page.searchText;
  const entities = page.entityNames?.length
    ? page.entityNames
    : ['account', 'contact', 'lead', 'incident'];
  const hits = text.trim()
    ? host.dataverse.search(text, [
        ...new Set([...entities, 'account', 'contact', 'lead', 'incident']),
      ])
    : [];
  const inputId = `search-${tab.id}`;
  return html`
    <h2>Search</h2>
    <form
      role="search"
      class="cif-emu-actions"
      @submit=${(e: Event) => {
        e.preventDefault();
        host.userNavigate({
          type: 'search',
          searchText: ui.searchText.get(tab.id) ?? text,
          searchType: page.searchType,
          ...(page.entityNames ? { entityNames: page.entityNames } : {}),
        });
        ui.searchText.delete(tab.id);
      }}
    >
      <label for=${inputId}>Search text</label>
      <input
        id=${inputId}
        type="search"
        .value=${live(text)}
        @input=${(e: Event) => ui.searchText.set(tab.id, (e.target as HTMLInputElement).value)}
      />
      <button type="submit">Search</button>
    </form>
    <p class="subtitle" role="status">
      ${hits.length} results${page.searchType === 0 ? ' (relevance)' : ' (categorized)'}
    </p>
    <table>
      <caption class="visually-hidden">
        Search results
      </caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Type</th>
          <th scope="col">Phone</th>
        </tr>
      </thead>
      <tbody>
        ${hits.slice(0, 200).map(({ entity, record: r }) => {
          const s = schemas[entity]!;
          const id = String(r[s.primaryIdAttribute]);
          const row = host.dataverse.get(entity, id) ?? {};
          const phoneAttr = s.attributes.telephone1 ?? s.attributes.mobilephone;
          return html`<tr>
            <td>${recordLink(host, entity, id, asText(r[s.primaryNameAttribute]))}</td>
            <td>${s.displayName}</td>
            <td>${phoneAttr ? phone(host, s, row, phoneAttr) : ''}</td>
          </tr>`;
        })}
      </tbody>
    </table>
  `;
}

function webResource(
  host: Host,
  ui: PageUiState,
  page: Extract<Page, { type: 'webresource' }>,
): TemplateResult {
  const url = host.config.webResources[page.name];
  if (!url) {
    return html`<h2>${page.name || 'Web resource'}</h2>
      <p>
        The web resource <code>${page.name}</code> is not configured (add it to
        <code>webResources</code>).
      </p>
      ${page.data ? html`<p>data: <code>${page.data}</code></p>` : nothing}`;
  }
  const src = new URL(url);
  if (page.data) src.searchParams.set('data', page.data);
  return html`${ui.frames.get(`webresource|${src.href}`, {
    title: `Web resource ${page.name}`,
    src: src.href,
    sandbox: 'allow-scripts allow-forms allow-same-origin',
    className: 'cif-emu-embed',
  })}`;
}

function urlPage(ui: PageUiState, page: Extract<Page, { type: 'url' }>): TemplateResult {
  let safe = '';
  try {
    const parsed = new URL(page.url);
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') safe = parsed.href;
  } catch {
    // not a URL
  }
  if (!safe)
    return html`<h2>Website</h2>
      <p>Not an http(s) URL: <code>${page.url}</code></p>`;
  return html`${ui.frames.get(`url|${safe}`, {
    title: `Website ${safe}`,
    src: safe,
    sandbox: 'allow-scripts allow-forms allow-popups',
    className: 'cif-emu-embed',
  })}`;
}

/** The content of a tab. */
export function renderPage(host: Host, ui: PageUiState, tab: Tab): TemplateResult {
  const page = tab.page;
  switch (page.type) {
    case 'dashboard':
      return dashboard(host);
    case 'entitylist':
      return entityList(host, page);
    case 'entityrecord':
      return record(host, ui, tab, page);
    case 'search':
      return search(host, ui, tab, page);
    case 'webresource':
      return webResource(host, ui, page);
    case 'url':
      return urlPage(ui, page);
  }
}
