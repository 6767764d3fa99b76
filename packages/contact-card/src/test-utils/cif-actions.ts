/**
 * The card's CRM bridge over core's CIF client: `ContactCardActions` implemented with `openForm`,
 * `createTab`, `renderSearchPage`, `retrieveRecord` and `searchAndOpenRecords`, and core's call store
 * for dialling and for the matched record. It lives here, in the card's tests, until it moves into core's
 * workflows (core knows CIF; the card does not): the card itself never imports it.
 */
import type { CallStore } from '../../../core/src/calls/index.js';
import { odataString, type CifClient, type CifRecord } from '../../../core/src/cif/index.js';
import type { ContactCardActions } from '../actions.js';
import type { ContactActivity, ContactCardContact, ContactPhone } from '../types.js';

export interface CifContactCardActionsOptions {
  /** The call store: `dial` and `annotate(callId, { regarding })` go through it. */
  readonly store?: CallStore;
  /**
   * An application-tab template of type "entity record" (parameters `entityName`, `entityId`). When set,
   * a CIF 2.0 host is used and the call has a session (`context.cifSessionId`), records open as a tab in
   * that session instead of with openForm.
   */
  readonly recordTabTemplate?: string;
  /** Create with the quick-create form. */
  readonly quickCreate?: boolean;
}

/** Attributes read for the card, per entity. */
const SELECT: Readonly<Record<string, readonly string[]>> = {
  contact: [
    'fullname',
    'jobtitle',
    'telephone1',
    'mobilephone',
    'telephone2',
    'fax',
    'emailaddress1',
    'address1_composite',
    'donotphone',
    '_parentcustomerid_value',
  ],
  account: [
    'name',
    'telephone1',
    'telephone2',
    'fax',
    'emailaddress1',
    'address1_composite',
    'donotphone',
  ],
};

const FORMATTED = '@OData.Community.Display.V1.FormattedValue';
const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim() : undefined;

/** A Dataverse contact or account row as the card's contact. */
export function contactFromRecord(
  entityName: string,
  id: string,
  row: CifRecord,
): ContactCardContact {
  const phones: ContactPhone[] = [];
  const phone = (attribute: string, type: ContactPhone['type']) => {
    const number = str(row[attribute]);
    if (number) phones.push({ number, type });
  };
  phone('telephone1', 'business');
  phone('mobilephone', 'mobile');
  phone('telephone2', 'home');
  phone('fax', 'fax');
  const email = str(row.emailaddress1);
  const name = str(row.fullname) ?? str(row.name);
  const company = str(row[`_parentcustomerid_value${FORMATTED}`]);
  const jobTitle = str(row.jobtitle);
  const address = str(row.address1_composite);
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

export function createCifContactCardActions(
  client: CifClient,
  options: CifContactCardActionsOptions = {},
): ContactCardActions {
  const { store, recordTabTemplate, quickCreate = false } = options;
  const sessionOf = (callId: string | undefined): string | undefined => {
    const session = callId ? store?.getCall(callId)?.context.cifSessionId : undefined;
    return typeof session === 'string' ? session : undefined;
  };
  return {
    async openRecord(record, { callId }) {
      if (recordTabTemplate && client.version === 2 && sessionOf(callId)) {
        await client.createTab({
          templateName: recordTabTemplate,
          templateParameters: { entityName: record.entityName, entityId: record.id },
          isFocused: true,
        });
        return;
      }
      await client.openForm({ entityName: record.entityName, entityId: record.id });
    },
    async createRecord({ entityName, number }) {
      await client.openForm(
        { entityName, ...(quickCreate ? { useQuickCreateForm: true } : {}) },
        { telephone1: number },
      );
    },
    async search({ entityName, text }) {
      await client.renderSearchPage(entityName, text);
    },
    async dial({ number, record }) {
      if (!store) throw new Error('no call store to dial with');
      await store.dial(number, { regarding: record ?? null });
    },
    async selectMatch(callId, record) {
      if (callId && store) await store.annotate(callId, { regarding: record });
    },
    async loadContact(record) {
      const row = await client.retrieveRecord(record.entityName, record.id, {
        select: [...(SELECT[record.entityName] ?? ['name'])],
      });
      return contactFromRecord(record.entityName, record.id, row);
    },
    async loadRecentActivity(record) {
      const regarding = `_regardingobjectid_value eq ${odataString(record.id)}`;
      const [calls, cases] = await Promise.all([
        client.searchAndOpenRecords(
          'phonecall',
          {
            select: ['activityid', 'subject', 'createdon', 'directioncode'],
            filter: regarding,
            orderBy: 'createdon desc',
            top: 5,
          },
          true,
        ),
        client.searchAndOpenRecords(
          'incident',
          {
            select: ['incidentid', 'title', 'createdon'],
            filter: `_customerid_value eq ${odataString(record.id)}`,
            orderBy: 'createdon desc',
            top: 5,
          },
          true,
        ),
      ]);
      const activity: ContactActivity[] = [
        ...calls.map((row) => ({
          type: 'phonecall',
          subject: str(row.subject) ?? '',
          time: str(row.createdon) ?? '',
          direction: row.directioncode === true ? ('outbound' as const) : ('inbound' as const),
          record: { entityName: 'phonecall', id: str(row.activityid) ?? '' },
        })),
        ...cases.map((row) => ({
          type: 'case',
          subject: str(row.title) ?? '',
          time: str(row.createdon) ?? '',
          record: { entityName: 'incident', id: str(row.incidentid) ?? '' },
        })),
      ];
      return activity.sort((a, b) => Date.parse(String(b.time)) - Date.parse(String(a.time)));
    },
  };
}
