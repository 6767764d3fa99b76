/**
 * Iframes are made imperatively, with `sandbox` and `allow` set before `src`, so that the first load is
 * already sandboxed, and so that the same element is rendered again on every update (never reloaded).
 */
export interface FrameAttributes {
  title: string;
  src: string;
  sandbox: string;
  allow?: string;
  id?: string;
  className?: string;
}

/** Creates an iframe with its attributes set in a safe order. */
export function createFrame(doc: Document, attributes: FrameAttributes): HTMLIFrameElement {
  const frame = doc.createElement('iframe');
  frame.setAttribute('sandbox', attributes.sandbox);
  if (attributes.allow) frame.setAttribute('allow', attributes.allow);
  if (attributes.id) frame.id = attributes.id;
  if (attributes.className) frame.className = attributes.className;
  frame.title = attributes.title;
  frame.src = attributes.src;
  return frame;
}

/** A cache of frames by key, so a page keeps its frame across renders. */
export class FrameCache {
  #frames = new Map<string, HTMLIFrameElement>();
  constructor(private readonly doc: Document) {}

  get(key: string, attributes: FrameAttributes): HTMLIFrameElement {
    let frame = this.#frames.get(key);
    if (!frame) {
      frame = createFrame(this.doc, attributes);
      this.#frames.set(key, frame);
      const oldest = this.#frames.keys().next().value;
      if (this.#frames.size > 20 && oldest !== undefined) this.#frames.delete(oldest);
    }
    return frame;
  }
}
