// Multisession APIs (CIF 2.0) across origins: sessions, tabs, presence, analytics, conversations.
import { expect } from '@open-wc/testing';
import { contactId } from '../dataverse/seed.js';
import { HOME_SESSION_ID } from '../host/index.js';
import { openHost, until, type HostHarness } from '../test-utils/harness.js';

const json = (value: unknown) => JSON.parse(value as string) as Record<string, unknown>;
const sessionButton = (h: HostHarness, id: string) =>
  h.container.querySelector<HTMLButtonElement>(`[data-session-id="${id}"] > button`);

describe('sessions and tabs across origins (CIF 2.0)', () => {
  let h: HostHarness;
  let sessionId: string;
  before(async () => {
    h = await openHost();
  });
  after(() => h.dispose());

  it('createSession opens a generic session with its anchor tab and fires onSessionSwitched twice', async () => {
    expect(await h.call('canCreateSession')).to.deep.equal({ outcome: 'resolved', value: true });
    expect(await h.call('getFocusedSession')).to.deep.equal({ outcome: 'resolved', value: null });
    const switched = h.events('onSessionSwitched', 2);
    const created = await h.call('createSession', {
      templateName: 'CallSession',
      templateParameters: {
        customerName: 'Alex Baker',
        entityName: 'contact',
        entityId: contactId(1),
      },
      context: { callId: 'c-1' },
    });
    expect(created.outcome).to.equal('resolved');
    sessionId = created.value as string;
    expect(sessionId).to.match(/^session-id-\d+$/);
    const [off, on] = await switched;
    expect(off?.type).to.equal('string');
    expect(json(off?.payload)).to.deep.equal({
      sessionId: HOME_SESSION_ID,
      focused: false,
      context: {},
    });
    expect(json(on?.payload)).to.deep.equal({
      sessionId,
      focused: true,
      context: { callId: 'c-1' },
    });
    const button = await until(() => sessionButton(h, sessionId), 2000, 'the session in the list');
    expect(button.textContent).to.contain('Call: Alex Baker');
    expect(h.host.focusedTab?.page).to.include({
      type: 'entityrecord',
      entityName: 'contact',
      entityId: contactId(1),
    });
    expect(h.host.panelMode).to.equal(1);
  });

  it('getSession resolves a Map; getFocusedSession and getAllSessions the ids', async () => {
    const result = await h.call('getSession', sessionId);
    expect(result.outcome).to.equal('resolved');
    expect(result.value).to.be.instanceOf(Map);
    const map = result.value as Map<string, unknown>;
    expect(map.get('sessionId')).to.equal(sessionId);
    expect(map.get('focused')).to.equal(true);
    expect(map.get('context')).to.deep.equal({ callId: 'c-1' });
    expect(map.get('conversationId')).to.match(/^[0-9a-f-]{36}$/);
    expect(await h.call('getFocusedSession')).to.deep.equal({
      outcome: 'resolved',
      value: sessionId,
    });
    expect(await h.call('getAllSessions')).to.deep.equal({
      outcome: 'resolved',
      value: [sessionId],
    });
    const missing = await h.call('getSession', 'session-id-99');
    expect(missing.outcome).to.equal('rejected');
    expect(missing.value).to.be.instanceOf(Map);
    expect((missing.value as Map<string, unknown>).get('msdyn_name')).to.equal('getSession');
  });

  it('getEnvironment carries the page of the provider session in focus', async () => {
    const env = json((await h.call('getEnvironment')).value);
    expect(env).to.include({ pagetype: 'entityrecord', etn: 'contact', id: contactId(1) });
    expect(env.appid).to.be.a('string');
  });

  it('updateContext and setSessionTitle resolve slugs of the session title', async () => {
    const context = await h.call('updateContext', { customerName: 'Alex B.' }, sessionId);
    expect(context.outcome).to.equal('resolved');
    expect(json(context.value)).to.include({ callId: 'c-1', customerName: 'Alex B.' });
    await until(
      () => sessionButton(h, sessionId)?.textContent?.includes('Call: Alex B.'),
      2000,
      'the slug title',
    );
    expect(await h.call('setSessionTitle', { sessionId, title: 'VIP call' })).to.deep.equal({
      outcome: 'resolved',
      value: null,
    });
    await until(
      () => sessionButton(h, sessionId)?.textContent?.includes('VIP call'),
      2000,
      'the new title',
    );
  });

  it('createTab, getTabs, getFocusedTab, setTabTitle, focusTab, refreshTab and closeTab', async () => {
    const tab = await h.call('createTab', {
      templateName: 'EntityRecord',
      templateParameters: {
        entityName: 'account',
        entityId: 'a0000000-0000-4000-8000-000000000001',
      },
    });
    expect(tab.outcome).to.equal('resolved');
    const tabId = tab.value as string;
    expect(tabId).to.match(/^tab-id-\d+$/);
    expect(await h.call('getFocusedTab')).to.deep.equal({ outcome: 'resolved', value: tabId });
    expect((await h.call('getTabs', 'EntityRecord')).value).to.include(tabId);
    expect((await h.call('getTabs', null, ['record'])).value).to.include(tabId);
    expect((await h.call('getTabs', 'Search')).value).to.deep.equal([]);
    expect(await h.call('setTabTitle', tabId, { title: 'Contoso account' })).to.deep.equal({
      outcome: 'resolved',
      value: 'Contoso account',
    });
    const tabTitle = () =>
      h.container.querySelector(`[data-tab-id="${tabId}"]`)?.textContent?.trim();
    await until(() => tabTitle()?.startsWith('Contoso account'), 2000, 'the tab title');
    const anchor = String(h.host.focusedSession.tabs[0]?.id);
    expect((await h.call('focusTab', anchor)).outcome).to.equal('resolved');
    expect(h.host.focusedTab?.id).to.equal(anchor);
    expect((await h.call('refreshTab', tabId)).outcome).to.equal('resolved');
    expect(h.host.focusedSession.tabs.find((t) => t.id === tabId)?.refreshCount).to.equal(1);
    expect((await h.call('closeTab', anchor)).outcome).to.equal('rejected');
    expect((await h.call('closeTab', tabId)).outcome).to.equal('resolved');
    expect(h.host.focusedSession.tabs.map((t) => t.id)).to.not.include(tabId);
    const unknown = await h.call('createTab', { templateName: 'NoSuchTemplate' });
    expect(unknown).to.deep.equal({
      outcome: 'rejected',
      value: { errorCode: 404, message: 'Application tab template NoSuchTemplate not found' },
    });
  });

  it('notifyNewActivity, requestFocusSession and notifyKpiBreach mark an unfocused session', async () => {
    h.host.userFocusSession(HOME_SESSION_ID);
    await h.events('onSessionSwitched', 2);
    expect((await h.call('notifyNewActivity', sessionId, 3)).outcome).to.equal('resolved');
    expect((await h.call('requestFocusSession', sessionId)).outcome).to.equal('resolved');
    expect(
      (await h.call('notifyKpiBreach', sessionId, false, 'Waiting over 60 s')).outcome,
    ).to.equal('resolved');
    const item = await until(
      () => h.container.querySelector(`[data-session-id="${sessionId}"]`),
      1000,
      'item',
    );
    await until(
      () => item.querySelector('.cif-emu-badge')?.textContent === '3',
      2000,
      'the activity badge',
    );
    expect(item.querySelector('.kpi')).to.not.equal(null);
    expect(item.textContent).to.contain('requests attention');
    // requestFocusSession does not switch: the agent does.
    expect(h.host.focusedSessionId).to.equal(HOME_SESSION_ID);
    await h.call('notifyKpiBreach', sessionId, true);
    expect(h.host.sessions.find((s) => s.id === sessionId)?.kpiBreach).to.equal(undefined);
  });

  it('switching sessions in the UI fires onSessionSwitched for the old (false) and the new session (true)', async () => {
    const switched = h.events('onSessionSwitched', 2);
    sessionButton(h, sessionId)?.click();
    const [off, on] = await switched;
    expect(json(off?.payload)).to.include({ sessionId: HOME_SESSION_ID, focused: false });
    expect(json(on?.payload)).to.include({ sessionId, focused: true });
  });

  it('presence: setPresence needs an exact configured text; the picker raises onPresenceChange', async () => {
    expect(await h.call('setPresence', 'Busy')).to.deep.equal({ outcome: 'resolved', value: true });
    expect(await h.call('getPresence')).to.deep.equal({ outcome: 'resolved', value: 'Busy' });
    expect(await h.call('setPresence', 'busy')).to.deep.equal({
      outcome: 'resolved',
      value: false,
    });
    expect((await h.call('getPresence')).value).to.equal('Busy');
    const changed = h.nextEvent('onPresenceChange');
    const select = h.container.querySelector<HTMLSelectElement>('#cif-emu-presence')!;
    select.value = 'Away';
    select.dispatchEvent(new Event('change'));
    expect(json((await changed).payload)).to.deep.equal({
      presenceInfo: {
        basePresenceStatus: '4',
        presenceColor: '#F8D22A',
        presenceId: '0fe7e1c9-7f57-4a4c-b6c4-8ce8d4e7b704',
        presenceText: 'Away',
      },
    });
  });

  it('logAnalyticsEvent validates its data; updateConversation updates the conversation', async () => {
    const conversationId = (await h.call('getSession', sessionId)).value as Map<string, unknown>;
    const id = conversationId.get('conversationId') as string;
    const ok = await h.call(
      'logAnalyticsEvent',
      {
        conversationId: id,
        providerSessionId: 'p-1',
        events: [
          {
            kpiEventName: 'CallAnswered',
            kpiEventReason: 'Agent',
            eventTimestamp: new Date().toISOString(),
          },
        ],
      },
      'CallAnswered',
    );
    expect(ok).to.deep.equal({ outcome: 'resolved', value: 'Success' });
    expect(h.host.analytics).to.have.length(1);
    const bad = await h.call('logAnalyticsEvent', { events: [] }, 'x');
    expect(bad.outcome).to.equal('rejected');
    expect(bad.value).to.be.instanceOf(Map);
    const updated = await h.call(
      'updateConversation',
      id,
      JSON.stringify({ description: 'Answered in 3 rings' }),
    );
    expect(updated).to.deep.equal({ outcome: 'resolved', value: JSON.stringify({ id }) });
    expect(h.host.dataverse.get('msdyn_ocliveworkitem', id)?.description).to.equal(
      'Answered in 3 rings',
    );
  });

  it('closing the session in the UI fires onSessionClosed with its context', async () => {
    const closed = h.nextEvent('onSessionClosed');
    h.container
      .querySelector<HTMLButtonElement>(
        `[data-session-id="${sessionId}"] button[aria-label^="Close session"]`,
      )
      ?.click();
    expect(json((await closed).payload)).to.deep.equal({
      sessionId,
      context: { callId: 'c-1', customerName: 'Alex B.' },
    });
    expect(await h.call('getAllSessions')).to.deep.equal({ outcome: 'resolved', value: [] });
    expect(h.host.focusedSessionId).to.equal(HOME_SESSION_ID);
  });

  it('allows at most 10 sessions', async () => {
    for (let i = 0; i < 10; i++) {
      expect(
        (
          await h.call('createSession', {
            templateName: 'GenericSession',
            templateParameters: { customerName: `Caller ${i}` },
          })
        ).outcome,
      ).to.equal('resolved');
    }
    expect(await h.call('canCreateSession')).to.deep.equal({ outcome: 'resolved', value: false });
    const refused = await h.call('createSession', { templateName: 'GenericSession' });
    expect(refused.outcome).to.equal('rejected');
    expect((refused.value as Map<string, unknown>).get('message')).to.match(
      /maximum of 10 sessions/,
    );
    const entity = await h.call('getAllSessions');
    expect((entity.value as string[]).length).to.equal(10);
  });

  it('refuses entity session templates and acts on no foreign session', async () => {
    for (const id of (await h.call('getAllSessions')).value as string[])
      h.host.userCloseSession(id);
    const entity = await h.call('createSession', { templateName: 'ContactEntitySession' });
    expect((entity.value as Map<string, unknown>).get('message')).to.match(
      /only create generic sessions/,
    );
    const foreign = h.host.userOpenForeignSession('Chat');
    expect(await h.call('getFocusedSession')).to.deep.equal({ outcome: 'resolved', value: null });
    expect((await h.call('getSession', foreign)).outcome).to.equal('rejected');
    const tab = await h.call('createTab', { templateName: 'Dashboard' });
    expect(tab).to.deep.equal({
      outcome: 'rejected',
      value: {
        errorCode: 403,
        message: 'Focused session is neither the default session nor it belongs to the provider',
      },
    });
    expect(await h.call('getFocusedTab')).to.deep.equal({ outcome: 'resolved', value: null });
  });
});
