/**
 * Terms of `<cif-incoming-call-toast>`. Keys start with `toast`; every locale must translate them all (the type says so).
 * `name` arguments are the caller as shown (a name, a formatted number, or "Unknown caller"). A button's
 * accessible name must contain its visible text (WCAG 2.5.3, label in name) so speech users can say what
 * they see: "Answer" → "Answer call from Jane Doe".
 */
export interface CifIncomingCallToastTerms {
  /** The accessible name of the toast region. */
  readonly toastLabel: string;
  /** Over the caller of a ringing call. */
  readonly toastIncoming: string;
  /** Over the caller of a ringing call while the agent is already on a call. */
  readonly toastWaiting: string;
  /** Over the caller of a call that rang out unanswered. */
  readonly toastMissed: string;
  /** The answer button's visible text. */
  readonly toastAnswer: string;
  /** The answer button's accessible name: "Answer call from Jane Doe". */
  readonly toastAnswerCall: (name: string) => string;
  /** The decline button's visible text. */
  readonly toastDecline: string;
  /** The decline button's accessible name. */
  readonly toastDeclineCall: (name: string) => string;
  /** The send-to-voicemail button's visible text. */
  readonly toastVoicemail: string;
  readonly toastVoicemailCall: (name: string) => string;
  /** Call waiting: hold the current call, then answer. Visible text. */
  readonly toastHoldAnswer: string;
  readonly toastHoldAnswerCall: (name: string) => string;
  /** Call waiting: end the current call, then answer. Visible text. */
  readonly toastEndAnswer: string;
  readonly toastEndAnswerCall: (name: string) => string;
  /** The accessible name of a missed call's dismiss button. */
  readonly toastDismissCall: (name: string) => string;
  /** Announced (assertively) when a call rings; `company` may be empty. */
  readonly toastAnnounce: (name: string, company: string) => string;
  /** Announced when a call rings while the agent is on another call; `company` may be empty. */
  readonly toastAnnounceWaiting: (name: string, company: string) => string;
  /** Announced (politely) when a ringing call was missed. */
  readonly toastAnnounceMissed: (name: string) => string;
  /** The several-matches indicator: "3 matching records". */
  readonly toastMatches: (count: number) => string;
  /** The countdown: `seconds` is already formatted for the language ("25"). */
  readonly toastTimeLeft: (seconds: string) => string;
  /** Context field labels. */
  readonly toastQueue: string;
  readonly toastCampaign: string;
  /** Choices the caller made in the IVR. */
  readonly toastIvr: string;
  /** The button shown when the browser blocked the ringtone. */
  readonly toastEnableSound: string;
  /** Shown, and announced, when answering failed. */
  readonly toastAnswerFailed: string;
  /** Shown, and announced, when declining failed. */
  readonly toastDeclineFailed: string;
}
