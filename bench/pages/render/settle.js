/* global requestAnimationFrame, performance, Event */
// Shared by the render pages: waits until every Lit element in the tree has rendered, then marks the
// first render when the next frame starts (the static floor pages end the same way).

/** @param {Element | ShadowRoot} root */
function pending(root) {
  const found = [];
  for (const el of root.querySelectorAll('*')) {
    if ('updateComplete' in el)
      found.push(/** @type {{ updateComplete: Promise<unknown> }} */ (el));
    if (el.shadowRoot) found.push(...pending(el.shadowRoot));
  }
  return found;
}

/** Waits for every element under `root` (shadow roots included) to finish its updates. */
export async function settle(root = document.body) {
  for (let round = 0; round < 20; round++) {
    const elements = pending(root);
    const results = await Promise.all(elements.map((el) => el.updateComplete));
    // updateComplete resolves true when no further update was requested; a new element may appear.
    if (results.every((done) => done === true) && pending(root).length === elements.length) return;
  }
}

/** Marks `first-render` (from navigation start) at the next animation frame, as the floor pages do. */
export function markFirstRender() {
  requestAnimationFrame(() => {
    performance.measure('first-render');
    window.dispatchEvent(new Event('bench-rendered'));
  });
}

/** Every element under `root`, shadow roots included, matching `selector`. */
export function deepQueryAll(selector, root = document.body) {
  const found = [...root.querySelectorAll(selector)];
  for (const el of root.querySelectorAll('*')) {
    if (el.shadowRoot) found.push(...deepQueryAll(selector, el.shadowRoot));
  }
  return found;
}

/**
 * Mounts `el` in the page, waits for its render — including what a component loads with `import()`
 * before it shows its content, until `ready()` holds — and marks it.
 */
export async function mount(el, ready = () => true) {
  document.body.append(el);
  await settle();
  while (!ready()) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await settle();
  }
  markFirstRender();
}
