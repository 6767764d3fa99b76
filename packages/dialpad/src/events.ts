export { CifDialEvent, type CifDialDetail, type CifDialSource } from '@cif-elements/base';

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
    'cif-dtmf': CifDtmfEvent;
    'cif-dial-blocked': CifDialBlockedEvent;
    'cif-region-change': CifRegionChangeEvent;
  }
}
