/**
 * The four components in their main states, rendered from properties alone (no store), for the
 * kit-wide checks: locales, right to left, target sizes, forced colours.
 */
import type { ContactCardContact } from '@cif-elements/contact-card';
import '@cif-elements/call-controls/cif-call-controls.js';
import '@cif-elements/contact-card/cif-contact-card.js';
import '@cif-elements/dialpad/cif-dialpad.js';
import '@cif-elements/incoming-call-toast/cif-incoming-call-toast.js';
import { fixture, html, nextFrame } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

/** A fixed clock: timers and relative times are deterministic. */
export const NOW = Date.UTC(2026, 2, 10, 15, 30, 0);

export type ComponentTag =
  'cif-dialpad' | 'cif-incoming-call-toast' | 'cif-call-controls' | 'cif-contact-card';

export interface Scenario {
  readonly tag: ComponentTag;
  readonly state: string;
  /** The element, `lang` set when given (`undefined`: inherit). */
  readonly render: (lang?: string) => TemplateResult;
  /** Runs after the first render (open a panel, say). */
  readonly prepare?: (el: HTMLElement) => Promise<void>;
}

export const CONTACT: ContactCardContact = {
  entityName: 'contact',
  id: '80ac35a0-01af-ea11-a812-000d3a8b3ec6',
  name: 'Alex Baker',
  jobTitle: 'Purchasing manager',
  company: 'Contoso',
  phones: [
    { number: '+12065550100', type: 'mobile' },
    { number: '+14255550199', type: 'business' },
  ],
  emails: ['alex@contoso.com'],
  address: '1 Microsoft Way\nRedmond, WA 98052',
  timeZone: 'America/Los_Angeles',
  vip: true,
  doNotCall: true,
  activity: [
    { type: 'phonecall', subject: 'Billing question', time: NOW - 3 * 86_400_000 },
    { type: 'incident', subject: 'Router replacement', time: NOW - 2 * 3_600_000 },
  ],
};

const CANDIDATES = [
  {
    entityName: 'contact',
    id: 'c1',
    name: 'Alex Baker',
    company: 'Contoso',
    number: '+12065550100',
  },
  { entityName: 'lead', id: 'c2', name: 'Alexandra Baker', company: 'Fabrikam' },
];

const TOAST_CALLS = [
  {
    id: 'a',
    number: '+16195550129',
    name: 'Jane Doe',
    company: 'Contoso',
    queue: 'Billing',
    campaign: 'Spring renewals',
    ivr: ['Billing', 'Speak to an agent'],
    createdAt: NOW - 2000,
  },
  {
    id: 'b',
    number: '+442079460018',
    matches: [{ name: 'Alex Baker' }, { name: 'Alexandra Baker' }],
    createdAt: NOW - 1000,
  },
  { id: 'c', number: '+4930901820', name: 'Max Mustermann', createdAt: NOW },
];

const now = () => NOW;
/** The CIF panel's default width; the call controls get room for every control in toolbar layout. */
const wide = (content: TemplateResult) => html`<div style="inline-size: 360px">${content}</div>`;
const wider = (content: TemplateResult) => html`<div style="inline-size: 480px">${content}</div>`;

