/**
 * Cross-tab ownership: exactly one store instance per name owns the calls (holds a Web Lock); the others
 * follow. When the owner goes away (tab closed, widget reloaded, store disposed) the lock passes to the
 * next waiting instance.
 */

/** Handlers of {@link claimOwnership}. */
export interface OwnershipHandlers {
  /** This instance now owns the calls. Called at most once. */
  owner(): void;
  /** Another instance owns them; this one waits to take over. */
  follower(): void;
}

/**
 * Claims the lock `name`. Without a lock manager the caller is the owner at once (a single tab cannot
 * coordinate). Returns the function that gives the lock up (or stops waiting for it).
 */
export function claimOwnership(
  locks: LockManager | null | undefined,
  name: string,
  handlers: OwnershipHandlers,
): () => void {
  if (!locks) {
    handlers.owner();
    return () => undefined;
  }
  const abort = new AbortController();
  let release: (() => void) | undefined;
  const hold = () => {
    if (abort.signal.aborted) return undefined;
    handlers.owner();
    return new Promise<void>((resolve) => (release = resolve));
  };
  locks
    .request(name, { ifAvailable: true }, (lock) => {
      if (lock) return hold();
      if (!abort.signal.aborted) {
        handlers.follower();
        locks.request(name, { signal: abort.signal }, hold).catch(() => undefined);
      }
      return undefined;
    })
    .catch(() => undefined);
  return () => {
    abort.abort();
    release?.();
  };
}

/** The default lock manager: `navigator.locks` when present. */
export function defaultLocks(): LockManager | null {
  return typeof navigator !== 'undefined' && navigator.locks ? navigator.locks : null;
}
