import { css } from 'lit';

/** Styles of `<cif-softphone>`. Public tokens resolve once on `:host` into private `--_x` locals. */
export const styles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-inline-size: 0;
    --_bg: var(--cif-softphone-background, var(--cif-color-surface-alt));
    --_padding: var(--cif-softphone-padding, var(--cif-space-3));
    --_gap: var(--cif-softphone-gap, var(--cif-space-3));
    --_banner-bg: var(--cif-softphone-banner-background, var(--cif-color-surface));
    --_status: var(--cif-softphone-status-color, var(--cif-color-on-surface-muted));
  }
  .base {
    display: flex;
    flex: 1;
    flex-direction: column;
    gap: var(--_gap);
    box-sizing: border-box;
    padding: var(--_padding);
    background: var(--_bg);
    color: var(--cif-color-on-surface);
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--cif-space-1) var(--cif-space-3);
  }
  .title {
    margin: 0;
    font-size: var(--cif-font-size-lg);
    font-weight: var(--cif-font-weight-semibold);
  }
  .status {
    display: inline-flex;
    flex: 1;
    align-items: center;
    gap: var(--cif-space-2);
    margin: 0;
    color: var(--_status);
    font-size: var(--cif-font-size-sm);
  }
  .dot {
    flex: none;
    inline-size: 8px;
    block-size: 8px;
    border-radius: var(--cif-radius-circle);
    background: var(--_status);
  }
  [data-status='connected'] .dot {
    background: var(--cif-color-success);
  }
  [data-status='error'] .dot {
    background: var(--cif-color-danger);
  }
  [data-status='standalone'] .dot {
    background: var(--cif-color-warning-text);
  }
  .banner {
    display: grid;
    gap: var(--cif-space-2);
    justify-items: start;
    padding: var(--cif-space-3);
    border: 1px solid var(--cif-color-border);
    border-inline-start: 4px solid var(--cif-color-warning-text);
    border-radius: var(--cif-radius-md);
    background: var(--_banner-bg);
    font-size: var(--cif-font-size-sm);
  }
  .banner[data-kind='error'] {
    border-inline-start-color: var(--cif-color-danger);
  }
  .banner p {
    margin: 0;
  }
  button {
    box-sizing: border-box;
    min-block-size: var(--cif-target-size);
    min-inline-size: var(--cif-target-size);
    padding-inline: var(--cif-space-3);
    border: 1px solid var(--cif-color-border-strong);
    border-radius: var(--cif-radius-md);
    background: var(--cif-color-surface);
    color: var(--cif-color-on-surface);
    font: inherit;
    cursor: pointer;
  }
  button:hover:not(:disabled) {
    background: var(--cif-color-surface-hover);
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  button:focus-visible {
    outline: var(--cif-focus-width) solid var(--cif-color-focus);
    outline-offset: 2px;
  }
  .call {
    display: grid;
    gap: var(--_gap);
    min-inline-size: 0;
  }
  /* The controls sit in a panel like the card's. */
  .controls {
    min-inline-size: 0;
    padding: var(--cif-space-2);
    border: 1px solid var(--cif-color-border);
    border-radius: var(--cif-radius-lg);
    background: var(--cif-color-surface);
  }
  .controls > cif-call-controls {
    --cif-call-controls-background: transparent;
  }
  .held {
    display: grid;
    gap: var(--cif-space-2);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .held-call {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--cif-space-2);
    padding: var(--cif-space-2) var(--cif-space-3);
    border: 1px solid var(--cif-color-border);
    border-radius: var(--cif-radius-md);
    background: var(--cif-color-surface);
  }
  .held-name {
    flex: 1;
    min-inline-size: 0;
    overflow-wrap: anywhere;
    font-weight: var(--cif-font-weight-semibold);
  }
  .held-state {
    color: var(--_status);
    font-size: var(--cif-font-size-sm);
  }
  .held .end {
    border-color: var(--cif-color-danger);
    background: var(--cif-color-danger);
    color: var(--cif-color-on-danger);
  }
  .held .end:hover:not(:disabled) {
    background: var(--cif-color-danger-hover);
  }
  svg {
    inline-size: 20px;
    block-size: 20px;
    fill: currentColor;
  }
  [hidden] {
    display: none !important;
  }
  @media (forced-colors: active) {
    .dot {
      border: 1px solid CanvasText;
    }
    .banner,
    .controls,
    .held-call,
    button {
      border-color: CanvasText;
    }
    .held .end {
      background: ButtonFace;
      color: ButtonText;
    }
    button:focus-visible {
      outline-color: Highlight;
    }
  }
`;
