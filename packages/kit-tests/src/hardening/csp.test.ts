// Strict Content Security Policy: each component, the softphone and the softphone's own index.html run
// in a frame served with
//   default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script';
//   trusted-types lit-html
// (test/wtr-plugins.mjs), through their states and lazily loaded parts (test-utils/csp-scenes.ts).
// Every `securitypolicyviolation` event and error of the frame is collected: there must be none.
// The softphone's page is also framed by the emulator's host page with `?ucilib=`, so that core's loader
// injects msdyn_ciLibrary.js under Trusted Types (the loader's policy added to the CSP).
import { expect } from '@open-wc/testing';
import { startHost, type RunningHost } from '../../../emulator/src/host/index.js';

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
  source: string;
  disposition: string;
}

interface CspState {
  violations: Violation[];
  errors: string[];
  done: boolean;
  failure: string | null;
  steps: string[];
  warnings: string[];
  status?: string;
  statusMessage?: string;
}

const POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";

/** The collector's state in a frame's window (set by /csp/collect.js). */
function cspOf(win: Window | null): CspState | undefined {
  return win ? (Reflect.get(win, '__csp') as CspState | undefined) : undefined;
}

/** Opens a CSP page in a frame and waits for its scene to finish. */
async function open(
  path: string,
  timeout = 20_000,
): Promise<{ state: CspState; frame: HTMLIFrameElement; header: string | null }> {
  const header = (await fetch(path)).headers.get('content-security-policy');
  const frame = document.createElement('iframe');
  frame.title = path;
  frame.style.inlineSize = '480px';
  frame.style.blockSize = '720px';
  frame.src = path;
  document.body.append(frame);
  const start = performance.now();
  for (;;) {
    const state = cspOf(frame.contentWindow);
    if (state?.done) return { state, frame, header };
    if (performance.now() - start > timeout)
      throw new Error(`${path} did not finish: ${JSON.stringify(state ?? null)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('strict Content Security Policy', function () {
  this.timeout(40_000);

  // The shipped softphone page keeps its calls in this origin's localStorage: leave none behind for
  // the test files that run after this one.
  let keys: Set<string>;
  before(() => {
    keys = new Set(Object.keys(localStorage));
  });
  after(() => {
    for (const key of Object.keys(localStorage)) if (!keys.has(key)) localStorage.removeItem(key);
  });

  for (const scene of [
    'dialpad',
    'incoming-call-toast',
    'call-controls',
    'contact-card',
    'softphone',
    'softphone-widget',
  ]) {
    it(`${scene}: no violation, no error`, async () => {
      const { state, frame, header } = await open(`/csp/${scene}.html`);
      try {
        expect(header).to.equal(POLICY);
        expect(state.failure, 'the scene ran to its end').to.equal(null);
        expect(state.steps.length, 'the scene took its steps').to.be.greaterThan(0);
        // Framed by the test page without a CRM URL, the shipped page runs standalone and takes a call.
        if (scene === 'softphone-widget')
          expect(state.steps).to.deep.equal([
            'status standalone',
            'ringing',
            'connected',
            'ended',
            'call',
          ]);
        expect(state.violations).to.deep.equal([]);
        expect(state.errors).to.deep.equal([]);
      } finally {
        frame.remove();
      }
    });
  }

  describe('the softphone framed by the emulated Dynamics host, loading the library itself', () => {
    let container: HTMLElement;
    let running: RunningHost | undefined;
    const LIBRARY = `${location.origin}/webresources/Widget/msdyn_ciLibrary.js`;

    /** Frames the softphone's page in the emulator's channel panel and waits for its scene. */
    async function hosted(query: string): Promise<{ state: CspState; header: string | null }> {
      const url = `${location.origin}/csp/softphone-widget.html?ucilib=${encodeURIComponent(LIBRARY)}${query}`;
      const header = (await fetch(url)).headers.get('content-security-policy');
      container = document.createElement('div');
      document.body.append(container);
      running = startHost(container, { persistence: 'none', provider: { landingUrl: url } });
      const start = performance.now();
      for (;;) {
        const state = cspOf(running.host.widgetFrame?.contentWindow ?? null);
        if (state?.done) return { state, header };
        if (performance.now() - start > 30_000)
          throw new Error(`the hosted softphone did not finish: ${JSON.stringify(state ?? null)}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }

    afterEach(() => {
      running?.dispose();
      running = undefined;
      container?.remove();
    });

    it('with the loader’s policy listed, connects and takes a call: no violation, no error', async () => {
      const { state, header } = await hosted('');
      expect(header).to.equal(`${POLICY} cif-elements`);
      expect(state.failure).to.equal(null);
      expect(state.status, state.statusMessage).to.equal('connected');
      expect(state.steps).to.include('call');
      expect(state.violations).to.deep.equal([]);
      expect(state.errors).to.deep.equal([]);
      // The library really was injected by core's loader.
      expect(running!.host.inspector.entries.some((e) => e.name === 'getEnvironment')).to.equal(
        true,
      );
    });

    it('without it, the loader says in plain words which policy to allow', async () => {
      const { state, header } = await hosted('&strict');
      expect(header).to.equal(POLICY);
      expect(state.failure).to.equal(null);
      expect(state.status).to.equal('error');
      // The agent reads that Dynamics could not be reached; the vendor's console says why.
      expect(state.statusMessage).to.contain('could not be reached');
      expect(state.warnings.join('\n')).to.contain(
        'Trusted Types refused the CIF library\'s URL: allow the policy "cif-elements"',
      );
      // The refused policy, and the plain URL it then refuses: nothing else.
      expect(state.violations.map((v) => v.directive)).to.deep.equal([
        'trusted-types',
        'require-trusted-types-for',
      ]);
      expect(state.errors).to.deep.equal([]);
    });
  });

  it('the collector hears a violation (the check can fail)', async () => {
    const { state, frame } = await open('/csp/dialpad.html');
    try {
      const doc = frame.contentDocument!;
      const style = doc.createElement('style');
      style.textContent = 'body { color: red; }';
      doc.head.append(style);
      const div = doc.createElement('div');
      expect(() => {
        div.innerHTML = '<b>x</b>';
      }).to.throw(/TrustedHTML/);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(state.violations.map((v) => v.directive)).to.include.members([
        'style-src-elem',
        'require-trusted-types-for',
      ]);
    } finally {
      frame.remove();
    }
  });
});
