import {
  CifElement,
  StoreController,
  announce,
  contactCardStrings,
  formatDate,
  warnOnce as baseWarnOnce,
} from '@cif-elements/base';
import { html, nothing, type CSSResultGroup, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { ContactCardActions } from './actions.js';
import type { ActivityView, renderActivity as RenderActivity } from './activity.js';
import { styles } from './contact-card.styles.js';
import { ADD, ALERT, COPY, OPEN, PERSON, PHONE, SEARCH, icon } from './icons.js';
import {
  CifCreateRecordEvent,
  CifDialEvent,
  CifOpenRecordEvent,
  CifRetryEvent,
  CifSearchRecordsEvent,
  CifSelectMatchEvent,
} from './events.js';
import {
  dialable,
  e164,
  formatPhone,
  hue,
  initials,
  isEmail,
  safeImageUrl,
  type ContactCardNumberFormatter,
} from './format.js';
import {
  readContactCardCallState,
  recordOf,
  type ContactCardCallState,
  type ContactCardStateSelector,
  type ContactCardStore,
} from './store.js';
import type { ContactActivity, ContactCardContact, ContactRecordRef } from './types.js';

/** What the card shows. */
export type ContactCardView = 'empty' | 'loading' | 'error' | 'known' | 'unknown' | 'matches';

interface Phone {
  readonly number: string;
  readonly label: string;
}

/** A contact as the card renders it: every field checked and present. */
interface Shown {
  readonly record: ContactRecordRef | undefined;
  readonly key: string;
  readonly name: string;
  readonly avatar: string | undefined;
  readonly jobTitle: string;
  readonly company: string;
  readonly phones: readonly Phone[];
  readonly emails: readonly { readonly address: string; readonly label: string }[];
  readonly address: string;
  readonly timeZone: string;
  readonly vip: boolean;
  readonly doNotCall: boolean;
  readonly fields: readonly { readonly label: string; readonly value: string }[];
  readonly activity: readonly ContactActivity[] | undefined;
  /** Only a reference (a call's match): details may be loaded. */
  readonly bare: boolean;
}

interface Model {
  readonly view: ContactCardView;
  readonly contact: Shown | undefined;
  readonly candidates: readonly Shown[];
  readonly number: string;
  readonly callId: string | undefined;
  readonly error: string;
}

type Bag = Record<string, unknown>;
const isBag = (value: unknown): value is Bag => typeof value === 'object' && value !== null;
const text = (value: unknown): string =>
  typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
const list = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);
const keyOf = (record: ContactRecordRef | undefined): string =>
  record ? `${record.entityName}:${record.id}`.toLowerCase() : '';
const FAILED = Symbol('failed');
type Loaded<T> = T | Promise<unknown> | typeof FAILED;
const PHONE_TYPES = ['business', 'mobile', 'home', 'fax', 'other'] as const;
const PHONE_TERMS = {
  business: 'cardPhoneBusiness',
  mobile: 'cardPhoneMobile',
  home: 'cardPhoneHome',
  fax: 'cardPhoneFax',
  other: 'cardPhoneOther',
} as const;

const warnOnce = (key: string, message: string): void =>
  baseWarnOnce('cif-contact-card', key, message);

/** The kind of a matched attribute (`mobilephone` → mobile). */
function typeOfField(field: string): (typeof PHONE_TYPES)[number] | undefined {
  if (/mobile|cell/i.test(field)) return 'mobile';
  if (/home|telephone2/i.test(field)) return 'home';
  if (/fax/i.test(field)) return 'fax';
  if (/business|work|telephone1/i.test(field)) return 'business';
  return undefined;
}

let activityModule: Promise<unknown> | undefined;
let renderActivity: typeof RenderActivity | undefined;

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
export class CifContactCard extends CifElement {
  static override styles: CSSResultGroup = [CifElement.styles, styles];
  /** The card's own English strings (other languages: `@cif-elements/base/locales/*.js`). */
  static override readonly strings = contactCardStrings;

