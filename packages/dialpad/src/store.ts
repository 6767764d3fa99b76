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
  /**
   * Sends DTMF digits on the current call; the default action of `cif-dtmf`. Called as
   * `sendDigits(callId, digits)` when the state names the call (`callId`, as core's call store wants),
   * else as `sendDigits(digits)`.
   */
  sendDigits?:
    ((digits: string) => Promise<unknown>) | ((callId: string, digits: string) => Promise<unknown>);
}

/** What the dialpad reads from a store snapshot. */
export interface DialpadCallState {
  /** A call is connected: the dialpad switches to DTMF mode. */
  readonly inCall: boolean;
  /** A call is being placed: the call button shows its pending state. */
  readonly pending: boolean;
  /** The id of the connected call, passed to `sendDigits(callId, digits)`. */
  readonly callId?: string | undefined;
  /** The DTMF digits the store records as sent on the call (shown instead of the keys pressed here). */
  readonly digits?: string | undefined;
  /** `false` when the store cannot dial now (no provider capability, read-only): the call button is off. */
  readonly canDial?: boolean | undefined;
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
 * The default selector. For core's call store (`{ calls, activeCallId, capabilities, readOnly }`) it reads
 * the active call: `connected` means in call (with its id and the digits sent), `dialing` or `alerting`
 * means pending; held and ringing calls leave the dialpad free to dial. For other stores it reads booleans
 * `inCall` / `pending` (or `dialing`), or a `status` / `state` / `phase` string on the snapshot, on its
 * `activeCall` / `call` / `current`, or on a `calls` array. Anything else (or a malformed snapshot) reads
 * as idle.
 */
export const readDialpadCallState: DialpadStateSelector = (snapshot) => {
  if (!isBag(snapshot)) return { inCall: false, pending: false };
  const calls = Array.isArray(snapshot.calls) ? (snapshot.calls as unknown[]) : [];
  const capabilities = isBag(snapshot.capabilities) ? snapshot.capabilities : {};
  const canDial = snapshot.readOnly === true || capabilities.canDial === false ? false : undefined;
  if ('activeCallId' in snapshot) {
    const id = snapshot.activeCallId;
    const active = calls.find((call): call is Bag => isBag(call) && call.id === id);
    const status = statusOf(active);
    const inCall = status === 'connected';
    return defined({
      inCall,
      pending: PENDING.test(status),
      callId: inCall && typeof id === 'string' ? id : undefined,
      digits: inCall && typeof active?.dtmf === 'string' ? active.dtmf : undefined,
      canDial,
    });
  }
  let inCall = false;
  let pending = false;
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
  return defined({ inCall, pending: pending && !inCall, canDial });
};

/** Drops the fields that are undefined. */
function defined(state: DialpadCallState): DialpadCallState {
  return Object.fromEntries(
    Object.entries(state).filter(([, value]) => value !== undefined),
  ) as unknown as DialpadCallState;
}
