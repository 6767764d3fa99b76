/**
 * Hostile text for security tests: strings that try to become markup, script, live links, styles or
 * misleading text when a widget shows them. Push each one through every field that reaches the screen
 * (names, numbers, notes, CIF payloads, records returned by a search) and check the page with
 * {@link findLiveMarkup} and {@link watchCanary}.
 *
 * Every payload that could run script calls the global canary `window.__cifPwned('<id>')`, so a test can
 * assert that nothing ran at all, not just that nothing threw.
 *
 * @example
 * const canary = watchCanary();
 * for (const payload of HOSTILE_PAYLOADS) {
 *   el.name = payload.text;
 *   await el.updateComplete;
 *   expect(findLiveMarkup(el)).to.deep.equal([]);
 * }
 * await canary.settle();
 * expect(canary.calls).to.deep.equal([]);
 * canary.restore();
 */

/** The global function every executable payload calls. */
export const HOSTILE_CANARY = '__cifPwned';

/** What a payload tries. */
export type HostilePayloadCategory =
  | 'script'
  | 'event-handler'
  | 'url'
  | 'svg'
  | 'css'
  | 'markup'
  | 'template'
  | 'bidi'
  | 'zero-width'
  | 'long'
  | 'encoding'
  | 'polyglot';

/** One hostile string. */
export interface HostilePayload {
  /** Unique and stable (`script-1`); what the canary receives when the payload runs. */
  readonly id: string;
  readonly category: HostilePayloadCategory;
  /** The text to put in a field. */
  readonly text: string;
}

const C = `${HOSTILE_CANARY}`;
const call = (id: string) => `${C}('${id}')`;

type Maker = (id: string) => string;

