import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { defaultConfig } from './defaults.js';
import { ConfigError, normalizeConfig, normalizeGuid, parseConfigText } from './normalize.js';

describe('normalizeConfig', () => {
  it('needs no file: the embedded defaults make a complete org', () => {
    const { config, warnings } = normalizeConfig(undefined);
    expect(warnings).to.deep.equal([]);
    expect(config).to.deep.equal(defaultConfig);
    expect(config.templates.notification.map((t) => t.name)).to.include('IncomingCall');
    expect(config.presences.map((p) => p.text)).to.include.members([
      'Available',
      'Busy',
      'Away',
      'Offline',
      'On call',
    ]);
  });

  it('applies a full configuration', () => {
    const { config, warnings } = normalizeConfig({
      provider: {
        label: 'Acme',
        landingUrl: 'https://acme.example/cif?x=1',
        apiVersion: 1,
        clickToAct: false,
        trustedDomain: 'https://*.acme.example; https://acme.example',
        customParams: { region: 'emea' },
        enableAnalytics: true,
      },
      org: { uniqueName: 'acme', id: '{11111111-2222-3333-4444-555555555555}', lcid: 1031 },
      user: {
        id: 'AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE',
        name: 'Kim',
        lcid: 1036,
        email: 'kim@acme.example',
      },
      templates: {
        notification: [
          {
            name: 'IncomingCall',
            title: 'Ring {x}',
            timeout: 0,
            fields: [{ header: 'H', value: '{v}' }],
          },
          { name: 'Extra', title: 'E', desktopNotification: 'background' },
        ],
        session: [
          {
            name: 'S',
            title: 'T',
            anchorTab: 'EntityRecord',
            panelState: 'hidden',
            additionalTabs: ['Search'],
          },
        ],
        tab: [
          {
            name: 'Kb',
            type: 'webresource',
            parameters: { webresourceName: 'kb', n: 1 },
            tags: ['kb'],
            canClose: false,
          },
        ],
      },
      presences: [
        { id: 'a', text: 'Ready', color: '#00ff00', baseStatus: 1 },
        { text: 'Lunch', baseStatus: 4 },
      ],
      presence: 'Lunch',
      panel: { mode: 0, width: 500 },
      seed: { includeDefault: false, records: { contact: [{ lastname: 'Only' }] } },
      persistence: 'localStorage',
      faults: {
        latencyMs: 20,
        rules: [
          { api: '*', action: 'delay', ms: 5 },
          { event: 'onclicktoact', action: 'drop', times: 2 },
          { api: 'createRecord', action: 'timeout' },
          { api: 'getMode', action: 'fail', shape: 'object', errorCode: 7, message: 'm' },
        ],
      },
      apiTimeoutMs: 100000,
      quirks: {
        notifyEventValueWrapper: true,
        displayTimeoutAction: 'Reject',
        getModeAsString: true,
        sessionFocusSpelling: 'focussed',
      },
      webResources: { kb: 'https://kb.acme.example/' },
    });
    expect(warnings).to.deep.equal([]);
    expect(config.provider).to.include({
      label: 'Acme',
      apiVersion: 1,
      clickToAct: false,
      customParams: '{"region":"emea"}',
      enableAnalytics: true,
    });
    expect(config.provider.trustedDomains).to.deep.equal([
      'https://*.acme.example',
      'https://acme.example',
    ]);
    expect(config.org.id).to.equal('11111111-2222-3333-4444-555555555555');
    expect(config.org.appName).to.equal('Customer Service Hub');
    expect(config.user).to.include({ id: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee', lcid: 1036 });
    expect(config.templates.notification.find((t) => t.name === 'IncomingCall')?.title).to.equal(
      'Ring {x}',
    );
    expect(config.templates.notification.find((t) => t.name === 'Extra')).to.include({
      desktopNotification: 'background',
      timeout: 120,
    });
    expect(config.templates.tab.find((t) => t.name === 'Kb')?.parameters).to.deep.equal({
      webresourceName: 'kb',
      n: '1',
    });
    expect(config.presences.map((p) => p.text)).to.deep.equal(['Ready', 'Lunch']);
    expect(config.presence).to.equal('Lunch');
    expect(config.faults.rules).to.have.length(4);
    expect(config.quirks).to.deep.equal({
      notifyEventValueWrapper: true,
      displayTimeoutAction: 'Reject',
      getModeAsString: true,
      sessionFocusSpelling: 'focussed',
    });
  });

  it('replaces every bad value by its default and says so, never throwing on a field', () => {
    const { config, warnings } = normalizeConfig({
      provider: {
        label: 5,
        landingUrl: 'javascript:alert(1)',
        apiVersion: 3,
        clickToAct: 'yes',
        trustedDomain: [1, 'x.example'],
        sortOrder: 'first',
      },
      org: 'nope',
      user: { id: 'not-a-guid', lcid: 99 },
      templates: {
        notification: [{ name: 'T', timeout: 900 }, 'x'],
        session: {},
        tab: [{ name: 'X', type: 'dashboardz' }],
      },
      presences: [{ text: '' }],
      presence: 'Ghost',
      panel: { mode: 3, width: 10 },
      seed: { records: { contact: 'nope' } },
      persistence: 'disk',
      faults: {
        rules: [
          { api: 'x', action: 'explode' },
          { api: 'x', action: 'delay' },
          { api: 'x', action: 'fail', shape: 'xml' },
          7,
        ],
      },
      quirks: { displayTimeoutAction: 'Later', sessionFocusSpelling: 'focusd' },
      webResources: { bad: 'ftp://x' },
      typo: true,
    });
    expect(config.provider.landingUrl).to.equal('');
    expect(config.provider.apiVersion).to.equal(2);
    expect(config.provider.trustedDomains).to.deep.equal(['x.example']);
    expect(config.panel).to.deep.equal({ mode: 3, width: 340 });
    expect(config.presence).to.equal('Available');
    expect(config.faults.rules).to.deep.equal([]);
    expect(warnings.length).to.be.at.least(20);
    expect(warnings).to.include('typo: not a configuration key; ignored');
    expect(warnings.some((w) => w.startsWith('provider.landingUrl'))).to.equal(true);
    expect(
      normalizeConfig({ provider: { apiVersion: 1 }, panel: { mode: 2 } }).config.panel.mode,
    ).to.equal(1);
  });

  it('throws a ConfigError only when the input is not an object', () => {
    expect(() => normalizeConfig([1])).to.throw(ConfigError);
    expect(() => normalizeConfig('x')).to.throw(ConfigError);
    expect(() => parseConfigText('{', 'c.json')).to.throw(ConfigError, /c\.json is not valid JSON/);
    expect(() => parseConfigText('[]')).to.throw(ConfigError, /must be a JSON object/);
    expect(parseConfigText('{"provider":{}}')).to.deep.equal({ provider: {} });
  });

  it('survives any JSON object', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom(
            'provider',
            'templates',
            'panel',
            'faults',
            'seed',
            'quirks',
            'presences',
            'user',
            'x',
          ),
          fc.jsonValue(),
        ),
        (input) => {
          const { config } = normalizeConfig(input);
          expect(config.provider.apiVersion === 1 || config.provider.apiVersion === 2).to.equal(
            true,
          );
        },
      ),
      { numRuns: 300 },
    );
    expect(normalizeGuid(42)).to.equal(undefined);
  });
});
