/**
 * The activity soak: N simulated calls through a vendor's widget (core's call store and CIF workflows, in
 * soak-widget.html) framed by the emulated host, with random faults injected through the host's fault
 * injection and random reloads of the widget at every stage of a call; then the phonecall activities in the
 * emulator's Dataverse are counted per call. The promise: each finished call is logged exactly once.
 *
 * Used by `*.soak.test.ts` (about 100 calls in `pnpm test`) and `pnpm bench:soak` (1,000 calls).
 */
import type { EmulatorConfig, FaultRule } from '../config/types.js';
import { startHost, type RunningHost } from '../host/index.js';
import { waitForMessage } from './harness.js';

/** A fault the soak may inject into one call. */
export type SoakFault =
  | 'none'
  | 'latency'
  | 'createRecord-fail'
  | 'createRecord-timeout'
  | 'createRecord-late'
  | 'retrieveRecord-fail'
  | 'getEnvironment-fail'
  | 'search-fail'
  | 'search-timeout';

/** Where in a call the widget may reload. */
export type SoakReloadPoint = 'ringing' | 'connected' | 'wrap-up' | 'logging';

export interface SoakOptions {
  /** Calls to place (default 100). */
  readonly calls?: number;
  /** Seed of the random choices (faults, reload points). */
  readonly seed?: number;
  /** Chance of a fault per call (default 0.5). */
  readonly faultRate?: number;
  /** Chance of a reload per call (default 0.15). */
  readonly reloadRate?: number;
  /** The library's API timeout in the host (ms, default 400: timeouts are quick to reach). */
  readonly apiTimeoutMs?: number;
  /** Progress, every 50 calls. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface SoakReport {
  readonly calls: number;
  readonly seed: number;
  readonly faults: Readonly<Record<SoakFault, number>>;
  readonly faultsInjected: number;
  readonly reloads: Readonly<Record<SoakReloadPoint, number>>;
  readonly reloadsTotal: number;
  /** Calls the widget still knows of as finished (its history is bounded). */
  readonly finished: number;
  /** Calls that were not finished in the widget at the end (lost). */
  readonly lost: readonly string[];
  /** Phonecall activities in Dataverse written by the soak. */
  readonly activities: number;
  /** Calls without an activity. */
  readonly missing: readonly string[];
  /** Calls with more than one activity. */
  readonly duplicated: readonly string[];
  /** Problems the widget reported (what it would tell the agent), by workflow and code. */
  readonly reported: Readonly<Record<string, number>>;
  readonly durationMs: number;
}

interface WidgetState {
  calls: { id: string; state: string; lookup: string }[];
  history: string[];
  jobs: { callId: string; status: string; attempts: number }[];
  errors: { workflow: string; code: string; message: string }[];
}

const FAULTS: readonly SoakFault[] = [
  'latency',
  'createRecord-fail',
  'createRecord-timeout',
  'createRecord-late',
  'retrieveRecord-fail',
  'getEnvironment-fail',
  'search-fail',
  'search-timeout',
];
const RELOADS: readonly SoakReloadPoint[] = ['ringing', 'connected', 'wrap-up', 'logging'];
const NUMBERS = ['+442079460958', '+16195550129', '+14165550143', '+27825550101', '+15555550100'];

/** A small seeded PRNG (mulberry32): the same seed makes the same choices. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function rulesFor(fault: SoakFault, apiTimeoutMs: number): FaultRule[] {
  switch (fault) {
    case 'none':
    case 'latency':
      return [];
    case 'createRecord-fail':
      return [
        { api: 'createRecord', action: 'fail', message: 'Dataverse is unavailable', times: 2 },
      ];
    case 'createRecord-timeout':
      return [{ api: 'createRecord', action: 'timeout', times: 1 }];
    case 'createRecord-late':
      // The host creates the record after the library has given up: the widget must not create it twice.
      return [{ api: 'createRecord', action: 'delay', ms: apiTimeoutMs + 150, times: 1 }];
    case 'retrieveRecord-fail':
      return [
        { api: 'createRecord', action: 'timeout', times: 1 },
        { api: 'retrieveRecord', action: 'fail', message: 'Not available', times: 1 },
      ];
    case 'getEnvironment-fail':
      return [{ api: 'getEnvironment', action: 'fail', shape: 'json', times: 1 }];
    case 'search-fail':
      return [{ api: 'searchAndOpenRecords', action: 'fail', times: 1 }];
    case 'search-timeout':
      return [{ api: 'searchAndOpenRecords', action: 'timeout', times: 1 }];
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The soak widget framed by a host, and a way to send it commands. */
export interface SoakWidget extends RunningHost {
  command<T>(message: Record<string, unknown>): Promise<T>;
  /** Reloads the widget frame and waits until it is ready again. */
  reload(): Promise<void>;
}

