import type { ContactActivity, ContactCardContact, ContactRecordRef } from './types.js';

/** What the card knows about the call an action is for. */
export interface ContactCardCallContext {
  /** The call the card is about, if any (bound mode or the `call-id` attribute). */
  readonly callId: string | undefined;
}

/** A request to create a record for an unknown caller. */
export interface ContactCardCreateRequest extends ContactCardCallContext {
  /** Logical name of the record to create (`create-entity`, default `contact`). */
  readonly entityName: string;
  /** The caller's number, to prefill. */
  readonly number: string;
}

/** A request to search records. */
export interface ContactCardSearchRequest extends ContactCardCallContext {
  /** Logical name to search (`search-entity`, default `contact`). */
  readonly entityName: string;
  /** The text to search for: the caller's number. */
  readonly text: string;
}

/** A request to dial a contact's number. */
export interface ContactCardDialRequest extends ContactCardCallContext {
  /** The number to dial: E.164 when it could be normalised, else as stored. */
  readonly number: string;
  /** The record the number belongs to. */
  readonly record: ContactRecordRef | undefined;
  /** The number's label as shown ("Mobile"). */
  readonly label: string;
}

/**
 * The card's bridge to a CRM, as a plain interface with nothing of CIF in it. Each method is the default
 * action of an intent event (skipped when the event is prevented); each may return a promise, and a
 * rejected one shows a short "That did not work" notice. Every method is optional. `@cif-elements/core`
 * implements it over the CIF client (`openForm`, `createTab`, `renderSearchPage`, `retrieveRecord`, …).
 */
export interface ContactCardActions {
  /** `cif-open-record`: open the record (openForm, or a tab in the call's session). */
  openRecord?(record: ContactRecordRef, context: ContactCardCallContext): unknown;
  /** `cif-create-record`: open a new, prefilled record form. */
  createRecord?(request: ContactCardCreateRequest): unknown;
  /** `cif-search-records`: open the CRM's search for the caller's number. */
  search?(request: ContactCardSearchRequest): unknown;
  /** `cif-dial`: place a call. Without it the card calls the bound store's `dial`. */
  dial?(request: ContactCardDialRequest): unknown;
  /** `cif-select-match`: set the call's matched record. Without it the card calls the store's `annotate`. */
  selectMatch?(callId: string | undefined, record: ContactRecordRef): unknown;
  /** `cif-retry`: look the caller up again after an error. */
  retry?(context: ContactCardCallContext & { readonly number: string }): unknown;
  /** Details of a record the card knows only by reference (a call's match): name, phones, company, … */
  loadContact?(record: ContactRecordRef): Promise<ContactCardContact | undefined>;
  /** The latest interactions with a record, newest first. */
  loadRecentActivity?(record: ContactRecordRef): Promise<readonly ContactActivity[]>;
}
