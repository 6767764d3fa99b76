/**
 * What every workflow shares: the context (CIF client, call store, phone numbers), error reporting, the
 * environment, and a watcher that turns store snapshots into per-call changes.
 */
import type { Call, CallStore, CallStoreSnapshot } from '../calls/index.js';
import type { CallStorage } from '../calls/persist.js';
import type { CifClient } from '../cif/client.js';
import { isCifError, type CifErrorCode } from '../cif/errors.js';
import type { CifEnvironment } from '../cif/types.js';
import type { PhoneNumbers } from '../phone/numbers.js';

/** The workflows, as named in errors. */
export type WorkflowName =
  | 'click-to-act'
  | 'caller-match'
  | 'alerting'
  | 'session'
  | 'screen-pop'
  | 'activity'
  | 'presence'
  | 'analytics'
  | 'locale';

/** A problem a workflow met. The call stays usable; nothing is retried silently or dropped silently. */
export interface WorkflowError {
  readonly workflow: WorkflowName;
  /** The call concerned, when there is one. */
  readonly callId: string | null;
  readonly message: string;
  /** The CIF error code when CIF failed (`timeout`, `not-found`, …). */
  readonly code: CifErrorCode | 'store' | 'other';
  /** The underlying error. */
  readonly cause: unknown;
}

/** What the workflows work with. */
export interface WorkflowContext {
  /** The CIF client (over the real library, the emulator's or the fake). */
  readonly client: CifClient;
  /** The call store. Workflows act only while it owns the calls (never in a follower tab). */
  readonly store: CallStore;
  /** The number normaliser shared with the store and the UI. */
  readonly phone: PhoneNumbers;
  /** Receives every problem. Defaults to `console.error`. */
  readonly onError?: (error: WorkflowError) => void;
  /** Durable storage for the activity queue and the saved presence. Defaults to `localStorage`. */
  readonly storage?: CallStorage | null;
  /** Separates storage keys, like the store's namespace. Default `default`. */
  readonly namespace?: string;
  /** Shared environment promise (set by {@link startCifWorkflows}); fetched once when absent. */
  readonly environment?: () => Promise<CifEnvironment>;
}

/** Stops a workflow. */
export type StopWorkflow = () => void;

/** Reports an error through the context. */
export function report(
  context: WorkflowContext,
  workflow: WorkflowName,
  callId: string | null,
  cause: unknown,
  message?: string,
): void {
  const error: WorkflowError = Object.freeze({
    workflow,
    callId,
    code: isCifError(cause) ? cause.code : isStoreError(cause) ? 'store' : 'other',
    message: message ?? (cause instanceof Error ? cause.message : String(cause)),
    cause,
  });
  try {
    if (context.onError) context.onError(error);
    else console.error(`[cif-elements] ${workflow}: ${error.message}`, cause);
  } catch {
    // A reporter that throws must not break the workflow.
  }
}

function isStoreError(value: unknown): boolean {
  return value instanceof Error && value.name === 'CallError';
}

/** The environment, fetched once per context (a failure is not cached). */
export function environmentOf(context: WorkflowContext): Promise<CifEnvironment> {
  if (context.environment) return context.environment();
  return context.client.getEnvironment();
}

/** Memoises an environment fetch; a failed fetch is retried on the next call. */
export function sharedEnvironment(client: CifClient): () => Promise<CifEnvironment> {
  let pending: Promise<CifEnvironment> | null = null;
  return () => {
    pending ??= client.getEnvironment().catch((error: unknown) => {
      pending = null;
      throw error;
    });
    return pending;
  };
}

/** Whether this store instance may act (it owns the calls). */
export function owns(store: CallStore): boolean {
  return store.getSnapshot().role === 'owner';
}

/** A call and how it was before the change. */
export interface CallChange {
  readonly call: Call;
  /** `undefined` for a call that just appeared. */
  readonly previous: Call | undefined;
  readonly snapshot: CallStoreSnapshot;
}

/**
 * Calls `onChange` for every call that appears or changes, in the owning tab only. Calls already in the
 * store when watching starts are the baseline (a reloaded widget does not alert again for them).
 * Calls that move to history are reported with their final state.
 */
export function watchCalls(store: CallStore, onChange: (change: CallChange) => void): StopWorkflow {
  const index = (snapshot: CallStoreSnapshot) =>
    new Map([...snapshot.history, ...snapshot.calls].map((call) => [call.id, call]));
  let known = index(store.getSnapshot());
  return store.subscribe(() => {
    const snapshot = store.getSnapshot();
    const next = index(snapshot);
    const before = known;
    known = next;
    if (snapshot.role !== 'owner') return;
    for (const [id, call] of next) {
      const previous = before.get(id);
      if (previous !== call) onChange({ call, previous, snapshot });
    }
  });
}

/** Entity set names for `@odata.bind` of the usual entities; others get a plural of the logical name. */
export function entitySetOf(
  entityName: string,
  overrides: Readonly<Record<string, string>> = {},
): string {
  const known: Readonly<Record<string, string>> = {
    contact: 'contacts',
    account: 'accounts',
    lead: 'leads',
    systemuser: 'systemusers',
    incident: 'incidents',
    opportunity: 'opportunities',
    ...overrides,
  };
  const set = known[entityName];
  if (set) return set;
  if (/[^aeiou]y$/.test(entityName)) return `${entityName.slice(0, -1)}ies`;
  if (/(s|x|ch|sh)$/.test(entityName)) return `${entityName}es`;
  return `${entityName}s`;
}

/** A display name for a call: the matched/known name, else the number as the agent reads it. */
export function callerLabel(call: Call, phone: PhoneNumbers): string {
  if (call.displayName) return call.displayName;
  const info = phone.parse(call.remoteE164 ?? call.remoteNumber);
  return info.e164 ? info.international : call.remoteNumber;
}

/** Resolves after `ms`, or at once for 0. */
export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

/**
 * Resolves once the caller lookup of a call is over (done or failed), the call is gone, or `ms` passed.
 * Resolves the call as it is then (or undefined when gone).
 */
export function afterLookup(
  store: CallStore,
  callId: string,
  ms: number,
): Promise<Call | undefined> {
  return new Promise((resolve) => {
    const settled = () => {
      const call = store.getCall(callId);
      return !call || call.lookup === 'done' || call.lookup === 'failed' || call.lookup === 'idle';
    };
    if (settled()) {
      resolve(store.getCall(callId));
      return;
    }
    let off: () => void = () => undefined;
    const timer = setTimeout(() => {
      off();
      resolve(store.getCall(callId));
    }, ms);
    off = store.subscribe(() => {
      if (!settled()) return;
      clearTimeout(timer);
      off();
      resolve(store.getCall(callId));
    });
  });
}
