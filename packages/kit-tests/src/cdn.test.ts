import { expect, waitUntil } from '@open-wc/testing';

/**
 * The no-bundler files (`dist/cdn/<tag>.js`, scripts/build-cdn.mjs) as a vendor uses them: a page with
 * nothing but `<script type="module" src>` tags (no import map, no bundler, no other module) renders
 * all four elements. Needs `pnpm build` first (`pnpm test` builds before it runs the tests).
 */
const FILES = [
  '/packages/dialpad/dist/cdn/cif-dialpad.js',
  '/packages/incoming-call-toast/dist/cdn/cif-incoming-call-toast.js',
  '/packages/call-controls/dist/cdn/cif-call-controls.js',
  '/packages/contact-card/dist/cdn/cif-contact-card.js',
];

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    ${FILES.map((file) => `<script type="module" src="${file}"></script>`).join('\n    ')}
  </head>
  <body>
    <cif-dialpad value="2015550123" region="US"></cif-dialpad>
    <cif-incoming-call-toast muted number="+16195550102" caller-name="Jane Doe"></cif-incoming-call-toast>
    <cif-call-controls state="connected" call-start="${Date.now() - 65_000}"></cif-call-controls>
    <cif-contact-card number="+12065550100"></cif-contact-card>
  </body>
</html>`;

describe('no-bundler build (dist/cdn)', () => {
  let frame: HTMLIFrameElement;

  before(async () => {
    for (const file of FILES) {
      const response = await fetch(file, { method: 'HEAD' });
      if (!response.ok) throw new Error(`${file}: ${response.status} (run \`pnpm build\` first)`);
    }
    frame = document.createElement('iframe');
    frame.style.inlineSize = '600px';
    frame.style.blockSize = '900px';
    const loaded = new Promise((resolve) =>
      frame.addEventListener('load', resolve, { once: true }),
    );
    frame.srcdoc = PAGE;
    document.body.append(frame);
    await loaded;
  });

  after(() => frame.remove());

  const part = (tag: string, selector: string) =>
    frame.contentDocument?.querySelector(tag)?.shadowRoot?.querySelector<HTMLElement>(selector);

  it('is a page of script tags only: no import map, no other module', () => {
    const doc = frame.contentDocument!;
    expect(doc.querySelector('script[type="importmap"]')).to.equal(null);
    const sources = [...doc.querySelectorAll('script')].map((s) => new URL(s.src).pathname);
    expect(sources).to.deep.equal(FILES);
  });

  it('defines all four elements in the page', async () => {
    const registry = frame.contentWindow!.customElements;
    await waitUntil(
      () =>
        ['cif-dialpad', 'cif-incoming-call-toast', 'cif-call-controls', 'cif-contact-card'].every(
          (tag) => registry.get(tag),
        ),
      'the elements were not defined',
      { timeout: 10_000 },
    );
  });

  it('renders the dialpad, and formats its number with the lazily loaded libphonenumber-js', async () => {
    await waitUntil(() => part('cif-dialpad', '[part="call-button"]'), 'no call button', {
      timeout: 10_000,
    });
    // The formatter module is fetched relative to the dialpad's module the first time it is needed.
    await waitUntil(
      () =>
        part('cif-dialpad', 'input')?.matches(':not([hidden])') &&
        (part('cif-dialpad', 'input') as HTMLInputElement).value === '(201) 555-0123',
      `the number was not formatted (shows "${(part('cif-dialpad', 'input') as HTMLInputElement | null)?.value}")`,
      { timeout: 10_000 },
    );
  });

  it('renders the incoming-call toast with the caller', async () => {
    await waitUntil(
      () => part('cif-incoming-call-toast', '[part="answer-button"]'),
      'no answer button',
      {
        timeout: 10_000,
      },
    );
    const answer = part('cif-incoming-call-toast', '[part="answer-button"]')!;
    expect(answer.getAttribute('aria-label') ?? answer.textContent).to.contain('Jane Doe');
  });

  it('renders the call controls of a connected call', async () => {
    await waitUntil(() => part('cif-call-controls', '[data-key="mute"]'), 'no mute button', {
      timeout: 10_000,
    });
    expect(part('cif-call-controls', '[data-key="mute"]')!.getAttribute('aria-pressed')).to.equal(
      'false',
    );
  });

  it('renders the contact card for the number', async () => {
    await waitUntil(
      () =>
        frame.contentDocument
          ?.querySelector('cif-contact-card')
          ?.shadowRoot?.textContent?.includes('555'),
      'the contact card shows no number',
      { timeout: 10_000 },
    );
  });
});
