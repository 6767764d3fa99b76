/**
 * A simulated phone system implementing {@link TelephonyProvider}, for tests, stories and the emulator's
 * call simulator. It keeps its own view of the calls (as a real phone system does), answers commands
 * after a configurable latency, emits the events a real SDK would, and plays scripted or seeded random
 * scenarios. Every command it receives is recorded in `actions`. Timers are plain `setTimeout`s, so sinon
 * fake timers drive it.
 */
import type {
  DialRequest,
  ProviderCallInfo,
  ProviderEvent,
  TelephonyProvider,
} from './provider.js';
import type { CallEndReason, ProviderCapabilities, RecordingState } from './types.js';

/** A command the simulated provider received. */
export interface SimulatedAction {
  readonly command: Exclude<keyof TelephonyProvider, 'capabilities' | 'subscribe'>;
  readonly args: readonly unknown[];
}

/** How the remote side of an outbound call behaves. */
export interface SimulatedOutbound {
  /** The remote side rings this many ms after the dial (`null`: never by itself). Default 0. */
  readonly alertAfterMs?: number | null;
  /** The remote side picks up (or gives the `outcome`) this many ms after the dial (`null`: never by itself). */
  readonly answerAfterMs?: number | null;
  /** What happens at `answerAfterMs`. Default `answer`. */
  readonly outcome?: 'answer' | 'busy' | 'no-answer' | 'fail';
}

/** A call the simulated phone system knows about. */
export interface SimulatedCall {
  readonly callId: string;
  readonly number: string;
  readonly direction: 'inbound' | 'outbound';
  state: ProviderCallInfo['state'];
  muted: boolean;
  recording: RecordingState;
}

/** Options of {@link SimulatedProvider}. */
export interface SimulatedProviderOptions {
  /** Capability flags; every flag defaults to true. */
  readonly capabilities?: Partial<ProviderCapabilities>;
  /** Commands settle after this many ms (default 0: on the next microtask). */
  readonly latencyMs?: number;
  /** Emit the events a real SDK emits after a command (connected after answer, held after hold…). Default true. */
  readonly echoEvents?: boolean;
  /** How outbound calls progress. */
  readonly outbound?: SimulatedOutbound;
  /** Calls the phone system already has (a provider reconnecting after a widget reload). */
  readonly calls?: readonly Pick<SimulatedCall, 'callId' | 'number' | 'direction' | 'state'>[];
}

/** One step of a scenario: an event at a time (ms from the start of `play`). */
export interface SimulatedStep {
  readonly at: number;
  readonly event: ProviderEvent;
}

/** A failure injected with {@link SimulatedProvider.failNext}. */
interface Injected {
  readonly error: Error | 'hang';
  remaining: number;
}

const ALL: ProviderCapabilities = Object.freeze({
  canDial: true,
  canAnswer: true,
  canDecline: true,
  canMute: true,
  canHold: true,
  canSendDtmf: true,
  canTransfer: true,
  canConsult: true,
  canMerge: true,
  canRecord: true,
  canPauseRecording: true,
});

/**
 * A simulated telephony provider.
 *
 * @example
 * const provider = new SimulatedProvider({ outbound: { answerAfterMs: 3000 } });
 * const store = createCallStore({ provider, storage: null, ownership: false });
 * const callId = provider.ring('+16195550129', { displayName: 'Alex Baker' });
 * await store.answer(callId);
 * provider.remoteHangUp(callId);
 */
export class SimulatedProvider implements TelephonyProvider {
  /** Capability flags (change them with {@link setCapabilities}). */
  capabilities: ProviderCapabilities;
  /** The commands received, in order (the newest {@link SimulatedProvider.HISTORY}). */
  readonly actions: SimulatedAction[] = [];
  /** The events emitted, in order (the newest {@link SimulatedProvider.HISTORY}). */
  readonly events: ProviderEvent[] = [];
  /** How many commands and events `actions` and `events` keep (a demo left running must not grow). */
  static readonly HISTORY = 1000;
  /** The calls as the phone system sees them. */
  readonly calls = new Map<string, SimulatedCall>();
  /** Command latency in ms. */
  latencyMs: number;
  /** Whether commands echo events. */
  echoEvents: boolean;
  /** Outbound behaviour. */
  outbound: SimulatedOutbound;

