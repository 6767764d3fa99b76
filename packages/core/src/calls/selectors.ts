/**
 * Small pure readers of a {@link CallStoreSnapshot}, for UIs and workflows. Each is a plain function so
 * frameworks can memoise it.
 */
import type { Call, CallStoreSnapshot } from './types.js';

/** The call the agent is working on (connected, or being placed), or `undefined`. */
export function selectActiveCall(snapshot: CallStoreSnapshot): Call | undefined {
  return snapshot.calls.find((call) => call.id === snapshot.activeCallId);
}

/** Incoming calls waiting for an answer (call waiting when another call is active), oldest first. */
export function selectRingingCalls(snapshot: CallStoreSnapshot): readonly Call[] {
  return snapshot.calls.filter((call) => call.state === 'ringing');
}

/** Calls on hold, oldest first. */
export function selectHeldCalls(snapshot: CallStoreSnapshot): readonly Call[] {
  return snapshot.calls.filter((call) => call.state === 'held');
}

/** Ended calls whose wrap-up is not complete. */
export function selectWrapUpCalls(snapshot: CallStoreSnapshot): readonly Call[] {
  return snapshot.calls.filter((call) => call.state === 'ended');
}

/** Talk time in ms (from the answer to the end, or to `now`), 0 when never answered. */
export function talkTimeMs(call: Call, now: number): number {
  if (call.answeredAt === null) return 0;
  return Math.max(0, (call.endedAt ?? now) - call.answeredAt);
}

/** Hold time in ms, including the current hold period. */
export function holdTimeMs(call: Call, now: number): number {
  return call.totalHoldMs + (call.heldSince === null ? 0 : Math.max(0, now - call.heldSince));
}
