/**
 * Caller matching: finds the records whose phone numbers are the caller's number. Candidates come from
 * `searchAndOpenRecords` in search-only mode (never opening anything), filtered by the ways a number is
 * commonly stored; every candidate is then confirmed by comparing normalised E.164 numbers, so a
 * substring overlap (`555 0129` inside `+1 619 555 0129`) never counts as a match.
 */
import type { Call, CallMatch } from '../calls/index.js';
import { odataString } from '../cif/odata.js';
import type { CifRecord } from '../cif/types.js';
import type { PhoneNumbers } from '../phone/numbers.js';
import { owns, report, watchCalls, type StopWorkflow, type WorkflowContext } from './shared.js';

/** An entity searched for callers. */
export interface MatchEntity {
  /** Logical name, e.g. `contact`. */
  readonly entityName: string;
  /** Phone attributes compared, e.g. `['telephone1', 'mobilephone']`. */
  readonly fields: readonly string[];
  /** The attribute with the record's name, e.g. `fullname`. */
  readonly nameField: string;
  /** The primary key attribute; defaults to `<entityName>id`. */
  readonly idField?: string;
}

/** Contacts over their phone fields. */
export const CONTACT_MATCH: MatchEntity = Object.freeze({
  entityName: 'contact',
  fields: Object.freeze(['telephone1', 'telephone2', 'telephone3', 'mobilephone']),
  nameField: 'fullname',
});
/** Accounts over their phone fields. */
export const ACCOUNT_MATCH: MatchEntity = Object.freeze({
  entityName: 'account',
  fields: Object.freeze(['telephone1', 'telephone2', 'telephone3']),
  nameField: 'name',
});
/** Leads over their phone fields (opt-in). */
export const LEAD_MATCH: MatchEntity = Object.freeze({
  entityName: 'lead',
  fields: Object.freeze(['telephone1', 'telephone2', 'telephone3', 'mobilephone']),
  nameField: 'fullname',
});

/** Options of caller matching. */
export interface CallerMatchOptions {
  /** Entities to search, in order of preference. Default contacts and accounts. */
  readonly entities?: readonly MatchEntity[];
  /** Also search leads (adds {@link LEAD_MATCH}). */
  readonly includeLeads?: boolean;
  /** Which calls to match. Default inbound only. */
  readonly directions?: readonly Call['direction'][];
  /**
   * How candidates are found: `variants` (default) filters `eq` on the stored formats of the number;
   * `contains` filters `contains(field, '<last digits>')`, for data with unusual formatting (the last
   * `containsDigits` digits, default 4). Either way candidates are confirmed by E.164.
   */
  readonly strategy?: 'variants' | 'contains';
  readonly containsDigits?: number;
  /** At most this many candidates per entity (default 50). */
  readonly top?: number;
  /** Use the single match's name as the call's display name (default true). */
  readonly nameFromMatch?: boolean;
}

/** The OData filter of candidate records for a number, or undefined when the number has no E.164. */
export function candidateFilter(
  entity: MatchEntity,
  e164: string,
  phone: PhoneNumbers,
  options: Pick<CallerMatchOptions, 'strategy' | 'containsDigits'> = {},
): string | undefined {
  if (options.strategy === 'contains') {
    const digits = e164.replace(/\D/g, '').slice(-(options.containsDigits ?? 4));
    if (digits.length === 0) return undefined;
    return entity.fields.map((field) => `contains(${field},${odataString(digits)})`).join(' or ');
  }
  const variants = phone.variants(e164);
  if (variants.length === 0) return undefined;
  return entity.fields
    .flatMap((field) => variants.map((variant) => `${field} eq ${odataString(variant)}`))
    .join(' or ');
}

/** The matches among candidate records: a field whose number is the same E.164 as the caller's. */
export function confirmMatches(
  entity: MatchEntity,
  records: readonly CifRecord[],
  e164: string,
  phone: PhoneNumbers,
): CallMatch[] {
  const idField = entity.idField ?? `${entity.entityName}id`;
  const matches: CallMatch[] = [];
  for (const record of records) {
    const id = record[idField];
    if (typeof id !== 'string' || id === '') continue;
    let field: string | undefined;
    let number = '';
    for (const name of entity.fields) {
      const value = record[name];
      if (typeof value === 'string' && phone.toE164(value) === e164) {
        field = name;
        number = value;
        break;
      }
    }
    if (!field) continue;
    const name = record[entity.nameField];
    matches.push({
      entityName: entity.entityName,
      id: id.replace(/^\{|\}$/g, '').toLowerCase(),
      ...(typeof name === 'string' ? { name } : {}),
      field,
      number,
    });
  }
  return matches;
}

/**
 * Finds the records matching a number (search only: nothing opens). Rejects when a search fails.
 *
 * @example
 * const matches = await findCallers(context, '+16195550129');
 */
export async function findCallers(
  context: Pick<WorkflowContext, 'client' | 'phone'>,
  number: string,
  options: CallerMatchOptions = {},
): Promise<CallMatch[]> {
  await context.phone.load();
  const e164 = context.phone.toE164(number);
  if (!e164) return [];
  const entities = [...(options.entities ?? [CONTACT_MATCH, ACCOUNT_MATCH])];
  if (options.includeLeads && !entities.some((e) => e.entityName === 'lead'))
    entities.push(LEAD_MATCH);
  const results = await Promise.all(
    entities.map(async (entity) => {
      const filter = candidateFilter(entity, e164, context.phone, options);
      if (!filter) return [];
      const records = await context.client.searchAndOpenRecords(
        entity.entityName,
        {
          select: [entity.idField ?? `${entity.entityName}id`, entity.nameField, ...entity.fields],
          filter,
          top: options.top ?? 50,
        },
        true,
      );
      return confirmMatches(entity, records, e164, context.phone);
    }),
  );
  return results.flat();
}

/**
 * Matches callers as calls arrive: the call's `lookup` goes `pending` then `done` (with `matches`, and
 * with the single match as display name and `regarding` unless set) or `failed` (reported; the call is
 * unaffected otherwise).
 */
export function matchCallers(
  context: WorkflowContext,
  options: CallerMatchOptions = {},
): StopWorkflow {
  const directions = options.directions ?? ['inbound'];
  const { store } = context;
  return watchCalls(store, ({ call, previous }) => {
    if (previous || call.consultFor !== null || !directions.includes(call.direction)) return;
    if (call.state === 'ended') return;
    void lookUp(call);
  });

  async function lookUp(call: Call): Promise<void> {
    await store.annotate(call.id, { lookup: 'pending' }).catch(() => undefined);
    try {
      const matches = await findCallers(context, call.remoteE164 ?? call.remoteNumber, options);
      const current = store.getCall(call.id);
      if (!current || !owns(store)) return;
      const single = matches.length === 1 ? matches[0] : undefined;
      await store.annotate(call.id, {
        lookup: 'done',
        matches,
        remoteE164: context.phone.toE164(call.remoteNumber) ?? current.remoteE164,
        ...(single && (options.nameFromMatch ?? true) && single.name
          ? { displayName: single.name }
          : {}),
        ...(single && !current.regarding
          ? {
              regarding: {
                entityName: single.entityName,
                id: single.id,
                ...(single.name ? { name: single.name } : {}),
              },
            }
          : {}),
      });
    } catch (error) {
      report(context, 'caller-match', call.id, error, `caller lookup failed: ${messageOf(error)}`);
      await store.annotate(call.id, { lookup: 'failed' }).catch(() => undefined);
    }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