/** The families, each made into payloads whose ids follow `<category>-<n>`. */
const FAMILIES: readonly (readonly [HostilePayloadCategory, readonly Maker[]])[] = [
  [
    'script',
    [
      (id) => `<script>${call(id)}</script>`,
      (id) => `<SCRIPT>${call(id)}</SCRIPT>`,
      (id) => `<script src="data:text/javascript,${call(id)}"></script>`,
      (id) => `<script type="module">${call(id)}</script>`,
      (id) => `"><script>${call(id)}</script>`,
      (id) => `'><script>${call(id)}</script>`,
      (id) => `</title><script>${call(id)}</script>`,
      (id) => `</textarea><script>${call(id)}</script>`,
      (id) => `<scr<script>ipt>${call(id)}</scr</script>ipt>`,
      (id) => `<script\n>${call(id)}</script\n>`,
      (id) => `<!--<script>${call(id)}</script>-->`,
      (id) => `<noscript><p title="</noscript><script>${call(id)}</script>">`,
    ],
  ],
  [
    'event-handler',
    [
      (id) => `<img src=x onerror=${call(id)}>`,
      (id) => `<img src="x" onerror="${call(id)}">`,
      (id) => `<IMG SRC=x OnErRoR=${call(id)}>`,
      (id) => `<img src=x onerror\n=${call(id)}>`,
      (id) => `<img/src="x"/onerror=${call(id)}>`,
      (id) => `<image src=x onerror=${call(id)}>`,
      (id) => `<iframe onload=${call(id)}></iframe>`,
      (id) => `<input autofocus onfocus=${call(id)}>`,
      (id) => `<details open ontoggle=${call(id)}>`,
      (id) => `<video><source onerror=${call(id)}></video>`,
      (id) => `<audio src=x onerror=${call(id)}>`,
      (id) => `<marquee onstart=${call(id)}>x</marquee>`,
      (id) => `<div onmouseover="${call(id)}">hover</div>`,
      (id) => `" onmouseover="${call(id)}" x="`,
      (id) => `' onfocus='${call(id)}' autofocus='`,
      (id) => `<object data=x onerror=${call(id)}>`,
      (id) => `<select autofocus onfocus=${call(id)}>`,
      (id) => `<form><button formaction=javascript:${call(id)}>go</button></form>`,
    ],
  ],
  [
    'url',
    [
      (id) => `javascript:${call(id)}`,
      (id) => `JaVaScRiPt:${call(id)}`,
      (id) => ` javascript:${call(id)}`,
      (id) => `\tjava\nscript:${call(id)}`,
      (id) => `java\u0000script:${call(id)}`,
      (id) => `javascript&colon;${call(id)}`,
      (id) => `&#106;avascript:${call(id)}`,
      (id) => `&#x6A;&#x61;&#x76;&#x61;script:${call(id)}`,
      (id) => `javascript://%0a${call(id)}`,
      (id) => `data:text/html,<script>${call(id)}</script>`,
      (id) => `data:text/html;base64,${btoaSafe(`<script>${call(id)}</script>`)}`,
      (id) => `DATA:text/html,<script>${call(id)}</script>`,
      (id) => `data:image/svg+xml,<svg onload="${call(id)}"/>`,
      (id) => `vbscript:msgbox("${id}")`,
      (id) => `VBScript:${call(id)}`,
      (id) => `<a href="javascript:${call(id)}">click</a>`,
      (id) => `<a href=" &#14;javascript:${call(id)}">click</a>`,
      (id) => `<iframe src="javascript:${call(id)}"></iframe>`,
      (id) => `<embed src="javascript:${call(id)}">`,
      (id) => `<meta http-equiv="refresh" content="0;url=javascript:${call(id)}">`,
      (id) => `tel:+1555&#10;javascript:${call(id)}`,
      (id) => `mailto:x@example.com?body=<script>${call(id)}</script>`,
    ],
  ],
  [
    'svg',
    [
      (id) => `<svg onload=${call(id)}>`,
      (id) => `<svg/onload=${call(id)}>`,
      (id) => `<svg><script>${call(id)}</script></svg>`,
      (id) => `<svg><animate onbegin=${call(id)} attributeName=x dur=1s>`,
      (id) => `<svg><a xlink:href="javascript:${call(id)}"><text y="20">x</text></a></svg>`,
      (id) => `<svg><foreignObject><img src=x onerror=${call(id)}></foreignObject></svg>`,
      (id) => `<svg><set attributeName="onmouseover" to="${call(id)}"/></svg>`,
      (id) => `<math><mtext><img src=x onerror=${call(id)}></mtext></math>`,
      (id) => `<svg><use href="data:image/svg+xml,<svg id='x' onload='${call(id)}'/>#x"/></svg>`,
    ],
  ],
  [
    'css',
    [
      (id) => `</style><script>${call(id)}</script>`,
      (id) => `<style>@import 'javascript:${call(id)}';</style>`,
      (id) => `<style>*{background:url("javascript:${call(id)}")}</style>`,
      (id) => `<div style="background:url(javascript:${call(id)})">x</div>`,
      (id) => `<div style="width: expression(${call(id)})">x</div>`,
      (id) => `red;background:url(javascript:${call(id)})`,
      (id) => `}</style><img src=x onerror=${call(id)}>`,
      (id) => `<link rel="stylesheet" href="javascript:${call(id)}">`,
      (id) => `<style>:host{display:none}</style>${id}`,
      (id) => `x" style="position:fixed;inset:0;z-index:9999" data-id="${id}`,
      (id) => `-moz-binding:url("data:text/xml,${id}")`,
    ],
  ],
  [
    'markup',
    [
      (id) => `<b>${id}</b>`,
      (id) => `<a href="https://evil.example/${id}">Open record</a>`,
      (id) => `<form action="https://evil.example/${id}"><input name=p></form>`,
      (id) => `<base href="https://evil.example/${id}/">`,
      (id) => `<template shadowrootmode="open"><img src=x onerror=${call(id)}></template>`,
      (id) => `<slot name="x">${id}</slot>`,
      (id) => `<cif-contact-card .contact="${id}"></cif-contact-card>`,
      (id) => `<img src="https://evil.example/track/${id}.gif">`,
      (id) => `<![CDATA[<script>${call(id)}</script>]]>`,
      (id) => `<?xml version="1.0"?><x>${id}</x>`,
      (id) => `<plaintext>${id}`,
    ],
  ],
  [
    'template',
    [
      (id) => `\${${call(id)}}`,
      (id) => `\`\${${call(id)}}\``,
      (id) => `{{constructor.constructor('${C}("${id}")')()}}`,
      (id) => `{{${call(id)}}}`,
      (id) => `<?lit$1234$>${id}`,
      (id) => `lit$1234$<img src=x onerror=${call(id)}>`,
      (id) => `<!--?lit$5678$-->${id}`,
      (id) => `$lit$${id}`,
      (id) => `#{${call(id)}}`,
      (id) => `<%= ${call(id)} %>`,
      (id) => `[[${call(id)}]]`,
    ],
  ],
  [
    'bidi',
    [
      (id) => `\u202Egnp.exe ${id}`,
      (id) => `Alex \u202EBaker\u202C ${id}`,
      (id) => `\u202Dforced ltr ${id}`,
      (id) => `\u2066isolated\u2069 ${id} \u2067rtl\u2069`,
      (id) => `\u2068first strong ${id}`,
      (id) => `\u200Fmark ${id} \u200E`,
      (id) => `+1 555 \u202E0100 ${id}`,
      (id) => `\u202B\u05E9\u05DC\u05D5\u05DD ${id}\u202C`,
      (id) => `\u061C${id}\u061C`,
    ],
  ],
  [
    'zero-width',
    [
      (id) => `Al\u200Bex ${id}`,
      (id) => `\u200C\u200D${id}\u2060`,
      (id) => `\uFEFF${id}`,
      (id) => `<scr\u200Bipt>${call(id)}</scr\u200Bipt>`,
      (id) => `java\u200Bscript:${call(id)}`,
      (id) => `${id}\u00AD\u034F\u180E`,
    ],
  ],
  [
    'long',
    [
      (id) => `${'A'.repeat(10_000)} ${id}`,
      (id) => `${'<b>'.repeat(2_000)}${id}`,
      (id) => `${'\u0301'.repeat(500)}Z${id}`,
      (id) => `${'𝕏'.repeat(2_000)} ${id}`,
      (id) => `${'+1 555 0100 '.repeat(300)}${id}`,
    ],
  ],
  [
    'encoding',
    [
      (id) => `&lt;script&gt;${call(id)}&lt;/script&gt;`,
      (id) => `%3Cscript%3E${call(id)}%3C%2Fscript%3E`,
      (id) => `\\u003cscript\\u003e${call(id)}\\u003c/script\\u003e`,
      (id) => `\uFF1Cscript\uFF1E${call(id)}\uFF1C/script\uFF1E`,
      (id) => `&#60;img src=x onerror=${call(id)}&#62;`,
      (id) => `\\x3cimg src=x onerror=${call(id)}\\x3e`,
      (id) => `\u00BCscript\u00BE${call(id)}\u00BC/script\u00BE`,
    ],
  ],
  [
    'polyglot',
    [
      (id) =>
        `jaVasCript:/*-/*\`/*\\\`/*'/*"/**/(/* */oNcliCk=${call(id)} )//%0D%0A%0d%0a//</stYle/</titLe/</teXtarEa/</scRipt/--!>\\x3csVg/<sVg/oNloAd=${call(id)}//>\\x3e`,
      (id) => `'"--></style></script><script>${call(id)}</script>`,
      (id) => `"'><img src=x onerror=${call(id)}>{{7*7}}\${7*7}`,
      (id) => `';${call(id)};//`,
      (id) => `");${call(id)};//`,
      (id) => `\\";${call(id)};//`,
      () => '__proto__',
      (id) => `{"__proto__":{"polluted":"${id}"}}`,
    ],
  ],
];

