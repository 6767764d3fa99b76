/** The host side of the call simulator: rings the widget and plays the remote party. */
import {
  CALL_CHANNEL_VERSION,
  CALL_COMMAND,
  CALL_HELLO,
  isCallReadyMessage,
  isCallStateMessage,
  type CallAction,
  type CallCommandMessage,
  type CallState,
  type SimulatedCall,
} from '../call-channel.js';

/** A call the simulator knows about. */
export interface SimulatorCall {
  call: SimulatedCall;
  direction: 'inbound' | 'outbound';
  /** The widget's last reported state; `sent` until it answers. */
  state: CallState | 'sent';
  reason?: string;
  updatedAt: number;
  /** The widget has confirmed this call at least once. */
  confirmed: boolean;
}

export class CallSimulator {
  #calls = new Map<string, SimulatorCall>();
  #listeners = new Set<() => void>();
  #next = 1;
  /** The provider name a widget announced, once it did. */
  provider: string | undefined;
  /** True once a widget answered on the channel. */
  ready = false;

  constructor(
    /** Posts a message to the widget frame (with the widget origin as target); false when there is none. */
    private readonly post: (message: unknown) => boolean,
    private readonly now: () => number = Date.now,
  ) {}

  get calls(): SimulatorCall[] {
    return [...this.#calls.values()].sort((a, b) => b.updatedAt - a.updatedAt);
  }

  /** Active (not ended) calls. */
  get activeCalls(): SimulatorCall[] {
    return this.calls.filter((c) => c.state !== 'ended');
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Greets the widget (it answers with call-ready if a simulated provider listens). */
  hello(): boolean {
    return this.post({ type: CALL_HELLO, version: CALL_CHANNEL_VERSION });
  }

  /** Rings the widget: an inbound call from `from`. Returns the call id. */
  ring(from: string, options: { displayName?: string; contactId?: string } = {}): string {
    const id = `sim-call-${this.now().toString(36)}-${this.#next++}`;
    const call: SimulatedCall = { id, from: from.trim(), direction: 'inbound' };
    if (options.displayName) call.displayName = options.displayName;
    if (options.contactId) call.contactId = options.contactId;
    this.#calls.set(id, {
      call,
      direction: 'inbound',
      state: 'sent',
      updatedAt: this.now(),
      confirmed: false,
    });
    this.#send('ring', call);
    this.#emit();
    return id;
  }

  /** The remote party answers an outbound call. */
  answer(id: string): boolean {
    return this.#act(id, 'answer');
  }

  /** The remote party hangs up. */
  hangup(id: string): boolean {
    return this.#act(id, 'hangup');
  }

  /** The remote party puts the call on hold. */
  hold(id: string): boolean {
    return this.#act(id, 'hold');
  }

  /** The remote party resumes the call. */
  resume(id: string): boolean {
    return this.#act(id, 'resume');
  }

  /** Forgets ended calls. */
  clearEnded(): void {
    for (const [id, c] of this.#calls) if (c.state === 'ended') this.#calls.delete(id);
    this.#emit();
  }

  /** Handles a message from the (trusted) widget; true when it belonged to the channel. */
  receive(data: unknown): boolean {
    if (isCallReadyMessage(data)) {
      this.ready = true;
      this.provider = data.provider;
      this.#emit();
      return true;
    }
    if (!isCallStateMessage(data)) return false;
    this.ready = true;
    const known = this.#calls.get(data.call.id);
    const direction =
      known?.direction ??
      data.call.direction ??
      (data.state === 'dialing' ? 'outbound' : 'inbound');
    const entry: SimulatorCall = {
      call: { ...(known?.call ?? {}), ...data.call },
      direction,
      state: data.state,
      updatedAt: this.now(),
      confirmed: true,
    };
    if (data.reason !== undefined) entry.reason = data.reason;
    this.#calls.set(data.call.id, entry);
    this.#emit();
    return true;
  }

  #act(id: string, action: CallAction): boolean {
    const entry = this.#calls.get(id);
    if (!entry || entry.state === 'ended') return false;
    return this.#send(action, entry.call);
  }

  #send(action: CallAction, call: SimulatedCall): boolean {
    const message: CallCommandMessage = {
      type: CALL_COMMAND,
      version: CALL_CHANNEL_VERSION,
      action,
      call: { ...call },
    };
    return this.post(message);
  }

  #emit(): void {
    for (const listener of this.#listeners) listener();
  }
}
