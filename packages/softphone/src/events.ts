/** Where the softphone stands with Dynamics 365. */
export type SoftphoneStatus =
  /** Loading the CIF library. */
  | 'starting'
  /** Running inside Dynamics 365: the CIF workflows run. */
  | 'connected'
  /** Opened outside any host (or told to be standalone): calls work, nothing reaches Dynamics. */
  | 'standalone'
  /** Framed, but the CIF library could not be loaded or the host refuses the widget. */
  | 'error';

/** Detail of {@link CifStatusChangeEvent}. */
export interface CifStatusChangeDetail {
  readonly status: SoftphoneStatus;
  /** The CIF version of the host (`1` or `2`) once connected. */
  readonly version: 1 | 2 | undefined;
  /** What went wrong, or why the softphone is standalone (empty when connected). */
  readonly message: string;
}

/** `cif-status-change`: the softphone connected to Dynamics 365, went standalone, or failed to connect. */
export class CifStatusChangeEvent extends CustomEvent<CifStatusChangeDetail> {
  constructor(detail: CifStatusChangeDetail) {
    super('cif-status-change', { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cif-status-change': CifStatusChangeEvent;
  }
}
