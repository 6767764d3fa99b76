import type { CallCommand, CallState } from './types.js';

/**
 * Why a store command was refused.
 *
 * - `illegal-transition`: the call is not in a state that allows the command (e.g. answering a held call).
 * - `unknown-call`: no call has the given id.
 * - `unsupported`: the provider's capabilities do not include the command.
 * - `busy`: another call or command is in the way (e.g. dialing while a call is being placed).
 * - `invalid-argument`: an argument is malformed (an empty number, non-DTMF digits).
 * - `read-only`: another tab owns the calls; this store only mirrors them.
 * - `provider-failed`: the provider rejected or threw; the call is unchanged (or ended, for a failed dial).
 * - `disposed`: the store was disposed.
 */
export type CallErrorCode =
  | 'illegal-transition'
  | 'unknown-call'
  | 'unsupported'
  | 'busy'
  | 'invalid-argument'
  | 'read-only'
  | 'provider-failed'
  | 'disposed';

const BRAND = Symbol.for('cif-elements.CallError');

/**
 * The error every rejected store command rejects with. A refused command changes nothing.
 *
 * @example
 * try {
 *   await store.setHeld(callId, true);
 * } catch (error) {
 *   if (isCallError(error, 'unsupported')) hideHoldButton();
 * }
 */
export class CallError extends Error {
  /** Why the command was refused. */
  readonly code: CallErrorCode;
  /** The command. */
  readonly command: CallCommand | 'completeWrapUp' | 'updateWrapUp' | 'annotate';
  /** The call, when the command names one. */
  readonly callId: string | null;
  /** The call's state when the command was refused, when known. */
  readonly state: CallState | null;

  constructor(
    code: CallErrorCode,
    command: CallError['command'],
    message: string,
    details: { callId?: string | null; state?: CallState | null; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'CallError';
    this.code = code;
    this.command = command;
    this.callId = details.callId ?? null;
    this.state = details.state ?? null;
    Object.defineProperty(this, BRAND, { value: true });
  }
}

/** Whether `value` is a {@link CallError} (optionally with the given code), across package copies. */
export function isCallError(value: unknown, code?: CallErrorCode): value is CallError {
  if (typeof value !== 'object' || value === null) return false;
  const branded = value instanceof CallError || (value as Record<symbol, unknown>)[BRAND] === true;
  return branded && (code === undefined || (value as CallError).code === code);
}
