/**
 * An in-memory Dataverse: create, retrieve, update, delete and query over the entities of {@link schemas},
 * answering Web API JSON (lookups as `_x_value` with their annotations) and Dataverse's error texts.
 */
import {
  DataverseError,
  badGuid,
  badQuery,
  notFound,
  undeclaredProperty,
  unknownEntity,
} from './errors.js';
import {
  MAX_PAGE_SIZE,
  evaluateFilter,
  fold,
  parseQueryOptions,
  type EdmType,
  type ExpandItem,
  type QueryOptions,
} from './odata.js';
import {
  findSchema,
  navigationName,
  resolveNavigation,
  schemas,
  type AttributeSchema,
  type EntitySchema,
} from './schema.js';
import { asText } from '../text.js';

/** A lookup value as stored. */
export interface LookupValue {
  id: string;
  logicalName: string;
}

/** A stored row: column logical name → value (lookups as {@link LookupValue}). */
export type StoredRecord = Record<string, unknown>;

/** A Web API JSON record. */
export type WebApiRecord = Record<string, unknown>;

/** Something that happened to the data, for the host's UI and the inspector. */
export interface DataverseChange {
  type: 'create' | 'update' | 'delete' | 'reset';
  entity?: string;
  id?: string;
}

const GUID =
  /^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$/;
const FORMATTED = '@OData.Community.Display.V1.FormattedValue';
const LOGICAL = '@Microsoft.Dynamics.CRM.lookuplogicalname';
const NAVIGATION = '@Microsoft.Dynamics.CRM.associatednavigationproperty';
const STORAGE_VERSION = 1;

/** Normalises a GUID (braces, case); throws the Dataverse error when it is not one. */
export function parseGuid(value: unknown): string {
  const m = typeof value === 'string' ? GUID.exec(value.trim()) : null;
  if (!m) throw badGuid(String(value));
  return m[1]!.toLowerCase();
}

/** A random v4 GUID. */
export function newGuid(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function')
    return crypto.randomUUID();
  return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (c) => {
    const r = (Math.random() * 16) | 0;
    return (c === 'x' ? r : (r & 3) | 8).toString(16);
  });
}

/** Options of a {@link Dataverse}. */
export interface DataverseOptions {
  /** Rows loaded by {@link Dataverse.reset}, in Web API JSON per entity logical name. */
  seed?: () => Record<string, Record<string, unknown>[]>;
  /** Where to keep changes across reloads; none by default. */
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  storageKey?: string;
  /** The current time (tests pass a fixed clock). */
  now?: () => Date;
}

/** The in-memory Dataverse. */
export class Dataverse {
  #tables = new Map<string, Map<string, StoredRecord>>();
  #listeners = new Set<(change: DataverseChange) => void>();
  #options: DataverseOptions;
  #ticket = 1000;
  #version = 1;
  /** Warnings from the last seed (rows that could not be loaded). */
  seedWarnings: string[] = [];

