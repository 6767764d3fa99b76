/**
 * The data a contact card shows. Plain objects, with nothing of CIF in them: a vendor fills them from any
 * CRM, and a bridge fills them from Dynamics 365 (see `ContactCardActions.loadContact`).
 */

/** A record to open or to set as the call's matched record. Core's `CallRecordRef` has this shape. */
export interface ContactRecordRef {
  /** Logical name, e.g. `contact` or `account`. */
  readonly entityName: string;
  /** Id without braces. */
  readonly id: string;
  /** Primary name, e.g. `Alex Baker`. */
  readonly name?: string;
}

/** Kinds of phone number with a built-in label; any other string is shown as the label itself. */
export type ContactPhoneType = 'business' | 'mobile' | 'home' | 'fax' | 'other';

/** A phone number. */
export interface ContactPhone {
  /** The number, as stored or in E.164 (`+12065550100`); formatted for display. */
  readonly number: string;
  /** Its kind (gives the label "Mobile", "Business", …). */
  readonly type?: ContactPhoneType;
  /** A label of its own ("Assistant"), instead of the type's. */
  readonly label?: string;
}

/** An e-mail address with an optional label. */
export interface ContactEmail {
  readonly address: string;
  readonly label?: string;
}

/** A custom field: a label and a value, shown in the card's description list. */
export interface ContactField {
  readonly label: string;
  readonly value: string;
}

/** Kinds of activity with a built-in label and icon. */
export type ContactActivityType = 'phonecall' | 'email' | 'case' | 'appointment' | 'task';

/** An interaction with the contact: a phone call, a case, an e-mail. */
export interface ContactActivity {
  /** `phonecall`, `email`, `case` (Dynamics' `incident` reads as a case), or another kind. */
  readonly type: ContactActivityType | 'incident' | (string & Record<never, never>);
  /** What it was about. */
  readonly subject: string;
  /** When it happened: a Date, milliseconds or an ISO 8601 string; shown as a relative time. */
  readonly time?: Date | number | string;
  /** `inbound` or `outbound`, for calls and e-mails. */
  readonly direction?: 'inbound' | 'outbound';
  /** The activity's record: the entry opens it. */
  readonly record?: ContactRecordRef;
}

/**
 * A contact (or account, lead, …). Every field is optional. Core's `CallMatch`
 * (`{ entityName, id, name, field, number }`) is a valid contact: the card shows a call's matches as they are.
 */
export interface ContactCardContact {
  /** Logical name of the record (`contact`); with `id`, what "Open" opens. */
  readonly entityName?: string;
  /** Id of the record. */
  readonly id?: string;
  /** The name shown as the card's heading. */
  readonly name?: string;
  /** An http(s), blob or `data:image/…` URL; anything else (a `javascript:` URL) is ignored. */
  readonly avatarUrl?: string;
  readonly jobTitle?: string;
  /** The company or parent account. */
  readonly company?: string;
  readonly phones?: readonly (ContactPhone | string)[];
  readonly emails?: readonly (ContactEmail | string)[];
  /** A postal address; line breaks are kept. */
  readonly address?: string;
  /** The contact's IANA time zone (`America/New_York`): the card shows their local time. */
  readonly timeZone?: string;
  readonly vip?: boolean;
  /** The contact asked not to be called: dial buttons are off. */
  readonly doNotCall?: boolean;
  /** Custom fields, shown after the built-in ones. */
  readonly fields?: readonly ContactField[];
  /** Recent interactions. When absent, the card asks `actions.loadRecentActivity`. */
  readonly activity?: readonly ContactActivity[];
  /** The number that matched the caller (a call match), shown when there are no `phones`. */
  readonly number?: string;
  /** The attribute that matched (`mobilephone`): gives that number's kind. */
  readonly field?: string;
}
