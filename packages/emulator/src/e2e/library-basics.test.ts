// Cross-origin end-to-end: the test page is the host (localhost), the plain-HTML widget runs on
// 127.0.0.1 and talks to it only through msdyn_ciLibrary.js and Microsoft's documented API.
import { expect } from '@open-wc/testing';
import { openHost, type HostHarness } from '../test-utils/harness.js';

const DOCUMENTED = [
  'addHandler',
  'cancelEvent',
  'canCreateSession',
  'closeTab',
  'createRecord',
  'createSession',
  'createTab',
  'deleteRecord',
  'focusTab',
  'getAllSessions',
  'getClickToAct',
  'getEntityMetadata',
  'getEnvironment',
  'getFocusedSession',
  'getFocusedTab',
  'getMode',
  'getPresence',
  'getSession',
  'getTabs',
  'getWidth',
  'logAnalyticsEvent',
  'notifyEvent',
  'notifyKpiBreach',
  'notifyNewActivity',
  'openForm',
  'raiseEvent',
  'refreshTab',
  'removeHandler',
  'renderSearchPage',
  'requestFocusSession',
  'retrieveRecord',
  'searchAndOpenRecords',
  'setClickToAct',
  'setMode',
  'setPresence',
  'setSessionTitle',
  'setTabTitle',
  'setWidth',
  'updateContext',
  'updateConversation',
  'updateRecord',
];

const json = (value: unknown) => JSON.parse(value as string) as Record<string, unknown>;

describe('msdyn_ciLibrary.js across origins: loading, panel, environment', () => {
  let h: HostHarness;
  before(async () => {
    h = await openHost({
      config: { provider: { customParams: '{"tenant":"contoso"}', label: 'Contoso Phone' } },
    });
  });
  after(() => h.dispose());

  it('frames the widget with the real sandbox and allow attributes, cross-origin', () => {
    expect(h.frame.getAttribute('sandbox')).to.equal(
      'allow-forms allow-popups allow-scripts allow-same-origin allow-modals',
    );
    expect(h.frame.getAttribute('allow')).to.equal('microphone; camera; geolocation');
    expect(h.widgetOrigin).to.match(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(location.hostname).to.equal('localhost');
    expect(h.frame.title).to.equal('Contoso Phone');
  });

  it('defines exactly the documented methods and none of the undocumented ones', async () => {
    for (const api of DOCUMENTED)
      expect((await h.command({ testCommand: 'has', api })).value, api).to.equal('function');
    for (const api of ['closeSession', 'retrieveMultipleRecords', 'setPosition', 'insertNotes']) {
      expect((await h.command({ testCommand: 'has', api })).value, api).to.equal('undefined');
    }
  });

  it('setClickToAct resolves null and getClickToAct a boolean; the host honours it', async () => {
    expect(await h.call('setClickToAct', false)).to.deep.equal({
      outcome: 'resolved',
      value: null,
    });
    expect(h.host.clickToAct).to.equal(false);
    expect(await h.call('getClickToAct')).to.deep.equal({ outcome: 'resolved', value: false });
    await h.call('setClickToAct', true);
    expect((await h.call('getClickToAct')).value).to.equal(true);
  });

  it('setMode and getMode use numbers; invalid modes reject with the validation JSON string', async () => {
    expect(await h.call('setMode', 0)).to.deep.equal({ outcome: 'resolved', value: 0 });
    expect(h.container.querySelector('.cif-emu-panel')?.getAttribute('data-mode')).to.equal('0');
    expect(await h.call('getMode')).to.deep.equal({ outcome: 'resolved', value: 0 });
    expect(await h.call('setMode', 2)).to.deep.equal({ outcome: 'resolved', value: 2 });
    expect(h.host.panelMode).to.equal(2);
    const bad = await h.call('setMode', 7);
    expect(bad.outcome).to.equal('rejected');
    expect(bad.value).to.equal('{"message":"The setMode paramter value must be 0, 1 or 2."}');
    await h.call('setMode', 1);
  });

  it('setWidth ignores widths below 300 and collapses the panel beyond half the screen', async () => {
    expect(await h.call('setWidth', 250)).to.deep.equal({ outcome: 'resolved', value: 340 });
    expect(h.host.panelWidth).to.equal(340);
    expect(await h.call('setWidth', 420)).to.deep.equal({ outcome: 'resolved', value: 420 });
    h.view.update();
    expect(
      h.container
        .querySelector<HTMLElement>('.cif-emu-panel')!
        .style.getPropertyValue('--emu-panel-width'),
    ).to.equal('420px');
    expect(await h.call('getWidth')).to.deep.equal({ outcome: 'resolved', value: 420 });
    const wide = Math.ceil(window.innerWidth / 2) + 50;
    expect((await h.call('setWidth', wide)).value).to.equal(wide);
    expect((await h.call('getMode')).value).to.equal(3);
    const invalid = await h.call('setWidth', -5);
    expect(invalid).to.deep.equal({
      outcome: 'rejected',
      value:
        '{"message":"The setWidth parameter value is invalid. Provide a positive number to the parameter."}',
    });
    await h.call('setWidth', 340);
    await h.call('setMode', 1);
  });

  it('getEnvironment resolves a JSON string with the observed fields', async () => {
    const result = await h.call('getEnvironment');
    expect(result.outcome).to.equal('resolved');
    expect(result.value).to.be.a('string');
    const env = json(result.value);
    expect(env.userId).to.match(/^\{[0-9A-F-]{36}\}$/);
    expect(env).to.include({
      clientUrl: location.origin,
      orgUniqueName: 'contoso-emulated',
      orgLcid: 1033,
      userLcid: 1033,
      username: 'Avery Agent',
      customParams: '{"tenant":"contoso"}',
      isDirty: false,
    });
    expect(env.appUrl).to.match(/\/main\.aspx\?appid=/);
    // The home session is not the provider's: no page fields in CIF 2.0.
    expect(env).to.not.have.property('etn');
    expect(env).to.not.have.property('pagetype');
  });

  it('getEntityMetadata resolves an object with the requested attributes', async () => {
    const result = await h.call('getEntityMetadata', 'contact', ['telephone1', 'parentcustomerid']);
    expect(result.outcome).to.equal('resolved');
    const meta = result.value as {
      LogicalName: string;
      EntitySetName: string;
      Attributes: { LogicalName: string; Targets?: string[] }[];
    };
    expect(meta.LogicalName).to.equal('contact');
    expect(meta.EntitySetName).to.equal('contacts');
    expect(meta.Attributes.map((a) => a.LogicalName)).to.deep.equal([
      'telephone1',
      'parentcustomerid',
    ]);
    expect(meta.Attributes[1]?.Targets).to.deep.equal(['account', 'contact']);
    const missing = await h.call('getEntityMetadata', 'spaceship');
    expect(missing.outcome).to.equal('rejected');
    expect(missing.value).to.be.instanceOf(Map);
    expect((missing.value as Map<string, unknown>).get('message')).to.match(/spaceship/);
  });

  it('rejects blank arguments in the library with the real texts (JSON strings) and logs them in the host', async () => {
    expect(await h.call('retrieveRecord', '', 'x')).to.deep.equal({
      outcome: 'rejected',
      value: '{"message":"The EntityName parameter is blank.Provide a value to the parameter."}',
    });
    expect(await h.call('getSession', '')).to.deep.equal({
      outcome: 'rejected',
      value: '{"message":"The sessionId parameter is null. Provide a value to the parameter"}',
    });
    expect(
      h.host.inspector.entries.some((e) => e.name === 'retrieverecord' && e.status === 'failure'),
    ).to.equal(true);
  });
});
