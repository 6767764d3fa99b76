/* eslint-disable @typescript-eslint/prefer-promise-reject-errors -- CIF rejects with strings, Maps and objects; the tests reproduce it */
/**
 * Property tests: whatever the library resolves or rejects, and whatever the host delivers to handlers,
 * the client settles every call with a typed result or a CifError, never anything else, never later than
 * its timeout; and handlers always answer the host with a settled promise.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import sinon from 'sinon';
import {
  CIF_ERROR_CODES,
  CIF_V1_EVENTS,
  CIF_V2_EVENTS,
  CIF_UNBOUNDED_APIS,
  CifClient,
  isCifError,
  type CifApiName,
  type CifLibrary,
} from '../index.js';
import { FakeCIFramework } from '../testing/index.js';

/** Values a library might produce: JSON-ish data, its JSON text, Maps, array-likes, errors, hostile objects. */
function hostValue(): fc.Arbitrary<unknown> {
  const json = fc.jsonValue({ maxDepth: 3 });
  const hostile = fc.constantFrom<unknown>(
    new Proxy(
      {},
      {
        get() {
          throw new Error('trap');
        },
        ownKeys() {
          throw new Error('trap');
        },
      },
    ),
    Object.defineProperty({}, 'then', {
      get() {
        throw new Error('then trap');
      },
    }),
    {
      then: (_: unknown, reject: (reason: unknown) => void) =>
        reject('{"message":"thenable failure"}'),
    },
    Symbol('s'),
    () => 'fn',
    10n,
    Number.NaN,
    '{"message":',
    '<img src=x onerror=alert(1)>',
    new Error('boom'),
    Object.create(null) as unknown,
  );
  return fc.oneof(
    json,
    json.map((value) => JSON.stringify(value)),
    fc
      .dictionary(fc.string(), json, { maxKeys: 4 })
      .map((object) => new Map(Object.entries(object))),
    fc
      .array(json, { maxLength: 4 })
      .map((items) => Object.fromEntries(items.map((item, i) => [String(i), item]))),
    fc
      .record({ message: fc.oneof(fc.string(), json), msdyn_name: fc.string() })
      .map((o) => JSON.stringify(o)),
    fc.record({ errorCode: fc.integer(), message: fc.string() }),
    fc.string().map((message) => new Error(message)),
    fc.anything(),
    hostile,
  );
}

type Behaviour =
  | { kind: 'resolve'; value: unknown }
  | { kind: 'reject'; value: unknown }
  | { kind: 'throw'; value: unknown }
  | { kind: 'return'; value: unknown }
  | { kind: 'never' }
  | { kind: 'late'; value: unknown; delay: number };

function behaviour(): fc.Arbitrary<Behaviour> {
  return fc.oneof(
    hostValue().map((value) => ({ kind: 'resolve' as const, value })),
    hostValue().map((value) => ({ kind: 'reject' as const, value })),
    hostValue().map((value) => ({ kind: 'throw' as const, value })),
    hostValue().map((value) => ({ kind: 'return' as const, value })),
    fc.constant({ kind: 'never' as const }),
    fc.tuple(hostValue(), fc.integer({ min: 1, max: 5_000 })).map(([value, delay]) => ({
      kind: 'late' as const,
      value,
      delay,
    })),
  );
}

function libraryFor(api: CifApiName, b: Behaviour): CifLibrary {
  const fn = () => {
    switch (b.kind) {
      case 'resolve':
        return Promise.resolve(b.value);
      case 'reject':
        return Promise.reject(b.value);
      case 'throw':
        throw b.value;
      case 'return':
        return b.value;
      case 'never':
        return new Promise(() => undefined);
      case 'late':
        return new Promise((resolve) => setTimeout(() => resolve(b.value), b.delay));
    }
  };
  return { [api]: fn, addHandler: () => undefined, removeHandler: () => undefined };
}

