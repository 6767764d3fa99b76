/**
 * Everything `<cif-call-controls>` does beyond its definition: reading the call store, the controls,
 * timers, shortcuts, announcements and commands. The element loads this module as soon as it is
 * connected; see `CifCallControls`.
 */
import {
  StoreController,
  type LocalizeController,
  type ViewAccess,
  announce,
  formatDuration,
  formatNumber,
  warnOnce as baseWarnOnce,
} from '@cif-elements/base';

/** The element's English, set on the element when this view arrives. */
export { callControlsStrings as strings } from '@cif-elements/base';
import type { callControlsStrings } from '@cif-elements/base';
import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styles } from './call-controls.styles.js';
import {
  CifHangupEvent,
  CifHoldChangeEvent,
  CifMuteChangeEvent,
  CifRecordChangeEvent,
  CifTransferEvent,
  CifWrapUpCompleteEvent,
  type CifTransferAction,
} from './events.js';
import type { PanelContext, PanelModule } from './panels.js';
import {
  readCallControlsState,
  type CallControl,
  type CallControlsCallState,
  type CallControlsCapabilities,
  type CallControlsRecording,
  type CallControlsStore,
} from './store.js';

import type { CifCallControls } from './CifCallControls.js';
import { DEFAULT_SHORTCUTS } from './shortcuts.js';

/** The commands a control may run on the store. */
type Command = Exclude<keyof CallControlsStore, 'getSnapshot' | 'subscribe'>;
type Step = readonly [Command, readonly (string | boolean | object | undefined)[]];

/** The state the controls render: a store's or the properties', checked. */
interface View extends CallControlsCallState {
  readonly muted: boolean;
  readonly recording: CallControlsRecording;
  readonly caps: CallControlsCapabilities;
  readonly readOnly: boolean;
}

const CONTROLS = ['mute', 'hold', 'keypad', 'transfer', 'record', 'end'] as const;
const STATES = ['idle', 'dialing', 'alerting', 'connected', 'held', 'wrap-up'] as const;
const LIVE: readonly string[] = STATES.slice(1, 5);
const FLAGS = {
  mute: 'canMute',
  hold: 'canHold',
  dtmf: 'canSendDtmf',
  transfer: 'canTransfer',
  consult: 'canConsult',
  merge: 'canMerge',
  record: 'canRecord',
  'pause-recording': 'canPauseRecording',
} as const;
/** Width of a control with its label (toolbar layout) and icon only (compact), and the gap, in px. */
const WIDE = 72;
const NARROW = 44;
const GAP = 4;
const TERMS = {
  mute: 'controlsMute',
  hold: 'controlsHold',
  keypad: 'controlsKeypad',
  transfer: 'controlsTransfer',
  record: 'controlsRecord',
  end: 'controlsEnd',
} as const;

const warnOnce = (key: string, message: string): void =>
  baseWarnOnce('cif-call-controls', key, message);
function pick<T extends string>(value: unknown, list: readonly T[], name: string): T | undefined {
  if (list.includes(value as T)) return value as T;
  const shown = typeof value === 'string' ? value : typeof value;
  if (value != null && value !== '')
    warnOnce(`${name}:${shown}`, `${name} "${shown}" is not one of ${list.join(', ')}; ignored.`);
  return undefined;
}
/** Runs a store command whose outcome does not matter (it may be missing, throw or reject). */
function quietly(run: () => unknown): void {
  try {
    Promise.resolve(run()).catch(() => undefined);
  } catch {
    // A store that throws: nothing to do.
  }
}
const num = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** Connected controls re-render once `<cif-dialpad>` is defined (one listener for all of them). */
const waiting = new Set<{ requestUpdate(): void }>();
let watching = false;
function watchDialpad(): void {
  if (watching || customElements.get('cif-dialpad')) return;
  watching = true;
  void customElements.whenDefined('cif-dialpad').then(() => {
    for (const element of waiting) element.requestUpdate();
  });
}

const icon = (d: string, extra = '') =>
  html`<svg viewBox="0 0 24 24" aria-hidden="true" class=${extra}>${svg`<path d=${d} />`}</svg>`;
