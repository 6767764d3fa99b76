/**
 * The contact card's CRM bridge: the card's actions (open, create and link, search, dial, select, retry,
 * details, recent activity) over the CIF client (`openForm`, `createTab`, `renderSearchPage`,
 * `retrieveRecord`, `searchAndOpenRecords`) and the call store.
 *
 * Core knows neither Lit nor the card: the shapes below are structural, and the result is assignable to
 * `ContactCardActions` of `@cif-elements/contact-card` (checked by a type-level test), so a vendor hands
 * it to `<cif-contact-card>` as its `actions`.
 */
import { CallError } from '../calls/errors.js';
import type { CallRecordRef, CallStore } from '../calls/index.js';
import type { CifClient } from '../cif/client.js';
import { stripBraces } from '../cif/decode.js';
import { CifError } from '../cif/errors.js';
import type { CifRecord } from '../cif/types.js';
import type { PhoneNumbers } from '../phone/numbers.js';
import { findCallers, type CallerMatchOptions } from './caller-match.js';

/** The call an action is for, as the card passes it. */
export interface ContactCardCallContextLike {
  /** The call the card is about, if any. */
  readonly callId: string | undefined;
}

/** A phone number of a record, with its kind (`telephone1` is business, `mobilephone` mobile, …). */
export interface ContactCardPhoneLike {
  readonly number: string;
  readonly type: 'business' | 'mobile' | 'home' | 'fax' | 'other';
}

/** A contact, account or lead as the card shows it (the card's `ContactCardContact`). */
export interface ContactCardContactLike {
  readonly entityName: string;
  readonly id: string;
  readonly name?: string;
  readonly jobTitle?: string;
  /** The parent account (contacts) or the company name (leads). */
  readonly company?: string;
  /** Address 1, one line per part. */
  readonly address?: string;
  readonly phones: readonly ContactCardPhoneLike[];
  readonly emails: readonly string[];
  /** The record's "Do not allow phone calls". */
  readonly doNotCall: boolean;
}

/** A recent phone call or case of a record (the card's `ContactActivity`). */
export interface ContactCardActivityLike {
  readonly type: 'phonecall' | 'case';
  readonly subject: string;
  /** When it was created, as Dataverse gives it (ISO 8601). */
  readonly time: string;
  /** Phone calls only. */
  readonly direction?: 'inbound' | 'outbound';
  /** The activity's record: `phonecall` or `incident`. */
  readonly record: CallRecordRef;
}

/** The contact card's actions, every one implemented (the card's `ContactCardActions`). */
export interface ContactCardActionsLike {
  /** Opens the record: `openForm`, or a tab in the call's session (CIF 2.0, `recordTabTemplate`). */
  openRecord(record: CallRecordRef, context: ContactCardCallContextLike): Promise<void>;
  /** Opens a new record's form, prefilled with the number; once saved, it is the call's record. */
  createRecord(
    request: ContactCardCallContextLike & { readonly entityName: string; readonly number: string },
  ): Promise<void>;
  /** Opens Dynamics' search page for the text (the caller's number). */
  search(
    request: ContactCardCallContextLike & { readonly entityName: string; readonly text: string },
  ): Promise<void>;
  /** Dials through the store, regarding the record. Rejects with a `CallError` without a store. */
  dial(
    request: ContactCardCallContextLike & {
      readonly number: string;
      readonly record: CallRecordRef | undefined;
    },
  ): Promise<void>;
  /** Makes the record the call's matched record. */
  selectMatch(callId: string | undefined, record: CallRecordRef): Promise<void>;
  /** Looks the caller up again; a failed lookup marks the call `failed` and rejects. */
  retry(context: ContactCardCallContextLike & { readonly number: string }): Promise<void>;
  /** The record's details (`retrieveRecord`). */
  loadContact(record: CallRecordRef): Promise<ContactCardContactLike>;
  /** The record's latest five phone calls and cases, newest first (`searchAndOpenRecords`). */
  loadRecentActivity(record: CallRecordRef): Promise<ContactCardActivityLike[]>;
}

/** Options of {@link createContactCardActions}. */
export interface ContactCardActionsOptions {
  /** The call store: dialling and the call's matched record go through it. */
  readonly store?: CallStore;
  /** The number normaliser, for looking a caller up again (`retry`). */
  readonly phone?: PhoneNumbers;
  /** Caller matching options for `retry` (the same as the caller-match workflow's). */
  readonly callerMatch?: CallerMatchOptions;
  /**
   * An application-tab template of type "entity record" (parameters `entityName`, `entityId`). With it,
   * on a CIF 2.0 host, a record of a call that has a session opens as a tab in that session.
   */
  readonly recordTabTemplate?: string;
  /** Create with the quick-create form. */
  readonly quickCreate?: boolean;
  /** The attribute a new record's phone number goes in (default `telephone1`). */
  readonly numberField?: string;
}

