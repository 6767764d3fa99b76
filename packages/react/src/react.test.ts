import { CifDialEvent } from '@cif-elements/base';
import type { CifCallControls as CifCallControlsElement } from '@cif-elements/call-controls';
import type {
  CifContactCard as CifContactCardElement,
  ContactCardContact,
} from '@cif-elements/contact-card';
import type { CifDialpad as CifDialpadElement } from '@cif-elements/dialpad';
import type { CifIncomingCallToast as CifIncomingCallToastElement } from '@cif-elements/incoming-call-toast';
import { expect, waitUntil } from '@open-wc/testing';
import * as React19 from 'react';
import * as React18 from 'react-18';
import { createRoot as createRoot19, type Root } from 'react-dom/client';
import { createRoot as createRoot18 } from 'react-dom-18/client';
import sinon from 'sinon';
import {
  CifCallControls,
  CifContactCard,
  CifDialpad,
  CifIncomingCallToast,
  createCifCallControls,
  createCifContactCard,
  createCifDialpad,
  createCifIncomingCallToast,
} from './index.js';

const SAM: ContactCardContact = {
  entityName: 'contact',
  id: '11111111-0000-4000-8000-000000000002',
  name: 'Sam Baker',
  company: 'Fabrikam',
  phones: [{ number: '+12065550100', type: 'home' }],
};

const shadow = <T extends Element = HTMLButtonElement>(host: Element, selector: string): T => {
  const found = host.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`${host.localName} renders no ${selector}`);
  return found;
};

/** Waits until a handler was called, then checks it was called exactly once. */
async function heard(handler: sinon.SinonSpy): Promise<void> {
  await waitUntil(() => handler.callCount > 0, 'the event handler was not called', {
    timeout: 5000,
  });
  expect(handler.callCount, 'calls of the event handler').to.equal(1);
}

const versions = [
  {
    label: 'React 18',
    react: React18 as typeof React19,
    createRoot: createRoot18,
    components: {
      CifDialpad: createCifDialpad(React18 as typeof React19),
      CifIncomingCallToast: createCifIncomingCallToast(React18 as typeof React19),
      CifCallControls: createCifCallControls(React18 as typeof React19),
      CifContactCard: createCifContactCard(React18 as typeof React19),
    },
  },
  {
    label: 'React 19',
    react: React19,
    createRoot: createRoot19,
    components: { CifDialpad, CifIncomingCallToast, CifCallControls, CifContactCard },
  },
];

for (const { label, react, createRoot, components } of versions) {
  describe(`@cif-elements/react with ${label} (createRoot)`, () => {
    let container: HTMLElement;
    let root: Root;

    beforeEach(() => {
      container = document.createElement('div');
      document.body.append(container);
      root = createRoot(container);
    });

    afterEach(() => {
      root.unmount();
      container.remove();
    });

    /** The element React rendered, once it has rendered `ready` in its shadow root and loaded. */
    async function rendered<T extends HTMLElement>(tag: string, ready: string): Promise<T> {
      await waitUntil(
        () => container.querySelector(tag)?.shadowRoot?.querySelector(ready),
        `<${tag}> did not render ${ready}`,
        // The first render of each element fetches its view module from the dev server.
        { timeout: 5000 },
      );
      const el = container.querySelector<T>(tag)!;
      // The elements load their behaviour on connection; updateComplete waits for it.
      await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      return el;
    }

    it('is the React version under test', () => {
      expect(react.version.split('.')[0]).to.equal(label.split(' ')[1]);
    });

    it('<CifDialpad>: props become element properties, onCifDial fires with the typed event', async () => {
      const onCifDial = sinon.spy((event: CifDialEvent) => event.detail.raw);
      const ref = react.createRef<CifDialpadElement>();
      root.render(
        react.createElement(components.CifDialpad, {
          ref,
          value: '2015550123',
          lettersHidden: true,
          region: 'US',
          recents: ['+12065550100'],
          className: 'dialer',
          onCifDial,
        }),
      );
      const el = await rendered<CifDialpadElement>('cif-dialpad', '[part="call-button"]');
      expect(ref.current === el, 'the ref is the element').to.equal(true);
      expect(el.value).to.equal('2015550123');
      expect(el.lettersHidden).to.equal(true);
      expect(el.recents).to.deep.equal(['+12065550100']);
      expect(el.className).to.equal('dialer');
      expect(shadow<HTMLInputElement>(el, 'input').value).to.match(/201.*555.*0123/);

      shadow(el, '[part="call-button"]').click();
      await heard(onCifDial);
      const event = onCifDial.firstCall.args[0];
      expect(event).to.be.instanceOf(CifDialEvent);
      expect(event.detail.raw).to.equal('2015550123');

      // A re-render with a new handler and value: only the new handler hears the next dial.
      const next = sinon.spy();
      root.render(
        react.createElement(components.CifDialpad, {
          ref,
          value: '2065550100',
          region: 'US',
          onCifDial: next,
        }),
      );
      await waitUntil(() => el.value === '2065550100', 'the new value did not reach the element');
      await el.updateComplete;
      expect(el.lettersHidden, 'a removed prop is reset').to.not.equal(true);
      shadow(el, '[part="call-button"]').click();
      await heard(next);
      expect((next.firstCall.args[0] as CifDialEvent).detail.raw).to.equal('2065550100');
      expect(onCifDial.callCount, 'the replaced handler').to.equal(1);
    });

    it('<CifIncomingCallToast>: shows the caller from props, onCifAnswer fires on Answer', async () => {
      const onCifAnswer = sinon.spy();
      root.render(
        react.createElement(components.CifIncomingCallToast, {
          number: '+16195550102',
          callerName: 'Jane Doe',
          callId: 'call-7',
          muted: true,
          onCifAnswer,
        }),
      );
      const el = await rendered<CifIncomingCallToastElement>(
        'cif-incoming-call-toast',
        '[part="answer-button"]',
      );
      expect(el.callerName).to.equal('Jane Doe');
      const answer = shadow(el, '[part="answer-button"]');
      expect(answer.getAttribute('aria-label') ?? answer.textContent).to.contain('Jane Doe');
      answer.click();
      await heard(onCifAnswer);
      expect(onCifAnswer.firstCall.args[0].detail.callId).to.equal('call-7');
    });

    it('<CifCallControls>: renders the call state from props, onCifMuteChange fires on Mute', async () => {
      const onCifMuteChange = sinon.spy();
      root.render(
        react.createElement(components.CifCallControls, {
          state: 'connected',
          callStart: Date.now() - 65_000,
          onCifMuteChange,
        }),
      );
      const el = await rendered<CifCallControlsElement>('cif-call-controls', '[data-key="mute"]');
      const mute = shadow(el, '[data-key="mute"]');
      expect(mute.getAttribute('aria-pressed')).to.equal('false');
      mute.click();
      await heard(onCifMuteChange);
      expect(onCifMuteChange.firstCall.args[0].detail.muted).to.equal(true);
    });

    it('<CifContactCard>: takes an object prop, onCifDial fires from a phone number', async () => {
      const onCifDial = sinon.spy();
      root.render(react.createElement(components.CifContactCard, { contact: SAM, onCifDial }));
      const el = await rendered<CifContactCardElement>('cif-contact-card', '[part="dial"]');
      expect(el.contact === SAM, 'the contact object is passed as is').to.equal(true);
      expect(el.shadowRoot!.textContent).to.contain('Sam Baker');
      shadow(el, '[part="dial"]').click();
      await heard(onCifDial);
      expect((onCifDial.firstCall.args[0] as CifDialEvent).detail.raw).to.equal('+12065550100');
    });
  });
}
