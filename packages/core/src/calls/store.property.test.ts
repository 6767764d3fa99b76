import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import sinon from 'sinon';
import { isCallError } from './errors.js';
import { memoryStorage } from './harness.test.js';
import type { DialRequest, ProviderEvent } from './provider.js';
import { SimulatedProvider } from './simulated-provider.js';
import { createCallStore, type CallStore, type CallStoreOptions } from './store.js';
import type { Call, CallStoreSnapshot } from './types.js';

type Command =
  | 'answer'
  | 'decline'
  | 'hangUp'
  | 'mute'
  | 'unmute'
  | 'hold'
  | 'resume'
  | 'digits'
  | 'transfer'
  | 'consult'
  | 'completeTransfer'
  | 'merge'
  | 'record'
  | 'pause'
  | 'wrapUp'
  | 'notes';

type Action =
  | { readonly kind: 'ring'; readonly number: string }
  | { readonly kind: 'burst'; readonly count: number }
  | { readonly kind: 'dial'; readonly number: string }
  | {
      readonly kind: 'command';
      readonly command: Command;
      readonly target: number;
      readonly other: number;
    }
  | {
      readonly kind: 'remote';
      readonly what: 'alert' | 'answer' | 'hangUp' | 'fail';
      readonly target: number;
    }
  | {
      readonly kind: 'event';
      readonly type: ProviderEvent['type'];
      readonly target: number;
      readonly flag: boolean;
    }
  | {
      readonly kind: 'failNext';
      readonly command: 'answer' | 'setHeld' | 'dial' | 'hangUp' | 'consult';
    }
  | { readonly kind: 'tick'; readonly ms: number }
  | { readonly kind: 'reload' };

const NUMBERS = ['+16195550129', '+442079460958', '619-555-0199', '+4930901820', 'garbage'];
const COMMANDS: readonly Command[] = [
  'answer',
  'decline',
  'hangUp',
  'mute',
  'unmute',
  'hold',
  'resume',
  'digits',
  'transfer',
  'consult',
  'completeTransfer',
  'merge',
  'record',
  'pause',
  'wrapUp',
  'notes',
];

const action: fc.Arbitrary<Action> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant('burst' as const),
      count: fc.integer({ min: 2, max: 5 }),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('ring' as const),
      number: fc.constantFrom(...NUMBERS),
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('dial' as const),
      number: fc.constantFrom(...NUMBERS),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('command' as const),
      // Answer, hold and resume often, so calls get connected and several are up at once.
      command: fc.oneof(
        { arbitrary: fc.constantFrom<Command>('answer', 'hold', 'resume'), weight: 2 },
        { arbitrary: fc.constantFrom(...COMMANDS), weight: 3 },
      ),
      target: fc.nat(8),
      other: fc.nat(8),
    }),
    weight: 8,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('remote' as const),
      what: fc.constantFrom(
        'alert' as const,
        'answer' as const,
        'hangUp' as const,
        'fail' as const,
      ),
      target: fc.nat(8),
    }),
    weight: 3,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('event' as const),
      type: fc.constantFrom<ProviderEvent['type']>(
        'alerting',
        'connected',
        'held',
        'ended',
        'failed',
        'muted',
        'recording',
      ),
      target: fc.nat(8),
      flag: fc.boolean(),
    }),
    weight: 3,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('failNext' as const),
      command: fc.constantFrom(
        'answer' as const,
        'setHeld' as const,
        'dial' as const,
        'hangUp' as const,
        'consult' as const,
      ),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('tick' as const),
      ms: fc.integer({ min: 0, max: 5000 }),
    }),
    weight: 3,
  },
  { arbitrary: fc.constant({ kind: 'reload' as const }), weight: 1 },
);

function all(snapshot: CallStoreSnapshot): Call[] {
  return [...snapshot.calls, ...snapshot.history];
}

