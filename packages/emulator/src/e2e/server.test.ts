// The real thing: `startEmulator` and the `cif-emulator` CLI serve the host at http://localhost:<port>/
// and the library at /webresources/Widget/msdyn_ciLibrary.js; a second page of the same Chromium opens the
// host, which frames the widget (127.0.0.1, another port) at exactly the given URL.
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { fixturePort } from '../test-utils/harness.js';

interface Started {
  id: string;
  url: string;
  libraryUrl: string;
  port: number;
  warnings: string[];
}
interface CliResult {
  stdout: string;
  stderr: string;
  code: number | null;
  host?: string;
  library?: string;
  hostStatus?: number;
  hostHtml?: string;
  libraryStatus?: number;
  libraryType?: string;
  libraryText?: string;
}

const page = (payload: Record<string, unknown>) =>
  executeServerCommand('cif-emulator:page', payload);

describe('startEmulator and a second page', () => {
  let emulator: Started;
  let pageId: string;
  let widgetUrl: string;
  const inHost = (script: string) => page({ action: 'eval', id: pageId, script });
  const inWidget = (script: string) =>
    page({ action: 'eval', id: pageId, frame: '/widget.html', script });

  before(async () => {
    widgetUrl = `http://127.0.0.1:${await fixturePort()}/widget.html?lib=referrer&tenant=a%20b&x=1&x=2`;
    emulator = await executeServerCommand<Started, unknown>('cif-emulator:start', {
      widgetUrl,
      api: 2,
      config: {
        provider: { label: 'Served </script><img src=x onerror="window.__pwned=1"> Phone' },
        apiTimeoutMs: 5000,
      },
    });
    pageId = ((await page({ action: 'open', url: emulator.url })) as { id: string }).id;
  });
  after(async () => {
    if (pageId) await page({ action: 'close', id: pageId });
    if (emulator) await executeServerCommand('cif-emulator:stop', { id: emulator.id });
  });

  it('serves the host at http://localhost:<port>/ and the library beside it', () => {
    expect(emulator.url).to.equal(`http://localhost:${emulator.port}/`);
    expect(emulator.libraryUrl).to.equal(
      `http://localhost:${emulator.port}/webresources/Widget/msdyn_ciLibrary.js`,
    );
    expect(emulator.warnings).to.deep.equal([]);
  });

  it('embeds a hostile configuration as data, never as markup', async () => {
    const result = (await inHost(`return {
      label: document.querySelector('.cif-emu-panel-header h2').textContent,
      images: document.querySelectorAll('img').length,
      pwned: window.__pwned === 1,
    };`)) as { label: string; images: number; pwned: boolean };
    expect(result).to.deep.equal({
      label: 'Served </script><img src=x onerror="window.__pwned=1"> Phone',
      images: 0,
      pwned: false,
    });
  });

  it('frames the widget at exactly the given URL, query string preserved', async () => {
    const src = await inHost(
      `return document.querySelector('iframe#SidePanelIFrame').getAttribute('src');`,
    );
    expect(src).to.equal(widgetUrl);
    const location = await inWidget('return location.href;');
    expect(location).to.equal(widgetUrl);
  });

  it('the widget (library found through document.referrer) receives CIFInitDone and talks to the host', async () => {
    const detail = await inWidget(`
      for (let i = 0; i < 200 && !window.Microsoft?.CIFramework; i++) await new Promise((r) => setTimeout(r, 20));
      return { hasCif: !!window.Microsoft?.CIFramework, status: document.getElementById('status').textContent };
    `);
    expect(detail).to.deep.equal({ hasCif: true, status: 'ready' });
    const env = (await inWidget(
      `return JSON.parse(await Microsoft.CIFramework.getEnvironment());`,
    )) as Record<string, unknown>;
    expect(env.clientUrl).to.equal(`http://localhost:${emulator.port}`);
    const id = (await inWidget(`
      const r = await Microsoft.CIFramework.createRecord('lead', JSON.stringify({ subject: 'Served', lastname: 'Lead' }));
      return JSON.parse(r).id;
    `)) as string;
    expect(
      await inHost(`return window.cifEmulator.host.dataverse.get('lead', '${id}').subject;`),
    ).to.equal('Served');
  });

  it('shows a notification the agent answers in the host page', async () => {
    const answer = (await inWidget(`
      const pending = Microsoft.CIFramework.notifyEvent({ templateName: 'IncomingCall', templateParameters: { customerName: 'Served caller' } });
      window.__pending = pending;
      return 'started';
    `)) as string;
    expect(answer).to.equal('started');
    const title = await inHost(`
      for (let i = 0; i < 200 && !document.querySelector('.cif-emu-toast'); i++) await new Promise((r) => setTimeout(r, 20));
      const title = document.querySelector('.cif-emu-toast h2').textContent;
      document.querySelector('.cif-emu-toast [data-action="accept"]').click();
      return title;
    `);
    expect(title).to.contain('Incoming call from Served caller');
    expect(await inWidget('return await window.__pending;')).to.equal(
      '{"actionName":"Accept","responseReason":"Accept"}',
    );
  });
});

