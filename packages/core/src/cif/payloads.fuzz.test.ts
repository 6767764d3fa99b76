/* eslint-disable @typescript-eslint/prefer-promise-reject-errors -- CIF rejects with strings and Maps; the tests reproduce it */
// Fuzzing what Dynamics sends the widget: event payloads (click-to-act, mode and size changes, page
// navigation, knowledge articles, session and presence events) as JSON strings, malformed JSON, Maps, raw
// objects and wrong types, through the client's handlers and the workflows that act on them; and results of
// every reading API through the client's parsers. Whatever arrives: nothing throws out of the client, the
// host always gets a settled promise, an app handler sees only the documented types (or is not called and
// the problem is reported as a CifError), and the workflows report what they cannot act on.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { fuzz, logFuzzSummary, useFuzzSeed } from '../../../emulator/src/test-utils/fuzz.js';
import { createCallStore } from '../calls/store.js';
import { SimulatedProvider } from '../calls/simulated-provider.js';
import { createPhoneNumbers } from '../phone/numbers.js';
import { FakeCIFramework } from '../testing/index.js';
import { startCifWorkflows, type WorkflowError } from '../workflows/index.js';
import {
  CifClient,
  createCifClient,
  isCifError,
  type CifApiName,
  type CifError,
  type CifEventName,
  type CifLibrary,
} from './index.js';

const FILE = 'core/cif/payloads.fuzz';

// ------------------------------------------------------------------------------------- generators

/** A wrong value for any field. */
const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom('{', '{}', '[]', 'null', '"x"', '<script>alert(1)</script>', '\u202e1234'),
);

/** The documented value most of the time, a wrong one sometimes, absent sometimes. */
function field<T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 5, arbitrary: valid }, { weight: 2, arbitrary: junk });
}

const guid = fc
  .uuid()
  .chain((id) => fc.constantFrom(id, `{${id.toUpperCase()}}`, id.toUpperCase(), `{${id}}`));
const phoneish = fc.oneof(
  fc.constantFrom('619-555-0129', '+44 20 7946 0958', '(416) 555-0143 x12', '', ' ', '+', '0'),
  fc.stringMatching(/^\+?[0-9 ()-]{0,18}$/),
  fc.string({ maxLength: 20 }),
);

/** An object payload of each event, fields right or wrong. */
const objects: Record<CifEventName, fc.Arbitrary<Record<string, unknown>>> = {
  onclicktoact: fc.record(
    {
      value: field(phoneish),
      name: field(fc.constantFrom('mobilephone', 'telephone1', 'emailaddress1')),
      format: field(fc.constantFrom('Phone', 'phone', 'Email', 'Text', '')),
      entityLogicalName: field(fc.constantFrom('contact', 'account', 'lead', '')),
      entityId: field(guid),
      recordTitle: field(fc.string({ maxLength: 20 })),
    },
    { requiredKeys: [] },
  ),
  onmodechanged: fc.record({ value: field(fc.constantFrom(0, 1, 2, 3, '0', '1', 4, -1)) }),
  onsizechanged: fc.record({ value: field(fc.oneof(fc.integer(), fc.constant('400'))) }),
  onpagenavigate: fc.record({
    value: field(
      fc
        .tuple(
          fc.constantFrom('https://org.crm.dynamics.com/main.aspx', 'not a url', '/main.aspx', ''),
          fc.dictionary(fc.constantFrom('appid', 'pagetype', 'etn', 'id', 'x'), fc.string(), {
            maxKeys: 4,
          }),
        )
        .map(([base, query]) => `${base}?${new URLSearchParams(query).toString()}`),
    ),
  }),
  onsendkbarticle: fc.record({ title: field(fc.string()), link: field(fc.webUrl()) }),
  onSessionSwitched: fc.record(
    {
      sessionId: field(fc.constantFrom('session-id-1', 'session-id-0', '')),
      focused: field(fc.boolean()),
      focussed: field(fc.boolean()),
      context: field(
        fc.oneof(
          fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 1 })),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
      ),
    },
    { requiredKeys: [] },
  ),
  onSessionClosed: fc.record(
    { sessionId: field(fc.string()), context: field(fc.object({ maxDepth: 1 })) },
    { requiredKeys: [] },
  ),
  onPresenceChange: fc.record({
    presenceInfo: field(
      fc.oneof(
        fc.record(
          {
            presenceText: field(fc.constantFrom('Available', 'Busy', 'Away', '')),
            presenceId: field(fc.string()),
            basePresenceStatus: field(fc.constantFrom('1', '2', 1)),
            presenceColor: field(fc.constantFrom('#00FF00', 'red')),
          },
          { requiredKeys: [] },
        ),
        fc.constant('{"presenceText":"Busy"}'),
      ),
    ),
  }),
};

