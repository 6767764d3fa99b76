/**
 * The recent-activity list, loaded lazily by the card (a separate chunk) the first time a contact has
 * activity to show, so the card's first load stays small.
 */
import { formatRelativeTime } from '@cif-elements/base';
import { html, nothing, type TemplateResult } from 'lit';
import { CASE, CLOCK, MAIL, PHONE, icon } from './icons.js';
import { recordOf } from './store.js';
import type { ContactActivity, ContactRecordRef } from './types.js';

/** What to show: the entries, or a loading or failed placeholder. */
export interface ActivityView {
  readonly items?: readonly ContactActivity[];
  readonly status?: 'loading' | 'failed';
}

type ActivityTerm =
  | 'cardActivity'
  | 'cardNoActivity'
  | 'cardActivityFailed'
  | 'cardPhoneCall'
  | 'cardCase'
  | 'cardEmail'
  | 'cardOtherActivity';

/** What the list needs from its card. */
export interface ActivityContext {
  readonly term: (key: ActivityTerm) => string;
  readonly lang: string;
  readonly now: number;
  /** The heading level of "Recent activity". */
  readonly level: number;
  readonly open: (record: ContactRecordRef) => void;
}

/** At most this many entries are shown, newest first as given. */
export const ACTIVITY_LIMIT = 5;

const KINDS: Record<string, readonly [ActivityTerm, string]> = {
  phonecall: ['cardPhoneCall', PHONE],
  email: ['cardEmail', MAIL],
  case: ['cardCase', CASE],
  incident: ['cardCase', CASE],
};

/** Milliseconds of a Date, number or ISO string inside the range of Date, else undefined. */
function timeOf(value: unknown): number | undefined {
  const ms =
    value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : value;
  return typeof ms === 'number' && Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? ms : undefined;
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

export function renderActivity(view: ActivityView, context: ActivityContext): TemplateResult {
  const { term } = context;
  const items = (view.items ?? []).filter(
    (item): item is ContactActivity => typeof item === 'object' && item !== null,
  );
  let body: TemplateResult;
  if (view.status === 'loading') {
    body = html`<div part="skeleton" class="skeleton" aria-hidden="true">
      <span class="line"></span><span class="line short"></span>
    </div>`;
  } else if (view.status === 'failed' || !items.length) {
    body = html`<p class="muted">
      ${term(view.status === 'failed' ? 'cardActivityFailed' : 'cardNoActivity')}
    </p>`;
  } else {
    body = html`<ul class="activity">
      ${items.slice(0, ACTIVITY_LIMIT).map((item) => {
        const type = text(item.type).toLowerCase();
        // Own keys only: a type such as "__proto__" must not reach Object.prototype.
        const [kind, path] = (Object.hasOwn(KINDS, type) ? KINDS[type] : undefined) ?? [
          'cardOtherActivity',
          CLOCK,
        ];
        const time = timeOf(item.time);
        const record = recordOf(item.record);
        const content = html`${icon(path)}
          <span class="who">
            <span class="subject">${text(item.subject) || term(kind)}</span>
            <span class="muted">
              ${term(kind)}${
                time === undefined
                  ? nothing
                  : html` ·
                      <time datetime=${new Date(time).toISOString()}
                        >${formatRelativeTime(context.lang, time, context.now)}</time
                      >`
              }
            </span>
          </span>`;
        return html`<li>
          ${
            record
              ? html`<button
                  type="button"
                  part="activity-item"
                  class="item"
                  @click=${() => context.open(record)}
                >
                  ${content}
                </button>`
              : html`<div part="activity-item" class="item">${content}</div>`
          }
        </li>`;
      })}
    </ul>`;
  }
  return html`<section part="activity" aria-labelledby="activity">
    <div id="activity" class="section-heading" role="heading" aria-level=${context.level}>
      ${term('cardActivity')}
    </div>
    ${body}
  </section>`;
}
