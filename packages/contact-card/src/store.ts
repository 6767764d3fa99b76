import type { ContactCardContact, ContactRecordRef } from './types.js';

/**
 * The card's binding to a call store, as a small structural interface: core's call store satisfies it,
 * and so does a vendor's own store. The card knows nothing else about calls.
 */
export interface ContactCardStore {
  /** A synchronous snapshot (read through {@link ContactCardStateSelector}). */
  getSnapshot(): unknown;
  /** Calls `listener` on every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Sets the call's matched record: the default action of `cif-select-match` (without `actions.selectMatch`). */
  annotate?(
    callId: string,
    annotation: { readonly regarding: ContactRecordRef | null },
  ): Promise<unknown>;
  /** Places a call: the default action of `cif-dial` (without `actions.dial`). */
  dial?(
    number: string,
    options?: {
      readonly regarding?: ContactRecordRef | null;
      readonly displayName?: string | null;
    },
  ): Promise<unknown>;
}

/** Where finding the caller's record is. */
export type ContactCardLookup = 'idle' | 'pending' | 'done' | 'failed';

/** What the card reads from a store snapshot: the call it is about. */
export interface ContactCardCallState {
  readonly callId: string;
  /** The caller's number. */
  readonly number: string;
  /** A display name from the phone system, shown for an unknown caller. */
  readonly name?: string | undefined;
  /** Records that matched the number. */
  readonly matches: readonly ContactCardContact[];
  /** The chosen (or only) matched record. */
  readonly selected?: ContactRecordRef | undefined;
  readonly lookup: ContactCardLookup;
}

/** Maps a store snapshot to the call the card shows (undefined: no call). */
export type ContactCardStateSelector = (snapshot: unknown) => ContactCardCallState | undefined;

type Bag = Record<string, unknown>;
const isBag = (value: unknown): value is Bag => typeof value === 'object' && value !== null;
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** A record reference, when `value` has a non-empty entity name and id. */
export function recordOf(value: unknown): ContactRecordRef | undefined {
  if (!isBag(value)) return undefined;
  const entityName = text(value.entityName).trim();
  const id = text(value.id).trim();
  if (!entityName || !id) return undefined;
  const name = text(value.name).trim();
  return name ? { entityName, id, name } : { entityName, id };
}

/**
 * The default selector, for core's call store (`{ calls, activeCallId }`): the active call, else the
 * newest ringing call, with its `remoteNumber`, `displayName`, `matches`, `regarding` (the chosen match)
 * and `lookup`. A malformed snapshot reads as no call.
 */
export const readContactCardCallState: ContactCardStateSelector = (snapshot) => {
  if (!isBag(snapshot) || !Array.isArray(snapshot.calls)) return undefined;
  const calls = (snapshot.calls as unknown[]).filter(isBag);
  const call =
    calls.find((c) => c.id === snapshot.activeCallId) ??
    calls.filter((c) => c.state === 'ringing').at(-1);
  if (!call || typeof call.id !== 'string') return undefined;
  const lookup = call.lookup;
  return {
    callId: call.id,
    number: text(call.remoteNumber),
    name: text(call.displayName) || undefined,
    matches: Array.isArray(call.matches) ? (call.matches as unknown[]).filter(isBag) : [],
    selected: recordOf(call.regarding),
    lookup: lookup === 'pending' || lookup === 'done' || lookup === 'failed' ? lookup : 'idle',
  };
};
