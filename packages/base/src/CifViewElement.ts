import { css, nothing, type CSSResult, type CSSResultGroup, type PropertyValues } from 'lit';
import { CifElement } from './CifElement.js';
import type { LocalizeController } from './localize/LocalizeController.js';
import type { CifTranslation } from './localize/translation.js';
import { warnOnce } from './warn.js';

/** What a lazily loaded view does for its element: everything beyond the element's definition. */
export interface ElementView {
  connected(): void;
  disconnected(): void;
  willUpdate(changed: PropertyValues): void;
  updated(): void;
  render(): unknown;
}

/** What a view may use of its element beyond the public API. */
export interface ViewAccess {
  readonly localize: LocalizeController;
  setState(name: string, on: boolean): void;
}

/**
 * A `CifElement` whose define module holds only its definition and properties: the view (rendering,
 * behaviour, its stylesheet and the element's English) loads with `import()` as soon as the element connects, and the element
 * shows nothing until then. `updateComplete` waits for the view; the view's first update sees every
 * property set before it arrived. A view that cannot load warns once (`viewFailure`) and leaves the
 * element empty.
 */
export abstract class CifViewElement<V extends ElementView> extends CifElement {
  static override styles: CSSResultGroup = [
    CifElement.styles,
    css`
      :host {
        display: block;
      }
    `,
  ];

  /** What the warning says when the view cannot load (`could not load its view` without one). */
  static viewFailure?: string;

  #view: V | undefined;
  #loading: Promise<void> | undefined;
  #sheet: CSSStyleSheet | undefined;
  #fresh = true;

  /**
   * Loads the view for this element: the view, its stylesheet and the element's English (nothing shows
   * before the view, so the English comes with it; a subclass's own `strings` still win).
   */
  protected abstract loadView(
    access: ViewAccess,
  ): Promise<readonly [V, CSSResult, Partial<CifTranslation>]>;

  /** The view, once loaded. */
  protected get loadedView(): V | undefined {
    return this.#view;
  }

  /** The view, loading it if the element was never connected; `undefined` if it cannot load. */
  protected async whenViewLoaded(): Promise<V | undefined> {
    if (!this.#view) await (this.#loading ??= this.#load());
    return this.#view;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.#view) this.#attach();
    else this.#loading ??= this.#load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#view?.disconnected();
  }

  /** Also waits for the view, so a resolved `updateComplete` means a working element. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    if (this.#view || !this.#loading) return done;
    await this.#loading;
    return super.getUpdateComplete();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    const view = this.#view;
    if (!view) return;
    if (this.#fresh) {
      // The view's first update takes over everything set before it arrived.
      this.#fresh = false;
      const all = new Map<PropertyKey, unknown>(changed);
      for (const key of (this.constructor as typeof CifElement).elementProperties.keys())
        if (!all.has(key)) all.set(key, undefined);
      view.willUpdate(all);
    } else view.willUpdate(changed);
  }

  override updated(): void {
    this.#view?.updated();
  }

  override render(): unknown {
    return this.#view ? this.#view.render() : nothing;
  }

  async #load(): Promise<void> {
    try {
      const [view, styles, strings] = await this.loadView({
        localize: this.localize,
        setState: (name, on) => this.setState(name, on),
      });
      const element = this.constructor as { strings?: Partial<CifTranslation> };
      element.strings = { ...strings, ...element.strings };
      this.#view = view;
      this.#sheet = styles.styleSheet;
    } catch (error) {
      const failure = (this.constructor as typeof CifViewElement).viewFailure;
      warnOnce(
        this.localName,
        'view',
        `${failure ?? 'could not load its view'} (${String(error)})`,
      );
      return;
    }
    if (this.isConnected) this.#attach();
    this.requestUpdate();
  }

  /** Adds the view's stylesheet to the shadow root and tells the view it is connected. */
  #attach(): void {
    const root = this.renderRoot as ShadowRoot;
    const sheet = this.#sheet;
    if (sheet && !root.adoptedStyleSheets.includes(sheet))
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    this.#view?.connected();
  }
}
