/**
 * Shared helpers of the calls tests. Named `.test.ts` so it is neither built nor shipped nor counted in
 * coverage; it declares no tests of its own.
 */
import sinon from 'sinon';
import { type CallError, isCallError, type CallErrorCode } from './errors.js';
import { SimulatedProvider, type SimulatedProviderOptions } from './simulated-provider.js';
import { createCallStore, type CallStore, type CallStoreOptions } from './store.js';
import type { CallStorage } from './persist.js';

/** A Map-backed Storage, optionally failing writes. */
export function memoryStorage(): CallStorage & {
  readonly data: Map<string, string>;
  failWrites: boolean;
} {
  const data = new Map<string, string>();
  return {
    data,
    failWrites: false,
    getItem: (key) => data.get(key) ?? null,
    setItem(key, value) {
      if (this.failWrites) throw new DOMException('quota exceeded', 'QuotaExceededError');
      data.set(key, value);
    },
    removeItem: (key) => void data.delete(key),
  };
}

export interface Harness {
  readonly clock: sinon.SinonFakeTimers;
  readonly provider: SimulatedProvider;
  readonly store: CallStore;
  /** Lets promises and 0-ms timers run. */
  flush(ms?: number): Promise<void>;
}

/** A fake clock, a simulated provider and a store that owns its calls without coordination. */
export function harness(
  options: { provider?: SimulatedProviderOptions; store?: Partial<CallStoreOptions> } = {},
): Harness {
  const clock = sinon.useFakeTimers({
    now: 1_000_000,
    toFake: ['setTimeout', 'clearTimeout', 'Date'],
  });
  const provider = new SimulatedProvider(options.provider);
  const store = createCallStore({ provider, storage: null, ownership: false, ...options.store });
  return {
    clock,
    provider,
    store,
    flush: async (ms = 0) => {
      await clock.tickAsync(ms);
    },
  };
}

/** Awaits a rejection and checks it is a CallError with the code. */
export async function expectCallError(
  promise: Promise<unknown>,
  code: CallErrorCode,
): Promise<CallError> {
  try {
    await promise;
  } catch (error) {
    if (!isCallError(error)) throw new Error(`expected a CallError, got ${String(error)}`);
    if (error.code !== code)
      throw new Error(`expected ${code}, got ${error.code}: ${error.message}`);
    return error;
  }
  throw new Error(`expected the promise to reject with ${code}`);
}
