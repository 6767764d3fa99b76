/**
 * The call store: a small state machine over the calls of one agent. It exposes immutable snapshots
 * through `getSnapshot()`/`subscribe()` (the contract of React's useSyncExternalStore, Vue's and Svelte's
 * stores, and base's StoreController), turns agent commands into provider calls, and provider events into
 * state. It persists to storage so a reloaded widget gets its calls back, and lets exactly one tab own the
 * calls. It knows nothing of CIF.
 */
import { CallError, type CallErrorCode } from './errors.js';
import { claimOwnership, defaultLocks } from './ownership.js';
import {
  defaultStorage,
  freezeContext,
  readPersisted,
  revivePersisted,
  type CallStorage,
} from './persist.js';
import {
  NO_CAPABILITIES,
  resolveCapabilities,
  type ProviderEvent,
  type TelephonyProvider,
} from './provider.js';
import type {
  Call,
  CallCommand,
  CallContextValue,
  CallEndReason,
  CallMatch,
  CallLookup,
  CallRecordRef,
  CallState,
  CallStoreError,
  CallStoreRole,
  CallStoreSnapshot,
  ProviderCapabilities,
} from './types.js';

/** Cross-tab ownership options. */
export interface CallStoreOwnership {
  /**
   * The BroadcastChannel over which the owner shares its snapshots, also naming the lock. Defaults to
   * `cif-elements:calls:<namespace>`. Two store instances with the same channel in one page behave like
   * two tabs (what tests do).
   */
  readonly channel?: string;
  /** The lock manager; defaults to `navigator.locks`. `null`: no coordination (this store owns). */
  readonly locks?: LockManager | null;
}

/** Wrap-up options. */
export interface CallStoreWrapUp {
  /** Wrap-up completes by itself this many ms after the call ends (`null`: only when completed). */
  readonly durationMs?: number | null;
  /** Calls that were never connected skip wrap-up (default true). */
  readonly skipUnanswered?: boolean;
}

/** Options of {@link createCallStore}. */
export interface CallStoreOptions {
  /** The phone system. */
  readonly provider: TelephonyProvider;
  /** The clock (ms). Defaults to `Date.now`. The store never lets time run backwards. */
  readonly now?: () => number;
  /** Where calls persist; defaults to `localStorage`. `null`: nothing persists. */
  readonly storage?: CallStorage | null;
  /** Separates stores (and their storage keys, channel and lock) on one origin. Default `default`. */
  readonly namespace?: string;
  /** Cross-tab ownership; `false` makes this store the owner without coordination. */
  readonly ownership?: CallStoreOwnership | false;
  /**
   * Normalises a remote number to E.164 (`null` when it cannot). Pass the synchronous normaliser of
   * `@cif-elements/core`'s phone numbers. Defaults to keeping `+digits` numbers only.
   */
  readonly normalise?: (raw: string) => string | null;
  /** Id generator for outbound calls. Defaults to `crypto.randomUUID()`. */
  readonly createId?: () => string;
  /** Wrap-up after calls; `false`: calls finish when they end. */
  readonly wrapUp?: CallStoreWrapUp | false;
  /** How many finished calls `history` keeps (default 20). */
  readonly historyLimit?: number;
  /** Pause before each post-dial digit group (an extension) is sent, in ms (default 2000). */
  readonly postDialDelayMs?: number;
  /** A provider command that has not settled after this many ms fails (default 30 000; 0: never). */
  readonly commandTimeoutMs?: number;
  /** Receives every failure (also shown as `lastError`) and every ignored provider event. */
  readonly onError?: (error: CallStoreError) => void;
}

/** Options of {@link CallStore.dial}. */
export interface DialOptions {
  /** The record the call is about (a click-to-act record). */
  readonly regarding?: CallRecordRef | null;
  /** A name to show until a match is found. */
  readonly displayName?: string | null;
  /** App data for the call. */
  readonly context?: Readonly<Record<string, CallContextValue>>;
  /** Digits to send once connected (an extension); also taken from the number after `,` or `;`. */
  readonly postDial?: string | null;
}

/** What {@link CallStore.annotate} may change: facts found outside the phone system. */
export interface CallAnnotation {
  readonly displayName?: string | null;
  readonly remoteE164?: string | null;
  readonly matches?: readonly CallMatch[];
  readonly lookup?: CallLookup;
  readonly regarding?: CallRecordRef | null;
  /** Merged into the call's context (a key set to `undefined` is removed). */
  readonly context?: Readonly<Record<string, CallContextValue | undefined>>;
}

