/**
 * Presence (CIF 2.0): a configured "on call" presence while a call is active, the agent's previous
 * presence restored once every call is finished (after wrap-up). The previous presence is kept in storage
 * so a reloaded widget still restores it. When the agent picks a presence themselves during a call
 * (onPresenceChange), their choice wins: nothing is restored over it.
 */
import { defaultStorage } from '../calls/persist.js';
import type { CallStoreSnapshot } from '../calls/index.js';
import { owns, report, type StopWorkflow, type WorkflowContext } from './shared.js';

/** Options of presence. */
export interface PresenceOptions {
  /** Presence text while a call is active; must equal a configured presence exactly (e.g. `On call`). */
  readonly onCall: string;
  /** Presence text during wrap-up (optional; otherwise the on-call presence stays until wrap-up ends). */
  readonly wrapUp?: string;
  /** Called with every presence text this workflow sees (set by it or changed by the agent). */
  readonly onPresence?: (presenceText: string) => void;
}

type Phase = 'idle' | 'call' | 'wrap-up';

function phaseOf(snapshot: CallStoreSnapshot): Phase {
  if (snapshot.calls.some((call) => call.state !== 'ended' && call.state !== 'ringing'))
    return 'call';
  return snapshot.calls.some((call) => call.state === 'ended') ? 'wrap-up' : 'idle';
}

/** Keeps the agent's presence in step with calls. A no-op on CIF 1.0 hosts. */
export function syncPresence(context: WorkflowContext, options: PresenceOptions): StopWorkflow {
  const { client, store } = context;
  if (client.version < 2 || !client.capabilities.supports('setPresence')) return () => undefined;
  const storage = context.storage === undefined ? defaultStorage() : context.storage;
  const key = `cif-elements:presence:${context.namespace ?? 'default'}`;
  const ours = new Set([options.onCall, options.wrapUp].filter((text): text is string => !!text));
  let phase: Phase = 'idle';
  let queue: Promise<void> = Promise.resolve();
  let current: string | null = null;

  const saved = {
    get: (): string | null => {
      try {
        return storage?.getItem(key) ?? null;
      } catch {
        return null;
      }
    },
    set: (value: string | null) => {
      try {
        if (value === null) storage?.removeItem(key);
        else storage?.setItem(key, value);
      } catch (error) {
        report(context, 'presence', null, error);
      }
    },
  };

  const seen = (text: string) => {
    current = text;
    options.onPresence?.(text);
  };

  const set = async (text: string) => {
    // Recorded before the host answers: an agent's change arriving meanwhile must win.
    const before = current;
    current = text;
    const ok = await client.setPresence(text);
    if (!ok) {
      if (current === text) current = before;
      throw new Error(`the host refused the presence "${text}" (is it configured?)`);
    }
    if (current === text) options.onPresence?.(text);
  };

  const enter = (next: Phase) => {
    const from = phase;
    phase = next;
    queue = queue.then(async () => {
      try {
        if (next === 'call' || (next === 'wrap-up' && from === 'idle')) {
          if (from === 'idle' && saved.get() === null) {
            const previous = await client.getPresence();
            // Restore only a presence that is not ours (a reload mid-call would otherwise save "On call").
            if (!ours.has(previous)) saved.set(previous);
          }
          const text = next === 'wrap-up' && options.wrapUp ? options.wrapUp : options.onCall;
          if (current !== text) await set(text);
        } else if (next === 'wrap-up' && options.wrapUp) {
          await set(options.wrapUp);
        } else if (next === 'idle') {
          const previous = saved.get();
          saved.set(null);
          // The agent chose a presence during the call: theirs wins.
          if (previous !== null && (current === null || ours.has(current))) await set(previous);
        }
      } catch (error) {
        report(context, 'presence', null, error);
      }
    });
  };

  const onChange = () => {
    if (!owns(store)) return;
    const next = phaseOf(store.getSnapshot());
    if (next !== phase) enter(next);
  };
  const stopStore = store.subscribe(onChange);
  let stopHost: () => void = () => undefined;
  try {
    stopHost = client.on('onPresenceChange', ({ presenceInfo }) => {
      seen(presenceInfo.presenceText);
    });
  } catch (error) {
    report(context, 'presence', null, error);
  }
  // A reloaded widget in the middle of a call takes up where it was: the saved presence is still there.
  onChange();

  return () => {
    stopStore();
    stopHost();
  };
}
