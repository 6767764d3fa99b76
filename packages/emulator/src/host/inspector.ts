/** The inspector's log: every CIF call and event, with arguments, result or error and duration. */

export type LogKind = 'call' | 'event' | 'security' | 'host';
export type LogStatus =
  'pending' | 'success' | 'failure' | 'timeout' | 'rejected' | 'dropped' | 'warning' | 'info';

export interface LogEntry {
  id: number;
  kind: LogKind;
  /** API or event name as the widget knows it (`createRecord`, `onclicktoact`). */
  name: string;
  /** When it started (ms since the epoch). */
  time: number;
  status: LogStatus;
  /** Arguments (calls) or payload (events), as plain data. */
  args?: unknown;
  /** What the widget's promise resolves with, or the event handler's answer. */
  result?: unknown;
  /** What the widget's promise rejects with. */
  error?: unknown;
  /** How the result reaches the widget: `JSON string`, `Map`, `value`, `object`. */
  encoding?: string;
  durationMs?: number;
  /** The sender's origin. */
  origin?: string;
  /** A human explanation (fault injected, handler tolerance, …). */
  note?: string;
}

/** Filters of the inspector view. */
export interface LogFilter {
  text?: string;
  kind?: LogKind | 'all';
  /** `errors`: failure, timeout, rejected, dropped, warning. */
  status?: 'all' | 'errors';
}

const ERRORS = new Set<LogStatus>(['failure', 'timeout', 'rejected', 'dropped', 'warning']);

/** Converts Maps (and nested Maps) to plain objects for display and export. */
export function plain(value: unknown, depth = 0): unknown {
  if (depth > 20) return '…';
  if (value instanceof Map) {
    const out: Record<string, unknown> = {};
    value.forEach((v: unknown, k: unknown) => {
      out[String(k)] = plain(v, depth + 1);
    });
    return out;
  }
  if (Array.isArray(value)) return value.map((v) => plain(v, depth + 1));
  if (value instanceof Error) return { name: value.name, message: value.message };
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = plain(v, depth + 1);
    return out;
  }
  if (typeof value === 'function') return '[function]';
  return value;
}

/** Describes how a value is encoded (what `typeof`/`instanceof` the widget will see). */
export function encodingOf(value: unknown): string {
  if (value instanceof Map) return 'Map';
  if (typeof value === 'string') return 'JSON string';
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** A bounded, observable log. */
export class Inspector {
  #entries: LogEntry[] = [];
  #next = 1;
  #listeners = new Set<() => void>();
  /** Entries kept (oldest dropped first). */
  limit = 2000;

  get entries(): readonly LogEntry[] {
    return this.#entries;
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Adds an entry; returns it so that it can be completed later. */
  add(entry: Omit<LogEntry, 'id' | 'time'> & { time?: number }): LogEntry {
    const full: LogEntry = { ...entry, id: this.#next++, time: entry.time ?? Date.now() };
    if (full.args !== undefined) full.args = plain(full.args);
    this.#entries.push(full);
    if (this.#entries.length > this.limit)
      this.#entries.splice(0, this.#entries.length - this.limit);
    this.#emit();
    return full;
  }

  /** Completes an entry. */
  update(entry: LogEntry, changes: Partial<Omit<LogEntry, 'id'>>): void {
    Object.assign(entry, changes);
    if (changes.result !== undefined) entry.result = plain(changes.result);
    if (changes.error !== undefined) entry.error = plain(changes.error);
    this.#emit();
  }

  clear(): void {
    this.#entries = [];
    this.#emit();
  }

  /** Entries matching a filter, newest last. */
  filter(filter: LogFilter = {}): LogEntry[] {
    const text = filter.text?.trim().toLowerCase() ?? '';
    return this.#entries.filter((e) => {
      if (filter.kind && filter.kind !== 'all' && e.kind !== filter.kind) return false;
      if (filter.status === 'errors' && !ERRORS.has(e.status)) return false;
      if (!text) return true;
      return (
        e.name.toLowerCase().includes(text) ||
        (e.note ?? '').toLowerCase().includes(text) ||
        safeJson(e.args).toLowerCase().includes(text) ||
        safeJson(e.result ?? e.error)
          .toLowerCase()
          .includes(text)
      );
    });
  }

  /** The log as JSON text (for a download). */
  export(): string {
    return JSON.stringify(this.#entries, null, 2);
  }

  #emit(): void {
    for (const listener of this.#listeners) listener();
  }
}

/** JSON.stringify that never throws. */
export function safeJson(value: unknown, space?: number): string {
  if (value === undefined) return '';
  try {
    return JSON.stringify(value, null, space) ?? Object.prototype.toString.call(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}
