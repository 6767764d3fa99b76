// Click-to-act payloads come from the host page: a forged or odd record reference must not reach the
// phonecall activity's `@odata.bind` (attribute name and path), and hostile values never reach the phone.
import { expect } from '@open-wc/testing';
import { HOSTILE_PAYLOADS } from '../testing/index.js';
import { phonecallData } from './activity.js';
import { dialOnClick } from './click-to-act.js';
import { ALEX, phone, workflowHarness, type WorkflowHarness } from './harness.test.js';

describe('click-to-act with hostile payloads', () => {
  let h: WorkflowHarness;
  let stop: () => void;
  before(async () => {
    expect(await phone.load()).to.equal(true);
  });
  beforeEach(() => {
    h = workflowHarness({ fake: { clickToAct: true } });
    stop = dialOnClick(h.context, { enable: false });
  });
  afterEach(() => {
    stop();
    h.store.dispose();
    h.provider.dispose();
  });

  async function hangUpAll(): Promise<void> {
    for (const call of h.store.getSnapshot().calls)
      if (call.state !== 'ended') await h.store.hangUp(call.id);
  }

  it('a record reference that is not a logical name and a GUID is not used as regarding', async () => {
    const forged = [
      ...HOSTILE_PAYLOADS.map((p) => ({ entityLogicalName: p.text, entityId: ALEX })),
      ...HOSTILE_PAYLOADS.map((p) => ({ entityLogicalName: 'contact', entityId: p.text })),
      { entityLogicalName: 'contact_phonecall@odata.bind', entityId: ALEX },
      { entityLogicalName: 'contact', entityId: `${ALEX})/x` },
    ];
    for (const record of forged) {
      const outcomes = await h.fake.clickToActFrom({
        value: '+1 619 555 0129',
        name: 'mobilephone',
        format: 'Phone',
        recordTitle: 'Alex Baker',
        ...record,
      });
      expect(outcomes.map((o) => o.status)).to.deep.equal(['fulfilled']);
      const [call] = h.store.getSnapshot().calls;
      expect(call?.remoteE164, record.entityId).to.equal('+16195550129');
      expect(call?.regarding, JSON.stringify(record)).to.equal(null);
      const data = phonecallData(call!, { activityId: 'a' });
      expect(Object.keys(data).filter((key) => key.startsWith('regardingobjectid'))).to.deep.equal(
        [],
      );
      await hangUpAll();
    }
    // A real one still is.
    await h.fake.clickToActFrom({
      value: '+1 619 555 0129',
      name: 'mobilephone',
      format: 'Phone',
      entityLogicalName: 'new_customer',
      entityId: `{${ALEX.toUpperCase()}}`,
    });
    expect(h.store.getSnapshot().calls[0]?.regarding).to.deep.equal({
      entityName: 'new_customer',
      id: ALEX,
    });
  });

  it('hostile values are refused, or dialled as digits only', async () => {
    let refused = 0;
    let dialled = 0;
    for (const payload of HOSTILE_PAYLOADS) {
      await h.fake.clickToActFrom({
        value: payload.text,
        name: 'telephone1',
        format: 'Phone',
        entityLogicalName: 'contact',
        entityId: ALEX,
      });
      const [call] = h.store.getSnapshot().calls;
      if (call) {
        dialled++;
        const { number } = h.provider.actionsOf('dial').at(-1)!.args[0] as { number: string };
        // Digits, with the formatting people type between them.
        expect(number, payload.id).to.match(/^\+?[0-9*#][0-9*#\s().\-/,;]*$/);
        await hangUpAll();
      } else refused++;
    }
    expect(refused + dialled).to.equal(HOSTILE_PAYLOADS.length);
    expect(refused).to.be.at.least(HOSTILE_PAYLOADS.length - 10);
  });
});
