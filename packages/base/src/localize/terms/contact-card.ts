/**
 * Terms of `<cif-contact-card>`. Keys start with `card`; every locale must translate them all (the type says so).
 * The card also uses the shared `loading`, `retry` and `unknownCaller`.
 */
export interface CifContactCardTerms {
  /** The card's accessible name when it shows no one (loading, error, nobody). */
  readonly cardLabel: string;
  /** Shown when there is no caller and no contact. */
  readonly cardEmpty: string;
  /** Heading of the error state. */
  readonly cardError: string;
  /** Shown, and announced, when an action (open, create, search, choose) failed. */
  readonly cardActionFailed: string;
  /** Heading of the picker: `count` records match the caller's number. */
  readonly cardMatches: (count: number) => string;
  /** The picker's accessible name. */
  readonly cardChoose: string;
  /** The button in a chosen contact's card that goes back to the picker. */
  readonly cardOtherMatches: (count: number) => string;
  /** Announced when a match was chosen. */
  readonly cardChosen: (name: string) => string;
  /** The open-record button's accessible name. */
  readonly cardOpen: (name: string) => string;
  /** The create button of an unknown caller. */
  readonly cardCreate: string;
  /** The search button of an unknown caller. */
  readonly cardSearch: string;
  /** A dial button's accessible name: "Call mobile +1 555 0100"; `type` is a phone label such as `cardPhoneMobile`. */
  readonly cardCall: (type: string, number: string) => string;
  /** A copy button's accessible name. */
  readonly cardCopy: (type: string, number: string) => string;
  /** Announced after a number was copied. */
  readonly cardCopied: (number: string) => string;
  /** Announced when the clipboard refused the number. */
  readonly cardCopyFailed: string;
  /** Phone labels. */
  readonly cardPhone: string;
  readonly cardPhoneBusiness: string;
  readonly cardPhoneMobile: string;
  readonly cardPhoneHome: string;
  readonly cardPhoneFax: string;
  readonly cardPhoneOther: string;
  /** Field labels of the description list. */
  readonly cardEmail: string;
  readonly cardAddress: string;
  readonly cardLocalTime: string;
  /** Flags. */
  readonly cardVip: string;
  readonly cardDoNotCall: string;
  /** Record types, shown in the picker when candidates differ in type. */
  readonly cardContact: string;
  readonly cardAccount: string;
  readonly cardLead: string;
  /** The recent activity heading, its empty and its failed text. */
  readonly cardActivity: string;
  readonly cardNoActivity: string;
  readonly cardActivityFailed: string;
  /** Activity types. */
  readonly cardPhoneCall: string;
  readonly cardCase: string;
  readonly cardOtherActivity: string;
}