  readonly #listeners = new Set<(event: ProviderEvent) => void>();
  readonly #actionListeners = new Set<(action: SimulatedAction) => void>();
  readonly #injected = new Map<string, Injected>();
  readonly #timers = new Set<ReturnType<typeof setTimeout>>();
  #ids = 0;
  /** Per instance, so that ids stay unique across a widget reload (the store restores ended calls). */
  readonly #run = Date.now().toString(36);

  constructor(options: SimulatedProviderOptions = {}) {
    this.capabilities = Object.freeze({ ...ALL, ...options.capabilities });
    this.latencyMs = Math.max(0, options.latencyMs ?? 0);
    this.echoEvents = options.echoEvents ?? true;
    this.outbound = options.outbound ?? {};
    for (const call of options.calls ?? []) {
      this.calls.set(call.callId, { ...call, muted: false, recording: 'off' });
    }
  }

  subscribe(listener: (event: ProviderEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /** Calls `listener` with every command received (before it is answered). */
  watchActions(listener: (action: SimulatedAction) => void): () => void {
    this.#actionListeners.add(listener);
    return () => {
      this.#actionListeners.delete(listener);
    };
  }

  /** Whether a store listens. */
  get subscribed(): boolean {
    return this.#listeners.size > 0;
  }

  // -------------------------------------------------------------------------------------------------
  // Commands (called by the store)

  dial(request: DialRequest): Promise<void> {
    return this.#command('dial', [request], () => {
      this.calls.set(request.callId, {
        callId: request.callId,
        number: request.number,
        direction: 'outbound',
        state: 'dialing',
        muted: false,
        recording: 'off',
      });
      return () => this.#progressOutbound(request.callId);
    });
  }