const EVENTS = Object.keys(objects) as CifEventName[];

/** How the host encodes a payload: a JSON string (the real one), malformed JSON, a Map, a raw object, anything. */
function encoded(object: Record<string, unknown>): fc.Arbitrary<unknown> {
  const json = JSON.stringify(object);
  return fc.oneof(
    { weight: 6, arbitrary: fc.constant(json) },
    { weight: 1, arbitrary: fc.nat(json.length).map((cut) => json.slice(0, cut)) },
    { weight: 1, arbitrary: fc.constant(new Map(Object.entries(object))) },
    { weight: 1, arbitrary: fc.constant(object) },
    { weight: 1, arbitrary: fc.constant(JSON.stringify({ value: object })) },
    { weight: 1, arbitrary: junk },
    { weight: 1, arbitrary: fc.anything() },
  );
}

const delivery = fc
  .constantFrom(...EVENTS)
  .chain((event) =>
    objects[event].chain((object) => encoded(object).map((payload) => ({ event, payload }))),
  );

// ------------------------------------------------------------------------------------- checks

const isText = (v: unknown) => typeof v === 'string';
const optionalText = (v: unknown) => v === undefined || typeof v === 'string';
const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What an app handler may receive, per event (the documented types). */
const CHECKS: Record<CifEventName, (p: Record<string, unknown>) => boolean> = {
  onclicktoact: (p) =>
    isText(p.value) &&
    isText(p.name) &&
    isText(p.format) &&
    isText(p.entityLogicalName) &&
    optionalText(p.entityId) &&
    !String(p.entityId ?? '').includes('{') &&
    optionalText(p.recordTitle),
  onmodechanged: (p) => [0, 1, 2, 3].includes(p.value as number),
  onsizechanged: (p) => typeof p.value === 'number' && Number.isFinite(p.value),
  onpagenavigate: (p) =>
    isText(p.value) &&
    isObject(p.page) &&
    Object.values(p.page as object).every((v) => optionalText(v)),
  onsendkbarticle: (p) => isText(p.title) && isText(p.link),
  onSessionSwitched: (p) =>
    isText(p.sessionId) && typeof p.focused === 'boolean' && isObject(p.context),
  onSessionClosed: (p) => isText(p.sessionId) && isObject(p.context),
  onPresenceChange: (p) =>
    isObject(p.presenceInfo) &&
    isText((p.presenceInfo as Record<string, unknown>).presenceText) &&
    ['presenceId', 'basePresenceStatus', 'presenceColor'].every((k) =>
      optionalText((p.presenceInfo as Record<string, unknown>)[k]),
    ),
};