  constructor(options: DataverseOptions = {}) {
    this.#options = options;
    if (!this.#load()) this.reset();
  }

  /** Registers a change listener; returns its remover. */
  subscribe(listener: (change: DataverseChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Drops every change and loads the seed again (and clears the stored copy). */
  reset(): void {
    this.#tables.clear();
    for (const name of Object.keys(schemas)) this.#tables.set(name, new Map());
    this.seedWarnings = [];
    const seed = this.#options.seed?.() ?? {};
    // Two passes: rows first without lookups, so rows can point at rows seeded later.
    const pending: { entity: string; row: Record<string, unknown> }[] = [];
    for (const [entity, rows] of Object.entries(seed)) {
      for (const row of rows) pending.push({ entity, row });
    }
    const withLookups: typeof pending = [];
    for (const item of pending) {
      const schema = findSchema(item.entity);
      if (!schema) {
        this.seedWarnings.push(`seed: unknown entity '${item.entity}'`);
        continue;
      }
      const plain: Record<string, unknown> = {};
      let hasLookups = false;
      for (const [key, value] of Object.entries(item.row)) {
        if (key.includes('@odata.bind') || Array.isArray(value)) hasLookups = true;
        else plain[key] = value;
      }
      try {
        const id = this.#insert(schema, plain, false);
        if (hasLookups)
          withLookups.push({
            entity: schema.logicalName,
            row: { ...item.row, [schema.primaryIdAttribute]: id },
          });
      } catch (error) {
        this.seedWarnings.push(`seed ${item.entity}: ${(error as Error).message}`);
      }
    }
    for (const item of withLookups) {
      const schema = findSchema(item.entity)!;
      const id = item.row[schema.primaryIdAttribute] as string;
      const { [schema.primaryIdAttribute]: _omit, ...rest } = item.row;
      const binds: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(rest)) {
        if (key.includes('@odata.bind') || Array.isArray(value)) binds[key] = value;
      }
      try {
        this.#write(schema, id, binds, false);
      } catch (error) {
        this.seedWarnings.push(`seed ${item.entity}: ${(error as Error).message}`);
      }
    }
    this.#options.storage?.removeItem(this.#storageKey);
    this.#emit({ type: 'reset' });
  }

  /** Entity schema by logical or set name; throws the Dataverse error when unknown. */
  schema(entity: unknown): EntitySchema {
    const schema = typeof entity === 'string' ? findSchema(entity) : undefined;
    if (!schema) throw unknownEntity(String(entity));
    return schema;
  }

  /** Number of rows of an entity. */
  count(entity: string): number {
    return this.#table(this.schema(entity)).size;
  }

  /** Creates a row from Web API JSON (lookups as `nav@odata.bind`, deep insert of activity parties). */
  create(entity: string, data: Record<string, unknown>): string {
    const schema = this.schema(entity);
    if (typeof data !== 'object' || data === null || Array.isArray(data))
      throw badQuery('The request body must be a JSON object.');
    const id = this.#insert(schema, data, true);
    this.#emit({ type: 'create', entity: schema.logicalName, id });
    return id;
  }

  /** Updates a row; throws when it does not exist. */
  update(entity: string, id: string, data: Record<string, unknown>): string {
    const schema = this.schema(entity);
    const key = parseGuid(id);
    if (!this.#table(schema).has(key)) throw notFound(schema.logicalName, key);
    if (typeof data !== 'object' || data === null || Array.isArray(data))
      throw badQuery('The request body must be a JSON object.');
    this.#write(schema, key, data, true);
    this.#emit({ type: 'update', entity: schema.logicalName, id: key });
    return key;
  }

  /** Deletes a row (and its activity parties). */
  delete(entity: string, id: string): string {
    const schema = this.schema(entity);
    const key = parseGuid(id);
    const table = this.#table(schema);
    if (!table.delete(key)) throw notFound(schema.logicalName, key);
    for (const [child, rel] of Object.entries(schema.collections)) {
      void child;
      const childTable = this.#tables.get(rel.entity);
      for (const [childId, row] of childTable ?? []) {
        if ((row[rel.attribute] as LookupValue | undefined)?.id === key)
          childTable?.delete(childId);
      }
    }
    this.#save();
    this.#emit({ type: 'delete', entity: schema.logicalName, id: key });
    return key;
  }

  /** Retrieves one row as Web API JSON; `query` may hold `$select` and `$expand`. */
  retrieve(entity: string, id: string, query?: string | null): WebApiRecord {
    const schema = this.schema(entity);
    const key = parseGuid(id);
    const options = this.#options$(schema, query);
    if (
      options.filter ||
      options.top !== undefined ||
      options.orderBy ||
      options.search !== undefined
    ) {
      throw badQuery('Only $select and $expand can be used when retrieving a single record.');
    }
    const row = this.#table(schema).get(key);
    if (!row) throw notFound(schema.logicalName, key);
    return this.#project(schema, row, options.select, options.expand);
  }

  /** The stored row (not projected), or undefined. */
  get(entity: string, id: string): StoredRecord | undefined {
    const schema = findSchema(entity);
    const key = typeof id === 'string' ? GUID.exec(id.trim())?.[1]?.toLowerCase() : undefined;
    return schema && key ? this.#table(schema).get(key) : undefined;
  }

  /** The primary name of a row ('' when missing). */
  nameOf(entity: string, id: string): string {
    const schema = findSchema(entity);
    const row = schema && this.get(entity, id);
    return row && schema ? asText(row[schema.primaryNameAttribute]) : '';
  }

  /** Runs a query (`$select`, `$filter`, `$search`, `$orderby`, `$top`, `$expand`). */
  query(entity: string, query?: string | null): WebApiRecord[] {
    const schema = this.schema(entity);
    const options = this.#options$(schema, query);
    return this.rows(schema, options).map((row) =>
      this.#project(schema, row, options.select, options.expand),
    );
  }

  /** Rows matching parsed options, ordered and limited, unprojected. */
  rows(schema: EntitySchema, options: QueryOptions): StoredRecord[] {
    let rows = [...this.#table(schema).values()];
    if (options.filter) {
      const filter = options.filter;
      rows = rows.filter((row) =>
        evaluateFilter(filter, (attr, type) => readValue(row, attr, type)),
      );
    }
    if (options.search !== undefined) rows = this.#search(schema, rows, options.search);
    if (options.orderBy?.length) {
      const order = options.orderBy.map((o) => ({ ...o, ...resolveOrder(schema, o.attribute) }));
      rows.sort((a, b) => {
        for (const o of order) {
          const c = compareForSort(readValue(a, o.attr, o.type), readValue(b, o.attr, o.type));
          if (c !== 0) return o.descending ? -c : c;
        }
        return 0;
      });
    }
    return rows.slice(0, Math.min(options.top ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE));
  }

  /** Relevance search across the searchable columns of some entities (the global search page). */
  search(
    text: string,
    entities: string[] = ['account', 'contact', 'lead', 'incident'],
  ): { entity: string; record: WebApiRecord }[] {
    const out: { entity: string; record: WebApiRecord; score: number }[] = [];
    for (const name of entities) {
      const schema = findSchema(name);
      if (!schema) continue;
      for (const row of this.#search(schema, [...this.#table(schema).values()], text)) {
        out.push({
          entity: schema.logicalName,
          record: this.#project(schema, row),
          score: scoreRow(schema, row, terms(text)),
        });
      }
    }
    return out.sort((a, b) => b.score - a.score).map(({ entity, record }) => ({ entity, record }));
  }

  /** Parses query options for an entity (throws Dataverse errors). */
  parseOptions(entity: string, query?: string | null): QueryOptions {
    return this.#options$(this.schema(entity), query);
  }

  /** Serialises all rows (for persistence and export). */
  snapshot(): Record<string, StoredRecord[]> {
    const out: Record<string, StoredRecord[]> = {};
    for (const [name, table] of this.#tables) out[name] = [...table.values()];
    return out;
  }

  #options$(schema: EntitySchema, query?: string | null): QueryOptions {
    return parseQueryOptions(query, schema, (navigation) => {
      const single = resolveNavigation(schema, navigation);
      if (single) return this.schema(single.target);
      const collection = schema.collections[navigation];
      if (collection) return this.schema(collection.entity);
      throw badQuery(
        `Could not find a property named '${navigation}' on type 'Microsoft.Dynamics.CRM.${schema.logicalName}'.`,
      );
    });
  }

  #table(schema: EntitySchema): Map<string, StoredRecord> {
    let table = this.#tables.get(schema.logicalName);
    if (!table) this.#tables.set(schema.logicalName, (table = new Map<string, StoredRecord>()));
    return table;
  }

  #insert(schema: EntitySchema, data: Record<string, unknown>, save: boolean): string {
    const given = data[schema.primaryIdAttribute];
    const id = given === undefined || given === null ? newGuid() : parseGuid(given);
    const table = this.#table(schema);
    if (table.has(id)) {
      throw new DataverseError('Cannot insert duplicate key.', '0x80040237', 412);
    }
    const now = this.#now();
    const row: StoredRecord = { [schema.primaryIdAttribute]: id };
    for (const attr of Object.values(schema.attributes)) {
      if (!(attr.logicalName in row)) row[attr.logicalName] = null;
    }
    if ('statecode' in schema.attributes) row.statecode = 0;
    if ('statuscode' in schema.attributes) row.statuscode = 1;
    if ('createdon' in schema.attributes) row.createdon = now;
    if ('modifiedon' in schema.attributes) row.modifiedon = now;
    if (schema.logicalName === 'incident')
      row.ticketnumber = `CAS-${String(++this.#ticket).padStart(5, '0')}-${id.slice(0, 6).toUpperCase()}`;
    const { [schema.primaryIdAttribute]: _id, ...rest } = data;
    // Validate everything before storing anything: a failed create leaves no row behind.
    const staged = { ...row };
    const children = this.#apply(schema, staged, rest);
    table.set(id, staged);
    for (const child of children) {
      try {
        this.#insert(
          this.schema(child.entity),
          {
            ...child.data,
            [`${child.attribute}_${schema.logicalName}@odata.bind`]: `/${schema.entitySetName}(${id})`,
          },
          false,
        );
      } catch (error) {
        table.delete(id);
        throw error;
      }
    }
    if (save) this.#save();
    return id;
  }

  #write(schema: EntitySchema, id: string, data: Record<string, unknown>, save: boolean): void {
    const table = this.#table(schema);
    const current = table.get(id)!;
    const staged = { ...current };
    const children = this.#apply(schema, staged, data);
    if ('modifiedon' in schema.attributes) staged.modifiedon = this.#now();
    table.set(id, staged);
    for (const child of children) {
      this.#insert(
        this.schema(child.entity),
        {
          ...child.data,
          [`${child.attribute}_${schema.logicalName}@odata.bind`]: `/${schema.entitySetName}(${id})`,
        },
        false,
      );
    }
    if (save) this.#save();
  }

  /** Validates and applies Web API JSON onto a staged row; returns deep-insert children. */
  #apply(schema: EntitySchema, row: StoredRecord, data: Record<string, unknown>) {
    const children: { entity: string; attribute: string; data: Record<string, unknown> }[] = [];
    for (const [key, value] of Object.entries(data)) {
      if (key.startsWith('@odata.')) continue;
      const bind = /^(.+)@odata\.bind$/.exec(key);
      if (bind) {
        const nav = resolveNavigation(schema, bind[1]!) ?? resolveActivityBind(schema, bind[1]!);
        if (!nav) throw undeclaredProperty(bind[1]!, schema.logicalName);
        if (value === null) {
          row[nav.attribute.logicalName] = null;
          continue;
        }
        row[nav.attribute.logicalName] = this.#bind(nav.target, value);
        continue;
      }
      if (key.includes('@')) continue; // annotations sent back by a client are ignored
      const collection = schema.collections[key];
      if (collection) {
        if (!Array.isArray(value)) throw badQuery(`The value of '${key}' must be an array.`);
        for (const item of value) {
          if (typeof item !== 'object' || item === null || Array.isArray(item))
            throw badQuery(`Each item of '${key}' must be an object.`);
          children.push({
            entity: collection.entity,
            attribute: collection.attribute,
            data: item as Record<string, unknown>,
          });
        }
        continue;
      }
      const attr = Object.prototype.hasOwnProperty.call(schema.attributes, key)
        ? schema.attributes[key]
        : undefined;
      if (!attr || attr.type === 'Uniqueidentifier')
        throw undeclaredProperty(key, schema.logicalName);
      if (attr.type === 'Lookup' || attr.type === 'Customer' || attr.type === 'Owner') {
        throw badQuery(
          `An undeclared property '${key}' which only has property annotations in the payload but no property value was found in the payload. In OData, only declared navigation properties and declared named streams can be represented as properties without values. Use '${navigationName(schema, attr, attr.targets?.[0] ?? '')}@odata.bind' to set a lookup.`,
        );
      }
      if (attr.readOnly) continue;
      row[attr.logicalName] = coerce(attr, value, schema);
    }
    const first = row.firstname;
    const last = row.lastname;
    if ('fullname' in schema.attributes && schema.attributes.fullname?.readOnly) {
      row.fullname = [first, last].filter((x) => typeof x === 'string' && x).join(' ') || null;
    }
    if (schema.attributes.address1_composite?.readOnly) row.address1_composite = composite(row);
    return children;
  }

  #bind(target: string, value: unknown): LookupValue {
    const targetSchema = this.schema(target);
    if (typeof value !== 'string')
      throw badQuery('The value of an @odata.bind annotation must be a string.');
    const m = /(?:^|\/)([A-Za-z_][A-Za-z0-9_]*)\(([^)]*)\)\s*$/.exec(value.trim());
    if (!m)
      throw badQuery(
        `The @odata.bind value '${value.slice(0, 200)}' is not a valid entity reference such as '/${targetSchema.entitySetName}(00000000-0000-0000-0000-000000000000)'.`,
      );
    const setName = m[1]!;
    const set = findSchema(setName);
    if (set?.entitySetName !== setName)
      throw badQuery(`Resource not found for the segment '${setName}'.`);
    if (set.logicalName !== targetSchema.logicalName) {
      throw badQuery(
        `A navigation property of type '${targetSchema.logicalName}' cannot point to '${setName}'.`,
      );
    }
    const id = parseGuid(m[2]);
    if (!this.#table(set).has(id)) throw notFound(set.logicalName, id);
    return { id, logicalName: set.logicalName };
  }

  #project(
    schema: EntitySchema,
    row: StoredRecord,
    select?: string[],
    expand?: ExpandItem[],
  ): WebApiRecord {
    const out: WebApiRecord = { '@odata.etag': `W/"${this.#etag(row)}"` };
    const names = select ?? Object.keys(schema.attributes);
    const include = new Set([
      schema.primaryIdAttribute,
      ...names.map((n) => n.replace(/^_(.+)_value$/, '$1')),
    ]);
    for (const name of include) {
      const attr = schema.attributes[name];
      if (!attr) continue;
      const value = row[name];
      if (attr.type === 'Lookup' || attr.type === 'Customer' || attr.type === 'Owner') {
        const key = `_${name}_value`;
        const lookup = value as LookupValue | null | undefined;
        out[key] = lookup?.id ?? null;
        if (lookup) {
          out[`${key}${FORMATTED}`] = this.nameOf(lookup.logicalName, lookup.id);
          out[`${key}${NAVIGATION}`] = navigationName(schema, attr, lookup.logicalName);
          out[`${key}${LOGICAL}`] = lookup.logicalName;
        }
        continue;
      }
      out[name] = value ?? null;
      const formatted = formatValue(attr, value);
      if (formatted !== undefined) out[`${name}${FORMATTED}`] = formatted;
    }
    for (const item of expand ?? []) {
      const single = resolveNavigation(schema, item.navigation);
      if (single) {
        const lookup = row[single.attribute.logicalName] as LookupValue | null;
        const target = this.schema(single.target);
        const related =
          lookup?.logicalName === target.logicalName
            ? this.#table(target).get(lookup.id)
            : undefined;
        out[item.navigation] = related ? this.#project(target, related, item.select) : null;
        continue;
      }
      const collection = schema.collections[item.navigation];
      if (collection) {
        const childSchema = this.schema(collection.entity);
        const id = row[schema.primaryIdAttribute];
        out[item.navigation] = [...this.#table(childSchema).values()]
          .filter((child) => (child[collection.attribute] as LookupValue | null)?.id === id)
          .map((child) => this.#project(childSchema, child, item.select));
      }
    }
    return out;
  }

  #search(schema: EntitySchema, rows: StoredRecord[], text: string): StoredRecord[] {
    const list = terms(text);
    if (!list.length) return rows;
    return rows
      .map((row) => ({ row, score: scoreRow(schema, row, list) }))
      .filter((x) => x.score > 0)
      .sort((a, b) => b.score - a.score)
      .map((x) => x.row);
  }

  #etag(row: StoredRecord): number {
    const text = asText(row.modifiedon) + asText(Object.keys(row).length);
    let h = 0;
    for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) | 0;
    return Math.abs(h) + this.#version;
  }

  #now(): string {
    return (this.#options.now?.() ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  get #storageKey(): string {
    return this.#options.storageKey ?? 'cif-emulator:dataverse';
  }

  #save(): void {
    this.#version++;
    const storage = this.#options.storage;
    if (!storage) return;
    try {
      storage.setItem(
        this.#storageKey,
        JSON.stringify({ version: STORAGE_VERSION, tables: this.snapshot(), ticket: this.#ticket }),
      );
    } catch {
      // quota exceeded or storage disabled: keep working in memory
    }
  }

  #load(): boolean {
    const storage = this.#options.storage;
    if (!storage) return false;
    try {
      const text = storage.getItem(this.#storageKey);
      if (!text) return false;
      const data = JSON.parse(text) as {
        version?: number;
        tables?: Record<string, StoredRecord[]>;
        ticket?: number;
      };
      if (data.version !== STORAGE_VERSION || !data.tables) return false;
      this.#tables.clear();
      for (const name of Object.keys(schemas)) {
        const schema = schemas[name]!;
        const table = new Map<string, StoredRecord>();
        for (const row of data.tables[name] ?? []) {
          const id = row[schema.primaryIdAttribute];
          if (typeof id === 'string') table.set(id, row);
        }
        this.#tables.set(name, table);
      }
      this.#ticket = typeof data.ticket === 'number' ? data.ticket : this.#ticket;
      return true;
    } catch {
      return false;
    }
  }

  #emit(change: DataverseChange): void {
    for (const listener of this.#listeners) {
      try {
        listener(change);
      } catch (error) {
        console.error('[cif-emulator] Dataverse listener failed', error);
      }
    }
  }
}