/** Invariants of one snapshot. */
function checkSnapshot(snapshot: CallStoreSnapshot): void {
  expect(Object.isFrozen(snapshot) && Object.isFrozen(snapshot.calls)).to.equal(true);
  const connected = snapshot.calls.filter((c) => c.state === 'connected');
  expect(connected.length, 'at most one connected call').to.be.at.most(1);
  if (connected[0]) expect(snapshot.activeCallId).to.equal(connected[0].id);
  const ids = all(snapshot).map((c) => c.id);
  expect(new Set(ids).size, 'no call twice').to.equal(ids.length);
  for (const call of all(snapshot)) {
    expect(Object.isFrozen(call), 'calls are frozen').to.equal(true);
    expect(call.wrapUp === null || Object.isFrozen(call.wrapUp), 'wrap-up is frozen').to.equal(
      true,
    );
    expect(call.transfer === null || Object.isFrozen(call.transfer), 'transfer is frozen').to.equal(
      true,
    );
    if (call.answeredAt !== null) expect(call.answeredAt).to.be.at.least(call.createdAt);
    if (call.endedAt !== null) {
      expect(call.endedAt).to.be.at.least(call.answeredAt ?? call.createdAt);
    }
    expect(call.heldSince !== null, `heldSince only while held (${call.state})`).to.equal(
      call.state === 'held',
    );
    if (call.heldSince !== null)
      expect(call.heldSince).to.be.at.least(call.answeredAt ?? call.createdAt);
    expect(call.totalHoldMs).to.be.at.least(0);
    const ended = call.state === 'ended';
    expect(call.endedAt !== null && call.endReason !== null && call.wrapUp !== null).to.equal(
      ended,
    );
    if (call.wrapUp?.completedAt != null)
      expect(call.wrapUp.completedAt).to.be.at.least(call.wrapUp.startedAt);
  }
  for (const call of snapshot.calls) expect(call.wrapUp?.completedAt ?? null).to.equal(null);
  for (const call of snapshot.history) {
    expect(call.state).to.equal('ended');
    expect(call.wrapUp?.completedAt).to.be.a('number');
  }
}

/** Invariants between two snapshots: timestamps only move forward, ended stays ended, nothing is lost. */
function checkStep(before: Map<string, Call>, snapshot: CallStoreSnapshot): void {
  const now = new Map(all(snapshot).map((c) => [c.id, c]));
  for (const [id, old] of before) {
    const call = now.get(id);
    expect(call, `call ${id} is never lost`).to.not.equal(undefined);
    if (!call) continue;
    expect(call.createdAt).to.equal(old.createdAt);
    if (old.answeredAt !== null) expect(call.answeredAt).to.equal(old.answeredAt);
    if (old.endedAt !== null) expect(call.endedAt).to.equal(old.endedAt);
    if (old.state === 'ended') expect(call.state).to.equal('ended');
    expect(call.totalHoldMs).to.be.at.least(old.totalHoldMs);
    expect(call.dtmf.startsWith(old.dtmf)).to.equal(true);
  }
}

/** Every call the phone system announced or was asked to place is in the store (nothing lost). */
function checkAnnounced(provider: SimulatedProvider, snapshot: CallStoreSnapshot): void {
  const ids = new Set(all(snapshot).map((c) => c.id));
  const incoming = provider.events.flatMap((e) => (e.type === 'incoming' ? [e.callId] : []));
  const dialled = provider.actionsOf('dial').map((a) => (a.args[0] as DialRequest).callId);
  for (const id of [...incoming, ...dialled])
    expect(ids.has(id), `call ${id} is in the store`).to.equal(true);
}

/** Lets pending promise callbacks run (cheaper than a fake-timer tickAsync per step). */
async function microtasks(): Promise<void> {
  for (let i = 0; i < 12; i++) await Promise.resolve();
}

