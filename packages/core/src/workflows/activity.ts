/**
 * Activity logging: a phonecall activity per finished call (subject, number, direction, duration,
 * parties with the agent and the matched record, regarding, notes, disposition), created exactly once.
 *
 * Exactly once, even across a widget reload: each finished call becomes a job in a durable queue
 * (storage) with an activity id chosen up front and sent as the record's primary key. A job whose
 * outcome is unknown (the widget reloaded mid-request, or the request timed out) first asks Dataverse
 * whether that id exists before creating it again. Failures are retried with backoff and reported each
 * time; a job that keeps failing stays in the queue (status `failed`) until {@link ActivityLog.retry} or
 * the next start, never dropped.
 */
import { talkTimeMs, type Call } from '../calls/index.js';
import { defaultStorage, reviveCall, type CallStorage } from '../calls/persist.js';
import { isCifError } from '../cif/errors.js';
import {
  entitySetOf,
  environmentOf,
  owns,
  report,
  watchCalls,
  type WorkflowContext,
} from './shared.js';

/** Options of activity logging. */
export interface ActivityOptions {
  /** The activity entity (default `phonecall`). */
  readonly entityName?: string;
  /** Its primary key attribute, which receives the id chosen up front (default `activityid`). */
  readonly idAttribute?: string;
  /** The subject. Default `Call from <name or number>` / `Call to …` / `Missed call from …`. */
  readonly subject?: (call: Call) => string;
  /** Attribute receiving the disposition; without one, the disposition is added to the description. */
  readonly dispositionAttribute?: string;
  /** Create the activity completed (statecode 1, statuscode 4 received / 2 made). Default false. */
  readonly markCompleted?: boolean;
  /** Log calls that were never answered (missed, declined, unanswered outbound). Default true. */
  readonly logUnanswered?: boolean;
  /** Extra attributes per call (merged last). */
  readonly fields?: (call: Call) => Readonly<Record<string, unknown>>;
  /** Entity set names for `@odata.bind`, e.g. `{ new_customer: 'new_customers' }`. */
  readonly entitySets?: Readonly<Record<string, string>>;
  /** Waits between attempts, in ms (default 2 s, 10 s, 30 s, 1 min, 2 min): six attempts in all. */
  readonly retryDelaysMs?: readonly number[];
  /** Called once per activity created. */
  readonly onLogged?: (job: ActivityJob) => void;
}

/** A queued activity. */
export interface ActivityJob {
  readonly callId: string;
  /** The id the activity is created with. */
  readonly activityId: string;
  /** `queued`: waiting (maybe for a retry); `sending`: in flight; `failed`: gave up until retried. */
  readonly status: 'queued' | 'sending' | 'failed';
  readonly attempts: number;
  /** Whether the activity may already exist (an earlier attempt's outcome is unknown). */
  readonly verify: boolean;
  /** When the next attempt is due (ms). */
  readonly dueAt: number;
  readonly lastError: string | null;
  /** The call as it finished. */
  readonly call: Call;
}

/** The activity queue, observable like the call store. */
export interface ActivityLog {
  /** Jobs not yet done (queued, in flight, failed), oldest first. */
  getSnapshot(): readonly ActivityJob[];
  subscribe(listener: () => void): () => void;
  /** Retries failed jobs (and due ones) now. Resolves when the queue is idle. */
  retry(): Promise<void>;
  /** Resolves when no job is in flight or due. */
  idle(): Promise<void>;
  /** Stops logging (jobs stay in storage for the next start). */
  stop(): void;
}

interface Persisted {
  readonly v: 1;
  readonly jobs: readonly ActivityJob[];
  /** Calls already logged (bounded). */
  readonly done: readonly string[];
}

const DONE_LIMIT = 500;
const DEFAULT_DELAYS = [2_000, 10_000, 30_000, 60_000, 120_000];

function uuid(): string {
  return crypto.randomUUID();
}

function iso(ms: number | null): string | undefined {
  return ms === null ? undefined : new Date(ms).toISOString();
}

/** The default subject. */
export function defaultSubject(call: Call): string {
  const who = call.displayName ?? call.remoteE164 ?? call.remoteNumber;
  if (call.direction === 'outbound') return `Call to ${who}`;
  return call.answeredAt === null ? `Missed call from ${who}` : `Call from ${who}`;
}

/**
 * The phonecall record data for a finished call: what createRecord receives.
 *
 * @example
 * const data = phonecallData(call, { userId: env.userId, activityId: crypto.randomUUID() });
 */
