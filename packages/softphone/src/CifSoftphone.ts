import { CifElement, StoreController, announce, setLocale } from '@cif-elements/base';
import {
  readCallControlsState,
  type CallControlsCallState,
  type CallControlsDisposition,
} from '@cif-elements/call-controls';
import {
  readContactCardCallState,
  type ContactCardActions,
  type ContactCardCallState,
  type ContactCardNumberFormatter,
} from '@cif-elements/contact-card';
import {
  SimulatedProvider,
  connectCallSimulator,
  createCallStore,
  createPhoneNumbers,
  loadCifLibrary,
  startCifWorkflows,
  type ActivityJob,
  type Call,
  type CallStore,
  type CallStoreError,
  type CallStoreSnapshot,
  type CifClient,
  type CifError,
  type CifLoadResult,
  type CifWorkflows,
  type CifWorkflowsOptions,
  type MatchEntity,
  type PhoneNumbers,
  type TelephonyProvider,
  type WorkflowError,
} from '@cif-elements/core';
import type { DialpadNumberFormatter, DialpadRecent } from '@cif-elements/dialpad';
import '@cif-elements/call-controls/cif-call-controls.js';
import '@cif-elements/contact-card/cif-contact-card.js';
import '@cif-elements/dialpad/cif-dialpad.js';
import '@cif-elements/incoming-call-toast/cif-incoming-call-toast.js';
import { html, nothing, type CSSResultGroup, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { createContactCardActions as createCifContactCardActions } from '@cif-elements/core';
import { CifStatusChangeEvent, type SoftphoneStatus } from './events.js';
import { createSimulatedProvider } from './simulated.js';
import { styles } from './softphone.styles.js';
import { softphoneStrings } from './strings.js';

/** Storage the softphone keeps calls, the activity queue and presence in. */
export type SoftphoneStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** What the softphone reads from the call store to lay itself out. */
interface Layout {
  /** Any call at all (ringing, live or in wrap-up). */
  readonly busy: boolean;
  /** A call the controls show: live, on hold or in wrap-up (the dialpad then makes way). */
  readonly live: boolean;
  /** The card has a call to show. */
  readonly card: boolean;
  /** Calls on hold besides the one the controls show. */
  readonly held: readonly {
    readonly id: string;
    readonly name: string;
    readonly pending: boolean;
  }[];
  readonly readOnly: boolean;
  readonly recents: readonly DialpadRecent[];
}

const NO_LAYOUT: Layout = {
  busy: false,
  live: false,
  card: false,
  held: [],
  readOnly: false,
  recents: [],
};

/** Callers the standalone "Simulate an incoming call" button rings, in turn. */
const DEMO_CALLERS: readonly { readonly number: string; readonly displayName?: string }[] = [
  { number: '+16195550129', displayName: 'Alex Baker' },
  { number: '+14155550142' },
  { number: '+442079460958', displayName: 'Amelia Hughes' },
];

/**
 * Records callers are matched against: contacts, accounts and leads over the phone fields every org has.
 * (Core's defaults also search `telephone3`, which the emulator's Dataverse does not have; add it through
 * `workflowOptions.callerMatch` for your org.)
 */
const MATCH_ENTITIES: readonly MatchEntity[] = [
  {
    entityName: 'contact',
    fields: ['telephone1', 'telephone2', 'mobilephone'],
    nameField: 'fullname',
  },
  { entityName: 'account', fields: ['telephone1', 'telephone2'], nameField: 'name' },
  { entityName: 'lead', fields: ['telephone1', 'mobilephone'], nameField: 'fullname' },
];

/** Dispositions offered in wrap-up unless set. */
const DEFAULT_DISPOSITIONS: readonly CallControlsDisposition[] = [
  'Resolved',
  'Follow-up needed',
  'Escalated',
  'Wrong number',
];

/**
 * `navigator.locks` when the browser lets this document use it. A third-party frame whose storage is
 * blocked gets a SecurityError from every lock request; the store then owns the calls without
 * coordinating tabs (core's store would otherwise wait for the lock forever).
 */
async function usableLocks(): Promise<LockManager | null> {
  try {
    const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
    if (!locks) return null;
    await locks.query();
    return locks;
  } catch {
    return null;
  }
}

/**
 * The reference softphone: every CIF Elements component composed into one widget for the Dynamics 365
 * channel panel, wired to core — the CIF library loader and client, the call store, the CIF workflows —
 * and to a phone system through core's telephony-provider port.
 *
 * - **In Dynamics 365** it loads `msdyn_ciLibrary.js` from the org (the `crm-url` attribute, a
 *   `<script data-crmurl>` in the page, or the `ucilib` query parameter) and runs the workflows:
 *   click-to-dial, caller matching, the host's incoming-call notification (CIF 2.0), a session and screen pop
 *   per answered call, the phonecall activity after wrap-up, presence while on a call, and the user's
 *   language for every component.
 * - **Outside any host** it runs standalone, with a banner saying so: calls work, nothing reaches Dynamics.
 * - **The phone system** is `provider` (core's `TelephonyProvider`). The default is a simulated one that
 *   the emulator's call simulator drives; set your own before the element connects (or later: the
 *   softphone restarts on it).
 *
 * The toast, the controls, the dialpad and the card announce their own changes through the kit's shared
 * live region. The softphone itself shows and announces (politely) only what went wrong in Dynamics 365 —
 * a caller lookup, notification, session, screen pop, presence or click-to-act that failed, an activity
 * that is waiting to be saved again — in plain words, until the agent dismisses it.
 *
 * @customElement cif-softphone
 * @summary The reference CIF softphone: toast, contact card, call controls and dialpad, wired to Dynamics 365.
 *
 * @slot header-end - Content at the end of the header (a presence picker, a menu).
 * @slot footer - Content below the dialpad (links, a version line).
 *
 * @csspart base - The wrapper of everything.
 * @csspart header - The header with the title and the connection status.
 * @csspart title - The title.
 * @csspart status - The connection status.
 * @csspart banner - The standalone, error or read-only notice.
 * @csspart banner-button - The buttons of the notice (simulate a call, retry).
 * @csspart toast - The `<cif-incoming-call-toast>`.
 * @csspart call - The region of the current call (card, controls, calls on hold).
 * @csspart card - The `<cif-contact-card>`.
 * @csspart controls - The `<cif-call-controls>`.
 * @csspart held - The list of calls on hold.
 * @csspart held-button - The buttons of a call on hold (resume, end).
 * @csspart dialpad - The `<cif-dialpad>`.
 *
 * @cssprop [--cif-softphone-background=var(--cif-color-surface-alt)] - Background of the widget.
 * @cssprop [--cif-softphone-padding=var(--cif-space-3)] - Padding around the parts.
 * @cssprop [--cif-softphone-gap=var(--cif-space-3)] - Space between the parts.
 * @cssprop [--cif-softphone-banner-background=var(--cif-color-surface)] - Background of the notice.
 * @cssprop [--cif-softphone-status-color=var(--cif-color-on-surface-muted)] - Colour of the status text.
 *
 * @cssstate starting - Loading the CIF library.
 * @cssstate connected - Running inside Dynamics 365.
 * @cssstate standalone - Running outside any host.
 * @cssstate error - The CIF library could not be loaded or the host refuses the widget.
 * @cssstate busy - A call is ringing, live or in wrap-up.
 *
 * @fires {CifStatusChangeEvent} cif-status-change - The connection status changed.
 */
export class CifSoftphone extends CifElement {
  static override styles: CSSResultGroup = [CifElement.styles, styles];

  /**
   * Whether the widget's window is framed by a host (the Dynamics channel panel). Outside a frame the
   * softphone runs standalone: the CIF library could not reach a host. Replace it for a host that does not
   * frame its widget (and in tests).
   */
  static isFramed = (win: Window): boolean => {
    try {
      return win.top !== win;
    } catch {
      return true;
    }
  };

  /** The org URL to load `msdyn_ciLibrary.js` from; empty: the page's `data-crmurl` script or `?ucilib=`. */
  @property({ attribute: 'crm-url' }) crmUrl = '';

  /** The phone system. Default: a simulated one (driven by the emulator's call simulator). */
  @property({ attribute: false }) provider: TelephonyProvider | undefined;

  /** A ready CIF client to use instead of loading the library (a vendor who loads CIF itself, tests). */
  @property({ attribute: false }) client: CifClient | undefined;

  /**
   * The channel provider's CIF API version: `1` (a single-session app), `2` (a multisession app), or
   * `auto` to find out (a host that refuses CIF 2.0's `canCreateSession` is a 1.0 app). Set it in
   * production: the host does not report it.
   */
  @property({ attribute: 'api-version' }) apiVersion: 'auto' | '1' | '2' = 'auto';

  /** Run without Dynamics even when framed (stories, demos). */
  @property({ type: Boolean }) standalone = false;

  /** Separates this softphone's storage keys, cross-tab channel and lock from other widgets on the origin. */
  @property() namespace = 'cif-softphone';

  /** Unique name of the notification template shown for ringing calls (CIF 2.0); empty: none. */
  @property({ attribute: 'notification-template' }) notificationTemplate = 'IncomingCall';

  /** Unique name of the (generic) session template opened per answered call (CIF 2.0); empty: none. */
  @property({ attribute: 'session-template' }) sessionTemplate = 'CallSession';

  /** An entity-record tab template: records of a call with a session open as a tab in it (CIF 2.0). */
  @property({ attribute: 'record-tab-template' }) recordTabTemplate = 'EntityRecord';

  /** Presence text while on a call (CIF 2.0; must equal a configured presence); empty: leave presence alone. */
  @property({ attribute: 'presence-on-call' }) presenceOnCall = 'Busy';

  /** Seconds of wrap-up before it completes by itself; 0: only when the agent completes it. */
  @property({ type: Number, attribute: 'wrap-up-seconds' }) wrapUpSeconds = 120;

  /** Seconds a call rings in the widget before it shows as missed. */
  @property({ type: Number, attribute: 'ring-seconds' }) ringSeconds = 60;

  /** Level of the title heading; the contact card's name is one below. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 1;

  /** The title; default the localised "Phone". */
  @property() label = '';

  /** Dispositions offered in wrap-up. */
  @property({ attribute: false }) dispositions: readonly CallControlsDisposition[] =
    DEFAULT_DISPOSITIONS;

  /**
   * Options merged over the softphone's CIF workflow options (`startCifWorkflows`): change caller matching,
   * the screen pop, activity fields, analytics… `client`, `store` and `phone` are the softphone's.
   */
  @property({ attribute: false }) workflowOptions: Partial<CifWorkflowsOptions> = {};

  /** Where calls, the activity queue and presence persist (default `localStorage`; `null`: nowhere). */
  @property({ attribute: false }) storage: SoftphoneStorage | null | undefined;

  #status: SoftphoneStatus = 'starting';
  #message = '';
  #version: 1 | 2 | undefined;
  #store: CallStore | undefined;
  #phone: PhoneNumbers | undefined;
  #workflows: CifWorkflows | undefined;
  #actions: ContactCardActions | undefined;
  #ownProvider: SimulatedProvider | undefined;
  #activeProvider: TelephonyProvider | undefined;
  #stops: (() => void)[] = [];
  #generation = 0;
  #started = false;
  #teardown: Promise<void> | undefined;
  #activities: readonly ActivityJob[] = [];
  /** What went wrong in Dynamics 365, in plain words (the last three), until dismissed. */
  #problems: readonly string[] = [];
  #formatters:
    | {
        dialpad: DialpadNumberFormatter;
        card: ContactCardNumberFormatter;
        toast: (number: string) => string;
      }
    | undefined;
  #demoCaller = 0;
  #hadFocus = false;

  readonly #layout = new StoreController<CallStoreSnapshot, Layout>(this, {
    select: (snapshot) => this.#readLayout(snapshot),
    equals: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });

  /** The call store (core's `CallStore`) once started: subscribe to it, or drive calls from code. */
  get store(): CallStore | undefined {
    return this.#store;
  }

  /** The running CIF workflows, when connected to Dynamics 365. */
  get workflows(): CifWorkflows | undefined {
    return this.#workflows;
  }

  /** Where the softphone stands with Dynamics 365. */
  get status(): SoftphoneStatus {
    return this.#status;
  }

  /** The host's CIF version once connected. */
  get cifVersion(): 1 | 2 | undefined {
    return this.#version;
  }

  /** Why the softphone is standalone or not connected; empty when connected. */
  get statusMessage(): string {
    return this.#message;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('focusin', this.#onFocusIn);
    this.addEventListener('focusout', this.#onFocusOut);
    // A move in the DOM (disconnect, then connect in the same task) keeps everything running.
    this.#teardown = undefined;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('focusin', this.#onFocusIn);
    this.removeEventListener('focusout', this.#onFocusOut);
    const teardown = (this.#teardown = Promise.resolve().then(() => {
      if (this.#teardown === teardown && !this.isConnected) this.#stop();
    }));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const rewire = ['provider', 'client', 'standalone', 'crmUrl', 'namespace', 'storage'] as const;
    if (this.#started && rewire.some((name) => changed.has(name))) this.#restart();
  }

  protected override updated(): void {
    if (!this.#started && this.isConnected) {
      this.#started = true;
      void this.#start();
    }
    // Keep keyboard focus in the widget when the control that had it goes away (the toast's Answer
    // button once the call is answered, the dialpad once a call rings, the wrap-up form once completed).
    if (this.#hadFocus) this.#checkFocusSoon();
  }

  /** Rings the softphone from a sample caller (a simulated provider only: demos and standalone mode). */
  simulateIncomingCall(number?: string, displayName?: string): string | undefined {
    const provider = this.#activeProvider;
    if (!(provider instanceof SimulatedProvider)) return undefined;
    const demo = DEMO_CALLERS[this.#demoCaller++ % DEMO_CALLERS.length] ?? DEMO_CALLERS[0];
    return provider.ring(number ?? demo?.number ?? '+16195550129', {
      ...(number === undefined && demo?.displayName ? { displayName: demo.displayName } : {}),
      ...(displayName ? { displayName } : {}),
    });
  }

  /** Tries to connect to Dynamics 365 again (after an error). */
  reconnect(): void {
    this.#restart();
  }

  // -------------------------------------------------------------------------------------------------
  // Wiring

  #restart(): void {
    this.#stop();
    this.#started = true;
    void this.#start();
  }

  #stop(): void {
    this.#generation++;
    this.#started = false;
    for (const stop of this.#stops.splice(0)) {
      try {
        stop();
      } catch {
        // Stopping must never fail.
      }
    }
    this.#workflows = undefined;
    this.#actions = undefined;
    this.#layout.store = undefined;
    this.#store = undefined;
    this.#activities = [];
    this.#problems = [];
  }

  async #start(): Promise<void> {
    const generation = ++this.#generation;
    const current = () => generation === this.#generation;
    this.#setStatus('starting', undefined, '');
    const phone = (this.#phone ??= createPhoneNumbers());
    this.#formatters ??= this.#makeFormatters(phone);
    this.#stops.push(
      phone.onLoad(() => {
        this.#formatters = this.#makeFormatters(phone);
        this.requestUpdate();
      }),
    );
    void phone.load();

    const provider = this.#providerFor();
    this.#activeProvider = provider;
    // The emulator's call simulator greets the widget as soon as its frame loads: listen before that.
    const win = this.ownerDocument.defaultView;
    if (
      provider instanceof SimulatedProvider &&
      win &&
      CifSoftphone.isFramed(win) &&
      !this.standalone
    ) {
      const origin = this.#hostOrigin();
      this.#stops.push(
        connectCallSimulator(provider, {
          window: win,
          ...(origin ? { hostOrigins: [origin] } : {}),
          name: 'cif-softphone',
        }),
      );
    }

    const locks = await usableLocks();
    if (!current()) return;
    const store = createCallStore({
      provider,
      namespace: this.namespace,
      ownership: { locks },
      normalise: (raw) => phone.toE164(raw),
      wrapUp: { durationMs: this.wrapUpSeconds > 0 ? this.wrapUpSeconds * 1000 : null },
      ...(this.storage !== undefined ? { storage: this.storage } : {}),
      onError: (error) => this.#onStoreError(error),
    });
    this.#store = store;
    this.#stops.push(() => store.dispose());
    this.#layout.store = store;
    this.requestUpdate();
    // The phone system's events count once the store knows whether this tab owns the calls.
    await store.ready;
    if (!current()) return;
    const cif = await this.#loadCif();
    if (!current()) return;
    if (cif.status !== 'ready') {
      const standalone = cif.status === 'not-in-dynamics';
      if (standalone && provider === this.#ownProvider) {
        // Nobody plays the remote party: outbound calls are answered after a few seconds.
        this.#ownProvider.outbound = { alertAfterMs: 500, answerAfterMs: 3000 };
      }
      const t = softphoneStrings(this.localize.lang);
      let message: string;
      if (cif.status === 'not-in-dynamics') {
        message = cif.reason === 'no-crm-url' ? t.noCrmUrlDetail : cif.message;
      } else {
        // In plain words for the agent; the loader's own message is logged for the vendor.
        console.warn(`[cif-softphone] ${cif.status}: ${cif.message}`);
        message = t.loadProblem(cif.status) ?? cif.message;
      }
      this.#setStatus(standalone ? 'standalone' : 'error', undefined, message);
      return;
    }

    const { client } = cif;
    const answer = {
      ...(this.sessionTemplate ? { session: { templateName: this.sessionTemplate } } : {}),
      // An unknown caller gets no automatic create form: the card offers Create contact and Search.
      screenPop: { none: 'none' as const },
    };
    const options: CifWorkflowsOptions = {
      client,
      store,
      phone,
      namespace: this.namespace,
      ...(this.storage !== undefined ? { storage: this.storage } : {}),
      onError: (error) => this.#onWorkflowError(error),
      clickToAct: true,
      callerMatch: { entities: MATCH_ENTITIES },
      ...(this.notificationTemplate
        ? { alerting: { templateName: this.notificationTemplate } }
        : {}),
      onAnswer: answer,
      activity: { markCompleted: true },
      ...(this.presenceOnCall ? { presence: { onCall: this.presenceOnCall } } : {}),
      locale: { onLocale: (tag) => setLocale(tag), setPhoneRegion: true },
      ...this.workflowOptions,
    };
    const workflows = startCifWorkflows({ ...options, client, store, phone });
    this.#workflows = workflows;
    this.#stops.push(() => workflows.stop());
    const activities = workflows.activities;
    if (activities) {
      this.#stops.push(
        activities.subscribe(() => {
          this.#activities = activities.getSnapshot();
          this.requestUpdate();
        }),
      );
      this.#activities = activities.getSnapshot();
    }
    this.#actions = createCifContactCardActions(client, {
      store,
      phone,
      ...(typeof options.callerMatch === 'object' ? { callerMatch: options.callerMatch } : {}),
      ...(this.recordTabTemplate ? { recordTabTemplate: this.recordTabTemplate } : {}),
    });
    let message = '';
    const problem = cif.environmentError;
    if (problem) {
      message =
        problem.code === 'sender-not-trusted'
          ? softphoneStrings(this.localize.lang).untrustedDetail(location.origin)
          : problem.message;
    }
    this.#setStatus(message ? 'error' : 'connected', client.version, message);
  }

  /** The CIF client: the one given, else the library loaded from the org (or why there is none). */
  async #loadCif(): Promise<
    | { status: 'ready'; client: CifClient; environmentError?: CifError }
    | Exclude<CifLoadResult, { status: 'ready' }>
  > {
    if (this.client) return { status: 'ready', client: this.client };
    const win = this.ownerDocument.defaultView;
    if (this.standalone || !win || !CifSoftphone.isFramed(win)) {
      return {
        status: 'not-in-dynamics',
        reason: 'not-framed',
        message: softphoneStrings(this.localize.lang).standaloneDetail,
      };
    }
    const setting = String(this.apiVersion);
    const version = setting === '1' ? 1 : setting === '2' ? 2 : undefined;
    const result = await loadCifLibrary({
      window: win,
      isFramed: (w) => CifSoftphone.isFramed(w),
      ...(this.crmUrl ? { crmUrl: this.crmUrl } : {}),
      // `auto`: core asks the host (a CIF 1.0 app refuses CIF 2.0's canCreateSession).
      ...(version ? { version } : { probeVersion: true }),
    });
    if (result.status !== 'ready') return result;
    return {
      status: 'ready',
      client: result.client,
      ...(result.environmentError ? { environmentError: result.environmentError } : {}),
    };
  }

  /**
   * The origin of the host that may drive the simulated provider: the org the library comes from (the
   * `crm-url` attribute, the page's `data-crmurl` script, or `?ucilib=`), or none (the first greeting).
   */
  #hostOrigin(): string | undefined {
    const script = this.ownerDocument.querySelector<HTMLScriptElement>(
      'script[data-cifid="CIFMainLibrary"], script[data-crmurl]',
    );
    let url = this.crmUrl || script?.dataset.crmurl || script?.src;
    try {
      url ||= new URL(location.href).searchParams.get('ucilib') ?? undefined;
      return url ? new URL(url, location.href).origin : undefined;
    } catch {
      return undefined;
    }
  }

  #providerFor(): TelephonyProvider {
    if (this.provider) return this.provider;
    this.#ownProvider ??= createSimulatedProvider({
      ...(this.storage !== undefined ? { storage: this.storage } : {}),
      key: `cif-softphone:simulated-calls:${this.namespace}`,
    });
    return this.#ownProvider;
  }

  #makeFormatters(phone: PhoneNumbers) {
    const e164 = (input: string, region: string) => phone.toE164(input, region) ?? undefined;
    return {
      dialpad: {
        asYouType: (input: string, region: string) => phone.asYouType(input, region),
        isValid: (input: string, region: string) => phone.isValid(input, region),
        normalise: e164,
      },
      card: {
        asYouType: (input: string, region: string) => {
          const info = phone.parse(input, region);
          return info.e164 ? info.international : input;
        },
        normalise: e164,
      },
      toast: (number: string) => {
        const info = phone.parse(number);
        return info.e164 ? info.international : number;
      },
    };
  }

  #setStatus(status: SoftphoneStatus, version: 1 | 2 | undefined, message: string): void {
    const changed =
      status !== this.#status || version !== this.#version || message !== this.#message;
    this.#status = status;
    this.#version = version;
    this.#message = message;
    for (const state of ['starting', 'connected', 'standalone', 'error'])
      this.setState(state, state === status);
    if (!changed) return;
    this.requestUpdate();
    // Declared once, in the class's JSDoc (`@fires`): the manifest takes its name from there.
    const event = new CifStatusChangeEvent({ status, version, message });
    this.dispatchEvent(event);
  }

  #onStoreError(error: CallStoreError): void {
    // Shown by the components (a failed command's notice); logged for the vendor.
    console.warn(`[cif-softphone] ${error.command ?? 'store'}: ${error.message}`);
  }

  #onWorkflowError(error: WorkflowError): void {
    console.error(`[cif-softphone] ${error.workflow}: ${error.message}`);
    // Activities have their own notices (saving again, could not be saved).
    if (error.workflow === 'activity') return;
    const text = softphoneStrings(this.localize.lang).problem(error.workflow, error.code);
    if (this.#problems.includes(text)) return;
    this.#problems = [...this.#problems, text].slice(-3);
    // After the components have announced the same change (the kit's live region keeps the last message).
    setTimeout(() => {
      if (this.isConnected && this.#problems.includes(text)) announce(text);
    }, 300);
    this.requestUpdate();
  }

  // -------------------------------------------------------------------------------------------------
  // Reading the store

  #readLayout(snapshot: CallStoreSnapshot): Layout {
    if (!snapshot) return NO_LAYOUT;
    const controls = this.#controlsSelector(snapshot);
    const consulting = (call: Call) => call.transfer?.status === 'consulting';
    const held = snapshot.calls
      .filter(
        (call) =>
          call.state === 'held' &&
          call.consultFor === null &&
          !consulting(call) &&
          call.id !== controls.primaryId,
      )
      .map((call) => ({ id: call.id, name: this.#nameOf(call), pending: call.pending !== null }));
    const seen = new Set<string>();
    const recents: DialpadRecent[] = [];
    for (const call of snapshot.history) {
      const key = call.remoteE164 ?? call.remoteNumber;
      if (seen.has(key) || recents.length >= 3) continue;
      seen.add(key);
      recents.push({
        number: call.remoteE164 ?? call.remoteNumber,
        ...(call.displayName ? { name: call.displayName } : {}),
        ...(call.endedAt !== null ? { time: call.endedAt } : {}),
      });
    }
    return {
      busy: snapshot.calls.length > 0,
      live: controls.state !== 'idle',
      card: this.#cardSelector(snapshot) !== undefined,
      held,
      readOnly: snapshot.role === 'follower',
      recents,
    };
  }

  #nameOf(call: Call): string {
    if (call.displayName) return call.displayName;
    return this.#formatters?.toast(call.remoteE164 ?? call.remoteNumber) ?? call.remoteNumber;
  }

  /**
   * The controls show the call the agent works on. When only calls on hold are left besides a call in
   * wrap-up (the agent hung up on one caller while another waits on hold), that is the wrap-up: the
   * waiting caller is in the list of calls on hold, one click from Resume.
   */
  readonly #controlsSelector = (snapshot: unknown): CallControlsCallState => {
    const state = readCallControlsState(snapshot);
    if (state.state !== 'held' || typeof snapshot !== 'object' || snapshot === null) return state;
    const calls = (snapshot as CallStoreSnapshot).calls;
    const wrapping = calls.some(
      (call) =>
        call.state === 'ended' && call.consultFor === null && call.wrapUp?.completedAt == null,
    );
    if (!wrapping) return state;
    const parked = (call: Call) =>
      call.state === 'held' && call.consultFor === null && call.transfer?.status !== 'consulting';
    return readCallControlsState({ ...snapshot, calls: calls.filter((call) => !parked(call)) });
  };

  /** The card follows the active call, else the newest ringing one, else the call the controls show. */
  readonly #cardSelector = (snapshot: unknown): ContactCardCallState | undefined => {
    const call = readContactCardCallState(snapshot);
    if (call) return call;
    const controls = this.#controlsSelector(snapshot);
    if (!controls.primaryId || typeof snapshot !== 'object' || snapshot === null) return undefined;
    return readContactCardCallState({ ...snapshot, activeCallId: controls.primaryId });
  };

  // -------------------------------------------------------------------------------------------------
  // Focus

  readonly #onFocusIn = () => {
    this.#hadFocus = true;
  };

  readonly #onFocusOut = (event: FocusEvent) => {
    const next = event.relatedTarget;
    if (next instanceof Node && this.contains(next)) return;
    // Focus moved elsewhere on purpose (another element), or its element is going away (null).
    if (next !== null) this.#hadFocus = false;
    else this.#checkFocusSoon();
  };

  #focusCheck: ReturnType<typeof setTimeout> | undefined;

  /** Once the browser has moved focus off a hidden or removed control, brings it back to the widget. */
  #checkFocusSoon(): void {
    clearTimeout(this.#focusCheck);
    this.#focusCheck = setTimeout(() => {
      if (!this.isConnected || !this.#hadFocus || this.matches(':focus-within')) return;
      // Focus left the widget's document (the agent clicked into Dynamics): never take it back.
      if (!this.ownerDocument.hasFocus()) {
        this.#hadFocus = false;
        return;
      }
      const active = this.ownerDocument.activeElement;
      if (!active || active === this.ownerDocument.body) this.#focusCurrent();
      else this.#hadFocus = false;
    }, 50);
  }

  /** Focuses the widget's current control: the call controls, else the toast, else the dialpad. */
  #focusCurrent(): void {
    if (this.matches(':focus-within')) return;
    const root = this.renderRoot;
    const inside = (host: Element | null, selector: string) =>
      host && !host.closest('[hidden]')
        ? (host.shadowRoot?.querySelector<HTMLElement>(selector) ?? null)
        : null;
    const target =
      inside(
        root.querySelector('cif-call-controls'),
        '[part~=wrap-up] select, [part~=wrap-up] textarea, [part~=control][tabindex="0"]',
      ) ??
      inside(root.querySelector('cif-incoming-call-toast'), 'button:not([aria-disabled="true"])') ??
      (root.querySelector<HTMLElement>('cif-dialpad:not([hidden])') || null);
    // Nothing to focus yet (a call between states): the next update tries again.
    target?.focus();
    if (this.matches(':focus-within')) this.#hadFocus = true;
  }

  // -------------------------------------------------------------------------------------------------
  // Rendering

  override render(): TemplateResult {
    const t = softphoneStrings(this.localize.lang);
    const layout = this.#layout.value ?? NO_LAYOUT;
    this.setState('busy', layout.busy);
    const store = this.#store;
    const formatters = this.#formatters;
    const level = Math.min(6, Math.max(1, Math.round(this.headingLevel) || 1));
    return html`<div part="base" class="base">
      <header part="header" class="header">
        <div part="title" class="title" role="heading" aria-level=${level}>
          ${this.label || t.title}
        </div>
        <p part="status" class="status" data-status=${this.#status} role="status">
          <span class="dot" aria-hidden="true"></span>${this.#statusText(t)}
        </p>
        <slot name="header-end"></slot>
      </header>
      ${this.#banner(t, layout)}
      <cif-incoming-call-toast
        part="toast"
        placement="inline"
        timeout=${this.ringSeconds}
        .store=${store}
        .numberFormatter=${formatters?.toast}
      ></cif-incoming-call-toast>
      <section part="call" class="call" aria-label=${t.currentCall} ?hidden=${!layout.busy}>
        ${
          layout.card
            ? html`<cif-contact-card
                part="card"
                .headingLevel=${Math.min(6, level + 1)}
                .store=${store}
                .storeSelector=${this.#cardSelector}
                .actions=${this.#actions}
                .numberFormatter=${formatters?.card}
              ></cif-contact-card>`
            : nothing
        }
        <div class="controls" ?hidden=${!layout.live}>
          <cif-call-controls
            part="controls"
            .store=${store}
            .storeSelector=${this.#controlsSelector}
            .dispositions=${this.dispositions}
          ></cif-call-controls>
        </div>
        ${this.#heldCalls(t, layout)}
      </section>
      <cif-dialpad
        part="dialpad"
        ?hidden=${layout.live}
        .store=${store}
        .recents=${layout.recents}
        .numberFormatter=${formatters?.dialpad}
      ></cif-dialpad>
      <slot name="footer"></slot>
    </div>`;
  }

  #statusText(t: ReturnType<typeof softphoneStrings>): string {
    switch (this.#status) {
      case 'starting':
        return t.statusStarting;
      case 'connected':
        return t.statusConnected(this.#version ?? 1);
      case 'standalone':
        return t.statusStandalone;
      case 'error':
        return t.statusError;
    }
  }

  #banner(t: ReturnType<typeof softphoneStrings>, layout: Layout): TemplateResult | typeof nothing {
    const failed = this.#activities.filter((job) => job.status === 'failed').length;
    const retrying = this.#activities.filter(
      (job) => job.status !== 'failed' && job.lastError !== null,
    ).length;
    const notices: TemplateResult[] = [];
    if (this.#status === 'standalone') {
      notices.push(
        html`<p>${this.#message || t.standaloneDetail}</p>
          ${
            this.#activeProvider instanceof SimulatedProvider
              ? html`<button
                  type="button"
                  part="banner-button"
                  ?disabled=${layout.readOnly}
                  @click=${() => this.simulateIncomingCall()}
                >
                  ${t.simulateCall}
                </button>`
              : nothing
          }`,
      );
    } else if (this.#status === 'error') {
      notices.push(
        html`<p>${this.#message}</p>
          <button type="button" part="banner-button" @click=${() => this.reconnect()}>
            ${t.retry}
          </button>`,
      );
    }
    if (layout.readOnly) notices.push(html`<p>${t.readOnly}</p>`);
    if (failed > 0) {
      notices.push(
        html`<p>${t.activitiesFailed(failed)}</p>
          <button
            type="button"
            part="banner-button"
            @click=${() => void this.#workflows?.activities?.retry()}
          >
            ${t.retry}
          </button>`,
      );
    }
    if (retrying > 0) notices.push(html`<p>${t.activitiesPending(retrying)}</p>`);
    if (this.#problems.length > 0) {
      notices.push(
        html`${this.#problems.map((problem) => html`<p>${problem}</p>`)}
          <button
            type="button"
            part="banner-button"
            @click=${() => {
              this.#problems = [];
              this.requestUpdate();
            }}
          >
            ${t.dismiss}
          </button>`,
      );
    }
    if (notices.length === 0) return nothing;
    return html`<div part="banner" class="banner" data-kind=${this.#status}>${notices}</div>`;
  }

  #heldCalls(
    t: ReturnType<typeof softphoneStrings>,
    layout: Layout,
  ): TemplateResult | typeof nothing {
    if (layout.held.length === 0) return nothing;
    const store = this.#store;
    const run = (command: () => Promise<unknown> | undefined) => {
      // Failures show in the store's lastError and the controls; nothing to add here.
      void command()?.catch(() => undefined);
    };
    return html`<ul part="held" class="held" aria-label=${t.heldCalls}>
      ${layout.held.map(
        (call) =>
          html`<li class="held-call">
            <span class="held-name">${call.name}</span>
            <span class="held-state">${t.onHold}</span>
            <button
              type="button"
              part="held-button"
              aria-label=${t.resumeCall(call.name)}
              ?disabled=${call.pending || layout.readOnly}
              @click=${() => run(() => store?.setHeld(call.id, false))}
            >
              ${t.resume}
            </button>
            <button
              type="button"
              part="held-button"
              class="end"
              aria-label=${t.endCall(call.name)}
              ?disabled=${call.pending || layout.readOnly}
              @click=${() => run(() => store?.hangUp(call.id))}
            >
              <svg viewBox="0 0 24 24" aria-hidden="true">
                <path d="M3 14c5-5 13-5 18 0l-2 3-4-1v-3c-2-1-4-1-6 0v3l-4 1z" />
              </svg>
            </button>
          </li>`,
      )}
    </ul>`;
  }
}
