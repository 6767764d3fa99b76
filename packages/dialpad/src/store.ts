/**
 * The dialpad's binding to a call store, as a small structural interface: core's call store satisfies
 * it, and so does a vendor's own store. The dialpad knows nothing else about calls.
 */
export interface DialpadStore {
  /** A synchronous snapshot of the store's state (read through {@link DialpadStateSelector}). */
  getSnapshot(): unknown;
  /** Calls `listener` on every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Places a call; the default action of `cif-dial`. A returned promise is awaited (pending state). */
  dial?(number: string): Promise<unknown>;
  /** Sends DTMF digits on the current call; the default action of `cif-dtmf`. */
  sendDigits?(digits: string): Promise<unknown>;
}

/** What the dialpad reads from a store snapshot. */
export interface DialpadCallState {
  /** A call is connected: the dialpad switches to DTMF mode. */
  readonly inCall: boolean;
  /** A call is being placed: the call button shows its pending state. */
  readonly pending: boolean;
}

/** Maps a store snapshot to what the dialpad needs. Set `storeSelector` when the default does not fit. */
export type DialpadStateSelector = (snapshot: unknown) => DialpadCallState;

const IN_CALL = /^(?:connected|active|answered|in-?call|talking|held|on-?hold|hold)$/i;
const PENDING = /^(?:dial(?:l)?ing|connecting|initiating|outgoing|ringing-?out|alerting|pending)$/i;

type Bag = Record<string, unknown>;
const isBag = (value: unknown): value is Bag => typeof value === 'object' && value !== null;

function statusOf(value: unknown): string {
  if (!isBag(value)) return '';
  const status = value.status ?? value.state ?? value.phase;
  return typeof status === 'string' ? status : '';
}

/**
 * The default selector. It reads the shapes call stores commonly have: booleans `inCall` / `pending`
 * (or `dialing`), a `status` / `state` / `phase` string on the snapshot or on its `activeCall` / `call`
 * / `current`, or a `calls` array. `connected`, `active`, `held` mean in call; `dialing`, `connecting`,
 * `ringing-out` mean pending. Anything else (or a malformed snapshot) reads as idle.
 */
export const readDialpadCallState: DialpadStateSelector = (snapshot) => {
  let inCall = false;
  let pending = false;
  if (isBag(snapshot)) {
    const calls = Array.isArray(snapshot.calls) ? (snapshot.calls as unknown[]) : [];
    const candidates = [
      snapshot,
      snapshot.activeCall,
      snapshot.call,
      snapshot.current,
      ...calls.slice(0, 16),
    ];
    for (const candidate of candidates) {
      const status = statusOf(candidate);
      const bag = isBag(candidate) ? candidate : {};
      inCall ||= bag.inCall === true || IN_CALL.test(status);
      pending ||= bag.pending === true || bag.dialing === true || PENDING.test(status);
    }
  }
  return { inCall, pending: pending && !inCall };
};
