// The events each element fires (as its custom-elements manifest lists them), by the React prop that
// listens to them. Type-only imports: this module loads no element (the package checks compare these
// maps with the manifests).
import type { EventName } from '@lit/react';
// `cif-dial` is the kit's one dial intent (the same class in the dialpad and the contact card).
import type {
  CifDialBlockedEvent,
  CifDialEvent,
  CifDtmfEvent,
  CifRegionChangeEvent,
} from '@cif-elements/dialpad';
import type {
  CifAnswerEvent,
  CifDeclineEvent,
  CifTimeoutEvent,
} from '@cif-elements/incoming-call-toast';
import type {
  CifHangupEvent,
  CifHoldChangeEvent,
  CifMuteChangeEvent,
  CifRecordChangeEvent,
  CifTransferEvent,
  CifWrapUpCompleteEvent,
} from '@cif-elements/call-controls';
import type {
  CifCreateRecordEvent,
  CifOpenRecordEvent,
  CifRetryEvent,
  CifSearchRecordsEvent,
  CifSelectMatchEvent,
} from '@cif-elements/contact-card';

/** React props → the `<cif-dialpad>` events they listen to. */
export const dialpadEvents = {
  onInput: 'input' as EventName<Event>,
  onChange: 'change' as EventName<Event>,
  onCifDial: 'cif-dial' as EventName<CifDialEvent>,
  onCifDtmf: 'cif-dtmf' as EventName<CifDtmfEvent>,
  onCifDialBlocked: 'cif-dial-blocked' as EventName<CifDialBlockedEvent>,
  onCifRegionChange: 'cif-region-change' as EventName<CifRegionChangeEvent>,
};

/** React props → the `<cif-incoming-call-toast>` events they listen to. */
export const incomingCallToastEvents = {
  onCifAnswer: 'cif-answer' as EventName<CifAnswerEvent>,
  onCifDecline: 'cif-decline' as EventName<CifDeclineEvent>,
  onCifTimeout: 'cif-timeout' as EventName<CifTimeoutEvent>,
};

/** React props → the `<cif-call-controls>` events they listen to. */
export const callControlsEvents = {
  onCifMuteChange: 'cif-mute-change' as EventName<CifMuteChangeEvent>,
  onCifHoldChange: 'cif-hold-change' as EventName<CifHoldChangeEvent>,
  onCifHangup: 'cif-hangup' as EventName<CifHangupEvent>,
  onCifTransfer: 'cif-transfer' as EventName<CifTransferEvent>,
  onCifRecordChange: 'cif-record-change' as EventName<CifRecordChangeEvent>,
  onCifWrapUpComplete: 'cif-wrap-up-complete' as EventName<CifWrapUpCompleteEvent>,
};

/** React props → the `<cif-contact-card>` events they listen to. */
export const contactCardEvents = {
  onCifDial: 'cif-dial' as EventName<CifDialEvent>,
  onCifOpenRecord: 'cif-open-record' as EventName<CifOpenRecordEvent>,
  onCifCreateRecord: 'cif-create-record' as EventName<CifCreateRecordEvent>,
  onCifSearchRecords: 'cif-search-records' as EventName<CifSearchRecordsEvent>,
  onCifSelectMatch: 'cif-select-match' as EventName<CifSelectMatchEvent>,
  onCifRetry: 'cif-retry' as EventName<CifRetryEvent>,
};