/** Uncaught exceptions and unhandled rejections during a test. */
function watchUncaught(): { readonly found: unknown[]; stop(): void } {
  const found: unknown[] = [];
  const onError = (event: ErrorEvent) => found.push(event.error ?? event.message);
  const onRejection = (event: PromiseRejectionEvent) => found.push(event.reason);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    found,
    stop() {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

/** Lets queued callbacks and rejection tracking run. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('CIF payload fuzzing', function () {
  this.timeout(40_000);
  let uncaught: ReturnType<typeof watchUncaught>;
  before(() => useFuzzSeed(FILE));
  after(() => logFuzzSummary(FILE));
  beforeEach(() => (uncaught = watchUncaught()));
  afterEach(async () => {
    await tick();
    uncaught.stop();
    expect(uncaught.found.map(String), 'uncaught errors').to.deep.equal([]);
  });

  it('event payloads: the host always gets a settled promise; handlers get documented types or the problem is reported', async () => {
    await fuzz(
      'events',
      fc.asyncProperty(delivery, async ({ event, payload }) => {
        const fake = new FakeCIFramework({ clickToAct: true });
        const errors: CifError[] = [];
        const client = createCifClient(fake.library, {
          handlerTimeout: 1_000,
          onError: (error) => errors.push(error),
        });
        const received: unknown[] = [];
        client.on(event, (p: unknown) => {
          received.push(p);
        });
        const [handler] = fake.handlers(event);
        expect(handler, `a host handler for ${event}`).to.be.a('function');
        let answer: unknown;
        expect(() => (answer = handler!(payload))).to.not.throw();
        expect(answer, 'the host gets a promise').to.be.instanceOf(Promise);
        const outcome = await (answer as Promise<unknown>).then(
          () => 'resolved',
          (reason: unknown) =>
            typeof reason === 'string' ? 'rejected' : `bad reason ${String(reason)}`,
        );
        expect(outcome).to.be.oneOf(['resolved', 'rejected']);
        expect(received.length).to.be.at.most(1);
        if (received.length === 1) {
          const p = received[0] as Record<string, unknown>;
          expect(CHECKS[event](p), `${event} payload ${JSON.stringify(p)}`).to.equal(true);
          expect(isObject(p.raw), 'raw is the parsed object').to.equal(true);
        } else {
          expect(errors.length, `${event}: an unread payload is reported`).to.be.at.least(1);
          expect(outcome).to.equal('rejected');
        }
        for (const error of errors) expect(isCifError(error)).to.equal(true);
        client.dispose();
      }),
      1600,
    );
  });

  it('workflows acting on events (click-to-act, presence) dial only clean numbers and report the rest', async () => {
    const action = fc.oneof(
      {
        weight: 3,
        arbitrary: objects.onclicktoact.chain(encoded).map((p) => ['onclicktoact', p] as const),
      },
      {
        weight: 1,
        arbitrary: objects.onPresenceChange
          .chain(encoded)
          .map((p) => ['onPresenceChange', p] as const),
      },
      { weight: 1, arbitrary: delivery.map(({ event, payload }) => [event, payload] as const) },
    );
    const phone = createPhoneNumbers({ defaultRegion: 'US' });
    await phone.load();
    await fuzz(
      'workflows',
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 6 }), async (actions) => {
        const fake = new FakeCIFramework({ clickToAct: true, presences: ['Available', 'Busy'] });
        const client = createCifClient(fake.library, {
          handlerTimeout: 1_000,
          onError: () => undefined,
        });
        const provider = new SimulatedProvider({ latencyMs: 0 });
        const store = createCallStore({
          provider,
          storage: null,
          ownership: false,
          normalise: (raw) => phone.toE164(raw),
        });
        const reported: WorkflowError[] = [];
        const workflows = startCifWorkflows({
          client,
          store,
          phone,
          storage: null,
          onError: (error) => reported.push(error),
          clickToAct: true,
          presence: { onCall: 'Busy' },
        });
        try {
          await store.ready;
          for (const [event, payload] of actions) {
            for (const handler of fake.handlers(event)) {
              const answer = handler(payload) as Promise<unknown>;
              await answer.catch(() => undefined);
            }
          }
          await tick();
          for (const call of store.getSnapshot().calls) {
            expect(call.direction).to.equal('outbound');
            expect(call.remoteNumber.replace(/[\s().\-/]/g, ''), 'a dialled number').to.match(
              /^\+?[0-9*#]+$/,
            );
            if (call.regarding) {
              expect(call.regarding.entityName).to.be.a('string').and.not.equal('');
              expect(call.regarding.id).to.be.a('string').and.not.match(/[{}]/);
            }
          }
          for (const error of reported) {
            expect(error.message, 'a message for the agent').to.be.a('string').and.not.equal('');
          }
        } finally {
          workflows.stop();
          store.dispose();
          provider.dispose();
          client.dispose();
        }
      }),
      400,
    );
  });

  it('a case fuzzing found: click-to-act on a field holding no phone number dials nothing and says why', async () => {
    const fake = new FakeCIFramework({ clickToAct: true });
    const client = createCifClient(fake.library, { onError: () => undefined });
    const provider = new SimulatedProvider({ latencyMs: 0 });
    const phone = createPhoneNumbers({ defaultRegion: 'US' });
    const store = createCallStore({ provider, storage: null, ownership: false });
    const reported: WorkflowError[] = [];
    const workflows = startCifWorkflows({
      client,
      store,
      phone,
      storage: null,
      onError: (error) => reported.push(error),
      clickToAct: true,
    });
    try {
      await store.ready;
      for (const value of ['@', 'ask at reception', 'sip:'])
        await fake.clickToActFrom({ value, name: 'telephone1', entityLogicalName: 'account' });
      expect(store.getSnapshot().calls).to.deep.equal([]);
      expect(provider.actionsOf('dial')).to.deep.equal([]);
      expect(reported.map((e) => e.message)).to.deep.equal([
        'click-to-act: "@" is not a phone number; nothing was dialled',
        'click-to-act: "ask at reception" is not a phone number; nothing was dialled',
        'click-to-act: "sip:" is not a phone number; nothing was dialled',
      ]);
      await fake.clickToActFrom({
        value: '(619) 555-0129 x12',
        name: 'telephone1',
        entityLogicalName: 'account',
      });
      expect(store.getSnapshot().calls.map((c) => c.remoteNumber)).to.deep.equal(['+16195550129']);
    } finally {
      workflows.stop();
      store.dispose();
      provider.dispose();
    }
  });

  it('results of reading APIs: resolved values have the documented types, anything else is a CifError', async () => {
    const value = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
      fc
        .dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 }))
        .map((o) => new Map(Object.entries(o))),
      fc.constantFrom<unknown>(
        '{"value":{"actionName":"Accept","responseReason":"Accept"}}',
        '{"actionName":"Reject","responseReason":"DisplayTimeout"}',
        '{"0":{"fullname":"A"},"1":{"fullname":"B"}}',
        new Map<string, unknown>([
          ['sessionId', 's1'],
          ['focused', 'true'],
          ['context', '{"a":1}'],
        ]),
        '{"userId":"{A8177E6E-0000-0000-0000-000000000000}","userLcid":"1033","customParams":"{\\"x\\":1}"}',
        '{"id":"{7D0C1C58-0000-0000-0000-000000000000}"}',
        '{"savedEntityReference":[{"entityType":"contact","id":"{1}","name":"x"}]}',
        '"1"',
        '{',
      ),
      junk,
    );
    const checks: [CifApiName, (c: CifClient) => Promise<unknown>, (v: unknown) => boolean][] = [
      ['getMode', (c) => c.getMode(), (v) => [0, 1, 2, 3].includes(v as number)],
      ['getWidth', (c) => c.getWidth(), (v) => typeof v === 'number' && Number.isFinite(v)],
      ['getClickToAct', (c) => c.getClickToAct(), (v) => typeof v === 'boolean'],
      ['canCreateSession', (c) => c.canCreateSession(), (v) => typeof v === 'boolean'],
      [
        'getEnvironment',
        (c) => c.getEnvironment(),
        (v) => {
          const env = v as Record<string, unknown>;
          return (
            isObject(env.raw) &&
            ['userId', 'orgId', 'id'].every(
              (k) => optionalText(env[k]) && !String(env[k] ?? '').includes('{'),
            ) &&
            ['userLcid', 'orgLcid'].every((k) => env[k] === undefined || Number.isFinite(env[k]))
          );
        },
      ],
      [
        'searchAndOpenRecords',
        (c) => c.searchAndOpenRecords('contact', { select: ['fullname'] }, true),
        (v) => Array.isArray(v) && v.every(isObject),
      ],
      ['retrieveRecord', (c) => c.retrieveRecord('contact', '1'), isObject],
      [
        'createRecord',
        (c) => c.createRecord('phonecall', { subject: 'x' }),
        (v) => isText((v as { id?: unknown }).id) && !(v as { id: string }).id.includes('{'),
      ],
      [
        'notifyEvent',
        (c) => c.notifyEvent({ templateName: 't' }),
        (v) => {
          const r = v as Record<string, unknown>;
          return (
            ['Accept', 'Reject', 'Timeout', 'Unknown'].includes(r.action as string) &&
            r.accepted === (r.action === 'Accept') &&
            isText(r.reason)
          );
        },
      ],
      [
        'getSession',
        (c) => c.getSession('s1'),
        (v) => {
          const s = v as Record<string, unknown>;
          return isText(s.sessionId) && typeof s.focused === 'boolean' && isObject(s.context);
        },
      ],
      ['getAllSessions', (c) => c.getAllSessions(), (v) => Array.isArray(v) && v.every(isText)],
      ['getFocusedSession', (c) => c.getFocusedSession(), (v) => v === null || isText(v)],
      ['getPresence', (c) => c.getPresence(), isText],
      [
        'openForm',
        (c) => c.openForm({ entityName: 'contact' }, undefined, { timeout: 1_000 }),
        (v) => {
          const refs = (v as { savedEntityReference?: unknown }).savedEntityReference;
          return (
            Array.isArray(refs) &&
            refs.every((r: Record<string, unknown>) => isText(r.entityType) && isText(r.id))
          );
        },
      ],
    ];
    await fuzz(
      'results',
      fc.asyncProperty(
        fc.constantFrom(...checks),
        value,
        fc.boolean(),
        async ([api, call, check], result, reject) => {
          const library: CifLibrary = {
            [api]: () => (reject ? Promise.reject(result) : Promise.resolve(result)),
            addHandler: () => undefined,
            removeHandler: () => undefined,
          };
          const client = new CifClient(library, { version: 2, timeout: 1_000 });
          const outcome = await call(client).then(
            (v) => ({ ok: true as const, v }),
            (error: unknown) => ({ ok: false as const, error }),
          );
          if (outcome.ok) {
            expect(reject, `${api} resolved a rejection`).to.equal(false);
            expect(check(outcome.v), `${api} resolved ${JSON.stringify(outcome.v)}`).to.equal(true);
          } else {
            expect(
              isCifError(outcome.error),
              `${api} rejected with ${String(outcome.error)}`,
            ).to.equal(true);
            expect((outcome.error as CifError).message)
              .to.be.a('string')
              .and.not.equal('');
          }
        },
      ),
      700,
    );
  });
});
