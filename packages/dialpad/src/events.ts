/** Where a dial came from. */
export type CifDialSource = 'user' | 'recent' | 'api';

/** Detail of {@link CifDialEvent}. */
export interface CifDialDetail {
  /** The dial string as composed: `+12015550123,42` (digits, `* #`, leading `+`, `,` / `;` post-dial). */
  readonly raw: string;
  /** E.164 followed by any post-dial digits (`+12015550123,42`), or undefined when not normalisable. */
  readonly normalised: string | undefined;
  /** The ISO 3166-1 region the number was read in. */
  readonly region: string;
  /** The call button or Enter (`user`), a recent number (`recent`), or `dial()` (`api`). */
  readonly source: CifDialSource;
}

/**
 * `cif-dial`: the agent asks to place a call. Cancelable: `preventDefault()` stops the default action,
 * the bound store's `dial(normalised ?? raw)`, so the app can place the call itself.
 */
export class CifDialEvent extends CustomEvent<CifDialDetail> {
  constructor(detail: CifDialDetail) {
    super('cif-dial', { detail, bubbles: true, composed: true, cancelable: true });
  }
}

/** Detail of {@link CifDtmfEvent}. */
export interface CifDtmfDetail {
  /** The DTMF digits to send now: one key, or a pasted sequence (`0-9 * #`). */
  readonly digits: string;
}

/**
 * `cif-dtmf`: in DTMF mode a key was pressed (or digits pasted) during a call. Cancelable:
 * `preventDefault()` stops the default action, the bound store's `sendDigits(digits)`.
 */
export class CifDtmfEvent extends CustomEvent<CifDtmfDetail> {
  constructor(detail: CifDtmfDetail) {
    super('cif-dtmf', { detail, bubbles: true, composed: true, cancelable: true });
  }
}

/** Detail of {@link CifDialBlockedEvent}. */
export interface CifDialBlockedDetail {
  readonly raw: string;
  readonly normalised: string | undefined;
  /** Why it was not dialled, as shown to the agent. */
  readonly reason: string;
}

/** `cif-dial-blocked`: the do-not-call gate stopped a dial (for audit logs). Not cancelable. */
export class CifDialBlockedEvent extends CustomEvent<CifDialBlockedDetail> {
  constructor(detail: CifDialBlockedDetail) {
    super('cif-dial-blocked', { detail, bubbles: true, composed: true });
  }
}

/** `cif-region-change`: the agent chose another region in the built-in selector. Not cancelable. */
export class CifRegionChangeEvent extends CustomEvent<{ readonly region: string }> {
  constructor(region: string) {
    super('cif-region-change', { detail: { region }, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cif-dial': CifDialEvent;
    'cif-dtmf': CifDtmfEvent;
    'cif-dial-blocked': CifDialBlockedEvent;
    'cif-region-change': CifRegionChangeEvent;
  }
}
