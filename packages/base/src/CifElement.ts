import { LitElement, type CSSResultGroup } from 'lit';
import { hostStyles } from './host.styles.js';
import { LocalizeController } from './localize/LocalizeController.js';
import type { CifTranslation } from './localize/translation.js';
import { adoptTokens, hostThemeStyles } from './tokens/tokens.js';
import { VERSION } from './version.js';

/**
 * The base class of every CIF Elements component.
 *
 * - Shared host styles: the system font and text colour, `box-sizing`, `[hidden]` honoured, and
 *   `data-cif-theme="light|dark"` on the element itself (its `color-scheme`, which the tokens follow).
 * - A version stamp (`CifElement.version`) that `defineElement` compares when a page loads two copies.
 * - Resolved language and direction (`this.localize.lang`, `this.localize.dir`), kept current as `lang`,
 *   `dir` or the kit locale change; direction is applied to the shadow tree and exposed as the custom
 *   states `:state(rtl)` / `:state(ltr)`.
 * - The system tokens adopted into the document on first connection, so no global stylesheet is needed.
 *
 * @cssstate ltr - The resolved direction is left to right.
 * @cssstate rtl - The resolved direction is right to left.
 */
export class CifElement extends LitElement {
  /** The CIF Elements version this class belongs to. */
  static readonly version: string = VERSION;

  static override styles: CSSResultGroup = [hostThemeStyles, hostStyles];

  /**
   * The element's own English strings, the fallback for its terms when no registered translation has
   * them. Each component ships only its own English this way.
   */
  static readonly strings?: Partial<CifTranslation>;

  /** Language, direction and translated strings for this element. */
  protected readonly localize: LocalizeController = new LocalizeController(this, () =>
    this.#applyDirection(),
  );

  /** Element internals, attached once here; subclasses use it for custom states, ARIA and forms. */
  protected readonly internals: ElementInternals = this.attachInternals();

  override connectedCallback(): void {
    adoptTokens(this.ownerDocument);
    super.connectedCallback();
    this.#applyDirection();
  }

  #applyDirection(): void {
    const dir = this.localize.dir;
    this.setState('rtl', dir === 'rtl');
    this.setState('ltr', dir === 'ltr');
  }

  /** Adds or removes a CSS custom state (`:host(:state(name))`). */
  protected setState(name: string, on: boolean): void {
    try {
      if (on) this.internals.states.add(name);
      else this.internals.states.delete(name);
    } catch {
      // Browsers before CustomStateSet: styling by state is lost, nothing else.
    }
  }

  /** Whether a CSS custom state is set. */
  protected hasState(name: string): boolean {
    return this.internals.states?.has(name) ?? false;
  }
}
