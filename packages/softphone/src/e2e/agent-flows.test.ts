// The agent's flows end to end, as `pnpm start` runs them: the emulator (CIF 2.0, then CIF 1.0) with the
// softphone framed in its channel panel from its own origin, driven in a second page by clicking and
// typing in the host and in the widget, and checked in the host's Dataverse, sessions and inspector.
// No console error, uncaught exception or unhandled rejection is allowed in either page.
import { expect } from '@open-wc/testing';
import {
  click,
  problems,
  reloadWidget,
  run,
  screenshot,
  select,
  startStack,
  stopStack,
  type,
  until,
  type Stack,
} from '../test-utils/e2e.js';

/** In the widget frame: the softphone element and its store's calls. */
const SP = `const sp = document.querySelector('cif-softphone');
const calls = () => sp.store?.getSnapshot().calls ?? [];
const part = (name) => sp.shadowRoot.querySelector('[part~="' + name + '"]');`;
/** In the host page: the emulated host. */
const HOST = `const h = window.cifEmulator.host;`;

/** Deep selectors into the softphone (puppeteer's `>>>` pierces shadow roots). */
const IN = {
  endCall: 'cif-softphone >>> cif-call-controls >>> [part~="end-button"]',
  mute: 'cif-softphone >>> cif-call-controls >>> [part~="mute-button"]',
  hold: 'cif-softphone >>> cif-call-controls >>> [part~="hold-button"]',
  transfer: 'cif-softphone >>> cif-call-controls >>> [part~="transfer-button"]',
  transferTarget: 'cif-softphone >>> cif-call-controls >>> [part~="transfer"] input',
  transferNow: 'cif-softphone >>> cif-call-controls >>> [part~="transfer"] button[type="submit"]',
  disposition: 'cif-softphone >>> cif-call-controls >>> [part~="wrap-up"] select',
  notes: 'cif-softphone >>> cif-call-controls >>> [part~="wrap-up"] textarea',
  complete: 'cif-softphone >>> cif-call-controls >>> [part~="wrap-up"] button[type="submit"]',
  createContact: 'cif-softphone >>> cif-contact-card >>> [part~="create-button"]',
};

interface PhoneCall {
  activityid: string;
  subject: string;
  phonenumber: string;
  directioncode: boolean;
  description?: string;
  _regardingobjectid_value?: string;
  '_regardingobjectid_value@Microsoft.Dynamics.CRM.associatednavigationproperty'?: string;
  statecode?: number;
}

