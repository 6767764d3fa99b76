// The hostile payloads are worth testing with only if they are hostile: rendered the unsafe way
// (innerHTML, a URL attribute), they run or leave live markup, and findLiveMarkup and the canary see it.
import { expect } from '@open-wc/testing';
import {
  HOSTILE_CANARY,
  HOSTILE_PAYLOADS,
  findLiveMarkup,
  watchCanary,
  type HostilePayloadCategory,
} from './index.js';

describe('hostile payloads', () => {
  it('has more than a hundred distinct payloads in every category, with stable ids', () => {
    expect(HOSTILE_PAYLOADS.length).to.be.at.least(100);
    expect(new Set(HOSTILE_PAYLOADS.map((p) => p.id)).size).to.equal(HOSTILE_PAYLOADS.length);
    expect(new Set(HOSTILE_PAYLOADS.map((p) => p.text)).size).to.equal(HOSTILE_PAYLOADS.length);
    const categories = new Set(HOSTILE_PAYLOADS.map((p) => p.category));
    const expected: HostilePayloadCategory[] = [
      'script',
      'event-handler',
      'url',
      'svg',
      'css',
      'markup',
      'template',
      'bidi',
      'zero-width',
      'long',
      'encoding',
      'polyglot',
    ];
    expect([...categories].sort()).to.deep.equal([...expected].sort());
    for (const payload of HOSTILE_PAYLOADS) expect(payload.id).to.match(/^[a-z-]+-\d+$/);
    expect(HOSTILE_PAYLOADS.some((p) => p.text.includes('\u202E'))).to.equal(true);
    expect(HOSTILE_PAYLOADS.some((p) => p.text.includes('\u200B'))).to.equal(true);
    expect(HOSTILE_PAYLOADS.some((p) => p.text.length >= 10_000)).to.equal(true);
    expect(HOSTILE_PAYLOADS.some((p) => p.text.startsWith('<?lit$'))).to.equal(true);
  });

  it('rendered as HTML they run, and findLiveMarkup reports what they leave', async () => {
    const canary = watchCanary();
    const container = document.createElement('div');
    container.hidden = true;
    document.body.append(container);
    const live = new Set<string>();
    try {
      for (const payload of HOSTILE_PAYLOADS) {
        const host = document.createElement('div');
        host.dataset.id = payload.id;
        // Unsafe on purpose: the way a widget must never show data.
        host.innerHTML = payload.text;
        container.append(host);
        if (findLiveMarkup(host).length > 0) live.add(payload.id);
      }
      await canary.settle();
      await new Promise((resolve) => setTimeout(resolve, 100));
      // Image errors and autofocus run script: the canary hears them.
      expect(canary.calls).to.include('event-handler-1');
      expect(canary.calls).to.include('event-handler-3');
      for (const id of canary.calls)
        expect(HOSTILE_PAYLOADS.some((p) => p.id === id)).to.equal(true);
      // Every payload of the markup-borne categories leaves something live behind.
      const markupBorne = HOSTILE_PAYLOADS.filter(
        (p) => p.category === 'script' || p.category === 'event-handler' || p.category === 'svg',
      );
      // Not live by themselves: a filter evasion, a commented script, attribute breakouts (live only
      // inside an attribute built by string concatenation), and SMIL setting an attribute later.
      const contextual = ['script-9', 'script-11', 'event-handler-14', 'event-handler-15', 'svg-7'];
      const missed = markupBorne.filter(
        (p) => !live.has(p.id) && !canary.calls.includes(p.id) && !contextual.includes(p.id),
      );
      expect(missed.map((p) => p.id)).to.deep.equal([]);
    } finally {
      container.remove();
      canary.restore();
    }
    expect(HOSTILE_CANARY in window).to.equal(false);
  });

  it('as a URL attribute, script and data URLs are reported (data images in <img> are inert)', () => {
    const urls = HOSTILE_PAYLOADS.filter(
      (p) => /^\s*(?:java|vbscript|data)[^&]*:/i.test(p.text) && !/[\0\u200B]/.test(p.text),
    );
    expect(urls.length).to.be.at.least(8);
    for (const payload of urls) {
      const link = document.createElement('a');
      link.setAttribute('href', payload.text);
      expect(findLiveMarkup(link), payload.id).to.have.length(1);
    }
    // A NUL or a zero-width space inside the scheme makes a relative URL, which is inert.
    for (const text of ['java\0script:void 0', 'java\u200Bscript:void 0']) {
      const link = document.createElement('a');
      link.setAttribute('href', text);
      expect(link.protocol).to.equal(location.protocol);
      expect(findLiveMarkup(link)).to.deep.equal([]);
    }
    const img = document.createElement('img');
    img.setAttribute('src', 'data:image/png;base64,iVBORw0KGgo=');
    expect(findLiveMarkup(img)).to.deep.equal([]);
    img.setAttribute('src', 'data:text/html,<b>x</b>');
    expect(findLiveMarkup(img)).to.deep.equal([
      { kind: 'url', detail: '<img src="data:text/html,<b>x</b>">' },
    ]);
  });

  it('looks into shadow roots and templates, skips what it is told to, and reports each kind', () => {
    const host = document.createElement('div');
    const shadow = host.attachShadow({ mode: 'open' });
    const template = document.createElement('template');
    template.innerHTML = '<img src=x onerror="void 0">';
    shadow.append(template);
    const frame = document.createElement('iframe');
    shadow.append(frame);
    const extra = document.createElement('div');
    extra.innerHTML =
      '<script></script><style></style><object></object><base href="/"><meta http-equiv="refresh"><form action="/x"></form><form></form><svg><a href="javascript:void 0"></a></svg>';
    shadow.append(extra);
    const kinds = findLiveMarkup(host).map((m) => m.kind);
    expect(kinds).to.deep.equal([
      'event-handler',
      'frame',
      'script',
      'style',
      'object',
      'base',
      'base',
      'form',
      'url',
    ]);
    expect(findLiveMarkup(host, { allow: (el) => el === frame })).to.have.length(8);
    expect(findLiveMarkup(document.createElement('p'))).to.deep.equal([]);
  });

  it('the canary restores what was there before', () => {
    const target = window as unknown as Record<string, unknown>;
    const mine = () => undefined;
    target[HOSTILE_CANARY] = mine;
    const canary = watchCanary();
    (target[HOSTILE_CANARY] as (id: string) => void)('x-1');
    expect(canary.calls).to.deep.equal(['x-1']);
    canary.restore();
    expect(target[HOSTILE_CANARY]).to.equal(mine);
    delete target[HOSTILE_CANARY];
  });
});