/** Address 1: the composite Dynamics computes, and its parts for rows that have none. */
const ADDRESS = [
  'address1_composite',
  'address1_line1',
  'address1_postalcode',
  'address1_city',
  'address1_country',
];

/** Phones and e-mail, where contacts, accounts and leads have them alike. */
const REACH = ['telephone1', 'telephone2', 'telephone3', 'emailaddress1'];

/** Attributes read for the card, per entity: the ones every org has. */
const SELECT: Readonly<Record<string, readonly string[]>> = {
  contact: [
    'fullname',
    'jobtitle',
    ...REACH,
    'mobilephone',
    'fax',
    ...ADDRESS,
    'donotphone',
    '_parentcustomerid_value',
  ],
  account: ['name', ...REACH, 'fax', ...ADDRESS, 'donotphone'],
  lead: ['fullname', 'jobtitle', 'companyname', ...REACH, 'mobilephone', 'address1_country'],
};

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A record id as an OData literal: unquoted, as Dataverse requires for ids and lookups. */
function guidLiteral(id: string): string {
  const bare = stripBraces(id);
  if (!GUID.test(bare))
    throw new CifError('validation', 'searchAndOpenRecords', `not a record id: ${id}`);
  return bare.toLowerCase();
}

const FORMATTED = '@OData.Community.Display.V1.FormattedValue';
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim() : undefined;

/**
 * A Dataverse contact, account or lead row as the card's contact: phones (`telephone1` business,
 * `mobilephone` mobile, `telephone2` home, `telephone3` other, `fax`), the first e-mail, the parent
 * account's formatted value or a lead's company, Address 1 (the composite, else street, postal code and
 * city, country) and "Do not allow phone calls".
 */
export function contactFromRecord(
  entityName: string,
  id: string,
  row: CifRecord,
): ContactCardContactLike {
  const phones: ContactCardPhoneLike[] = [];
  const phone = (attribute: string, type: ContactCardPhoneLike['type']) => {
    const number = text(row[attribute]);
    if (number) phones.push({ number, type });
  };
  phone('telephone1', 'business');
  phone('mobilephone', 'mobile');
  phone('telephone2', 'home');
  phone('telephone3', 'other');
  phone('fax', 'fax');
  const email = text(row.emailaddress1);
  const name = text(row.fullname) ?? text(row.name);
  const company = text(row[`_parentcustomerid_value${FORMATTED}`]) ?? text(row.companyname);
  const jobTitle = text(row.jobtitle);
  const composite = text(row.address1_composite)
    ?.split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n');
  const street = text(row.address1_line1);
  const city = [text(row.address1_postalcode), text(row.address1_city)].filter(Boolean).join(' ');
  const address =
    composite || [street, city, text(row.address1_country)].filter(Boolean).join('\n') || undefined;
  return {
    entityName,
    id,
    ...(name ? { name } : {}),
    ...(jobTitle ? { jobTitle } : {}),
    ...(company ? { company } : {}),
    ...(address ? { address } : {}),
    phones,
    emails: email ? [email] : [],
    doNotCall: row.donotphone === true,
  };
}

/**
 * The contact card's actions over a CIF client and the call store.
 *
 * - open: `openForm({ entityName, entityId })`, or a tab in the call's session (CIF 2.0,
 *   `recordTabTemplate`, the call's `context.cifSessionId`);
 * - create: `openForm({ entityName }, { telephone1: number })`; once the agent saves, the new record becomes
 *   the call's only match and its regarding record;
 * - search: `renderSearchPage(entityName, number)`;
 * - dial and select: through the store; retry: the caller lookup again (needs `phone`);
 * - details and recent activity: `retrieveRecord` and `searchAndOpenRecords(…, searchOnly)`.
 *
 * Failures reject with the client's `CifError` (a record id that is not a GUID: `validation`) or the
 * store's `CallError`; the card shows a short notice for a rejected action.
 *
 * @example
 * const card = document.querySelector('cif-contact-card')!;
 * card.store = store;
 * card.actions = createContactCardActions(client, { store, phone });
 */