/**
 * `<lookup>_<target>` binds (`regardingobjectid_contact@odata.bind`, `activityid_phonecall@odata.bind`):
 * the names of activitypointer's and activityparty's navigation properties, also accepted on an activity
 * whose own name is `regardingobjectid_contact_phonecall`.
 */
function resolveActivityBind(
  schema: EntitySchema,
  name: string,
): { attribute: AttributeSchema; target: string } | undefined {
  const m = /^(.+)_([a-z_]+)$/.exec(name);
  if (!m) return undefined;
  const attr = schema.attributes[m[1]!];
  if (attr?.targets?.includes(m[2]!)) return { attribute: attr, target: m[2]! };
  return undefined;
}

/** Address 1 as Dataverse composes it: street lines, `city, state postal code`, country (CRLF-separated). */
function composite(row: StoredRecord): string | null {
  const part = (name: string) => {
    const value = row[`address1_${name}`];
    return typeof value === 'string' && value.trim() ? value.trim() : '';
  };
  const region = [part('stateorprovince'), part('postalcode')].filter(Boolean).join(' ');
  const locality = [part('city'), region].filter(Boolean).join(', ');
  const lines = [part('line1'), part('line2'), locality, part('country')].filter(Boolean);
  return lines.length ? lines.join('\r\n') : null;
}

