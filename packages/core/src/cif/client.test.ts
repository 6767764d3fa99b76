import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { FakeCIFramework } from '../testing/index.js';
import {
  CifClient,
  CIF_NOTIFY_EVENT_TIMEOUT,
  type CifError,
  createCifClient,
  isCifError,
  type CifErrorCode,
  type CifLibrary,
} from '../index.js';

const CONTACTS = [
  {
    contactid: '80ac0a5d-1111-4c2b-9e3f-000000000001',
    fullname: 'Alex Baker',
    telephone1: '+16195550129',
    mobilephone: '619-555-0129',
  },
  {
    contactid: '80ac0a5d-1111-4c2b-9e3f-000000000002',
    fullname: "Dana O'Brien",
    telephone1: '+442079460000',
  },
  {
    contactid: '80ac0a5d-1111-4c2b-9e3f-000000000003',
    fullname: 'Alex Chen',
    telephone1: '+16195550199',
  },
] as const;

async function rejection(promise: Promise<unknown>): Promise<CifError> {
  try {
    await promise;
  } catch (error) {
    expect(isCifError(error), `expected a CifError, got ${String(error)}`).to.equal(true);
    return error as CifError;
  }
  throw new Error('expected the promise to reject');
}

async function expectCode(promise: Promise<unknown>, code: CifErrorCode): Promise<CifError> {
  const error = await rejection(promise);
  expect(error.code, error.message).to.equal(code);
  return error;
}

function setup(options: ConstructorParameters<typeof FakeCIFramework>[0] = {}) {
  const fake = new FakeCIFramework({ records: { contact: CONTACTS }, ...options });
  const client = createCifClient(fake.library);
  return { fake, client };
}