/** Every component in its main states. */
export const SCENARIOS: readonly Scenario[] = [
  {
    tag: 'cif-dialpad',
    state: 'empty',
    render: (lang) => wide(html`<cif-dialpad lang=${ifDefined(lang)} region="US"></cif-dialpad>`),
  },
  {
    tag: 'cif-dialpad',
    state: 'number, regions and recents',
    render: (lang) =>
      wide(
        html`<cif-dialpad
          lang=${ifDefined(lang)}
          region="US"
          regions="US GB DE"
          value="+12015550123"
          .recents=${[
            { number: '+12015550143', name: 'Jane Doe', time: NOW - 600_000 },
            '+442079460018',
          ]}
        ></cif-dialpad>`,
      ),
  },
  {
    tag: 'cif-dialpad',
    state: 'dtmf',
    render: (lang) =>
      wide(html`<cif-dialpad lang=${ifDefined(lang)} mode="dtmf" region="US"></cif-dialpad>`),
  },
  {
    tag: 'cif-incoming-call-toast',
    state: 'ringing',
    render: (lang) =>
      wide(
        html`<cif-incoming-call-toast
          lang=${ifDefined(lang)}
          muted
          timeout="0"
          number="+1 619 555 0129"
          caller-name="Jane Doe"
          company="Contoso"
          queue="Billing"
          campaign="Spring renewals"
        ></cif-incoming-call-toast>`,
      ),
  },
  {
    tag: 'cif-incoming-call-toast',
    state: 'several calls, waiting, extras',
    render: (lang) =>
      wide(
        html`<cif-incoming-call-toast
          lang=${ifDefined(lang)}
          muted
          timeout="0"
          max-visible="2"
          call-waiting
          extras="voicemail hold end"
          .calls=${TOAST_CALLS}
        ></cif-incoming-call-toast>`,
      ),
  },
  {
    tag: 'cif-incoming-call-toast',
    state: 'missed',
    render: (lang) =>
      wide(
        html`<cif-incoming-call-toast
          lang=${ifDefined(lang)}
          muted
          .calls=${[{ id: 'm', number: '+16195550129', name: 'Jane Doe', missed: true }]}
        ></cif-incoming-call-toast>`,
      ),
  },
  {
    tag: 'cif-call-controls',
    state: 'connected, muted, recording',
    render: (lang) =>
      wider(
        html`<cif-call-controls
          lang=${ifDefined(lang)}
          state="connected"
          call-id="c1"
          muted
          recording="recording"
          quality="fair"
          mos="3.4"
          layout="toolbar"
          .callStart=${NOW - 65_000}
          .now=${now}
        ></cif-call-controls>`,
      ),
  },
  {
    tag: 'cif-call-controls',
    state: 'held, compact',
    render: (lang) =>
      wider(
        html`<cif-call-controls
          lang=${ifDefined(lang)}
          state="held"
          call-id="c1"
          layout="compact"
          quality="poor"
          .callStart=${NOW - 3_725_000}
          .holdStart=${NOW - 30_000}
          .now=${now}
        ></cif-call-controls>`,
      ),
  },
  {
    tag: 'cif-call-controls',
    state: 'dialing',
    render: (lang) =>
      wider(
        html`<cif-call-controls
          lang=${ifDefined(lang)}
          state="dialing"
          call-id="c1"
          layout="toolbar"
          .now=${now}
        ></cif-call-controls>`,
      ),
  },
  {
    tag: 'cif-call-controls',
    state: 'consulting, conference',
    render: (lang) =>
      wider(
        html`<cif-call-controls
          lang=${ifDefined(lang)}
          state="connected"
          call-id="c2"
          consult-target="+1 425 555 0199"
          conference
          layout="toolbar"
          .callStart=${NOW - 200_000}
          .holdStart=${NOW - 20_000}
          .now=${now}
        ></cif-call-controls>`,
      ),
  },
  {
    tag: 'cif-call-controls',
    state: 'transfer panel',
    render: (lang) =>
      wider(
        html`<cif-call-controls
          lang=${ifDefined(lang)}
          state="connected"
          call-id="c1"
          layout="toolbar"
          .callStart=${NOW - 65_000}
          .now=${now}
        ></cif-call-controls>`,
      ),
    prepare: async (el) => {
      await panelsLoaded(el);
      el.shadowRoot!.querySelector<HTMLButtonElement>('[data-key="transfer"]')!.click();
      await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    },
  },
  {
    tag: 'cif-call-controls',
    state: 'keypad open',
    render: (lang) =>
      wider(
        html`<cif-call-controls
          lang=${ifDefined(lang)}
          state="connected"
          call-id="c1"
          layout="toolbar"
          .callStart=${NOW - 65_000}
          .now=${now}
        ></cif-call-controls>`,
      ),
    prepare: async (el) => {
      el.shadowRoot!.querySelector<HTMLButtonElement>('[data-key="keypad"]')!.click();
      await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      await nextFrame();
    },
  },
  {
    tag: 'cif-call-controls',
    state: 'overflow menu open',
    render: (lang) =>
      wide(
        html`<cif-call-controls
          lang=${ifDefined(lang)}
          state="connected"
          call-id="c1"
          layout="toolbar"
          .callStart=${NOW - 65_000}
          .now=${now}
        ></cif-call-controls>`,
      ),
    prepare: async (el) => {
      // The toolbar measures itself (ResizeObserver) before moving controls into the menu.
      await until(() => el.shadowRoot!.querySelector('[part~=menu]'));
      el.shadowRoot!.querySelector<HTMLElement>('[part~=menu]')!.showPopover();
      await nextFrame();
    },
  },
  {
    tag: 'cif-call-controls',
    state: 'wrap-up',
    render: (lang) =>
      wider(
        html`<cif-call-controls
          lang=${ifDefined(lang)}
          state="wrap-up"
          call-id="c1"
          .wrapUpStart=${NOW - 10_000}
          .wrapUpDeadline=${NOW + 50_000}
          .dispositions=${['Resolved', { value: 'callback', label: 'Call back' }]}
          .now=${now}
        ></cif-call-controls>`,
      ),
    prepare: panelsLoaded,
  },
  {
    tag: 'cif-contact-card',
    state: 'known contact',
    render: (lang) =>
      wide(
        html`<cif-contact-card
          lang=${ifDefined(lang)}
          .contact=${CONTACT}
          .now=${NOW}
        ></cif-contact-card>`,
      ),
    prepare: activityLoaded,
  },
  {
    tag: 'cif-contact-card',
    state: 'unknown caller',
    render: (lang) =>
      wide(
        html`<cif-contact-card lang=${ifDefined(lang)} number="+12065550123"></cif-contact-card>`,
      ),
  },
  {
    tag: 'cif-contact-card',
    state: 'several matches',
    render: (lang) =>
      wide(
        html`<cif-contact-card
          lang=${ifDefined(lang)}
          number="+12065550100"
          .candidates=${CANDIDATES}
        ></cif-contact-card>`,
      ),
  },
  {
    tag: 'cif-contact-card',
    state: 'error',
    render: (lang) =>
      wide(
        html`<cif-contact-card
          lang=${ifDefined(lang)}
          error=""
          number="+1 206 555 0123"
        ></cif-contact-card>`,
      ),
  },
  {
    tag: 'cif-contact-card',
    state: 'loading',
    render: (lang) =>
      wide(html`<cif-contact-card lang=${ifDefined(lang)} loading></cif-contact-card>`),
  },
  {
    tag: 'cif-contact-card',
    state: 'empty',
    render: (lang) => wide(html`<cif-contact-card lang=${ifDefined(lang)}></cif-contact-card>`),
  },
];

