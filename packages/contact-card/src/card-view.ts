/**
 * Everything `<cif-contact-card>` does beyond its definition: reading the call store, the contact's
 * details and activity, the picker, the actions and the card itself. The element loads this module as soon
 * as it is connected; see `CifContactCard`.
 */
import {
  StoreController,
  announce,
  formatDate,
  warnOnce as baseWarnOnce,
  type LocalizeController,
  type ViewAccess,
} from '@cif-elements/base';

/** The element's English, set on the element when this view arrives. */
export { contactCardStrings as strings } from '@cif-elements/base';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
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
import { dialable, e164, formatPhone, hue, initials, isEmail, safeImageUrl } from './format.js';
import { readContactCardCallState, recordOf, type ContactCardCallState } from './store.js';
import type { ContactActivity, ContactCardContact, ContactRecordRef } from './types.js';
import type { CifContactCard, ContactCardView } from './CifContactCard.js';

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

/** The card's behaviour and rendering, attached to one element. */
export class CardView {
  /** The view's stylesheet, adopted by the element when this module arrives. */
  static readonly styles = styles;

  readonly h: CifContactCard;
  readonly localize: LocalizeController;
  readonly #access: ViewAccess;
  readonly #call: StoreController<unknown, ContactCardCallState | undefined>;

