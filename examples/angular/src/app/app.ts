import { ChangeDetectionStrategy, Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import type {
  CifHangupEvent,
  CifHoldChangeEvent,
  CifMuteChangeEvent,
} from '@cif-elements/call-controls';
import type { CifOpenRecordEvent } from '@cif-elements/contact-card';
import type { CifDialEvent } from '@cif-elements/dialpad';
import type { CifAnswerEvent, CifDeclineEvent, ToastCall } from '@cif-elements/incoming-call-toast';
import { contact, incomingCall } from './demo';

interface ActiveCall {
  readonly id: string;
  readonly state: 'connected' | 'held';
  readonly muted: boolean;
  readonly start: number;
  readonly holdStart?: number | undefined;
}

/**
 * No call store is bound, so the app owns the call state: it listens to each intent, and Angular passes
 * the new state back to the elements as properties (in an app, after the phone system confirmed it).
 */
@Component({
  selector: 'app-root',
  // <cif-…> tags are custom elements: [property] bindings and (event) listeners go to the DOM element.
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './app.html',
})
export class App {
  protected readonly contact = contact;
  protected readonly ringing = signal<readonly ToastCall[]>([incomingCall]);
  protected readonly call = signal<ActiveCall | null>(null);
  protected readonly lastEvent = signal('none yet');

  protected onAnswer(event: CifAnswerEvent): void {
    const { callId } = event.detail;
    this.lastEvent.set(`cif-answer ${callId}`);
    this.ringing.set([]);
    this.call.set({ id: callId, state: 'connected', muted: false, start: Date.now() });
  }

  protected onDecline(event: CifDeclineEvent): void {
    this.lastEvent.set(`cif-decline ${event.detail.callId}`);
    this.ringing.set([]);
  }

  protected onMuteChange(event: CifMuteChangeEvent): void {
    const { callId, muted } = event.detail;
    this.lastEvent.set(`cif-mute-change ${callId} ${muted ? 'muted' : 'unmuted'}`);
    this.call.update((call) => call && { ...call, muted });
  }

  protected onHoldChange(event: CifHoldChangeEvent): void {
    const { callId, held } = event.detail;
    this.lastEvent.set(`cif-hold-change ${callId} ${held ? 'held' : 'resumed'}`);
    this.call.update(
      (call) =>
        call && {
          ...call,
          state: held ? 'held' : 'connected',
          holdStart: held ? Date.now() : undefined,
        },
    );
  }

  protected onHangup(event: CifHangupEvent): void {
    this.lastEvent.set(`cif-hangup ${event.detail.callId}`);
    this.call.set(null);
  }

  // The dialpad and the card fire the same `cif-dial`: one handler places every call.
  protected onDial(event: CifDialEvent): void {
    event.preventDefault(); // no store bound: the app places the call itself
    this.lastEvent.set(`cif-dial ${event.detail.normalised ?? event.detail.raw}`);
  }

  protected onOpenRecord(event: CifOpenRecordEvent): void {
    event.preventDefault();
    const { entityName, id } = event.detail.record;
    this.lastEvent.set(`cif-open-record ${entityName} ${id}`);
  }
}
