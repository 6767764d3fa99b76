// The loader under Trusted Types (`require-trusted-types-for 'script'`): it creates the library's script
// URL with its own policy (`cif-elements`), which passes only http(s) URLs; where the page's CSP does not
// allow that policy, the load fails in plain words instead of throwing.
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { CIF_TRUSTED_TYPES_POLICY, loadCifLibrary, type CifLoadResult } from '../index.js';

const FIXTURES = `${location.origin}/packages/core/test/fixtures`;

interface Rules {
  createScriptURL(input: string): string;
}
type TrustedWindow = Window & {
  trustedTypes: {
    createPolicy(name: string, rules: Rules): { createScriptURL(i: string): unknown };
  };
  HTMLScriptElement: typeof HTMLScriptElement;
};

async function frame(): Promise<HTMLIFrameElement> {
  const iframe = document.createElement('iframe');
  iframe.src = `${FIXTURES}/widget.html`;
  const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  document.body.appendChild(iframe);
  await loaded;
  return iframe;
}

function status(result: CifLoadResult): string {
  return result.status;
}

describe('the CIF loader under Trusted Types', () => {
  let iframe: HTMLIFrameElement | undefined;
  afterEach(() => {
    iframe?.remove();
    iframe = undefined;
    sinon.restore();
  });

  it('creates the script URL with its own policy, once per window, for http(s) URLs only', async () => {
    iframe = await frame();
    const win = iframe.contentWindow as TrustedWindow;
    const create = sinon.spy(win.trustedTypes, 'createPolicy');
    const result = await loadCifLibrary({
      window: win,
      crmUrl: `${FIXTURES}/ok`,
      initTimeout: 2_000,
    });
    expect(status(result)).to.equal('ready');
    expect(create.callCount).to.equal(1);
    expect(create.firstCall.args[0]).to.equal(CIF_TRUSTED_TYPES_POLICY);
    const script = win.document.querySelector<HTMLScriptElement>(
      'script[data-cifid="CIFMainLibrary"]',
    );
    expect(script?.src).to.equal(`${FIXTURES}/ok/webresources/Widget/msdyn_ciLibrary.js`);
    const rules = create.firstCall.args[1];
    expect(rules.createScriptURL('https://contoso.crm.dynamics.com/x.js')).to.equal(
      'https://contoso.crm.dynamics.com/x.js',
    );
    for (const bad of ['javascript:alert(1)', 'data:text/javascript,alert(1)', 'blob:x'])
      expect(() => rules.createScriptURL(bad), bad).to.throw();

    // A second load into the same window reuses the policy (a second createPolicy would be refused).
    delete (win as Window & { Microsoft?: unknown }).Microsoft;
    script!.remove();
    expect(
      status(await loadCifLibrary({ window: win, crmUrl: `${FIXTURES}/ok`, initTimeout: 2_000 })),
    ).to.equal('ready');
    expect(create.callCount).to.equal(1);
  });

  it('a policy the CSP refuses, and a refused URL: script-failed, naming the policy to allow', async () => {
    iframe = await frame();
    const win = iframe.contentWindow as TrustedWindow;
    sinon
      .stub(win.trustedTypes, 'createPolicy')
      .throws(new TypeError('Policy "cif-elements" disallowed.'));
    Object.defineProperty(win.HTMLScriptElement.prototype, 'src', {
      configurable: true,
      set() {
        throw new TypeError("This document requires 'TrustedScriptURL' assignment.");
      },
    });
    const result = await loadCifLibrary({
      window: win,
      crmUrl: `${FIXTURES}/ok`,
      initTimeout: 2_000,
    });
    expect(result).to.deep.include({
      status: 'script-failed',
      libraryUrl: `${FIXTURES}/ok/webresources/Widget/msdyn_ciLibrary.js`,
    });
    expect((result as { message: string }).message).to.equal(
      'Trusted Types refused the CIF library\'s URL: allow the policy "cif-elements" (CSP trusted-types lit-html cif-elements)',
    );
    expect(win.document.querySelector('script[data-cifid]')).to.equal(null);
  });

  it('without Trusted Types (an older browser), the plain URL', async () => {
    iframe = await frame();
    const win = iframe.contentWindow as Window & { trustedTypes?: unknown };
    Object.defineProperty(win, 'trustedTypes', { configurable: true, value: undefined });
    const result = await loadCifLibrary({
      window: win,
      crmUrl: `${FIXTURES}/ok`,
      initTimeout: 2_000,
    });
    expect(status(result)).to.equal('ready');
  });
});