  answer(callId: string): Promise<void> {
    return this.#command('answer', [callId], () => {
      this.#expect(callId, ['ringing']);
      this.#holdOthers(callId);
      this.#sim(callId).state = 'connected';
      return () => this.#echo({ type: 'connected', callId });
    });
  }

  decline(callId: string): Promise<void> {
    return this.#command('decline', [callId], () => {
      this.#expect(callId, ['ringing']);
      this.calls.delete(callId);
      return () => this.#echo({ type: 'ended', callId, reason: 'declined' });
    });
  }

  hangUp(callId: string): Promise<void> {
    return this.#command('hangUp', [callId], () => {
      this.#expect(callId, ['dialing', 'alerting', 'connected', 'held']);
      this.calls.delete(callId);
      return () => this.#echo({ type: 'ended', callId, reason: 'hung-up' });
    });
  }

  setMuted(callId: string, muted: boolean): Promise<void> {
    return this.#command('setMuted', [callId, muted], () => {
      this.#sim(callId).muted = muted;
      return () => this.#echo({ type: 'muted', callId, muted });
    });
  }

  setHeld(callId: string, held: boolean): Promise<void> {
    return this.#command('setHeld', [callId, held], () => {
      this.#expect(callId, [held ? 'connected' : 'held']);
      if (!held) this.#holdOthers(callId);
      this.#sim(callId).state = held ? 'held' : 'connected';
      return () => this.#echo({ type: held ? 'held' : 'connected', callId });
    });
  }

  sendDigits(callId: string, digits: string): Promise<void> {
    return this.#command('sendDigits', [callId, digits], () => {
      this.#expect(callId, ['connected']);
      return undefined;
    });
  }

  transfer(callId: string, target: string): Promise<void> {
    return this.#command('transfer', [callId, target], () => {
      this.#expect(callId, ['connected', 'held']);
      this.calls.delete(callId);
      return () => this.#echo({ type: 'ended', callId, reason: 'transferred' });
    });
  }

  consult(callId: string, request: DialRequest): Promise<void> {
    return this.#command('consult', [callId, request], () => {
      this.#expect(callId, ['connected', 'held']);
      this.#sim(callId).state = 'held';
      this.calls.set(request.callId, {
        callId: request.callId,
        number: request.number,
        direction: 'outbound',
        state: 'dialing',
        muted: false,
        recording: 'off',
      });
      return () => {
        this.#echo({ type: 'held', callId });
        this.#progressOutbound(request.callId);
      };
    });
  }

  completeTransfer(callId: string, consultCallId: string): Promise<void> {
    return this.#command('completeTransfer', [callId, consultCallId], () => {
      this.#expect(callId, ['connected', 'held']);
      this.#expect(consultCallId, ['connected', 'held']);
      this.calls.delete(callId);
      this.calls.delete(consultCallId);
      return () => {
        this.#echo({ type: 'ended', callId: consultCallId, reason: 'transferred' });
        this.#echo({ type: 'ended', callId, reason: 'transferred' });
      };
    });
  }

  merge(callId: string, otherCallId: string): Promise<void> {
    return this.#command('merge', [callId, otherCallId], () => {
      this.#expect(callId, ['connected', 'held']);
      this.#expect(otherCallId, ['connected', 'held']);
      this.calls.delete(otherCallId);
      this.#sim(callId).state = 'connected';
      return () => {
        this.#echo({ type: 'ended', callId: otherCallId, reason: 'merged' });
        this.#echo({ type: 'connected', callId });
      };
    });
  }

  startRecording(callId: string): Promise<void> {
    return this.#command('startRecording', [callId], () => {
      this.#expect(callId, ['connected', 'held']);
      this.#sim(callId).recording = 'recording';
      return () => this.#echo({ type: 'recording', callId, recording: 'recording' });
    });
  }

  pauseRecording(callId: string): Promise<void> {
    return this.#command('pauseRecording', [callId], () => {
      this.#expect(callId, ['connected', 'held']);
      this.#sim(callId).recording = 'paused';
      return () => this.#echo({ type: 'recording', callId, recording: 'paused' });
    });
  }

  getCalls(): Promise<readonly ProviderCallInfo[]> {
    return this.#command('getCalls', [], () => undefined).then(() =>
      [...this.calls.values()].map(({ callId, state }) => ({ callId, state })),
    );
  }

  // -------------------------------------------------------------------------------------------------
  // The network side (what callers and callees do)

  /** A call comes in. Returns its id. */
  ring(
    number: string,
    options: { readonly displayName?: string; readonly callId?: string } = {},
  ): string {
    const callId = options.callId ?? `sim-${this.#run}-${++this.#ids}`;
    this.calls.set(callId, {
      callId,
      number,
      direction: 'inbound',
      state: 'ringing',
      muted: false,
      recording: 'off',
    });
    this.emit({
      type: 'incoming',
      callId,
      number,
      ...(options.displayName !== undefined ? { displayName: options.displayName } : {}),
    });
    return callId;
  }

  /** The remote side of an outbound call starts ringing. */
  remoteAlert(callId: string): void {
    const call = this.calls.get(callId);
    if (call?.state === 'dialing') call.state = 'alerting';
    this.emit({ type: 'alerting', callId });
  }

  /** The remote side of an outbound call picks up. */
  remoteAnswer(callId: string): void {
    const call = this.calls.get(callId);
    if (call) {
      this.#holdOthers(callId);
      call.state = 'connected';
    }
    this.emit({ type: 'connected', callId });
  }

  /** The remote side hangs up (or gives up ringing: the store then reports `missed`). */
  remoteHangUp(callId: string, reason?: CallEndReason): void {
    this.calls.delete(callId);
    this.emit({ type: 'ended', callId, ...(reason ? { reason } : {}) });
  }

  /** The phone system loses the call. */
  failCall(callId: string, message = 'the line dropped'): void {
    this.calls.delete(callId);
    this.emit({ type: 'failed', callId, message });
  }

  /** Changes capability flags and tells the store. */
  setCapabilities(capabilities: Partial<ProviderCapabilities>): void {
    this.capabilities = Object.freeze({ ...this.capabilities, ...capabilities });
    this.emit({ type: 'capabilities', capabilities });
  }

  /** Emits any event to the store (also events that make no sense, to test robustness). */
  emit(event: ProviderEvent): void {
    this.events.push(event);
    if (this.events.length > SimulatedProvider.HISTORY) this.events.shift();
    for (const listener of [...this.#listeners]) listener(event);
  }

  /**
   * The next `times` calls of `command` fail with `error` (default: an Error), or never settle with
   * `'hang'`.
   */
  failNext(
    command: SimulatedAction['command'],
    error: Error | 'hang' = new Error(`${command} failed`),
    times = 1,
  ): this {
    this.#injected.set(command, { error, remaining: times });
    return this;
  }

  /** Actions of one command. */
  actionsOf(command: SimulatedAction['command']): SimulatedAction[] {
    return this.actions.filter((action) => action.command === command);
  }

  /**
   * Plays a scenario: each step's event is emitted at its time (ms from now). Resolves after the last
   * step. Ids of `incoming` steps are registered as ringing calls of the phone system.
   */
  play(steps: readonly SimulatedStep[]): Promise<void> {
    const sorted = [...steps].sort((a, b) => a.at - b.at);
    return new Promise((resolve) => {
      if (sorted.length === 0) {
        resolve();
        return;
      }
      let left = sorted.length;
      for (const step of sorted) {
        this.#after(step.at, () => {
          this.#apply(step.event);
          if (--left === 0) resolve();
        });
      }
    });
  }

  /** Cancels pending timers (scenarios, outbound progress, latency). */
  dispose(): void {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    this.#listeners.clear();
    this.#actionListeners.clear();
  }

  // -------------------------------------------------------------------------------------------------
  // Internals

  #command(
    command: SimulatedAction['command'],
    args: unknown[],
    run: () => (() => void) | undefined,
  ): Promise<void> {
    const action: SimulatedAction = { command, args };
    this.actions.push(action);
    if (this.actions.length > SimulatedProvider.HISTORY) this.actions.shift();
    for (const listener of [...this.#actionListeners]) listener(action);
    const injected = this.#injected.get(command);
    if (injected) {
      if (--injected.remaining <= 0) this.#injected.delete(command);
      if (injected.error === 'hang') return new Promise<void>(() => undefined);
      const error = injected.error;
      return this.#settle(() => {
        throw error;
      });
    }
    return this.#settle(run).then((echo) => {
      if (echo && this.echoEvents) queueMicrotask(echo);
    });
  }

  #settle<T>(run: () => T): Promise<T> {
    if (this.latencyMs === 0) {
      return Promise.resolve().then(run);
    }
    return new Promise<T>((resolve, reject) => {
      this.#after(this.latencyMs, () => {
        try {
          resolve(run());
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    });
  }

  #after(ms: number, run: () => void): void {
    const timer = setTimeout(
      () => {
        this.#timers.delete(timer);
        run();
      },
      Math.max(0, ms),
    );
    this.#timers.add(timer);
  }

  #sim(callId: string): SimulatedCall {
    const call = this.calls.get(callId);
    if (!call) throw new Error(`no call ${callId}`);
    return call;
  }

  #expect(callId: string, states: readonly SimulatedCall['state'][]): void {
    const call = this.#sim(callId);
    if (!states.includes(call.state)) throw new Error(`call ${callId} is ${call.state}`);
  }

  #holdOthers(callId: string): void {
    for (const call of this.calls.values()) {
      if (call.callId !== callId && call.state === 'connected') call.state = 'held';
    }
  }

  #echo(event: ProviderEvent): void {
    this.emit(event);
  }

  #progressOutbound(callId: string): void {
    const { alertAfterMs = 0, answerAfterMs = null, outcome = 'answer' } = this.outbound;
    if (alertAfterMs !== null) {
      this.#after(alertAfterMs, () => {
        if (this.calls.get(callId)?.state === 'dialing') this.remoteAlert(callId);
      });
    }
    if (answerAfterMs !== null) {
      this.#after(answerAfterMs, () => {
        const call = this.calls.get(callId);
        if (!call || (call.state !== 'dialing' && call.state !== 'alerting')) return;
        if (outcome === 'answer') this.remoteAnswer(callId);
        else if (outcome === 'fail') this.failCall(callId);
        else this.remoteHangUp(callId, outcome);
      });
    }
  }

  /** Applies a scenario event to the phone system's view, then emits it. */
  #apply(event: ProviderEvent): void {
    switch (event.type) {
      case 'incoming':
        this.ring(event.number, {
          callId: event.callId,
          ...(event.displayName !== undefined ? { displayName: event.displayName } : {}),
        });
        return;
      case 'connected':
        this.remoteAnswer(event.callId);
        return;
      case 'alerting':
        this.remoteAlert(event.callId);
        return;
      case 'ended':
        this.remoteHangUp(event.callId, event.reason);
        return;
      case 'failed':
        this.failCall(event.callId, event.message);
        return;
      default:
        this.emit(event);
    }
  }
}

