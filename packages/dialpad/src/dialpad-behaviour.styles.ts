import { css } from 'lit';

/**
 * Styles that load with the dialpad's behaviour, adopted after the first-paint sheet: interaction (hover,
 * press, cursors), the validity hint and errors, the built-in region selector, the pending call button
 * and recent numbers.
 */
export const behaviourStyles = css`
  button {
    cursor: pointer;
    touch-action: manipulation;
    -webkit-tap-highlight-color: transparent;
  }
  button:disabled,
  [aria-disabled='true'] {
    cursor: default;
  }
  [part~='key'] {
    user-select: none;
    transition: background-color var(--cif-duration-fast);
  }
  @media (prefers-reduced-motion: reduce) {
    [part~='key'] {
      transition: none;
    }
  }
  [part~='key']:hover:not(:disabled) {
    background: var(--cif-dialpad-key-background-hover, var(--cif-color-surface-hover));
  }
  [part~='key']:active:not(:disabled) {
    background: var(--cif-dialpad-key-background-active, var(--cif-color-surface-active));
  }
  [part='call-button']:hover:not([aria-disabled='true']) {
    background: var(--cif-dialpad-call-background-hover, var(--cif-color-success-hover));
  }
  select {
    max-inline-size: 100%;
    min-block-size: var(--cif-target-size);
    border: 1px solid var(--cif-dialpad-border-color, var(--cif-color-border-strong));
    border-radius: var(--cif-radius-md);
    font: inherit;
    color: inherit;
    background: var(--cif-color-surface);
  }
  [part='hint'] {
    text-align: center;
    color: var(--cif-color-on-surface-muted);
  }
  .invalid {
    color: var(--cif-color-warning-text);
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
    fill: var(--cif-color-danger-text);
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
  ul {
    margin: 0;
    padding: 0;
    list-style: none;
    border-block-start: 1px solid var(--cif-color-border);
  }
  [part='recent'] {
    justify-content: start;
    gap: var(--cif-space-3);
    inline-size: 100%;
    min-block-size: var(--cif-target-size);
    padding-inline: var(--cif-space-3);
    text-align: start;
    border-radius: var(--cif-radius-md);
  }
  [part='recent']:hover {
    background: var(--cif-dialpad-key-background-hover, var(--cif-color-surface-hover));
  }
  [part='recent'] span {
    flex: 1;
  }
  [part='recent'] bdi,
  [part='recent'] time {
    color: var(--cif-color-on-surface-muted);
    font-size: var(--cif-font-size-sm);
  }
  @media (forced-colors: active) {
    select {
      border-color: ButtonText;
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
    /* Recents are spaced so their borders do not merge into one box. */
    [part='recents'] li + li {
      margin-block-start: var(--cif-space-1);
    }
  }
`;
