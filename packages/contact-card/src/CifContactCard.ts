import {
  CifViewElement,
  warnOnce as baseWarnOnce,
  type CifTranslation,
  type ViewAccess,
} from '@cif-elements/base';
import type { CSSResult } from 'lit';
import type { ContactCardActions } from './actions.js';
import type { CardView } from './card-view.js';
import type { ContactCardNumberFormatter } from './format.js';
import type { ContactCardStateSelector, ContactCardStore } from './store.js';
import type { ContactCardContact } from './types.js';
import { loadView as importView } from './view-loader.js';

/** What the card shows. */
export type ContactCardView = 'empty' | 'loading' | 'error' | 'known' | 'unknown' | 'matches';

const warnOnce = (key: string, message: string): void =>
  baseWarnOnce('cif-contact-card', key, message);

/**
 * Who is on the line, one click from the record: a contact's name, avatar, job title and company, typed
 * phone numbers (each a dial button, with copy), e-mails, address, local time, flags, custom fields and
 * recent activity. It also shows an unknown caller (with Create and Search), several matching records
 * (a picker; choosing one sets the call's matched record), loading and error states.
 *
 * It renders from its own properties (`contact`, `candidates`, `number`, `loading`, `error`); bind `.store` to
 * a call store (core's, or any object with `getSnapshot`/`subscribe`) to show the active call's matched
 * records by itself. Intent events (`cif-open-record`, `cif-create-record`, `cif-search-records`,
 * `cif-select-match`, `cif-dial`, `cif-retry`) are cancelable; their default actions call `.actions`,
 * the card's CRM bridge (core implements it over CIF). The card knows nothing of CIF.
 *
 * **Keyboard.** Tab moves between actions. The picker is a listbox: arrows, Home and End move, Enter or
 * Space chooses, typing a letter jumps to the next name starting with it.
 *
 * **Loading.** The define module holds the element's definition and properties; the card itself (its
 * rendering, picker, actions and styles) loads with `import()` as soon as the element is connected.
 * `updateComplete` waits for it.
 *
 * @customElement cif-contact-card
 * @summary A contact card for the caller: details, dial and open actions, match picker, recent activity.
 *
 * @slot fields - Extra content after the description list (your own fields).
 * @slot actions - Extra actions at the end of the card.
 *
 * @csspart base - The card (`<article>`).
 * @csspart header - Avatar, name, subtitle, flags and the open button.
 * @csspart avatar - The avatar (initials or image); `avatar-image` is the image.
 * @csspart avatar-image - The avatar image.
 * @csspart name - The heading with the name.
 * @csspart subtitle - Job title and company, or the caller's number.
 * @csspart flags - The flags (VIP, do not call); each is `flag` (`flag-vip`, `flag-do-not-call`).
 * @csspart flag - A flag.
 * @csspart open-button - Opens the record.
 * @csspart details - The description list of fields.
 * @csspart dial - A phone number's dial button.
 * @csspart copy - A phone number's copy button.
 * @csspart email - An e-mail link.
 * @csspart actions - The row of Create, Search and Other matches buttons.
 * @csspart create-button - Create contact (unknown caller, picker).
 * @csspart search-button - Search (unknown caller, picker).
 * @csspart matches-button - Goes back to the picker from a chosen match.
 * @csspart picker - The listbox of matching records.
 * @csspart option - A matching record in the picker.
 * @csspart activity - The recent activity section.
 * @csspart activity-item - An activity entry (a button when it has a record).
 * @csspart skeleton - The loading placeholder.
 * @csspart error - The error message.
 * @csspart retry-button - Retry after an error.
 * @csspart notice - A failed action's notice.
 *
 * @cssprop [--cif-contact-card-background=var(--cif-color-surface)] - Card background.
 * @cssprop [--cif-contact-card-border-color=var(--cif-color-border)] - Card and separator borders.
 * @cssprop [--cif-contact-card-radius=var(--cif-radius-lg)] - Card corner radius.
 * @cssprop [--cif-contact-card-padding=var(--cif-space-4)] - Padding inside the card.
 * @cssprop [--cif-contact-card-gap=var(--cif-space-3)] - Space between sections.
 * @cssprop [--cif-contact-card-avatar-size=48px] - Avatar size (32px compact).
 * @cssprop [--cif-contact-card-avatar-background=a colour from the name] - Avatar background.
 * @cssprop [--cif-contact-card-avatar-color=#fff] - Initials colour.
 * @cssprop [--cif-contact-card-action-color=var(--cif-color-link)] - Dial, copy and open buttons.
 * @cssprop [--cif-contact-card-hover-background=var(--cif-color-surface-hover)] - Hovered rows and options.
 * @cssprop [--cif-contact-card-skeleton-color=var(--cif-color-surface-alt)] - Loading placeholders.
 * @cssprop [--cif-contact-card-focus-color=var(--cif-color-focus)] - Focus ring.
 *
 * @cssstate empty - No caller and no contact.
 * @cssstate loading - Looking the caller up.
 * @cssstate error - The lookup failed.
 * @cssstate known - A contact is shown.
 * @cssstate unknown - An unknown caller: number only.
 * @cssstate matches - Several records match: the picker is shown.
 * @cssstate vip - The contact is a VIP.
 * @cssstate do-not-call - The contact asked not to be called.
 *
 * @fires {CifDialEvent} cif-dial - A number's dial button. Cancelable; default `actions.dial`, else the store's `dial`.
 * @fires {CifOpenRecordEvent} cif-open-record - Open the contact or an activity. Cancelable; default `actions.openRecord`.
 * @fires {CifCreateRecordEvent} cif-create-record - Create a record for an unknown caller. Cancelable; default `actions.createRecord`.
 * @fires {CifSearchRecordsEvent} cif-search-records - Search for the caller. Cancelable; default `actions.search`.
 * @fires {CifSelectMatchEvent} cif-select-match - A match was chosen. Cancelable; default `actions.selectMatch`, else the store's `annotate`.
 * @fires {CifRetryEvent} cif-retry - Retry after an error. Cancelable; default `actions.retry`.
 */
