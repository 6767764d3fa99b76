import { expect } from '@open-wc/testing';
import { FakeCIFramework } from '../testing/index.js';
import {
  CIF_LIBRARY_PATH,
  loadCifLibrary,
  probeCifVersion,
  type CifLoadResult,
  type CifLoaderOptions,
} from '../index.js';

const FIXTURES = `${location.origin}/packages/core/test/fixtures`;
const framed = { isFramed: () => true, initTimeout: 2_000 } as const;

type TestWindow = Window & {
  Microsoft?: unknown;
  __cifFixture?: { loads: number; cifid: string | null; crmurl: string | null };
  __cifEmptyRan?: boolean;
};

function cleanWindow(win: TestWindow = window): void {
  delete win.Microsoft;
  delete win.__cifFixture;
  delete win.__cifEmptyRan;
  for (const script of win.document.querySelectorAll(
    'script[data-cifid], script[data-crmurl], script[data-test-page-script]',
  )) {
    script.remove();
  }
}

function expectStatus<S extends CifLoadResult['status']>(
  result: CifLoadResult,
  status: S,
): Extract<CifLoadResult, { status: S }> {
  expect(result.status, JSON.stringify({ ...result, client: undefined })).to.equal(status);
  return result as Extract<CifLoadResult, { status: S }>;
}

function load(options: CifLoaderOptions = {}): Promise<CifLoadResult> {
  return loadCifLibrary({ ...framed, ...options });
}

async function frame(src = `${FIXTURES}/widget.html`): Promise<HTMLIFrameElement> {
  const iframe = document.createElement('iframe');
  iframe.src = src;
  const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  document.body.appendChild(iframe);
  await loaded;
  return iframe;
}

function pageScript(
  src: string,
  attributes: Record<string, string> = {},
): Promise<HTMLScriptElement> {
  const script = document.createElement('script');
  script.src = src;
  script.setAttribute('data-test-page-script', '');
  for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value);
  const done = new Promise<HTMLScriptElement>((resolve) => {
    script.addEventListener('load', () => resolve(script), { once: true });
    script.addEventListener('error', () => resolve(script), { once: true });
  });
  document.head.appendChild(script);
  return done;
}

