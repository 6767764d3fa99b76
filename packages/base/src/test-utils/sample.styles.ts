import { css } from 'lit';

export const sampleStyles = css`
  :host {
    display: block;
    --_bg: var(--cif-sample-background, var(--cif-color-primary));
    --_fg: var(--cif-sample-color, var(--cif-color-on-primary));
  }
  button {
    min-inline-size: var(--cif-target-size);
    min-block-size: var(--cif-target-size);
    padding-inline: var(--cif-space-4);
    border: none;
    border-radius: var(--cif-radius-md);
    background: var(--_bg);
    color: var(--_fg);
    font: inherit;
  }
  p {
    color: var(--cif-color-on-surface-muted);
    background: var(--cif-color-surface);
  }
  @media (forced-colors: active) {
    button {
      border: 1px solid ButtonText;
    }
  }
`;
