import type { CifDialEvent } from '@cif-elements/dialpad';
import type { ToastCall } from '@cif-elements/incoming-call-toast';
import { useState } from 'react';
import { contact, incomingCall } from './demo.js';

interface ActiveCall {
  readonly id: string;
  readonly state: 'connected' | 'held';
  readonly muted: boolean;
  readonly start: number;
  readonly holdStart?: number | undefined;
}

/**
 * No call store is bound, so the app owns the call state: it listens to each intent, and React passes
 * the new state back to the elements as properties (in an app, after the phone system confirmed it).
 */
export function App() {
  const [ringing, setRinging] = useState<readonly ToastCall[]>([incomingCall]);
  const [call, setCall] = useState<ActiveCall | null>(null);
  const [lastEvent, setLastEvent] = useState('none yet');

  // The dialpad and the card fire the same `cif-dial`: one handler places every call.
  const dial = (event: CifDialEvent) => {
    event.preventDefault(); // no store bound: the app places the call itself
    setLastEvent(`cif-dial ${event.detail.normalised ?? event.detail.raw}`);
  };

  return (
    <main>
      <h1>CIF Elements: React 19</h1>
      <p>
        Last event: <output data-testid="last-event">{lastEvent}</output>
      </p>
      <section aria-label="Incoming calls">
        <cif-incoming-call-toast
          calls={ringing}
          oncif-answer={(event) => {
            const { callId } = event.detail;
            setLastEvent(`cif-answer ${callId}`);
            setRinging([]);
            setCall({ id: callId, state: 'connected', muted: false, start: Date.now() });
          }}
          oncif-decline={(event) => {
            setLastEvent(`cif-decline ${event.detail.callId}`);
            setRinging([]);
          }}
        />
      </section>
      <section aria-label="Current call">
        <cif-call-controls
          state={call?.state ?? 'idle'}
          callId={call?.id ?? ''}
          muted={call?.muted ?? false}
          callStart={call?.start}
          holdStart={call?.holdStart}
          oncif-mute-change={(event) => {
            const { callId, muted } = event.detail;
            setLastEvent(`cif-mute-change ${callId} ${muted ? 'muted' : 'unmuted'}`);
            setCall((current) => current && { ...current, muted });
          }}
          oncif-hold-change={(event) => {
            const { callId, held } = event.detail;
            setLastEvent(`cif-hold-change ${callId} ${held ? 'held' : 'resumed'}`);
            setCall(
              (current) =>
                current && {
                  ...current,
                  state: held ? 'held' : 'connected',
                  holdStart: held ? Date.now() : undefined,
                },
            );
          }}
          oncif-hangup={(event) => {
            setLastEvent(`cif-hangup ${event.detail.callId}`);
            setCall(null);
          }}
        />
      </section>
      <div className="columns">
        <section aria-label="Dial a number">
          <cif-dialpad region="US" oncif-dial={dial} />
        </section>
        <section aria-label="Caller">
          <cif-contact-card
            contact={contact}
            oncif-dial={dial}
            oncif-open-record={(event) => {
              event.preventDefault();
              const { entityName, id } = event.detail.record;
              setLastEvent(`cif-open-record ${entityName} ${id}`);
            }}
          />
        </section>
      </div>
    </main>
  );
}
