/**
 * Terms of `<cif-call-controls>`. Keys start with `controls`; every locale must translate them all (the type says so).
 */
export interface CifCallControlsTerms {
  /** The toolbar's accessible name. */
  readonly controlsLabel: string;
  /** The mute toggle (pressed while the microphone is muted). */
  readonly controlsMute: string;
  /** The hold toggle (pressed while the call is on hold). */
  readonly controlsHold: string;
  /** The keypad toggle that opens the in-call DTMF pad. */
  readonly controlsKeypad: string;
  /** The transfer toggle that opens the transfer panel. */
  readonly controlsTransfer: string;
  /** The record toggle (pressed while recording). */
  readonly controlsRecord: string;
  readonly controlsEnd: string;
  /** The overflow button holding the controls that do not fit. */
  readonly controlsMore: string;
  /** Read before the call timer. */
  readonly controlsCallTime: string;
  /** Read before the hold timer; also the status shown while on hold. */
  readonly controlsOnHold: string;
  /** Shown instead of the call timer while an outbound call is being placed. */
  readonly controlsCalling: string;
  /** The recording indicator; also announced when recording starts. */
  readonly controlsRecording: string;
  /** The indicator while recording is paused; also announced. */
  readonly controlsRecordingPaused: string;
  readonly controlsQualityGood: string;
  readonly controlsQualityFair: string;
  readonly controlsQualityPoor: string;
  /** The quality indicator's name: `level` is one of the three above, `mos` a formatted score or empty. */
  readonly controlsQuality: (level: string, mos: string) => string;
  /** Announced when call quality drops to poor. */
  readonly controlsQualityDropped: string;
  /** Announced when a call is connected: answered, or picked up by the other party. */
  readonly controlsConnectedNow: string;
  readonly controlsMutedNow: string;
  readonly controlsUnmutedNow: string;
  readonly controlsHeldNow: string;
  readonly controlsResumedNow: string;
  /** Announced when the call ends and wrap-up begins. */
  readonly controlsEndedNow: string;
  /**
   * Announced, instead of `controlsEndedNow`, when the call was handed over; `target` is the number or
   * name, empty when the phone system did not say (then "Call transferred").
   */
  readonly controlsTransferredNow: (target: string) => string;
  /** Announced when calls were merged into a conference. */
  readonly controlsMergedNow: string;
  /** Announced (and shown) when a command failed; `action` is the control's name. */
  readonly controlsFailed: (action: string) => string;
  /** Why a control is off: another tab or window owns the call. */
  readonly controlsReasonReadOnly: string;
  /** Why a control is off: a command is waiting for the phone system. */
  readonly controlsReasonPending: string;
  /** Why a control is off: the call is not connected yet. */
  readonly controlsReasonNotConnected: string;
  /** Why the keypad is off: the call is on hold. */
  readonly controlsReasonHeld: string;
  /** Why transfer is off: a consult is in progress. */
  readonly controlsReasonConsulting: string;
  /** Why record is off while recording: the phone system cannot pause. */
  readonly controlsReasonNoPause: string;
  /** The transfer target field's label. */
  readonly controlsTarget: string;
  /** Blind transfer: hand the call over at once. */
  readonly controlsTransferNow: string;
  /** Consult (warm) transfer: talk to the target first. */
  readonly controlsConsult: string;
  /** Shown when a transfer is asked for without a target. */
  readonly controlsTargetRequired: string;
  /** The consult bar's status and name: `target` is the number or name consulted. */
  readonly controlsConsulting: (target: string) => string;
  /** Swap between the caller and the consulted party. */
  readonly controlsSwap: string;
  /** Merge the caller and the consulted party into a conference. */
  readonly controlsMerge: string;
  /** Complete the consult transfer. */
  readonly controlsComplete: string;
  /** Hang up the consult call and return to the caller. */
  readonly controlsCancelConsult: string;
  /** The conference indicator. */
  readonly controlsConference: string;
  /** The wrap-up form's name and the wrap-up timer's label. */
  readonly controlsWrapUp: string;
  /** Read before the wrap-up countdown when wrap-up completes by itself. */
  readonly controlsWrapUpEndsIn: string;
  readonly controlsDisposition: string;
  /** The empty choice of the disposition picker. */
  readonly controlsNoDisposition: string;
  readonly controlsNotes: string;
  /** The button that completes wrap-up. */
  readonly controlsCompleteWrapUp: string;
  /** Announced when wrap-up completed. */
  readonly controlsWrapUpDone: string;
}
