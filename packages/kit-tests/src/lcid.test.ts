import { resolveTranslation, setLocale } from '@cif-elements/base';
import {
  DYNAMICS_LANGUAGES,
  SimulatedProvider,
  applyUserLocale,
  createCallStore,
  createCifClient,
  createPhoneNumbers,
  lcidToLocale,
  type CallStore,
} from '@cif-elements/core';
import { FakeCIFramework } from '@cif-elements/core/testing';
import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import './test-utils/fixtures.js';
import { LOCALES } from './test-utils/locales.js';

const language = (tag: string) => new Intl.Locale(tag).language;
const shipped = new Set(LOCALES.map((t) => language(t.$code)));

describe('locale from Dynamics: user LCID → BCP 47 → the kit', () => {
  let store: CallStore;
  let provider: SimulatedProvider;

  beforeEach(() => {
    provider = new SimulatedProvider();
    store = createCallStore({ provider, storage: null, ownership: false });
  });

  afterEach(() => {
    setLocale(undefined);
    store.dispose();
    provider.dispose();
  });

  it('maps every Dynamics 365 UI language, and each finds its translation or English', () => {
    const entries = Object.entries(DYNAMICS_LANGUAGES);
    expect(entries.length, 'every language Dynamics 365 ships').to.equal(45);
    const found: Record<string, string> = {};
    for (const [lcid, tag] of entries) {
      expect(lcidToLocale(Number(lcid)), lcid).to.equal(tag);
      const translation = resolveTranslation(tag)!;
      found[tag] = translation.$code;
      const expected = shipped.has(language(tag)) ? language(tag) : 'en';
      expect(language(translation.$code), `${lcid} ${tag}`).to.equal(expected);
    }
    expect(found).to.include({
      'en-US': 'en',
      'de-DE': 'de',
      'fr-FR': 'fr',
      'es-ES': 'es',
      'it-IT': 'it',
      'pt-BR': 'pt-BR',
      'pt-PT': 'pt-BR',
      'nl-NL': 'nl',
      'ja-JP': 'ja',
      'zh-CN': 'zh-CN',
      'zh-TW': 'zh-CN',
      'ar-SA': 'ar',
      'he-IL': 'he',
      'ko-KR': 'en',
    });
    // Regional format LCIDs find their language too.
    expect(resolveTranslation(lcidToLocale(2058))!.$code, 'es-MX').to.equal('es');
    expect(resolveTranslation(lcidToLocale(3084))!.$code, 'fr-CA').to.equal('fr');
    expect(resolveTranslation(lcidToLocale(14337))!.$code, 'ar-AE').to.equal('ar');
  });

  async function fromDynamics(userLcid: number): Promise<string | undefined> {
    const fake = new FakeCIFramework({ environment: { userLcid, orgLcid: 1033 } });
    const client = createCifClient(fake.library, { onError: () => undefined });
    const phone = createPhoneNumbers({ defaultRegion: 'US', autoLoad: false });
    return applyUserLocale(
      { client, store, phone, onError: () => undefined },
      { onLocale: (tag) => setLocale(tag) },
    );
  }

  it('sets the kit locale from getEnvironment; an explicit lang (on the element or around it) still wins', async () => {
    const root = await fixture<HTMLElement>(
      html`<div>
        <cif-call-controls id="plain" state="connected" layout="toolbar"></cif-call-controls>
        <cif-call-controls
          id="own"
          lang="en"
          state="connected"
          layout="toolbar"
        ></cif-call-controls>
        <section lang="de">
          <cif-call-controls id="inherited" state="connected" layout="toolbar"></cif-call-controls>
        </section>
        <cif-dialpad id="dialpad"></cif-dialpad>
      </div>`,
    );
    const label = (id: string) =>
      root
        .querySelector(`#${id}`)!
        .shadowRoot!.querySelector('[role=toolbar]')!
        .getAttribute('aria-label');
    const settle = async () => {
      await nextFrame();
      for (const el of root.querySelectorAll<HTMLElement & { updateComplete: Promise<unknown> }>(
        'cif-call-controls, cif-dialpad',
      ))
        await el.updateComplete;
    };

    expect(await fromDynamics(1036)).to.equal('fr-FR');
    await settle();
    const fr = resolveTranslation('fr')!;
    expect(label('plain')).to.equal(fr.controlsLabel);
    expect(label('own')).to.equal('Call controls');
    expect(label('inherited')).to.equal(resolveTranslation('de')!.controlsLabel);
    const dialpad = root.querySelector('#dialpad')!;
    expect(dialpad.shadowRoot!.querySelector('[role=group]')!.getAttribute('aria-label')).to.equal(
      fr.dialpadLabel,
    );
    // The locale's region also reaches the dialpad's default region.
    expect((dialpad as HTMLElement & { resolvedRegion: string }).resolvedRegion).to.equal('FR');

    expect(await fromDynamics(1037)).to.equal('he-IL');
    await settle();
    const plain = root.querySelector('#plain')!;
    expect(label('plain')).to.equal(resolveTranslation('he')!.controlsLabel);
    expect(
      plain.matches(':state(rtl)'),
      'Hebrew from Dynamics turns the kit right to left',
    ).to.equal(true);
    expect(root.querySelector('#own')!.matches(':state(ltr)')).to.equal(true);

    expect(await fromDynamics(1042), 'Korean: no translation shipped').to.equal('ko-KR');
    await settle();
    expect(label('plain')).to.equal('Call controls');

    expect(await fromDynamics(9999), 'an unknown LCID falls back to the org language').to.equal(
      'en-US',
    );
  });
});
