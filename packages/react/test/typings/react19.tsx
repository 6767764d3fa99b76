// React 19 JSX on the elements themselves, typed by each package's generated `react.d.ts`
// (`@cif-elements/<package>/react`). Checked by scripts/check-packages.mjs after the build: every
// `@ts-expect-error` must meet an error, so a prop or event that loses its type fails the check.
import type {} from '@cif-elements/call-controls/react';
import type {} from '@cif-elements/contact-card/react';
import type { CifDialpad } from '@cif-elements/dialpad';
import type {} from '@cif-elements/dialpad/react';
import type {} from '@cif-elements/incoming-call-toast/react';
// The softphone is not a dependency of this package: its typings are checked from its build.
import type {} from '../../../softphone/dist/react.js';
import { useRef } from 'react';

export function Widget() {
  const dialpad = useRef<CifDialpad>(null);
  return (
    <>
      <cif-dialpad
        ref={dialpad}
        value="2015550123"
        lettersHidden
        density="compact"
        recents={['+12065550100', { number: '+12065550101', name: 'Sam Baker' }]}
        className="dialer"
        oncif-dial={(event) => {
          const raw: string = event.detail.raw;
          event.preventDefault();
          return raw;
        }}
        oncif-dtmf={(event) => event.detail}
      />
      <cif-incoming-call-toast
        number="+16195550102"
        callerName="Jane Doe"
        timeout={30}
        oncif-answer={(event) => event.detail.callId}
      />
      <cif-call-controls
        state="connected"
        oncif-mute-change={(event) => {
          const muted: boolean = event.detail.muted;
          return muted;
        }}
      />
      <cif-contact-card
        number="+12065550100"
        layout="compact"
        oncif-open-record={(event) => event.detail}
      />
      <cif-softphone standalone oncif-status-change={(event) => event.detail.status} />
    </>
  );
}

export const wrong = [
  // @ts-expect-error lettersHidden is a boolean
  <cif-dialpad lettersHidden="yes" />,
  // @ts-expect-error density is 'auto' | 'compact' | 'comfortable'
  <cif-dialpad density="huge" />,
  // @ts-expect-error the handler gets a CifDialEvent, whose detail has no `number`
  <cif-dialpad oncif-dial={(event) => event.detail.number} />,
  // @ts-expect-error validity is read-only
  <cif-dialpad validity={undefined} />,
  // @ts-expect-error timeout is a number
  <cif-incoming-call-toast timeout="30" />,
  // @ts-expect-error a mute change's detail.muted is a boolean, not a string
  <cif-call-controls oncif-mute-change={(event) => event.detail.muted.toUpperCase()} />,
  // @ts-expect-error layout is 'full' | 'compact'
  <cif-contact-card layout="wide" />,
  // @ts-expect-error no such element
  <cif-dialpadd />,
];
