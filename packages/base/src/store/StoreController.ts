import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { warnOnce } from '../warn.js';

/**
 * Any external store with the `useSyncExternalStore` contract: a synchronous snapshot and a subscription.
 * Core's call store satisfies it; so does a vendor's own store.
 */
export interface ExternalStore<S> {
  getSnapshot(): S;
  subscribe(listener: () => void): () => void;
}

/** Whether a value has the store contract (checked at run time: stores come from app code). */
function isStore(value: unknown): value is ExternalStore<unknown> {
  const candidate = value as Partial<ExternalStore<unknown>> | null | undefined;
  return typeof candidate?.getSnapshot === 'function' && typeof candidate.subscribe === 'function';
}

/**
 * Binds an element to an external store. It subscribes while the host is connected, re-renders the host
 * when the selected value changes (by `Object.is`, or a custom equality), and unsubscribes on disconnect.
 * The store can be swapped at any time (`controller.store = other`), or left undefined so the element
 * renders from its own properties only.
 *
 * A store from app code is not trusted: one without `getSnapshot()`/`subscribe()` is ignored with a
 * warning, a `getSnapshot()` that throws keeps the last value, and a `subscribe()` that returns no
 * function is still safe to disconnect from.
 */
export class StoreController<S, T = S> implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #select: (snapshot: S) => T;
  readonly #equals: (a: T, b: T) => boolean;
  #store: ExternalStore<S> | undefined;
  #unsubscribe: (() => void) | undefined;
  #connected = false;
  #value: T | undefined;

  constructor(
    host: ReactiveControllerHost,
    options: {
      store?: ExternalStore<S> | undefined;
      select?: (snapshot: S) => T;
      equals?: (a: T, b: T) => boolean;
    } = {},
  ) {
    this.#host = host;
    this.#select = options.select ?? ((snapshot: S) => snapshot as unknown as T);
    this.#equals = options.equals ?? Object.is;
    this.#store = options.store;
    host.addController(this);
  }

  /** The bound store, if any. */
  get store(): ExternalStore<S> | undefined {
    return this.#store;
  }

  set store(candidate: ExternalStore<S> | undefined) {
    let store = candidate;
    if (store != null && !isStore(store)) {
      warnOnce('cif-elements', 'store', '`store` needs getSnapshot() and subscribe(); ignored.');
      store = undefined;
    }
    if (store === this.#store) return;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#store = store;
    this.#value = undefined;
    if (this.#connected) this.#subscribe();
    this.#host.requestUpdate();
  }

  /** The selected value, or undefined when no store is bound. */
  get value(): T | undefined {
    return this.#value;
  }

  hostConnected(): void {
    this.#connected = true;
    this.#subscribe();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  #subscribe(): void {
    const store = this.#store;
    if (!store || this.#unsubscribe) return;
    if (this.#read(store)) this.#host.requestUpdate();
    const unsubscribe: unknown = store.subscribe(() => {
      if (this.#read(store)) this.#host.requestUpdate();
    });
    this.#unsubscribe = typeof unsubscribe === 'function' ? (unsubscribe as () => void) : () => {};
  }

  /** Reads the selected value; returns whether it changed. */
  #read(store: ExternalStore<S>): boolean {
    let next: T;
    try {
      next = this.#select(store.getSnapshot());
    } catch (error) {
      warnOnce(
        'cif-elements',
        'snapshot',
        `the store's snapshot could not be read: ${String(error)}`,
      );
      return false;
    }
    if (this.#value !== undefined && this.#equals(this.#value, next)) return false;
    this.#value = next;
    return true;
  }
}