/** Every client method with plausible arguments (arbitrary arguments are covered separately). */
const CALLS: readonly [
  CifApiName,
  (client: CifClient, timeout: number | undefined) => Promise<unknown>,
][] = [
  ['setClickToAct', (c, timeout) => c.setClickToAct(true, { timeout })],
  ['getClickToAct', (c, timeout) => c.getClickToAct({ timeout })],
  ['setMode', (c, timeout) => c.setMode(1, { timeout })],
  ['getMode', (c, timeout) => c.getMode({ timeout })],
  ['setWidth', (c, timeout) => c.setWidth(400, { timeout })],
  ['getWidth', (c, timeout) => c.getWidth({ timeout })],
  ['getEnvironment', (c, timeout) => c.getEnvironment({ timeout })],
  ['createRecord', (c, timeout) => c.createRecord('phonecall', { subject: 'x' }, { timeout })],
  ['retrieveRecord', (c, timeout) => c.retrieveRecord('contact', '{1}', undefined, { timeout })],
  ['updateRecord', (c, timeout) => c.updateRecord('contact', '1', { a: 1 }, { timeout })],
  ['deleteRecord', (c, timeout) => c.deleteRecord('contact', '1', { timeout })],
  [
    'searchAndOpenRecords',
    (c, timeout) => c.searchAndOpenRecords('contact', '', true, { timeout }),
  ],
  ['openForm', (c, timeout) => c.openForm({ entityName: 'contact' }, undefined, { timeout })],
  ['renderSearchPage', (c, timeout) => c.renderSearchPage('contact', 'x', { timeout })],
  ['getEntityMetadata', (c, timeout) => c.getEntityMetadata('contact', undefined, { timeout })],
  ['raiseEvent', (c, timeout) => c.raiseEvent('e', { a: 1 }, { timeout })],
  ['updateContext', (c, timeout) => c.updateContext({ a: 1 }, undefined, undefined, { timeout })],
  ['notifyEvent', (c, timeout) => c.notifyEvent({ templateName: 't' }, { timeout })],
  ['cancelEvent', (c, timeout) => c.cancelEvent('t', { timeout })],
  ['canCreateSession', (c, timeout) => c.canCreateSession({ timeout })],
  ['createSession', (c, timeout) => c.createSession({ templateName: 't' }, { timeout })],
  ['getSession', (c, timeout) => c.getSession('s', { timeout })],
  ['getFocusedSession', (c, timeout) => c.getFocusedSession({ timeout })],
  ['getAllSessions', (c, timeout) => c.getAllSessions({ timeout })],
  ['requestFocusSession', (c, timeout) => c.requestFocusSession('s', { timeout })],
  [
    'setSessionTitle',
    (c, timeout) => c.setSessionTitle({ sessionId: 's', title: 't' }, { timeout }),
  ],
  ['createTab', (c, timeout) => c.createTab({ templateName: 't' }, { timeout })],
  ['getTabs', (c, timeout) => c.getTabs(undefined, undefined, { timeout })],
  ['getFocusedTab', (c, timeout) => c.getFocusedTab({ timeout })],
  ['focusTab', (c, timeout) => c.focusTab('t', { timeout })],
  ['refreshTab', (c, timeout) => c.refreshTab('t', { timeout })],
  ['closeTab', (c, timeout) => c.closeTab('t', { timeout })],
  ['setTabTitle', (c, timeout) => c.setTabTitle('t', 'x', { timeout })],
  ['notifyKpiBreach', (c, timeout) => c.notifyKpiBreach('s', undefined, undefined, { timeout })],
  ['notifyNewActivity', (c, timeout) => c.notifyNewActivity('s', 1, { timeout })],
  ['setPresence', (c, timeout) => c.setPresence('Busy', { timeout })],
  ['getPresence', (c, timeout) => c.getPresence({ timeout })],
  [
    'logAnalyticsEvent',
    (c, timeout) =>
      c.logAnalyticsEvent({ conversationId: 'c', providerSessionId: 'p', events: [] }, 'E', {
        timeout,
      }),
  ],
  ['updateConversation', (c, timeout) => c.updateConversation('c', { a: 1 }, { timeout })],
];