/** What {@link CallStore.updateWrapUp} and {@link CallStore.completeWrapUp} may set. */
export interface CallWrapUpDetails {
  readonly disposition?: string | null;
  readonly notes?: string;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Listener = () => void;
type ErrorCommand = CallError['command'];

interface Spec {
  /** Throws a CallError when the command is refused; returns true when there is nothing to do. */
  check(call: Call): boolean | void;
  /** Makes room first (holds the connected call). */
  before?(): Promise<void>;
  invoke(call: Call): Promise<void> | undefined;
  /** Applied on success to the current call. */
  done(call: Call, at: number): Call;
  /** Applied on failure to the current call. */
  failed?(call: Call, at: number): Call;
  /** May run while another command is pending (hangUp). */
  anytime?: boolean;
}

const LEGAL: Readonly<Record<CallState, readonly CallState[]>> = {
  dialing: ['alerting', 'connected', 'ended'],
  alerting: ['connected', 'ended'],
  ringing: ['connected', 'ended'],
  connected: ['held', 'ended'],
  held: ['connected', 'ended'],
  ended: [],
};
const LIVE: readonly CallState[] = ['dialing', 'alerting', 'connected', 'held'];
const DTMF = /^[0-9*#A-D]+$/i;
const PAUSES = /[,;]/;

/** Whether a state may move to another (a call never leaves `ended`). */
export function canTransition(from: CallState, to: CallState): boolean {
  return LEGAL[from].includes(to);
}

/** Freezes a call and its nested records (snapshots are immutable all the way down). */
const frozen = (call: Mutable<Call> | Call): Call => {
  if (call.wrapUp) Object.freeze(call.wrapUp);
  if (call.transfer) Object.freeze(call.transfer);
  return Object.freeze(call);
};
const clearPending = (call: Call, command: CallCommand): Call =>
  call.pending === command ? frozen({ ...call, pending: null }) : call;

function defaultNormalise(raw: string): string | null {
  const digits = raw.replace(/[^\d+]/g, '');
  return /^\+[1-9]\d{6,14}$/.test(digits) ? digits : null;
}

function defaultId(): string {
  return typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `call-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

function rejected(error: unknown): Promise<never> {
  return Promise.reject(error instanceof Error ? error : new Error(String(error)));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The call store. Create it with {@link createCallStore}.
 *
 * Commands return promises that resolve once the provider has accepted them (the snapshot already shows
 * the change) and reject with a {@link CallError} otherwise; a refused command changes nothing. A command
 * repeated while it is in flight (a double click) returns the first promise: the provider is called once.
 * Setting a state the call already has (`setMuted(id, true)` on a muted call) resolves without calling the
 * provider; a transition the state forbids (answering a connected call) rejects `illegal-transition`
 * without calling it.
 *
 * @example
 * const store = createCallStore({ provider });
 * const unsubscribe = store.subscribe(() => render(store.getSnapshot()));
 * const id = await store.dial('+1 619 555 0129');
 * await store.setHeld(id, true);
 */
export class CallStore {
  /** Resolves with this store's role once it is decided (`owner` or `follower`). */
  readonly ready: Promise<CallStoreRole>;

  readonly #provider: TelephonyProvider;
  readonly #clock: () => number;
  readonly #storage: CallStorage | null;
  readonly #key: string;
  readonly #normalise: (raw: string) => string | null;
  readonly #createId: () => string;
  readonly #wrapUp: CallStoreWrapUp | false;
  readonly #historyLimit: number;
  readonly #postDialDelay: number;
  readonly #commandTimeout: number;
  readonly #onError: ((error: CallStoreError) => void) | undefined;
  readonly #listeners = new Set<Listener>();
  readonly #inflight = new Map<string, Promise<unknown>>();
  readonly #timers = new Map<string, ReturnType<typeof setTimeout>>();
  readonly #dtmfQueues = new Map<string, Promise<void>>();
  #state: CallStoreSnapshot;
  #last = -Infinity;
  #channel: BroadcastChannel | null = null;
  #release: () => void = () => undefined;
  #unsubscribeProvider: (() => void) | null = null;
  /** Provider events received while the role was not yet decided: applied once this store owns. */
  #pending: ProviderEvent[] = [];
  #resolveReady: (role: CallStoreRole) => void = () => undefined;

  constructor(options: CallStoreOptions) {
    this.#provider = options.provider;
    this.#clock = options.now ?? Date.now;
    this.#storage = options.storage === undefined ? defaultStorage() : options.storage;
    const namespace = options.namespace ?? 'default';
    this.#key = `cif-elements:calls:${namespace}`;
    this.#normalise = options.normalise ?? defaultNormalise;
    this.#createId = options.createId ?? defaultId;
    this.#wrapUp = options.wrapUp ?? {};
    this.#historyLimit = Math.max(0, options.historyLimit ?? 20);
    this.#postDialDelay = Math.max(0, options.postDialDelayMs ?? 2000);
    this.#commandTimeout = options.commandTimeoutMs ?? 30_000;
    this.#onError = options.onError;
    this.ready = new Promise((resolve) => (this.#resolveReady = resolve));
    const persisted = readPersisted(this.#storage, this.#key);
    this.#state = this.#snapshot(persisted.calls, persisted.history, {
      capabilities: resolveCapabilities(this.#provider.capabilities ?? {}, this.#provider),
      role: 'connecting',
      lastError: null,
    });

    const ownership = options.ownership ?? {};
    if (ownership === false) {
      this.#becomeOwner();
      return;
    }
    const channelName = ownership.channel ?? this.#key;
    if (typeof BroadcastChannel !== 'undefined') {
      this.#channel = new BroadcastChannel(channelName);
      this.#channel.onmessage = (event: MessageEvent<unknown>) => this.#onMessage(event.data);
    }
    const locks = ownership.locks === undefined ? defaultLocks() : ownership.locks;
    // Listen at once: events that arrive while ownership is being decided wait in #pending.
    this.#subscribeProvider();
    this.#release = claimOwnership(locks, `${channelName}:owner`, {
      owner: () => this.#becomeOwner(),
      follower: () => this.#becomeFollower(),
      unavailable: (error) =>
        this.#report(
          'ownership-unavailable',
          `Web Locks refused the ownership lock (${error instanceof Error ? `${error.name}: ` : ''}${messageOf(error)}): this store owns the calls without cross-tab coordination`,
          null,
          null,
          false,
        ),
    });
  }

  // -------------------------------------------------------------------------------------------------
  // The store contract

  /** The current snapshot. The same object until something changes. */
  getSnapshot = (): CallStoreSnapshot => this.#state;

  /** Calls `listener` after every change; returns the function that unsubscribes. */
  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  };

  /** A call of the snapshot (not history) by id. */
  getCall(callId: string): Call | undefined {
    return this.#state.calls.find((call) => call.id === callId);
  }

  // -------------------------------------------------------------------------------------------------
  // Commands

  /**
   * Places an outbound call and resolves its id once the provider has accepted it. Digits after `,` or
   * `;` (or `options.postDial`) are sent as DTMF once the call connects. A connected call is put on hold
   * first (or the dial is refused `busy` when the provider cannot hold); another call being placed makes
   * it `busy`.
   */
  dial(number: string, options: DialOptions = {}): Promise<string> {
    const raw = typeof number === 'string' ? number.trim() : '';
    const pause = raw.search(PAUSES);
    const remote = (pause >= 0 ? raw.slice(0, pause) : raw).trim();
    const postDial = (options.postDial ?? (pause >= 0 ? raw.slice(pause) : '')).trim();
    const key = `dial\u0000${raw}`;
    const existing = this.#inflight.get(key) as Promise<string> | undefined;
    if (existing) return existing;
    const gate = this.#gate('dial', null, () => this.dial(number, options));
    if (gate) return gate;
    const refuse = (code: CallErrorCode, message: string) =>
      Promise.reject(new CallError(code, 'dial', message));
    if (!/[\dA-Z@]/i.test(remote)) return refuse('invalid-argument', 'dial: the number is empty');
    if (postDial.replace(/[,;\s]/g, '') !== '' && !DTMF.test(postDial.replace(/[,;\s]/g, ''))) {
      return refuse('invalid-argument', 'dial: post-dial digits may only be 0-9, *, #, A-D');
    }
    if (!this.#state.capabilities.canDial)
      return refuse('unsupported', 'dial: the provider cannot dial');
    if (this.#state.calls.some((c) => c.state === 'dialing' || c.state === 'alerting')) {
      return refuse('busy', 'dial: another call is being placed');
    }
    const room = this.#roomFor(null, 'dial');
    if (room instanceof CallError) return Promise.reject(room);
    const id = this.#createId();
    const at = this.#now();
    const call = this.#newCall(id, 'outbound', remote, at, {
      state: 'dialing',
      pending: 'dial',
      displayName: options.displayName ?? null,
      regarding: options.regarding ?? null,
      context: freezeContext(options.context),
      postDial: postDial === '' ? null : postDial,
    });
    const promise = (async () => {
      this.#commit([...this.#state.calls, call]);
      try {
        await room();
        await this.#callProvider(() =>
          this.#provider.dial?.({ callId: id, number: call.remoteE164 ?? remote, raw }),
        );
      } catch (error) {
        const now = this.#now();
        // The call may have ended meanwhile (the provider reported it before rejecting the dial).
        this.#update(id, (c) => this.#end(clearPending(c, 'dial'), now, 'failed'));
        throw this.#failure('dial', id, error);
      }
      this.#update(id, (c) => clearPending(c, 'dial'));
      return id;
    })();
    const tracked = promise.finally(() => this.#inflight.delete(key));
    this.#inflight.set(key, tracked);
    return tracked;
  }

  /** Answers a ringing call. A connected call is put on hold first (call waiting). */
  answer(callId: string): Promise<void> {
    return this.#run('answer', callId, '', {
      check: (call) => {
        this.#expect('answer', call, ['ringing']);
        this.#capable('answer', 'canAnswer', call);
      },
      before: this.#makeRoom(callId, 'answer'),
      invoke: (call) => this.#provider.answer?.(call.id),
      done: (call, at) => this.#moveTo(call, 'connected', at),
    });
  }

  /** Declines a ringing call; it ends as `declined`. */
  decline(callId: string): Promise<void> {
    return this.#run('decline', callId, '', {
      check: (call) => {
        this.#expect('decline', call, ['ringing']);
        this.#capable('decline', 'canDecline', call);
      },
      invoke: (call) => this.#provider.decline?.(call.id),
      done: (call, at) => this.#end(call, at, 'declined'),
    });
  }

  /** Hangs up a call being placed, connected or held; it ends as `hung-up`. Allowed while another command is pending. */
  hangUp(callId: string): Promise<void> {
    return this.#run('hangUp', callId, '', {
      anytime: true,
      check: (call) => this.#expect('hangUp', call, LIVE),
      invoke: (call) => this.#provider.hangUp(call.id),
      done: (call, at) => this.#end(call, at, 'hung-up'),
    });
  }

  /** Mutes or unmutes the agent's microphone on a call. */
  setMuted(callId: string, muted: boolean): Promise<void> {
    return this.#run('setMuted', callId, String(muted), {
      check: (call) => {
        this.#expect('setMuted', call, LIVE);
        if (call.muted === muted) return true;
        this.#capable('setMuted', 'canMute', call);
      },
      invoke: (call) => this.#provider.setMuted?.(call.id, muted),
      done: (call) => (call.state === 'ended' ? call : frozen({ ...call, muted })),
    });
  }

  /** Holds or resumes a call. Resuming while another call is connected holds that one first. */
  setHeld(callId: string, held: boolean): Promise<void> {
    return this.#run('setHeld', callId, String(held), {
      check: (call) => {
        if (call.state === (held ? 'held' : 'connected')) return true;
        this.#expect('setHeld', call, [held ? 'connected' : 'held']);
        this.#capable('setHeld', 'canHold', call);
      },
      ...(held ? {} : { before: this.#makeRoom(callId, 'setHeld') }),
      invoke: (call) => this.#provider.setHeld?.(call.id, held),
      done: (call, at) => this.#moveTo(call, held ? 'held' : 'connected', at),
    });
  }

  /**
   * Sends DTMF digits (0-9, *, #, A-D) on the connected call. Every call is sent (pressing a key twice
   * sends it twice), in order.
   */
  sendDigits(callId: string, digits: string): Promise<void> {
    const gate = this.#gate('sendDigits', callId, () => this.sendDigits(callId, digits));
    if (gate) return gate;
    try {
      const call = this.#require('sendDigits', callId);
      if (typeof digits !== 'string' || !DTMF.test(digits)) {
        throw new CallError('invalid-argument', 'sendDigits', 'sendDigits: use 0-9, *, #, A-D', {
          callId,
        });
      }
      this.#expect('sendDigits', call, ['connected']);
      this.#capable('sendDigits', 'canSendDtmf', call);
    } catch (error) {
      return rejected(error);
    }
    const previous = this.#dtmfQueues.get(callId) ?? Promise.resolve();
    const next = previous
      .catch(() => undefined)
      .then(() => this.#callProvider(() => this.#provider.sendDigits?.(callId, digits)))
      .then(
        () => this.#update(callId, (c) => frozen({ ...c, dtmf: c.dtmf + digits })),
        (error: unknown) => {
          throw this.#failure('sendDigits', callId, error);
        },
      );
    this.#dtmfQueues.set(callId, next);
    const clear = () => {
      if (this.#dtmfQueues.get(callId) === next) this.#dtmfQueues.delete(callId);
    };
    next.then(clear, clear);
    return next;
  }

  /** Transfers a connected or held call to `target` at once (blind); the call ends as `transferred`. */
  transfer(callId: string, target: string): Promise<void> {
    const to = typeof target === 'string' ? target.trim() : '';
    return this.#run('transfer', callId, to, {
      check: (call) => {
        this.#expect('transfer', call, ['connected', 'held']);
        this.#capable('transfer', 'canTransfer', call);
        this.#target('transfer', call, to);
      },
      invoke: (call) => this.#provider.transfer?.(call.id, to),
      // The provider may report the end before the command resolves: record the transfer either way.
      done: (call, at) =>
        this.#end(
          frozen({ ...call, transfer: { mode: 'blind', target: to, status: 'completed' } }),
          at,
          'transferred',
        ),
    });
  }

  /**
   * Starts a consult transfer: holds the call and places a consult call to `target` (a new call in the
   * snapshot with `consultFor`). Then {@link completeTransfer} hands the caller over, or {@link merge}
   * makes a conference, or hanging up the consult call returns to the held caller.
   */
  consult(callId: string, target: string): Promise<void> {
    const to = typeof target === 'string' ? target.trim() : '';
    let consultId = '';
    return this.#run('consult', callId, to, {
      check: (call) => {
        this.#expect('consult', call, ['connected', 'held']);
        this.#capable('consult', 'canConsult', call);
        this.#target('consult', call, to);
        if (this.#state.calls.some((c) => c.state === 'dialing' || c.state === 'alerting')) {
          throw new CallError('busy', 'consult', 'consult: another call is being placed', {
            callId,
          });
        }
      },
      invoke: (call) => {
        consultId = this.#createId();
        const at = this.#now();
        const leg = this.#newCall(consultId, 'outbound', to, at, {
          state: 'dialing',
          consultFor: call.id,
        });
        const transfer = {
          mode: 'consult',
          target: to,
          status: 'consulting',
          consultCallId: consultId,
        } as const;
        this.#commit(
          [...this.#state.calls, leg].map((c) =>
            c.id === call.id ? frozen({ ...c, transfer }) : c,
          ),
        );
        return this.#provider.consult?.(call.id, {
          callId: consultId,
          number: leg.remoteE164 ?? to,
          raw: to,
          consultFor: call.id,
        });
      },
      done: (call, at) => (call.state === 'connected' ? this.#moveTo(call, 'held', at) : call),
      failed: (call, at) => {
        if (consultId) this.#update(consultId, (leg) => this.#end(leg, at, 'failed'));
        return frozen({ ...call, transfer: null });
      },
    });
  }

  /** Completes a consult transfer: both the call and its consult call end as `transferred`. */
  completeTransfer(callId: string): Promise<void> {
    let consulting: Call['transfer'] = null;
    return this.#run('completeTransfer', callId, '', {
      check: (call) => {
        this.#expect('completeTransfer', call, ['connected', 'held']);
        this.#capable('completeTransfer', 'canConsult', call);
        this.#consultLeg('completeTransfer', call);
      },
      invoke: (call) => {
        consulting = call.transfer;
        return this.#provider.completeTransfer?.(
          call.id,
          this.#consultLeg('completeTransfer', call).id,
        );
      },
      done: (call, at) => {
        const legId = consulting?.consultCallId;
        if (legId) this.#update(legId, (leg) => this.#end(leg, at, 'transferred'));
        const transfer = consulting ? { ...consulting, status: 'completed' as const } : null;
        return this.#end(frozen({ ...call, transfer }), at, 'transferred');
      },
    });
  }

  /**
   * Merges another call (by default the consult call) into this one, making a conference: the other call
   * ends as `merged`, this one is connected with the other's number in `merged`.
   */
  merge(callId: string, otherCallId?: string): Promise<void> {
    let otherId = otherCallId ?? '';
    let otherNumber = '';
    return this.#run('merge', callId, otherCallId ?? '', {
      check: (call) => {
        this.#expect('merge', call, ['connected', 'held']);
        this.#capable('merge', 'canMerge', call);
        const other = otherCallId
          ? this.#require('merge', otherCallId)
          : this.#consultLeg('merge', call);
        otherId = other.id;
        otherNumber = other.remoteNumber;
        if (other.id === call.id || !['connected', 'held'].includes(other.state)) {
          throw new CallError(
            'illegal-transition',
            'merge',
            'merge: the other call must be connected or held',
            {
              callId,
              state: other.state,
            },
          );
        }
      },
      invoke: (call) => this.#provider.merge?.(call.id, otherId),
      done: (call, at) => {
        if (call.state === 'ended') return call;
        this.#update(otherId, (c) => this.#end(c, at, 'merged'));
        const transfer =
          call.transfer?.consultCallId === otherId
            ? { ...call.transfer, status: 'merged' as const }
            : call.transfer;
        return this.#moveTo(
          frozen({
            ...call,
            transfer,
            merged: Object.freeze([...call.merged, otherNumber]),
          }),
          'connected',
          at,
        );
      },
    });
  }

  /** Starts (or resumes) recording a connected or held call. */
  startRecording(callId: string): Promise<void> {
    return this.#run('startRecording', callId, '', {
      check: (call) => {
        this.#expect('startRecording', call, ['connected', 'held']);
        if (call.recording === 'recording') return true;
        this.#capable('startRecording', 'canRecord', call);
      },
      invoke: (call) => this.#provider.startRecording?.(call.id),
      done: (call) => (call.state === 'ended' ? call : frozen({ ...call, recording: 'recording' })),
    });
  }

  /** Pauses recording. */
  pauseRecording(callId: string): Promise<void> {
    return this.#run('pauseRecording', callId, '', {
      check: (call) => {
        this.#expect('pauseRecording', call, ['connected', 'held']);
        if (call.recording === 'paused') return true;
        if (call.recording !== 'recording') {
          throw new CallError(
            'illegal-transition',
            'pauseRecording',
            'pauseRecording: the call is not being recorded',
            {
              callId,
              state: call.state,
            },
          );
        }
        this.#capable('pauseRecording', 'canPauseRecording', call);
      },
      invoke: (call) => this.#provider.pauseRecording?.(call.id),
      done: (call) => (call.state === 'ended' ? call : frozen({ ...call, recording: 'paused' })),
    });
  }

  /** Sets the disposition and notes of a call (during the call or in wrap-up). Local: no provider call. */
  updateWrapUp(callId: string, details: CallWrapUpDetails): Promise<void> {
    return this.#local('updateWrapUp', callId, (call) => this.#details(call, details));
  }

  /**
   * Completes wrap-up of an ended call, optionally setting the disposition and notes last: the call moves
   * from `calls` to `history` (where workflows log it).
   */
  completeWrapUp(callId: string, details: CallWrapUpDetails = {}): Promise<void> {
    return this.#local('completeWrapUp', callId, (call, at) => {
      if (call.state !== 'ended' || !call.wrapUp) {
        throw new CallError(
          'illegal-transition',
          'completeWrapUp',
          'completeWrapUp: the call has not ended',
          {
            callId,
            state: call.state,
          },
        );
      }
      return frozen({
        ...this.#details(call, details),
        wrapUp: { ...call.wrapUp, completedAt: at },
      });
    });
  }

  /**
   * Attaches facts found outside the phone system (matched records, a display name, the CIF session id in
   * `context`). Local: no provider call. Refused for finished calls.
   */
  annotate(callId: string, annotation: CallAnnotation): Promise<void> {
    return this.#local('annotate', callId, (call) => {
      const next: Mutable<Call> = { ...call };
      if (annotation.displayName !== undefined) next.displayName = annotation.displayName;
      if (annotation.remoteE164 !== undefined) next.remoteE164 = annotation.remoteE164;
      if (annotation.lookup !== undefined) next.lookup = annotation.lookup;
      if (annotation.regarding !== undefined) {
        next.regarding = annotation.regarding ? Object.freeze({ ...annotation.regarding }) : null;
      }
      if (annotation.matches !== undefined) {
        next.matches = Object.freeze(annotation.matches.map((m) => Object.freeze({ ...m })));
      }
      if (annotation.context !== undefined) {
        next.context = freezeContext({ ...call.context, ...annotation.context });
      }
      return frozen(next);
    });
  }

  /**
   * Stops the store: releases ownership (another tab or the reloaded widget takes over with the persisted
   * calls), stops listening to the provider, cancels timers. Calls are not ended.
   */
  dispose(): void {
    if (this.#state.role === 'disposed') return;
    this.#release();
    this.#unsubscribeFromProvider();
    this.#pending = [];
    this.#channel?.close();
    this.#channel = null;
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
    this.#set({ role: 'disposed' });
    this.#resolveReady('disposed');
    this.#listeners.clear();
  }

  // -------------------------------------------------------------------------------------------------
  // Roles

  #becomeOwner(): void {
    // The last owner's calls: from storage, or (without storage) as this follower mirrored them.
    const persisted = this.#storage
      ? readPersisted(this.#storage, this.#key)
      : { calls: this.#state.calls, history: this.#state.history };
    const restored = persisted.calls;
    for (const call of [...restored, ...persisted.history]) {
      const times = [
        call.createdAt,
        call.answeredAt,
        call.heldSince,
        call.endedAt,
        call.wrapUp?.completedAt,
      ];
      for (const t of times) if (typeof t === 'number') this.#last = Math.max(this.#last, t);
    }
    this.#state = this.#snapshot([], persisted.history, { role: 'owner' });
    this.#subscribeProvider();
    this.#commit(restored);
    // Events that came while the role was being decided are newer than the persisted calls.
    const pending = this.#pending;
    this.#pending = [];
    for (const event of pending) this.#onEvent(event);
    this.#resolveReady('owner');
    if (restored.some((c) => c.state !== 'ended') && this.#provider.getCalls) {
      void this.#reconcile();
    }
  }

  #becomeFollower(): void {
    // The owning tab hears the phone system; this one mirrors it and listens again once it takes over.
    this.#pending = [];
    this.#unsubscribeFromProvider();
    this.#set({ role: 'follower' });
    this.#resolveReady('follower');
    this.#post({ type: 'hello' });
  }

  #subscribeProvider(): void {
    if (this.#unsubscribeProvider) return;
    this.#unsubscribeProvider = () => undefined;
    this.#unsubscribeProvider = this.#provider.subscribe((event) => {
      if (this.#state.role === 'connecting') this.#pending.push(event);
      else this.#onEvent(event);
    });
  }

  #unsubscribeFromProvider(): void {
    const unsubscribe = this.#unsubscribeProvider;
    this.#unsubscribeProvider = null;
    unsubscribe?.();
  }

  async #reconcile(): Promise<void> {
    let live: readonly { callId: string; state: CallState }[];
    try {
      live = (await this.#provider.getCalls?.()) ?? [];
    } catch (error) {
      this.#report('provider-failed', `getCalls failed: ${messageOf(error)}`, null, 'restore');
      return;
    }
    const at = this.#now();
    this.#commit(
      this.#state.calls.map((call) => {
        if (call.state === 'ended') return call;
        const info = live.find((entry) => entry.callId === call.id);
        if (!info) return this.#end(call, at, 'lost');
        return canTransition(call.state, info.state) ? this.#moveTo(call, info.state, at) : call;
      }),
    );
  }

  #onMessage(data: unknown): void {
    if (typeof data !== 'object' || data === null) return;
    const message = data as {
      type?: unknown;
      calls?: unknown;
      history?: unknown;
      capabilities?: unknown;
    };
    const role = this.#state.role;
    if (message.type === 'hello' && role === 'owner') this.#broadcast();
    if (message.type === 'state' && (role === 'follower' || role === 'connecting')) {
      const persisted = revivePersisted({ v: 1, calls: message.calls, history: message.history });
      const capabilities =
        typeof message.capabilities === 'object' && message.capabilities !== null
          ? resolveCapabilities(message.capabilities)
          : this.#state.capabilities;
      this.#state = this.#snapshot(persisted.calls, persisted.history, { capabilities });
      this.#notify();
    }
  }

  #post(message: unknown): void {
    try {
      this.#channel?.postMessage(message);
    } catch {
      // A closed channel: nothing to share with.
    }
  }

  #broadcast(): void {
    const { calls, history, capabilities } = this.#state;
    this.#post({ type: 'state', calls, history, capabilities });
  }

  // -------------------------------------------------------------------------------------------------
  // Provider events

  #onEvent(event: ProviderEvent): void {
    if (this.#state.role !== 'owner' || typeof event !== 'object' || event === null) return;
    if (event.type === 'capabilities') {
      this.#set({
        capabilities: resolveCapabilities(
          { ...this.#state.capabilities, ...event.capabilities },
          this.#provider,
        ),
      });
      return;
    }
    const at = this.#now();
    const call = this.getCall(event.callId);
    if (event.type === 'incoming' || event.type === 'outgoing') {
      if (call || this.#state.history.some((c) => c.id === event.callId)) return;
      const inbound = event.type === 'incoming';
      const created = this.#newCall(
        event.callId,
        inbound ? 'inbound' : 'outbound',
        event.number,
        at,
        {
          state: inbound ? 'ringing' : 'dialing',
          displayName: event.displayName ?? null,
        },
      );
      this.#commit([...this.#state.calls, created]);
      return;
    }
    if (!call) {
      this.#report(
        'unknown-call',
        `${event.type} for unknown call ${event.callId}`,
        event.callId,
        'event',
        false,
      );
      return;
    }
    switch (event.type) {
      case 'alerting':
      case 'connected':
      case 'held':
        if (call.state === event.type) return;
        if (!canTransition(call.state, event.type)) {
          this.#report(
            'illegal-transition',
            `${event.type} ignored: the call is ${call.state}`,
            call.id,
            'event',
            false,
          );
          return;
        }
        this.#update(call.id, (c) => this.#moveTo(c, event.type, at));
        return;
      case 'ended':
      case 'failed':
        if (call.state === 'ended') return;
        if (event.type === 'failed') {
          this.#report('provider-failed', event.message ?? 'the call failed', call.id, 'event');
        }
        this.#update(call.id, (c) =>
          this.#end(c, at, event.type === 'failed' ? 'failed' : event.reason),
        );
        return;
      case 'muted':
        if (call.state !== 'ended')
          this.#update(call.id, (c) => frozen({ ...c, muted: event.muted === true }));
        return;
      case 'recording':
        if (call.state !== 'ended')
          this.#update(call.id, (c) => frozen({ ...c, recording: event.recording }));
        return;
    }
  }

  // -------------------------------------------------------------------------------------------------
  // Transitions

  #newCall(
    id: string,
    direction: Call['direction'],
    number: string,
    at: number,
    extra: Partial<Call>,
  ): Call {
    let e164: string | null = null;
    try {
      e164 = this.#normalise(number);
    } catch {
      e164 = null;
    }
    return frozen({
      id,
      direction,
      remoteNumber: number,
      remoteE164: e164,
      displayName: null,
      matches: Object.freeze([]),
      lookup: 'idle',
      regarding: null,
      state: 'ringing',
      endReason: null,
      muted: false,
      createdAt: at,
      answeredAt: null,
      heldSince: null,
      totalHoldMs: 0,
      endedAt: null,
      dtmf: '',
      postDial: null,
      recording: 'off',
      transfer: null,
      consultFor: null,
      merged: Object.freeze([]),
      disposition: null,
      notes: '',
      wrapUp: null,
      pending: null,
      context: Object.freeze({}),
      ...extra,
    });
  }

  /** Moves a call to `to` when legal (otherwise returns it unchanged), updating timestamps. */
  #moveTo(call: Call, to: CallState, at: number, reason?: CallEndReason): Call {
    if (call.state === to || !canTransition(call.state, to)) return call;
    const next: Mutable<Call> = { ...call, state: to };
    if (call.heldSince !== null) {
      next.totalHoldMs = call.totalHoldMs + Math.max(0, at - call.heldSince);
      next.heldSince = null;
    }
    if (to === 'connected') {
      if (call.answeredAt === null && call.postDial) this.#schedulePostDial(call.id, call.postDial);
      next.answeredAt = call.answeredAt ?? at;
    }
    if (to === 'held') next.heldSince = at;
    if (to === 'ended') {
      next.endedAt = at;
      next.endReason =
        reason ??
        (call.state === 'ringing'
          ? 'missed'
          : call.answeredAt === null
            ? 'no-answer'
            : 'remote-hung-up');
      next.pending = null;
      const wrap = this.#wrapUp;
      const needed =
        wrap !== false &&
        call.consultFor === null &&
        (call.answeredAt !== null || wrap.skipUnanswered === false);
      const duration = wrap === false ? null : (wrap.durationMs ?? null);
      next.wrapUp = {
        startedAt: at,
        deadline: needed && duration !== null ? at + duration : null,
        completedAt: needed ? null : at,
      };
    }
    return frozen(next);
  }

  #end(call: Call, at: number, reason?: CallEndReason): Call {
    return this.#moveTo(call, 'ended', at, reason);
  }

  #details(call: Call, details: CallWrapUpDetails): Call {
    const next: Mutable<Call> = { ...call };
    if (details.disposition !== undefined) next.disposition = details.disposition;
    if (details.notes !== undefined) next.notes = String(details.notes);
    return frozen(next);
  }

  #schedulePostDial(callId: string, postDial: string): void {
    const groups = postDial.split(/(?=[,;])/);
    let delay = 0;
    for (const group of groups) {
      const digits = group.replace(/[,;\s]/g, '');
      if (group.startsWith(',') || group.startsWith(';')) delay += this.#postDialDelay;
      if (!digits) continue;
      this.#timer(`postdial:${callId}:${delay}`, delay, () => {
        this.sendDigits(callId, digits).catch((error: unknown) =>
          this.#report(
            'post-dial-failed',
            `post-dial digits not sent: ${messageOf(error)}`,
            callId,
            'sendDigits',
          ),
        );
        this.#update(callId, (c) => frozen({ ...c, postDial: null }));
      });
    }
  }

  // -------------------------------------------------------------------------------------------------
  // Command machinery

  /** Refuses or defers commands of a store that does not own the calls. */
  #gate<T>(
    command: ErrorCommand,
    callId: string | null,
    retry: () => Promise<T>,
  ): Promise<T> | undefined {
    const role = this.#state.role;
    if (role === 'owner') return undefined;
    if (role === 'connecting') return this.ready.then(retry);
    const code = role === 'disposed' ? 'disposed' : 'read-only';
    const message =
      role === 'disposed'
        ? `${command}: the store is disposed`
        : `${command}: another tab owns the calls`;
    return Promise.reject(new CallError(code, command, message, { callId }));
  }

  #require(command: ErrorCommand, callId: string): Call {
    const call = this.getCall(callId);
    if (!call) {
      throw new CallError('unknown-call', command, `${command}: no call ${String(callId)}`, {
        callId,
      });
    }
    return call;
  }

  #expect(command: ErrorCommand, call: Call, states: readonly CallState[]): void {
    if (!states.includes(call.state)) {
      throw new CallError(
        'illegal-transition',
        command,
        `${command}: the call is ${call.state} (needs ${states.join(' or ')})`,
        { callId: call.id, state: call.state },
      );
    }
  }

  #capable(command: ErrorCommand, flag: keyof ProviderCapabilities, call: Call): void {
    if (!this.#state.capabilities[flag]) {
      throw new CallError(
        'unsupported',
        command,
        `${command}: the provider does not support it (${flag})`,
        {
          callId: call.id,
          state: call.state,
        },
      );
    }
  }

  #target(command: ErrorCommand, call: Call, target: string): void {
    if (!/[\dA-Z@]/i.test(target)) {
      throw new CallError('invalid-argument', command, `${command}: the target is empty`, {
        callId: call.id,
      });
    }
    if (call.transfer?.status === 'consulting') {
      throw new CallError('busy', command, `${command}: a consult is in progress`, {
        callId: call.id,
      });
    }
  }

  #consultLeg(command: ErrorCommand, call: Call): Call {
    const leg =
      call.transfer?.status === 'consulting'
        ? this.getCall(call.transfer.consultCallId ?? '')
        : undefined;
    if (!leg || leg.state === 'ended') {
      throw new CallError('illegal-transition', command, `${command}: no consult call is up`, {
        callId: call.id,
        state: call.state,
      });
    }
    return leg;
  }

  /**
   * Before a call becomes connected (answer, resume, dial): the connected call must be held first. Returns
   * the hold to run, or a CallError when there is a connected call and the provider cannot hold.
   */
  #roomFor(exceptId: string | null, command: ErrorCommand): (() => Promise<void>) | CallError {
    const active = this.#state.calls.find((c) => c.state === 'connected' && c.id !== exceptId);
    if (!active) return () => Promise.resolve();
    if (!this.#state.capabilities.canHold) {
      return new CallError(
        'busy',
        command,
        `${command}: another call is connected and cannot be held`,
        {
          callId: exceptId,
        },
      );
    }
    return () => this.setHeld(active.id, true);
  }

  #makeRoom(callId: string, command: ErrorCommand): () => Promise<void> {
    return () => {
      const room = this.#roomFor(callId, command);
      return room instanceof CallError ? Promise.reject(room) : room();
    };
  }

  #run(command: CallCommand, callId: string, arg: string, spec: Spec): Promise<void> {
    const key = `${command}\u0000${callId}\u0000${arg}`;
    const existing = this.#inflight.get(key) as Promise<void> | undefined;
    if (existing) return existing;
    const gate = this.#gate(command, callId, () => this.#run(command, callId, arg, spec));
    if (gate) return gate;
    let call: Call;
    try {
      call = this.#require(command, callId);
      if (spec.check(call) === true) return Promise.resolve();
      if (call.pending && !spec.anytime) {
        throw new CallError('busy', command, `${command}: ${call.pending} is in progress`, {
          callId,
          state: call.state,
        });
      }
      if (spec.before) {
        const room = this.#roomFor(callId, command);
        if (room instanceof CallError) throw room;
      }
    } catch (error) {
      return rejected(error);
    }
    const promise = this.#execute(command, call, spec).finally(() => this.#inflight.delete(key));
    this.#inflight.set(key, promise);
    return promise;
  }

  async #execute(command: CallCommand, call: Call, spec: Spec): Promise<void> {
    const clear = (c: Call) => clearPending(c, command);
    this.#update(call.id, (c) => (c.state === 'ended' ? c : frozen({ ...c, pending: command })));
    try {
      if (spec.before) {
        await spec.before();
        const current = this.getCall(call.id);
        if (!current || current.state === 'ended') {
          throw new CallError(
            'illegal-transition',
            command,
            `${command}: the call ended meanwhile`,
            {
              callId: call.id,
              state: 'ended',
            },
          );
        }
      }
      await this.#callProvider(() => spec.invoke(this.getCall(call.id) ?? call));
    } catch (error) {
      const at = this.#now();
      this.#update(call.id, (c) => (spec.failed ? spec.failed(clear(c), at) : clear(c)));
      throw this.#failure(command, call.id, error);
    }
    const at = this.#now();
    this.#update(call.id, (c) => spec.done(clear(c), at));
  }

  #local(
    command: ErrorCommand,
    callId: string,
    change: (call: Call, at: number) => Call,
  ): Promise<void> {
    const gate = this.#gate(command, callId, () => this.#local(command, callId, change));
    if (gate) return gate;
    try {
      const call = this.#require(command, callId);
      const next = change(call, this.#now());
      if (next !== call) this.#update(callId, () => next);
      return Promise.resolve();
    } catch (error) {
      return rejected(error);
    }
  }

  /** Calls the provider: a missing method, a synchronous throw and a hang (commandTimeoutMs) all reject. */
  #callProvider(invoke: () => Promise<void> | undefined): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      if (this.#commandTimeout > 0 && Number.isFinite(this.#commandTimeout)) {
        timer = setTimeout(
          () => reject(new Error(`the provider did not answer within ${this.#commandTimeout} ms`)),
          this.#commandTimeout,
        );
      }
      const settle = (error?: unknown) => {
        clearTimeout(timer);
        if (error === undefined) resolve();
        else reject(error instanceof Error ? error : new Error(messageOf(error)));
      };
      try {
        const result = invoke();
        if (!result) throw new Error('the provider does not implement this command');
        result.then(
          () => settle(),
          (error: unknown) => settle(error ?? new Error('rejected')),
        );
      } catch (error) {
        settle(error ?? new Error('threw'));
      }
    });
  }

  #failure(command: CallCommand, callId: string, error: unknown): CallError {
    if (error instanceof CallError) return error;
    const message = `${command} failed: ${messageOf(error)}`;
    this.#report('provider-failed', message, callId, command);
    return new CallError('provider-failed', command, message, {
      callId,
      state: this.getCall(callId)?.state ?? null,
      cause: error,
    });
  }

  #report(
    code: string,
    message: string,
    callId: string | null,
    command: CallStoreError['command'],
    show = true,
  ): void {
    const error: CallStoreError = Object.freeze({
      code,
      message,
      callId,
      command,
      at: this.#now(),
    });
    if (show) this.#set({ lastError: error });
    try {
      this.#onError?.(error);
    } catch {
      // A throwing reporter must not break the store.
    }
  }

  // -------------------------------------------------------------------------------------------------
  // State

  #now(): number {
    const t = this.#clock();
    if (Number.isFinite(t) && t > this.#last) this.#last = t;
    return Number.isFinite(this.#last) ? this.#last : 0;
  }

  /** Changes one call. `change` may itself update other calls; those updates are kept. */
  #update(callId: string, change: (call: Call) => Call): void {
    const call = this.getCall(callId);
    if (!call) return;
    const next = change(call);
    if (next !== call) this.#commit(this.#state.calls.map((c) => (c.id === callId ? next : c)));
  }

  /** Replaces the calls: enforces one connected call, moves finished calls to history, persists, notifies. */
  #commit(calls: readonly Call[]): void {
    const at = this.#now();
    const previous = new Map(this.#state.calls.map((c) => [c.id, c]));
    // One connected call: the one that became connected last wins, any other is now held (phone
    // systems hold the active call when another is taken).
    const connected = calls.filter((c) => c.state === 'connected');
    const keep =
      connected.find((c) => previous.get(c.id)?.state !== 'connected') ??
      connected[connected.length - 1];
    const settled = calls.map((c) => {
      let next = c.state === 'connected' && c !== keep ? this.#moveTo(c, 'held', at) : c;
      // A consult whose consult call is gone returns to the held caller.
      const legId =
        next.transfer?.status === 'consulting' ? next.transfer.consultCallId : undefined;
      if (legId !== undefined && next.state !== 'ended') {
        const leg =
          calls.find((l) => l.id === legId) ?? this.#state.history.find((l) => l.id === legId);
        const gone =
          !leg ||
          (leg.state === 'ended' && leg.endReason !== 'transferred' && leg.endReason !== 'merged');
        if (gone) next = frozen({ ...next, transfer: null });
      }
      return next;
    });
    const live = settled.filter((c) => c.wrapUp?.completedAt == null);
    const finished = settled.filter((c) => c.wrapUp?.completedAt != null).reverse();
    const history = finished.length
      ? [
          ...finished,
          ...this.#state.history.filter((h) => !finished.some((f) => f.id === h.id)),
        ].slice(0, this.#historyLimit)
      : this.#state.history;
    this.#state = this.#snapshot(live, history, {});
    this.#afterChange();
  }

  #set(patch: Partial<Mutable<CallStoreSnapshot>>): void {
    this.#state = this.#snapshot(this.#state.calls, this.#state.history, patch);
    this.#notify();
  }

  #snapshot(
    calls: readonly Call[],
    history: readonly Call[],
    patch: Partial<Mutable<CallStoreSnapshot>>,
  ): CallStoreSnapshot {
    const base = this.#state as CallStoreSnapshot | undefined;
    const role = patch.role ?? base?.role ?? 'connecting';
    const active =
      calls.find((c) => c.state === 'connected') ??
      calls.find((c) => c.state === 'dialing' || c.state === 'alerting');
    return Object.freeze({
      calls: Object.freeze([...calls]),
      activeCallId: active?.id ?? null,
      history: Object.freeze([...history]),
      capabilities: patch.capabilities ?? base?.capabilities ?? NO_CAPABILITIES,
      role,
      readOnly: role !== 'owner',
      lastError: patch.lastError !== undefined ? patch.lastError : (base?.lastError ?? null),
    });
  }

  #afterChange(): void {
    if (this.#state.role === 'owner') {
      this.#persist();
      this.#broadcast();
      this.#syncTimers();
    }
    this.#notify();
  }

  #persist(): void {
    if (!this.#storage) return;
    const { calls, history } = this.#state;
    try {
      this.#storage.setItem(this.#key, JSON.stringify({ v: 1, calls, history }));
    } catch (error) {
      this.#report(
        'storage-failed',
        `the calls could not be saved: ${messageOf(error)}`,
        null,
        null,
        false,
      );
    }
  }

  #syncTimers(): void {
    for (const call of this.#state.calls) {
      const deadline = call.wrapUp?.completedAt == null ? call.wrapUp?.deadline : null;
      if (deadline != null) {
        this.#timer(`wrapup:${call.id}`, deadline - this.#now(), () => {
          this.completeWrapUp(call.id).catch(() => undefined);
        });
      }
    }
  }

  #timer(key: string, delay: number, run: () => void): void {
    if (this.#timers.has(key)) return;
    this.#timers.set(
      key,
      setTimeout(
        () => {
          this.#timers.delete(key);
          if (this.#state.role === 'owner') run();
        },
        Math.max(0, delay),
      ),
    );
  }

  #notify(): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener();
      } catch (error) {
        console.error('[cif-elements] a call store listener threw', error);
      }
    }
  }
}

/**
 * Creates a call store over a telephony provider.
 *
 * @example
 * const store = createCallStore({
 *   provider,
 *   namespace: 'contoso',
 *   normalise: (raw) => phone.toE164(raw),
 *   wrapUp: { durationMs: 60_000 },
 * });
 */
export function createCallStore(options: CallStoreOptions): CallStore {
  return new CallStore(options);
}
