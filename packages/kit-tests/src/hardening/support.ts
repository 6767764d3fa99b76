/**
 * Shared by the hardening suites: hostile text pushed through a path, then the page checked for script
 * that ran, markup that came alive, and the text shown as text.
 */
import {
  HOSTILE_PAYLOADS,
  findLiveMarkup,
  watchCanary,
  type CanaryWatch,
  type HostilePayload,
} from '@cif-elements/core/testing';
import { presentedTexts } from '../test-utils/text.js';

export { HOSTILE_PAYLOADS, findLiveMarkup, watchCanary, type CanaryWatch, type HostilePayload };

/**
 * Characters a component may drop or add around data (bidi isolation, invisible formatting), which do
 * not change what is shown; compared without them.
 */
// eslint-disable-next-line no-misleading-character-class -- a class of invisible characters on purpose
const INVISIBLE = /[\u00AD\u034F\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;

/** Text as an agent reads it: invisible formatting removed, runs of white space as one space. */
export function readable(text: string): string {
  return text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/** Whether `root` presents `text` (in a text node or a naming attribute), compared as read. */
export function presents(root: Element, text: string): boolean {
  const wanted = readable(text);
  if (!wanted) return true;
  return presentedTexts(root).some((shown) => readable(shown).includes(wanted));
}

/** What one path answers for one payload. */
export interface PathResult {
  readonly path: string;
  readonly payload: string;
  readonly problem: string;
}

/** How a path shows its text. */
export type Shown =
  /** The text must be presented as it is (compared as read). */
  | 'text'
  /** The field is not presented verbatim (a number that is cleaned, a URL): only safety is checked. */
  | 'safe';

/** One text path of a component. */
export interface TextPath<E extends HTMLElement> {
  readonly name: string;
  readonly shown: Shown;
  /** Puts the payload in (properties, events); resolves once the component shows it. */
  readonly set: (el: E, text: string, payload: HostilePayload) => Promise<void> | void;
  /** Payload ids left out of this path, each with the reason (a known bug, tested on its own). */
  readonly skip?: Readonly<Record<string, string>>;
  /** Where the text must appear (default: the component). */
  readonly within?: (el: E) => Element | null;
}

/**
 * Pushes every payload through every path of `el`, checking after each: no live markup anywhere in
 * the component, and the text presented. Returns the problems and the number of payload × path tries.
 */
export async function pushEverywhere<E extends HTMLElement & { updateComplete: Promise<unknown> }>(
  el: E,
  paths: readonly TextPath<E>[],
  options: { readonly reset?: (el: E) => Promise<void> | void } = {},
): Promise<{ problems: PathResult[]; tries: number }> {
  const problems: PathResult[] = [];
  let tries = 0;
  // The components warn once per bad value (a time zone that is not one): expected here, and kept out
  // of the log. Lit's warnings still go through (they fail the run).
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (args.map(String).join(' ').includes('lit.dev/msg/')) warn(...args);
  };
  try {
    await push();
  } finally {
    console.warn = warn;
  }
  return { problems, tries };

  async function push() {
    for (const path of paths) {
      for (const payload of HOSTILE_PAYLOADS) {
        if (path.skip?.[payload.id]) continue;
        await options.reset?.(el);
        await path.set(el, payload.text, payload);
        await el.updateComplete;
        tries++;
        const live = findLiveMarkup(el);
        if (live.length > 0)
          problems.push({
            path: path.name,
            payload: payload.id,
            problem: `live markup: ${live.map((m) => m.detail).join(', ')}`,
          });
        if (path.shown === 'text') {
          const within = path.within ? path.within(el) : el;
          if (!within || !presents(within, payload.text))
            problems.push({ path: path.name, payload: payload.id, problem: 'text not shown' });
        }
      }
    }
  }
}

/** Counts reported by the suites, printed once at the end of a run. */
export const tally: Record<string, number> = {};

/** Adds `tries` to the tally of `suite`. */
export function count(suite: string, tries: number): void {
  tally[suite] = (tally[suite] ?? 0) + tries;
}