describe('CifClient', () => {
  describe('construction and version', () => {
    it('detects CIF 2.0 from the library and CIF 1.0 from its absence', () => {
      expect(new CifClient(new FakeCIFramework().library).version).to.equal(2);
      const v1 = new CifClient(new FakeCIFramework({ version: 1 }).library);
      expect(v1.version).to.equal(1);
      expect(v1.capabilities.multiSession).to.equal(false);
      expect(v1.capabilities.supports('notifyEvent')).to.equal(false);
      expect(v1.capabilities.supports('createRecord')).to.equal(true);
      expect(v1.capabilities.supportsEvent('onSessionSwitched')).to.equal(false);
    });

    it('takes an explicit version over detection', () => {
      const client = createCifClient(new FakeCIFramework().library, { version: 1 });
      expect(client.version).to.equal(1);
      expect(client.capabilities.apis).to.not.include('createSession');
    });

    it('rejects a 2.0 API under 1.0 with unsupported-in-version, not a TypeError', async () => {
      const { client } = setup({ version: 1 });
      const error = await expectCode(
        client.notifyEvent({ templateName: 'incoming' }),
        'unsupported-in-version',
      );
      expect(error.api).to.equal('notifyEvent');
      await expectCode(client.createSession({ templateName: 't' }), 'unsupported-in-version');
      await expectCode(client.setMode(2), 'unsupported-in-version');
    });

    it('rejects an API the library lacks with not-available, and survives a null library', async () => {
      const client = new CifClient({ getMode: () => Promise.resolve(1) }, { version: 2 });
      await expectCode(client.getWidth(), 'not-available');
      const empty = new CifClient(null as unknown as CifLibrary);
      expect(empty.version).to.equal(1);
      await expectCode(empty.getEnvironment(), 'not-available');
    });
  });

  describe('panel and click-to-act', () => {
    it('setClickToAct writes and getClickToAct reads (null result of the host)', async () => {
      const { fake, client } = setup();
      expect(await client.setClickToAct(true)).to.equal(undefined);
      expect(fake.clickToAct).to.equal(true);
      expect(await client.getClickToAct()).to.equal(true);
      fake.override('getClickToAct', { result: 'false' });
      expect(await client.getClickToAct()).to.equal(false);
      await expectCode(client.setClickToAct('yes' as unknown as boolean), 'validation');
    });

    it('setMode resolves the mode; getMode is a number even when the host answers a string', async () => {
      const { fake, client } = setup({ quirks: { modeAsString: true } });
      expect(await client.setMode(0)).to.equal(0);
      expect(fake.mode).to.equal(0);
      expect(await client.getMode()).to.equal(0);
      expect(fake.callsTo('getMode')).to.have.length(1);
      // The library accepts 0, 1 and 2 only; collapsed (3) is the host's own doing.
      const collapsed = await expectCode(client.setMode(3), 'validation');
      expect(collapsed.raw).to.equal('{"message":"The setMode paramter value must be 0, 1 or 2."}');
      fake.override('setMode', { result: undefined });
      expect(await client.setMode(1)).to.equal(1);
      await expectCode(client.setMode(7 as 1), 'validation');
      fake.override('getMode', { result: 'docked' });
      await expectCode(client.getMode(), 'invalid-response');
    });

    it('setWidth passes pixels and resolves what the host keeps (below 300 is ignored)', async () => {
      const { fake, client } = setup({ width: 340 });
      expect(await client.setWidth(420.4)).to.equal(420);
      expect(fake.callsTo('setWidth')[0]!.args).to.deep.equal([420]);
      expect(await client.setWidth(120)).to.equal(420);
      expect(await client.getWidth()).to.equal(420);
      fake.override('setWidth', { result: null });
      expect(await client.setWidth(500)).to.equal(500);
      await expectCode(client.setWidth(Number.NaN), 'validation');
      fake.override('getWidth', { result: '512' });
      expect(await client.getWidth()).to.equal(512);
    });
  });

  describe('getEnvironment', () => {
    it('parses the JSON string: userId without braces, LCIDs as numbers, customParams parsed', async () => {
      const { client } = setup({
        environment: {
          orgLcid: '1031',
          customParams: '{"queue":"sales","priority":2}',
          id: '{80AC0A5D-1111}',
          isDirty: 'true',
        },
      });
      const env = await client.getEnvironment();
      expect(env.userId).to.equal('A8177E6E-1F4B-4E3A-9C2D-0E6A3B7C9D10');
      expect(env.orgId).to.equal('9C4D1A1E-2D44-4C71-9B8E-6F1B1A7C2E11');
      expect(env.userLcid).to.equal(1033);
      expect(env.orgLcid).to.equal(1031);
      expect(env.customParams).to.deep.equal({ queue: 'sales', priority: 2 });
      expect(env.id).to.equal('80AC0A5D-1111');
      expect(env.isDirty).to.equal(true);
      expect(env.cifVersion).to.equal('2.0');
      expect(env.etn).to.equal(undefined);
      expect(env.raw.username).to.equal('Alex Agent');
    });

    it('keeps customParams that are not JSON as text, and null when unset', async () => {
      const { fake, client } = setup({ environment: { customParams: 'region=emea' } });
      expect((await client.getEnvironment()).customParams).to.equal('region=emea');
      fake.environment = { userId: 'plain' };
      const env = await client.getEnvironment();
      expect(env.customParams).to.equal(null);
      expect(env.userId).to.equal('plain');
    });

    it('rejects an unreadable environment with invalid-response', async () => {
      const { fake, client } = setup();
      fake.override('getEnvironment', { result: '{not json' });
      const error = await expectCode(client.getEnvironment(), 'invalid-response');
      expect(error.raw).to.equal('{not json');
      fake.override('getEnvironment', { result: 42 });
      await expectCode(client.getEnvironment(), 'invalid-response');
    });
  });

  describe('records', () => {
    it('createRecord serialises data to a JSON string and parses the JSON string result', async () => {
      const { fake, client } = setup();
      const ref = await client.createRecord('phonecall', {
        subject: 'Call from Alex Baker',
        directioncode: false,
        'regardingobjectid_contact@odata.bind': '/contacts(80ac0a5d-1111-4c2b-9e3f-000000000001)',
      });
      expect(ref.id).to.match(/^[0-9a-f-]{36}$/);
      expect(ref.entityName).to.equal('phonecall');
      const [entity, data] = fake.callsTo('createRecord')[0]!.args;
      expect(entity).to.equal('phonecall');
      expect(data).to.be.a('string');
      expect(JSON.parse(data as string)).to.include({
        subject: 'Call from Alex Baker',
        directioncode: false,
      });
      expect(fake.records('phonecall')).to.have.length(1);
    });

    it('createRecord accepts a JSON string as is, and refuses unserialisable data before calling', async () => {
      const { fake, client } = setup();
      await client.createRecord('task', '{"subject":"x"}');
      expect(fake.callsTo('createRecord')[0]!.args[1]).to.equal('{"subject":"x"}');
      const cyclic: Record<string, unknown> = {};
      cyclic.self = cyclic;
      await expectCode(client.createRecord('task', cyclic), 'validation');
      await expectCode(client.createRecord('', {}), 'validation');
      await expectCode(client.createRecord('task', { big: 1n }), 'validation');
      expect(fake.callsTo('createRecord')).to.have.length(1);
    });

    it('createRecord with a host that answers no id resolves an empty id (no crash)', async () => {
      const { fake, client } = setup();
      fake.override('createRecord', { result: '' });
      expect((await client.createRecord('task', {})).id).to.equal('');
      fake.override('createRecord', { result: '{"id":"{ABC-1}"}' });
      expect((await client.createRecord('task', {})).id).to.equal('ABC-1');
    });

    it('retrieveRecord builds the query and parses the JSON string', async () => {
      const { fake, client } = setup();
      const record = await client.retrieveRecord(
        'contact',
        '{80AC0A5D-1111-4C2B-9E3F-000000000001}',
        {
          select: ['fullname'],
        },
      );
      expect(record).to.deep.equal({
        fullname: 'Alex Baker',
        contactid: '80ac0a5d-1111-4c2b-9e3f-000000000001',
      });
      expect(fake.callsTo('retrieveRecord')[0]!.args).to.deep.equal([
        'contact',
        '80AC0A5D-1111-4C2B-9E3F-000000000001',
        '?$select=fullname',
      ]);
      await client.retrieveRecord('contact', CONTACTS[0].contactid);
      expect(fake.callsTo('retrieveRecord')[1]!.args).to.have.length(2);
    });

    it('retrieveRecord of a missing record rejects not-found (JSON string rejection)', async () => {
      const { client } = setup();
      const error = await expectCode(
        client.retrieveRecord('contact', '00000000-0000-0000-0000-000000000000'),
        'not-found',
      );
      expect(error.raw).to.be.a('string');
      expect(error.hostName).to.equal('retrieverecord');
      expect(JSON.parse(error.raw as string)).to.deep.equal({
        message: "Entity 'contact' With Id = 00000000-0000-0000-0000-000000000000 Does Not Exist",
        msdyn_name: 'retrieverecord',
      });
      expect(error.api).to.equal('retrieveRecord');
    });

    it('updateRecord and deleteRecord resolve the reference', async () => {
      const { fake, client } = setup();
      const id = CONTACTS[1].contactid;
      const updated = await client.updateRecord('contact', id, { jobtitle: 'Buyer' });
      expect(updated.id).to.equal(id);
      expect(fake.records('contact').find((r) => r.contactid === id)).to.include({
        jobtitle: 'Buyer',
      });
      const deleted = await client.deleteRecord('contact', id);
      expect(deleted).to.include({ id, entityName: 'contact' });
      expect(fake.records('contact')).to.have.length(2);
      await expectCode(client.deleteRecord('contact', id), 'not-found');
      fake.override('deleteRecord', { result: undefined });
      expect((await client.deleteRecord('contact', '{X-1}')).id).to.equal('X-1');
    });

    it('searchAndOpenRecords resolves a real array from the array-like JSON string', async () => {
      const { fake, client } = setup();
      const records = await client.searchAndOpenRecords(
        'contact',
        { select: ['fullname', 'telephone1'], filter: "startswith(fullname,'Alex')" },
        true,
      );
      expect(Array.isArray(records)).to.equal(true);
      expect(records.map((r) => r.fullname)).to.deep.equal(['Alex Baker', 'Alex Chen']);
      expect(fake.callsTo('searchAndOpenRecords')[0]!.args).to.deep.equal([
        'contact',
        "?$select=fullname,telephone1&$filter=startswith(fullname,'Alex')",
        true,
      ]);
      expect(fake.navigations).to.deep.equal([]);
    });

    it('searchAndOpenRecords opens one match, or the search page for several', async () => {
      const { fake, client } = setup();
      await client.searchAndOpenRecords('contact', "?$filter=telephone1 eq '+16195550129'", false, {
        correlationId: 'c-1',
        searchType: 0,
      });
      expect(fake.callsTo('searchAndOpenRecords')[0]!.args.slice(3)).to.deep.equal(['c-1', 0]);
      expect(fake.navigations[0]).to.deep.include({ type: 'record', entityName: 'contact' });
      await client.searchAndOpenRecords('contact', { filter: "contains(fullname,'Alex')" }, false);
      expect(fake.navigations[1]).to.deep.include({ type: 'search' });
    });

    it('searchAndOpenRecords reads arrays, empty answers and envelopes, and rejects garbage', async () => {
      const { fake, client } = setup();
      fake.override('searchAndOpenRecords', { result: '[{"a":1},2,{"b":2}]' });
      expect(await client.searchAndOpenRecords('contact', '', true)).to.deep.equal([
        { a: 1 },
        { b: 2 },
      ]);
      fake.override('searchAndOpenRecords', { result: '{}' });
      expect(await client.searchAndOpenRecords('contact', '', true)).to.deep.equal([]);
      fake.override('searchAndOpenRecords', { result: { value: [{ x: 1 }] } });
      expect(await client.searchAndOpenRecords('contact', '', true)).to.deep.equal([{ x: 1 }]);
      fake.override('searchAndOpenRecords', { result: '{"10":{"n":10},"2":{"n":2}}' });
      expect(await client.searchAndOpenRecords('contact', '', true)).to.deep.equal([
        { n: 2 },
        { n: 10 },
      ]);
      fake.override('searchAndOpenRecords', { result: 'Alex' });
      await expectCode(client.searchAndOpenRecords('contact', '', true), 'invalid-response');
      await expectCode(
        client.searchAndOpenRecords('contact', '', 'no' as unknown as boolean),
        'validation',
      );
      await expectCode(
        client.searchAndOpenRecords('contact', '', true, { searchType: 3 as 0 }),
        'validation',
      );
    });

    it('a hostile $filter value stays a literal when quoted with odataString', async () => {
      const { odataString } = await import('../index.js');
      const { client } = setup();
      const hostile = "x' or fullname ne 'y";
      const records = await client.searchAndOpenRecords(
        'contact',
        { filter: `telephone1 eq ${odataString(hostile)}` },
        true,
      );
      expect(records).to.deep.equal([]);
    });

    it('openForm sends both arguments as JSON strings and reads savedEntityReference', async () => {
      const { fake, client } = setup();
      const result = await client.openForm(
        {
          entityName: 'contact',
          entityId: '{80AC0A5D-1111-4C2B-9E3F-000000000001}',
          useQuickCreateForm: false,
        },
        { telephone1: '+16195550129' },
      );
      expect(result.savedEntityReference).to.deep.equal([]);
      const [options, parameters] = fake.callsTo('openForm')[0]!.args;
      expect(options).to.be.a('string');
      expect(JSON.parse(options as string)).to.deep.equal({
        entityName: 'contact',
        entityId: '80AC0A5D-1111-4C2B-9E3F-000000000001',
        useQuickCreateForm: false,
      });
      expect(JSON.parse(parameters as string)).to.deep.equal({ telephone1: '+16195550129' });
      fake.override('openForm', {
        result:
          '{"savedEntityReference":[{"entityType":"contact","id":"{ABC}","name":"Alex"},{"bad":1}]}',
      });
      const saved = await client.openForm({ entityName: 'contact' });
      expect(saved.savedEntityReference).to.deep.equal([
        { entityType: 'contact', id: 'ABC', name: 'Alex' },
      ]);
      expect(fake.callsTo('openForm')[1]!.args).to.have.length(1);
      fake.override('openForm', {
        result: '{"savedEntityReference":{"entityType":"lead","id":"L1"}}',
      });
      expect((await client.openForm({ entityName: 'lead' })).savedEntityReference).to.deep.equal([
        { entityType: 'lead', id: 'L1' },
      ]);
      await expectCode(client.openForm({} as { entityName: string }), 'validation');
    });

    it('renderSearchPage and getEntityMetadata', async () => {
      const { fake, client } = setup();
      await client.renderSearchPage('contact', '619-555');
      expect(fake.navigations[0]).to.deep.equal({
        type: 'search',
        entityName: 'contact',
        searchText: '619-555',
      });
      const metadata = await client.getEntityMetadata('contact', ['fullname']);
      expect(metadata.LogicalName).to.equal('contact');
      fake.override('getEntityMetadata', { result: '{"LogicalName":"account"}' });
      expect((await client.getEntityMetadata('account')).LogicalName).to.equal('account');
      expect(fake.callsTo('getEntityMetadata')[1]!.args).to.deep.equal(['account']);
      await expectCode(
        client.getEntityMetadata('account', [1] as unknown as string[]),
        'validation',
      );
    });
  });

  describe('raiseEvent and updateContext', () => {
    it('raiseEvent serialises the input and resolves a boolean', async () => {
      const { fake, client } = setup();
      expect(
        await client.raiseEvent('widgetEvent', { callId: 'c1' }, { correlationId: 'corr' }),
      ).to.equal(true);
      expect(fake.raisedEvents[0]).to.deep.equal({
        event: 'widgetEvent',
        input: '{"callId":"c1"}',
      });
      expect(fake.callsTo('raiseEvent')[0]!.args[2]).to.equal('corr');
      await client.raiseEvent('plain', 'test input value');
      expect(fake.raisedEvents[1]!.input).to.equal('test input value');
      fake.override('raiseEvent', { result: undefined });
      expect(await client.raiseEvent('x', undefined)).to.equal(true);
      fake.override('raiseEvent', { result: 'false' });
      expect(await client.raiseEvent('x', 1)).to.equal(false);
    });

    it('updateContext sends an object and resolves the context', async () => {
      const { fake, client } = setup();
      const sessionId = await client.createSession({ templateName: 'call' });
      const context = await client.updateContext(
        { customer: 'Alex Baker', fn: () => 1 },
        sessionId,
      );
      expect(context).to.deep.equal({ customer: 'Alex Baker' });
      expect(fake.sessions.get(sessionId)!.context).to.deep.equal({ customer: 'Alex Baker' });
      expect(await client.updateContext({ customer: '' }, sessionId, true)).to.deep.equal({});
      fake.override('updateContext', { result: 'ok' });
      expect(await client.updateContext({ a: 1 })).to.deep.equal({ a: 1 });
      fake.reset('updateContext');
      await expectCode(client.updateContext({ a: 1 }, 'no-such-session'), 'not-found');
    });
  });

  describe('notifyEvent and cancelEvent', () => {
    it('resolves {accepted, action, reason} from the real, unwrapped answer', async () => {
      const { fake, client } = setup();
      const result = await client.notifyEvent(
        {
          templateName: 'incoming_call',
          templateParameters: { number: '+1 619 555 0129' },
          cancellationToken: 'call-1',
        },
        { correlationId: 'corr-1' },
      );
      expect(result).to.deep.include({ accepted: true, action: 'Accept', reason: 'Accept' });
      const args = fake.callsTo('notifyEvent')[0]!.args;
      expect(args[0]).to.deep.equal({
        templateName: 'incoming_call',
        templateParameters: { number: '+1 619 555 0129' },
        cancellationToken: 'call-1',
      });
      expect(args.slice(1)).to.deep.equal(['corr-1', 'call-1']);
    });

    it('resolves the same from the documented {value: {...}} wrapper', async () => {
      const { fake, client } = setup({ quirks: { notifyValueWrapper: true } });
      fake.notificationAnswer = { actionName: 'Reject', responseReason: 'DeclinedByAgent' };
      const result = await client.notifyEvent({ templateName: 'incoming_call' });
      expect(result).to.deep.include({
        accepted: false,
        action: 'Reject',
        reason: 'DeclinedByAgent',
      });
      expect(result.raw).to.have.property('value');
      expect(fake.callsTo('notifyEvent')[0]!.args).to.have.length(1);
    });

    it('normalises AutoAccept, Timeout, old hosts’ Reject/DisplayTimeout and unknown answers', async () => {
      const { fake, client } = setup();
      const answers: [string, { accepted: boolean; action: string }][] = [
        [
          '{"actionName":"Accept","responseReason":"AutoAccept"}',
          { accepted: true, action: 'Accept' },
        ],
        [
          '{"actionName":"Timeout","responseReason":"DisplayTimeout"}',
          { accepted: false, action: 'Timeout' },
        ],
        [
          '{"actionName":"Reject","responseReason":"DisplayTimeout"}',
          { accepted: false, action: 'Timeout' },
        ],
        ['{"value":"{\\"actionName\\":\\"accept\\"}"}', { accepted: true, action: 'Accept' }],
        ['{"actionName":"Maybe"}', { accepted: false, action: 'Unknown' }],
        ['{}', { accepted: false, action: 'Unknown' }],
      ];
      for (const [raw, expected] of answers) {
        fake.override('notifyEvent', { result: raw });
        expect(await client.notifyEvent({ templateName: 't' }), raw).to.deep.include(expected);
      }
      fake.override('notifyEvent', { result: 'Accept' });
      await expectCode(client.notifyEvent({ templateName: 't' }), 'invalid-response');
    });

    it('reports queue limits, unknown templates and client errors', async () => {
      const { fake, client } = setup({
        notificationTemplates: ['incoming_call'],
        notificationAnswer: 'pending',
      });
      const error = await expectCode(
        client.notifyEvent({ templateName: 'missing' }),
        'template-not-found',
      );
      expect(error.hostName).to.equal('NotifyEvent');
      const pending = Array.from({ length: 10 }, (_, i) =>
        client.notifyEvent({ templateName: 'incoming_call', cancellationToken: `t${i}` }),
      );
      await Promise.resolve();
      const eleventh = await client.notifyEvent({ templateName: 'incoming_call' });
      expect(eleventh).to.deep.include({
        accepted: false,
        reason: 'NotificationQueueLimitExceeded',
      });
      for (let i = 0; i < 10; i++)
        fake.answerNotification({ actionName: 'Accept', responseReason: 'Accept' }, `t${i}`);
      expect((await Promise.all(pending)).every((r) => r.accepted)).to.equal(true);
      fake.override('notifyEvent', { fail: { shape: 'json', message: 'RejectAfterClientError' } });
      await expectCode(
        client.notifyEvent({ templateName: 'incoming_call' }),
        'notification-failed',
      );
      await expectCode(client.notifyEvent({ templateName: '' }), 'validation');
      await expectCode(
        client.notifyEvent({ templateName: 'x', cancellationToken: 5 as unknown as string }),
        'validation',
      );
    });

    it('cancelEvent withdraws a pending notification', async () => {
      const { fake, client } = setup({ notificationAnswer: 'pending' });
      const answer = client.notifyEvent({
        templateName: 'incoming_call',
        cancellationToken: 'call-7',
      });
      await Promise.resolve();
      expect(fake.pendingNotifications).to.have.length(1);
      const cancelled = await client.cancelEvent('call-7');
      expect(cancelled.accepted).to.equal(false);
      expect((await answer).accepted).to.equal(false);
      await expectCode(client.cancelEvent('call-7'), 'not-found');
      await expectCode(client.cancelEvent(''), 'validation');
    });

    it('waits for the template display timeout rather than the 2.0 default timeout', async () => {
      const clock = sinon.useFakeTimers();
      try {
        const { client } = setup({ notificationAnswer: 'pending', notificationTimeout: 120_000 });
        const answer = client.notifyEvent({
          templateName: 'incoming_call',
          cancellationToken: 'c',
        });
        await clock.tickAsync(119_000);
        await clock.tickAsync(2_000);
        expect(await answer).to.deep.include({
          action: 'Timeout',
          reason: 'DisplayTimeout',
          accepted: false,
        });
      } finally {
        clock.restore();
      }
    });
  });

  describe('sessions', () => {
    it('canCreateSession, createSession, getAllSessions, getFocusedSession', async () => {
      const { fake, client } = setup({ maxSessions: 2 });
      expect(await client.canCreateSession()).to.equal(true);
      const a = await client.createSession({
        templateName: 'call_session',
        templateParameters: { customer: 'Alex' },
      });
      const b = await client.createSession({ templateName: 'call_session' });
      expect(await client.getAllSessions()).to.deep.equal([a, b]);
      expect(await client.getFocusedSession()).to.equal(b);
      expect(await client.canCreateSession()).to.equal(false);
      await expectCode(client.createSession({ templateName: 'call_session' }), 'session-limit');
      fake.focusedSessionId = null;
      expect(await client.getFocusedSession()).to.equal(null);
      fake.override('getAllSessions', { result: '["s1","s2"]' });
      expect(await client.getAllSessions()).to.deep.equal(['s1', 's2']);
      fake.override('getAllSessions', { result: { 0: 's1', 1: 's2' } });
      expect(await client.getAllSessions()).to.deep.equal(['s1', 's2']);
      fake.override('createSession', { result: '' });
      await expectCode(client.createSession({ templateName: 'call_session' }), 'invalid-response');
      await expectCode(client.createSession({ templateName: '' }), 'validation');
    });

    it('getSession converts the Map the host answers and rejects sessions not owned (Map rejection)', async () => {
      const { fake, client } = setup();
      const id = await client.createSession({
        templateName: 'call_session',
        templateParameters: { customerName: 'Alex Baker' },
        context: { customer: 'Alex' },
      });
      expect(fake.callsTo('createSession')[0]!.args[0]).to.deep.equal({
        templateName: 'call_session',
        templateParameters: { customerName: 'Alex Baker' },
        context: { customer: 'Alex' },
      });
      const session = await client.getSession(id);
      expect(session).to.deep.equal({
        sessionId: id,
        focused: true,
        context: { customer: 'Alex' },
        conversationId: fake.sessions.get(id)!.conversationId,
      });
      expect(fake.sessions.get(id)!.templateParameters).to.deep.equal({
        customerName: 'Alex Baker',
      });
      await expectCode(
        client.createSession({
          templateName: 'call_session',
          context: 'x' as unknown as Record<string, unknown>,
        }),
        'validation',
      );
      expect(fake.callsTo('getSession')).to.have.length(1);
      const error = await expectCode(client.getSession('other'), 'not-found');
      expect(error.raw).to.be.instanceOf(Map);
      expect(error.hostName).to.equal('getSession');
      fake.override('getSession', {
        result: new Map<string, unknown>([
          ['sessionId', 's9'],
          ['focussed', 'true'],
          ['context', '{"a":1}'],
          ['conversationId', 'conv-1'],
        ]),
      });
      expect(await client.getSession('s9')).to.deep.equal({
        sessionId: 's9',
        focused: true,
        context: { a: 1 },
        conversationId: 'conv-1',
      });
    });

    it('template-not-found from a configured session template list', async () => {
      const { client } = setup({ sessionTemplates: ['call_session'] });
      await expectCode(client.createSession({ templateName: 'chat' }), 'template-not-found');
    });

    it('requestFocusSession, setSessionTitle, notifyKpiBreach, notifyNewActivity', async () => {
      const { fake, client } = setup();
      const a = await client.createSession({ templateName: 's' });
      await client.createSession({ templateName: 's' });
      await client.requestFocusSession(a);
      expect(fake.sessions.get(a)!.attention).to.equal(true);
      await client.setSessionTitle({ sessionId: a, title: 'Call from Alex' });
      expect(fake.sessions.get(a)!.title).to.equal('Call from Alex');
      await client.notifyKpiBreach(a, false, 'Waiting 5 min');
      expect(fake.sessions.get(a)!.kpiBreach).to.deep.equal({
        reset: false,
        details: 'Waiting 5 min',
      });
      await client.notifyKpiBreach(a);
      expect(fake.callsTo('notifyKpiBreach')[1]!.args).to.deep.equal([a]);
      await client.notifyNewActivity(a, 3);
      expect(fake.sessions.get(a)!.activity).to.equal(3);
      await expectCode(client.notifyNewActivity(a, -1), 'validation');
      await expectCode(client.requestFocusSession('nope'), 'not-found');
      await expectCode(client.setSessionTitle({ sessionId: '' }), 'validation');
    });
  });

  describe('tabs', () => {
    it('createTab, getTabs, getFocusedTab, focusTab, refreshTab, setTabTitle, closeTab', async () => {
      const { fake, client } = setup();
      await client.createSession({ templateName: 's' });
      const t1 = await client.createTab({
        templateName: 'contact_tab',
        templateParameters: { entityId: 'x', tags: ['call'] },
      });
      const t2 = await client.createTab({ templateName: 'search_tab', isFocused: false });
      expect(fake.callsTo('createTab')[1]!.args[0]).to.deep.equal({
        templateName: 'search_tab',
        templateParameters: {},
        isFocused: false,
      });
      expect(await client.getTabs()).to.deep.equal([t1, t2]);
      expect(await client.getTabs('contact_tab')).to.deep.equal([t1]);
      expect(await client.getTabs(undefined, ['call'])).to.deep.equal([t1]);
      expect(await client.getFocusedTab()).to.equal(t1);
      await client.focusTab(t2);
      expect(await client.getFocusedTab()).to.equal(t2);
      await client.refreshTab(t2);
      expect(fake.tabs.get(t2)!.refreshed).to.equal(1);
      expect(await client.setTabTitle(t1, { title: 'Alex Baker' })).to.equal('Alex Baker');
      expect(await client.setTabTitle(t1, 'Alex B.')).to.equal('Alex B.');
      expect(fake.callsTo('setTabTitle')[1]!.args[1]).to.deep.equal({ title: 'Alex B.' });
      await client.closeTab(t2);
      expect(await client.getFocusedTab(), 'the tab before the closed one').to.equal(t1);
      await expectCode(client.focusTab(t2), 'not-found');
      await expectCode(client.refreshTab(''), 'validation');
      await expectCode(client.getTabs(undefined, [1] as unknown as string[]), 'validation');
      fake.override('setTabTitle', { result: undefined });
      expect(await client.setTabTitle(t1, 'T')).to.equal('');
    });

    it('rejects an unknown tab template with the documented {errorCode, message} object', async () => {
      const { client } = setup({ tabTemplates: ['contact_tab'] });
      const error = await expectCode(
        client.createTab({ templateName: 'other' }),
        'template-not-found',
      );
      expect(error.hostErrorCode).to.equal(404);
      expect(error.raw).to.deep.equal({
        errorCode: 404,
        message: 'Application tab template other not found',
      });
    });
  });

  describe('presence, analytics, conversations', () => {
    it('setPresence resolves false for a text that is not configured; getPresence reads the text', async () => {
      const { fake, client } = setup();
      expect(await client.setPresence('Busy')).to.equal(true);
      expect(await client.getPresence()).to.equal('Busy');
      expect(await client.setPresence('busy')).to.equal(false);
      fake.override('getPresence', { result: 'FAILED' });
      await expectCode(client.getPresence(), 'unknown');
      fake.override('getPresence', { result: { presenceInfo: { presenceText: 'Away' } } });
      expect(await client.getPresence()).to.equal('Away');
      fake.override('getPresence', { result: '{"presenceText":"On call"}' });
      expect(await client.getPresence()).to.equal('On call');
      fake.override('getPresence', { result: undefined });
      await expectCode(client.getPresence(), 'invalid-response');
    });

    it('logAnalyticsEvent sends the data object and event name', async () => {
      const { fake, client } = setup();
      const result = await client.logAnalyticsEvent(
        {
          conversationId: 'conv-1',
          providerSessionId: 'prov-1',
          events: [{ kpiEventName: 'CallAccepted', eventTimestamp: '2024-01-01T00:00:00Z' }],
        },
        'CallAccepted',
        { correlationId: 'corr' },
      );
      expect(result).to.equal('Success');
      expect(fake.analytics[0]!.eventName).to.equal('CallAccepted');
      expect(fake.callsTo('logAnalyticsEvent')[0]!.args[2]).to.equal('corr');
      await expectCode(
        client.logAnalyticsEvent(
          { conversationId: 'c', providerSessionId: 'p', events: 'x' } as never,
          'E',
        ),
        'validation',
      );
      fake.override('logAnalyticsEvent', { result: { ok: true } });
      expect(
        await client.logAnalyticsEvent(
          { conversationId: 'c', providerSessionId: 'p', events: [] },
          'E',
        ),
      ).to.equal('{"ok":true}');
    });

    it('updateConversation serialises data and resolves the conversation reference', async () => {
      const { fake, client } = setup({
        records: { msdyn_ocliveworkitem: [{ msdyn_ocliveworkitemid: 'conv-1' }] },
      });
      const ref = await client.updateConversation('{CONV-1}', { msdyn_title: 'Call' });
      expect(ref).to.deep.include({ id: 'conv-1', entityName: 'msdyn_ocliveworkitem' });
      expect(fake.callsTo('updateConversation')[0]!.args).to.deep.equal([
        'CONV-1',
        '{"msdyn_title":"Call"}',
      ]);
      expect(fake.records('msdyn_ocliveworkitem')[0]).to.include({ msdyn_title: 'Call' });
      // Each session has its conversation; an unknown one is not found.
      const sessionId = await client.createSession({ templateName: 's' });
      const { conversationId } = await client.getSession(sessionId);
      expect((await client.updateConversation(conversationId!, { statecode: 1 })).id).to.equal(
        conversationId,
      );
      await expectCode(client.updateConversation('conv-2', { a: 1 }), 'not-found');
    });
  });

  describe('errors, timeouts and abort', () => {
    it('normalises each rejection shape of the fake', async () => {
      const { fake, client } = setup();
      const shapes = [
        { shape: 'json', check: (e: CifError) => expect(e.raw).to.be.a('string') },
        { shape: 'map', check: (e: CifError) => expect(e.raw).to.be.instanceOf(Map) },
        { shape: 'object', check: (e: CifError) => expect(e.hostErrorCode).to.equal(500) },
        { shape: 'error', check: (e: CifError) => expect(e.cause).to.be.instanceOf(Error) },
        { shape: 'validation', check: (e: CifError) => expect(e.code).to.equal('validation') },
        { shape: 'native', check: (e: CifError) => expect(e.raw).to.be.instanceOf(Map) },
      ] as const;
      for (const { shape, check } of shapes) {
        fake.override('getWidth', { fail: { shape, message: 'Something broke' } });
        const error = await rejection(client.getWidth());
        expect(error.message).to.equal('Something broke');
        check(error);
      }
      fake.override('getWidth', { fail: { shape: 'raw', value: null } });
      expect((await rejection(client.getWidth())).message).to.equal(
        'getWidth failed without a message',
      );
    });

    it('turns a synchronous throw of the library into a CifError', async () => {
      const { fake, client } = setup();
      fake.override('getMode', { throws: new TypeError('boom') });
      const error = await expectCode(client.getMode(), 'unknown');
      expect(error.message).to.equal('boom');
    });

    it("maps the host's timeout text to timeout", async () => {
      const clock = sinon.useFakeTimers();
      try {
        const { fake, client } = setup({ version: 1 });
        fake.override('getEnvironment', { fail: 'timeout' });
        const pending = rejection(client.getEnvironment({ timeout: 0 }));
        await clock.tickAsync(10_000);
        const error = await pending;
        expect(error.code).to.equal('timeout');
        expect(error.message).to.equal(
          'Timeout occurred as no response was received from listener window',
        );
      } finally {
        clock.restore();
      }
    });

    it('times out a call that never answers at the per-call, per-API or default timeout', async () => {
      const clock = sinon.useFakeTimers();
      try {
        const fake = new FakeCIFramework({ version: 1 });
        fake.override('getMode', { never: true }).override('getWidth', { never: true });
        const client = createCifClient(fake.library, { timeouts: { getWidth: 2_000 } });
        const settled: string[] = [];
        const mode = client.getMode().catch((e: CifError) => settled.push(`mode:${e.code}`));
        const width = client.getWidth().catch((e: CifError) => settled.push(`width:${e.code}`));
        const quick = client
          .getMode({ timeout: 500 })
          .catch((e: CifError) => settled.push(`quick:${e.code}`));
        await clock.tickAsync(600);
        expect(settled).to.deep.equal(['quick:timeout']);
        await clock.tickAsync(1_500);
        expect(settled).to.deep.equal(['quick:timeout', 'width:timeout']);
        await clock.tickAsync(8_000);
        expect(settled).to.deep.equal(['quick:timeout', 'width:timeout', 'mode:timeout']);
        await Promise.all([mode, width, quick]);
      } finally {
        clock.restore();
      }
    });

    it('uses 100 s by default in CIF 2.0 and ignores a late answer', async () => {
      const clock = sinon.useFakeTimers();
      try {
        // A host whose own timeout is longer than the client's (the shipped library gives up after 10 s).
        const { fake, client } = setup({ hostTimeout: 200_000 });
        fake.override('getWidth', { delay: 150_000, result: 999 });
        let outcome = 'pending';
        const call = client.getWidth().then(
          () => (outcome = 'resolved'),
          (e: CifError) => (outcome = e.code),
        );
        await clock.tickAsync(99_000);
        expect(outcome).to.equal('pending');
        await clock.tickAsync(1_000);
        expect(outcome).to.equal('timeout');
        await clock.tickAsync(60_000);
        await call;
        expect(outcome).to.equal('timeout');
      } finally {
        clock.restore();
      }
    });

    it('treats 0, Infinity and delays beyond what timers honour as no timeout; NaN as the default', async () => {
      const clock = sinon.useFakeTimers();
      try {
        const fake = new FakeCIFramework();
        fake.override('getMode', { never: true }).override('notifyEvent', { never: true });
        const none = createCifClient(fake.library, { timeout: 0, handlerTimeout: Number.NaN });
        const settled: string[] = [];
        void none.getMode().catch(() => settled.push('zero'));
        void none.getMode({ timeout: 1e12 }).catch(() => settled.push('huge'));
        void none
          .notifyEvent({ templateName: 't' }, { timeout: Infinity })
          .catch(() => settled.push('notify'));
        const fallback = createCifClient(fake.library, { timeout: Number.NaN });
        void fallback.getMode().catch((e: CifError) => settled.push(`nan:${e.code}`));
        await clock.tickAsync(600_000);
        expect(settled).to.deep.equal(['nan:timeout']);
      } finally {
        clock.restore();
      }
    });

    it('gives openForm and createSession no default timeout (like the library); explicit ones apply', async () => {
      const clock = sinon.useFakeTimers();
      try {
        const fake = new FakeCIFramework();
        fake.override('openForm', { never: true }).override('createSession', { never: true });
        fake.override('notifyEvent', { never: true });
        const client = createCifClient(fake.library, { timeout: 1_000 });
        const settled: string[] = [];
        const note = (label: string) => (e: CifError) => settled.push(`${label}:${e.code}`);
        void client.openForm({ entityName: 'contact' }).catch(note('form'));
        void client.createSession({ templateName: 't' }).catch(note('session'));
        void client.notifyEvent({ templateName: 't' }).catch(note('notify'));
        void client
          .openForm({ entityName: 'contact' }, undefined, { timeout: 2_000 })
          .catch(note('form-call'));
        const perApi = createCifClient(fake.library, { timeouts: { createSession: 3_000 } });
        void perApi.createSession({ templateName: 't' }).catch(note('session-api'));
        await clock.tickAsync(3_000);
        expect(settled).to.deep.equal(['form-call:timeout', 'session-api:timeout']);
        await clock.tickAsync(CIF_NOTIFY_EVENT_TIMEOUT);
        // notifyEvent keeps its long default; openForm and createSession wait for the agent.
        expect(settled).to.deep.equal([
          'form-call:timeout',
          'session-api:timeout',
          'notify:timeout',
        ]);
        await clock.tickAsync(3_600_000);
        expect(settled).to.have.length(3);
      } finally {
        clock.restore();
      }
    });

    it('aborts through a signal, before or during the call', async () => {
      const { fake, client } = setup();
      const before = new AbortController();
      before.abort();
      await expectCode(client.getWidth({ signal: before.signal }), 'aborted');
      expect(fake.callsTo('getWidth')).to.have.length(0);
      fake.override('getWidth', { never: true });
      const during = new AbortController();
      const call = client.getWidth({ signal: during.signal });
      during.abort();
      await expectCode(call, 'aborted');
    });

    it('rejects options it cannot read with validation, without calling the library', async () => {
      const { fake, client } = setup();
      const hostile = new Proxy(
        {},
        {
          get() {
            throw new Error('trap');
          },
        },
      );
      const error = await expectCode(client.getWidth(hostile), 'validation');
      expect(error.message).to.equal('getWidth: the call options cannot be read: trap');
      await expectCode(client.getMode({ signal: {} as unknown as AbortSignal }), 'validation');
      expect(fake.calls).to.have.length(0);
    });

    it('gets the library timeout (10 s by default) before its own 100 s', async () => {
      const clock = sinon.useFakeTimers();
      try {
        const { fake, client } = setup();
        fake.override('getWidth', { delay: 60_000 });
        const pending = rejection(client.getWidth());
        await clock.tickAsync(10_000);
        const error = await pending;
        expect(error.code).to.equal('timeout');
        expect(error.raw).to.be.instanceOf(Map);
        expect(error.message).to.equal(
          'Timeout occurred as no response was received from listener window',
        );
      } finally {
        clock.restore();
      }
    });

    it('calls the library with the library as this', async () => {
      const library = {
        marker: 'lib',
        getMode(this: { marker: string }) {
          return Promise.resolve(this.marker === 'lib' ? 1 : 0);
        },
      };
      expect(await new CifClient(library, { version: 1 }).getMode()).to.equal(1);
    });
  });
});