export function createContactCardActions(
  client: CifClient,
  options: ContactCardActionsOptions = {},
): ContactCardActionsLike {
  const { store, phone, recordTabTemplate, quickCreate = false } = options;
  const sessionOf = (callId: string | undefined): string | undefined => {
    const session = callId ? store?.getCall(callId)?.context.cifSessionId : undefined;
    return typeof session === 'string' ? session : undefined;
  };
  /** Makes `record` the call's only match and its regarding record. */
  const link = async (callId: string | undefined, record: CallRecordRef) => {
    if (!callId || !store?.getCall(callId)) return;
    await store.annotate(callId, {
      lookup: 'done',
      matches: [record],
      regarding: record,
      ...(record.name ? { displayName: record.name } : {}),
    });
  };
  return {
    async openRecord(record, { callId }) {
      if (recordTabTemplate && client.version >= 2 && sessionOf(callId)) {
        await client.createTab({
          templateName: recordTabTemplate,
          templateParameters: { entityName: record.entityName, entityId: record.id },
          isFocused: true,
        });
        return;
      }
      await client.openForm({ entityName: record.entityName, entityId: record.id });
    },
    async createRecord({ entityName, number, callId }) {
      // The agent fills the form: no timeout (the real library has none for openForm either).
      const result = await client.openForm(
        { entityName, ...(quickCreate ? { useQuickCreateForm: true } : {}) },
        { [options.numberField ?? 'telephone1']: number },
        { timeout: 0 },
      );
      const saved = result.savedEntityReference[0];
      if (!saved) return;
      await link(callId, {
        entityName: saved.entityType || entityName,
        id: saved.id.toLowerCase(),
        ...(saved.name ? { name: saved.name } : {}),
      });
    },
    async search({ entityName, text: searchText }) {
      await client.renderSearchPage(entityName, searchText);
    },
    async dial({ number, record }) {
      if (!store) throw new CallError('unsupported', 'dial', 'no call store to dial with');
      await store.dial(number, {
        regarding: record ?? null,
        displayName: record?.name ?? null,
      });
    },
    async selectMatch(callId, record) {
      if (callId && store) await store.annotate(callId, { regarding: record });
    },
    async retry({ callId, number }) {
      if (!callId || !store || !phone) return;
      await store.annotate(callId, { lookup: 'pending' });
      try {
        const matches = await findCallers({ client, phone }, number, options.callerMatch);
        const single = matches.length === 1 ? matches[0] : undefined;
        await store.annotate(callId, {
          lookup: 'done',
          matches,
          ...(single
            ? { regarding: single, ...(single.name ? { displayName: single.name } : {}) }
            : {}),
        });
      } catch (error) {
        await store.annotate(callId, { lookup: 'failed' });
        throw error;
      }
    },
    async loadContact(record) {
      const row = await client.retrieveRecord(record.entityName, record.id, {
        select: [...(SELECT[record.entityName] ?? ['name'])],
      });
      return contactFromRecord(record.entityName, record.id, row);
    },
    async loadRecentActivity(record) {
      const id = guidLiteral(record.id);
      const [calls, cases] = await Promise.all([
        client.searchAndOpenRecords(
          'phonecall',
          {
            select: ['activityid', 'subject', 'createdon', 'directioncode'],
            filter: `_regardingobjectid_value eq ${id}`,
            orderBy: 'createdon desc',
            top: 5,
          },
          true,
        ),
        // A case's customer is an account or a contact, never a lead.
        record.entityName === 'lead'
          ? Promise.resolve([])
          : client.searchAndOpenRecords(
              'incident',
              {
                select: ['incidentid', 'title', 'createdon'],
                filter: `_customerid_value eq ${id}`,
                orderBy: 'createdon desc',
                top: 5,
              },
              true,
            ),
      ]);
      const activity: ContactCardActivityLike[] = [
        ...calls.map((row) => ({
          type: 'phonecall' as const,
          subject: text(row.subject) ?? '',
          time: text(row.createdon) ?? '',
          direction: row.directioncode === true ? ('outbound' as const) : ('inbound' as const),
          record: { entityName: 'phonecall', id: text(row.activityid) ?? '' },
        })),
        ...cases.map((row) => ({
          type: 'case' as const,
          subject: text(row.title) ?? '',
          time: text(row.createdon) ?? '',
          record: { entityName: 'incident', id: text(row.incidentid) ?? '' },
        })),
      ];
      return activity.sort((a, b) => Date.parse(b.time) - Date.parse(a.time)).slice(0, 5);
    },
  };
}
