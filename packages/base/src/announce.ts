/**
 * One live region for the whole kit. Every component announces through it, so a page with several
 * components (a toast, call controls and a dialpad reacting to the same call) says each change once.
 *
 * Two visually hidden regions are created lazily at the end of `<body>`: `role="status"` (polite) and
 * `role="alert"` (assertive). The same message announced again within `dedupeMs` is dropped. Messages
 * are set as text, never markup.
 */
export type Politeness = 'polite' | 'assertive';

export interface AnnounceOptions {
  /** `assertive` interrupts (incoming call); `polite` waits (muted, on hold). Default polite. */
  politeness?: Politeness;
  /** Window in which an identical message is not repeated. Default 500 ms. */
  dedupeMs?: number;
}

interface Regions {
  polite: HTMLElement;
  assertive: HTMLElement;
  last: { message: string; at: number } | undefined;
  timers: Map<HTMLElement, ReturnType<typeof setTimeout>>;
}

const KEY = Symbol.for('cif-elements.announcer');
type GlobalWithRegions = typeof globalThis & { [KEY]?: Regions };

function region(doc: Document, politeness: Politeness): HTMLElement {
  const el = doc.createElement('div');
  el.setAttribute('data-cif-announcer', politeness);
  el.setAttribute('role', politeness === 'assertive' ? 'alert' : 'status');
  el.setAttribute('aria-live', politeness);
  el.setAttribute('aria-atomic', 'true');
  // Visually hidden, still read (inline styles are set through CSSOM: allowed under a strict CSP).
  Object.assign(el.style, {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: '0',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
    border: '0',
  });
  doc.body.append(el);
  return el;
}

function regions(doc: Document): Regions {
  const g = globalThis as GlobalWithRegions;
  const existing = g[KEY];
  if (existing?.polite.isConnected && existing.assertive.isConnected) return existing;
  const created: Regions = {
    polite: region(doc, 'polite'),
    assertive: region(doc, 'assertive'),
    last: undefined,
    timers: new Map(),
  };
  g[KEY] = created;
  return created;
}

/**
 * Announces a message to screen readers through the kit's shared live region. Returns whether it was
 * announced (false when it repeated the previous message within the dedupe window, or was empty).
 */
export function announce(message: string, options: AnnounceOptions = {}): boolean {
  const text = String(message ?? '').trim();
  if (!text || typeof document === 'undefined' || !document.body) {
    return false;
  }
  const { politeness = 'polite', dedupeMs = 500 } = options;
  const state = regions(document);
  const now = Date.now();
  if (state.last?.message === text && now - state.last.at < dedupeMs) return false;
  state.last = { message: text, at: now };
  const target = state[politeness];
  // Clear first, then set on the next task, so a repeated message is read again.
  target.textContent = '';
  clearTimeout(state.timers.get(target));
  state.timers.set(
    target,
    setTimeout(() => {
      target.textContent = text;
    }, 50),
  );
  return true;
}

/** The text currently in the live regions (for tests and diagnostics). */
export function announcements(): { polite: string; assertive: string } {
  const g = (globalThis as GlobalWithRegions)[KEY];
  return { polite: g?.polite.textContent ?? '', assertive: g?.assertive.textContent ?? '' };
}
