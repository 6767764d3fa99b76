/**
 * The host's notification queue (notifyEvent): one notification on screen at a time, at most 10 queued
 * (more answer Reject/NotificationQueueLimitExceeded), a queued one that waits longer than its timeout
 * answers Reject/NotificationQueueTimeLimitExceeded, a shown one counts down to Timeout/DisplayTimeout
 * (Reject on older hosts), auto-accept answers Accept/AutoAccept, the agent answers Accept/Accept or
 * Reject/DeclinedByAgent, and cancelEvent withdraws one.
 */
import type { NotificationTemplate } from '../config/types.js';

/** The answer notifyEvent resolves with. */
export interface NotificationAnswer {
  actionName: 'Accept' | 'Reject' | 'Timeout';
  responseReason: string;
}

/** A notification as the UI shows it. */
export interface HostNotification {
  id: number;
  template: NotificationTemplate;
  title: string;
  fields: { header: string; value: string }[];
  cancellationToken?: string;
  enqueuedAt: number;
  shownAt?: number;
  /** When the countdown ends (ms since the epoch), if it has one. */
  deadline?: number;
  /** The answer, once given. */
  answer?: NotificationAnswer;
}

/** The queue limit of the real host. */
export const MAX_QUEUED_NOTIFICATIONS = 10;

export const ANSWERS = {
  accept: { actionName: 'Accept', responseReason: 'Accept' },
  autoAccept: { actionName: 'Accept', responseReason: 'AutoAccept' },
  decline: { actionName: 'Reject', responseReason: 'DeclinedByAgent' },
  queueLimit: { actionName: 'Reject', responseReason: 'NotificationQueueLimitExceeded' },
  queueTime: { actionName: 'Reject', responseReason: 'NotificationQueueTimeLimitExceeded' },
  displayTimeout: { actionName: 'Timeout', responseReason: 'DisplayTimeout' },
  displayTimeoutOld: { actionName: 'Reject', responseReason: 'DisplayTimeout' },
  cancelled: { actionName: 'Reject', responseReason: 'Cancelled' },
} as const satisfies Record<string, NotificationAnswer>;

interface Entry {
  notification: HostNotification;
  resolve: (answer: NotificationAnswer) => void;
  timer?: ReturnType<typeof setTimeout>;
}

/** Options of {@link NotificationCenter}. */
export interface NotificationCenterOptions {
  /** Answer given when a shown notification's countdown ends. */
  displayTimeoutAction?: 'Timeout' | 'Reject';
  now?: () => number;
}

export class NotificationCenter {
  #queue: Entry[] = [];
  #next = 1;
  #listeners = new Set<() => void>();
  #options: NotificationCenterOptions;
  /** Answered notifications, newest last (the UI's history). */
  readonly history: HostNotification[] = [];

  constructor(options: NotificationCenterOptions = {}) {
    this.#options = options;
  }

  #now(): number {
    return this.#options.now?.() ?? Date.now();
  }

  /** The notification on screen, if any. */
  get current(): HostNotification | undefined {
    return this.#queue[0]?.notification;
  }

  /** Every notification waiting (the current one first). */
  get queued(): readonly HostNotification[] {
    return this.#queue.map((e) => e.notification);
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Queues a notification; resolves with the answer. `title` and `fields` are already resolved text.
   */
  notify(
    template: NotificationTemplate,
    title: string,
    fields: { header: string; value: string }[],
    cancellationToken?: string,
  ): Promise<NotificationAnswer> {
    if (this.#queue.length >= MAX_QUEUED_NOTIFICATIONS)
      return Promise.resolve({ ...ANSWERS.queueLimit });
    return new Promise((resolve) => {
      const notification: HostNotification = {
        id: this.#next++,
        template,
        title,
        fields,
        enqueuedAt: this.#now(),
      };
      if (cancellationToken !== undefined) notification.cancellationToken = cancellationToken;
      const entry: Entry = { notification, resolve };
      this.#queue.push(entry);
      if (this.#queue.length === 1) this.#show(entry);
      else this.#scheduleQueueTimeout(entry);
      this.#emit();
    });
  }

  /** The agent's answer to the current (or a given) notification. */
  answer(id: number, accepted: boolean): boolean {
    const entry = this.#queue.find((e) => e.notification.id === id);
    if (!entry || entry !== this.#queue[0]) return false;
    this.#settle(entry, accepted ? ANSWERS.accept : ANSWERS.decline);
    return true;
  }

  /** Withdraws the notification with this cancellation token; false when there is none. */
  cancel(token: string): boolean {
    const entry = this.#queue.find((e) => e.notification.cancellationToken === token);
    if (!entry) return false;
    this.#settle(entry, ANSWERS.cancelled);
    return true;
  }

  /** Drops everything (host reset): pending promises answer Reject/DeclinedByAgent. */
  clear(): void {
    for (const entry of [...this.#queue]) this.#settle(entry, ANSWERS.decline);
  }

  #timeoutMs(template: NotificationTemplate): number {
    return (template.timeout ?? 120) * 1000;
  }

  #show(entry: Entry): void {
    const n = entry.notification;
    if (entry.timer !== undefined) clearTimeout(entry.timer);
    entry.timer = undefined;
    n.shownAt = this.#now();
    if (n.template.autoAccept) {
      // Shown, then accepted on the host's behalf right away.
      queueMicrotask(() => this.#settle(entry, ANSWERS.autoAccept));
      return;
    }
    const timeout = this.#timeoutMs(n.template);
    if (timeout > 0) {
      n.deadline = n.shownAt + timeout;
      entry.timer = setTimeout(() => {
        this.#settle(
          entry,
          this.#options.displayTimeoutAction === 'Reject'
            ? ANSWERS.displayTimeoutOld
            : ANSWERS.displayTimeout,
        );
      }, timeout);
    }
  }

  #scheduleQueueTimeout(entry: Entry): void {
    const timeout = this.#timeoutMs(entry.notification.template);
    if (timeout <= 0) return;
    entry.timer = setTimeout(() => this.#settle(entry, ANSWERS.queueTime), timeout);
  }

  #settle(entry: Entry, answer: NotificationAnswer): void {
    const index = this.#queue.indexOf(entry);
    if (index < 0) return;
    if (entry.timer !== undefined) clearTimeout(entry.timer);
    this.#queue.splice(index, 1);
    entry.notification.answer = { ...answer };
    this.history.push(entry.notification);
    if (this.history.length > 50) this.history.shift();
    entry.resolve({ ...answer });
    const head = this.#queue[0];
    if (index === 0 && head) this.#show(head);
    this.#emit();
  }

  #emit(): void {
    for (const listener of this.#listeners) listener();
  }
}