  constructor(host: CifContactCard, access: ViewAccess) {
    this.h = host;
    this.#access = access;
    this.localize = access.localize;
    this.#call = new StoreController<unknown, ContactCardCallState | undefined>(host, {
      select: (snapshot) => this.#select(snapshot),
      equals: (a, b) => JSON.stringify(a) === JSON.stringify(b),
    });
  }

  setState(name: string, on: boolean): void {
    this.#access.setState(name, on);
  }
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

  connected(): void {
    this.#timer = setInterval(() => {
      if (this.#clockShown) this.h.requestUpdate();
    }, 60_000);
  }

  disconnected(): void {
    clearInterval(this.#timer);
  }

  willUpdate(changed: PropertyValues<CifContactCard>): void {
    if (changed.has('store')) this.#call.store = this.h.store;
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
    const callId = text(this.h.callId) || call?.callId;
    if (changed.has('contact') || changed.has('candidates') || callId !== this.#lastCall) {
      this.#lastCall = callId;
      this.#chosen = '';
      this.#picking = false;
    }
    if (this.h.layout !== 'full' && this.h.layout !== 'compact') {
      warnOnce(
        `layout:${String(this.h.layout)}`,
        `layout "${String(this.h.layout)}" is not "full" or "compact"; using "full".`,
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

  updated(): void {
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
    if (focus === 'name') this.h.renderRoot.querySelector<HTMLElement>('#name')?.focus();
    if (focus === 'option') this.#options()[this.#focusIndex]?.focus();
  }

  render(): TemplateResult {
    const t = this.localize;
    const { view, contact, candidates, number, error } = this.#model;
    const compact = this.h.layout === 'compact';
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
    const level = Math.round(Number(this.h.headingLevel));
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
                this.h.requestUpdate();
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
      this.h.layout !== 'compact' &&
      !this.h.activityHidden &&
      (!!contact.activity ||
        (!!contact.record && typeof this.h.actions?.loadRecentActivity === 'function'))
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
      void activityModule.then(() => this.h.requestUpdate());
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
    const now = this.h.now instanceof Date ? this.h.now.getTime() : this.h.now;
    return typeof now === 'number' && Number.isFinite(now) ? now : Date.now();
  }

  #format(number: string): string {
    const formatter = this.h.numberFormatter;
    const digits = dialable(number);
    if (formatter && typeof formatter.asYouType === 'function' && digits.length > 2) {
      try {
        const out = String(formatter.asYouType(digits, this.h.resolvedRegion));
        if (dialable(out) === digits) return out;
      } catch (error) {
        warnOnce('asYouType', `numberFormatter.asYouType threw: ${String(error)}`);
      }
    }
    return formatPhone(number);
  }

  #normalise(number: string): string | undefined {
    try {
      const out = this.h.numberFormatter?.normalise?.(dialable(number), this.h.resolvedRegion);
      if (typeof out === 'string' && /^\+\d{2,15}$/.test(out)) return out;
    } catch {
      // fall back to the number itself
    }
    return e164(number);
  }

  // ---- model ----

  #compute(call: ContactCardCallState | undefined, callId: string | undefined): Model {
    const t = this.localize;
    const number = text(this.h.number) || text(call?.number);
    if (!Array.isArray(this.h.candidates) && this.h.candidates != null) {
      warnOnce('candidates', '`candidates` must be an array of contacts; ignored.');
    }
    const own = list(this.h.candidates);
    const candidates = (own.length ? own : list(call?.matches))
      .map((value) => this.#clean(value))
      .filter((value): value is Shown => !!value);
    const chosen = this.#chosen || keyOf(call?.selected);
    let contact = this.#chosen ? candidates.find((c) => c.key === chosen) : undefined;
    contact ??= this.#clean(this.h.contact);
    if (this.h.contact != null && !contact)
      warnOnce('contact', '`contact` must be an object; ignored.');
    contact ??= candidates.find((c) => c.key === chosen) ?? this.#clean(call?.selected);
    if (!contact && candidates.length === 1) contact = candidates[0];
    const errorValue: unknown = this.h.error;
    const error =
      typeof errorValue === 'string'
        ? errorValue.trim() || t.term('cardError')
        : call?.lookup === 'failed'
          ? t.term('cardError')
          : '';
    const view: ContactCardView = error
      ? 'error'
      : this.h.loading || (call?.lookup === 'pending' && !contact)
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
    const { actions } = this.h;
    const key = keyOf(record);
    if (typeof actions?.loadContact !== 'function' || this.#details.has(key)) return;
    this.#fetch(this.#details, key, () => actions.loadContact!(record));
  }

  #loadActivity(record: ContactRecordRef): void {
    const { actions } = this.h;
    const key = keyOf(record);
    if (typeof actions?.loadRecentActivity !== 'function' || this.#activity.has(key)) return;
    this.#fetch(this.#activity, key, async () => list(await actions.loadRecentActivity!(record)));
  }

  #fetch<T>(cache: Map<string, Loaded<T>>, key: string, load: () => Promise<T>): void {
    const actions = this.h.actions;
    const pending = Promise.resolve()
      .then(load)
      .then(
        (value) => (isBag(value) || Array.isArray(value) ? value : FAILED),
        () => FAILED,
      )
      .then((value) => {
        if (this.h.actions !== actions || cache.get(key) !== pending) return;
        cache.set(key, value as Loaded<T>);
        this.h.requestUpdate();
      });
    cache.set(key, pending);
  }

  // ---- store ----

  #select(snapshot: unknown): ContactCardCallState | undefined {
    try {
      const state = (this.h.storeSelector ?? readContactCardCallState)(snapshot);
      return isBag(state) ? state : undefined;
    } catch (error) {
      warnOnce('selector', `storeSelector threw: ${String(error)}`);
      return undefined;
    }
  }

  // ---- actions ----

  /** Fires an intent event and, unless prevented, runs its default action. */
  #intent(event: CustomEvent, action: (() => unknown) | undefined): boolean {
    if (!this.h.isConnected) return false;
    this.#notice = '';
    this.h.dispatchEvent(event);
    if (event.defaultPrevented) return false;
    if (action) {
      Promise.resolve()
        .then(action)
        .catch(() => {
          this.#notice = this.localize.term('cardActionFailed');
          announce(this.#notice);
          this.h.requestUpdate();
        });
    }
    this.h.requestUpdate();
    return true;
  }

  #open(record: ContactRecordRef): void {
    const { actions } = this.h;
    const callId = this.#model.callId;
    this.#intent(
      new CifOpenRecordEvent({ record, callId }),
      actions?.openRecord && (() => actions.openRecord?.(record, { callId })),
    );
  }

  #create = (): void => {
    const { actions } = this.h;
    const request = {
      entityName: text(this.h.createEntity) || 'contact',
      number: this.#model.number,
      callId: this.#model.callId,
    };
    this.#intent(
      new CifCreateRecordEvent(request),
      actions?.createRecord && (() => actions.createRecord?.(request)),
    );
  };

  #search = (): void => {
    const { actions } = this.h;
    const request = {
      entityName: text(this.h.searchEntity) || 'contact',
      text: this.#model.number,
      callId: this.#model.callId,
    };
    this.#intent(
      new CifSearchRecordsEvent(request),
      actions?.search && (() => actions.search?.(request)),
    );
  };

  #retry = (): void => {
    const { actions } = this.h;
    const request = { callId: this.#model.callId, number: this.#model.number };
    this.#intent(new CifRetryEvent(request), actions?.retry && (() => actions.retry?.(request)));
  };

  #dial(phone: Phone, contact: Shown | undefined): void {
    if (contact?.doNotCall) return;
    const { actions, store } = this.h;
    const raw = phone.number;
    const normalised = this.#normalise(raw);
    const number = normalised ?? dialable(raw);
    const record = contact?.record;
    const request = { number, record, label: phone.label, callId: this.#model.callId };
    this.#intent(
      new CifDialEvent({ raw, normalised, region: this.h.resolvedRegion, source: 'user' }),
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
    const { actions, store } = this.h;
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
    this.h.requestUpdate();
  }

  #showPicker = (): void => {
    this.#picking = true;
    this.#focus = 'option';
    const index = this.#model.candidates.findIndex((c) => c.key === this.#model.contact?.key);
    this.#focusIndex = Math.max(0, index);
    this.h.requestUpdate();
  };

  #options(): HTMLElement[] {
    return [...this.h.renderRoot.querySelectorAll<HTMLElement>('[role="option"]')];
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
    this.h.requestUpdate();
  };
}