export class CifContactCard extends CifViewElement<CardView> {
  static override properties = {
    contact: { attribute: false },
    candidates: { attribute: false },
    number: {},
    loading: { type: Boolean },
    error: {},
    layout: { reflect: true },
    callId: { attribute: 'call-id' },
    region: {},
    createEntity: { attribute: 'create-entity' },
    searchEntity: { attribute: 'search-entity' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    activityHidden: { type: Boolean, attribute: 'activity-hidden' },
    now: { attribute: false },
    store: { attribute: false },
    storeSelector: { attribute: false },
    actions: { attribute: false },
    numberFormatter: { attribute: false },
  };

  /** The contact to show. Wins over `candidates` and the bound store until a match is chosen in the picker. */
  contact: ContactCardContact | undefined;

  /** Records that match the caller's number: one is shown as the contact, several give the picker. */
  candidates: readonly ContactCardContact[] = [];

  /** The caller's number (shown for an unknown caller, prefilled on create, searched for). */
  number = '';

  /** Shows the loading skeleton. */
  loading = false;

  /** Shows the error state with this message (an empty string: the default message) and Retry. */
  error: string | undefined;

  /** `full`, or `compact`: the header only, for narrow panels. */
  layout: 'full' | 'compact' = 'full';

  /** The call the card is about (set by a bound store); passed with every intent. */
  callId = '';

  /** ISO 3166-1 alpha-2 region numbers are read in; by default the region of the element's language. */
  region = '';

  /** Logical name of the record Create makes (`contact`). */
  createEntity = 'contact';

  /** Logical name Search looks in (`contact`). */
  searchEntity = 'contact';

  /** The level of the heading with the name (1–6); recent activity is one below. */
  headingLevel = 2;

  /** Hides recent activity. */
  activityHidden = false;

  /** The time to show local time and relative times at (stories, tests); by default the clock, updated each minute. */
  now: Date | number | undefined;

  /** A call store to bind to (see `ContactCardStore`). */
  store: ContactCardStore | undefined;

  /** Reads the store's snapshot when the default (core's call store) does not fit. */
  storeSelector: ContactCardStateSelector | undefined;

  /** The CRM bridge: the default actions of the intent events, and loading of details and activity. */
  actions: ContactCardActions | undefined;

  /** Formats numbers for display (`<cif-dialpad>`'s formatter fits); by default light built-in logic. */
  numberFormatter: ContactCardNumberFormatter | undefined;

  static override viewFailure = 'the card could not load its view';

  protected override async loadView(
    access: ViewAccess,
  ): Promise<readonly [CardView, CSSResult, Partial<CifTranslation>]> {
    const { CardView, strings } = await importView();
    return [new CardView(this, access), CardView.styles, strings];
  }

  /** The region numbers are read in: `region`, else the region of the element's language, else `US`. */
  get resolvedRegion(): string {
    const region = this.region.trim().toUpperCase();
    if (/^[A-Z]{2}$/.test(region)) return region;
    if (region)
      warnOnce(`region:${region}`, `"${this.region}" is not an ISO 3166-1 region; ignored.`);
    try {
      return new Intl.Locale(this.localize.lang).maximize().region ?? 'US';
    } catch {
      return 'US';
    }
  }
  /** What the card shows now (`empty` until its view has loaded). */
  get view(): ContactCardView {
    return this.loadedView?.view ?? 'empty';
  }
}
