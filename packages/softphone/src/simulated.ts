/**
 * The softphone's default phone system: core's `SimulatedProvider`, kept across widget reloads.
 *
 * A real phone system keeps its calls on a server, so a reloaded widget finds them again
 * (`getCalls()`); the simulated one lives in the page, so this keeps its calls in storage and hands them
 * back to the next instance. In the emulator the call simulator plays the remote party (it answers the
 * calls the agent dials); standalone, outbound calls are answered after a few seconds.
 */
import { SimulatedProvider, type SimulatedCall, type SimulatedOutbound } from '@cif-elements/core';

/** Options of {@link createSimulatedProvider}. */
export interface SimulatedPhoneOptions {
  /** Where the calls are kept (default `localStorage`; `null`: nowhere). */
  readonly storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
  /** The storage key (default `cif-softphone:simulated-calls`). */
  readonly key?: string;
  /** Command latency in ms (default 150: a little like a network). */
  readonly latencyMs?: number;
  /** How outbound calls progress (default: ring after 0.5 s, answered by the call simulator). */
  readonly outbound?: SimulatedOutbound;
}

type Stored = Pick<SimulatedCall, 'callId' | 'number' | 'direction' | 'state'>;

function defaultStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

function read(storage: Pick<Storage, 'getItem'> | null, key: string): Stored[] {
  try {
    const parsed = JSON.parse(storage?.getItem(key) ?? '[]') as unknown;
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (call): call is Stored =>
        typeof call === 'object' &&
        call !== null &&
        typeof (call as Stored).callId === 'string' &&
        typeof (call as Stored).number === 'string' &&
        ((call as Stored).direction === 'inbound' || (call as Stored).direction === 'outbound') &&
        ['dialing', 'alerting', 'ringing', 'connected', 'held'].includes((call as Stored).state),
    );
  } catch {
    return [];
  }
}

/**
 * A simulated phone system whose calls survive a reload of the widget.
 *
 * @example
 * const provider = createSimulatedProvider();
 * softphone.provider = provider; // the default already
 * provider.ring('+16195550129', { displayName: 'Alex Baker' });
 */
export function createSimulatedProvider(options: SimulatedPhoneOptions = {}): SimulatedProvider {
  const storage = options.storage === undefined ? defaultStorage() : options.storage;
  const key = options.key ?? 'cif-softphone:simulated-calls';
  const provider = new SimulatedProvider({
    latencyMs: options.latencyMs ?? 150,
    outbound: options.outbound ?? { alertAfterMs: 500, answerAfterMs: null },
    calls: read(storage, key),
  });
  let scheduled = false;
  const save = () => {
    scheduled = false;
    const calls: Stored[] = [...provider.calls.values()].map(
      ({ callId, number, direction, state }) => ({ callId, number, direction, state }),
    );
    try {
      if (calls.length) storage?.setItem(key, JSON.stringify(calls));
      else storage?.removeItem(key);
    } catch {
      // Storage full or blocked: the calls are simply not kept across a reload.
    }
  };
  const later = () => {
    if (scheduled) return;
    scheduled = true;
    // Commands change the phone system's calls after their latency; save once they have.
    setTimeout(save, provider.latencyMs + 1);
  };
  // Events follow the phone system's changes: save at once (a reload may come right after).
  provider.subscribe(save);
  provider.watchActions(later);
  return provider;
}