/** Polls `check` every 20 ms (up to 2 s). */
export async function until(check: () => unknown): Promise<void> {
  for (let i = 0; i < 100 && !check(); i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Waits until the call controls' lazy panels chunk has loaded and rendered. */
async function panelsLoaded(el: HTMLElement): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const sheets = el.shadowRoot?.adoptedStyleSheets.length ?? 0;
    if (sheets >= 3 && !el.shadowRoot?.querySelector('[part~=wrap-up]:empty')) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
}

/** Waits until the contact card's lazy activity chunk has rendered. */
async function activityLoaded(el: HTMLElement): Promise<void> {
  for (let i = 0; i < 100 && !el.shadowRoot?.querySelector('[part~=activity-item]'); i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
}

/** Renders a scenario and returns the component. */
export async function renderScenario(scenario: Scenario, lang?: string): Promise<HTMLElement> {
  const wrapper = await fixture<HTMLElement>(scenario.render(lang));
  const el = wrapper.querySelector<HTMLElement>(scenario.tag)!;
  await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  await scenario.prepare?.(el);
  await nextFrame();
  return el;
}

/** Every element in a component's composed tree (shadow roots and slotted light DOM). */
export function composedElements(root: Element): Element[] {
  const out: Element[] = [];
  const visit = (node: Element | ShadowRoot) => {
    for (const child of Array.from(node.children)) {
      out.push(child);
      if (child.shadowRoot) visit(child.shadowRoot);
      visit(child);
    }
  };
  if (root.shadowRoot) visit(root.shadowRoot);
  visit(root);
  return out;
}

const INTERACTIVE =
  'button, input:not([type=hidden]), select, textarea, a[href], summary, [role=button], [role=option], [role=checkbox], [role=switch], [role=tab], [role=menuitem], [role=link], [tabindex]:not([tabindex="-1"])';

/** Whether an element is rendered (not hidden, display:none, or in a closed popover). */
export function isRendered(el: Element): boolean {
  if (!(el instanceof HTMLElement || el instanceof SVGElement)) return false;
  const rect = el.getBoundingClientRect();
  if (rect.width === 0 && rect.height === 0) return false;
  return el.checkVisibility({ visibilityProperty: true, opacityProperty: false });
}

/** The interactive parts of a component that are rendered. */
export function interactiveParts(root: Element): HTMLElement[] {
  return composedElements(root).filter(
    (el): el is HTMLElement =>
      el instanceof HTMLElement && el.matches(INTERACTIVE) && isRendered(el),
  );
}

/** A short description of an element for messages: tag, part and name. */
export function describeElement(el: Element): string {
  const part = el.getAttribute('part');
  const name =
    el.getAttribute('aria-label') ??
    (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
  return `<${el.localName}${part ? ` part="${part}"` : ''}> "${name}"`;
}
