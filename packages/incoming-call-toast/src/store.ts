/**
 * The toast's binding to a call store, as a small structural interface: core's call store satisfies it,
 * and so does a vendor's own store. The toast knows nothing else about calls (and nothing of CIF).
 */

/** A record that matched the caller's number. */
export interface ToastMatch {
  /** The record's primary name, e.g. `Jane Doe`. */
  readonly name?: string | undefined;
  /** Logical name, e.g. `contact`. */
  readonly entityName?: string | undefined;
  /** The record's company, when known. */
  readonly company?: string | undefined;
}

/** A context field shown on the toast (`Queue: Billing`). */
export interface ToastField {
  readonly label: string;
  readonly value: string;
}

/** A ringing (or missed) call as the toast shows it. Every field but `id` is optional. */
export interface ToastCall {
  /** Unique id; the argument of the store's `answer(callId)` / `decline(callId)`. */
  readonly id: string;
  /** The caller's number as presented (`+16195550129`); formatted with `numberFormatter`. */
  readonly number?: string | undefined;
  /** The caller's display name (from the phone system or a matched record). */
  readonly name?: string | undefined;
  /** The caller's company. */
  readonly company?: string | undefined;
  /** A picture of the caller (`https:`, `http:`, `blob:` or a `data:image/` URL); initials otherwise. */
  readonly avatar?: string | undefined;
  /** Records whose number matched; more than one shows the several-matches indicator. */
  readonly matches?: readonly ToastMatch[] | undefined;
  /** The queue the call came through. */
  readonly queue?: string | undefined;
  /** The campaign the call belongs to. */
  readonly campaign?: string | undefined;
  /** Choices the caller made in the IVR (`['Billing', 'Speak to an agent']`). */
  readonly ivr?: readonly string[] | string | undefined;
  /** Further context fields, as label/value pairs or a record. */
  readonly fields?: readonly ToastField[] | Readonly<Record<string, string>> | undefined;
  /** When the call started ringing (ms since the epoch); the countdown runs from it. */
  readonly createdAt?: number | undefined;
  /** The call rang out unanswered: shown as a missed call. */
  readonly missed?: boolean | undefined;
  /** A command is in flight for it (`answer`, `decline`): its buttons wait. */
  readonly pending?: boolean | undefined;
}

/** What the toast reads from a store snapshot. */
export interface ToastState {
  /** Calls ringing now (call waiting when `onCall`). */
  readonly ringing: readonly ToastCall[];
  /** The agent is already on a call (connected or held): call-waiting style. */
  readonly onCall: boolean;
  /** The connected call, ended first by "End & answer". */
  readonly activeCallId?: string | undefined;
  /** Ids of calls that ended unanswered because the caller gave up (shown as missed). */
  readonly missed?: readonly string[] | undefined;
  /** `false` when the store cannot answer / decline / hold. */
  readonly canAnswer?: boolean | undefined;
  readonly canDecline?: boolean | undefined;
  readonly canHold?: boolean | undefined;
}

/**
 * A call store to bind. Commands are the default actions of the toast's intent events; each is called
 * at most once per agent action. Missing commands leave the event to the app.
 */
export interface ToastStore {
  getSnapshot(): unknown;
  subscribe(listener: () => void): () => void;
  /** The default action of `cif-answer` (core holds a connected call first). */
  answer?(callId: string): Promise<unknown>;
  /** The default action of `cif-decline`. */
  decline?(callId: string): Promise<unknown>;
  /** Ends the connected call before "End & answer" answers. */
  hangUp?(callId: string): Promise<unknown>;
  /** The default action of `cif-decline` with `action: 'voicemail'`; its presence offers the button. */
  sendToVoicemail?(callId: string): Promise<unknown>;
}

/** Maps a store snapshot to what the toast needs. Set `storeSelector` when the default does not fit. */
export type ToastStateSelector = (snapshot: unknown) => ToastState;

type Bag = Record<string, unknown>;
const isBag = (value: unknown): value is Bag => typeof value === 'object' && value !== null;
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value : undefined;
const list = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);

/**
 * Reads one call of core's snapshot (or a look-alike): `remoteNumber` / `number`, `displayName` /
 * `name`, `matches`, `createdAt`, `pending`, and context fields from `context` (`company`, `avatar`,
 * `queue`, `campaign`, `ivr`, `fields`).
 */
function readCall(call: Bag): ToastCall {
  const context = isBag(call.context) ? call.context : {};
  const ivr = context.ivr;
  const fields = context.fields;
  return {
    id: String(call.id),
    number: text(call.remoteNumber) ?? text(call.number),
    name: text(call.displayName) ?? text(call.name),
    company: text(context.company),
    avatar: text(context.avatar),
    matches: list(call.matches).filter(isBag),
    queue: text(context.queue),
    campaign: text(context.campaign),
    ivr:
      typeof ivr === 'string' || Array.isArray(ivr)
        ? (ivr as readonly string[] | string)
        : undefined,
    fields: isBag(fields) ? (fields as Readonly<Record<string, string>>) : undefined,
    createdAt: typeof call.createdAt === 'number' ? call.createdAt : undefined,
    pending: call.pending === 'answer' || call.pending === 'decline',
  };
}

const stateOf = (call: Bag): unknown => call.state ?? call.status;

/**
 * The default selector, for core's call store (`{ calls, activeCallId, history, capabilities }`) and
 * look-alikes: calls whose `state` (or `status`) is `ringing` ring; a `connected` or `held` call means
 * the agent is on a call; calls (or history entries) that `ended` with `endReason: 'missed'` were
 * missed. A malformed snapshot reads as nothing ringing.
 */
export const readToastState: ToastStateSelector = (snapshot) => {
  if (!isBag(snapshot)) return { ringing: [], onCall: false };
  const calls = list(snapshot.calls).filter(isBag);
  const history = list(snapshot.history).filter(isBag).slice(0, 50);
  const capabilities = isBag(snapshot.capabilities) ? snapshot.capabilities : {};
  const active = calls.find((call) => stateOf(call) === 'connected');
  const flag = (value: unknown) =>
    value === false || snapshot.readOnly === true ? false : undefined;
  return {
    ringing: calls.filter((call) => stateOf(call) === 'ringing').map(readCall),
    onCall: calls.some((call) => stateOf(call) === 'connected' || stateOf(call) === 'held'),
    activeCallId: active ? String(active.id) : undefined,
    missed: [...calls, ...history]
      .filter((call) => call.endReason === 'missed')
      .map((call) => String(call.id)),
    canAnswer: flag(capabilities.canAnswer),
    canDecline: flag(capabilities.canDecline),
    canHold: flag(capabilities.canHold),
  };
};