function coerce(attr: AttributeSchema, value: unknown, schema: EntitySchema): unknown {
  if (value === null || value === undefined) return null;
  const invalid = (edm: string) =>
    badQuery(
      `Cannot convert the literal '${String(JSON.stringify(value)).slice(0, 100)}' to the expected type '${edm}'.`,
    );
  switch (attr.type) {
    case 'String':
    case 'Memo': {
      if (typeof value !== 'string') throw invalid('Edm.String');
      if (attr.maxLength && value.length > attr.maxLength) {
        throw badQuery(
          `A validation error occurred. The length of the '${attr.logicalName}' attribute of the '${schema.logicalName}' entity exceeded the maximum allowed length of '${attr.maxLength}'.`,
        );
      }
      return value === '' ? null : value;
    }
    case 'Integer':
    case 'Picklist':
    case 'State':
    case 'Status': {
      if (typeof value !== 'number' || !Number.isInteger(value)) throw invalid('Edm.Int32');
      if (attr.options?.length && !attr.options.some((o) => o.value === value)) {
        throw badQuery(
          `A validation error occurred. The value ${value} of '${attr.logicalName}' on record of type '${schema.logicalName}' is outside the valid range.`,
        );
      }
      return value;
    }
    case 'Decimal':
    case 'Money':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw invalid('Edm.Decimal');
      return value;
    case 'Boolean':
      if (typeof value !== 'boolean') throw invalid('Edm.Boolean');
      return value;
    case 'DateTime': {
      if (typeof value !== 'string' || Number.isNaN(Date.parse(value)))
        throw invalid('Edm.DateTimeOffset');
      return new Date(value).toISOString().replace(/\.\d{3}Z$/, 'Z');
    }
    default:
      throw invalid('Edm.String');
  }
}

