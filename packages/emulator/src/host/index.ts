import { normalizeConfig } from '../config/normalize.js';
import { Host } from './Host.js';
import { mountHost, type MountedHost } from './ui/app.js';

export {
  Host,
  HostFailure,
  HOME_SESSION_ID,
  MAX_SESSIONS,
  MIN_PANEL_WIDTH,
  type EventOutcome,
  type HostOptions,
} from './Host.js';
export { mountHost, WIDGET_ALLOW, WIDGET_SANDBOX, type MountedHost } from './ui/app.js';
export type { Page, Session, Tab } from './model.js';

/** A running host page. */
export interface RunningHost {
  host: Host;
  view: MountedHost;
  /** Stops answering the widget and unmounts the page. */
  dispose(): void;
}

/**
 * Creates a host from a (partial) configuration, starts its CIF endpoint and renders it into `container`.
 */
export function startHost(
  container: HTMLElement,
  input: unknown = {},
  storage?: Storage,
): RunningHost {
  const { config, warnings } = normalizeConfig(input);
  const host = new Host({ config, warnings, ...(storage ? { storage } : {}) });
  host.start();
  const view = mountHost(container, host);
  return {
    host,
    view,
    dispose() {
      view.dispose();
      host.stop();
    },
  };
}
