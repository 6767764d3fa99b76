/** Where a dial came from. */
export type CifDialSource = 'user' | 'recent' | 'api';

/** A Dataverse record a dial is about (the contact card's caller, a clicked record). */
export interface CifDialRecord {
  readonly entityName: string;
  readonly id: string;
  readonly name?: string;
}

/**
 * Detail of {@link CifDialEvent}: the kit's one `cif-dial` shape, fired by `<cif-dialpad>`,
 * `<cif-contact-card>` and any element that places calls, so one listener places every call.
 */
export interface CifDialDetail {
  /** The dial string as composed or stored: `+12015550123,42` (digits, `* #`, leading `+`, post-dial). */
  readonly raw: string;
  /** E.164 followed by any post-dial digits, or undefined when not normalisable. */
  readonly normalised: string | undefined;
  /** The ISO 3166-1 region the number was read in. */
  readonly region: string;
  /** The call button or Enter (`user`), a recent number (`recent`), or a method call (`api`). */
  readonly source: CifDialSource;
  /** The record the number belongs to, when known. */
  readonly record?: CifDialRecord;
  /** What the number is (`Mobile`), when known. */
  readonly label?: string;
}

/**
 * `cif-dial`: the agent asks to place a call. Bubbles, composed, cancelable: `preventDefault()` stops the
 * element's default action (its bound store's `dial`), so the app can place the call itself.
 */
export class CifDialEvent extends CustomEvent<CifDialDetail> {
  constructor(detail: CifDialDetail) {
    super('cif-dial', { detail, bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cif-dial': CifDialEvent;
  }
}