/** Frames the soak widget in a new host with `config` (its landing URL is set here). */
export async function openSoakWidget(
  config: EmulatorConfig = {},
  namespace = `soak-${Date.now()}`,
): Promise<SoakWidget> {
  const widget = new URL('./soak-widget.html', import.meta.url);
  widget.hostname = location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1';
  widget.search = `?crm=${encodeURIComponent(location.origin)}&ns=${namespace}`;
  const widgetOrigin = widget.origin;
  const container = document.createElement('div');
  container.style.height = '700px';
  document.body.append(container);
  const ready = () =>
    waitForMessage(
      (data, event) =>
        event.origin === widgetOrigin &&
        (data as { soakWidget?: unknown }).soakWidget !== undefined,
      20_000,
      'the soak widget',
    ).then((data) => {
      const state = (data as { soakWidget: string; message?: string }).soakWidget;
      if (state !== 'ready') throw new Error(`the soak widget did not start: ${state}`);
    });
  const first = ready();
  const running = startHost(container, {
    ...config,
    provider: { apiVersion: 2, ...config.provider, landingUrl: widget.href },
  });
  let nextId = 1;
  const frame = () => container.querySelector<HTMLIFrameElement>('iframe#SidePanelIFrame')!;
  await first;
  return {
    ...running,
    async command<T>(message: Record<string, unknown>): Promise<T> {
      const id = nextId++;
      const answer = waitForMessage<{ ok: boolean; value: T; error: string }>(
        (data, event) =>
          event.origin === widgetOrigin && (data as { soakResult?: number }).soakResult === id,
        15_000,
        `the widget's answer to ${JSON.stringify(message)}`,
      );
      frame().contentWindow?.postMessage({ ...message, id }, widgetOrigin);
      const { ok, value, error } = await answer;
      if (!ok) throw new Error(error);
      return value;
    },
    async reload() {
      const back = ready();
      frame().src = widget.href;
      await back;
    },
    dispose() {
      running.dispose();
      container.remove();
    },
  };
}

