/**
 * The contact card's CRM bridge over core's CIF client: `ContactCardActions` implemented with
 * `openForm`, `createTab`, `renderSearchPage`, `retrieveRecord` and `searchAndOpenRecords`, and core's
 * call store for dialling and for the call's matched record.
 *
 * It belongs in core's workflows (core knows CIF; the card does not) and lives here until it moves there;
 * the card never imports it, the softphone hands it to the card as `actions`.
 */
import type {
  ContactActivity,
  ContactCardActions,
  ContactCardContact,
} from '@cif-elements/contact-card';
import {
  findCallers,
  type CallerMatchOptions,
  type CallRecordRef,
  type CallStore,
  type CifClient,
  type CifRecord,
  type PhoneNumbers,
} from '@cif-elements/core';

/** Options of {@link createCifContactCardActions}. */
export interface CifContactCardActionsOptions {
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

/**
 * Attributes read for the card, per entity: the ones every org has (and the emulator's Dataverse too;
 * `address1_composite` and `telephone3` are left out for that reason).
 */
const SELECT: Readonly<Record<string, readonly string[]>> = {
  contact: [
    'fullname',
    'jobtitle',
    'telephone1',
    'mobilephone',
    'telephone2',
    'fax',
    'emailaddress1',
    'address1_line1',
    'address1_postalcode',
    'address1_city',
    'address1_country',
    'donotphone',
    '_parentcustomerid_value',
  ],
  account: [
    'name',
    'telephone1',
    'telephone2',
    'fax',
    'emailaddress1',
    'address1_line1',
    'address1_city',
    'address1_country',
  ],
  lead: [
    'fullname',
    'companyname',
    'telephone1',
    'mobilephone',
    'emailaddress1',
    'address1_country',
  ],
};

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A GUID as an OData literal (unquoted, as Dataverse requires for ids and lookups). */
function guidLiteral(id: string): string {
  const bare = id.trim().replace(/^\{|\}$/g, '');
  if (!GUID.test(bare)) throw new Error(`not a record id: ${id}`);
  return bare.toLowerCase();
}

const FORMATTED = '@OData.Community.Display.V1.FormattedValue';
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim() : undefined;

/** A Dataverse contact, account or lead row as the card's contact. */
export function contactFromRecord(
  entityName: string,
  id: string,
  row: CifRecord,
): ContactCardContact {
  const phones: { number: string; type: 'business' | 'mobile' | 'home' | 'fax' }[] = [];
  const phone = (attribute: string, type: 'business' | 'mobile' | 'home' | 'fax') => {
    const number = text(row[attribute]);
    if (number) phones.push({ number, type });
  };
  phone('telephone1', 'business');
  phone('mobilephone', 'mobile');
  phone('telephone2', 'home');
  phone('fax', 'fax');
  const email = text(row.emailaddress1);
  const name = text(row.fullname) ?? text(row.name);
  const company = text(row[`_parentcustomerid_value${FORMATTED}`]) ?? text(row.companyname);
  const jobTitle = text(row.jobtitle);
  const street = text(row.address1_line1);
  const city = [text(row.address1_postalcode), text(row.address1_city)].filter(Boolean).join(' ');
  const address =
    [street, city, text(row.address1_country)].filter(Boolean).join('\n') || undefined;
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
 * The contact card's actions over a CIF client.
 *
 * - open: `openForm({ entityName, entityId })`, or a tab in the call's session (CIF 2.0, `recordTabTemplate`);
 * - create: `openForm({ entityName }, { telephone1 })`; once the agent saves, the new record becomes the
 *   call's matched record;
 * - search: `renderSearchPage(entityName, number)`;
 * - dial and select: through the store; retry: the caller lookup again;
 * - details and recent activity: `retrieveRecord` and `searchAndOpenRecords(…, searchOnly)`.
 *
 * @example
 * card.actions = createCifContactCardActions(client, { store, phone });
 */
export function createCifContactCardActions(
  client: CifClient,
  options: CifContactCardActionsOptions = {},
): ContactCardActions {
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
      if (!store) throw new Error('no call store to dial with');
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
      const [calls, cases] = await Promise.all([
        client.searchAndOpenRecords(
          'phonecall',
          {
            select: ['activityid', 'subject', 'createdon', 'directioncode'],
            filter: `_regardingobjectid_value eq ${guidLiteral(record.id)}`,
            orderBy: 'createdon desc',
            top: 5,
          },
          true,
        ),
        record.entityName === 'lead'
          ? Promise.resolve([])
          : client.searchAndOpenRecords(
              'incident',
              {
                select: ['incidentid', 'title', 'createdon'],
                filter: `_customerid_value eq ${guidLiteral(record.id)}`,
                orderBy: 'createdon desc',
                top: 5,
              },
              true,
            ),
      ]);
      const activity: ContactActivity[] = [
        ...calls.map((row) => ({
          type: 'phonecall',
          subject: text(row.subject) ?? '',
          time: text(row.createdon) ?? '',
          direction: row.directioncode === true ? ('outbound' as const) : ('inbound' as const),
          record: { entityName: 'phonecall', id: text(row.activityid) ?? '' },
        })),
        ...cases.map((row) => ({
          type: 'case',
          subject: text(row.title) ?? '',
          time: text(row.createdon) ?? '',
          record: { entityName: 'incident', id: text(row.incidentid) ?? '' },
        })),
      ];
      return activity
        .sort((a, b) => Date.parse(String(b.time)) - Date.parse(String(a.time)))
        .slice(0, 5);
    },
  };
}
