import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { expectCallError, harness, type Harness } from './harness.test.js';
import { SIMULATED_SCENARIOS, SimulatedProvider, randomScenario } from './simulated-provider.js';
import { canTransition, createCallStore, type CallStore } from './store.js';
import type { Call, CallState, CallStoreError } from './types.js';
import type { TelephonyProvider } from './provider.js';

const NUMBER = '+16195550129';

describe('call store', () => {
  let h: Harness;
  afterEach(() => {
    h?.store.dispose();
    h?.provider.dispose();
    h?.clock.restore();
  });

  const call = (id: string): Call => {
    const found = h.store.getCall(id) ?? h.store.getSnapshot().history.find((c) => c.id === id);
    if (!found) throw new Error(`no call ${id}`);
    return found;
  };

  /** Brings a call into a state through the simulated phone system and the store. */
  async function callIn(state: CallState | 'wrap-up'): Promise<string> {
    if (state === 'ringing') {
      return h.provider.ring(NUMBER);
    }
    if (state === 'dialing' || state === 'alerting') {
      h.provider.outbound = { alertAfterMs: state === 'alerting' ? 0 : null };
      const id = await h.store.dial(NUMBER);
      await h.flush();
      return id;
    }
    const id = h.provider.ring(NUMBER);
    await h.store.answer(id);
    await h.flush(1000);
    if (state === 'held') await h.store.setHeld(id, true);
    if (state === 'ended' || state === 'wrap-up') await h.store.hangUp(id);
    await h.flush();
    return id;
  }

  describe('the store contract', () => {
    it('starts empty, owns its calls and exposes the provider capabilities', () => {
      h = harness();
      const snapshot = h.store.getSnapshot();
      expect(snapshot.calls).to.deep.equal([]);
      expect(snapshot.history).to.deep.equal([]);
      expect(snapshot.activeCallId).to.equal(null);
      expect(snapshot.role).to.equal('owner');
      expect(snapshot.readOnly).to.equal(false);
      expect(snapshot.capabilities.canHold).to.equal(true);
      expect(Object.isFrozen(snapshot)).to.equal(true);
    });

    it('returns the same snapshot until something changes, and a new frozen one after', async () => {
      h = harness();
      const before = h.store.getSnapshot();
      expect(h.store.getSnapshot()).to.equal(before);
      const id = h.provider.ring(NUMBER);
      const after = h.store.getSnapshot();
      expect(after).to.not.equal(before);
      expect(before.calls).to.have.length(0);
      expect(Object.isFrozen(after.calls)).to.equal(true);
      expect(Object.isFrozen(call(id))).to.equal(true);
      await h.flush();
      expect(h.store.getSnapshot()).to.equal(after);
    });

    it('notifies subscribers on every change until they unsubscribe, and survives a throwing listener', async () => {
      h = harness();
      const seen: number[] = [];
      const errors = sinon.stub(console, 'error');
      try {
        h.store.subscribe(() => {
          throw new Error('listener bug');
        });
        const off = h.store.subscribe(() => seen.push(h.store.getSnapshot().calls.length));
        const id = h.provider.ring(NUMBER);
        expect(seen).to.deep.equal([1]);
        off();
        await h.store.decline(id);
        expect(seen).to.deep.equal([1]);
        expect(errors.called).to.equal(true);
      } finally {
        errors.restore();
      }
    });

    it('drops capabilities whose command the provider does not implement', () => {
      const provider: TelephonyProvider = {
        capabilities: { canDial: true, canHold: true, canAnswer: true },
        subscribe: () => () => undefined,
        hangUp: () => Promise.resolve(),
        answer: () => Promise.resolve(),
      };
      const store = createCallStore({ provider, storage: null, ownership: false });
      const { capabilities } = store.getSnapshot();
      expect(capabilities.canAnswer).to.equal(true);
      expect(capabilities.canDial).to.equal(false);
      expect(capabilities.canHold).to.equal(false);
      expect(capabilities.canRecord).to.equal(false);
      store.dispose();
    });

    it('exposes legal transitions', () => {
      expect(canTransition('ringing', 'connected')).to.equal(true);
      expect(canTransition('held', 'ringing')).to.equal(false);
      expect(canTransition('ended', 'connected')).to.equal(false);
    });
  });

  describe('inbound calls', () => {
    it('rings, is answered and hung up, with timestamps from the clock', async () => {
      h = harness({ store: { wrapUp: false } });
      const start = Date.now();
      const id = h.provider.ring('(619) 555-0129', { displayName: 'Alex Baker' });
      expect(call(id)).to.include({
        state: 'ringing',
        direction: 'inbound',
        remoteNumber: '(619) 555-0129',
        displayName: 'Alex Baker',
        createdAt: start,
      });
      expect(h.store.getSnapshot().activeCallId).to.equal(null);
      await h.flush(2000);
      await h.store.answer(id);
      expect(call(id)).to.include({ state: 'connected', answeredAt: start + 2000, pending: null });
      expect(h.store.getSnapshot().activeCallId).to.equal(id);
      await h.flush(60_000);
      await h.store.hangUp(id);
      expect(call(id)).to.include({
        state: 'ended',
        endReason: 'hung-up',
        endedAt: start + 62_000,
      });
      expect(h.store.getSnapshot().calls).to.have.length(0);
      expect(h.store.getSnapshot().history[0]?.id).to.equal(id);
      expect(h.provider.actionsOf('answer')).to.have.length(1);
      expect(h.provider.actionsOf('hangUp')).to.have.length(1);
    });

    it('normalises the remote number with the injected normaliser', () => {
      h = harness({
        store: {
          normalise: (raw) =>
            raw.replace(/\D/g, '').length === 10 ? `+1${raw.replace(/\D/g, '')}` : null,
        },
      });
      const id = h.provider.ring('(619) 555-0129');
      expect(call(id).remoteE164).to.equal('+16195550129');
      const other = h.provider.ring('12');
      expect(call(other).remoteE164).to.equal(null);
    });

    it('keeps E.164 numbers by default and survives a throwing normaliser', () => {
      h = harness();
      expect(call(h.provider.ring('+1 619 555 0129')).remoteE164).to.equal('+16195550129');
      expect(call(h.provider.ring('619 555 0129')).remoteE164).to.equal(null);
      h.store.dispose();
      h.clock.restore();
      h = harness({
        store: {
          normalise: () => {
            throw new Error('not loaded');
          },
        },
      });
      expect(call(h.provider.ring(NUMBER)).remoteE164).to.equal(null);
    });

    it('declines: the call ends as declined and skips wrap-up (never answered)', async () => {
      h = harness();
      const id = h.provider.ring(NUMBER);
      await h.store.decline(id);
      expect(call(id)).to.include({ state: 'ended', endReason: 'declined' });
      expect(call(id).wrapUp?.completedAt).to.equal(call(id).endedAt);
      expect(h.store.getSnapshot().calls).to.have.length(0);
    });

    it('records a caller who gives up as missed', async () => {
      h = harness();
      const id = h.provider.ring(NUMBER);
      h.provider.remoteHangUp(id);
      expect(call(id)).to.include({ state: 'ended', endReason: 'missed' });
      await h.flush();
    });

    it('ignores a repeated incoming event for a known call', () => {
      h = harness();
      const id = h.provider.ring(NUMBER);
      const snapshot = h.store.getSnapshot();
      h.provider.emit({ type: 'incoming', callId: id, number: '+1999' });
      expect(h.store.getSnapshot()).to.equal(snapshot);
    });
  });

  describe('outbound calls', () => {
    it('dials, alerts, connects when the callee answers, and passes E.164 to the provider', async () => {
      h = harness({ provider: { outbound: { alertAfterMs: 500, answerAfterMs: 3000 } } });
      const id = await h.store.dial('+1 619 555 0129', {
        regarding: { entityName: 'contact', id: 'c1', name: 'Alex Baker' },
        displayName: 'Alex Baker',
        context: { source: 'click-to-act' },
      });
      expect(call(id)).to.include({
        state: 'dialing',
        direction: 'outbound',
        remoteE164: NUMBER,
        pending: null,
      });
      expect(call(id).regarding).to.deep.equal({
        entityName: 'contact',
        id: 'c1',
        name: 'Alex Baker',
      });
      expect(call(id).context).to.deep.equal({ source: 'click-to-act' });
      expect(h.provider.actionsOf('dial')[0]?.args[0]).to.deep.include({
        callId: id,
        number: NUMBER,
        raw: '+1 619 555 0129',
      });
      expect(h.store.getSnapshot().activeCallId).to.equal(id);
      await h.flush(500);
      expect(call(id).state).to.equal('alerting');
      await h.flush(2500);
      expect(call(id).state).to.equal('connected');
      expect(call(id).answeredAt).to.equal(1_000_000 + 3000);
    });

    it('reports busy and no-answer from the callee', async () => {
      h = harness({ provider: { outbound: { answerAfterMs: 1000, outcome: 'busy' } } });
      const id = await h.store.dial(NUMBER);
      await h.flush(1000);
      expect(call(id)).to.include({ state: 'ended', endReason: 'busy' });
      h.provider.outbound = { answerAfterMs: 1000, outcome: 'no-answer' };
      const other = await h.store.dial(NUMBER);
      await h.flush(1000);
      expect(call(other)).to.include({ state: 'ended', endReason: 'no-answer' });
    });

    it('ends a call whose dial the provider rejects as failed, and reports it', async () => {
      const errors: CallStoreError[] = [];
      h = harness({ store: { onError: (e) => errors.push(e) } });
      h.provider.failNext('dial', new Error('no line'));
      await expectCallError(h.store.dial(NUMBER), 'provider-failed');
      const [failed] = h.store.getSnapshot().history;
      expect(failed).to.include({ state: 'ended', endReason: 'failed' });
      expect(h.store.getSnapshot().lastError?.message).to.contain('no line');
      expect(errors).to.have.length(1);
    });

    it('cancels a call being placed with hangUp', async () => {
      h = harness({ provider: { outbound: { alertAfterMs: null } } });
      const id = await h.store.dial(NUMBER);
      await h.store.hangUp(id);
      expect(call(id)).to.include({ state: 'ended', endReason: 'hung-up' });
    });

    it('refuses an empty number, bad post-dial digits, and a second call while one is being placed', async () => {
      h = harness({ provider: { outbound: { alertAfterMs: null } } });
      await expectCallError(h.store.dial('  '), 'invalid-argument');
      await expectCallError(h.store.dial('+1 619 555 0129,12x'), 'invalid-argument');
      await h.store.dial(NUMBER);
      await expectCallError(h.store.dial('+442079460958'), 'busy');
      expect(h.provider.actionsOf('dial')).to.have.length(1);
    });

    it('sends post-dial digits (an extension) after the pauses once connected', async () => {
      h = harness({ provider: { outbound: { answerAfterMs: 1000 } } });
      const id = await h.store.dial('+1 619 555 0129,,123');
      expect(h.provider.actionsOf('dial')[0]?.args[0]).to.deep.include({ number: NUMBER });
      expect(call(id).postDial).to.equal(',,123');
      await h.flush(1000);
      expect(call(id).state).to.equal('connected');
      await h.flush(3999);
      expect(h.provider.actionsOf('sendDigits')).to.have.length(0);
      await h.flush(1);
      expect(h.provider.actionsOf('sendDigits')[0]?.args).to.deep.equal([id, '123']);
      expect(call(id)).to.include({ dtmf: '123', postDial: null });
    });

    it('takes post-dial digits from the options and sends them without a pause when none is given', async () => {
      h = harness({ provider: { outbound: { answerAfterMs: 10 } } });
      const id = await h.store.dial(NUMBER, { postDial: '42#' });
      await h.flush(10);
      // A 0-ms timer set during a fake-timer tick is due one ms later.
      await h.flush(1);
      expect(h.provider.actionsOf('sendDigits')[0]?.args).to.deep.equal([id, '42#']);
    });
  });

  describe('double commands', () => {
    it('calls the provider once for an answer clicked twice', async () => {
      h = harness({ provider: { latencyMs: 200 } });
      const id = h.provider.ring(NUMBER);
      const first = h.store.answer(id);
      const second = h.store.answer(id);
      expect(second).to.equal(first);
      expect(call(id).pending).to.equal('answer');
      await h.flush(200);
      await Promise.all([first, second]);
      expect(h.provider.actionsOf('answer')).to.have.length(1);
      expect(call(id).state).to.equal('connected');
      // A third click after the answer: refused without reaching the provider.
      await expectCallError(h.store.answer(id), 'illegal-transition');
      expect(h.provider.actionsOf('answer')).to.have.length(1);
    });

    it('dials once for a call button clicked twice, resolving both with the same id', async () => {
      h = harness({ provider: { latencyMs: 100 } });
      const first = h.store.dial(NUMBER);
      const second = h.store.dial(NUMBER);
      await h.flush(100);
      const [a, b] = await Promise.all([first, second]);
      expect(a).to.equal(b);
      expect(h.provider.actionsOf('dial')).to.have.length(1);
      expect(h.store.getSnapshot().calls).to.have.length(1);
    });

    it('hangs up, mutes and holds once for repeated clicks', async () => {
      h = harness({ provider: { latencyMs: 50 } });
      const id = h.provider.ring(NUMBER);
      const answered = h.store.answer(id);
      await h.flush(50);
      await answered;
      const muting = [h.store.setMuted(id, true), h.store.setMuted(id, true)];
      await h.flush(50);
      await Promise.all(muting);
      await h.store.setMuted(id, true); // already muted: nothing to do
      expect(h.provider.actionsOf('setMuted')).to.have.length(1);
      const holding = [h.store.setHeld(id, true), h.store.setHeld(id, true)];
      await h.flush(50);
      await Promise.all(holding);
      await h.store.setHeld(id, true);
      expect(h.provider.actionsOf('setHeld')).to.have.length(1);
      const hanging = [h.store.hangUp(id), h.store.hangUp(id)];
      await h.flush(50);
      await Promise.all(hanging);
      expect(h.provider.actionsOf('hangUp')).to.have.length(1);
    });

    it('refuses a different command while one is in flight (busy), but lets hangUp through', async () => {
      h = harness({ provider: { latencyMs: 100 } });
      const id = h.provider.ring(NUMBER);
      const answering = h.store.answer(id);
      await expectCallError(h.store.decline(id), 'busy');
      await h.flush(100);
      await answering;
      const holding = h.store.setHeld(id, true);
      const hanging = h.store.hangUp(id);
      await h.flush(100);
      await Promise.all([holding, hanging]);
      expect(call(id)).to.include({ state: 'ended', endReason: 'hung-up' });
      expect(h.provider.actionsOf('decline')).to.have.length(0);
    });
  });

  describe('legal and illegal transitions', () => {
    type Cmd = (store: CallStore, id: string) => Promise<unknown>;
    const commands: Record<string, Cmd> = {
      answer: (s, id) => s.answer(id),
      decline: (s, id) => s.decline(id),
      hangUp: (s, id) => s.hangUp(id),
      hold: (s, id) => s.setHeld(id, true),
      resume: (s, id) => s.setHeld(id, false),
      mute: (s, id) => s.setMuted(id, true),
      sendDigits: (s, id) => s.sendDigits(id, '1'),
      transfer: (s, id) => s.transfer(id, '+442079460958'),
      consult: (s, id) => s.consult(id, '+442079460958'),
      completeTransfer: (s, id) => s.completeTransfer(id),
      merge: (s, id) => s.merge(id),
      startRecording: (s, id) => s.startRecording(id),
      pauseRecording: (s, id) => s.pauseRecording(id),
      completeWrapUp: (s, id) => s.completeWrapUp(id),
    };
    // What each command does in each state: the state it leads to, 'same' (nothing to do), or an error code.
    const table: Record<
      string,
      Partial<Record<string, CallState | 'same' | 'finished' | 'illegal-transition'>>
    > = {
      ringing: { answer: 'connected', decline: 'finished' },
      dialing: { hangUp: 'finished', mute: 'dialing' },
      alerting: { hangUp: 'finished', mute: 'alerting' },
      connected: {
        hangUp: 'ended',
        hold: 'held',
        resume: 'same',
        mute: 'connected',
        sendDigits: 'connected',
        transfer: 'ended',
        consult: 'held',
        startRecording: 'connected',
      },
      held: {
        hangUp: 'ended',
        hold: 'same',
        resume: 'connected',
        mute: 'held',
        transfer: 'ended',
        consult: 'held',
        startRecording: 'held',
      },
      'wrap-up': { completeWrapUp: 'finished' },
    };
    for (const [state, legal] of Object.entries(table)) {
      for (const name of Object.keys(commands)) {
        const expected = legal[name] ?? 'illegal-transition';
        it(`${name} on a ${state} call: ${expected}`, async () => {
          h = harness();
          const id = await callIn(state as CallState);
          const before = h.store.getSnapshot();
          const actions = h.provider.actions.length;
          const promise = commands[name]!(h.store, id);
          if (expected === 'illegal-transition') {
            const error = await expectCallError(promise, 'illegal-transition');
            expect(error.callId).to.equal(id);
            expect(error.message).to.be.a('string').and.not.equal('');
            expect(h.store.getSnapshot(), 'a refused command changes nothing').to.equal(before);
            expect(h.provider.actions.length, 'and does not reach the provider').to.equal(actions);
            return;
          }
          await h.flush();
          await promise;
          if (expected === 'same') {
            expect(h.provider.actions.length).to.equal(actions);
            expect(call(id).state).to.equal(state);
          } else if (expected === 'finished') {
            expect(h.store.getSnapshot().history.some((c) => c.id === id)).to.equal(true);
          } else {
            expect(call(id).state).to.equal(expected);
          }
        });
      }
    }

    it('refuses commands on an unknown call', async () => {
      h = harness();
      await expectCallError(h.store.answer('nope'), 'unknown-call');
      await expectCallError(h.store.sendDigits('nope', '1'), 'unknown-call');
      await expectCallError(h.store.annotate('nope', { displayName: 'x' }), 'unknown-call');
    });

    it('refuses a pause when the call is not recorded, and pauses once recording', async () => {
      h = harness();
      const id = await callIn('connected');
      await expectCallError(h.store.pauseRecording(id), 'illegal-transition');
      await h.store.startRecording(id);
      await h.store.startRecording(id);
      expect(h.provider.actionsOf('startRecording')).to.have.length(1);
      await h.store.pauseRecording(id);
      await h.store.pauseRecording(id);
      expect(call(id).recording).to.equal('paused');
      expect(h.provider.actionsOf('pauseRecording')).to.have.length(1);
      await h.store.startRecording(id);
      expect(call(id).recording).to.equal('recording');
    });
  });

  describe('capabilities', () => {
    it('refuses what the provider cannot do as unsupported, without calling it', async () => {
      h = harness({
        provider: {
          capabilities: {
            canHold: false,
            canMute: false,
            canSendDtmf: false,
            canTransfer: false,
            canConsult: false,
            canMerge: false,
            canRecord: false,
            canDecline: false,
          },
        },
      });
      const ringing = h.provider.ring(NUMBER);
      await expectCallError(h.store.decline(ringing), 'unsupported');
      const id = await callIn('connected');
      for (const promise of [
        h.store.setHeld(id, true),
        h.store.setMuted(id, true),
        h.store.sendDigits(id, '1'),
        h.store.transfer(id, '+1'),
        h.store.consult(id, '+1'),
        h.store.startRecording(id),
      ]) {
        await expectCallError(promise, 'unsupported');
      }
      expect(h.provider.actions.map((a) => a.command)).to.deep.equal(['answer']);
    });

    it('updates capabilities when the provider says so', () => {
      h = harness({ provider: { capabilities: { canRecord: false } } });
      expect(h.store.getSnapshot().capabilities.canRecord).to.equal(false);
      h.provider.setCapabilities({ canRecord: true });
      expect(h.store.getSnapshot().capabilities.canRecord).to.equal(true);
    });

    it('refuses dial and answer without canDial / canAnswer', async () => {
      h = harness({ provider: { capabilities: { canDial: false, canAnswer: false } } });
      await expectCallError(h.store.dial(NUMBER), 'unsupported');
      await expectCallError(h.store.answer(h.provider.ring(NUMBER)), 'unsupported');
    });
  });

  describe('provider failures', () => {
    it('leaves the call as it was when a command fails, reports it, and lets the agent retry', async () => {
      const errors: CallStoreError[] = [];
      h = harness({ store: { onError: (e) => errors.push(e) } });
      const id = await callIn('connected');
      h.provider.failNext('setHeld', new Error('SIP 488'));
      const error = await expectCallError(h.store.setHeld(id, true), 'provider-failed');
      expect(error.message).to.contain('SIP 488');
      expect(error.cause).to.be.instanceOf(Error);
      expect(call(id)).to.include({ state: 'connected', pending: null });
      expect(h.store.getSnapshot().lastError).to.include({
        code: 'provider-failed',
        callId: id,
        command: 'setHeld',
      });
      expect(errors).to.have.length(1);
      await h.store.setHeld(id, true);
      expect(call(id).state).to.equal('held');
    });

    it('fails a command the provider never answers after commandTimeoutMs, leaving the call usable', async () => {
      h = harness({ store: { commandTimeoutMs: 5000 } });
      const id = h.provider.ring(NUMBER);
      h.provider.failNext('answer', 'hang');
      const answering = h.store.answer(id);
      const outcome = expectCallError(answering, 'provider-failed');
      await h.flush(5000);
      const error = await outcome;
      expect(error.message).to.contain('5000 ms');
      expect(call(id)).to.include({ state: 'ringing', pending: null });
      await h.store.answer(id);
      expect(call(id).state).to.equal('connected');
    });

    it('turns a synchronous throw into provider-failed', async () => {
      const provider: TelephonyProvider = {
        capabilities: { canAnswer: true, canHold: true },
        subscribe: (listener) => {
          queueMicrotask(() => listener({ type: 'incoming', callId: 'x', number: NUMBER }));
          return () => undefined;
        },
        answer: () => {
          throw new Error('sync');
        },
        hangUp: () => Promise.resolve(),
      };
      const store = createCallStore({ provider, storage: null, ownership: false });
      await Promise.resolve();
      const error = await expectCallError(store.answer('x'), 'provider-failed');
      expect(error.message).to.contain('sync');
      expect(store.getCall('x')?.state).to.equal('ringing');
      store.dispose();
    });

    it('ends a call the phone system fails, and reports it', () => {
      h = harness();
      const id = h.provider.ring(NUMBER);
      h.provider.failCall(id, 'carrier down');
      expect(call(id)).to.include({ state: 'ended', endReason: 'failed' });
      expect(h.store.getSnapshot().lastError?.message).to.equal('carrier down');
    });
  });

  describe('events', () => {
    it('ignores events that make no sense and reports them without showing an error', async () => {
      const errors: CallStoreError[] = [];
      h = harness({ store: { onError: (e) => errors.push(e) } });
      const id = h.provider.ring(NUMBER);
      const snapshot = h.store.getSnapshot();
      h.provider.emit({ type: 'held', callId: id });
      h.provider.emit({ type: 'alerting', callId: id });
      h.provider.emit({ type: 'connected', callId: 'ghost' });
      h.provider.emit(null as never);
      expect(h.store.getSnapshot()).to.equal(snapshot);
      expect(errors.map((e) => e.code)).to.deep.equal([
        'illegal-transition',
        'illegal-transition',
        'unknown-call',
      ]);
      // An ended call stays ended.
      h.provider.remoteHangUp(id);
      const ended = h.store.getSnapshot();
      h.provider.emit({ type: 'connected', callId: id });
      h.provider.emit({ type: 'ended', callId: id });
      h.provider.emit({ type: 'muted', callId: id, muted: true });
      expect(h.store.getSnapshot()).to.equal(ended);
      await h.flush();
    });

    it('takes mute and recording changes from the provider', async () => {
      h = harness();
      const id = await callIn('connected');
      h.provider.emit({ type: 'muted', callId: id, muted: true });
      h.provider.emit({ type: 'recording', callId: id, recording: 'recording' });
      expect(call(id)).to.include({ muted: true, recording: 'recording' });
    });

    it('creates an outbound call placed outside the store (a desk phone)', () => {
      h = harness();
      h.provider.emit({ type: 'outgoing', callId: 'desk-1', number: NUMBER, displayName: 'Desk' });
      expect(call('desk-1')).to.include({
        direction: 'outbound',
        state: 'dialing',
        displayName: 'Desk',
      });
    });

    it('applies a connected event that arrives before the command resolves only once', async () => {
      h = harness({ provider: { latencyMs: 100 } });
      const id = h.provider.ring(NUMBER);
      const answering = h.store.answer(id);
      await h.flush(50);
      h.provider.emit({ type: 'connected', callId: id });
      const answeredAt = call(id).answeredAt;
      expect(call(id).state).to.equal('connected');
      await h.flush(100);
      await answering;
      expect(call(id).answeredAt).to.equal(answeredAt);
    });
  });

  describe('several calls', () => {
    it('call waiting: a second call rings while the first is connected; answering holds the first', async () => {
      h = harness();
      const first = await callIn('connected');
      const second = h.provider.ring('+442079460958');
      const snapshot = h.store.getSnapshot();
      expect(snapshot.activeCallId).to.equal(first);
      expect(snapshot.calls.map((c) => c.state)).to.deep.equal(['connected', 'ringing']);
      await h.store.answer(second);
      expect(call(first).state).to.equal('held');
      expect(call(second).state).to.equal('connected');
      expect(h.store.getSnapshot().activeCallId).to.equal(second);
      expect(h.provider.actions.map((a) => a.command)).to.deep.equal([
        'answer',
        'setHeld',
        'answer',
      ]);
      // Resuming the first holds the second.
      await h.store.setHeld(first, false);
      expect(call(first).state).to.equal('connected');
      expect(call(second).state).to.equal('held');
      await h.flush();
      expect(h.store.getSnapshot().calls.filter((c) => c.state === 'connected')).to.have.length(1);
    });

    it('refuses to answer a waiting call when the active call cannot be held', async () => {
      h = harness({ provider: { capabilities: { canHold: false } } });
      const first = await callIn('connected');
      const second = h.provider.ring('+442079460958');
      await expectCallError(h.store.answer(second), 'busy');
      await expectCallError(h.store.dial('+442079460958'), 'busy');
      expect(call(first).state).to.equal('connected');
      // Declining the waiting call is always possible.
      await h.store.decline(second);
    });

    it('fails the answer when holding the active call fails, leaving both calls as they were', async () => {
      h = harness();
      const first = await callIn('connected');
      const second = h.provider.ring('+442079460958');
      h.provider.failNext('setHeld');
      await expectCallError(h.store.answer(second), 'provider-failed');
      expect(call(first).state).to.equal('connected');
      expect(call(second)).to.include({ state: 'ringing', pending: null });
      expect(h.provider.actionsOf('answer')).to.have.length(1);
    });

    it('holds the connected call when the phone system connects another one by itself', async () => {
      h = harness();
      const first = await callIn('connected');
      const second = h.provider.ring('+442079460958');
      h.provider.emit({ type: 'connected', callId: second });
      expect(call(first).state).to.equal('held');
      expect(call(second).state).to.equal('connected');
    });

    it('dialing while connected holds the connected call first', async () => {
      h = harness();
      const first = await callIn('connected');
      const second = await h.store.dial('+442079460958');
      expect(call(first).state).to.equal('held');
      expect(call(second).state).to.equal('dialing');
      expect(h.store.getSnapshot().activeCallId).to.equal(second);
    });
  });

  describe('transfer, consult, merge', () => {
    it('blind transfer ends the call as transferred', async () => {
      h = harness();
      const id = await callIn('connected');
      await h.store.transfer(id, ' +442079460958 ');
      expect(call(id)).to.include({ state: 'ended', endReason: 'transferred' });
      expect(call(id).transfer).to.deep.equal({
        mode: 'blind',
        target: '+442079460958',
        status: 'completed',
      });
      await expectCallError(h.store.transfer(await callIn('connected'), ''), 'invalid-argument');
    });

    it('consult then complete: both calls end as transferred', async () => {
      h = harness({ provider: { outbound: { answerAfterMs: 1000 } } });
      const id = await callIn('connected');
      await h.store.consult(id, '+442079460958');
      const legId = call(id).transfer?.consultCallId ?? '';
      expect(call(id)).to.include({ state: 'held' });
      expect(call(id).transfer).to.include({ mode: 'consult', status: 'consulting' });
      expect(call(legId)).to.include({ consultFor: id, direction: 'outbound' });
      await h.flush(1000);
      expect(call(legId).state).to.equal('connected');
      await expectCallError(h.store.transfer(id, '+1'), 'busy');
      await h.store.completeTransfer(id);
      expect(call(id)).to.include({ state: 'ended', endReason: 'transferred' });
      expect(call(id).transfer?.status).to.equal('completed');
      expect(call(legId)).to.include({ state: 'ended', endReason: 'transferred' });
      // The consult leg has no wrap-up of its own.
      expect(h.store.getSnapshot().history.some((c) => c.id === legId)).to.equal(true);
      await h.flush();
    });

    it('consult then merge: a conference on the original call', async () => {
      h = harness({ provider: { outbound: { answerAfterMs: 1000 } } });
      const id = await callIn('connected');
      await h.store.consult(id, '+442079460958');
      const legId = call(id).transfer?.consultCallId ?? '';
      await expectCallError(h.store.merge(id), 'illegal-transition');
      await h.flush(1000);
      await h.store.merge(id);
      expect(call(id)).to.include({ state: 'connected' });
      expect(call(id).merged).to.deep.equal(['+442079460958']);
      expect(call(id).transfer?.status).to.equal('merged');
      expect(call(legId)).to.include({ state: 'ended', endReason: 'merged' });
      await h.flush();
    });

    it('merges another held call by id', async () => {
      h = harness();
      const first = await callIn('connected');
      const second = h.provider.ring('+442079460958');
      await h.store.answer(second);
      await h.store.merge(second, first);
      expect(call(first).endReason).to.equal('merged');
      expect(call(second).merged).to.deep.equal([NUMBER]);
      await expectCallError(h.store.merge(second, second), 'illegal-transition');
    });

    it('returns to the held caller when the consult call hangs up', async () => {
      h = harness({ provider: { outbound: { answerAfterMs: 1000 } } });
      const id = await callIn('connected');
      await h.store.consult(id, '+442079460958');
      const legId = call(id).transfer?.consultCallId ?? '';
      await h.flush(1000);
      h.provider.remoteHangUp(legId);
      expect(call(id).transfer).to.equal(null);
      await h.store.setHeld(id, false);
      expect(call(id).state).to.equal('connected');
    });

    it('ends the consult call and clears the consult when the provider refuses the consult', async () => {
      h = harness();
      const id = await callIn('connected');
      h.provider.failNext('consult');
      await expectCallError(h.store.consult(id, '+442079460958'), 'provider-failed');
      expect(call(id)).to.include({ state: 'connected', transfer: null });
      expect(h.store.getSnapshot().history[0]).to.include({ endReason: 'failed' });
    });
  });

  describe('DTMF', () => {
    it('sends every digit press, in order, and records them', async () => {
      h = harness({ provider: { latencyMs: 10 } });
      const id = h.provider.ring(NUMBER);
      const answering = h.store.answer(id);
      await h.flush(10);
      await answering;
      const presses = [
        h.store.sendDigits(id, '1'),
        h.store.sendDigits(id, '1'),
        h.store.sendDigits(id, '#'),
      ];
      await h.flush(100);
      await Promise.all(presses);
      expect(h.provider.actionsOf('sendDigits').map((a) => a.args[1])).to.deep.equal([
        '1',
        '1',
        '#',
      ]);
      expect(call(id).dtmf).to.equal('11#');
      await expectCallError(h.store.sendDigits(id, '1x'), 'invalid-argument');
      h.provider.failNext('sendDigits');
      const failing = expectCallError(h.store.sendDigits(id, '2'), 'provider-failed');
      await h.flush(10);
      await failing;
      expect(call(id).dtmf).to.equal('11#');
    });
  });

  describe('wrap-up', () => {
    it('keeps an answered call after its end until wrap-up completes, with notes and disposition', async () => {
      h = harness();
      const id = await callIn('connected');
      await h.store.updateWrapUp(id, { notes: 'asked about invoice' });
      await h.store.hangUp(id);
      expect(call(id).wrapUp).to.include({ completedAt: null, deadline: null });
      expect(h.store.getSnapshot().calls.map((c) => c.id)).to.deep.equal([id]);
      await h.store.completeWrapUp(id, { disposition: 'resolved' });
      const [finished] = h.store.getSnapshot().history;
      expect(finished).to.include({ id, notes: 'asked about invoice', disposition: 'resolved' });
      expect(finished?.wrapUp?.completedAt).to.be.a('number');
      await expectCallError(h.store.completeWrapUp(id), 'unknown-call');
    });

    it('completes wrap-up by itself after durationMs', async () => {
      h = harness({ store: { wrapUp: { durationMs: 30_000 } } });
      const id = await callIn('ended');
      expect(call(id).wrapUp?.deadline).to.equal(call(id).endedAt! + 30_000);
      await h.flush(29_999);
      expect(h.store.getSnapshot().calls).to.have.length(1);
      await h.flush(1);
      expect(h.store.getSnapshot().calls).to.have.length(0);
      expect(h.store.getSnapshot().history[0]?.id).to.equal(id);
    });

    it('wraps up unanswered calls too when skipUnanswered is false, and bounds history', async () => {
      h = harness({ store: { wrapUp: { skipUnanswered: false }, historyLimit: 2 } });
      const missed = h.provider.ring(NUMBER);
      h.provider.remoteHangUp(missed);
      expect(h.store.getSnapshot().calls.map((c) => c.id)).to.deep.equal([missed]);
      await h.store.completeWrapUp(missed);
      for (let i = 0; i < 3; i++) h.provider.remoteHangUp(h.provider.ring(NUMBER));
      for (const c of h.store.getSnapshot().calls) await h.store.completeWrapUp(c.id);
      expect(h.store.getSnapshot().history).to.have.length(2);
    });
  });

  describe('annotate', () => {
    it('attaches matches, regarding, a name and context, and removes context keys set to undefined', async () => {
      h = harness();
      const id = h.provider.ring(NUMBER);
      await h.store.annotate(id, {
        lookup: 'done',
        matches: [{ entityName: 'contact', id: 'c1', name: 'Alex Baker', field: 'telephone1' }],
        regarding: { entityName: 'contact', id: 'c1' },
        displayName: 'Alex Baker',
        remoteE164: NUMBER,
        context: { sessionId: 's1', temp: 1 },
      });
      await h.store.annotate(id, { context: { temp: undefined }, regarding: null });
      expect(call(id)).to.include({ lookup: 'done', displayName: 'Alex Baker', regarding: null });
      expect(call(id).matches[0]).to.include({ id: 'c1', field: 'telephone1' });
      expect(call(id).context).to.deep.equal({ sessionId: 's1' });
      expect(Object.isFrozen(call(id).matches[0])).to.equal(true);
    });
  });

  describe('clock', () => {
    it('never lets timestamps run backwards when the clock does', async () => {
      let t = 5000;
      h = harness({ store: { now: () => t } });
      const id = h.provider.ring(NUMBER);
      t = 4000;
      await h.store.answer(id);
      t = 3000;
      await h.store.hangUp(id);
      const c = call(id);
      expect(c.createdAt).to.equal(5000);
      expect(c.answeredAt).to.be.at.least(c.createdAt);
      expect(c.endedAt).to.be.at.least(c.answeredAt!);
    });
  });

  describe('dispose', () => {
    it('refuses commands after dispose and stops listening to the provider', async () => {
      h = harness();
      const id = h.provider.ring(NUMBER);
      h.store.dispose();
      h.store.dispose();
      expect(h.store.getSnapshot().role).to.equal('disposed');
      expect(h.store.getSnapshot().readOnly).to.equal(true);
      expect(h.provider.subscribed).to.equal(false);
      await expectCallError(h.store.answer(id), 'disposed');
      await expectCallError(h.store.dial(NUMBER), 'disposed');
      expect(await h.store.ready, 'ready keeps the role first decided').to.equal('owner');
    });
  });

  describe('SimulatedProvider', () => {
    it('plays scripted scenarios on time', async () => {
      h = harness();
      const done = h.provider.play(SIMULATED_SCENARIOS.missedCall('m1'));
      await h.flush();
      expect(call('m1').state).to.equal('ringing');
      await h.flush(10_000);
      await done;
      expect(call('m1').endReason).to.equal('missed');
      void h.provider.play(SIMULATED_SCENARIOS.droppedCall('d1'));
      await h.flush(3000);
      expect(call('d1').endReason).to.equal('failed');
      void h.provider.play(SIMULATED_SCENARIOS.callWaiting('w1', 'w2'));
      await h.flush(5000);
      expect(h.store.getSnapshot().calls.map((c) => c.id)).to.deep.equal(['w1', 'w2']);
      void h.provider.play(SIMULATED_SCENARIOS.shortCall('s1'));
      await h.flush();
      await h.store.answer('s1');
      await h.flush(30_000);
      expect(call('s1').endReason).to.equal('remote-hung-up');
      await h.provider.play([]);
    });

    it('plays the same random scenario for the same seed', () => {
      const a = randomScenario(42, { calls: 8 });
      expect(randomScenario(42, { calls: 8 })).to.deep.equal(a);
      expect(randomScenario(43, { calls: 8 })).to.not.deep.equal(a);
      expect(a.filter((s) => s.event.type === 'incoming')).to.have.length(8);
      expect(a.every((s) => s.at >= 0)).to.equal(true);
    });

    it('rejects commands for calls it does not know, like a real phone system', async () => {
      const provider = new SimulatedProvider();
      let failed = false;
      await provider.answer('nope').catch(() => (failed = true));
      expect(failed).to.equal(true);
      expect(await provider.getCalls()).to.deep.equal([]);
    });
  });
});
