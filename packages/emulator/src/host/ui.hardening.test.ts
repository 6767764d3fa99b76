// Hostile text in the emulator's Dataverse and logs, rendered by the host page: records in a view, on a
// form and in search results, the search text, session titles and the inspector. Nothing runs, nothing
// becomes live markup, and the text is shown as text.
import { HOSTILE_PAYLOADS, findLiveMarkup, watchCanary } from '@cif-elements/core/testing';
import { expect } from '@open-wc/testing';
import { startHost, type RunningHost } from './index.js';
import type { Page } from './model.js';

// eslint-disable-next-line no-misleading-character-class -- a class of invisible characters on purpose
const INVISIBLE = /[\u00AD\u034F\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;
const readable = (text: string) => text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();

/** The page's text, and the values of its fields, as read. */
function shown(root: Element): string {
  const values = Array.from(
    root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea'),
  )
    .map((field) => field.value)
    .join(' ');
  return readable(`${root.textContent ?? ''} ${values}`);
}

describe('the emulator host page with hostile data', () => {
  let container: HTMLElement;
  let running: RunningHost;

  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
    running = startHost(container, { persistence: 'none' });
  });
  afterEach(() => {
    running.dispose();
    container.remove();
  });

  /** The text as the column takes it (Dataverse refuses text over a column's maximum length). */
  function fit(attribute: string, text: string): string {
    const max = running.host.dataverse.schema('contact').attributes[attribute]?.maxLength;
    return max === undefined ? text : text.slice(0, max);
  }

  function createContact(text: string, index: number): string {
    return running.host.dataverse.create('contact', {
      firstname: fit('firstname', text),
      lastname: `Hostile ${index}`,
      jobtitle: fit('jobtitle', text),
      emailaddress1: fit('emailaddress1', text),
      telephone1: `+1 206 555 ${String(1000 + index)}`,
      address1_city: fit('address1_city', text),
      description: fit('description', text),
    });
  }

  /** A button of the host page by the start of its text. */
  function button(text: string): HTMLButtonElement {
    const found = Array.from(container.querySelectorAll('button')).find((b) =>
      b.textContent?.trim().startsWith(text),
    );
    if (!found) throw new Error(`no button ${text}`);
    return found;
  }

  /** Renders a page in the focused tab. */
  function show(page: Page): void {
    running.host.userNavigate(page);
    running.view.update();
  }

  it('a view and the call simulator list every hostile record as text', async () => {
    const canary = watchCanary();
    try {
      HOSTILE_PAYLOADS.forEach((payload, index) => createContact(payload.text, index));
      show({ type: 'entitylist', entityName: 'contact' });
      expect(findLiveMarkup(container)).to.deep.equal([]);
      const text = shown(container);
      // The view shows its first page of rows; the simulator's contact picker lists them all.
      const options = Array.from(container.querySelectorAll('option'))
        .map((o) => readable(o.textContent ?? ''))
        .join(' ');
      for (const payload of HOSTILE_PAYLOADS) {
        expect(options, payload.id).to.include(readable(fit('firstname', payload.text)));
      }
      expect(text).to.include(readable(fit('firstname', HOSTILE_PAYLOADS[0]!.text)));
      await canary.settle();
      expect(canary.calls).to.deep.equal([]);
    } finally {
      canary.restore();
    }
  });

  it('a record form, search results, the search text, session titles and the inspector show every payload as text', async function () {
    this.timeout(60_000);
    const canary = watchCanary();
    const host = running.host;
    let tries = 0;
    try {
      // The tools re-read every contact on each render: hidden while the pages are checked.
      button('Hide tools').click();
      running.view.update();
      for (const [index, payload] of HOSTILE_PAYLOADS.entries()) {
        const id = createContact(payload.text, index);
        host.inspector.add({
          kind: 'call',
          name: payload.text,
          status: 'failure',
          args: new Map([['value', payload.text]]),
          result: { message: payload.text },
          note: payload.text,
        });
        host.focusedSession.customTitle = payload.text;
        show({ type: 'entityrecord', entityName: 'contact', entityId: id });
        expect(findLiveMarkup(container), `form ${payload.id}`).to.deep.equal([]);
        const form = shown(container);
        expect(form, `form ${payload.id}`).to.include(readable(fit('description', payload.text)));
        expect(form, `session title ${payload.id}`).to.include(readable(payload.text));
        tries += 3;

        show({ type: 'search', searchText: payload.text, searchType: 0 });
        expect(findLiveMarkup(container), `search ${payload.id}`).to.deep.equal([]);
        expect(shown(container), `search ${payload.id}`).to.include(readable(payload.text));
        tries++;
        host.dataverse.delete('contact', id);
      }
      // The inspector lists the hostile calls.
      button('Inspector').click();
      running.view.update();
      expect(findLiveMarkup(container)).to.deep.equal([]);
      const log = shown(container);
      for (const payload of HOSTILE_PAYLOADS.slice(-20)) {
        expect(log, `inspector ${payload.id}`).to.include(readable(payload.text));
      }
      tries += HOSTILE_PAYLOADS.length;
      await canary.settle();
      expect(canary.calls).to.deep.equal([]);
      console.log(
        `emulator hardening: ${HOSTILE_PAYLOADS.length} payloads × 5 host-page paths (form, session title, search text and results, inspector) = ${tries} tries, plus the view and the simulator's contact list`,
      );
    } finally {
      canary.restore();
    }
  });
});