export function phonecallData(
  call: Call,
  facts: { readonly userId?: string | undefined; readonly activityId: string },
  options: ActivityOptions = {},
): Record<string, unknown> {
  const entity = options.entityName ?? 'phonecall';
  const inbound = call.direction === 'inbound';
  const minutes = Math.ceil(talkTimeMs(call, call.endedAt ?? call.createdAt) / 60_000);
  const notes = call.notes.trim();
  const disposition = call.disposition;
  const description =
    disposition && !options.dispositionAttribute
      ? [notes, `Disposition: ${disposition}`].filter(Boolean).join('\n\n')
      : notes;
  const party = (ref: { entityName: string; id: string }) =>
    `/${entitySetOf(ref.entityName, options.entitySets)}(${ref.id})`;
  // The record the call is with: the one it is about, else the only match.
  const other = call.regarding ?? (call.matches.length === 1 ? call.matches[0] : undefined);
  const parties: Record<string, unknown>[] = [];
  if (facts.userId) {
    parties.push({
      'partyid_systemuser@odata.bind': `/systemusers(${facts.userId.replace(/^\{|\}$/g, '').toLowerCase()})`,
      participationtypemask: inbound ? 2 : 1,
    });
  }
  if (other) {
    parties.push({
      [`partyid_${other.entityName}@odata.bind`]: party(other),
      participationtypemask: inbound ? 1 : 2,
    });
  } else {
    parties.push({
      addressused: call.remoteE164 ?? call.remoteNumber,
      participationtypemask: inbound ? 1 : 2,
    });
  }
  const data: Record<string, unknown> = {
    [options.idAttribute ?? 'activityid']: facts.activityId,
    subject: (options.subject ?? defaultSubject)(call),
    phonenumber: call.remoteE164 ?? call.remoteNumber,
    directioncode: !inbound,
    actualdurationminutes: minutes,
    actualstart: iso(call.answeredAt ?? call.createdAt),
    actualend: iso(call.endedAt),
    [`${entity}_activity_parties`]: parties,
  };
  if (description) data.description = description;
  if (disposition && options.dispositionAttribute) data[options.dispositionAttribute] = disposition;
  if (call.regarding) {
    data[`regardingobjectid_${call.regarding.entityName}_${entity}@odata.bind`] = party(
      call.regarding,
    );
  }
  if (options.markCompleted) {
    data.statecode = 1;
    data.statuscode = inbound ? 4 : 2;
  }
  return { ...data, ...options.fields?.(call) };
}

function reviveJob(value: unknown): ActivityJob | null {
  if (typeof value !== 'object' || value === null) return null;
  const job = value as Record<string, unknown>;
  const call = reviveCall(job.call);
  if (typeof job.callId !== 'string' || typeof job.activityId !== 'string' || !call) return null;
  const status = job.status;
  return {
    callId: job.callId,
    activityId: job.activityId,
    status: status === 'sending' || status === 'failed' ? status : 'queued',
    attempts: typeof job.attempts === 'number' ? job.attempts : 0,
    verify: job.verify === true,
    dueAt: typeof job.dueAt === 'number' ? job.dueAt : 0,
    lastError: typeof job.lastError === 'string' ? job.lastError : null,
    call,
  };
}

function readQueue(storage: CallStorage | null, key: string): Persisted {
  try {
    const parsed = JSON.parse(storage?.getItem(key) ?? 'null') as unknown;
    if (typeof parsed === 'object' && parsed !== null) {
      const { v, jobs, done } = parsed as Record<string, unknown>;
      if (v === 1 && Array.isArray(jobs) && Array.isArray(done)) {
        return {
          v: 1,
          jobs: jobs.flatMap((job: unknown) => {
            const revived = reviveJob(job);
            return revived ? [revived] : [];
          }),
          done: done.filter((id): id is string => typeof id === 'string'),
        };
      }
    }
  } catch {
    // Unreadable: start empty.
  }
  return { v: 1, jobs: [], done: [] };
}

/**
 * Logs a phonecall activity for every call that finishes (wrap-up completed), exactly once.
 *
 * @example
 * const log = logActivities({ client, store, phone, onError }, { dispositionAttribute: 'new_disposition' });
 * log.subscribe(() => showPending(log.getSnapshot()));
 */
