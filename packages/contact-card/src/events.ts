import type { ContactRecordRef } from './types.js';

export { CifDialEvent, type CifDialDetail, type CifDialSource } from '@cif-elements/base';

/** Detail of {@link CifOpenRecordEvent}. */
export interface CifOpenRecordDetail {
  readonly record: ContactRecordRef;
  /** The call the card is about, if any. */
  readonly callId: string | undefined;
}

/** `cif-open-record`: open a record (the contact, or an activity). Cancelable; default `actions.openRecord`. */
export class CifOpenRecordEvent extends CustomEvent<CifOpenRecordDetail> {
  constructor(detail: CifOpenRecordDetail) {
    super('cif-open-record', { detail, bubbles: true, composed: true, cancelable: true });
  }
}

/** Detail of {@link CifCreateRecordEvent}. */
export interface CifCreateRecordDetail {
  /** Logical name of the record to create (`contact`). */
  readonly entityName: string;
  /** The caller's number, to prefill. */
  readonly number: string;
  readonly callId: string | undefined;
}

/** `cif-create-record`: create a record for an unknown caller. Cancelable; default `actions.createRecord`. */
export class CifCreateRecordEvent extends CustomEvent<CifCreateRecordDetail> {
  constructor(detail: CifCreateRecordDetail) {
    super('cif-create-record', { detail, bubbles: true, composed: true, cancelable: true });
  }
}

/** Detail of {@link CifSearchRecordsEvent}. */
export interface CifSearchRecordsDetail {
  readonly entityName: string;
  /** The text to search for (the caller's number). */
  readonly text: string;
  readonly callId: string | undefined;
}

/** `cif-search-records`: search the CRM for the caller. Cancelable; default `actions.search`. */
export class CifSearchRecordsEvent extends CustomEvent<CifSearchRecordsDetail> {
  constructor(detail: CifSearchRecordsDetail) {
    super('cif-search-records', { detail, bubbles: true, composed: true, cancelable: true });
  }
}

/** Detail of {@link CifSelectMatchEvent}. */
export interface CifSelectMatchDetail {
  /** The call whose matched record is chosen (undefined when the card is not about a call). */
  readonly callId: string | undefined;
  readonly record: ContactRecordRef;
}

/**
 * `cif-select-match`: the agent chose the caller among several matches. Cancelable: `preventDefault()`
 * keeps the picker and skips the default action (`actions.selectMatch`, else the store's
 * `annotate(callId, { regarding: record })`).
 */
export class CifSelectMatchEvent extends CustomEvent<CifSelectMatchDetail> {
  constructor(detail: CifSelectMatchDetail) {
    super('cif-select-match', { detail, bubbles: true, composed: true, cancelable: true });
  }
}

/** Detail of {@link CifRetryEvent}. */
export interface CifRetryDetail {
  readonly callId: string | undefined;
  /** The caller's number, if known. */
  readonly number: string;
}

/** `cif-retry`: the agent asks to load the contact again after an error. Cancelable; default `actions.retry`. */
export class CifRetryEvent extends CustomEvent<CifRetryDetail> {
  constructor(detail: CifRetryDetail) {
    super('cif-retry', { detail, bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cif-open-record': CifOpenRecordEvent;
    'cif-create-record': CifCreateRecordEvent;
    'cif-search-records': CifSearchRecordsEvent;
    'cif-select-match': CifSelectMatchEvent;
    'cif-retry': CifRetryEvent;
  }
}