/** A seeded pseudo-random generator (mulberry32): the same seed gives the same sequence. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Options of {@link randomScenario}. */
export interface RandomScenarioOptions {
  /** How many inbound calls (default 5). */
  readonly calls?: number;
  /** Mean gap between calls in ms (default 20 000). */
  readonly meanGapMs?: number;
  /** Numbers to ring from (default a few realistic ones). */
  readonly numbers?: readonly string[];
  /** Share of callers who give up before an answer within `patienceMs` (default 0.3). */
  readonly hangUpShare?: number;
  /** How long impatient callers ring (default 15 000 ms). */
  readonly patienceMs?: number;
  /** Prefix of call ids (default `rnd`). */
  readonly idPrefix?: string;
}

const SAMPLE_NUMBERS = [
  '+16195550129',
  '+442079460958',
  '+4930901820',
  '+33142685300',
  '+81312345678',
  '+61291234567',
  '619-555-0199',
];

/**
 * A seeded random inbound scenario: calls arriving at random gaps, some callers hanging up while ringing
 * (missed calls), others ringing until handled. The same seed always gives the same scenario, so stories
 * and tests are deterministic.
 */
export function randomScenario(seed: number, options: RandomScenarioOptions = {}): SimulatedStep[] {
  const random = seededRandom(seed);
  const numbers = options.numbers?.length ? options.numbers : SAMPLE_NUMBERS;
  const steps: SimulatedStep[] = [];
  let at = 0;
  for (let i = 0; i < (options.calls ?? 5); i++) {
    at += Math.round(-Math.log(1 - random()) * (options.meanGapMs ?? 20_000));
    const callId = `${options.idPrefix ?? 'rnd'}-${seed}-${i + 1}`;
    const number = numbers[Math.floor(random() * numbers.length)] ?? '+16195550129';
    steps.push({ at, event: { type: 'incoming', callId, number } });
    if (random() < (options.hangUpShare ?? 0.3)) {
      steps.push({
        at: at + Math.round(random() * (options.patienceMs ?? 15_000)),
        event: { type: 'ended', callId },
      });
    }
  }
  return steps;
}