describe('the cif-emulator CLI', () => {
  it('starts from source with --widget, --port, --api and --config and serves the host and the library', async () => {
    const result = await executeServerCommand<CliResult, unknown>('cif-emulator:cli', {
      args: [
        '--widget',
        'http://127.0.0.1:5173/widget?a=1&b=%20',
        '--port',
        '0',
        '--api',
        '1',
        '--config',
        'packages/emulator/test/fixtures/config.json',
      ],
      waitFor: 'warning: faults',
    });
    expect(result.stdout).to.match(/CIF emulator: Fixture Phone \(CIF 1\.0\)/);
    expect(result.host).to.match(/^http:\/\/localhost:\d+\/$/);
    expect(result.library).to.equal(`${result.host}webresources/Widget/msdyn_ciLibrary.js`);
    expect(result.stdout).to.contain('Widget:  http://127.0.0.1:5173/widget?a=1&b=%20');
    expect(result.stdout).to.match(
      /warning: templates\.notification\[1\]: a template needs a name/,
    );
    expect(result.stdout).to.match(/warning: faults\.rules\[0\]/);
    expect(result.hostStatus).to.equal(200);
    const embedded = JSON.parse(
      /<script type="application\/json" id="cif-emulator-config">(.*?)<\/script>/s.exec(
        result.hostHtml ?? '',
      )?.[1] ?? '{}',
    ) as {
      provider: { landingUrl: string; apiVersion: number; label: string };
    };
    expect(embedded.provider).to.include({
      landingUrl: 'http://127.0.0.1:5173/widget?a=1&b=%20',
      apiVersion: 1,
      label: 'Fixture Phone',
    });
    expect(result.libraryStatus).to.equal(200);
    expect(result.libraryType).to.equal('text/javascript; charset=utf-8');
    expect(result.libraryText).to.match(/^\/\* msdyn_ciLibrary\.js/);
  });

  it('explains bad arguments and exits non-zero', async () => {
    const bad = await executeServerCommand<CliResult, unknown>('cif-emulator:cli', {
      args: ['--api', '3'],
    });
    expect(bad.code).to.equal(1);
    expect(bad.stderr).to.contain('--api must be 1 or 2');
    expect(bad.stderr).to.contain('Usage: cif-emulator');
    const relative = await executeServerCommand<CliResult, unknown>('cif-emulator:cli', {
      args: ['--widget', '/widget.html'],
    });
    expect(relative.code).to.equal(1);
    expect(relative.stderr).to.contain('--widget must be an absolute URL');
    const missing = await executeServerCommand<CliResult, unknown>('cif-emulator:cli', {
      args: ['--config', 'no/such/file.json', '--port', '0'],
    });
    expect(missing.code).to.equal(1);
    expect(missing.stderr).to.contain('Cannot read the configuration file');
    const help = await executeServerCommand<CliResult, unknown>('cif-emulator:cli', {
      args: ['--help'],
      waitFor: 'Show the version',
    });
    expect(help.stdout).to.contain('Usage: cif-emulator --widget <url>');
  });
});

describe('the Vite plugin', () => {
  it('serves the host under /__cif-emulator/ and the library, and leaves other requests to the app', async () => {
    interface Response {
      status: number;
      type: string | null;
      text: string;
    }
    const result = await executeServerCommand<Record<string, Response> & { name: string }, unknown>(
      'cif-emulator:vite-plugin',
      {
        widgetUrl: 'http://localhost:5173/widget.html',
        api: 2,
      },
    );
    expect(result.name).to.equal('cif-emulator');
    expect(result.host?.status).to.equal(200);
    expect(result.host?.text).to.contain('<script type="module" src="/__cif-emulator/host.js">');
    expect(result.library).to.include({ status: 200, type: 'text/javascript; charset=utf-8' });
    expect(JSON.parse(result.config?.text ?? '{}')).to.deep.equal({
      provider: { landingUrl: 'http://localhost:5173/widget.html', apiVersion: 2 },
    });
    expect(result.app?.text).to.equal('app');
    expect(result.post?.text).to.equal('app');
  });
});
