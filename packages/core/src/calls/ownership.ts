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
  /**
   * The lock manager refused the request (e.g. a SecurityError in a third-party frame whose storage is
   * blocked): this instance becomes the owner without coordination, as without Web Locks.
   */
  unavailable?(error: unknown): void;
}

/**
 * Claims the lock `name`. Without a lock manager, or when it refuses the request, the caller is the owner
 * at once (a single tab cannot coordinate). Returns the function that gives the lock up (or stops
 * waiting for it).
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
  let owned = false;
  const own = () => {
    owned = true;
    handlers.owner();
  };
  const hold = () => {
    if (abort.signal.aborted || owned) return undefined;
    own();
    return new Promise<void>((resolve) => (release = resolve));
  };
  const refused = (error: unknown) => {
    if (abort.signal.aborted || owned) return;
    try {
      handlers.unavailable?.(error);
    } catch {
      // A throwing reporter must not keep the caller from owning.
    }
    own();
  };
  // async: a request that throws synchronously rejects like one that fails.
  const request = async (options: LockOptions, callback: (lock: Lock | null) => unknown) =>
    locks.request(name, options, callback);
  request({ ifAvailable: true }, (lock) => {
    if (lock) return hold();
    if (!abort.signal.aborted) {
      handlers.follower();
      request({ signal: abort.signal }, hold).catch(refused);
    }
    return undefined;
  }).catch(refused);
  return () => {
    abort.abort();
    release?.();
  };
}

/** The default lock manager: `navigator.locks` when present. */
export function defaultLocks(): LockManager | null {
  return typeof navigator !== 'undefined' && navigator.locks ? navigator.locks : null;
}
