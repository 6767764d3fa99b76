/**
 * Fault injection: latency on every answer, and rules making chosen APIs fail (in a chosen error shape),
 * never answer (so the library times out) or answer late, and chosen events never reach the widget.
 */
import type { ErrorShape, FaultRule } from '../config/types.js';
import { MessageType } from '../library/wire.js';

/** What to do with one request. */
export type RequestFault =
  | { action: 'none'; delay: number }
  | { action: 'timeout'; delay: number; rule: FaultRule }
  | {
      action: 'fail';
      delay: number;
      shape?: ErrorShape;
      message: string;
      errorCode: number;
      rule: FaultRule;
    };

const PUBLIC_NAMES: Record<string, string> = {};
for (const [name, wire] of Object.entries(MessageType)) PUBLIC_NAMES[wire.toLowerCase()] = name;
PUBLIC_NAMES.search = 'searchAndOpenRecords';
PUBLIC_NAMES.gettabsbytagorname = 'getTabs';
PUBLIC_NAMES.addgenerichandler = 'addHandler';
PUBLIC_NAMES.removegenerichandler = 'removeHandler';

/** The public API name of a wire message type (`createrecord` → `createRecord`). */
export function publicName(messageType: string): string {
  return PUBLIC_NAMES[messageType.toLowerCase()] ?? messageType;
}

function matches(pattern: string, messageType: string): boolean {
  const p = pattern.trim().toLowerCase();
  return (
    p === '*' || p === messageType.toLowerCase() || p === publicName(messageType).toLowerCase()
  );
}

/** The active fault rules; the host UI edits them live. */
export class Faults {
  latencyMs = 0;
  #rules: { rule: FaultRule; used: number }[] = [];
  #listeners = new Set<() => void>();

  constructor(config?: { latencyMs?: number; rules?: readonly FaultRule[] }) {
    this.latencyMs = config?.latencyMs ?? 0;
    for (const rule of config?.rules ?? []) this.add(rule);
  }

  get rules(): readonly FaultRule[] {
    return this.#rules.map((r) => r.rule);
  }

  /** How often each rule has applied so far. */
  usage(rule: FaultRule): number {
    return this.#rules.find((r) => r.rule === rule)?.used ?? 0;
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  add(rule: FaultRule): void {
    this.#rules.push({ rule, used: 0 });
    this.#emit();
  }

  remove(rule: FaultRule): void {
    this.#rules = this.#rules.filter((r) => r.rule !== rule);
    this.#emit();
  }

  setLatency(ms: number): void {
    this.latencyMs = Number.isFinite(ms) && ms > 0 ? ms : 0;
    this.#emit();
  }

  clear(): void {
    this.#rules = [];
    this.latencyMs = 0;
    this.#emit();
  }

  /** Decides the fault for a request (and counts the rule's use). */
  forRequest(messageType: string): RequestFault {
    let delay = this.latencyMs;
    for (const entry of this.#rules) {
      const { rule } = entry;
      if (!('api' in rule) || !matches(rule.api, messageType)) continue;
      if (rule.times !== undefined && entry.used >= rule.times) continue;
      entry.used++;
      this.#emit();
      if (rule.action === 'delay') {
        delay += rule.ms;
        continue;
      }
      if (rule.action === 'timeout') return { action: 'timeout', delay, rule };
      const fault: RequestFault = {
        action: 'fail',
        delay,
        message: rule.message ?? `Injected failure of ${publicName(messageType)}`,
        errorCode: rule.errorCode ?? 500,
        rule,
      };
      if (rule.shape) fault.shape = rule.shape;
      return fault;
    }
    return { action: 'none', delay };
  }

  /** True when an event must not reach the widget (and counts the rule's use). */
  dropEvent(eventName: string): FaultRule | undefined {
    for (const entry of this.#rules) {
      const { rule } = entry;
      if (!('event' in rule)) continue;
      const p = rule.event.trim().toLowerCase();
      if (p !== '*' && p !== eventName.toLowerCase()) continue;
      if (rule.times !== undefined && entry.used >= rule.times) continue;
      entry.used++;
      this.#emit();
      return rule;
    }
    return undefined;
  }

  #emit(): void {
    for (const listener of this.#listeners) listener();
  }
}
