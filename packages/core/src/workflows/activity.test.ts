import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { memoryStorage } from '../calls/harness.test.js';
import { SimulatedProvider } from '../calls/simulated-provider.js';
import { createCallStore } from '../calls/store.js';
import type { Call } from '../calls/types.js';
import type { FakeFailureShape } from '../testing/index.js';
import { logActivities, phonecallData, type ActivityLog } from './activity.js';
import { matchCallers } from './caller-match.js';
import { ALEX, phone, until, workflowHarness, type WorkflowHarness } from './harness.test.js';

const USER = 'a8177e6e-1f4b-4e3a-9c2d-0e6a3b7c9d10';

describe('activity logging', () => {
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

  const start = (log: ActivityLog) => {
    stops.push(() => log.stop());
    return log;
  };
  const phonecalls = () => h.fake.records('phonecall');

  /** A matched inbound call talked for 2.5 minutes with 30 s on hold, then wrapped up. */
  async function talkedCall(clock: { t: number }): Promise<string> {
    const id = h.provider.ring('+16195550129');
    await until(() => h.store.getCall(id)?.lookup === 'done', 'the lookup');
    clock.t += 10_000;
    await h.store.answer(id);
    clock.t += 60_000;
    await h.store.setHeld(id, true);
    clock.t += 30_000;
    await h.store.setHeld(id, false);
    clock.t += 60_000;
    await h.store.updateWrapUp(id, { notes: 'Asked about the invoice.' });
    await h.store.hangUp(id);
    await h.store.completeWrapUp(id, { disposition: 'Resolved' });
    return id;
  }

  it('creates the phonecall once, with subject, number, direction, duration, parties, regarding and notes', async () => {
    const clock = { t: Date.parse('2026-03-02T10:00:00Z') };
    h = workflowHarness({ store: { now: () => clock.t } });
    stops.push(matchCallers(h.context));
    const logged: string[] = [];
    const log = start(logActivities(h.context, { onLogged: (job) => logged.push(job.callId) }));
    const id = await talkedCall(clock);
    await until(() => phonecalls().length === 1, 'the activity');
    await log.idle();
    const [record] = phonecalls();
    const activityId = record?.activityid;
    expect(activityId).to.be.a('string');
    expect(record).to.deep.include({
      subject: 'Call from Alex Baker',
      phonenumber: '+16195550129',
      directioncode: false,
      actualdurationminutes: 3,
      actualstart: '2026-03-02T10:00:10.000Z',
      actualend: '2026-03-02T10:02:40.000Z',
      description: 'Asked about the invoice.\n\nDisposition: Resolved',
      'regardingobjectid_contact_phonecall@odata.bind': `/contacts(${ALEX})`,
      phonecall_activity_parties: [
        { 'partyid_systemuser@odata.bind': `/systemusers(${USER})`, participationtypemask: 2 },
        { 'partyid_contact@odata.bind': `/contacts(${ALEX})`, participationtypemask: 1 },
      ],
    });
    expect(log.getSnapshot()).to.deep.equal([]);
    expect(logged).to.deep.equal([id]);
    expect(h.errors).to.deep.equal([]);
  });

  it('logs missed calls (unless told not to) and outbound calls, never consult legs', async () => {
    h = workflowHarness();
    start(logActivities(h.context));
    const missed = h.provider.ring('+442079460958');
    h.provider.remoteHangUp(missed);
    await until(() => phonecalls().length === 1, 'the missed call');
    expect(phonecalls()[0]).to.deep.include({
      subject: 'Missed call from +442079460958',
      actualdurationminutes: 0,
      phonecall_activity_parties: [
        { 'partyid_systemuser@odata.bind': `/systemusers(${USER})`, participationtypemask: 2 },
        { addressused: '+442079460958', participationtypemask: 1 },
      ],
    });
    h.provider.outbound = { answerAfterMs: 0 };
    const out = await h.store.dial('+4930901820');
    await until(() => h.store.getCall(out)?.state === 'connected', 'the callee');
    await h.store.consult(out, '+33142685300');
    const leg = h.store.getCall(out)?.transfer?.consultCallId ?? '';
    await until(() => h.store.getCall(leg)?.state === 'connected', 'the consult call');
    await h.store.completeTransfer(out);
    await h.store.completeWrapUp(out);
    await until(() => phonecalls().length === 2, 'the outbound call');
    expect(phonecalls()[1]).to.deep.include({
      subject: 'Call to +4930901820',
      directioncode: true,
    });
    expect(phonecalls().some((r) => r.phonenumber === '+33142685300')).to.equal(false);

    const quiet = workflowHarness();
    const quietLog = logActivities(quiet.context, { logUnanswered: false });
    const ignored = quiet.provider.ring('+442079460958');
    quiet.provider.remoteHangUp(ignored);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(quiet.fake.records('phonecall')).to.deep.equal([]);
    quietLog.stop();
    quiet.store.dispose();
  });

  it('builds the record with configured subject, disposition attribute, completion and extra fields', () => {
    const call = {
      id: 'c1',
      direction: 'outbound',
      remoteNumber: '+16195550129',
      remoteE164: '+16195550129',
      displayName: null,
      matches: [{ entityName: 'new_customer', id: 'n1' }],
      regarding: null,
      answeredAt: 1000,
      createdAt: 0,
      endedAt: 61_001,
      notes: '  ',
      disposition: 'Sale',
    } as unknown as Call;
    const data = phonecallData(
      call,
      { activityId: 'a1' },
      {
        subject: (c) => `Custom ${c.id}`,
        dispositionAttribute: 'new_disposition',
        markCompleted: true,
        entitySets: { new_customer: 'new_customerset' },
        fields: () => ({ prioritycode: 2 }),
      },
    );
    expect(data).to.deep.include({
      activityid: 'a1',
      subject: 'Custom c1',
      directioncode: true,
      actualdurationminutes: 2,
      new_disposition: 'Sale',
      statecode: 1,
      statuscode: 2,
      prioritycode: 2,
      phonecall_activity_parties: [
        { 'partyid_new_customer@odata.bind': '/new_customerset(n1)', participationtypemask: 2 },
      ],
    });
    expect(data).to.not.have.property('description');
  });

  describe('failures', () => {
    let clock: sinon.SinonFakeTimers;
    afterEach(() => clock?.restore());

    for (const shape of ['json', 'map', 'object', 'validation', 'error'] as FakeFailureShape[]) {
      it(`retries a ${shape} failure with backoff, reporting each, and creates the record once`, async () => {
        clock = sinon.useFakeTimers({
          now: 1_000_000,
          toFake: ['setTimeout', 'clearTimeout', 'Date'],
        });
        h = workflowHarness();
        h.fake.override('createRecord', { fail: shape, times: 2 });
        const log = start(logActivities(h.context));
        const id = h.provider.ring('+16195550129');
        h.provider.remoteHangUp(id);
        await clock.tickAsync(1);
        expect(h.errors).to.have.length(1);
        expect(h.errors[0]).to.include({ workflow: 'activity', callId: id });
        expect(log.getSnapshot()[0]).to.include({ status: 'queued', attempts: 1 });
        await clock.tickAsync(2_000);
        expect(h.errors).to.have.length(2);
        expect(phonecalls()).to.have.length(0);
        await clock.tickAsync(10_000);
        await log.idle();
        expect(phonecalls()).to.have.length(1);
        expect(log.getSnapshot()).to.deep.equal([]);
        expect(h.fake.callsTo('createRecord')).to.have.length(3);
      });
    }

    it('keeps a job that keeps failing (status failed, reported) until retry', async () => {
      clock = sinon.useFakeTimers({
        now: 1_000_000,
        toFake: ['setTimeout', 'clearTimeout', 'Date'],
      });
      h = workflowHarness();
      h.fake.override('createRecord', { fail: 'map' });
      const log = start(logActivities(h.context, { retryDelaysMs: [100, 100] }));
      const id = h.provider.ring('+16195550129');
      h.provider.remoteHangUp(id);
      await clock.tickAsync(1000);
      expect(log.getSnapshot()[0]).to.include({ status: 'failed', attempts: 3, callId: id });
      expect(h.errors.at(-1)?.message).to.contain('kept for retry');
      h.fake.reset('createRecord');
      await log.retry();
      expect(phonecalls()).to.have.length(1);
      expect(log.getSnapshot()).to.deep.equal([]);
    });

    it('after a timeout, checks whether the record was created before creating it again', async () => {
      clock = sinon.useFakeTimers({
        now: 1_000_000,
        toFake: ['setTimeout', 'clearTimeout', 'Date'],
      });
      h = workflowHarness({ fake: { hostTimeout: 500 }, client: { timeout: 10_000 } });
      h.fake.override('createRecord', { fail: 'timeout', times: 1 });
      const log = start(logActivities(h.context, { retryDelaysMs: [1000] }));
      const id = h.provider.ring('+16195550129');
      h.provider.remoteHangUp(id);
      await clock.tickAsync(500);
      expect(h.errors[0]?.code).to.equal('timeout');
      expect(log.getSnapshot()[0]).to.include({ verify: true });
      await clock.tickAsync(1000);
      await log.idle();
      expect(h.fake.callsTo('retrieveRecord')).to.have.length(1);
      expect(phonecalls()).to.have.length(1);
    });

    it('reports an environment failure and retries it with the record', async () => {
      clock = sinon.useFakeTimers({
        now: 1_000_000,
        toFake: ['setTimeout', 'clearTimeout', 'Date'],
      });
      h = workflowHarness();
      h.fake.override('getEnvironment', { fail: 'json', times: 1 });
      const log = start(logActivities(h.context, { retryDelaysMs: [100] }));
      h.provider.remoteHangUp(h.provider.ring('+16195550129'));
      await clock.tickAsync(1);
      expect(h.errors[0]?.workflow).to.equal('activity');
      await clock.tickAsync(100);
      await log.idle();
      expect(phonecalls()).to.have.length(1);
    });

    it('reports a queue that cannot be saved, and still logs', async () => {
      h = workflowHarness();
      h.storage.failWrites = true;
      const log = start(logActivities(h.context));
      h.provider.remoteHangUp(h.provider.ring('+16195550129'));
      await until(() => phonecalls().length === 1, 'the activity');
      await log.idle();
      expect(h.errors.some((e) => e.message.includes('could not be saved'))).to.equal(true);
    });
  });

  describe('continuity', () => {
    it('a reload mid-call restores the call and logs the activity exactly once', async () => {
      const storage = memoryStorage();
      const provider = new SimulatedProvider();
      h = workflowHarness({ storage, provider });
      start(logActivities(h.context));
      const id = provider.ring('+16195550129');
      await h.store.answer(id);
      // Reload: the old widget goes away, a new one starts over the same storage, phone system and host.
      for (const stop of stops.splice(0)) stop();
      h.store.dispose();
      h = workflowHarness({ storage, provider, host: h.fake });
      expect(h.store.getCall(id)?.state).to.equal('connected');
      const log = start(logActivities(h.context));
      await h.store.hangUp(id);
      await h.store.completeWrapUp(id);
      await until(() => h.fake.records('phonecall').length === 1, 'the activity');
      await log.idle();
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(h.fake.records('phonecall')).to.have.length(1);
    });

    it('a reload while the record is being created does not create it twice', async () => {
      const storage = memoryStorage();
      const provider = new SimulatedProvider();
      h = workflowHarness({ storage, provider });
      const { fake } = h;
      // Dataverse receives the record, but the widget reloads before the answer arrives.
      fake.override('createRecord', {
        times: 1,
        respond: (entity, data) => {
          fake.addRecord(String(entity), JSON.parse(String(data)) as Record<string, never>);
          return new Promise(() => undefined);
        },
      });
      const first = logActivities(h.context);
      h.provider.remoteHangUp(h.provider.ring('+16195550129'));
      await until(() => fake.records('phonecall').length === 1, 'the first request');
      expect(first.getSnapshot()[0]?.status).to.equal('sending');
      first.stop();
      h.store.dispose();

      const reloadedStore = createCallStore({
        provider,
        storage,
        namespace: 'wf',
        ownership: false,
      });
      const second = logActivities({ ...h.context, store: reloadedStore });
      await until(() => second.getSnapshot().length === 0, 'the verification');
      expect(fake.callsTo('retrieveRecord')).to.have.length(1);
      expect(fake.callsTo('createRecord')).to.have.length(1);
      expect(fake.records('phonecall')).to.have.length(1);
      second.stop();
      reloadedStore.dispose();
    });

    it('a restart resumes failed jobs and does not log finished calls again', async () => {
      const storage = memoryStorage();
      h = workflowHarness({ storage });
      h.fake.override('createRecord', { fail: 'map' });
      const first = logActivities(h.context, { retryDelaysMs: [] });
      h.provider.remoteHangUp(h.provider.ring('+16195550129'));
      await until(() => first.getSnapshot()[0]?.status === 'failed', 'the failure');
      first.stop();
      h.fake.reset('createRecord');
      const second = logActivities(h.context);
      await until(() => h.fake.records('phonecall').length === 1, 'the resumed job');
      await second.idle();
      expect(second.getSnapshot()).to.deep.equal([]);
      h.provider.remoteHangUp(h.provider.ring('+442079460958'));
      await until(() => h.fake.records('phonecall').length === 2, 'the next call');
      await second.idle();
      second.stop();
      const third = start(logActivities(h.context));
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(third.getSnapshot()).to.deep.equal([]);
      expect(h.fake.callsTo('createRecord')).to.have.length(3);
    });

    it('two tabs: only the owner logs, so the activity is created once', async () => {
      const storage = memoryStorage();
      const channel = `wf-tabs-${Math.random()}`;
      const ownerProvider = new SimulatedProvider();
      h = workflowHarness({ storage, provider: ownerProvider, store: { ownership: { channel } } });
      await h.store.ready;
      const follower = workflowHarness({ storage, store: { ownership: { channel } } });
      expect(await follower.store.ready).to.equal('follower');
      const followerLog = logActivities({ ...follower.context, client: h.client });
      start(logActivities(h.context));
      const id = ownerProvider.ring('+16195550129');
      await until(() => follower.store.getCall(id) !== undefined, 'the mirror');
      ownerProvider.remoteHangUp(id);
      await until(() => h.fake.records('phonecall').length === 1, 'the activity');
      await new Promise((resolve) => setTimeout(resolve, 30));
      expect(h.fake.records('phonecall')).to.have.length(1);
      expect(followerLog.getSnapshot()).to.deep.equal([]);
      followerLog.stop();
      follower.store.dispose();
    });
  });
});