  /** The contact to show. Wins over `candidates` and the bound store until a match is chosen in the picker. */
  @property({ attribute: false }) contact: ContactCardContact | undefined;

  /** Records that match the caller's number: one is shown as the contact, several give the picker. */
  @property({ attribute: false }) candidates: readonly ContactCardContact[] = [];

  /** The caller's number (shown for an unknown caller, prefilled on create, searched for). */
  @property() number = '';

  /** Shows the loading skeleton. */
  @property({ type: Boolean }) loading = false;

  /** Shows the error state with this message (an empty string: the default message) and Retry. */
  @property() error: string | undefined;

  /** `full`, or `compact`: the header only, for narrow panels. */
  @property({ reflect: true }) layout: 'full' | 'compact' = 'full';

  /** The call the card is about (set by a bound store); passed with every intent. */
  @property({ attribute: 'call-id' }) callId = '';

  /** ISO 3166-1 alpha-2 region numbers are read in; by default the region of the element's language. */
  @property() region = '';

  /** Logical name of the record Create makes (`contact`). */
  @property({ attribute: 'create-entity' }) createEntity = 'contact';

  /** Logical name Search looks in (`contact`). */
  @property({ attribute: 'search-entity' }) searchEntity = 'contact';

  /** The level of the heading with the name (1–6); recent activity is one below. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** Hides recent activity. */
  @property({ type: Boolean, attribute: 'activity-hidden' }) activityHidden = false;

  /** The time to show local time and relative times at (stories, tests); by default the clock, updated each minute. */
  @property({ attribute: false }) now: Date | number | undefined;

  /** A call store to bind to (see `ContactCardStore`). */
  @property({ attribute: false }) store: ContactCardStore | undefined;

  /** Reads the store's snapshot when the default (core's call store) does not fit. */
  @property({ attribute: false }) storeSelector: ContactCardStateSelector | undefined;

  /** The CRM bridge: the default actions of the intent events, and loading of details and activity. */
  @property({ attribute: false }) actions: ContactCardActions | undefined;

  /** Formats numbers for display (`<cif-dialpad>`'s formatter fits); by default light built-in logic. */
  @property({ attribute: false }) numberFormatter: ContactCardNumberFormatter | undefined;