const MIC = 'M12 3a3 3 0 0 0-3 3v5a3 3 0 0 0 6 0V6a3 3 0 0 0-3-3zM6 11a6 6 0 0 0 12 0m-6 6v4';
const ICONS: Record<CallControl, string> = {
  mute: MIC,
  hold: 'M9 5v14m6-14v14',
  keypad: 'M6 5h0m6 0h0m6 0h0M6 11h0m6 0h0m6 0h0M6 17h0m6 0h0m6 0h0',
  transfer: 'M4 12h15m-5-5 5 5-5 5',
  record: 'M12 7a5 5 0 1 0 0 10 5 5 0 0 0 0-10z',
  end: 'M1.5 15.5 4.5 19 9 17.2v-3.4a10 10 0 0 1 6 0v3.4l4.5 1.8 3-3.5C16.5 9 7.5 9 1.5 15.5z',
};

/** The controls' behaviour and rendering, attached to one element. */
export class ControlsView {
  /** The view's stylesheet, adopted by the element when this module arrives. */
  static readonly styles = styles;

  readonly h: CifCallControls;
  readonly localize: LocalizeController;
  readonly #access: ViewAccess;
  readonly #call: StoreController<unknown, CallControlsCallState>;

  constructor(host: CifCallControls, access: ViewAccess) {
    this.h = host;
    this.#access = access;
    this.localize = access.localize;
    this.#call = new StoreController<unknown, CallControlsCallState>(host, {
      select: (snapshot) => this.#read(snapshot),
      equals: (a, b) => JSON.stringify(a) === JSON.stringify(b),
    });
  }

  setState(name: string, on: boolean): void {
    this.#access.setState(name, on);
  }
  #view!: View;
  #last: View | undefined;
  /** Controls whose commands this element has in flight (End may join any other). */
  readonly #busy = new Set<CallControl | 'wrap-up'>();
  #open: 'keypad' | 'transfer' | undefined;
  #error = '';
  #width = 0;
  #focusKey = '';
  #refocus = false;
  #slotted = false;
  #tick: ReturnType<typeof setTimeout> | undefined;
  #panels: PanelModule | undefined;
  #loading = false;
  #dialpad: HTMLElement | undefined;
  #draft: { readonly id: string; readonly disposition: string; readonly notes: string } | undefined;
  readonly #resize = new ResizeObserver(() => {
    if (this.h.clientWidth !== this.#width) {
      this.#width = this.h.clientWidth;
      this.h.requestUpdate();
    }
  });

  connected(): void {
    document.addEventListener('keydown', this.#onShortcut);
    this.#resize.observe(this.h);
    waiting.add(this.h);
    watchDialpad();
  }

  disconnected(): void {
    document.removeEventListener('keydown', this.#onShortcut);
    waiting.delete(this.h);
    this.#resize.disconnect();
    clearTimeout(this.#tick);
  }

  willUpdate(changed: PropertyValues<CifCallControls>): void {
    if (changed.has('store')) this.#call.store = this.h.store;
    const v = (this.#view = this.#compute());
    const previous = this.#last?.state;
    this.#announce(v);
    this.#refocus ||= this.h.matches(':focus-within');
    if (!LIVE.includes(v.state)) {
      // The call is over: panels close, and a failure from the call is no longer news.
      this.#open = undefined;
      if (previous !== v.state) this.#error = '';
    }
    if (v.state !== 'idle' && !this.#panels && !this.#loading) {
      this.#loading = true;
      import('./panels.js').then(
        (module) => {
          this.#panels = module;
          const root = this.h.renderRoot as ShadowRoot;
          const sheet = module.styles.styleSheet;
          if (sheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
          this.h.requestUpdate();
        },
        (error: unknown) => warnOnce('panels', `the panels did not load: ${String(error)}`),
      );
    }
    if (v.state !== 'wrap-up') this.#draft = undefined;
    else if (this.#draft?.id !== (v.primaryId ?? '')) {
      this.#draft = {
        id: v.primaryId ?? '',
        disposition: v.disposition ?? '',
        notes: v.notes ?? '',
      };
    }
    for (const name of [
      ...STATES,
      'muted',
      'recording',
      'recording-paused',
      'consulting',
      'conference',
      'pending',
    ])
      this.setState(name, false);
    this.setState(v.state === 'alerting' ? 'dialing' : v.state, true);
    this.setState('muted', v.muted);
    this.setState(
      v.recording === 'paused' ? 'recording-paused' : 'recording',
      v.recording !== 'off',
    );
    this.setState('consulting', !!v.consultTarget);
    this.setState('conference', !!v.conference);
    this.setState('pending', !!this.#pending(v));
  }

  updated(): void {
    const more = this.h.renderRoot.querySelector<HTMLButtonElement>('[part~=more-button]');
    if (more) more.popoverTargetElement = more.nextElementSibling;
    if (this.#refocus && !this.h.matches(':focus-within')) {
      const target = this.h.renderRoot.querySelector<HTMLElement>(
        '[part~=wrap-up] :is(select, textarea), [part=consult] button, [part~=control][tabindex="0"]',
      );
      target?.focus();
      this.#refocus = !target && this.#view.state !== 'idle';
    } else this.#refocus = false;
    clearTimeout(this.#tick);
    const v = this.#view;
    const start = v.state === 'wrap-up' ? v.wrapUpStart : (v.callStart ?? v.holdStart);
    if (start !== undefined && v.state !== 'idle' && this.h.isConnected) {
      this.#tick = setTimeout(() => this.h.requestUpdate(), 1000 - ((this.#now() - start) % 1000));
    }
  }

  render(): TemplateResult | typeof nothing {
    const v = this.#view;
    if (v.state === 'idle') return nothing;
    const t = this.localize;
    let context: PanelContext | undefined;
    const panel = (name: 'wrapUp' | 'consult' | 'transfer') =>
      this.#panels ? this.#panels[name]((context ??= this.#context(v))) : nothing;
    const compact = this.#compact(v);
    this.setState('compact', compact);
    const shown = CONTROLS.filter((c) => this.#has(c, v));
    const fit = this.#width
      ? Math.floor((this.#width + GAP) / ((compact ? NARROW : WIDE) + GAP))
      : 99;
    const overflow = shown.length > fit ? shown.slice(Math.max(1, fit - 2), -1) : [];
    const visible = shown.filter((c) => !overflow.includes(c));
    if (
      !visible.some((c) => c === this.#focusKey) &&
      !(overflow.length && this.#focusKey === 'more')
    )
      this.#focusKey = visible[0] ?? '';
    const pad = this.#pad();
    return html`<div part="base">
      <div part="status">${this.#status(v)}</div>
      ${
        v.state === 'wrap-up'
          ? panel('wrapUp')
          : html`${v.consultTarget ? panel('consult') : nothing}
              <div
                part="toolbar"
                role="toolbar"
                aria-label=${this.h.label || t.term('controlsLabel')}
                @keydown=${this.#onToolbarKey}
                @focusin=${this.#onToolbarFocus}
              >
                ${visible.slice(0, -1).map((c) => this.#control(c, v))}
                ${
                  overflow.length
                    ? html`<button
                          type="button"
                          part="control more-button"
                          data-key="more"
                          tabindex=${this.#focusKey === 'more' ? 0 : -1}
                          aria-label=${t.term('controlsMore')}
                        >
                          ${icon('M5 12h0m7 0h0m7 0h0', 'dots')}<span part="label"
                            >${t.term('more')}</span
                          >
                        </button>
                        <div
                          id="menu"
                          part="menu"
                          .popover=${'auto'}
                          role="group"
                          aria-label=${t.term('controlsMore')}
                        >
                          ${overflow.map((c) => this.#control(c, v, true))}
                        </div>`
                    : nothing
                }
                ${this.#control('end', v)}
              </div>
              <div
                id="keypad"
                part="keypad"
                role="group"
                aria-label=${t.term('controlsKeypad')}
                ?hidden=${this.#open !== 'keypad' || v.state !== 'connected'}
              >
                ${pad ?? html`<slot name="keypad" @slotchange=${this.#onKeypadSlot}></slot>`}
              </div>
              ${this.#open === 'transfer' ? panel('transfer') : nothing}`
      }
      ${this.#error ? html`<p part="error">${this.#error}</p>` : nothing}
    </div>`;
  }

  // ---- state ----

  #read(snapshot: unknown): CallControlsCallState {
    try {
      const state = (this.h.storeSelector ?? readCallControlsState)(snapshot);
      return isObject(state) ? state : { state: 'idle' };
    } catch (error) {
      warnOnce('selector', `storeSelector threw: ${String(error)}`);
      return { state: 'idle' };
    }
  }

  /** The state to render: the store's when one is bound, else the properties', checked. */
  #compute(): View {
    const bound = this.#call.store ? this.#call.value : undefined;
    const s: CallControlsCallState = bound ?? {
      state: this.h.state,
      callId: this.h.callId || undefined,
      muted: this.h.muted,
      recording: this.h.recording,
      callStart: this.h.callStart,
      holdStart: this.h.holdStart,
      wrapUpStart: this.h.wrapUpStart,
      wrapUpDeadline: this.h.wrapUpDeadline,
      consultTarget: this.h.consultTarget,
      conference: this.h.conference,
      pending: this.h.pending || undefined,
    };
    const own = this.#capabilities();
    const theirs = bound && isObject(s.capabilities) ? s.capabilities : undefined;
    const caps = Object.fromEntries(
      Object.values(FLAGS).map((flag) => [
        flag,
        (!theirs || theirs[flag] === true) && (!own || own[flag] === true),
      ]),
    ) as unknown as CallControlsCapabilities;
    const mos = num(s.mos) ?? num(this.h.mos);
    return {
      ...s,
      state: pick(s.state, STATES, 'state') ?? 'idle',
      callId: typeof s.callId === 'string' ? s.callId : undefined,
      muted: s.muted === true,
      recording: pick(s.recording, ['off', 'recording', 'paused'], 'recording') ?? 'off',
      consultTarget: typeof s.consultTarget === 'string' ? s.consultTarget.trim() : undefined,
      pending: CONTROLS.find((c) => c === s.pending),
      quality: pick(s.quality ?? this.h.quality, ['good', 'fair', 'poor'], 'quality'),
      mos: mos !== undefined && mos >= 1 && mos <= 5 ? mos : undefined,
      caps,
      readOnly: s.readOnly === true || this.h.readOnly,
    };
  }

  /** The `capabilities` property as flags: an object, or names (`mute hold dtmf …`). */
  #capabilities(): Partial<Record<string, unknown>> | undefined {
    const own = this.h.capabilities;
    if (typeof own !== 'string') return isObject(own) ? own : undefined;
    const names = own.toLowerCase().split(/[\s,]+/);
    return Object.fromEntries(
      Object.entries(FLAGS).map(([name, flag]) => [flag, names.includes(name)]),
    );
  }

  #now(): number {
    let now = Number.NaN;
    try {
      if (typeof this.h.now === 'function') now = Number(this.h.now());
    } catch {
      // A failing clock: the real one.
    }
    return Number.isFinite(now) ? now : Date.now();
  }

  #compact(v: View): boolean {
    const layout = pick(this.h.layout, ['auto', 'toolbar', 'compact'], 'layout') ?? 'auto';
    if (layout !== 'auto') return layout === 'compact';
    const count = CONTROLS.filter((c) => this.#has(c, v)).length;
    return this.#width > 0 && count * (WIDE + GAP) - GAP > this.#width;
  }

  /** Whether the phone system can perform a control (capability hiding). */
  #has(c: CallControl, v: View): boolean {
    const { caps } = v;
    if (c === 'keypad')
      return caps.canSendDtmf && (!!customElements.get('cif-dialpad') || this.#slotted);
    if (c === 'transfer') return caps.canTransfer || caps.canConsult;
    return c === 'end' || caps[FLAGS[c]];
  }

  /** Why a control is off (`''`: off without a reason), or undefined when it is on. */
  #reason(c: CallControl | 'wrap-up', v: View): string | undefined {
    const t = this.localize;
    if (this.h.disabled) return '';
    if (v.readOnly) return t.term('controlsReasonReadOnly');
    const pending = this.#pending(v);
    if (pending && (c !== 'end' || pending === 'end')) return t.term('controlsReasonPending');
    if (c === 'end' || c === 'mute' || c === 'wrap-up') return undefined;
    if (v.state !== 'connected' && v.state !== 'held') return t.term('controlsReasonNotConnected');
    if (c === 'keypad' && v.state === 'held') return t.term('controlsReasonHeld');
    if (c === 'transfer' && v.consultTarget) return t.term('controlsReasonConsulting');
    if (c === 'record' && v.recording === 'recording' && !v.caps.canPauseRecording)
      return t.term('controlsReasonNoPause');
    return undefined;
  }

  /** The control whose command is in flight: this element's or the store's. */
  #pending(v: View): string | undefined {
    return this.#busy.values().next().value ?? v.pending;
  }

  /** Whether a control is off; announces why. */
  #blocked(c: CallControl | 'wrap-up', v: View): boolean {
    const reason = this.#reason(c, v);
    if (reason) announce(reason);
    return reason !== undefined;
  }

  #shortcut(c: CallControl): string | undefined {
    if (this.h.shortcutsDisabled) return undefined;
    const own = isObject(this.h.shortcuts) ? this.h.shortcuts : {};
    const keys = c in own ? own[c] : DEFAULT_SHORTCUTS[c];
    return typeof keys === 'string' && keys.trim() ? keys.trim() : undefined;
  }

  // ---- rendering ----

  #control(c: CallControl, v: View, inMenu = false): TemplateResult {
    const t = this.localize;
    const reason = this.#reason(c, v);
    const toggle = c === 'keypad' || c === 'transfer';
    const pressed =
      c === 'mute' ? v.muted : c === 'hold' ? v.state === 'held' : v.recording === 'recording';
    return html`<button
      type="button"
      part="control ${c}-button"
      class=${this.#busy.has(c) || v.pending === c ? 'pending' : ''}
      data-key=${c}
      tabindex=${inMenu || this.#focusKey === c ? 0 : -1}
      aria-label=${t.term(TERMS[c])}
      aria-pressed=${ifDefined(toggle || c === 'end' ? undefined : pressed ? 'true' : 'false')}
      aria-expanded=${ifDefined(toggle ? (this.#open === c ? 'true' : 'false') : undefined)}
      aria-controls=${toggle && this.#open === c ? c : nothing}
      aria-disabled=${reason === undefined ? 'false' : 'true'}
      aria-describedby=${reason ? `why-${c}` : nothing}
      aria-keyshortcuts=${this.#shortcut(c) ?? nothing}
      @click=${() => this.#press(c, inMenu)}
    >
      ${icon(c === 'mute' && v.muted ? `${MIC}M4 4l16 16` : ICONS[c], c)}<span part="label"
        >${t.term(TERMS[c])}</span
      >${reason ? html`<span id="why-${c}" class="why">${reason}</span>` : nothing}
    </button>`;
  }

  #timer(part: string, label: unknown, seconds: number): TemplateResult {
    return html`<span part=${part} role="timer"
      >${label} <time>${formatDuration(this.localize.lang, seconds)}</time></span
    >`;
  }

  #status(v: View): unknown[] {
    const t = this.localize;
    const now = this.#now();
    const since = (start: number) => (now - start) / 1000;
    const out: unknown[] = [];
    if (v.state === 'wrap-up') {
      const deadline = num(v.wrapUpDeadline);
      const start = num(v.wrapUpStart);
      if (deadline !== undefined)
        out.push(this.#timer('timer', t.term('controlsWrapUpEndsIn'), Math.ceil(-since(deadline))));
      else if (start !== undefined)
        out.push(this.#timer('timer', t.term('controlsWrapUp'), since(start)));
      return out;
    }
    const callStart = num(v.callStart);
    if (v.state === 'dialing' || v.state === 'alerting')
      out.push(html`<span part="timer">${t.term('controlsCalling')}</span>`);
    else if (callStart !== undefined)
      out.push(
        this.#timer(
          'timer',
          html`<span class="sr">${t.term('controlsCallTime')}</span>`,
          since(callStart),
        ),
      );
    const holdStart = num(v.holdStart);
    if (holdStart !== undefined && (v.state === 'held' || v.consultTarget))
      out.push(this.#timer('hold-timer', t.term('controlsOnHold'), since(holdStart)));
    if (v.recording !== 'off')
      out.push(
        html`<span part="recording" class=${v.recording}
          >${t.term(v.recording === 'recording' ? 'controlsRecording' : 'controlsRecordingPaused')}</span
        >`,
      );
    if (v.conference)
      out.push(html`<span part="conference">${t.term('controlsConference')}</span>`);
    if (v.quality) {
      const level = t.term(
        v.quality === 'good'
          ? 'controlsQualityGood'
          : v.quality === 'fair'
            ? 'controlsQualityFair'
            : 'controlsQualityPoor',
      );
      const mos =
        v.mos === undefined ? '' : formatNumber(t.lang, v.mos, { maximumFractionDigits: 1 });
      const bars = v.quality === 'good' ? 3 : v.quality === 'fair' ? 2 : 1;
      out.push(
        html`<span
          part="quality"
          class=${v.quality}
          role="img"
          aria-label=${t.term('controlsQuality', level, mos)}
          ><svg viewBox="0 0 24 24" aria-hidden="true">
            ${[14, 9, 4].map((y, i) => svg`<path class=${i < bars ? 'on' : ''} d="M${5 + i * 7} 19V${y}" />`)}</svg
          >${v.quality === 'good' ? nothing : html`<span aria-hidden="true">${level}</span>`}</span
        >`,
      );
    }
    return out;
  }

  #pad(): HTMLElement | undefined {
    if (!customElements.get('cif-dialpad')) return undefined;
    if (!this.#dialpad) {
      this.#dialpad = document.createElement('cif-dialpad');
      this.#dialpad.setAttribute('mode', 'dtmf');
    }
    // Bound to the same store, read through the controls' own reading of it.
    return Object.assign(this.#dialpad, { store: this.h.store, storeSelector: this.#padSelector });
  }

  readonly #padSelector = (snapshot: unknown) => {
    const s = this.#read(snapshot);
    return { inCall: s.state === 'connected', pending: false, callId: s.callId };
  };

  #context(v: View): PanelContext {
    const t = this.localize;
    return {
      t: (key, ...args) => t.term(key, ...args),
      view: v,
      reason: this.#reason('transfer', v),
      busy: this.#reason('wrap-up', v),
      target: this.h.transferTarget,
      draft: this.#draft ?? { disposition: '', notes: '' },
      dispositions: (Array.isArray(this.h.dispositions) ? this.h.dispositions : []).flatMap(
        (d: unknown) =>
          typeof d === 'string'
            ? [{ value: d, label: d }]
            : isObject(d) && typeof d.value === 'string'
              ? [{ value: d.value, label: typeof d.label === 'string' ? d.label : d.value }]
              : [],
      ),
      setTarget: (target) => {
        // A field removed with the panel fires a last change: ignore it.
        if (this.#open === 'transfer') this.h.transferTarget = target;
      },
      transfer: (action) => void this.#transfer(action),
      close: () => {
        this.#open = undefined;
        this.h.requestUpdate();
        this.h.updateComplete.then(
          () => this.#focusControl('transfer'),
          () => undefined,
        );
      },
      edit: (field, value, save) => {
        if (this.#view.state !== 'wrap-up') return;
        if (this.#draft) this.#draft = { ...this.#draft, [field]: value };
        const id = v.primaryId;
        const store = this.h.store;
        if (save && id && store?.updateWrapUp)
          quietly(() => store.updateWrapUp?.(id, this.#details()));
      },
      complete: () => {
        if (this.#blocked('wrap-up', v)) return;
        const id = v.primaryId ?? v.callId;
        const details = this.#details();
        void this.#run(
          'wrap-up',
          new CifWrapUpCompleteEvent({ callId: id, ...details }),
          [['completeWrapUp', [id, details]]],
          'controlsCompleteWrapUp',
        );
      },
    };
  }

  #details() {
    return { disposition: this.#draft?.disposition || null, notes: this.#draft?.notes ?? '' };
  }

  // ---- actions ----

  /** Presses a control: toggles a panel, or fires the control's intent and runs the store's command. */
  #press(c: CallControl, fromMenu = false, fromKeyboard = false): void {
    const v = this.#view;
    if (fromMenu) this.h.renderRoot.querySelector<HTMLElement>('[popover]')?.hidePopover();
    if (this.#blocked(c, v)) return;
    const id = v.callId;
    if (c === 'keypad' || c === 'transfer') {
      this.#open = this.#open === c ? undefined : c;
      this.h.requestUpdate();
      // A shortcut opens a panel to use it at once: focus goes to the keypad or the target field.
      if (fromKeyboard && this.#open)
        void this.h.updateComplete.then(() =>
          (
            (c === 'keypad' ? this.#dialpad : undefined) ??
            this.h.querySelector<HTMLElement>(`[slot=${c === 'keypad' ? c : 'transfer-target'}]`) ??
            this.h.renderRoot.querySelector<HTMLElement>('#transfer input')
          )?.focus(),
        );
      return;
    }
    if (c === 'mute')
      void this.#run(c, new CifMuteChangeEvent({ callId: id, muted: !v.muted }), [
        ['setMuted', [id, !v.muted]],
      ]);
    else if (c === 'hold') {
      const held = v.state !== 'held';
      void this.#run(c, new CifHoldChangeEvent({ callId: id, held }), [['setHeld', [id, held]]]);
    } else if (c === 'end')
      void this.#run(c, new CifHangupEvent({ callId: id }), [['hangUp', [id]]]);
    else {
      const recording = v.recording === 'recording' ? 'paused' : 'recording';
      const pid = v.primaryId ?? id;
      void this.#run(c, new CifRecordChangeEvent({ callId: pid, recording }), [
        [recording === 'paused' ? 'pauseRecording' : 'startRecording', [pid]],
      ]);
    }
  }

  async #transfer(action: CifTransferAction): Promise<void> {
    const v = this.#view;
    const t = this.localize;
    const pid = v.primaryId ?? v.callId;
    const typed = action === 'blind' || action === 'consult';
    if (this.#blocked(typed ? 'transfer' : 'wrap-up', v)) return;
    const target = typed ? String(this.h.transferTarget ?? '').trim() : v.consultTarget;
    if (typed && !target) {
      this.#error = t.term('controlsTargetRequired');
      announce(this.#error);
      this.h.requestUpdate();
      return;
    }
    const other = v.callId === v.consultId ? pid : v.consultId;
    const steps: Record<CifTransferAction, Step[]> = {
      blind: [['transfer', [pid, target]]],
      consult: [['consult', [pid, target]]],
      swap: [['setHeld', [other, false]]],
      merge: [['merge', [pid]]],
      complete: [['completeTransfer', [pid]]],
      cancel: [
        ['hangUp', [v.consultId]],
        ['setHeld', [pid, false]],
      ],
    };
    const done = await this.#run(
      'transfer',
      new CifTransferEvent({ action, callId: pid, target }),
      steps[action],
      'controlsTransfer',
    );
    if (done && typed) {
      this.#open = undefined;
      this.h.transferTarget = '';
    }
  }

  /**
   * Fires an intent; unless it is prevented, runs the store's commands in order with the control pending.
   * Returns true when the intent went through (prevented, or no store, also count: the app acts).
   */
  async #run(
    c: CallControl | 'wrap-up',
    event: Event,
    steps: readonly Step[],
    term: keyof typeof callControlsStrings = TERMS[c as CallControl],
  ): Promise<boolean> {
    // One command at a time, except that End may interrupt any other (as the store allows).
    if (!this.h.isConnected || this.#busy.has('end') || (this.#busy.size && c !== 'end'))
      return false;
    this.#error = '';
    if (!this.h.dispatchEvent(event)) {
      this.h.requestUpdate();
      return true;
    }
    const store = this.h.store;
    this.#busy.add(c);
    this.h.requestUpdate();
    try {
      for (const [command, args] of steps) {
        // eslint-disable-next-line @typescript-eslint/unbound-method -- applied to the store below
        const method = store?.[command];
        if (typeof method === 'function' && args.every((arg) => arg !== undefined))
          await Reflect.apply(method, store, args);
      }
      return true;
    } catch {
      this.#error = this.localize.term('controlsFailed', this.localize.term(term));
      announce(this.#error);
      return false;
    } finally {
      this.#busy.delete(c);
      this.h.requestUpdate();
    }
  }

  #announce(v: View): void {
    const p = this.#last;
    this.#last = v;
    if (!p) return;
    const t = this.localize;
    const live = (s: string) => LIVE.includes(s);
    const out: string[] = [];
    // The end of the call on show: a store says which call ended (another may stay on hold); without
    // one, leaving the live states is the end. A handed-over call says where it went.
    const tracked = v.endedId !== undefined || p.endedId !== undefined;
    const ended = tracked
      ? live(p.state) &&
        v.endedId !== p.endedId &&
        v.endedId !== undefined &&
        (v.endedId === p.callId || v.endedId === p.primaryId)
      : live(p.state) && !live(v.state);
    if (ended)
      out.push(
        tracked && v.transferredTo !== undefined
          ? t.term('controlsTransferredNow', v.transferredTo)
          : t.term('controlsEndedNow'),
      );
    // Answered or picked up: a call after none, the call being placed, or another caller taken while
    // the first waits on hold (not the swaps of a consult).
    const other = v.callId !== p.callId && !v.consultTarget && !p.consultTarget;
    if (
      v.state === 'connected' &&
      (!live(p.state) ||
        other ||
        ((p.state === 'dialing' || p.state === 'alerting') && p.callId === v.callId))
    )
      out.push(t.term('controlsConnectedNow'));
    if (p.state === 'wrap-up' && v.state === 'idle') out.push(t.term('controlsWrapUpDone'));
    if (live(v.state) && live(p.state) && v.callId === p.callId) {
      if (v.muted !== p.muted)
        out.push(t.term(v.muted ? 'controlsMutedNow' : 'controlsUnmutedNow'));
      if ((v.state === 'held') !== (p.state === 'held'))
        out.push(t.term(v.state === 'held' ? 'controlsHeldNow' : 'controlsResumedNow'));
    }
    if (live(v.state) && v.recording !== p.recording && v.recording !== 'off')
      out.push(
        t.term(v.recording === 'recording' ? 'controlsRecording' : 'controlsRecordingPaused'),
      );
    if (v.consultTarget && v.consultTarget !== p.consultTarget)
      out.push(t.term('controlsConsulting', v.consultTarget));
    if (v.conference && !p.conference) out.push(t.term('controlsMergedNow'));
    if (v.quality === 'poor' && p.quality !== 'poor') out.push(t.term('controlsQualityDropped'));
    if (out.length) announce(out.join('. '));
  }

  #focusControl(c: string): void {
    this.h.renderRoot.querySelector<HTMLElement>(`[data-key="${c}"]`)?.focus();
  }

  // ---- event handlers ----

  #onShortcut = (event: KeyboardEvent): void => {
    const v = this.#view;
    if (event.defaultPrevented || event.repeat || !v || !LIVE.includes(v.state)) return;
    const key = event.key.toLowerCase();
    // In a text field a combination that types a character (Option+Shift on macOS) is left to type:
    // there only the key, not the physical key code, matches.
    const origin = event.composedPath()[0];
    const editable =
      origin instanceof HTMLElement &&
      (origin.isContentEditable || /^(input|textarea|select)$/.test(origin.localName));
    const code = editable ? '' : event.code.toLowerCase();
    const { altKey: alt, shiftKey: shift, ctrlKey: control, metaKey: meta } = event;
    const modifiers = { alt, shift, control, meta };
    const c = CONTROLS.find((control) => {
      const parts = this.#shortcut(control)?.toLowerCase().split('+');
      const main = parts?.pop();
      return (
        parts &&
        this.#has(control, v) &&
        Object.entries(modifiers).every(([m, on]) => parts.includes(m) === on) &&
        (main === key || main === code || code === `key${main}` || code === `digit${main}`)
      );
    });
    if (!c) return;
    event.preventDefault();
    this.#press(c, false, true);
  };

  #onToolbarKey = (event: KeyboardEvent): void => {
    const buttons = [
      ...(event.currentTarget as HTMLElement).querySelectorAll<HTMLElement>(':scope > button'),
    ];
    const index = buttons.indexOf(event.target as HTMLElement);
    const step = this.localize.dir === 'rtl' ? -1 : 1;
    const moves: Record<string, number> = {
      ArrowRight: index + step,
      ArrowLeft: index - step,
      Home: 0,
      End: buttons.length - 1,
    };
    const next = moves[event.key];
    if (index < 0 || next === undefined) return;
    event.preventDefault();
    buttons[(next + buttons.length) % buttons.length]?.focus();
  };

  #onToolbarFocus = (event: FocusEvent): void => {
    const key = (event.target as HTMLElement).dataset.key ?? '';
    if (key && key !== this.#focusKey) {
      this.#focusKey = key;
      this.h.requestUpdate();
    }
  };

  #onKeypadSlot = (event: Event): void => {
    const slotted = (event.target as HTMLSlotElement).assignedElements().length > 0;
    if (slotted !== this.#slotted) {
      this.#slotted = slotted;
      this.h.requestUpdate();
    }
  };
}
