// The toast and the Dynamics notification for the same ring, through core's real pieces: the call store
// and simulated provider, the CIF client over the fake CIF library (@cif-elements/core/testing), and the
// alerting workflow (notifyEvent / cancelEvent). The element itself knows nothing of CIF: it only shows
// the store's ringing calls and answers through the store.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { SimulatedProvider, createCallStore, type CallStore } from '../../core/src/calls/index.js';
import { createCifClient } from '../../core/src/cif/index.js';
import { createPhoneNumbers } from '../../core/src/phone/index.js';
import { FakeCIFramework } from '../../core/src/testing/index.js';
import { alertIncomingCalls, type WorkflowError } from '../../core/src/workflows/index.js';
import './cif-incoming-call-toast.js';
import type { CifIncomingCallToast } from './CifIncomingCallToast.js';

const TEMPLATE = 'contoso_incoming_call';

interface Mirror {
  fake: FakeCIFramework;
  provider: SimulatedProvider;
  store: CallStore;
  toast: CifIncomingCallToast;
  errors: WorkflowError[];
  stop(): void;
}

async function mirror(): Promise<Mirror> {
  const fake = new FakeCIFramework({ notificationAnswer: 'pending' });
  const client = createCifClient(fake.library, { onError: () => undefined });
  const phone = createPhoneNumbers({ defaultRegion: 'US' });
  const provider = new SimulatedProvider({ latencyMs: 20 });
  const store = createCallStore({
    provider,
    storage: null,
    ownership: false,
    wrapUp: false,
    normalise: (raw) => phone.toE164(raw),
  });
  const errors: WorkflowError[] = [];
  const stopAlerting = alertIncomingCalls(
    { client, store, phone, storage: null, onError: (error) => errors.push(error) },
    { templateName: TEMPLATE, matchWaitMs: 0 },
  );
  const toast = await fixture<CifIncomingCallToast>(
    html`<cif-incoming-call-toast muted></cif-incoming-call-toast>`,
  );
  toast.store = store;
  await toast.updateComplete;
  return {
    fake,
    provider,
    store,
    toast,
    errors,
    stop() {
      stopAlerting();
      store.dispose();
    },
  };
}

const shown = (toast: CifIncomingCallToast) => toast.shownCalls.map((call) => call.id);
const answerButton = (toast: CifIncomingCallToast) =>
  toast.shadowRoot!.querySelector<HTMLButtonElement>('[part="answer-button"]')!;

describe('<cif-incoming-call-toast> with the CIF notification (fake CIF library, alerting workflow)', () => {
  let m: Mirror | undefined;
  afterEach(() => {
    m?.stop();
    m = undefined;
  });

  it('rings on both surfaces; accepted in the host, the toast closes and the provider answers once', async () => {
    m = await mirror();
    const { fake, provider, store, toast } = m;
    const id = provider.ring('+16195550129', { displayName: 'Alex Baker' });
    await waitUntil(() => fake.pendingNotifications.length === 1, 'the host notification');
    await toast.updateComplete;
    expect(shown(toast), 'the toast rings too').to.deep.equal([id]);
    expect(fake.pendingNotifications[0]).to.deep.include({
      templateName: TEMPLATE,
      cancellationToken: id,
    });
    fake.answerNotification({ actionName: 'Accept', responseReason: 'Accept' });
    await waitUntil(() => store.getCall(id)?.state === 'connected', 'answered through the store');
    await toast.updateComplete;
    expect(shown(toast), 'the toast closed by itself').to.deep.equal([]);
    expect(toast.matches(':state(empty)')).to.equal(true);
    expect(provider.actionsOf('answer')).to.have.length(1);
    expect(fake.callsTo('cancelEvent')).to.have.length(0);
    expect(m.errors).to.deep.equal([]);
  });

  it('accepted in the widget (double click), the host notification is cancelled and the provider answers once', async () => {
    m = await mirror();
    const { fake, provider, store, toast } = m;
    const id = provider.ring('+16195550129', { displayName: 'Alex Baker' });
    await waitUntil(() => fake.pendingNotifications.length === 1, 'the host notification');
    await toast.updateComplete;
    const answers: Event[] = [];
    toast.addEventListener('cif-answer', (event) => answers.push(event));
    answerButton(toast).click();
    answerButton(toast).click();
    await waitUntil(() => fake.callsTo('cancelEvent').length === 1, 'cancelEvent');
    expect(fake.callsTo('cancelEvent')[0]?.args).to.deep.equal([id]);
    expect(fake.pendingNotifications).to.deep.equal([]);
    await waitUntil(() => store.getCall(id)?.state === 'connected', 'connected');
    // The host can no longer answer: exactly one answer reached the provider.
    expect(fake.answerNotification({ actionName: 'Accept', responseReason: 'Accept' })).to.equal(
      false,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(answers).to.have.length(1);
    expect(provider.actionsOf('answer')).to.have.length(1);
    await toast.updateComplete;
    expect(shown(toast)).to.deep.equal([]);
  });

  it('declined in the host, the toast closes; the caller giving up shows missed and withdraws the notification', async () => {
    m = await mirror();
    const { fake, provider, store, toast } = m;
    const first = provider.ring('+16195550129', { displayName: 'Alex Baker' });
    await waitUntil(() => fake.pendingNotifications.length === 1, 'the first notification');
    fake.answerNotification({ actionName: 'Reject', responseReason: 'DeclinedByAgent' });
    await waitUntil(() => store.getCall(first) === undefined, 'declined');
    await toast.updateComplete;
    expect(shown(toast)).to.deep.equal([]);
    expect(provider.actionsOf('decline')).to.have.length(1);
    const second = provider.ring('+16195550130', { displayName: 'Dana Smith' });
    await waitUntil(() => fake.pendingNotifications.length === 1, 'the second notification');
    provider.remoteHangUp(second);
    await waitUntil(() => fake.pendingNotifications.length === 0, 'withdrawn');
    await toast.updateComplete;
    expect(shown(toast)).to.deep.equal([second]);
    expect(toast.matches(':state(missed)')).to.equal(true);
  });
});