  readonly #call = new StoreController<unknown, ContactCardCallState | undefined>(this, {
    select: (snapshot) => this.#select(snapshot),
    equals: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });
  #model: Model = {
    view: 'empty',
    contact: undefined,
    candidates: [],
    number: '',
    callId: undefined,
    error: '',
  };
  readonly #details = new Map<string, Loaded<ContactCardContact | undefined>>();
  readonly #activity = new Map<string, Loaded<readonly ContactActivity[]>>();
  readonly #broken = new Set<string>();
  #chosen = '';
  #picking = false;
  #focusIndex = 0;
  #focus: 'name' | 'option' | undefined;
  #notice = '';
  #lastCall: string | undefined;
  #lastView: ContactCardView | undefined;
  #timer: ReturnType<typeof setInterval> | undefined;
  #clockShown = false;

  /** What the card shows now. */
  get view(): ContactCardView {
    return this.#model.view;
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

  override connectedCallback(): void {
    super.connectedCallback();
    this.#timer = setInterval(() => {
      if (this.#clockShown) this.requestUpdate();
    }, 60_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#timer);
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('store')) this.#call.store = this.store;
    if (changed.has('storeSelector') && this.#call.store) {
      const store = this.#call.store;
      this.#call.store = undefined;
      this.#call.store = store;
    }
    if (changed.has('actions')) {
      this.#details.clear();
      this.#activity.clear();
    }
    const call = this.#call.value;
    const callId = text(this.callId) || call?.callId;
    if (changed.has('contact') || changed.has('candidates') || callId !== this.#lastCall) {
      this.#lastCall = callId;
      this.#chosen = '';
      this.#picking = false;
    }
    if (this.layout !== 'full' && this.layout !== 'compact') {
      warnOnce(
        `layout:${String(this.layout)}`,
        `layout "${String(this.layout)}" is not "full" or "compact"; using "full".`,
      );
    }
    const model = (this.#model = this.#compute(call, callId));
    const contact = model.view === 'known' ? model.contact : undefined;
    const states: Record<string, boolean> = {
      vip: !!contact?.vip,
      'do-not-call': !!contact?.doNotCall,
    };
    for (const view of ['empty', 'loading', 'error', 'known', 'unknown', 'matches'])
      states[view] = view === model.view;
    for (const [name, on] of Object.entries(states)) this.setState(name, on);
  }

  override updated(): void {
    const { view, contact, candidates, error } = this.#model;
    if (view === 'error' && this.#lastView !== 'error') announce(error);
    this.#lastView = view;
    // Details of the shown contact, or of the first candidates in the picker.
    const shownList =
      view === 'known' ? [contact] : view === 'matches' ? candidates.slice(0, 8) : [];
    for (const shown of shownList) {
      if (shown?.bare && shown.record) this.#loadDetails(shown.record);
    }
    if (contact?.record && this.#activityShown(contact) && !contact.activity) {
      this.#loadActivity(contact.record);
    }
    const focus = this.#focus;
    this.#focus = undefined;
    if (focus === 'name') this.renderRoot.querySelector<HTMLElement>('#name')?.focus();
    if (focus === 'option') this.#options()[this.#focusIndex]?.focus();
  }

  override render(): TemplateResult {
    const t = this.localize;
    const { view, contact, candidates, number, error } = this.#model;
    const compact = this.layout === 'compact';
    this.#clockShown = false;
    if (view === 'loading') {
      return html`<article part="base" aria-busy="true" aria-label=${t.term('cardLabel')}>
        <div part="skeleton" class="skeleton">
          <span class="avatar"></span><span class="line"></span><span class="line short"></span>
        </div>
        <span class="sr">${t.term('loading')}</span>
      </article>`;
    }
    if (view === 'error') {
      return html`<article part="base" aria-labelledby="name">
        <div part="error" class="error">
          ${icon(ALERT)}
          <div>
            <div id="name" class="name" role="heading" aria-level=${this.#level}>
              ${t.term('cardError')}
            </div>
            ${error === t.term('cardError') ? nothing : html`<p>${error}</p>`}
          </div>
        </div>
        <div part="actions" class="actions">
          <button type="button" part="retry-button" @click=${this.#retry}>
            ${t.term('retry')}
          </button>
        </div>
      </article>`;
    }
    if (view === 'empty') {
      return html`<article part="base" aria-label=${t.term('cardLabel')}>
        <p class="muted">${t.term('cardEmpty')}</p>
        <slot name="actions"></slot>
      </article>`;
    }
    const formatted = number ? this.#format(number) : '';
    const numberLine = number ? html`<bdi dir="ltr">${formatted}</bdi>` : nothing;
    if (view === 'known' && contact) {
      const subtitle = [contact.jobTitle, contact.company].filter(Boolean);
      const others = candidates.length > 1 ? candidates.length : 0;
      return html`<article part="base" aria-labelledby="name">
        ${this.#header(contact, contact.name || t.term('unknownCaller'), subtitle.length ? subtitle.join(' · ') : nothing)}
        ${compact ? nothing : this.#renderDetails(contact)}
        ${
          others
            ? html`<div part="actions" class="actions">
                <button type="button" part="matches-button" @click=${this.#showPicker}>
                  ${t.term('cardOtherMatches', others)}
                </button>
              </div>`
            : nothing
        }
        ${this.#renderNotice()}
        <slot name="actions"></slot>
      </article>`;
    }
    const matches = view === 'matches';
    const caller = this.#call.value?.name;
    return html`<article part="base" aria-labelledby="name">
      ${this.#header(undefined, matches ? t.term('cardMatches', candidates.length) : caller || t.term('unknownCaller'), numberLine)}
      ${matches ? this.#picker(candidates) : nothing}
      ${
        !matches && number && !compact
          ? html`<dl part="details">
              ${this.#phone({ number, label: t.term('cardPhone') }, undefined)}
            </dl>`
          : nothing
      }
      <div part="actions" class="actions">
        <button type="button" part="create-button" @click=${this.#create}>
          ${icon(ADD)}${t.term('cardCreate')}
        </button>
        <button type="button" part="search-button" ?disabled=${!number} @click=${this.#search}>
          ${icon(SEARCH)}${t.term('cardSearch')}
        </button>
      </div>
      ${this.#renderNotice()}
      <slot name="actions"></slot>
    </article>`;
  }

  // ---- rendering ----

  get #level(): number {
    const level = Math.round(Number(this.headingLevel));
    return level >= 1 && level <= 6 ? level : 2;
  }

  #header(
    contact: Shown | undefined,
    heading: string,
    subtitle: string | TemplateResult | typeof nothing,
  ): TemplateResult {
    const t = this.localize;
    const record = contact?.record;
    return html`<header part="header" class="header">
      ${this.#avatar(contact)}
      <div class="who">
        <div
          part="name"
          id="name"
          class="name"
          role="heading"
          aria-level=${this.#level}
          tabindex="-1"
        >
          ${heading}
        </div>
        ${subtitle === nothing ? nothing : html`<div part="subtitle" class="muted">${subtitle}</div>`}
        ${
          contact?.vip || contact?.doNotCall
            ? html`<div part="flags" class="flags">
                ${contact.vip ? html`<span part="flag flag-vip">${t.term('cardVip')}</span>` : nothing}
                ${
                  contact.doNotCall
                    ? html`<span part="flag flag-do-not-call" id="dnc" class="dnc"
                        >${t.term('cardDoNotCall')}</span
                      >`
                    : nothing
                }
              </div>`
            : nothing
        }
      </div>
      ${
        record
          ? html`<button
              type="button"
              part="open-button"
              class="icon"
              aria-label=${t.term('cardOpen', contact.name || record.name || t.term('cardLabel'))}
              @click=${() => this.#open(record)}
            >
              ${icon(OPEN)}
            </button>`
          : nothing
      }
    </header>`;
  }

  #avatar(contact: Shown | undefined, small = false): TemplateResult {
    const src = contact?.avatar;
    const letters = contact ? initials(contact.name, this.localize.lang) : '';
    const image = src && !this.#broken.has(src);
    return html`<span
      part="avatar"
      class="avatar${small ? ' small' : ''}"
      data-hue=${contact ? hue(contact.key) : nothing}
      aria-hidden="true"
    >
      ${
        image
          ? html`<img
              part="avatar-image"
              src=${src}
              alt=""
              referrerpolicy="no-referrer"
              @error=${() => {
                this.#broken.add(src);
                this.requestUpdate();
              }}
            />`
          : letters || icon(PERSON)
      }
    </span>`;
  }

  #renderDetails(contact: Shown): TemplateResult {
    const t = this.localize;
    const time = this.#localTime(contact.timeZone);
    return html`<dl part="details">
        ${contact.phones.map((phone) => this.#phone(phone, contact))}
        ${contact.emails.map(
          ({ address, label }) =>
            html`<div class="row">
              <dt>${label || t.term('cardEmail')}</dt>
              <dd>
                ${isEmail(address) ? html`<a part="email" href="mailto:${address}">${address}</a>` : address}
              </dd>
            </div>`,
        )}
        ${
          contact.address
            ? html`<div class="row">
                <dt>${t.term('cardAddress')}</dt>
                <dd class="address">${contact.address}</dd>
              </div>`
            : nothing
        }
        ${
          time
            ? html`<div class="row">
                <dt>${t.term('cardLocalTime')}</dt>
                <dd>${time}</dd>
              </div>`
            : nothing
        }
        ${contact.fields.map(
          ({ label, value }) =>
            html`<div class="row">
              <dt>${label}</dt>
              <dd>${value}</dd>
            </div>`,
        )}
      </dl>
      <slot name="fields"></slot>
      ${this.#activityShown(contact) ? this.#renderActivity(contact) : nothing}`;
  }

  #phone(phone: Phone, contact: Shown | undefined): TemplateResult {
    const t = this.localize;
    const shown = this.#format(phone.number);
    const off = !!contact?.doNotCall;
    return html`<div class="row">
      <dt>${phone.label}</dt>
      <dd class="phone">
        <button
          type="button"
          part="dial"
          class="dial"
          aria-label=${t.term('cardCall', phone.label, shown)}
          aria-disabled=${off ? 'true' : 'false'}
          aria-describedby=${off ? 'dnc' : nothing}
          @click=${() => this.#dial(phone, contact)}
        >
          ${icon(PHONE)}<bdi dir="ltr">${shown}</bdi>
        </button>
        <button
          type="button"
          part="copy"
          class="icon"
          aria-label=${t.term('cardCopy', phone.label, shown)}
          @click=${() => void this.#copy(phone.number, shown)}
        >
          ${icon(COPY)}
        </button>
      </dd>
    </div>`;
  }

  #picker(candidates: readonly Shown[]): TemplateResult {
    const t = this.localize;
    const facets = candidates.map((c) => [
      c.record ? this.#entityLabel(c.record.entityName) : '',
      c.company,
      c.jobTitle,
      c.address.split('\n')[0] ?? '',
      c.emails[0]?.address ?? '',
      c.phones[0] ? `${c.phones[0].label} ${this.#format(c.phones[0].number)}` : '',
    ]);
    const differs = (index: number) => new Set(facets.map((f) => f[index])).size > 1;
    const index = Math.min(this.#focusIndex, candidates.length - 1);
    return html`<ul part="picker" role="listbox" aria-label=${t.term('cardChoose')}>
      ${candidates.map((candidate, i) => {
        const own = facets[i] ?? [];
        const detail = own.filter((value, j) => value && differs(j));
        return html`<li
          part="option"
          role="option"
          class="option"
          tabindex=${i === index ? 0 : -1}
          aria-selected=${candidate.key === this.#model.contact?.key ? 'true' : 'false'}
          @click=${() => this.#choose(candidate)}
          @keydown=${this.#onPickerKey}
        >
          ${this.#avatar(candidate, true)}
          <span class="who">
            <span class="name">${candidate.name || t.term('unknownCaller')}</span>
            <span class="muted">${(detail.length ? detail : own.filter(Boolean)).join(' · ')}</span>
          </span>
        </li>`;
      })}
    </ul>`;
  }

  #activityShown(contact: Shown): boolean {
    return (
      this.layout !== 'compact' &&
      !this.activityHidden &&
      (!!contact.activity ||
        (!!contact.record && typeof this.actions?.loadRecentActivity === 'function'))
    );
  }

  #renderActivity(contact: Shown): TemplateResult | typeof nothing {
    const entry = contact.activity ?? this.#activity.get(keyOf(contact.record));
    const view: ActivityView = Array.isArray(entry)
      ? { items: entry as readonly ContactActivity[] }
      : { status: entry === FAILED ? 'failed' : 'loading' };
    if (!renderActivity) {
      activityModule ??= import('./activity.js').then((module) => {
        renderActivity = module.renderActivity;
      });
      void activityModule.then(() => this.requestUpdate());
      return html`<div part="skeleton" class="skeleton"><span class="line"></span></div>`;
    }
    if (view.items) this.#clockShown = true;
    return renderActivity(view, {
      term: (key) => this.localize.term(key),
      lang: this.localize.lang,
      now: this.#now,
      level: Math.min(this.#level + 1, 6),
      open: (record) => this.#open(record),
    });
  }

  #renderNotice(): TemplateResult | typeof nothing {
    return this.#notice ? html`<p part="notice" class="notice">${this.#notice}</p>` : nothing;
  }

  #entityLabel(entityName: string): string {
    const t = this.localize;
    const known: Record<string, 'cardContact' | 'cardAccount' | 'cardLead'> = {
      contact: 'cardContact',
      account: 'cardAccount',
      lead: 'cardLead',
    };
    const term = known[entityName.toLowerCase()];
    return term ? t.term(term) : entityName;
  }

  #localTime(zone: string): string {
    if (!zone) return '';
    try {
      const time = formatDate(this.localize.lang, this.#now, {
        hour: 'numeric',
        minute: '2-digit',
        timeZone: zone,
        timeZoneName: 'short',
      });
      this.#clockShown = true;
      return time;
    } catch {
      warnOnce(`zone:${zone}`, `"${zone}" is not an IANA time zone; local time not shown.`);
      return '';
    }
  }

  get #now(): number {
    const now = this.now instanceof Date ? this.now.getTime() : this.now;
    return typeof now === 'number' && Number.isFinite(now) ? now : Date.now();
  }

  #format(number: string): string {
    const formatter = this.numberFormatter;
    const digits = dialable(number);
    if (formatter && typeof formatter.asYouType === 'function' && digits.length > 2) {
      try {
        const out = String(formatter.asYouType(digits, this.resolvedRegion));
        if (dialable(out) === digits) return out;
      } catch (error) {
        warnOnce('asYouType', `numberFormatter.asYouType threw: ${String(error)}`);
      }
    }
    return formatPhone(number);
  }

  #normalise(number: string): string | undefined {
    try {
      const out = this.numberFormatter?.normalise?.(dialable(number), this.resolvedRegion);
      if (typeof out === 'string' && /^\+\d{2,15}$/.test(out)) return out;
    } catch {
      // fall back to the number itself
    }
    return e164(number);
  }

  // ---- model ----

  #compute(call: ContactCardCallState | undefined, callId: string | undefined): Model {
    const t = this.localize;
    const number = text(this.number) || text(call?.number);
    if (!Array.isArray(this.candidates) && this.candidates != null) {
      warnOnce('candidates', '`candidates` must be an array of contacts; ignored.');
    }
    const own = list(this.candidates);
    const candidates = (own.length ? own : list(call?.matches))
      .map((value) => this.#clean(value))
      .filter((value): value is Shown => !!value);
    const chosen = this.#chosen || keyOf(call?.selected);
    let contact = this.#chosen ? candidates.find((c) => c.key === chosen) : undefined;
    contact ??= this.#clean(this.contact);
    if (this.contact != null && !contact)
      warnOnce('contact', '`contact` must be an object; ignored.');
    contact ??= candidates.find((c) => c.key === chosen) ?? this.#clean(call?.selected);
    if (!contact && candidates.length === 1) contact = candidates[0];
    const errorValue: unknown = this.error;
    const error =
      typeof errorValue === 'string'
        ? errorValue.trim() || t.term('cardError')
        : call?.lookup === 'failed'
          ? t.term('cardError')
          : '';
    const view: ContactCardView = error
      ? 'error'
      : this.loading || (call?.lookup === 'pending' && !contact)
        ? 'loading'
        : contact && !(this.#picking && candidates.length > 1)
          ? 'known'
          : candidates.length > 1
            ? 'matches'
            : number || call
              ? 'unknown'
              : 'empty';
    return { view, contact, candidates, number, callId, error };
  }

  /** A contact as the card renders it, or undefined for a value that is not one. */
  #clean(value: unknown): Shown | undefined {
    if (!isBag(value)) return undefined;
    const record = recordOf(value);
    const key = keyOf(record);
    const loaded = key ? this.#details.get(key) : undefined;
    const raw: Bag =
      isBag(loaded) && !(loaded instanceof Promise) ? { ...value, ...loaded } : value;
    const name = text(raw.name) || text(record?.name);
    const phones: Phone[] = [];
    for (const entry of list(raw.phones)) {
      const phone: Bag = isBag(entry) ? entry : { number: entry };
      const number = text(phone.number);
      if (!number) continue;
      const type = PHONE_TYPES.find((known) => known === phone.type);
      const label =
        text(phone.label) ||
        (type ? this.localize.term(PHONE_TERMS[type]) : text(phone.type)) ||
        this.localize.term('cardPhone');
      phones.push({ number, label });
    }
    const matched = text(raw.number);
    if (!phones.length && matched) {
      const type = typeOfField(text(raw.field));
      phones.push({
        number: matched,
        label: this.localize.term(type ? PHONE_TERMS[type] : 'cardPhone'),
      });
    }
    const activity = raw.activity;
    const bare = !['phones', 'emails', 'company', 'jobTitle', 'address'].some((k) => k in raw);
    return {
      record,
      key: key || name,
      name,
      avatar: safeImageUrl(raw.avatarUrl),
      jobTitle: text(raw.jobTitle),
      company: text(raw.company),
      phones,
      emails: list(raw.emails).flatMap((entry) => {
        const email: Bag = isBag(entry) ? entry : { address: entry };
        const address = text(email.address);
        return address ? [{ address, label: text(email.label) }] : [];
      }),
      address: text(raw.address),
      timeZone: text(raw.timeZone),
      vip: raw.vip === true,
      doNotCall: raw.doNotCall === true,
      fields: list(raw.fields).flatMap((field) => {
        const label = isBag(field) ? text(field.label) : '';
        const value = isBag(field) ? text(field.value) : '';
        return label || value ? [{ label, value }] : [];
      }),
      activity: Array.isArray(activity) ? (activity as ContactActivity[]) : undefined,
      bare: bare && !loaded,
    };
  }

  #loadDetails(record: ContactRecordRef): void {
    const { actions } = this;
    const key = keyOf(record);
    if (typeof actions?.loadContact !== 'function' || this.#details.has(key)) return;
    this.#fetch(this.#details, key, () => actions.loadContact!(record));
  }

  #loadActivity(record: ContactRecordRef): void {
    const { actions } = this;
    const key = keyOf(record);
    if (typeof actions?.loadRecentActivity !== 'function' || this.#activity.has(key)) return;
    this.#fetch(this.#activity, key, async () => list(await actions.loadRecentActivity!(record)));
  }

  #fetch<T>(cache: Map<string, Loaded<T>>, key: string, load: () => Promise<T>): void {
    const actions = this.actions;
    const pending = Promise.resolve()
      .then(load)
      .then(
        (value) => (isBag(value) || Array.isArray(value) ? value : FAILED),
        () => FAILED,
      )
      .then((value) => {
        if (this.actions !== actions || cache.get(key) !== pending) return;
        cache.set(key, value as Loaded<T>);
        this.requestUpdate();
      });
    cache.set(key, pending);
  }

  // ---- store ----

  #select(snapshot: unknown): ContactCardCallState | undefined {
    try {
      const state = (this.storeSelector ?? readContactCardCallState)(snapshot);
      return isBag(state) ? state : undefined;
    } catch (error) {
      warnOnce('selector', `storeSelector threw: ${String(error)}`);
      return undefined;
    }
  }

  // ---- actions ----

  /** Fires an intent event and, unless prevented, runs its default action. */
  #intent(event: CustomEvent, action: (() => unknown) | undefined): boolean {
    if (!this.isConnected) return false;
    this.#notice = '';
    this.dispatchEvent(event);
    if (event.defaultPrevented) return false;
    if (action) {
      Promise.resolve()
        .then(action)
        .catch(() => {
          this.#notice = this.localize.term('cardActionFailed');
          announce(this.#notice);
          this.requestUpdate();
        });
    }
    this.requestUpdate();
    return true;
  }

  #open(record: ContactRecordRef): void {
    const { actions } = this;
    const callId = this.#model.callId;
    this.#intent(
      new CifOpenRecordEvent({ record, callId }),
      actions?.openRecord && (() => actions.openRecord?.(record, { callId })),
    );
  }

  #create = (): void => {
    const { actions } = this;
    const request = {
      entityName: text(this.createEntity) || 'contact',
      number: this.#model.number,
      callId: this.#model.callId,
    };
    this.#intent(
      new CifCreateRecordEvent(request),
      actions?.createRecord && (() => actions.createRecord?.(request)),
    );
  };

  #search = (): void => {
    const { actions } = this;
    const request = {
      entityName: text(this.searchEntity) || 'contact',
      text: this.#model.number,
      callId: this.#model.callId,
    };
    this.#intent(
      new CifSearchRecordsEvent(request),
      actions?.search && (() => actions.search?.(request)),
    );
  };

  #retry = (): void => {
    const { actions } = this;
    const request = { callId: this.#model.callId, number: this.#model.number };
    this.#intent(new CifRetryEvent(request), actions?.retry && (() => actions.retry?.(request)));
  };

  #dial(phone: Phone, contact: Shown | undefined): void {
    if (contact?.doNotCall) return;
    const { actions, store } = this;
    const raw = phone.number;
    const normalised = this.#normalise(raw);
    const number = normalised ?? dialable(raw);
    const record = contact?.record;
    const request = { number, record, label: phone.label, callId: this.#model.callId };
    this.#intent(
      new CifDialEvent({ raw, normalised, region: this.resolvedRegion, source: 'user' }),
      actions?.dial
        ? () => actions.dial?.(request)
        : store?.dial &&
            (() =>
              store.dial?.(number, {
                regarding: record ?? null,
                displayName: contact?.name || null,
              })),
    );
  }

  async #copy(number: string, shown: string): Promise<void> {
    const t = this.localize;
    try {
      await navigator.clipboard.writeText(number);
      announce(t.term('cardCopied', shown));
    } catch {
      announce(t.term('cardCopyFailed'));
    }
  }

  #choose(candidate: Shown): void {
    const { actions, store } = this;
    const callId = this.#model.callId;
    const record = candidate.record;
    if (record) {
      const chosen = this.#intent(
        new CifSelectMatchEvent({ callId, record }),
        actions?.selectMatch
          ? () => actions.selectMatch?.(callId, record)
          : callId && store?.annotate
            ? () => store.annotate?.(callId, { regarding: record })
            : undefined,
      );
      if (!chosen) return;
    }
    this.#chosen = candidate.key;
    this.#picking = false;
    this.#focus = 'name';
    announce(
      this.localize.term('cardChosen', candidate.name || this.localize.term('unknownCaller')),
    );
    this.requestUpdate();
  }

  #showPicker = (): void => {
    this.#picking = true;
    this.#focus = 'option';
    const index = this.#model.candidates.findIndex((c) => c.key === this.#model.contact?.key);
    this.#focusIndex = Math.max(0, index);
    this.requestUpdate();
  };

  #options(): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('[role="option"]')];
  }

  #onPickerKey = (event: KeyboardEvent): void => {
    const options = this.#options();
    const current = options.indexOf(event.target as HTMLElement);
    if (current < 0 || event.altKey || event.ctrlKey || event.metaKey) return;
    const { key } = event;
    let next: number | undefined;
    if (key === 'ArrowDown') next = Math.min(current + 1, options.length - 1);
    else if (key === 'ArrowUp') next = Math.max(current - 1, 0);
    else if (key === 'Home') next = 0;
    else if (key === 'End') next = options.length - 1;
    else if (key === 'Enter' || key === ' ') {
      event.preventDefault();
      const candidate = this.#model.candidates[current];
      if (candidate) this.#choose(candidate);
      return;
    } else if (key.length === 1) {
      const names = this.#model.candidates.map((c) => c.name.toLocaleLowerCase(this.localize.lang));
      const letter = key.toLocaleLowerCase(this.localize.lang);
      for (let step = 1; step <= names.length && next === undefined; step++) {
        const i = (current + step) % names.length;
        if (names[i]?.startsWith(letter)) next = i;
      }
    }
    if (next === undefined) return;
    event.preventDefault();
    this.#focusIndex = next;
    options[next]?.focus();
    this.requestUpdate();
  };
}