function formatValue(attr: AttributeSchema, value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (attr.options && (typeof value === 'number' || typeof value === 'boolean')) {
    const key = typeof value === 'boolean' ? Number(value) : value;
    return attr.options.find((o) => o.value === key)?.label ?? String(value);
  }
  if (attr.type === 'Boolean') return value ? 'Yes' : 'No';
  if (attr.type === 'Money' && typeof value === 'number')
    return `$${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  if (attr.type === 'Integer' && typeof value === 'number') return value.toLocaleString('en-US');
  if (attr.type === 'DateTime' && typeof value === 'string') {
    const d = new Date(value);
    return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${d.getUTCHours() % 12 || 12}:${String(d.getUTCMinutes()).padStart(2, '0')} ${d.getUTCHours() < 12 ? 'AM' : 'PM'}`;
  }
  return undefined;
}

function readValue(
  row: StoredRecord,
  attribute: string,
  type: EdmType,
): string | number | boolean | null {
  const value = row[attribute];
  if (value === null || value === undefined) return null;
  if (typeof value === 'object') return (value as LookupValue).id ?? null;
  if (type === 'Edm.DateTimeOffset' && typeof value === 'string') return Date.parse(value);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  return null;
}

function resolveOrder(schema: EntitySchema, name: string): { attr: string; type: EdmType } {
  const lookup = /^_(.+)_value$/.exec(name);
  if (lookup) return { attr: lookup[1]!, type: 'Edm.Guid' };
  const attr = schema.attributes[name]!;
  return { attr: name, type: attr.type === 'DateTime' ? 'Edm.DateTimeOffset' : 'Edm.String' };
}

