import { css } from 'lit';

/**
 * First-paint styles of `<cif-dialpad>`: the number field, the keys and the action row. The styles of
 * interaction (hover, press, cursors) and of rarer states (hints, the region selector, recent numbers, a
 * pending dial) load with the behaviour (`dialpad-behaviour.styles.ts`). Public tokens used more than once resolve on `:host` into private
 * `--_x` locals; the others are read where they apply.
 */
export const styles = css`
  :host {
    display: block;
    --_gap: var(--cif-dialpad-gap, var(--cif-space-4));
    --_key-size: var(--cif-dialpad-key-size, 56px);
    --_key-radius: var(--cif-dialpad-key-radius, var(--cif-radius-lg));
    --_display-size: var(--cif-dialpad-display-font-size, var(--cif-font-size-xxl));
  }
  [part='base'] {
    container-type: inline-size;
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_gap);
    max-inline-size: 24rem;
    margin-inline: auto;
    padding: var(--cif-space-2);
    background: var(--cif-dialpad-background, var(--cif-color-surface));
  }
  @container (inline-size < 20rem) {
    :host([density='auto']) [part='base'] > * {
      --_gap: var(--cif-space-2);
      --_key-size: var(--cif-target-size);
      --_display-size: var(--cif-font-size-xl);
    }
  }
  :host([density='compact']) {
    --_gap: var(--cif-space-2);
    --_key-size: var(--cif-target-size);
    --_display-size: var(--cif-font-size-xl);
  }
  .display {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cif-space-2);
    align-items: center;
    justify-content: center;
  }
  input {
    flex: 1 1 12rem;
    min-inline-size: 0;
    block-size: calc(var(--_display-size) * 1.6);
    padding-inline: var(--cif-space-2);
    border: none;
    border-block-end: 1px solid var(--cif-dialpad-border-color, var(--cif-color-border-strong));
    font: inherit;
    font-size: var(--_display-size);
    font-family: var(--cif-font-family-numeric);
    font-variant-numeric: tabular-nums;
    color: inherit;
    background: transparent;
    text-align: center;
  }
  input::placeholder {
    font-size: var(--cif-font-size-lg);
    color: var(--cif-color-on-surface-muted);
  }
  [part='hint'] {
    min-block-size: 1lh;
    font-size: var(--cif-font-size-sm);
  }
  .keypad,
  .actions {
    direction: ltr;
    display: grid;
    grid-template-columns: repeat(3, minmax(var(--_key-size), 1fr));
    gap: var(--_gap);
  }
  button {
    display: flex;
    align-items: center;
    justify-content: center;
    min-block-size: var(--_key-size);
    border: none;
    border-radius: var(--_key-radius);
    font: inherit;
    color: inherit;
    background: none;
  }
  button:disabled,
  [aria-disabled='true'] {
    opacity: 0.45;
  }
  :focus-visible {
    outline: var(--cif-focus-width) solid var(--cif-dialpad-focus-color, var(--cif-color-focus));
    outline-offset: 2px;
  }
  [part~='key'] {
    flex-direction: column;
    background: var(--cif-dialpad-key-background, var(--cif-color-surface-alt));
    color: var(--cif-dialpad-key-color, var(--cif-color-on-surface));
  }
  [part='digit'] {
    font-size: var(--cif-font-size-xl);
    line-height: 1.1;
  }
  [part='letters'] {
    min-block-size: 1lh;
    font-size: 10px;
    letter-spacing: 0.1em;
    color: var(--cif-dialpad-letters-color, var(--cif-color-on-surface-muted));
  }
  .actions button {
    gap: var(--cif-space-2);
    padding-inline: var(--cif-space-2);
    line-height: 1.15;
  }
  [part='call-button'] {
    background: var(--cif-dialpad-call-background, var(--cif-color-success));
    color: var(--cif-dialpad-call-color, var(--cif-color-on-success));
    font-weight: var(--cif-font-weight-semibold);
  }
  svg {
    inline-size: 20px;
    block-size: 20px;
    fill: currentColor;
    flex: none;
  }
  .sr {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  /* Buttons stay visible as buttons; the other forced-colours rules load with the behaviour. */
  @media (forced-colors: active) {
    button {
      border: 1px solid ButtonText;
    }
  }
`;
