import { css } from 'lit';

/**
 * Styles that load with the dialpad's behaviour, adopted next to the first-paint sheet: the validity hint
 * and errors, the built-in region selector, the pending call button and recent numbers.
 */
export const behaviourStyles = css`
  select {
    max-inline-size: 100%;
    min-block-size: var(--cif-target-size);
    border: 1px solid var(--cif-dialpad-border-color, var(--cif-color-border-strong));
    border-radius: var(--cif-radius-md);
    font: inherit;
    color: inherit;
    background: var(--cif-color-surface);
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
    /* Recents are spaced so their borders do not merge into one box. */
    [part='recents'] li + li {
      margin-block-start: var(--cif-space-1);
    }
  }
`;
