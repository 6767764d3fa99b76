import { expect } from '@open-wc/testing';
import { SimulatedProvider } from '../calls/simulated-provider.js';
import { logKpiEvents } from './analytics.js';
import { ALEX, phone, until, workflowHarness, type WorkflowHarness } from './harness.test.js';
import { applyUserLocale } from './locale.js';
import { syncPresence } from './presence.js';
import { SESSION_CONTEXT_KEY } from './session.js';
import { startCifWorkflows } from './workflows.js';

describe('host workflows', () => {
  let h: WorkflowHarness;
  const stops: (() => void)[] = [];
  before(async () => {
    expect(await phone.load()).to.equal(true);
  });
  afterEach(() => {
    for (const stop of stops.splice(0)) stop();
    h?.store.dispose();
    h?.provider.dispose();
  });

  describe('presence (CIF 2.0)', () => {
    it('is "On call" while a call is active and returns to the previous presence after wrap-up', async () => {
      h = workflowHarness({ fake: { presence: 'Available' } });
      const seen: string[] = [];
      stops.push(
        syncPresence(h.context, { onCall: 'On call', onPresence: (text) => seen.push(text) }),
      );
      const id = h.provider.ring('+16195550129');
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(h.fake.presence, 'a ringing call is not a call yet').to.equal('Available');
      await h.store.answer(id);
      await until(() => h.fake.presence === 'On call', 'the on-call presence');
      await h.store.hangUp(id);
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(h.fake.presence, 'still on the call during wrap-up').to.equal('On call');
      await h.store.completeWrapUp(id);
      await until(() => seen.length === 2, 'the previous presence');
      expect(seen).to.deep.equal(['On call', 'Available']);
      expect(h.fake.presence).to.equal('Available');
    });

    it('shows a wrap-up presence when configured', async () => {
      h = workflowHarness({
        fake: { presence: 'Available', presences: ['Available', 'On call', 'Wrap-up'] },
      });
      stops.push(syncPresence(h.context, { onCall: 'On call', wrapUp: 'Wrap-up' }));
      const id = h.provider.ring('+16195550129');
      await h.store.answer(id);
      await until(() => h.fake.presence === 'On call', 'on call');
      await h.store.hangUp(id);
      await until(() => h.fake.presence === 'Wrap-up', 'wrap-up');
      await h.store.completeWrapUp(id);
      await until(() => h.fake.presence === 'Available', 'back');
    });

    it('keeps a presence the agent chose during the call', async () => {
      h = workflowHarness({ fake: { presence: 'Available' } });
      stops.push(syncPresence(h.context, { onCall: 'On call' }));
      const id = h.provider.ring('+16195550129');
      await h.store.answer(id);
      await until(() => h.fake.presence === 'On call', 'on call');
      await h.fake.changePresence('Busy - DND');
      await h.store.hangUp(id);
      await h.store.completeWrapUp(id);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(h.fake.presence).to.equal('Busy - DND');
      expect(h.fake.callsTo('setPresence').map((c) => c.args[0])).to.deep.equal(['On call']);
    });

    it('restores the presence saved before a reload mid-call', async () => {
      const provider = new SimulatedProvider();
      h = workflowHarness({ provider, fake: { presence: 'Away' } });
      const stop = syncPresence(h.context, { onCall: 'On call' });
      const id = provider.ring('+16195550129');
      await h.store.answer(id);
      await until(() => h.fake.presence === 'On call', 'on call');
      stop();
      h.store.dispose();
      h = workflowHarness({ provider, storage: h.storage, host: h.fake });
      stops.push(syncPresence(h.context, { onCall: 'On call' }));
      await h.store.hangUp(id);
      await h.store.completeWrapUp(id);
      await until(() => h.fake.presence === 'Away', 'the presence before the reload');
    });

    it('reports a presence the host does not know, and a failing getPresence', async () => {
      h = workflowHarness({ fake: { presences: ['Available'] } });
      stops.push(syncPresence(h.context, { onCall: 'On call' }));
      const id = h.provider.ring('+16195550129');
      await h.store.answer(id);
      await until(() => h.errors.length === 1, 'the report');
      expect(h.errors[0]).to.include({ workflow: 'presence' });
      expect(h.errors[0]?.message).to.contain('On call');
      h.fake.override('getPresence', { result: 'FAILED' });
      await h.store.hangUp(id);
      await h.store.completeWrapUp(id);
      const next = h.provider.ring('+16195550129');
      await h.store.answer(next);
      await until(() => h.errors.length === 2, 'the second report');
    });

    it('does nothing on a CIF 1.0 host', async () => {
      h = workflowHarness({ fake: { version: 1 } });
      stops.push(syncPresence(h.context, { onCall: 'On call' }));
      await h.store.answer(h.provider.ring('+16195550129'));
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(h.fake.calls.map((c) => c.api)).to.not.include('getPresence');
    });
  });

  describe('KPI analytics', () => {
    it('logs hold, unhold and transfer when enabled', async () => {
      h = workflowHarness();
      stops.push(logKpiEvents(h.context, { enabled: true }));
      const id = h.provider.ring('+16195550129');
      await h.store.answer(id);
      await h.store.annotate(id, {
        context: { [SESSION_CONTEXT_KEY]: 'session-9', conversationId: 'conv-1' },
      });
      await h.store.setHeld(id, true);
      await h.store.setHeld(id, false);
      await h.store.transfer(id, '+442079460958');
      await until(() => h.fake.analytics.length === 3, 'three events');
      expect(h.fake.analytics.map((a) => a.eventName)).to.deep.equal([
        'Hold',
        'Unhold',
        'Transfer',
      ]);
      expect(h.fake.analytics[0]?.data).to.deep.include({
        conversationId: 'conv-1',
        providerSessionId: 'session-9',
      });
      const [event] = (
        h.fake.analytics[2]?.data as { events: { kpiEventName: string; kpiEventReason: string }[] }
      ).events;
      expect(event).to.include({ kpiEventName: 'Transfer', kpiEventReason: 'blind' });
    });

    it('logs nothing when not enabled, and reports a failure', async () => {
      h = workflowHarness();
      stops.push(logKpiEvents(h.context, { enabled: false }));
      const id = h.provider.ring('+16195550129');
      await h.store.answer(id);
      await h.store.setHeld(id, true);
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(h.fake.analytics).to.deep.equal([]);
      h.fake.override('logAnalyticsEvent', { fail: 'map' });
      stops.push(logKpiEvents(h.context, { enabled: true, eventNames: { unhold: 'Resume' } }));
      await h.store.setHeld(id, false);
      await until(() => h.errors.length === 1, 'the report');
      expect(h.fake.callsTo('logAnalyticsEvent')[0]?.args[1]).to.equal('Resume');
    });
  });

  describe('locale', () => {
    it('calls the hook with the user LCID as a BCP 47 tag, and can set the phone region', async () => {
      h = workflowHarness({ fake: { environment: { userLcid: 1031 } } });
      const tags: string[] = [];
      const local = (await import('../phone/numbers.js')).createPhoneNumbers({
        defaultRegion: 'US',
        autoLoad: false,
      });
      const tag = await applyUserLocale(
        { ...h.context, phone: local },
        { onLocale: (t) => tags.push(t), setPhoneRegion: true },
      );
      expect(tag).to.equal('de-DE');
      expect(tags).to.deep.equal(['de-DE']);
      expect(local.defaultRegion).to.equal('DE');
    });

    it('falls back on an unknown LCID, and on a failing getEnvironment (reported)', async () => {
      h = workflowHarness({ fake: { environment: { userLcid: 9999, orgLcid: 9998 } } });
      const tags: string[] = [];
      expect(await applyUserLocale(h.context, { onLocale: (t) => tags.push(t) })).to.equal(
        undefined,
      );
      expect(
        await applyUserLocale(h.context, { onLocale: (t) => tags.push(t), fallback: 'en-US' }),
      ).to.equal('en-US');
      h.fake.override('getEnvironment', { fail: 'json' });
      const failing = workflowHarness({ host: h.fake });
      expect(
        await applyUserLocale(failing.context, {
          onLocale: (t) => tags.push(t),
          fallback: 'fr-FR',
        }),
      ).to.equal('fr-FR');
      expect(tags).to.deep.equal(['en-US', 'fr-FR']);
      expect(failing.errors[0]).to.include({ workflow: 'locale' });
      failing.store.dispose();
    });
  });

  describe('startCifWorkflows', () => {
    it('runs a whole inbound call through every workflow, and stops them', async () => {
      h = workflowHarness({
        fake: {
          notificationAnswer: 'pending',
          presence: 'Available',
          environment: { userLcid: 1036 },
        },
      });
      const tags: string[] = [];
      const workflows = startCifWorkflows({
        client: h.client,
        store: h.store,
        phone,
        storage: h.storage,
        namespace: 'wf',
        onError: (error) => h.errors.push(error),
        clickToAct: true,
        callerMatch: true,
        alerting: { templateName: 'incoming' },
        onAnswer: { session: { templateName: 'call_session' } },
        activity: true,
        presence: { onCall: 'On call' },
        analytics: { enabled: true },
        locale: { onLocale: (tag) => tags.push(tag) },
      });
      stops.push(() => workflows.stop());
      expect(await workflows.locale).to.equal('fr-FR');
      const id = h.provider.ring('+1 (619) 555-0129');
      await until(() => h.fake.pendingNotifications.length === 1, 'the notification');
      h.fake.answerNotification({ actionName: 'Accept', responseReason: 'Accept' });
      await until(() => h.fake.navigations.length === 1, 'the screen pop');
      await until(() => h.fake.presence === 'On call', 'on call');
      await h.store.setHeld(id, true);
      await h.store.setHeld(id, false);
      await h.store.hangUp(id);
      await h.store.completeWrapUp(id, { notes: 'ok' });
      await until(
        () => h.fake.records('phonecall').length === 1 && h.fake.presence === 'Available',
        'the end',
      );
      expect(h.fake.records('phonecall')[0]).to.deep.include({
        subject: 'Call from Alex Baker',
        'regardingobjectid_contact_phonecall@odata.bind': `/contacts(${ALEX})`,
      });
      expect(h.fake.analytics.map((a) => a.eventName)).to.deep.equal(['Hold', 'Unhold']);
      expect(h.fake.sessions.size).to.equal(1);
      await workflows.activities?.idle();
      expect(workflows.activities?.getSnapshot()).to.deep.equal([]);
      expect(h.errors).to.deep.equal([]);
      expect(tags).to.deep.equal(['fr-FR']);
      expect(h.fake.handlers('onclicktoact')).to.have.length(1);
      workflows.stop();
      expect(h.fake.handlers('onclicktoact')).to.have.length(0);
      expect(h.fake.handlers('onPresenceChange')).to.have.length(0);
    });

    it('starts nothing that is not asked for', async () => {
      h = workflowHarness();
      const workflows = startCifWorkflows({
        client: h.client,
        store: h.store,
        phone,
        clickToAct: false,
      });
      expect(workflows.activities).to.equal(null);
      expect(await workflows.locale).to.equal(undefined);
      h.provider.ring('+16195550129');
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(h.fake.calls).to.deep.equal([]);
      workflows.stop();
    });
  });
});
