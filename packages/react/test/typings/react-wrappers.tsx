// The @cif-elements/react components (React 18 and 19): typed props, `onCif…` event props and refs.
import type { CifDialpad as CifDialpadElement } from '@cif-elements/dialpad';
import {
  CifCallControls,
  CifContactCard,
  CifDialpad,
  CifIncomingCallToast,
} from '@cif-elements/react';
import { CifDialpad as DialpadOnly } from '@cif-elements/react/dialpad';
import { useRef } from 'react';

export function Widget() {
  const dialpad = useRef<CifDialpadElement>(null);
  return (
    <>
      <CifDialpad
        ref={dialpad}
        value="2015550123"
        lettersHidden
        onCifDial={(event) => {
          const raw: string = event.detail.raw;
          return raw;
        }}
        onCifRegionChange={(event) => event.detail}
      />
      <DialpadOnly onCifDtmf={(event) => event.detail} />
      <CifIncomingCallToast callerName="Jane Doe" onCifAnswer={(event) => event.detail.callId} />
      <CifCallControls state="connected" onCifHangup={(event) => event.detail} />
      <CifContactCard number="+12065550100" onCifDial={(event) => event.detail.raw} />
    </>
  );
}

export const wrong = [
  // @ts-expect-error lettersHidden is a boolean
  <CifDialpad lettersHidden="yes" />,
  // @ts-expect-error the handler gets a CifDialEvent, whose detail has no `number`
  <CifDialpad onCifDial={(event) => event.detail.number} />,
  // @ts-expect-error no such event prop
  <CifCallControls onCifDial={() => undefined} />,
  // @ts-expect-error timeout is a number
  <CifIncomingCallToast timeout="30" />,
];
