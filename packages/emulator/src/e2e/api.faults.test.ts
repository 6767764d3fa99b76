// Every CIF API through core's client in a cross-origin widget (soak-widget.html), failing through the
// emulator's fault injection in each error shape the real library produces for it — a JSON string
// `{"message","msdyn_name"}` for the JSON-string APIs; a Map, an argument-validation JSON string, a
// createTab-style `{errorCode, message}` object or plain text for the others — and timing out. Each failure
// reaches the widget as a CifError carrying the host's message in plain words (or the library's timeout
// text); the next call of the same API succeeds again, so the widget stays usable.
import { expect } from '@open-wc/testing';
import { openSoakWidget, type SoakWidget } from '../test-utils/soak.js';

/** APIs that resolve JSON strings and always reject with a JSON string (CIF-REFERENCE §2). */
const JSON_APIS = new Set([
  'createRecord',
  'retrieveRecord',
  'updateRecord',
  'deleteRecord',
  'searchAndOpenRecords',
  'getEnvironment',
  'openForm',
  'notifyEvent',
  'cancelEvent',
  'updateConversation',
]);
/** APIs the library never times out (they wait for the agent). */
const UNTIMED = new Set(['notifyEvent', 'openForm', 'createSession']);

const CONTACT = 'c0000000-0000-4000-8000-000000000001';

/** Every API but addHandler/removeHandler (covered by the events tests), with arguments. */
const CALLS: readonly [string, unknown[]][] = [
  ['setClickToAct', [true]],
  ['getClickToAct', []],
  ['setMode', [1]],
  ['getMode', []],
  ['setWidth', [400]],
  ['getWidth', []],
  ['getEnvironment', []],
  ['createRecord', ['contact', { lastname: 'Faults' }]],
  ['retrieveRecord', ['contact', CONTACT, { select: ['fullname'] }]],
  ['updateRecord', ['contact', CONTACT, { jobtitle: 'Tester' }]],
  ['searchAndOpenRecords', ['contact', { select: ['fullname'], top: 1 }, true]],
  ['openForm', [{ entityName: 'contact' }]],
  ['renderSearchPage', ['contact', 'Alex']],
  ['getEntityMetadata', ['contact', ['fullname']]],
  ['raiseEvent', ['soakEvent', { a: 1 }]],
  ['updateContext', [{ customerName: 'Alex' }]],
  ['notifyEvent', [{ templateName: 'IncomingCall', templateParameters: { number: '+1' } }]],
  ['cancelEvent', ['no-such-token']],
  ['canCreateSession', []],
  ['getFocusedSession', []],
  ['getAllSessions', []],
  ['getSession', ['session-id-0']],
  ['requestFocusSession', ['session-id-0']],
  ['getTabs', []],
  ['getFocusedTab', []],
  ['notifyNewActivity', ['session-id-0', 1]],
  ['setPresence', ['Available']],
  ['getPresence', []],
  [
    'logAnalyticsEvent',
    [{ conversationId: 'c', providerSessionId: 'p', events: [{ kpiEventName: 'Hold' }] }, 'E'],
  ],
  ['updateConversation', ['no-such-conversation', { msdyn_title: 'x' }]],
  ['createSession', [{ templateName: 'CallSession', templateParameters: {} }]],
  ['setSessionTitle', [{ sessionId: 'session-id-0', title: 'x' }]],
  ['createTab', [{ templateName: 'EntityRecord', templateParameters: { entityName: 'contact' } }]],
  ['focusTab', ['no-such-tab']],
  ['refreshTab', ['no-such-tab']],
  ['closeTab', ['no-such-tab']],
  ['setTabTitle', ['no-such-tab', 'x']],
  ['notifyKpiBreach', ['session-id-0']],
  ['deleteRecord', ['contact', CONTACT]],
];

/** How the widget saw each shape's rejection (the CifError's `raw`). */
const RAW: Record<string, string> = {
  json: 'string',
  map: 'Map',
  object: 'object',
  string: 'string',
};

interface Facts {
  name: string;
  code: string;
  api: string;
  message: string;
  raw: string;
}
type Outcome = { ok: true; value: unknown } | { ok: false; error: Facts };

describe('every CIF API failing through the emulator’s fault injection', function () {
  this.timeout(120_000);
  let w: SoakWidget;
  const counts = { failures: 0, timeouts: 0, recovered: 0 };
  const call = (method: string, args: unknown[]) =>
    w.command<Outcome>({ soak: 'call', method, args });

  before(async () => {
    w = await openSoakWidget({ apiTimeoutMs: 300 }, `api-faults-${Date.now()}`);
  });
  after(() => {
    console.log(
      `[faults] every API: ${counts.failures} failures and ${counts.timeouts} timeouts injected over ${CALLS.length} APIs; ${counts.recovered} recovered`,
    );
    w.dispose();
  });

  it('each real error shape reaches the widget as a CifError with the host’s message; the next call works', async () => {
    for (const [api, args] of CALLS) {
      const shapes = JSON_APIS.has(api) ? ['json'] : ['map', 'json', 'object', 'string'];
      for (const shape of shapes) {
        const message = `Dynamics 365 refused ${api} (${shape})`;
        w.host.faults.add({ api, action: 'fail', shape: shape as 'json', message, times: 1 });
        counts.failures++;
        const failed = await call(api, args);
        expect(failed.ok, `${api} ${shape} resolved`).to.equal(false);
        if (failed.ok) continue;
        expect(failed.error, `${api} ${shape}`).to.deep.include({
          name: 'CifError',
          api,
          message,
          raw: RAW[shape],
        });
        expect(failed.error.code, `${api} ${shape}`).to.be.a('string').and.not.equal('');
      }
      // The fault is spent: the API answers as usual again (a host refusal of its own is fine). openForm
      // and notifyEvent wait for the agent, so another API shows that the widget still works.
      const waits = api === 'openForm' || api === 'notifyEvent';
      const again = await (waits ? call('getMode', []) : call(api, args));
      if (!again.ok) expect(again.error.message, `${api} again`).to.not.contain('refused');
      counts.recovered++;
    }
    expect(w.host.faults.rules.every((rule) => w.host.faults.usage(rule) === 1)).to.equal(true);
  });

  it('an API that never answers times out with the library’s text', async () => {
    w.host.faults.clear();
    for (const [api, args] of CALLS) {
      if (UNTIMED.has(api)) continue;
      w.host.faults.add({ api, action: 'timeout', times: 1 });
      counts.timeouts++;
      const outcome = await call(api, args);
      expect(outcome.ok, `${api} resolved`).to.equal(false);
      if (outcome.ok) continue;
      expect(outcome.error, api).to.deep.include({
        code: 'timeout',
        message: 'Timeout occurred as no response was received from listener window',
      });
    }
  });
});
