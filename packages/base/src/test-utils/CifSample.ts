import { html, type CSSResultGroup, type TemplateResult } from 'lit';
import { CifElement } from '../CifElement.js';
import { defineElement } from '../define.js';
import { sampleStyles } from './sample.styles.js';

/** A small element used to test the base: a translated button and a caption in token colours. */
export class CifSample extends CifElement {
  static override styles: CSSResultGroup = [CifElement.styles, sampleStyles];

  override render(): TemplateResult {
    return html`<button part="button" type="button">${this.localize.term('retry')}</button>
      <p part="caption">${this.localize.term('moreCount', 3)}</p>`;
  }

  /** Exposed for tests. */
  get resolvedLang(): string {
    return this.localize.lang;
  }

  get resolvedDir(): string {
    return this.localize.dir;
  }

  isState(name: string): boolean {
    return this.hasState(name);
  }
}

defineElement('cif-sample', CifSample);

declare global {
  interface HTMLElementTagNameMap {
    'cif-sample': CifSample;
  }
}