/** Scripted scenarios for stories and tests. Times in ms. */
export const SIMULATED_SCENARIOS = {
  /** A caller rings and hangs up after 10 s unless answered: a missed call. */
  missedCall: (callId = 'missed-1', number = '+16195550129'): SimulatedStep[] => [
    { at: 0, event: { type: 'incoming', callId, number, displayName: 'Alex Baker' } },
    { at: 10_000, event: { type: 'ended', callId } },
  ],
  /** A first caller rings; 5 s later a second one rings (call waiting once the first is answered). */
  callWaiting: (first = 'waiting-1', second = 'waiting-2'): SimulatedStep[] => [
    {
      at: 0,
      event: { type: 'incoming', callId: first, number: '+16195550129', displayName: 'Alex Baker' },
    },
    {
      at: 5_000,
      event: {
        type: 'incoming',
        callId: second,
        number: '+442079460958',
        displayName: 'Dana Smith',
      },
    },
  ],
  /** A caller rings; when answered, talks, then hangs up after 30 s. */
  shortCall: (callId = 'short-1', number = '+16195550129'): SimulatedStep[] => [
    { at: 0, event: { type: 'incoming', callId, number } },
    { at: 30_000, event: { type: 'ended', callId } },
  ],
  /** A call rings and the line drops after 3 s. */
  droppedCall: (callId = 'dropped-1', number = '+4930901820'): SimulatedStep[] => [
    { at: 0, event: { type: 'incoming', callId, number } },
    { at: 3_000, event: { type: 'failed', callId, message: 'the line dropped' } },
  ],
} as const;