describe('call store properties', () => {
  it('random commands and provider events never break the invariants', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(action, { minLength: 1, maxLength: 50, size: 'max' }),
        // With latency, commands are still in flight when the next events arrive.
        fc.constantFrom(0, 40),
        async (actions, latencyMs) => {
          const clock = sinon.useFakeTimers({
            now: 1_000_000,
            toFake: ['setTimeout', 'clearTimeout', 'Date'],
          });
          const provider = new SimulatedProvider({
            latencyMs,
            outbound: { alertAfterMs: 100, answerAfterMs: null },
          });
          const storage = memoryStorage();
          const options: CallStoreOptions = {
            provider,
            storage,
            namespace: 'property',
            ownership: false,
            historyLimit: 1000,
            commandTimeoutMs: 10_000,
            normalise: (raw) => (raw.startsWith('+') ? raw : null),
          };
          let store: CallStore = createCallStore(options);
          const settled: Promise<unknown>[] = [];
          const unexpected: unknown[] = [];
          const track = (promise: Promise<unknown>) =>
            settled.push(
              promise.catch((error: unknown) => {
                if (!isCallError(error)) unexpected.push(error);
              }),
            );
          const pick = (index: number): string => {
            const ids = all(store.getSnapshot()).map((c) => c.id);
            // Mostly a known call (live calls first), sometimes one nobody knows.
            const slot = index % (ids.length + 1);
            return slot === ids.length ? `ghost-${index}` : ids[slot]!;
          };
          let seen = new Map<string, Call>();
          try {
            for (const step of actions) {
              switch (step.kind) {
                case 'ring':
                  provider.ring(step.number);
                  break;
                case 'burst':
                  for (let i = 0; i < step.count; i++) provider.ring(NUMBERS[i % NUMBERS.length]!);
                  break;
                case 'dial':
                  track(store.dial(step.number));
                  break;
                case 'command': {
                  const id = pick(step.target);
                  const run: Record<Command, () => Promise<unknown>> = {
                    answer: () => store.answer(id),
                    decline: () => store.decline(id),
                    hangUp: () => store.hangUp(id),
                    mute: () => store.setMuted(id, true),
                    unmute: () => store.setMuted(id, false),
                    hold: () => store.setHeld(id, true),
                    resume: () => store.setHeld(id, false),
                    digits: () => store.sendDigits(id, '5#'),
                    transfer: () => store.transfer(id, '+33142685300'),
                    consult: () => store.consult(id, '+33142685300'),
                    completeTransfer: () => store.completeTransfer(id),
                    merge: () => store.merge(id, step.other % 2 ? pick(step.other) : undefined),
                    record: () => store.startRecording(id),
                    pause: () => store.pauseRecording(id),
                    wrapUp: () => store.completeWrapUp(id, { disposition: 'done' }),
                    notes: () => store.updateWrapUp(id, { notes: 'note' }),
                  };
                  track(run[step.command]());
                  break;
                }
                case 'remote': {
                  const id = pick(step.target);
                  if (step.what === 'alert') provider.remoteAlert(id);
                  if (step.what === 'answer') provider.remoteAnswer(id);
                  if (step.what === 'hangUp') provider.remoteHangUp(id);
                  if (step.what === 'fail') provider.failCall(id);
                  break;
                }
                case 'event': {
                  const callId = pick(step.target);
                  const event: ProviderEvent =
                    step.type === 'muted'
                      ? { type: 'muted', callId, muted: step.flag }
                      : step.type === 'recording'
                        ? {
                            type: 'recording',
                            callId,
                            recording: step.flag ? 'recording' : 'paused',
                          }
                        : ({ type: step.type, callId } as ProviderEvent);
                  provider.emit(event);
                  break;
                }
                case 'failNext':
                  provider.failNext(step.command);
                  break;
                case 'tick':
                  clock.tick(step.ms);
                  break;
                case 'reload':
                  store.dispose();
                  store = createCallStore(options);
                  break;
              }
              await microtasks();
              const snapshot = store.getSnapshot();
              checkSnapshot(snapshot);
              checkStep(seen, snapshot);
              checkAnnounced(provider, snapshot);
              seen = new Map(all(snapshot).map((c) => [c.id, c]));
            }
            await clock.tickAsync(20_000);
            await Promise.all(settled);
            checkSnapshot(store.getSnapshot());
            checkStep(seen, store.getSnapshot());
            expect(unexpected, 'commands reject only with CallErrors').to.deep.equal([]);
          } finally {
            store.dispose();
            provider.dispose();
            clock.restore();
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