for (const api of [2, 1] as const) {
  describe(`agent flows in the emulator, CIF ${api}.0`, function () {
    this.timeout(40_000);
    let stack: Stack;

    const widget = <T>(script: string) => run<T>(stack, 'widget', `${SP}\n${script}`);
    const host = <T>(script: string) => run<T>(stack, 'host', `${HOST}\n${script}`);
    const waitWidget = <T>(script: string, what: string, timeout?: number) =>
      until<T>(stack, 'widget', `${SP}\n${script}`, what, timeout);
    const waitHost = <T>(script: string, what: string, timeout?: number) =>
      until<T>(stack, 'host', `${HOST}\n${script}`, what, timeout);
    /** The host with the softphone; for CIF 2.0's main states also a smaller crop for the docs. */
    const shot = async (name: string, docs = false) => {
      await screenshot(stack, `cif${api}-${name}`);
      if (docs && api === 2)
        await screenshot(stack, `docs-${name}`, { x: 0, y: 0, width: 1280, height: 680 });
    };

    /** Rings the widget from the call simulator (typed in the host), resolves the call id. */
    async function ring(number: string): Promise<string> {
      const before = await widget<string[]>(`return calls().map((c) => c.id);`);
      await type(stack, 'host', 'input[name="from"]', number);
      await click(stack, 'host', 'form[aria-label="Ring the widget"] button[type="submit"]');
      return waitWidget<string>(
        `return calls().find((c) => c.state === 'ringing' && !${JSON.stringify(before)}.includes(c.id))?.id;`,
        `a ringing call from ${number}`,
      );
    }

    /** The caller lookup of a call is over; resolves its matches' names. */
    const matched = (callId: string) =>
      waitWidget<string[]>(
        `const c = calls().find((c) => c.id === '${callId}'); return c?.lookup === 'done' && c.matches.map((m) => m.name + ' (' + m.entityName + ')');`,
        'the caller lookup',
      );

    /** Answers: CIF 2.0 in the host's notification, CIF 1.0 with the toast's Answer button. */
    async function answer(callId: string, caller: string): Promise<void> {
      if (api === 2) {
        const title = await waitHost<string>(
          `return h.notifications.current && document.querySelector('.cif-emu-toast h2')?.textContent;`,
          "the host's notification",
        );
        expect(title).to.contain(caller);
        await click(stack, 'host', '.cif-emu-toast [data-action="accept"]');
      } else {
        await click(stack, 'widget', `::-p-aria(Answer call from ${caller})`);
      }
      await connected(callId);
    }

    const connected = (callId: string) =>
      waitWidget(
        `return calls().find((c) => c.id === '${callId}')?.state === 'connected';`,
        `call ${callId} connected`,
      );

    /** Ends the active call in the widget and completes its wrap-up; resolves the logged phonecall. */
    async function endAndWrapUp(
      number: string,
      options: { end?: boolean; disposition?: string; notes?: string; shot?: string } = {},
    ): Promise<PhoneCall> {
      const before = await phonecalls(number);
      if (options.end !== false) await click(stack, 'widget', IN.endCall);
      await select(stack, 'widget', IN.disposition, options.disposition ?? 'Resolved').catch(
        async (error: unknown) => {
          const state = await widget(
            `return JSON.stringify({ role: sp.store.getSnapshot().role, calls: calls().map((c) => [c.id, c.state, c.pending, c.wrapUp]), err: sp.store.getSnapshot().lastError });`,
          );
          throw new Error(`${String(error)}\n${String(state)}`);
        },
      );
      await type(stack, 'widget', IN.notes, options.notes ?? 'Handled in the end-to-end test');
      if (options.shot) {
        await widget(`window.scrollTo(0, document.documentElement.scrollHeight); return true;`);
        await shot(options.shot, true);
      }
      await click(stack, 'widget', IN.complete);
      return waitHost<PhoneCall>(
        `const rows = h.dataverse.query('phonecall', ${JSON.stringify(query(number))});
         return rows.length > ${before.length} && rows[0];`,
        `the phonecall activity for ${number}`,
      );
    }

    const query = (number: string) =>
      `$select=activityid,subject,phonenumber,directioncode,description,_regardingobjectid_value,statecode&$filter=phonenumber eq '${number}'&$orderby=createdon desc`;
    const phonecalls = (number: string) =>
      host<PhoneCall[]>(`return h.dataverse.query('phonecall', ${JSON.stringify(query(number))});`);

    /** The `@odata.bind` names the widget sent in its createRecord calls of phone calls (from the inspector). */
    const sentBinds = () =>
      host<string[]>(
        `return [...new Set(h.inspector.entries.filter((e) => e.name === 'createRecord' && JSON.stringify(e.args).includes('phonecall')).flatMap((e) => JSON.stringify(e.args).match(/[A-Za-z_]+@odata[.]bind/g) ?? []))].sort();`,
      );

    /** The ids of contacts (or other entities) whose `field` is `value`. */
    const idOf = (entity: string, filter: string) =>
      host<string>(
        `return h.dataverse.query('${entity}', ${JSON.stringify(`$select=${entity}id&$filter=${filter}`)})[0]?.${entity}id;`,
      );

    const cardName = () =>
      waitWidget<string>(
        `const card = part('card'); return card?.view === 'known' && card.shadowRoot.querySelector('[part~="name"]')?.textContent.trim();`,
        'the contact card',
      );

    before(async () => {
      stack = await startStack(api);
      await waitWidget(
        `return sp?.status === 'connected' ? sp.cifVersion === ${api} : false;`,
        'connected',
      ).catch(async (error: unknown) => {
        const why = await widget(`return [sp?.status, sp?.cifVersion, sp?.statusMessage];`);
        throw new Error(`${String(error)}: ${JSON.stringify(why)}`);
      });
      await waitHost(`return h.simulator.ready;`, 'the call simulator to hear the softphone');
    });

    afterEach(async function () {
      // Every flow leaves the softphone idle; a failed one may not: clear it for the next.
      await widget(
        `for (const c of calls()) if (c.state !== 'ended') await sp.store.hangUp(c.id).catch(() => sp.store.decline(c.id)).catch(() => {});
         for (const c of calls()) await sp.store.completeWrapUp(c.id).catch(() => {});
         return true;`,
      ).catch(() => undefined);
      await waitWidget(`return calls().length === 0;`, 'an idle softphone').catch(() => undefined);
      const found = await problems(stack, true);
      expect(found.join('\n'), `problems during "${this.currentTest?.title ?? ''}"`).to.equal('');
    });

    after(() => stopStack(stack));

    it('inbound: notification, accept, session and screen pop, contact card, controls, hang up, wrap-up, activity', async () => {
      const number = '+44 20 7946 0958';
      const contactId = await idOf('contact', "fullname eq 'Amelia Hughes'");
      const callId = await ring(number);
      expect(await matched(callId)).to.deep.equal(['Amelia Hughes (contact)']);
      // The in-widget toast names the caller.
      await waitWidget(
        `return part('toast').shownCalls.some((c) => c.name === 'Amelia Hughes');`,
        'the toast',
      );
      // The card shows the caller while it rings (and, in CIF 2.0, the host's notification is up).
      expect(await cardName()).to.equal('Amelia Hughes');
      if (api === 2) await waitHost(`return h.notifications.current;`, "the host's notification");
      await shot('ringing', true);
      await answer(callId, 'Amelia Hughes');

      // A session (CIF 2.0) and the screen pop: the caller's record.
      const popped = await waitHost<{ session: string | null; page: unknown }>(
        `const tab = h.focusedTab;
         return tab?.page.type === 'entityrecord' && tab.page.entityId === '${contactId}' &&
           { session: h.providerSessions.length ? h.sessionTitle(h.focusedSession) : null, page: tab.page.entityName };`,
        'the screen pop',
      );
      expect(popped.page).to.equal('contact');
      if (api === 2) expect(popped.session).to.equal('Call: Amelia Hughes');
      else expect(await host(`return h.panelMode;`)).to.equal(1);
      expect(await cardName()).to.equal('Amelia Hughes');

      // Controls: mute and hold reach the phone system (the simulator shows the hold).
      await click(stack, 'widget', IN.mute);
      await waitWidget(`return calls()[0]?.muted === true;`, 'muted');
      await click(stack, 'widget', IN.hold);
      await waitHost(
        `return h.simulator.calls.find((c) => c.call.id === '${callId}')?.state === 'held';`,
        'held in the simulator',
      );
      await click(stack, 'widget', IN.hold);
      await connected(callId);
      await click(stack, 'widget', IN.mute);
      await waitWidget(`return calls()[0]?.muted === false;`, 'unmuted');
      await shot('connected', true);

      await click(stack, 'widget', IN.endCall);
      await waitWidget(
        `return part('controls').shadowRoot.querySelector('[part~="wrap-up"]');`,
        'wrap-up',
      );
      const activity = await endAndWrapUp('+442079460958', {
        end: false,
        disposition: 'Resolved',
        notes: 'Asked about her order',
        shot: 'wrap-up',
      });
      expect(activity).to.include({
        subject: 'Call from Amelia Hughes',
        directioncode: false,
        _regardingobjectid_value: contactId,
        '_regardingobjectid_value@Microsoft.Dynamics.CRM.associatednavigationproperty':
          'regardingobjectid_contact_phonecall',
        statecode: 1,
      });
      // The widget sends Dataverse's navigation property names, which the emulator accepts as they are.
      expect(await sentBinds()).to.include.members([
        'regardingobjectid_contact_phonecall@odata.bind',
        'partyid_contact@odata.bind',
        'partyid_systemuser@odata.bind',
      ]);
      expect(
        (await sentBinds()).filter((name) => /^regardingobjectid_[a-z]+@/.test(name)),
      ).to.deep.equal([]);
      expect(activity.description).to.contain('Asked about her order').and.contain('Resolved');
      // The parties: the agent (recipient) and the contact (sender).
      const parties = await host<string[]>(
        `return h.dataverse.query('activityparty', "$select=_partyid_value,participationtypemask&$filter=_activityid_value eq ${activity.activityid}").map((p) => p._partyid_value + ':' + p.participationtypemask).sort();`,
      );
      expect(parties).to.deep.equal(
        [`${contactId}:1`, 'a8177e6e-5b3c-4d2a-9f1e-0c2b3a4d5e6f:2'].sort(),
      );
      if (api === 2) {
        // The notification was answered once, and the host saw no failed CIF call.
        const failed = await host<string[]>(
          `return h.inspector.entries.filter((e) => ['failure', 'timeout', 'rejected'].includes(e.status)).map((e) => e.name + ': ' + JSON.stringify(e.error ?? e.note));`,
        );
        expect(failed).to.deep.equal([]);
      }
    });

    it('outbound: click-to-act on a record, dial, connected, end, activity', async () => {
      const contactId = await idOf('contact', "fullname eq 'Chloé Gagnon'");
      await click(stack, 'host', '.cif-emu-sitemap ::-p-aria(Contacts)');
      await click(stack, 'host', 'button[aria-label^="Call +1 416 555 0143"]');
      const callId = await waitWidget<string>(
        `const c = calls().find((c) => c.direction === 'outbound'); return c?.state !== 'ended' && c?.id;`,
        'the outbound call',
      );
      const call = await widget<{ regarding: { id: string }; remoteNumber: string }>(
        `return calls().find((c) => c.id === '${callId}');`,
      );
      expect(call.regarding.id).to.equal(contactId);
      expect(call.remoteNumber).to.equal('+14165550143');
      // The remote party answers (the simulator's Answer button on the dialled call).
      await click(stack, 'host', `tr[data-call-id="${callId}"] ::-p-aria(Answer)`);
      await connected(callId);
      const activity = await endAndWrapUp('+14165550143');
      expect(activity).to.include({
        subject: 'Call to Chloé Gagnon',
        directioncode: true,
        _regardingobjectid_value: contactId,
      });
    });

    it('unknown caller: the card offers Create contact; the saved contact becomes the call’s record', async () => {
      const number = '+1 415 555 0142';
      const callId = await ring(number);
      expect(await matched(callId)).to.deep.equal([]);
      await answer(callId, '+1 415 555 0142');
      await waitWidget(`return part('card')?.view === 'unknown';`, 'an unknown caller');
      await click(stack, 'widget', IN.createContact);
      // The host opens a new contact form with the number filled in; the agent completes and saves it.
      const prefilled = await waitHost<string>(
        `return h.focusedTab?.page.type === 'entityrecord' && !h.focusedTab.page.entityId && document.querySelector('input[id$="-telephone1"]')?.value;`,
        'the new contact form',
      );
      expect(prefilled).to.equal('+1 415 555 0142');
      await type(stack, 'host', 'input[id$="-firstname"]', 'Robin');
      await type(stack, 'host', 'input[id$="-lastname"]', 'Unknown-Caller');
      await click(stack, 'host', 'form.cif-emu-record button[type="submit"]');
      expect(await cardName()).to.equal('Robin Unknown-Caller');
      const contactId = await idOf('contact', "lastname eq 'Unknown-Caller'");
      const activity = await endAndWrapUp('+14155550142');
      expect(activity).to.include({
        subject: 'Call from Robin Unknown-Caller',
        _regardingobjectid_value: contactId,
      });
    });

    it('several matches: the card lists them; the one picked is the call’s record', async () => {
      const leadId = await idOf('lead', "fullname eq 'Alex Baker'");
      const callId = await ring('619-555-0129');
      expect((await matched(callId)).sort()).to.deep.equal([
        'Alex Baker (contact)',
        'Alex Baker (lead)',
      ]);
      await answer(callId, '+1 619 555 0129');
      // Several matches: the screen pop is the search page.
      await waitHost(`return h.focusedTab?.page.type === 'search';`, 'the search page');
      await click(
        stack,
        'widget',
        `cif-softphone >>> cif-contact-card >>> [part~="option"]:nth-of-type(2)`,
      );
      const regarding = await waitWidget<{ entityName: string; id: string }>(
        `return calls()[0]?.regarding;`,
        'the chosen record',
      );
      expect(regarding).to.include({ entityName: 'lead', id: leadId });
      await shot('several-matches');
      const activity = await endAndWrapUp('+16195550129');
      expect(activity._regardingobjectid_value).to.equal(leadId);
      expect(
        activity['_regardingobjectid_value@Microsoft.Dynamics.CRM.associatednavigationproperty'],
      ).to.equal('regardingobjectid_lead_phonecall');
      expect(await sentBinds()).to.include('regardingobjectid_lead_phonecall@odata.bind');
    });

    it('call waiting: a second call rings during a call; answering holds the first; swap back; both logged', async () => {
      const first = await ring('+91 98765 43210');
      await answer(first, 'Priya Sharma');
      const second = await ring('+353 85 555 0143');
      await matched(second);
      // The toast rings in call-waiting style beside the live call.
      await waitWidget(
        `return part('toast').shownCalls.some((c) => c.id === '${second}');`,
        'waiting',
      );
      await shot('call-waiting');
      if (api === 2) {
        await waitHost(`return h.notifications.current;`, "the host's notification");
        await click(stack, 'host', '.cif-emu-toast [data-action="accept"]');
      } else {
        await click(stack, 'widget', '::-p-aria(Answer call from Aoife Murphy)');
      }
      await connected(second);
      await waitWidget(
        `return calls().find((c) => c.id === '${first}')?.state === 'held';`,
        'first held',
      );
      // Back to the first caller from the list of calls on hold.
      await click(stack, 'widget', '::-p-aria(Resume call with Priya Sharma)');
      await connected(first);
      await waitWidget(
        `return calls().find((c) => c.id === '${second}')?.state === 'held';`,
        'second held',
      );
      const one = await endAndWrapUp('+919876543210');
      expect(one.subject).to.equal('Call from Priya Sharma');
      // The one call left, on hold, is the controls' again: Hold resumes it.
      await click(stack, 'widget', IN.hold);
      await connected(second);
      const two = await endAndWrapUp('+353855550143');
      expect(two.subject).to.equal('Call from Aoife Murphy');
    });

    it('transfer: a blind transfer ends the call as transferred and logs it', async () => {
      const callId = await ring('+61 2 5550 1235');
      await answer(callId, "Jack O'Connor");
      await click(stack, 'widget', IN.transfer);
      await type(stack, 'widget', IN.transferTarget, '+1 206 555 0199');
      await click(stack, 'widget', IN.transferNow);
      await waitWidget(
        `return calls().find((c) => c.id === '${callId}')?.endReason === 'transferred';`,
        'transferred',
      );
      await waitHost(
        `return h.simulator.calls.find((c) => c.call.id === '${callId}')?.state === 'ended';`,
        'ended in the simulator',
      );
      const activity = await endAndWrapUp('+61255501235', { end: false });
      expect(activity.subject).to.equal("Call from Jack O'Connor");
    });

    it('reload mid-call: the widget comes back with the call, which ends and is logged once', async () => {
      const callId = await ring('+27 82 555 0101');
      await answer(callId, 'Thabo Nkosi');
      await cardName();
      await reloadWidget(stack);
      await waitWidget(`return sp?.status === 'connected';`, 'connected again');
      await waitWidget(
        `return calls().find((c) => c.id === '${callId}')?.state === 'connected';`,
        'the call restored',
      );
      expect(await cardName()).to.equal('Thabo Nkosi');
      // The reloaded page owns the calls once the old one has let go of them.
      await waitWidget(`return sp.store.getSnapshot().role === 'owner';`, 'the calls owned again');
      const activity = await endAndWrapUp('+27825550101');
      expect(activity.subject).to.equal('Call from Thabo Nkosi');
      expect(await phonecalls('+27825550101')).to.have.length(1);
    });
  });
}
