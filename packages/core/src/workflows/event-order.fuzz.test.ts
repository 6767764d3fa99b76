// Fuzzing event orders across the call store and activity logging: random sequences of phone-system events
// (rings, remote answers and hang-ups, failures), agent commands (answer, decline, hold, hang up, wrap-up),
// failing or slow createRecord answers, and widget reloads (the store and the workflows thrown away and
// started again over the same storage, as a reloaded page does). Invariants: nothing throws, commands
// reject only with CallErrors, no call ends twice or comes back, and once everything has settled every
// finished call has exactly one phonecall activity (none missing, none twice).
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { fuzz, logFuzzSummary, useFuzzSeed } from '../../../emulator/src/test-utils/fuzz.js';
import { isCallError } from '../calls/errors.js';
import { memoryStorage } from '../calls/harness.test.js';
import { SimulatedProvider } from '../calls/simulated-provider.js';
import { createCallStore, type CallStore } from '../calls/store.js';
import type { Call } from '../calls/types.js';
import { createCifClient } from '../cif/index.js';
import { createPhoneNumbers } from '../phone/numbers.js';
import { FakeCIFramework } from '../testing/index.js';
import { startCifWorkflows, type CifWorkflows } from './index.js';

const FILE = 'core/workflows/event-order.fuzz';
const NUMBERS = ['+442079460958', '+16195550129', '+4930901820', '+27825550101'];