function compareForSort(
  a: string | number | boolean | null,
  b: string | number | boolean | null,
): number {
  if (a === null && b === null) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === 'string' && typeof b === 'string') return fold(a).localeCompare(fold(b));
  return Number(a) - Number(b);
}

/** Search terms: words, `*` wildcards kept; quotes group a phrase. */
function terms(text: string): string[] {
  const out: string[] = [];
  const re = /"([^"]*)"|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const term = fold((m[1] ?? m[2] ?? '').replace(/^[+|]/, ''));
    if (term && term !== '*' && term !== 'and' && term !== 'or') out.push(term);
  }
  return out;
}

function scoreRow(schema: EntitySchema, row: StoredRecord, list: string[]): number {
  const fields = Object.values(schema.attributes)
    .filter((a) => a.searchable)
    .map((a) => row[a.logicalName])
    .filter((v): v is string => typeof v === 'string')
    .map(fold);
  let score = 0;
  for (const term of list) {
    const pattern = term.includes('*')
      ? new RegExp(term.split('*').map(escapeRe).join('.*'))
      : undefined;
    const hits = fields.filter((f) => (pattern ? pattern.test(f) : f.includes(term))).length;
    if (hits === 0) return 0;
    score += hits + (fields.some((f) => f === term || f.startsWith(term)) ? 1 : 0);
  }
  return score;
}

function escapeRe(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
