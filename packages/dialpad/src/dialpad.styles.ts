import { css } from 'lit';

/** Styles of `<cif-dialpad>`. Public tokens resolve once on `:host` into private `--_x` locals. */
export const styles = css`
  :host {
    display: block;
    --_gap: var(--cif-dialpad-gap, var(--cif-space-4));
    --_key-size: var(--cif-dialpad-key-size, 56px);
    --_key-radius: var(--cif-dialpad-key-radius, var(--cif-radius-lg));
    --_key-bg: var(--cif-dialpad-key-background, var(--cif-color-surface-alt));
    --_key-bg-hover: var(--cif-dialpad-key-background-hover, var(--cif-color-surface-hover));
    --_key-bg-active: var(--cif-dialpad-key-background-active, var(--cif-color-surface-active));
    --_key-color: var(--cif-dialpad-key-color, var(--cif-color-on-surface));
    --_letters-color: var(--cif-dialpad-letters-color, var(--cif-color-on-surface-muted));
    --_call-bg: var(--cif-dialpad-call-background, var(--cif-color-success));
    --_call-bg-hover: var(--cif-dialpad-call-background-hover, var(--cif-color-success-hover));
    --_call-color: var(--cif-dialpad-call-color, var(--cif-color-on-success));
    --_display-size: var(--cif-dialpad-display-font-size, var(--cif-font-size-xxl));
    --_border: var(--cif-dialpad-border-color, var(--cif-color-border-strong));
    --_focus: var(--cif-dialpad-focus-color, var(--cif-color-focus));
    --_bg: var(--cif-dialpad-background, var(--cif-color-surface));
    --_muted: var(--cif-color-on-surface-muted);
    --_danger: var(--cif-color-danger-text);
    --_warning: var(--cif-color-warning-text);
  }
  [part='base'] {
    container-type: inline-size;
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_gap);
    max-inline-size: 24rem;
    margin-inline: auto;
    padding: var(--cif-space-2);
    background: var(--_bg);
  }
  @container (inline-size < 20rem) {
    .auto > * {
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
  input,
  select {
    font: inherit;
    color: inherit;
    background: transparent;
  }
  input {
    flex: 1 1 12rem;
    min-inline-size: 0;
    block-size: calc(var(--_display-size) * 1.6);
    padding-inline: var(--cif-space-2);
    border: none;
    border-block-end: 1px solid var(--_border);
    font-size: var(--_display-size);
    font-family: var(--cif-font-family-numeric);
    font-variant-numeric: tabular-nums;
    direction: ltr;
    text-align: center;
  }
  input::placeholder {
    font-size: var(--cif-font-size-lg);
    color: var(--_muted);
  }
  select {
    max-inline-size: 100%;
    min-block-size: var(--cif-target-size);
    border: 1px solid var(--_border);
    border-radius: var(--cif-radius-md);
    background: var(--cif-color-surface);
  }
  [part='hint'] {
    min-block-size: 1lh;
    font-size: var(--cif-font-size-sm);
    text-align: center;
    color: var(--_muted);
  }
  .invalid {
    color: var(--_warning);
  }
  .error {
    font-weight: var(--cif-font-weight-semibold);
    color: inherit;
  }
  .error svg {
    inline-size: 16px;
    block-size: 16px;
    vertical-align: text-bottom;
    margin-inline-end: var(--cif-space-2);
    fill: var(--_danger);
  }
  .keypad,
  .actions {
    direction: ltr;
    display: grid;
    grid-template-columns: repeat(3, minmax(var(--_key-size), 1fr));
    gap: var(--_gap);
  }
  button {
    font: inherit;
    color: inherit;
    border: none;
    background: none;
    cursor: pointer;
    touch-action: manipulation;
    -webkit-tap-highlight-color: transparent;
  }
  button:disabled,
  [aria-disabled='true'] {
    cursor: default;
    opacity: 0.45;
  }
  :focus-visible {
    outline: var(--cif-focus-width) solid var(--_focus);
    outline-offset: 2px;
  }
  [part~='key'] {
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    min-block-size: var(--_key-size);
    border-radius: var(--_key-radius);
    background: var(--_key-bg);
    color: var(--_key-color);
    user-select: none;
    transition: background-color var(--cif-duration-fast);
  }
  @media (prefers-reduced-motion: reduce) {
    [part~='key'] {
      transition: none;
    }
  }
  [part~='key']:hover:not(:disabled) {
    background: var(--_key-bg-hover);
  }
  [part~='key']:active:not(:disabled) {
    background: var(--_key-bg-active);
  }
  [part='digit'] {
    font-size: var(--cif-font-size-xl);
    line-height: 1.1;
  }
  [part='letters'] {
    min-block-size: 1lh;
    font-size: 10px;
    letter-spacing: 0.1em;
    color: var(--_letters-color);
  }
  .actions button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--cif-space-2);
    min-block-size: var(--_key-size);
    padding-inline: var(--cif-space-2);
    border-radius: var(--_key-radius);
    line-height: 1.15;
  }
  [part='call-button'] {
    background: var(--_call-bg);
    color: var(--_call-color);
    font-weight: var(--cif-font-weight-semibold);
  }
  [part='call-button']:hover:not([aria-disabled='true']) {
    background: var(--_call-bg-hover);
  }
  .pending {
    opacity: 1;
    cursor: progress;
  }
  .pending svg {
    animation: pulse 0.8s ease-in-out infinite alternate;
  }
  @keyframes pulse {
    to {
      opacity: 0.35;
    }
  }
  /* After the rule it overrides (same specificity): the pending call button stops pulsing. */
  @media (prefers-reduced-motion: reduce) {
    .pending svg {
      animation: none;
    }
  }
  svg {
    inline-size: 20px;
    block-size: 20px;
    fill: currentColor;
    flex: none;
  }
  ul {
    margin: 0;
    padding: 0;
    list-style: none;
    border-block-start: 1px solid var(--cif-color-border);
  }
  [part='recent'] {
    display: flex;
    gap: var(--cif-space-3);
    inline-size: 100%;
    min-block-size: var(--cif-target-size);
    padding-inline: var(--cif-space-3);
    align-items: center;
    text-align: start;
    border-radius: var(--cif-radius-md);
  }
  [part='recent']:hover {
    background: var(--_key-bg-hover);
  }
  [part='recent'] span {
    flex: 1;
  }
  [part='recent'] bdi,
  [part='recent'] time {
    color: var(--_muted);
    font-size: var(--cif-font-size-sm);
  }
  .sr {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (forced-colors: active) {
    [part~='key'],
    .actions button,
    [part='recent'],
    select {
      border: 1px solid ButtonText;
    }
    /* Recents are spaced so their borders do not merge into one box. */
    [part='recents'] li + li {
      margin-block-start: var(--cif-space-1);
    }
    [part='call-button'] {
      background: ButtonText;
      color: ButtonFace;
      forced-color-adjust: none;
    }
    [aria-disabled='true'],
    button:disabled {
      color: GrayText;
      border-color: GrayText;
      opacity: 1;
    }
    [part='call-button'][aria-disabled='true'] {
      background: ButtonFace;
    }
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;