type Step =
  | { readonly kind: 'ring'; readonly number: number }
  | {
      readonly kind: 'agent';
      readonly what: 'answer' | 'decline' | 'hangUp' | 'hold' | 'resume' | 'wrapUp';
      readonly target: number;
    }
  | {
      readonly kind: 'remote';
      readonly what: 'answer' | 'hangUp' | 'fail';
      readonly target: number;
    }
  | { readonly kind: 'dataverse'; readonly what: 'fail' | 'slow' | 'timeout' }
  | { readonly kind: 'wait'; readonly ms: number }
  | { readonly kind: 'reload' };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('ring' as const), number: fc.nat(3) }) },
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('agent' as const),
      what: fc.constantFrom(
        'answer' as const,
        'decline' as const,
        'hangUp' as const,
        'hold' as const,
        'resume' as const,
        'wrapUp' as const,
      ),
      target: fc.nat(5),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('remote' as const),
      what: fc.constantFrom('answer' as const, 'hangUp' as const, 'fail' as const),
      target: fc.nat(5),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('dataverse' as const),
      what: fc.constantFrom('fail' as const, 'slow' as const, 'timeout' as const),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('wait' as const),
      ms: fc.integer({ min: 0, max: 30 }),
    }),
  },
  { weight: 2, arbitrary: fc.constant({ kind: 'reload' as const }) },
);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('event order fuzzing: call store and activity logging', function () {
  this.timeout(40_000);
  before(() => useFuzzSeed(FILE));
  after(() => logFuzzSummary(FILE));

  it('any order of events, commands, Dataverse faults and reloads: each finished call is logged exactly once', async () => {
    const phone = createPhoneNumbers({ defaultRegion: 'US', autoLoad: false });
    await fuzz(
      'event orders',
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 30 }), async (steps) => {
        // The fake's Dataverse answers as slowly as the step says; the client times out at 40 ms.
        const fake = new FakeCIFramework({ hostTimeout: 40 });
        const provider = new SimulatedProvider({
          latencyMs: 0,
          outbound: { alertAfterMs: null, answerAfterMs: null },
        });
        const storage = memoryStorage();
        const namespace = 'event-order';
        const unexpected: unknown[] = [];
        const endings = new Map<string, number>();
        let store!: CallStore;
        let workflows!: CifWorkflows;
        let watch: () => void = () => undefined;
        const start = () => {
          store = createCallStore({
            provider,
            storage,
            namespace,
            ownership: false,
            normalise: (n) => n,
          });
          const client = createCifClient(fake.library, { timeout: 40, onError: () => undefined });
          workflows = startCifWorkflows({
            client,
            store,
            phone,
            storage,
            namespace,
            onError: () => undefined,
            activity: {
              retryDelaysMs: [0, 5, 5, 5, 5],
              fields: (call: Call) => ({ description: call.id }),
            },
          });
          let seen = new Map(store.getSnapshot().history.map((c) => [c.id, c.state]));
          for (const c of store.getSnapshot().calls) seen.set(c.id, c.state);
          watch = store.subscribe(() => {
            const snapshot = store.getSnapshot();
            const now = new Map(
              [...snapshot.calls, ...snapshot.history].map((c) => [c.id, c.state]),
            );
            for (const [id, state] of now) {
              if (state === 'ended' && seen.get(id) !== 'ended')
                endings.set(id, (endings.get(id) ?? 0) + 1);
              if (seen.get(id) === 'ended') expect(state, `call ${id} came back`).to.equal('ended');
            }
            seen = now;
          });
        };
        const stop = () => {
          watch();
          workflows.stop();
          store.dispose();
        };
        const track = (promise: Promise<unknown>) =>
          void promise.catch((error: unknown) => {
            if (!isCallError(error)) unexpected.push(error);
          });
        const pick = (index: number): string | undefined => {
          const calls = store.getSnapshot().calls;
          return calls.length ? calls[index % calls.length]!.id : undefined;
        };
        start();
        try {
          await store.ready;
          for (const s of steps) {
            const id = 'target' in s ? pick(s.target) : undefined;
            switch (s.kind) {
              case 'ring':
                provider.ring(NUMBERS[s.number]!);
                break;
              case 'agent':
                if (!id) break;
                if (s.what === 'answer') track(store.answer(id));
                if (s.what === 'decline') track(store.decline(id));
                if (s.what === 'hangUp') track(store.hangUp(id));
                if (s.what === 'hold') track(store.setHeld(id, true));
                if (s.what === 'resume') track(store.setHeld(id, false));
                if (s.what === 'wrapUp') track(store.completeWrapUp(id, { notes: 'fuzz' }));
                break;
              case 'remote':
                if (!id) break;
                if (s.what === 'answer') provider.remoteAnswer(id);
                if (s.what === 'hangUp') provider.remoteHangUp(id);
                if (s.what === 'fail') provider.failCall(id);
                break;
              case 'dataverse':
                fake.override(
                  'createRecord',
                  s.what === 'fail'
                    ? { fail: 'json', times: 1 }
                    : s.what === 'slow'
                      ? { delay: 20, times: 1 }
                      : { delay: 60, times: 1 },
                );
                break;
              case 'wait':
                await sleep(s.ms);
                break;
              case 'reload':
                stop();
                start();
                await store.ready;
                break;
            }
            await sleep(0);
          }
          // The agent finishes every call, then the queue drains (a job that gave up is retried, as the
          // softphone's Retry does).
          fake.reset('createRecord');
          for (const call of store.getSnapshot().calls) {
            if (call.state !== 'ended') {
              await store
                .hangUp(call.id)
                .catch(() => store.decline(call.id))
                .catch(() => provider.remoteHangUp(call.id));
            }
          }
          await sleep(5);
          for (const call of store.getSnapshot().calls)
            await store.completeWrapUp(call.id).catch(() => undefined);
          for (
            let round = 0;
            round < 50 && (workflows.activities?.getSnapshot().length ?? 0) > 0;
            round++
          ) {
            await workflows.activities?.retry();
            await sleep(10);
          }
          const finished = store.getSnapshot().history.map((c) => c.id);
          const logged = fake.records('phonecall').map((r) => r.description as string);
          expect(workflows.activities?.getSnapshot(), 'queue drained').to.deep.equal([]);
          for (const callId of finished) {
            expect(logged.filter((d) => d === callId).length, `activities of ${callId}`).to.equal(
              1,
            );
          }
          expect(new Set(logged).size, 'no activity twice').to.equal(logged.length);
          for (const [callId, count] of endings) expect(count, `${callId} ended once`).to.equal(1);
          expect(unexpected.map(String), 'commands reject only with CallErrors').to.deep.equal([]);
        } finally {
          stop();
          provider.dispose();
        }
      }),
      200,
    );
  });
});
