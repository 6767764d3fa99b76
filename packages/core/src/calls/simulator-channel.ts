/**
 * The widget side of the emulator's call-simulator channel (`@cif-elements/emulator`, call-channel.ts):
 * the emulator host rings the widget and plays the remote party over `window.postMessage`, and the widget
 * reports its calls back. This module speaks that protocol (version 1) for a {@link SimulatedProvider};
 * the message shapes are restated here so core does not depend on the emulator.
 */
import type { ProviderEvent } from './provider.js';
import type { SimulatedAction, SimulatedProvider } from './simulated-provider.js';

const HELLO = 'cif-emulator:call-hello';
const COMMAND = 'cif-emulator:call';
const READY = 'cif-emulator:call-ready';
const STATE = 'cif-emulator:call-state';
const VERSION = 1;

/** A call as the channel describes it. */
interface ChannelCall {
  id: string;
  from?: string;
  to?: string;
  displayName?: string;
  direction?: 'inbound' | 'outbound';
}

/** Options of {@link connectCallSimulator}. */
export interface CallSimulatorOptions {
  /** The widget window (default `window`). */
  readonly window?: Window;
  /**
   * Origins allowed to drive the provider (the emulator host's origin, e.g. from the `data-crmurl` the
   * widget loaded msdyn_ciLibrary.js with). Without it, the first greeting's origin is trusted and no other.
   */
  readonly hostOrigins?: readonly string[];
  /** The provider name the simulator shows (default `SimulatedProvider`). */
  readonly name?: string;
}

type Bag = Record<string, unknown>;
const isBag = (value: unknown): value is Bag => typeof value === 'object' && value !== null;
const isText = (value: unknown): value is string => typeof value === 'string';

function channelCall(value: unknown): ChannelCall | undefined {
  if (!isBag(value) || !isText(value.id) || value.id === '' || value.id.length > 200)
    return undefined;
  for (const key of ['from', 'to', 'displayName']) {
    if (value[key] !== undefined && !isText(value[key])) return undefined;
  }
  return value as unknown as ChannelCall;
}

const REASONS: Readonly<Record<string, string>> = {
  'hung-up': 'local-hangup',
  'remote-hung-up': 'remote-hangup',
};

/**
 * Lets the emulator's call simulator drive a simulated provider: it answers the simulator's greeting,
 * turns its commands (ring, answer, hangup, hold, resume) into provider events, and reports every call
 * change back. Returns the function that disconnects.
 *
 * @example
 * const provider = new SimulatedProvider();
 * const disconnect = connectCallSimulator(provider, { hostOrigins: ['http://localhost:5174'] });
 */
export function connectCallSimulator(
  provider: SimulatedProvider,
  options: CallSimulatorOptions = {},
): () => void {
  const win = options.window ?? window;
  let host: { source: MessageEventSource; origin: string } | null = null;
  const directions = new Map<string, ChannelCall>();

  const post = (message: Bag) => {
    if (!host) return;
    try {
      (host.source as Window).postMessage({ ...message, version: VERSION }, host.origin);
    } catch {
      // The host frame went away.
    }
  };
  const state = (callId: string, value: string, reason?: string) => {
    const call = directions.get(callId) ?? { id: callId };
    post({ type: STATE, call, state: value, ...(reason ? { reason } : {}) });
    if (value === 'ended') directions.delete(callId);
  };

  const onMessage = (event: MessageEvent<unknown>) => {
    const data = event.data;
    if (!isBag(data) || data.version !== VERSION || !event.source) return;
    // An opaque origin (a sandboxed frame) can be nobody's host: any such frame has the same one.
    if (!event.origin || event.origin === 'null') return;
    const allowed = options.hostOrigins
      ? options.hostOrigins.includes(event.origin)
      : host === null || host.origin === event.origin;
    if (!allowed) return;
    if (data.type === HELLO) {
      host = { source: event.source, origin: event.origin };
      post({ type: READY, provider: options.name ?? 'SimulatedProvider' });
      return;
    }
    if (data.type !== COMMAND || host?.origin !== event.origin) return;
    const call = channelCall(data.call);
    if (!call) return;
    switch (data.action) {
      case 'ring':
        directions.set(call.id, { ...call, direction: 'inbound' });
        provider.ring(call.from ?? '', {
          callId: call.id,
          ...(call.displayName !== undefined ? { displayName: call.displayName } : {}),
        });
        break;
      case 'answer':
        provider.remoteAnswer(call.id);
        break;
      case 'hangup':
        provider.remoteHangUp(call.id);
        break;
      case 'hold':
        provider.emit({ type: 'held', callId: call.id });
        break;
      case 'resume':
        provider.emit({ type: 'connected', callId: call.id });
        break;
    }
  };

  const onEvent = (event: ProviderEvent) => {
    if (event.type === 'incoming') state(event.callId, 'ringing');
    else if (event.type === 'connected' || event.type === 'held') state(event.callId, event.type);
    else if (event.type === 'ended')
      state(
        event.callId,
        'ended',
        event.reason ? (REASONS[event.reason] ?? event.reason) : undefined,
      );
    else if (event.type === 'failed') state(event.callId, 'ended', 'failed');
  };
  const onAction = (action: SimulatedAction) => {
    const request = action.args[0] as { callId?: unknown; number?: unknown } | undefined;
    const consult = action.command === 'consult' ? (action.args[1] as typeof request) : undefined;
    const dialled = action.command === 'dial' ? request : consult;
    if (dialled && isText(dialled.callId) && isText(dialled.number)) {
      directions.set(dialled.callId, {
        id: dialled.callId,
        to: dialled.number,
        direction: 'outbound',
      });
      state(dialled.callId, 'dialing');
    }
  };

  win.addEventListener('message', onMessage);
  const stopEvents = provider.subscribe(onEvent);
  const stopActions = provider.watchActions(onAction);
  return () => {
    win.removeEventListener('message', onMessage);
    stopEvents();
    stopActions();
  };
}