describe('CifClient properties', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => {
    clock = sinon.useFakeTimers();
  });
  afterEach(() => clock.restore());

  it('covers every documented method', () => {
    const covered = new Set(CALLS.map(([api]) => api));
    expect(covered.size).to.equal(CALLS.length);
    expect(covered.size).to.equal(41 - 2); // all 41 APIs except addHandler/removeHandler, covered by events below
  });

  // Every call passes an explicit timeout: openForm and createSession have no default one (see below).
  it('settles every call with a result or a CifError, no later than its timeout', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...CALLS),
        behaviour(),
        fc.integer({ min: 1, max: 3_000 }),
        async ([api, call], b, timeout) => {
          const client = new CifClient(libraryFor(api, b), { version: 2 });
          let outcome: { ok: true } | { ok: false; error: unknown } | undefined;
          let promise: Promise<unknown>;
          try {
            promise = call(client, timeout);
          } catch (error) {
            throw new Error(`${api} threw synchronously: ${String(error)}`);
          }
          void promise.then(
            () => (outcome = { ok: true }),
            (error: unknown) => (outcome = { ok: false, error }),
          );
          await clock.tickAsync(timeout);
          expect(outcome, `${api} still pending after ${timeout} ms`).to.not.equal(undefined);
          if (outcome && !outcome.ok) {
            expect(
              isCifError(outcome.error),
              `${api} rejected with ${String(outcome.error)}`,
            ).to.equal(true);
            expect(CIF_ERROR_CODES).to.include((outcome.error as { code: string }).code);
          }
          if (b.kind === 'never' || (b.kind === 'late' && b.delay > timeout)) {
            expect(outcome).to.deep.include({ ok: false });
            expect((outcome as { error: { code: string } }).error.code).to.equal('timeout');
          }
          await clock.runAllAsync();
        },
      ),
      { numRuns: 200 },
    );
  });

  it('settles every call by the default timeout, except the APIs the library never times out', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...CALLS.filter(([api]) => api !== 'notifyEvent')),
        fc.integer({ min: 1, max: 3_000 }),
        async ([api, call], timeout) => {
          const client = new CifClient(libraryFor(api, { kind: 'never' }), { version: 2, timeout });
          let outcome: string | undefined;
          void call(client, undefined).then(
            () => (outcome = 'resolved'),
            (error: { code?: string }) => (outcome = error.code),
          );
          await clock.tickAsync(timeout);
          if (CIF_UNBOUNDED_APIS.includes(api)) {
            // openForm waits for the agent to save the form; createSession behind host prompts.
            await clock.tickAsync(3_600_000);
            expect(outcome, `${api} timed out without an explicit timeout`).to.equal(undefined);
          } else {
            expect(outcome, `${api} still pending after ${timeout} ms`).to.equal('timeout');
          }
          await clock.runAllAsync();
        },
      ),
      { numRuns: 100 },
    );
  });

  it('rejects only with CifError for arbitrary arguments too', async () => {
    const fake = new FakeCIFramework({ records: { contact: [{ fullname: 'Alex' }] } });
    const client = new CifClient(fake.library);
    const arg = fc.oneof(fc.anything(), hostValue());
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...CALLS.map(([api]) => api)),
        fc.array(arg, { maxLength: 4 }),
        async (api, args) => {
          const method = (
            client as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>
          )[api]!;
          let settled = false;
          let failure: unknown;
          const promise = method.apply(client, [...args, { timeout: 1_000 }]);
          void promise.then(
            () => (settled = true),
            (error: unknown) => {
              settled = true;
              failure = error;
            },
          );
          await clock.tickAsync(1_000);
          expect(settled, `${api} pending`).to.equal(true);
          if (failure !== undefined)
            expect(isCifError(failure), `${api} rejected with something else`).to.equal(true);
          fake.reset();
        },
      ),
      { numRuns: 150 },
    );
  });

  it('answers the host with a promise that settles for any payload and any app handler', async () => {
    const events = [...CIF_V1_EVENTS, ...CIF_V2_EVENTS, 'customEvent'];
    const handler = fc.constantFrom<(payload: unknown) => unknown>(
      () => undefined,
      () => {
        throw new Error('app bug');
      },
      () => Promise.reject(new Error('async app bug')),
      () => new Promise(() => undefined),
      () => Symbol('not json'),
      (payload) => Promise.resolve(payload),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...events),
        hostValue(),
        handler,
        async (event, payload, appHandler) => {
          const fake = new FakeCIFramework({ hostTimeout: 10_000 });
          const client = new CifClient(fake.library, {
            handlerTimeout: 2_000,
            onError: () => undefined,
          });
          client.on(event, appHandler);
          const [registered] = fake.handlers(event);
          let returned: unknown;
          expect(() => (returned = registered!(payload))).to.not.throw();
          expect(returned).to.be.instanceOf(Promise);
          let settled = false;
          let reason: unknown = 'none';
          (returned as Promise<unknown>).then(
            () => (settled = true),
            (why: unknown) => {
              settled = true;
              reason = why;
            },
          );
          await clock.tickAsync(2_000);
          expect(settled, `${event} handler promise pending`).to.equal(true);
          expect(reason, 'the host gets a message string on failure').to.be.a('string');
        },
      ),
      { numRuns: 150 },
    );
  });
});