/** base64 of Latin-1 text, in browsers and Node alike. */
function btoaSafe(text: string): string {
  return typeof btoa === 'function' ? btoa(text) : '';
}

/**
 * The payloads: more than a hundred, each with a stable id (`svg-3`) and a category. Executable ones call
 * `window.__cifPwned('<id>')`.
 */
export const HOSTILE_PAYLOADS: readonly HostilePayload[] = Object.freeze(
  FAMILIES.flatMap(([category, makers]) =>
    makers.map((make, index) => {
      const id = `${category}-${index + 1}`;
      return Object.freeze({ id, category, text: make(id) });
    }),
  ),
);

/** What {@link watchCanary} saw. */
export interface CanaryWatch {
  /** The ids of payloads that ran, in order. */
  readonly calls: readonly string[];
  /** Waits for anything that runs late (image errors, `onload`, timers): two frames and a task. */
  settle(): Promise<void>;
  /** Removes the canary (restores what was there). */
  restore(): void;
}

/**
 * Installs the canary `window.__cifPwned` and records every call: any call means a payload ran.
 */
export function watchCanary(win: Window = window): CanaryWatch {
  const calls: string[] = [];
  const target = win as unknown as Record<string, unknown>;
  const had = Object.prototype.hasOwnProperty.call(target, HOSTILE_CANARY);
  const before = target[HOSTILE_CANARY];
  target[HOSTILE_CANARY] = (id: unknown) => {
    calls.push(String(id));
  };
  return {
    calls,
    settle: () =>
      new Promise<void>((resolve) => {
        const frame = win.requestAnimationFrame?.bind(win) ?? ((fn: () => void) => setTimeout(fn));
        frame(() => frame(() => setTimeout(resolve, 30)));
      }),
    restore() {
      if (had) target[HOSTILE_CANARY] = before;
      else delete target[HOSTILE_CANARY];
    },
  };
}

