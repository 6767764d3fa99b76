import type { Decorator } from '@storybook/web-components-vite';
import { action } from 'storybook/actions';
import { eventArgName, manifestEvents } from './manifest.js';

/** The args of the story last rendered into each canvas (listeners read them when an event fires). */
const currentArgs = new WeakMap<HTMLElement, Record<string, unknown>>();

/** What an event carries to the Actions panel: its `detail`, or the value of a native `input`/`change`. */
function payload(event: Event, element: Element): unknown {
  if (event instanceof CustomEvent) return event.detail as unknown;
  const value = (element as { value?: unknown }).value;
  return typeof value === 'string' ? { value } : undefined;
}

/**
 * Logs every event the custom-elements manifests declare (`cif-dial`, `cif-answer`, `cif-mute-change`…)
 * in the Actions panel, whichever element in the story dispatches it, the softphone's inner components
 * included. An event of the story's own component goes to its `on…` arg (an action, or a `fn()` spy a
 * play function asserts on); any other to `action(<event name>)`. Events are listened to on the canvas:
 * the kit's public events bubble and are composed.
 */
export const withEventActions: Decorator = (story, context) => {
  const canvas = context.canvasElement as HTMLElement | undefined;
  if (canvas) {
    if (!currentArgs.has(canvas)) {
      for (const [name, tags] of manifestEvents()) {
        canvas.addEventListener(name, (event) => {
          const source = event
            .composedPath()
            .find((node): node is Element => node instanceof Element && tags.has(node.localName));
          if (!source) return;
          const args = currentArgs.get(canvas) ?? {};
          const handler = args[eventArgName(name)];
          const log =
            typeof handler === 'function' ? (handler as (...a: unknown[]) => void) : action(name);
          log(payload(event, source));
        });
      }
    }
    currentArgs.set(canvas, context.args);
  }
  return story();
};
