import { expect } from '@open-wc/testing';
import type { FakeFailureShape } from '../testing/index.js';
import { alertIncomingCalls } from './alerting.js';
import { candidateFilter, CONTACT_MATCH, findCallers, matchCallers } from './caller-match.js';
import { dialOnClick } from './click-to-act.js';
import {
  ACCOUNTS,
  ALEX,
  CONTOSO,
  DANA,
  LEAD,
  phone,
  SAM,
  until,
  workflowHarness,
  type WorkflowHarness,
} from './harness.test.js';
import { openOnAnswer, SESSION_CONTEXT_KEY } from './session.js';
import { entitySetOf } from './shared.js';

const SHAPES: FakeFailureShape[] = ['json', 'map', 'object', 'validation', 'error'];

describe('workflows', () => {
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

  describe('caller matching', () => {
    it('matches by E.164 only: a substring or a longer number is not the caller', async () => {
      h = workflowHarness();
      stops.push(matchCallers(h.context));
      const id = h.provider.ring('+1 619 555 0129');
      expect(h.store.getCall(id)?.lookup).to.equal('pending');
      await until(() => h.store.getCall(id)?.lookup === 'done', 'the lookup');
      const call = h.store.getCall(id)!;
      expect(call.matches.map((m) => m.id)).to.deep.equal([ALEX]);
      expect(call.matches[0]).to.include({
        entityName: 'contact',
        name: 'Alex Baker',
        field: 'telephone1',
        number: '(619) 555-0129',
      });
      expect(call.displayName).to.equal('Alex Baker');
      expect(call.regarding).to.deep.equal({ entityName: 'contact', id: ALEX, name: 'Alex Baker' });
      // Search only: the host opened nothing.
      const searches = h.fake.callsTo('searchAndOpenRecords');
      expect(searches.map((c) => c.args[0])).to.deep.equal(['contact', 'account']);
      expect(searches.every((c) => c.args[2] === true)).to.equal(true);
      expect(h.fake.navigations).to.deep.equal([]);
      expect(h.errors).to.deep.equal([]);
    });

    it('attaches several matches across contacts and accounts without choosing one', async () => {
      h = workflowHarness();
      stops.push(matchCallers(h.context));
      const id = h.provider.ring('020 7946 0958', { displayName: 'LONDON' });
      await until(() => h.store.getCall(id)?.lookup !== 'pending', 'the lookup');
      const call = h.store.getCall(id)!;
      // A GB national number read in the US default region is not a number: no match.
      expect(call.matches).to.deep.equal([]);
      const other = h.provider.ring('+44 20 7946 0958', { displayName: 'LONDON' });
      await until(() => h.store.getCall(other)?.lookup === 'done', 'the lookup');
      const matched = h.store.getCall(other)!;
      expect(matched.matches.map((m) => m.id)).to.have.members([SAM, CONTOSO]);
      expect(matched.displayName).to.equal('LONDON');
      expect(matched.regarding).to.equal(null);
    });

    it('searches leads when asked, and outbound calls when asked', async () => {
      h = workflowHarness();
      stops.push(
        matchCallers(h.context, { includeLeads: true, directions: ['inbound', 'outbound'] }),
      );
      const id = await h.store.dial('858-555-0100');
      await until(() => h.store.getCall(id)?.lookup === 'done', 'the lookup');
      expect(h.store.getCall(id)!.matches.map((m) => m.id)).to.have.members([ALEX, LEAD]);
    });

    it('does not match outbound calls by default', async () => {
      h = workflowHarness();
      stops.push(matchCallers(h.context));
      const id = await h.store.dial('+16195550129');
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(h.store.getCall(id)?.lookup).to.equal('idle');
      expect(h.fake.callsTo('searchAndOpenRecords')).to.have.length(0);
    });

    it('finds candidates with contains when the data is formatted unusually, still confirming by E.164', async () => {
      h = workflowHarness();
      const matches = await findCallers(h.context, '+16195550129', {
        strategy: 'contains',
        containsDigits: 4,
      });
      expect(matches.map((m) => m.id)).to.deep.equal([ALEX]);
      const filter = candidateFilter(CONTACT_MATCH, '+16195550129', phone, {
        strategy: 'contains',
      });
      expect(filter).to.contain("contains(telephone1,'0129')");
      expect(candidateFilter(CONTACT_MATCH, 'garbage', phone)).to.equal(undefined);
      expect(await findCallers(h.context, 'not a number')).to.deep.equal([]);
    });

    for (const shape of [...SHAPES, 'timeout'] as FakeFailureShape[]) {
      it(`reports a ${shape} search failure and leaves the call usable`, async () => {
        h = workflowHarness({ fake: { hostTimeout: 50 }, client: { timeout: 1000 } });
        h.fake.override('searchAndOpenRecords', { fail: shape });
        stops.push(matchCallers(h.context));
        const id = h.provider.ring('+16195550129');
        await until(() => h.store.getCall(id)?.lookup === 'failed', 'the failed lookup');
        expect(h.errors).to.have.length(1);
        expect(h.errors[0]).to.include({ workflow: 'caller-match', callId: id });
        if (shape === 'timeout') expect(h.errors[0]?.code).to.equal('timeout');
        await h.store.answer(id);
        expect(h.store.getCall(id)?.state).to.equal('connected');
      });
    }
  });

  describe('click-to-act', () => {
    const click = {
      value: '619-555-0129',
      name: 'mobilephone',
      format: 'Phone',
      entityLogicalName: 'contact',
      entityId: `{${ALEX.toUpperCase()}}`,
      recordTitle: 'Alex Baker',
    };

    it('enables click-to-act and dials the clicked number with the record as regarding', async () => {
      h = workflowHarness();
      const dialled: string[] = [];
      stops.push(dialOnClick(h.context, { onDial: (callId) => dialled.push(callId) }));
      await until(() => h.fake.clickToAct, 'setClickToAct(true)');
      const outcomes = await h.fake.clickToActFrom(click);
      expect(outcomes.map((o) => o.status)).to.deep.equal(['fulfilled']);
      const [call] = h.store.getSnapshot().calls;
      expect(call).to.include({
        direction: 'outbound',
        remoteE164: '+16195550129',
        displayName: 'Alex Baker',
      });
      expect(call?.regarding).to.deep.equal({
        entityName: 'contact',
        id: ALEX,
        name: 'Alex Baker',
      });
      expect(call?.context).to.deep.include({ source: 'click-to-act', field: 'mobilephone' });
      expect(h.provider.actionsOf('dial')[0]?.args[0]).to.deep.include({ number: '+16195550129' });
      expect(dialled).to.deep.equal([call?.id]);
    });

    it('turns an extension into post-dial digits', async () => {
      h = workflowHarness();
      stops.push(dialOnClick(h.context, { enable: false }));
      h.fake.clickToAct = true;
      await h.fake.clickToActFrom({ ...click, value: '+1 619 555 0129 ext. 42' });
      expect(h.store.getSnapshot().calls[0]?.postDial).to.equal(',42');
      expect(h.fake.callsTo('setClickToAct')).to.have.length(0);
    });

    it('ignores clicks on fields that are not phone numbers', async () => {
      h = workflowHarness({ fake: { clickToAct: true } });
      stops.push(dialOnClick(h.context));
      await h.fake.clickToActFrom({ ...click, value: 'alex@contoso.com', format: 'Email' });
      expect(h.store.getSnapshot().calls).to.deep.equal([]);
    });

    it('reports a click it cannot dial, and still answers the host', async () => {
      h = workflowHarness({ fake: { clickToAct: true } });
      stops.push(dialOnClick(h.context));
      h.provider.outbound = { alertAfterMs: null };
      await h.store.dial('+442079460958');
      const outcomes = await h.fake.clickToActFrom(click);
      expect(outcomes.map((o) => o.status)).to.deep.equal(['fulfilled']);
      expect(h.errors.map((e) => e.code)).to.deep.equal(['store']);
      expect(h.errors[0]?.message).to.contain('619-555-0129');
    });

    it('reports when the host refuses to enable click-to-act', async () => {
      h = workflowHarness();
      h.fake.override('setClickToAct', { fail: 'map' });
      stops.push(dialOnClick(h.context));
      await until(() => h.errors.length === 1, 'the report');
      expect(h.errors[0]).to.include({ workflow: 'click-to-act' });
    });
  });

  describe('alerting (CIF 2.0)', () => {
    const setup = (fake: ConstructorParameters<typeof Object>[0] = {}) => {
      h = workflowHarness({ fake: { notificationAnswer: 'pending', ...(fake as object) } });
      stops.push(matchCallers(h.context));
      stops.push(alertIncomingCalls(h.context, { templateName: 'contoso_incoming_call' }));
    };

    it('notifies with the matched name, and the host accept answers the call once', async () => {
      setup();
      const id = h.provider.ring('+16195550129');
      await until(() => h.fake.pendingNotifications.length === 1, 'the notification');
      expect(h.fake.pendingNotifications[0]).to.deep.include({
        templateName: 'contoso_incoming_call',
        cancellationToken: id,
      });
      expect(h.fake.pendingNotifications[0]?.templateParameters).to.deep.include({
        customerName: 'Alex Baker',
        phoneNumber: '+1 619 555 0129',
        callId: id,
      });
      h.fake.answerNotification({ actionName: 'Accept', responseReason: 'Accept' });
      await until(() => h.store.getCall(id)?.state === 'connected', 'the answer');
      expect(h.provider.actionsOf('answer')).to.have.length(1);
      expect(h.fake.callsTo('cancelEvent')).to.have.length(0);
    });

    it('declines when the agent rejects in the host', async () => {
      setup();
      const id = h.provider.ring('+16195550129');
      await until(() => h.fake.pendingNotifications.length === 1, 'the notification');
      h.fake.answerNotification({ actionName: 'Reject', responseReason: 'DeclinedByAgent' });
      await until(() => h.store.getSnapshot().history[0]?.id === id, 'the decline');
      expect(h.store.getSnapshot().history[0]?.endReason).to.equal('declined');
      expect(h.provider.actionsOf('decline')).to.have.length(1);
    });

    it('withdraws the notification when the agent answers in the widget: one answer only', async () => {
      setup();
      const id = h.provider.ring('+16195550129');
      await until(() => h.fake.pendingNotifications.length === 1, 'the notification');
      await h.store.answer(id);
      await until(() => h.fake.callsTo('cancelEvent').length === 1, 'cancelEvent');
      expect(h.fake.callsTo('cancelEvent')[0]?.args).to.deep.equal([id]);
      expect(h.fake.pendingNotifications).to.deep.equal([]);
      // The host cannot answer any more; the store stays connected with one provider answer.
      expect(
        h.fake.answerNotification({ actionName: 'Accept', responseReason: 'Accept' }),
      ).to.equal(false);
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(h.provider.actionsOf('answer')).to.have.length(1);
      expect(h.provider.actionsOf('decline')).to.have.length(0);
    });

    it('withdraws the notification when the caller gives up', async () => {
      setup();
      const id = h.provider.ring('+16195550129');
      await until(() => h.fake.pendingNotifications.length === 1, 'the notification');
      h.provider.remoteHangUp(id);
      await until(() => h.fake.pendingNotifications.length === 0, 'the withdrawal');
      expect(h.store.getSnapshot().history[0]?.endReason).to.equal('missed');
    });

    it('keeps the call ringing on a display timeout, or declines it when configured', async () => {
      h = workflowHarness({
        fake: { notificationAnswer: { actionName: 'Timeout', responseReason: 'DisplayTimeout' } },
      });
      stops.push(alertIncomingCalls(h.context, { templateName: 't' }));
      const ringing = h.provider.ring('+16195550129');
      await until(() => h.fake.callsTo('notifyEvent').length === 1, 'the notification');
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(h.store.getCall(ringing)?.state).to.equal('ringing');
      stops.push(alertIncomingCalls(h.context, { templateName: 't', onTimeout: 'decline' }));
      const declined = h.provider.ring('+442079460958');
      await until(
        () => h.store.getSnapshot().history.some((c) => c.id === declined),
        'the decline',
      );
    });

    it('reads the documented value wrapper and older hosts answering Reject on display timeout', async () => {
      h = workflowHarness({
        fake: {
          notificationAnswer: 'pending',
          notificationTimeout: 20,
          quirks: { notifyValueWrapper: true, rejectOnDisplayTimeout: true },
        },
      });
      const answers: string[] = [];
      stops.push(
        alertIncomingCalls(h.context, {
          templateName: 't',
          onTimeout: 'decline',
          onAnswer: (_call, answer) => answers.push(`${answer.action}/${answer.reason}`),
        }),
      );
      const id = h.provider.ring('+16195550129');
      await until(() => h.store.getSnapshot().history.some((c) => c.id === id), 'the decline');
      expect(answers).to.deep.equal(['Timeout/DisplayTimeout']);
    });

    it('ignores queue-limit rejections (the call keeps ringing in the widget)', async () => {
      h = workflowHarness({
        fake: {
          notificationAnswer: {
            actionName: 'Reject',
            responseReason: 'NotificationQueueLimitExceeded',
          },
        },
      });
      stops.push(alertIncomingCalls(h.context, { templateName: 't' }));
      const id = h.provider.ring('+16195550129');
      await until(() => h.fake.callsTo('notifyEvent').length === 1, 'the notification');
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(h.store.getCall(id)?.state).to.equal('ringing');
    });

    it('reports a missing template and leaves the call ringing in the widget', async () => {
      h = workflowHarness({ fake: { notificationTemplates: ['other'] } });
      stops.push(alertIncomingCalls(h.context, { templateName: 'missing' }));
      const id = h.provider.ring('+16195550129');
      await until(() => h.errors.length === 1, 'the report');
      expect(h.errors[0]).to.include({
        workflow: 'alerting',
        code: 'template-not-found',
        callId: id,
      });
      await h.store.answer(id);
      expect(h.store.getCall(id)?.state).to.equal('connected');
    });

    it('reports a notification that never comes back (timeout)', async () => {
      h = workflowHarness({ client: { timeouts: { notifyEvent: 30 } } });
      h.fake.override('notifyEvent', { never: true });
      stops.push(alertIncomingCalls(h.context, { templateName: 't' }));
      const id = h.provider.ring('+16195550129');
      await until(() => h.errors.length === 1, 'the timeout');
      expect(h.errors[0]?.code).to.equal('timeout');
      expect(h.store.getCall(id)?.state).to.equal('ringing');
    });

    it('reports a failing cancelEvent', async () => {
      setup();
      h.fake.override('cancelEvent', { fail: 'json', times: 1 });
      const id = h.provider.ring('+16195550129');
      await until(() => h.fake.pendingNotifications.length === 1, 'the notification');
      await h.store.answer(id);
      await until(() => h.errors.length === 1, 'the report');
      expect(h.errors[0]).to.include({ workflow: 'alerting', callId: id });
    });

    it('does nothing on a CIF 1.0 host', async () => {
      h = workflowHarness({ fake: { version: 1 } });
      stops.push(alertIncomingCalls(h.context, { templateName: 't' }));
      h.provider.ring('+16195550129');
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(h.fake.calls.map((c) => c.api)).to.not.include('notifyEvent');
    });
  });

  describe('on answer: session and screen pop', () => {
    it('CIF 2.0: a session per answered call, then the matched record opens', async () => {
      h = workflowHarness({ fake: { sessionTemplates: ['call_session'] } });
      stops.push(matchCallers(h.context));
      stops.push(openOnAnswer(h.context, { session: { templateName: 'call_session' } }));
      const id = h.provider.ring('+16195550129');
      await until(() => h.store.getCall(id)?.lookup === 'done', 'the lookup');
      await h.store.answer(id);
      await until(() => h.fake.navigations.length === 1, 'the screen pop');
      const [session] = [...h.fake.sessions.values()];
      expect(session?.templateName).to.equal('call_session');
      expect(session?.templateParameters).to.deep.include({
        customerName: 'Alex Baker',
        phoneNumber: '+1 619 555 0129',
      });
      expect(session?.context).to.deep.include({
        customerName: 'Alex Baker',
        entityName: 'contact',
        entityId: ALEX,
        callId: id,
      });
      expect(h.store.getCall(id)?.context).to.deep.include({
        [SESSION_CONTEXT_KEY]: session?.sessionId,
        conversationId: session?.conversationId,
      });
      expect(h.fake.navigations[0]).to.deep.include({ type: 'form' });
      expect((h.fake.navigations[0] as { options: unknown }).options).to.deep.include({
        entityName: 'contact',
        entityId: ALEX,
      });
      expect(h.fake.callsTo('setMode')).to.have.length(0);
    });

    it('several matches open the search page; no match opens a prefilled create form', async () => {
      h = workflowHarness();
      stops.push(matchCallers(h.context));
      stops.push(openOnAnswer(h.context, { screenPop: { useQuickCreateForm: true } }));
      const several = h.provider.ring('+44 20 7946 0958');
      await until(() => h.store.getCall(several)?.lookup === 'done', 'the lookup');
      await h.store.answer(several);
      await until(() => h.fake.navigations.length === 1, 'the search page');
      expect(h.fake.navigations[0]).to.deep.include({
        type: 'search',
        entityName: 'contact',
        searchText: '+44 20 7946 0958',
      });
      await h.store.hangUp(several);
      const unknown = h.provider.ring('+33142685300');
      await until(() => h.store.getCall(unknown)?.lookup === 'done', 'the lookup');
      await h.store.answer(unknown);
      await until(() => h.fake.navigations.length === 2, 'the create form');
      const form = h.fake.navigations[1] as { type: string; options: unknown; parameters: unknown };
      expect(form.type).to.equal('form');
      expect(form.options).to.deep.equal({ entityName: 'contact', useQuickCreateForm: true });
      expect(form.parameters).to.deep.equal({ telephone1: '+33 1 42 68 53 00' });
    });

    it('CIF 1.0: docks the panel, then pops the screen', async () => {
      h = workflowHarness({ fake: { version: 1, mode: 0 } });
      stops.push(
        openOnAnswer(h.context, {
          session: { templateName: 'ignored' },
          screenPop: { none: 'search' },
        }),
      );
      const id = h.provider.ring('+16195550129');
      await h.store.answer(id);
      await until(() => h.fake.navigations.length === 1, 'the screen pop');
      expect(h.fake.mode).to.equal(1);
      expect(h.fake.navigations[0]).to.deep.include({ type: 'search', searchText: '+16195550129' });
    });

    it('reports a failing session and still pops the screen; reports a full session list', async () => {
      h = workflowHarness({ fake: { sessionTemplates: ['other'] } });
      stops.push(matchCallers(h.context));
      stops.push(openOnAnswer(h.context, { session: { templateName: 'missing' } }));
      const id = h.provider.ring('+16195550129');
      await until(() => h.store.getCall(id)?.lookup === 'done', 'the lookup');
      await h.store.answer(id);
      await until(() => h.fake.navigations.length === 1, 'the screen pop');
      expect(h.errors.map((e) => e.workflow)).to.deep.equal(['session']);
      expect(h.store.getCall(id)?.state).to.equal('connected');

      h.fake.override('canCreateSession', { result: false });
      await h.store.hangUp(id);
      const next = h.provider.ring('+16195550129');
      await h.store.answer(next);
      await until(() => h.errors.length === 2, 'the second report');
      expect(h.errors[1]?.message).to.contain('at most 10');
    });

    for (const shape of SHAPES) {
      it(`reports a ${shape} screen-pop failure, leaving the call connected`, async () => {
        h = workflowHarness();
        h.fake.override('openForm', { fail: shape });
        h.fake.override('setMode', { fail: shape });
        stops.push(openOnAnswer(h.context, { matchWaitMs: 0 }));
        const id = h.provider.ring('+16195550129');
        await h.store.answer(id);
        await until(() => h.errors.length === 2, 'the reports');
        expect(h.errors.map((e) => e.workflow)).to.deep.equal(['session', 'screen-pop']);
        await h.store.setHeld(id, true);
        expect(h.store.getCall(id)?.state).to.equal('held');
      });
    }

    it('pops nothing when told so, and only for the configured directions', async () => {
      h = workflowHarness();
      stops.push(openOnAnswer(h.context, { screenPop: false, dockPanel: false }));
      const outbound = await h.store.dial('+16195550129');
      h.provider.remoteAnswer(outbound);
      const id = h.provider.ring('+442079460958');
      await h.store.answer(id);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(h.fake.navigations).to.deep.equal([]);
      expect(h.fake.calls.map((c) => c.api)).to.not.include('setMode');
    });
  });

  it('names entity sets for @odata.bind', () => {
    expect(entitySetOf('contact')).to.equal('contacts');
    expect(entitySetOf('opportunity')).to.equal('opportunities');
    expect(entitySetOf('new_company')).to.equal('new_companies');
    expect(entitySetOf('new_box')).to.equal('new_boxes');
    expect(entitySetOf('new_thing')).to.equal('new_things');
    expect(entitySetOf('new_thing', { new_thing: 'new_stuff' })).to.equal('new_stuff');
    expect(ACCOUNTS).to.have.length(1);
    expect(DANA).to.be.a('string');
  });
});