export function logActivities(
  context: WorkflowContext,
  options: ActivityOptions = {},
): ActivityLog {
  const { client, store } = context;
  const storage = context.storage === undefined ? defaultStorage() : context.storage;
  const key = `cif-elements:activities:${context.namespace ?? 'default'}`;
  const delays = options.retryDelaysMs ?? DEFAULT_DELAYS;
  const entity = options.entityName ?? 'phonecall';
  const listeners = new Set<() => void>();
  let state: Persisted = { v: 1, jobs: [], done: [] };
  let running: Promise<void> | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let loadedAsOwner = false;

  const commit = (next: Persisted) => {
    if (stopped) return;
    state = Object.freeze({
      ...next,
      jobs: Object.freeze(next.jobs.map((job) => Object.freeze(job))),
    });
    try {
      storage?.setItem(key, JSON.stringify(state));
    } catch (error) {
      report(
        context,
        'activity',
        null,
        error,
        `the activity queue could not be saved: ${messageOf(error)}`,
      );
    }
    for (const listener of [...listeners]) listener();
  };
  const update = (callId: string, change: (job: ActivityJob) => ActivityJob) =>
    commit({
      ...state,
      jobs: state.jobs.map((job) => (job.callId === callId ? change(job) : job)),
    });

  /** Loads the queue when this tab owns the calls; jobs caught in flight by a reload must be verified. */
  const loadAsOwner = () => {
    if (loadedAsOwner || !owns(store)) return;
    loadedAsOwner = true;
    const persisted = readQueue(storage, key);
    commit({
      ...persisted,
      jobs: persisted.jobs.map((job) =>
        job.status === 'queued' ? job : { ...job, status: 'queued', verify: true, dueAt: 0 },
      ),
    });
    void kick();
  };

  const enqueue = (call: Call) => {
    if (state.done.includes(call.id) || state.jobs.some((job) => job.callId === call.id)) return;
    commit({
      ...state,
      jobs: [
        ...state.jobs,
        {
          callId: call.id,
          activityId: uuid(),
          status: 'queued',
          attempts: 0,
          verify: false,
          dueAt: 0,
          lastError: null,
          call,
        },
      ],
    });
    void kick();
  };

  async function exists(job: ActivityJob): Promise<boolean> {
    try {
      await client.retrieveRecord(entity, job.activityId, {
        select: [options.idAttribute ?? 'activityid'],
      });
      return true;
    } catch (error) {
      if (isCifError(error, 'not-found')) return false;
      throw error;
    }
  }

  async function attempt(job: ActivityJob): Promise<void> {
    update(job.callId, (j) => ({ ...j, status: 'sending' }));
    try {
      if (!(job.verify && (await exists(job)))) {
        const environment = await environmentOf(context);
        await client.createRecord(
          entity,
          phonecallData(
            job.call,
            { userId: environment.userId, activityId: job.activityId },
            options,
          ),
        );
      }
    } catch (error) {
      const attempts = job.attempts + 1;
      const wait = delays[attempts - 1];
      // A timeout may have created the record: verify before the next attempt.
      const verify = job.verify || isCifError(error, 'timeout') || isCifError(error, 'aborted');
      if (wait === undefined) {
        update(job.callId, (j) => ({
          ...j,
          status: 'failed',
          attempts,
          verify,
          lastError: messageOf(error),
        }));
        report(
          context,
          'activity',
          job.callId,
          error,
          `the phonecall activity was not created after ${attempts} attempts (kept for retry): ${messageOf(error)}`,
        );
      } else {
        update(job.callId, (j) => ({
          ...j,
          status: 'queued',
          attempts,
          verify,
          dueAt: Date.now() + wait,
          lastError: messageOf(error),
        }));
        report(
          context,
          'activity',
          job.callId,
          error,
          `creating the phonecall activity failed (will retry): ${messageOf(error)}`,
        );
      }
      return;
    }
    const done = [...state.done, job.callId].slice(-DONE_LIMIT);
    commit({ ...state, jobs: state.jobs.filter((j) => j.callId !== job.callId), done });
    try {
      options.onLogged?.(job);
    } catch {
      // A throwing callback must not re-log.
    }
  }

  /** Runs due jobs one at a time, then schedules the next due one. */
  function kick(): Promise<void> {
    if (stopped || !owns(store)) return Promise.resolve();
    if (running) return running;
    const run = (async () => {
      for (;;) {
        if (stopped || !owns(store)) break;
        const due = state.jobs.find((job) => job.status === 'queued' && job.dueAt <= Date.now());
        if (!due) break;
        await attempt(due);
      }
    })();
    running = run.finally(() => {
      running = null;
      schedule();
    });
    return running;
  }

  function schedule(): void {
    clearTimeout(timer);
    if (stopped) return;
    const next = state.jobs
      .filter((job) => job.status === 'queued')
      .reduce((min, job) => Math.min(min, job.dueAt), Infinity);
    if (Number.isFinite(next))
      timer = setTimeout(() => void kick(), Math.max(0, next - Date.now()));
  }

  const stopWatching = watchCalls(store, ({ call, previous }) => {
    const finished = call.wrapUp?.completedAt != null && previous?.wrapUp?.completedAt == null;
    if (!finished || call.consultFor !== null) return;
    if (call.answeredAt === null && options.logUnanswered === false) return;
    loadAsOwner();
    enqueue(call);
  });
  const stopRole = store.subscribe(loadAsOwner);
  loadAsOwner();

  return {
    getSnapshot: () => state.jobs,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    retry() {
      commit({
        ...state,
        jobs: state.jobs.map((job) =>
          job.status === 'failed' ? { ...job, status: 'queued', dueAt: 0 } : job,
        ),
      });
      return kick();
    },
    idle: () => running ?? Promise.resolve(),
    stop() {
      stopped = true;
      clearTimeout(timer);
      stopWatching();
      stopRole();
      listeners.clear();
    },
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
