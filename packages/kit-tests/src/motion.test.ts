import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { composedElements } from './test-utils/fixtures.js';
import { allAnimations, emulate, resetEmulation } from './test-utils/media.js';

/** The moving states of the kit: a ringing toast with its countdown, pending commands, a skeleton. */
async function movingStates(): Promise<HTMLElement> {
  const root = await fixture<HTMLElement>(
    html`<div style="inline-size: 360px">
      <cif-incoming-call-toast muted caller-name="Jane Doe" timeout="30"></cif-incoming-call-toast>
      <cif-call-controls state="connected" call-id="c1" pending="hold"></cif-call-controls>
      <cif-contact-card loading></cif-contact-card>
      <cif-dialpad pending value="2015550123"></cif-dialpad>
    </div>`,
  );
  for (const el of root.querySelectorAll<HTMLElement & { updateComplete: Promise<unknown> }>('*'))
    await el.updateComplete;
  await nextFrame();
  return root;
}

/** Transitions and animations that move things (transform, position, size, opacity), by element. */
function movingTransitions(root: Element): string[] {
  const out: string[] = [];
  for (const el of composedElements(root)) {
    const style = getComputedStyle(el);
    const durations = style.transitionDuration.split(',').map((d) => parseFloat(d));
    const properties = style.transitionProperty.split(',').map((p) => p.trim());
    properties.forEach((property, i) => {
      const moving =
        /^(all|transform|translate|scale|rotate|width|height|inset|left|right|top|bottom|opacity)$/.test(
          property,
        );
      const duration = durations[i % durations.length] ?? 0;
      if (moving && duration > 0)
        out.push(`${el.localName}.${el.getAttribute('part') ?? ''} ${property}`);
    });
  }
  return out;
}

describe('reduced motion', () => {
  afterEach(async () => {
    await resetEmulation();
  });

  it('without the preference the kit moves (ring, pulse, skeleton, countdown), so the check below sees motion', async () => {
    await emulate({ 'prefers-reduced-motion': 'no-preference' });
    await movingStates();
    const running = allAnimations().filter((a) => a.playState === 'running');
    expect(running.length).to.be.above(2);
  });

  it('with prefers-reduced-motion: reduce nothing animates and nothing slides or grows', async () => {
    await emulate({ 'prefers-reduced-motion': 'reduce' });
    const root = await movingStates();
    const running = allAnimations()
      .filter((a) => a.playState === 'running')
      .map((a) => (a instanceof CSSAnimation ? a.animationName : a.constructor.name));
    expect(running, 'running animations').to.deep.equal([]);
    expect(movingTransitions(root), 'moving transitions').to.deep.equal([]);
  });
});