describe('loadCifLibrary', () => {
  beforeEach(() => cleanWindow());
  afterEach(() => cleanWindow());

  it('injects the library with data-cifid and data-crmurl, waits for CIFInitDone and probes the environment', async () => {
    const crmUrl = `${FIXTURES}/ok/`;
    const result = expectStatus(await load({ crmUrl }), 'ready');
    const script = document.querySelector<HTMLScriptElement>(
      'script[data-cifid="CIFMainLibrary"]',
    )!;
    expect(script.src).to.equal(`${FIXTURES}/ok${CIF_LIBRARY_PATH}`);
    expect(script.getAttribute('data-crmurl')).to.equal(`${FIXTURES}/ok`);
    const fixture = (window as TestWindow).__cifFixture!;
    expect(fixture).to.deep.equal({ loads: 1, cifid: 'CIFMainLibrary', crmurl: `${FIXTURES}/ok` });
    expect(result.source).to.equal('injected');
    expect(result.libraryUrl).to.equal(script.src);
    expect(result.crmUrl).to.equal(`${FIXTURES}/ok`);
    expect(result.version).to.equal(2);
    expect(result.capabilities.multiSession).to.equal(true);
    expect(result.capabilities.supports('notifyEvent')).to.equal(true);
    expect(result.environment).to.deep.include({
      userId: 'A8177E6E-1F4B-4E3A-9C2D-0E6A3B7C9D10',
      orgLcid: 1031,
    });
    expect(result.environment!.customParams).to.deep.equal({ queue: 'sales' });
    expect(await result.client.notifyEvent({ templateName: 'call' })).to.deep.include({
      accepted: true,
    });
  });

  it('detects a library that is already loaded, without injecting', async () => {
    const fake = new FakeCIFramework({ version: 1 });
    const uninstall = fake.install();
    try {
      const result = expectStatus(await loadCifLibrary({ isFramed: () => false }), 'ready');
      expect(result.source).to.equal('existing');
      expect(result.library).to.equal(fake.library);
      expect(result.version).to.equal(1);
      expect(document.querySelector('script[data-cifid]')).to.equal(null);
    } finally {
      uninstall();
    }
  });

  it('reports script-failed for a 404 and removes the script so a retry can inject again', async () => {
    const result = expectStatus(await load({ crmUrl: `${FIXTURES}/missing` }), 'script-failed');
    expect(result.libraryUrl).to.equal(`${FIXTURES}/missing${CIF_LIBRARY_PATH}`);
    expect(document.querySelector('script[data-cifid]')).to.equal(null);
  });

  it('reports script-failed for an unreachable host (network error)', async () => {
    const result = await load({ crmUrl: 'http://127.0.0.1:9' });
    expectStatus(result, 'script-failed');
  });

  it('reports library-missing when the script runs but defines nothing (sign-in redirect)', async () => {
    const result = expectStatus(await load({ crmUrl: `${FIXTURES}/empty` }), 'library-missing');
    expect((window as TestWindow).__cifEmptyRan).to.equal(true);
    expect(result.message).to.contain('Microsoft.CIFramework');
  });

  it('reports init-timeout when CIFInitDone never comes', async () => {
    const started = performance.now();
    const result = expectStatus(
      await load({ crmUrl: `${FIXTURES}/silent`, initTimeout: 300 }),
      'init-timeout',
    );
    expect(result.timeout).to.equal(300);
    expect(performance.now() - started).to.be.at.least(290);
  });

  it('reports not-in-dynamics for a page that is not framed (the real top-level test page)', async () => {
    const result = expectStatus(
      await loadCifLibrary({ crmUrl: `${FIXTURES}/ok` }),
      'not-in-dynamics',
    );
    expect(result.reason).to.equal('not-framed');
    expect(document.querySelector('script[data-cifid]')).to.equal(null);
  });

  it('loads outside a frame when requireFrame is false', async () => {
    expectStatus(
      await loadCifLibrary({
        crmUrl: `${FIXTURES}/ok`,
        requireFrame: false,
        probeEnvironment: false,
      }),
      'ready',
    );
  });

  it('reports not-in-dynamics/no-crm-url when framed without any CRM URL', async () => {
    const result = expectStatus(await load(), 'not-in-dynamics');
    expect(result.reason).to.equal('no-crm-url');
  });

  it('reports not-in-dynamics/no-window without a window', async () => {
    const result = expectStatus(await loadCifLibrary({ window: {} as Window }), 'not-in-dynamics');
    expect(result.reason).to.equal('no-window');
  });

  it('rejects URLs that are not http(s)', async () => {
    expectStatus(await load({ crmUrl: 'javascript:alert(1)' }), 'invalid-url');
    expectStatus(await load({ libraryUrl: 'data:text/javascript,alert(1)' }), 'invalid-url');
  });

  it('takes a full libraryUrl', async () => {
    const result = expectStatus(
      await load({ libraryUrl: `${FIXTURES}/ok${CIF_LIBRARY_PATH}`, probeEnvironment: false }),
      'ready',
    );
    expect(result.crmUrl).to.equal(`${FIXTURES}/ok`);
    expect(result.environment).to.equal(undefined);
  });

  it('shares one attempt between concurrent calls', async () => {
    const [a, b] = await Promise.all([
      load({ crmUrl: `${FIXTURES}/ok` }),
      load({ crmUrl: `${FIXTURES}/ok` }),
    ]);
    expect(a).to.equal(b);
    expect((window as TestWindow).__cifFixture!.loads).to.equal(1);
  });

  it('refines the version from the environment (all functions present, host says 1.0)', async () => {
    const result = expectStatus(await load({ crmUrl: `${FIXTURES}/v1env` }), 'ready');
    expect(result.version).to.equal(1);
    expect(result.client.version).to.equal(1);
    const error = await result.client
      .createSession({ templateName: 's' })
      .catch((e: { code: string }) => e);
    expect(error).to.have.property('code', 'unsupported-in-version');
  });

  it('reports a probe that times out as environmentError, still ready (CIF 1.0 library)', async () => {
    const result = expectStatus(
      await load({ crmUrl: `${FIXTURES}/v1`, probeTimeout: 100 }),
      'ready',
    );
    expect(result.version).to.equal(1);
    expect(result.environment).to.equal(undefined);
    expect(result.environmentError?.code).to.equal('timeout');
    expect(await result.client.getMode()).to.equal(0);
  });

  it('honours an explicit version', async () => {
    const result = expectStatus(await load({ crmUrl: `${FIXTURES}/v1env`, version: 2 }), 'ready');
    expect(result.version).to.equal(2);
  });

  describe('asking the host for its version (probeVersion)', () => {
    /** The shipped library: every function, and a build number for cifVersion. */
    function host(multisession: boolean, cifVersion = '9.2.0.49') {
      const fake = new FakeCIFramework({ environment: { cifVersion } });
      if (!multisession) fake.override('canCreateSession', { fail: 'map' });
      return fake;
    }

    async function loadWith(fake: FakeCIFramework, options: CifLoaderOptions) {
      const uninstall = fake.install();
      try {
        return expectStatus(await loadCifLibrary({ isFramed: () => false, ...options }), 'ready');
      } finally {
        uninstall();
      }
    }

    it('does not read a build number as a version; without probing, a full library looks like 2.0', async () => {
      const result = await loadWith(host(false), {});
      expect(result.environment?.cifVersion).to.equal('9.2.0.49');
      expect(result.version).to.equal(2);
    });

    it('speaks 1.0 to a host that refuses canCreateSession, 2.0 to one that answers', async () => {
      const single = host(false);
      const one = await loadWith(single, { probeVersion: true });
      expect(one.version).to.equal(1);
      expect(one.client.version).to.equal(1);
      expect(one.capabilities.multiSession).to.equal(false);
      expect(single.callsTo('canCreateSession')).to.have.length(1);
      const two = await loadWith(host(true), { probeVersion: true });
      expect(two.version).to.equal(2);
      expect(two.client.version).to.equal(2);
    });

    it('does not probe when the version is given or the environment names one', async () => {
      const explicit = host(false);
      expect((await loadWith(explicit, { probeVersion: true, version: 2 })).version).to.equal(2);
      expect(explicit.callsTo('canCreateSession')).to.have.length(0);
      const named = host(false, '2.0');
      expect((await loadWith(named, { probeVersion: true })).version).to.equal(2);
      expect(named.callsTo('canCreateSession')).to.have.length(0);
      const v1 = new FakeCIFramework({ version: 1, environment: { cifVersion: '9.0.0.0' } });
      expect((await loadWith(v1, { probeVersion: true })).version).to.equal(1);
      expect(v1.callsTo('canCreateSession')).to.have.length(0);
    });

    it('probeCifVersion: a host that does not answer in time is 1.0; it never rejects', async () => {
      const silent = host(true);
      silent.override('canCreateSession', { never: true });
      expect(await probeCifVersion(silent.library, { timeout: 50 })).to.equal(1);
      const throwing = host(true);
      throwing.override('canCreateSession', { throws: new Error('boom') });
      expect(await probeCifVersion(throwing.library)).to.equal(1);
      expect(await probeCifVersion(host(true).library)).to.equal(2);
      expect(await probeCifVersion(new FakeCIFramework({ version: 1 }).library)).to.equal(1);
    });
  });

  describe('page scripts', () => {
    it('waits on a data-cifid script that is still loading, without injecting a second copy', async () => {
      const script = document.createElement('script');
      script.src = `${FIXTURES}/ok${CIF_LIBRARY_PATH}`;
      script.setAttribute('data-cifid', 'CIFMainLibrary');
      script.setAttribute('data-crmurl', `${FIXTURES}/ok`);
      document.head.appendChild(script);
      const result = expectStatus(await load(), 'ready');
      expect(result.source).to.equal('page-script');
      expect(document.querySelectorAll('script[data-cifid]')).to.have.length(1);
      expect((window as TestWindow).__cifFixture!.loads).to.equal(1);
    });

    it('classifies a page script that already finished: defined nothing → library-missing', async () => {
      await pageScript(`${FIXTURES}/empty${CIF_LIBRARY_PATH}`, {
        'data-crmurl': `${FIXTURES}/empty`,
      });
      expectStatus(await load(), 'library-missing');
    });

    it('classifies a page script that already failed with a 404 → script-failed', async () => {
      await pageScript(`${FIXTURES}/gone${CIF_LIBRARY_PATH}`, { 'data-cifid': 'CIFMainLibrary' });
      expectStatus(await load(), 'script-failed');
    });

    it('uses data-crmurl of a script without src as the CRM URL', async () => {
      const config = document.createElement('script');
      config.type = 'application/json';
      config.setAttribute('data-crmurl', `${FIXTURES}/ok`);
      document.head.appendChild(config);
      const result = expectStatus(await load({ probeEnvironment: false }), 'ready');
      expect(result.source).to.equal('injected');
    });

    it('rejects a page script whose data-crmurl is not a URL', async () => {
      const config = document.createElement('script');
      config.type = 'application/json';
      config.setAttribute('data-crmurl', 'javascript:void 0');
      document.head.appendChild(config);
      expectStatus(await load(), 'invalid-url');
    });
  });

  describe('in a real frame', () => {
    let iframe: HTMLIFrameElement | undefined;
    afterEach(() => {
      iframe?.remove();
      iframe = undefined;
    });

    it('detects the frame by default and loads into the frame’s window', async () => {
      iframe = await frame();
      const win = iframe.contentWindow as TestWindow;
      const result = expectStatus(
        await loadCifLibrary({ window: win, crmUrl: `${FIXTURES}/ok`, initTimeout: 2_000 }),
        'ready',
      );
      expect(win.Microsoft).to.not.equal(undefined);
      expect((window as TestWindow).Microsoft).to.equal(undefined);
      expect(win.document.querySelector('script[data-cifid="CIFMainLibrary"]')).to.not.equal(null);
      expect(result.version).to.equal(2);
    });

    it('reads the library URL from the ucilib query parameter (same host)', async () => {
      const ucilib = encodeURIComponent(`${FIXTURES}/ok${CIF_LIBRARY_PATH}`);
      iframe = await frame(`${FIXTURES}/widget.html?ucilib=${ucilib}`);
      const result = expectStatus(
        await loadCifLibrary({ window: iframe.contentWindow!, initTimeout: 2_000 }),
        'ready',
      );
      expect(result.crmUrl).to.equal(`${FIXTURES}/ok`);
    });

    it('refuses a ucilib on an untrusted host, over http, or at another path', async () => {
      const cases: [string, string][] = [
        ['https://evil.example/webresources/Widget/msdyn_ciLibrary.js', 'not trusted'],
        ['http://contoso.crm.dynamics.com/webresources/Widget/msdyn_ciLibrary.js', 'https'],
        [`${FIXTURES}/ok/evil.js`, CIF_LIBRARY_PATH],
        ['javascript:alert(1)', 'http(s)'],
      ];
      for (const [url, reason] of cases) {
        iframe?.remove();
        iframe = await frame(`${FIXTURES}/widget.html?ucilib=${encodeURIComponent(url)}`);
        const result = expectStatus(
          await loadCifLibrary({ window: iframe.contentWindow! }),
          'invalid-url',
        );
        expect(result.message, url).to.contain(reason);
        expect(iframe.contentDocument!.querySelector('script[data-cifid]')).to.equal(null);
      }
    });

    it('accepts a ucilib on a default trusted Dynamics host, and refuses it with a narrower trustedHosts', async () => {
      const url = 'https://contoso.crm4.dynamics.com/webresources/Widget/msdyn_ciLibrary.js';
      iframe = await frame(`${FIXTURES}/widget.html?ucilib=${encodeURIComponent(url)}`);
      const refused = await loadCifLibrary({
        window: iframe.contentWindow!,
        trustedHosts: ['*.example.com'],
      });
      expect(refused.status).to.equal('invalid-url');
      // Accepted and injected; with no network here it then fails or times out, but is never refused.
      const accepted = await loadCifLibrary({ window: iframe.contentWindow!, initTimeout: 200 });
      expect(['script-failed', 'init-timeout']).to.include(accepted.status);
      expect(
        iframe.contentDocument!.querySelector<HTMLScriptElement>('script[data-cifid]')?.src ?? url,
      ).to.equal(url);
    });
  });
});