/** Runs the soak; resolves the counts. */
export async function runSoak(options: SoakOptions = {}): Promise<SoakReport> {
  const started = performance.now();
  const total = options.calls ?? 100;
  const seed = options.seed ?? 1;
  const apiTimeoutMs = options.apiTimeoutMs ?? 400;
  const rand = random(seed);
  const chance = (p: number) => rand() < p;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;

  const soak = await openSoakWidget({ apiTimeoutMs }, `soak-${seed}-${Date.now()}`);
  const { host } = soak;
  const command = <T>(message: Record<string, unknown>) => soak.command<T>(message);
  const state = () => command<WidgetState>({ soak: 'state' });
  const until = async <T>(check: (s: WidgetState) => T, what: string, timeout = 15_000) => {
    const deadline = performance.now() + timeout;
    for (;;) {
      const s = await state();
      const value = check(s);
      if (value) return value;
      if (performance.now() > deadline)
        throw new Error(`soak: timed out waiting for ${what}: ${JSON.stringify(s).slice(0, 400)}`);
      await sleep(10);
    }
  };
  const reload = () => soak.reload();

  const faults = Object.fromEntries(['none', ...FAULTS].map((f) => [f, 0])) as Record<
    SoakFault,
    number
  >;
  const reloads = Object.fromEntries(RELOADS.map((r) => [r, 0])) as Record<SoakReloadPoint, number>;
  const placed: string[] = [];
  try {
    for (let i = 0; i < total; i++) {
      const fault: SoakFault = chance(options.faultRate ?? 0.5) ? pick(FAULTS) : 'none';
      const reloadAt: SoakReloadPoint | null = chance(options.reloadRate ?? 0.15)
        ? pick(RELOADS)
        : null;
      faults[fault]++;
      host.faults.clear();
      if (fault === 'latency') host.faults.setLatency(20 + Math.floor(rand() * 80));
      for (const rule of rulesFor(fault, apiTimeoutMs)) host.faults.add(rule);
      const maybeReload = async (point: SoakReloadPoint) => {
        if (reloadAt !== point) return;
        reloads[point]++;
        await reload();
      };

      const callId = await command<string>({ soak: 'ring', number: pick(NUMBERS) });
      placed.push(callId);
      await until((s) => s.calls.some((c) => c.id === callId), `call ${callId} in the store`);
      await maybeReload('ringing');
      await command({ soak: 'answer', callId });
      await until(
        (s) => s.calls.find((c) => c.id === callId)?.state === 'connected',
        `call ${callId} connected`,
      );
      await maybeReload('connected');
      await command({ soak: 'hangUp', callId });
      await until(
        (s) => s.calls.find((c) => c.id === callId)?.state === 'ended',
        `call ${callId} ended`,
      );
      await maybeReload('wrap-up');
      await command({ soak: 'wrapUp', callId });
      if (reloadAt === 'logging') {
        // The activity is being created (or its answer is on the way) when the widget goes.
        await sleep(Math.floor(rand() * 30));
        await maybeReload('logging');
      }
      // The first attempt to log the call is over (done, or failed and queued for a retry) before the
      // next call's faults replace this one's.
      await until(
        (s) => !s.jobs.some((j) => j.callId === callId && j.attempts === 0),
        `the first attempt to log ${callId}`,
      );
      if ((i + 1) % 50 === 0) options.onProgress?.(i + 1, total);
    }
    // Faults off; the queue drains (a job that gave up is retried, as the agent's Retry does).
    host.faults.clear();
    let final = await state();
    for (let round = 0; round < 100 && final.jobs.length > 0; round++) {
      if (final.jobs.some((j) => j.status === 'failed')) await command({ soak: 'retry' });
      await sleep(50);
      final = await state();
    }
    // Late answers of the host (delayed creates) land before counting.
    await sleep(apiTimeoutMs + 300);
    final = await state();
    const rows = host.dataverse.query(
      'phonecall',
      "$select=description&$filter=startswith(description,'soak ')",
    );
    const perCall = new Map<string, number>();
    for (const row of rows) {
      const id = typeof row.description === 'string' ? row.description.replace(/^soak /, '') : '';
      perCall.set(id, (perCall.get(id) ?? 0) + 1);
    }
    const reported: Record<string, number> = {};
    for (const error of final.errors) {
      const key = `${error.workflow}/${error.code}`;
      reported[key] = (reported[key] ?? 0) + 1;
    }
    return {
      calls: total,
      seed,
      faults,
      faultsInjected: total - faults.none,
      reloads,
      reloadsTotal: Object.values(reloads).reduce((a, b) => a + b, 0),
      finished: final.history.length,
      lost: final.calls.map((c) => c.id),
      activities: rows.length,
      missing: placed.filter((id) => !perCall.has(id)),
      duplicated: [...perCall].filter(([, count]) => count > 1).map(([id]) => id),
      reported,
      durationMs: Math.round(performance.now() - started),
    };
  } finally {
    soak.dispose();
  }
}

/** One line per fact of a report, for the test output. */
export function describeSoak(report: SoakReport): string {
  const list = (record: Readonly<Record<string, number>>) =>
    Object.entries(record)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
  return [
    `[soak] ${report.calls} calls (seed ${report.seed}) in ${(report.durationMs / 1000).toFixed(1)} s`,
    `[soak] faults injected: ${report.faultsInjected} (${list(report.faults)})`,
    `[soak] reloads: ${report.reloadsTotal} (${list(report.reloads)})`,
    `[soak] phonecall activities: ${report.activities}; missing: ${report.missing.length}; duplicated: ${report.duplicated.length}; calls lost: ${report.lost.length}`,
    `[soak] reported to the agent: ${list(report.reported) || 'nothing'}`,
  ].join('\n');
}
