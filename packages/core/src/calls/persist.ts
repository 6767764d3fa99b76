/**
 * Persistence of the call store: what is written to storage and how it is read back, defensively (the
 * storage may hold an older format, another app's data or garbage).
 */
import type { Call, CallContextValue, CallMatch, CallRecordRef, CallState } from './types.js';

/** The part of `Storage` the store uses. `localStorage` and `sessionStorage` fit; so does a Map wrapper. */
export interface CallStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** What the store writes. */
export interface PersistedCalls {
  readonly v: 1;
  readonly calls: readonly Call[];
  readonly history: readonly Call[];
}

const STATES: readonly CallState[] = [
  'dialing',
  'alerting',
  'ringing',
  'connected',
  'held',
  'ended',
];

type Bag = Record<string, unknown>;
const isBag = (value: unknown): value is Bag =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown, fallback: string | null = null) =>
  typeof value === 'string' ? value : fallback;
const num = (value: unknown, fallback: number | null = null) =>
  typeof value === 'number' && Number.isFinite(value) ? value : fallback;

function ref(value: unknown): CallRecordRef | null {
  if (!isBag(value) || typeof value.entityName !== 'string' || typeof value.id !== 'string') {
    return null;
  }
  const name = str(value.name);
  return Object.freeze({
    entityName: value.entityName,
    id: value.id,
    ...(name !== null ? { name } : {}),
  });
}

function match(value: unknown): CallMatch | null {
  const base = ref(value);
  if (!base || !isBag(value)) return null;
  const field = str(value.field);
  const number = str(value.number);
  return Object.freeze({
    ...base,
    ...(field !== null ? { field } : {}),
    ...(number !== null ? { number } : {}),
  });
}

function pick<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

/** Deep-freezes a JSON value (context values are JSON). */
function frozenJson(value: unknown): CallContextValue | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) {
    return Object.freeze(value.map((item) => frozenJson(item) ?? null));
  }
  if (isBag(value)) {
    const out: Record<string, CallContextValue> = {};
    for (const [key, item] of Object.entries(value)) {
      const json = frozenJson(item);
      if (json !== undefined) out[key] = json;
    }
    return Object.freeze(out);
  }
  return undefined;
}

/** A frozen copy of a context bag (JSON values only). */
export function freezeContext(value: unknown): Readonly<Record<string, CallContextValue>> {
  const json = isBag(value) ? frozenJson(value) : undefined;
  return (json as Readonly<Record<string, CallContextValue>> | undefined) ?? Object.freeze({});
}

/** Reads one persisted call, or `null` when it is not a call. Missing optional fields get defaults. */
export function reviveCall(value: unknown): Call | null {
  if (!isBag(value)) return null;
  const id = str(value.id);
  const state = value.state;
  const createdAt = num(value.createdAt);
  if (!id || !STATES.includes(state as CallState) || createdAt === null) return null;
  const wrap = value.wrapUp;
  const transfer = value.transfer;
  const matches = Array.isArray(value.matches) ? value.matches.map(match) : [];
  return Object.freeze({
    id,
    direction: value.direction === 'outbound' ? 'outbound' : 'inbound',
    remoteNumber: str(value.remoteNumber, '') ?? '',
    remoteE164: str(value.remoteE164),
    displayName: str(value.displayName),
    matches: Object.freeze(matches.filter((m): m is CallMatch => m !== null)),
    lookup: pick(value.lookup, ['idle', 'pending', 'done', 'failed'] as const, 'idle'),
    regarding: ref(value.regarding),
    state: state as CallState,
    endReason: state === 'ended' ? ((str(value.endReason) ?? 'lost') as Call['endReason']) : null,
    muted: value.muted === true,
    createdAt,
    answeredAt: num(value.answeredAt),
    heldSince: state === 'held' ? num(value.heldSince, createdAt) : null,
    totalHoldMs: num(value.totalHoldMs, 0) ?? 0,
    endedAt: state === 'ended' ? num(value.endedAt, createdAt) : null,
    dtmf: str(value.dtmf, '') ?? '',
    postDial: str(value.postDial),
    recording: pick(value.recording, ['off', 'recording', 'paused'] as const, 'off'),
    transfer:
      isBag(transfer) && typeof transfer.target === 'string'
        ? Object.freeze({
            mode: transfer.mode === 'consult' ? 'consult' : 'blind',
            target: transfer.target,
            status: pick(
              transfer.status,
              ['consulting', 'completed', 'merged'] as const,
              'completed',
            ),
            ...(typeof transfer.consultCallId === 'string'
              ? { consultCallId: transfer.consultCallId }
              : {}),
          })
        : null,
    consultFor: str(value.consultFor),
    merged: Object.freeze(
      Array.isArray(value.merged)
        ? value.merged.filter((n): n is string => typeof n === 'string')
        : [],
    ),
    disposition: str(value.disposition),
    notes: str(value.notes, '') ?? '',
    wrapUp: isBag(wrap)
      ? Object.freeze({
          startedAt: num(wrap.startedAt, createdAt) ?? createdAt,
          deadline: num(wrap.deadline),
          completedAt: num(wrap.completedAt),
        })
      : null,
    // A command in flight did not survive the reload.
    pending: null,
    context: freezeContext(value.context),
  } satisfies Call);
}

/** Reads what the store wrote, or empty lists when there is nothing usable. */
export function readPersisted(storage: CallStorage | null, key: string): PersistedCalls {
  let parsed: unknown;
  try {
    const text = storage?.getItem(key);
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  return revivePersisted(parsed);
}

/** Reads persisted (or broadcast) calls from parsed JSON, or empty lists when it is not usable. */
export function revivePersisted(parsed: unknown): PersistedCalls {
  const list = (value: unknown) =>
    Array.isArray(value) ? value.map(reviveCall).filter((c): c is Call => c !== null) : [];
  return isBag(parsed) && parsed.v === 1
    ? { v: 1, calls: list(parsed.calls), history: list(parsed.history) }
    : { v: 1, calls: [], history: [] };
}

/** The default storage: `localStorage` when the page may use it, otherwise none. */
export function defaultStorage(): CallStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // Storage blocked (sandboxed iframe without allow-same-origin, privacy settings).
  }
}