/** A piece of live markup found where only text should be. */
export interface LiveMarkup {
  /** What is wrong: `script`, `event-handler`, `url`, `style`, `frame`, `base`, `form`, `object`. */
  readonly kind:
    'script' | 'event-handler' | 'url' | 'style' | 'frame' | 'base' | 'form' | 'object';
  /** A short description (`<img onerror="…">`). */
  readonly detail: string;
}

const URL_ATTRIBUTES = [
  'href',
  'src',
  'xlink:href',
  'action',
  'formaction',
  'data',
  'poster',
  'srcset',
  'background',
];

/**
 * Whether a URL attribute's value has a script or `data:` scheme, read the way the URL parser reads it
 * (leading and trailing controls and spaces trimmed, tabs and newlines removed anywhere). Other
 * invisible characters inside the scheme make it a relative URL, which is inert.
 */
function dangerousUrl(value: string): boolean {
  const scheme = value
    // eslint-disable-next-line no-control-regex -- the URL parser's own trimming
    .replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '')
    .replace(/[\t\n\r]/g, '')
    .toLowerCase();
  return /^(?:javascript|vbscript|data|livescript):/.test(scheme);
}

/** `data:` images in an `<img src>` are inert (no script runs in an image); anything else is not. */
function inertImage(el: Element, name: string, value: string): boolean {
  return (
    el.localName === 'img' &&
    name === 'src' &&
    /^data:image\/(?:png|jpe?g|gif|webp|avif|bmp|svg\+xml)[;,]/i.test(value.trim())
  );
}

/**
 * Walks `root` and every open shadow root below it and lists markup that could run script, load a
 * document or restyle the page from data: `<script>`, `on*` attributes, `javascript:`/`data:`/`vbscript:`
 * URLs, `<style>` elements, frames, `<base>`, `<form action>`, `<object>`/`<embed>`. `allow` skips
 * elements a component renders on purpose (its own frame, say).
 */
export function findLiveMarkup(
  root: Node,
  options: { readonly allow?: (el: Element) => boolean } = {},
): LiveMarkup[] {
  const found: LiveMarkup[] = [];
  const visit = (node: Node) => {
    const children: Node[] = [];
    if (node instanceof Element || node instanceof DocumentFragment || node instanceof Document) {
      children.push(...Array.from(node.childNodes));
    }
    if (node instanceof Element) {
      if (node.shadowRoot) children.push(node.shadowRoot);
      if (node.localName === 'template') children.push((node as HTMLTemplateElement).content);
      if (!options.allow?.(node)) inspect(node);
    }
    for (const child of children) visit(child);
  };
  const describe = (el: Element, attr?: string) =>
    `<${el.localName}${attr ? ` ${attr}="${(el.getAttribute(attr) ?? '').slice(0, 60)}"` : ''}>`;
  const inspect = (el: Element) => {
    switch (el.localName) {
      case 'script':
        found.push({ kind: 'script', detail: describe(el) });
        break;
      case 'style':
        found.push({ kind: 'style', detail: describe(el) });
        break;
      case 'iframe':
      case 'frame':
      case 'frameset':
        found.push({ kind: 'frame', detail: describe(el) });
        break;
      case 'object':
      case 'embed':
      case 'applet':
        found.push({ kind: 'object', detail: describe(el) });
        break;
      case 'base':
        found.push({ kind: 'base', detail: describe(el) });
        break;
      case 'meta':
        if (el.hasAttribute('http-equiv')) found.push({ kind: 'base', detail: describe(el) });
        break;
      case 'form':
        if (el.hasAttribute('action')) found.push({ kind: 'form', detail: describe(el, 'action') });
        break;
    }
    for (const { name, value } of Array.from(el.attributes)) {
      const lower = name.toLowerCase();
      if (lower.startsWith('on')) found.push({ kind: 'event-handler', detail: describe(el, name) });
      else if (
        URL_ATTRIBUTES.includes(lower) &&
        dangerousUrl(value) &&
        !inertImage(el, lower, value)
      )
        found.push({ kind: 'url', detail: describe(el, name) });
    }
  };
  visit(root);
  return found;
}
