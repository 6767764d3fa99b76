import { css } from 'lit';

/** Host styles shared by every CifElement (see CifElement's JSDoc). */
export const hostStyles = css`
  :host {
    box-sizing: border-box;
    font-family: var(--cif-font-family);
    font-size: var(--cif-font-size-md);
    line-height: var(--cif-line-height);
    color: var(--cif-color-on-surface);
  }
  :host([hidden]) {
    display: none !important;
  }
  :host(:state(rtl)) {
    direction: rtl;
  }
  :host(:state(ltr)) {
    direction: ltr;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  @media (forced-colors: active) {
    :host {
      forced-color-adjust: auto;
    }
  }
`;
