/**
 * The consult bar, the transfer panel and the wrap-up form of `<cif-call-controls>`: a separate chunk,
 * loaded once a call starts. They render from a context the element hands them and act through it.
 */
import type { CifTermArgs, CifTranslationKey } from '@cif-elements/base';
import { html, nothing, type CSSResult, type TemplateResult } from 'lit';
import type { CifTransferAction } from './events.js';
import type { CallControlsCallState, CallControlsCapabilities } from './store.js';

export { styles } from './panels.styles.js';

/** What the panels read and do; built by the element on every render. */
export interface PanelContext {
  readonly t: <K extends CifTranslationKey>(key: K, ...args: CifTermArgs<K>) => string;
  readonly view: CallControlsCallState & { readonly caps: CallControlsCapabilities };
  /** Why blind and consult transfer are off (undefined: on). */
  readonly reason: string | undefined;
  /** Why every action is off: read-only, pending or disabled (undefined: on). */
  readonly busy: string | undefined;
  readonly target: string;
  readonly draft: { readonly disposition: string; readonly notes: string };
  readonly dispositions: readonly { readonly value: string; readonly label: string }[];
  setTarget(target: string): void;
  transfer(action: CifTransferAction): void;
  close(): void;
  /** Changes the wrap-up draft; `save` also stores it on the call (`updateWrapUp`). */
  edit(field: 'disposition' | 'notes', value: string, save: boolean): void;
  complete(): void;
}

/** The module's shape, as the element imports it. */
export interface PanelModule {
  readonly styles: CSSResult;
  consult(context: PanelContext): TemplateResult;
  transfer(context: PanelContext): TemplateResult;
  wrapUp(context: PanelContext): TemplateResult;
}

const valueOf = (event: Event) => (event.target as { value?: unknown }).value;
/** Stands for an argument in a translated phrase until it is put back isolated (private-use character). */
const ARG = '\uE000';

/**
 * A phrase with its argument isolated in `<bdi>`: a number or a name keeps its own direction inside a
 * sentence of the other (`+1 425 555 0199` is not reordered into `0199 555 425 +1` in Arabic or Hebrew).
 */
function isolated(phrase: string, arg: string): TemplateResult {
  const [before = '', ...rest] = phrase.split(ARG);
  return html`${before}<bdi>${arg}</bdi>${rest.join(arg)}`;
}
const text = (value: unknown) => (typeof value === 'string' ? value : '');

function action(
  label: string,
  reason: string | undefined,
  run: () => void,
  primary = false,
): TemplateResult {
  return html`<button
    type="button"
    part="action${primary ? ' primary' : ''}"
    aria-disabled=${reason === undefined ? 'false' : 'true'}
    @click=${run}
  >
    ${label}
  </button>`;
}

/** Swap, merge, complete and cancel while a consult is in progress. */
export function consult(c: PanelContext): TemplateResult {
  const { t, view, busy } = c;
  const go = (step: CifTransferAction) => () => c.transfer(step);
  return html`<div part="consult" role="group" aria-labelledby="consulting">
    <span id="consulting">${isolated(t('controlsConsulting', ARG), view.consultTarget ?? '')}</span>
    <div class="actions">
      ${action(t('controlsSwap'), busy, go('swap'))}
      ${view.caps.canMerge ? action(t('controlsMerge'), busy, go('merge')) : nothing}
      ${action(t('controlsComplete'), busy, go('complete'), true)}
      ${action(t('controlsCancelConsult'), busy, go('cancel'))}
    </div>
  </div>`;
}

/** A target (typed, or from a slotted picker) and blind or consult transfer. */
export function transfer(c: PanelContext): TemplateResult {
  const { t, view, reason } = c;
  const { canTransfer, canConsult } = view.caps;
  const read = (event: Event) => {
    const value = valueOf(event);
    if (typeof value === 'string') c.setTarget(value);
  };
  return html`<form
    id="transfer"
    part="transfer"
    aria-label=${t('controlsTransfer')}
    @submit=${(event: Event) => {
      event.preventDefault();
      c.transfer(canTransfer ? 'blind' : 'consult');
    }}
    @keydown=${(event: KeyboardEvent) => {
      if (event.key === 'Escape') c.close();
    }}
  >
    <slot name="transfer-target" @input=${read} @change=${read}>
      <label
        >${t('controlsTarget')}
        <input part="input" autocomplete="off" .value=${c.target} />
      </label>
    </slot>
    <div class="actions">
      ${
        canTransfer
          ? html`<button
              type="submit"
              part="action primary"
              aria-disabled=${reason === undefined ? 'false' : 'true'}
            >
              ${t('controlsTransferNow')}
            </button>`
          : nothing
      }
      ${
        canConsult
          ? action(t('controlsConsult'), reason, () => c.transfer('consult'), !canTransfer)
          : nothing
      }
      ${action(t('cancel'), undefined, () => c.close())}
    </div>
  </form>`;
}

/** A disposition picker, notes and Complete. */
export function wrapUp(c: PanelContext): TemplateResult {
  const { t, draft, dispositions } = c;
  const edit = (field: 'disposition' | 'notes', save: boolean) => (event: Event) =>
    c.edit(field, text(valueOf(event)), save);
  return html`<form
    part="wrap-up"
    aria-label=${t('controlsWrapUp')}
    @submit=${(event: Event) => {
      event.preventDefault();
      c.complete();
    }}
  >
    ${
      dispositions.length
        ? html`<label
            >${t('controlsDisposition')}
            <select @change=${edit('disposition', true)}>
              <option value="" ?selected=${!draft.disposition}>
                ${t('controlsNoDisposition')}
              </option>
              ${dispositions.map(
                (d) =>
                  html`<option value=${d.value} ?selected=${d.value === draft.disposition}>
                    ${d.label}
                  </option>`,
              )}
            </select>
          </label>`
        : nothing
    }
    <label
      >${t('controlsNotes')}
      <textarea
        rows="3"
        .value=${draft.notes}
        @input=${edit('notes', false)}
        @change=${edit('notes', true)}
      ></textarea>
    </label>
    <div class="actions">
      <button
        type="submit"
        part="action primary"
        aria-disabled=${c.busy === undefined ? 'false' : 'true'}
      >
        ${t('controlsCompleteWrapUp')}
      </button>
    </div>
  </form>`;
}
