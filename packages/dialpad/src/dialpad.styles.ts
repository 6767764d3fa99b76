import { css } from 'lit';

/** Styles of `<cif-dialpad>`. Public tokens resolve once on `:host` into private `--_x` locals. */
export const styles = css`
  :host {
    display: block;
    --_gap: var(--cif-dialpad-gap, var(--cif-space-4, 12px));
    --_key-size: var(--cif-dialpad-key-size, 56px);
    --_key-radius: var(--cif-dialpad-key-radius, var(--cif-radius-lg, 8px));
    --_key-bg: var(--cif-dialpad-key-background, var(--cif-color-surface-alt, #f5f5f5));
    --_key-bg-hover: var(--cif-dialpad-key-background-hover, var(--cif-color-surface-hover, #ebebeb));
    --_key-bg-active: var(--cif-dialpad-key-background-active, var(--cif-color-surface-active, #e0e0e0));
    --_key-color: var(--cif-dialpad-key-color, var(--cif-color-on-surface, #242424));
    --_letters-color: var(--cif-dialpad-letters-color, var(--cif-color-on-surface-muted, #616161));
    --_call-bg: var(--cif-dialpad-call-background, var(--cif-color-success, #107c10));
    --_call-bg-hover: var(--cif-dialpad-call-background-hover, var(--cif-color-success-hover, #0e700e));
    --_call-color: var(--cif-dialpad-call-color, var(--cif-color-on-success, #fff));
    --_display-size: var(--cif-dialpad-display-font-size, var(--cif-font-size-xxl, 28px));
    --_border: var(--cif-dialpad-border-color, var(--cif-color-border-strong, #616161));
    --_focus: var(--cif-dialpad-focus-color, var(--cif-color-focus, #000));
    --_bg: var(--cif-dialpad-background, var(--cif-color-surface, #fff));
    --_muted: var(--cif-color-on-surface-muted, #616161);
    --_danger: var(--cif-color-danger-text, #b10e1c);
    --_warning: var(--cif-color-warning-text, #bc4b09);
  }
  [part='base'] {
    container-type: inline-size;
    display: grid;
    gap: var(--_gap);
    max-inline-size: 24rem;
    margin-inline: auto;
    padding: var(--cif-space-2, 4px);
    background: var(--_bg);
  }
  /* Compact: a 300 px channel panel (or density="compact"). Keys keep a 44 × 44 px target. */
  @container (inline-size < 20rem) {
    .auto > * {
      --_gap: var(--cif-space-2, 4px);
      --_key-size: var(--cif-target-size, 44px);
      --_display-size: var(--cif-font-size-xl, 20px);
    }
  }
  :host([density='compact']) {
    --_gap: var(--cif-space-2, 4px);
    --_key-size: var(--cif-target-size, 44px);
    --_display-size: var(--cif-font-size-xl, 20px);
  }
  .display {
    display: flex;
    gap: var(--cif-space-2, 4px);
    align-items: center;
  }
  input,
  select {
    font: inherit;
    color: inherit;
    background: transparent;
  }
  input {
    flex: 1;
    min-inline-size: 0;
    block-size: calc(var(--_display-size) * 1.6);
    padding-inline: var(--cif-space-2, 4px);
    border: none;
    border-block-end: 1px solid var(--_border);
    font-size: var(--_display-size);
    font-family: var(--cif-font-family-numeric, inherit);
    font-variant-numeric: tabular-nums;
    /* A number reads left to right in every script; centred, it sits well in RTL too. */
    direction: ltr;
    text-align: center;
  }
  input::placeholder {
    font-size: var(--cif-font-size-lg, 16px);
    color: var(--_muted);
  }
  select {
    max-inline-size: 45%;
    min-block-size: var(--cif-target-size, 44px);
    border: 1px solid var(--_border);
    border-radius: var(--cif-radius-md, 4px);
    background: var(--cif-color-surface, #fff);
  }
  [part='hint'] {
    min-block-size: 1lh;
    font-size: var(--cif-font-size-sm, 12px);
    text-align: center;
    color: var(--_muted);
  }
  .invalid {
    color: var(--_warning);
  }
  /* Error text in the text colour (danger text tokens are not 4.5:1 on every surface); the icon carries the colour. */
  .error {
    font-weight: var(--cif-font-weight-semibold, 600);
    color: inherit;
  }
  .error svg {
    inline-size: 16px;
    block-size: 16px;
    vertical-align: text-bottom;
    margin-inline-end: var(--cif-space-2, 4px);
    fill: var(--_danger);
  }
  /* Telephone order in every direction: 1 2 3 stays left to right in RTL. */
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
    outline: var(--cif-focus-width, 2px) solid var(--_focus);
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
    transition: background-color var(--cif-duration-fast, 150ms);
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
    font-size: var(--cif-font-size-xl, 20px);
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
    gap: var(--cif-space-2, 4px);
    min-block-size: var(--_key-size);
    border-radius: var(--_key-radius);
  }
  [part='call-button'] {
    background: var(--_call-bg);
    color: var(--_call-color);
    font-weight: var(--cif-font-weight-semibold, 600);
  }
  [part='call-button']:hover:not([aria-disabled='true']) {
    background: var(--_call-bg-hover);
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
    border-block-start: 1px solid var(--cif-color-border, #d1d1d1);
  }
  [part='recent'] {
    display: flex;
    gap: var(--cif-space-3, 8px);
    inline-size: 100%;
    min-block-size: var(--cif-target-size, 44px);
    padding-inline: var(--cif-space-3, 8px);
    align-items: center;
    text-align: start;
    border-radius: var(--cif-radius-md, 4px);
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
    font-size: var(--cif-font-size-sm, 12px);
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
    select {
      border: 1px solid ButtonText;
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
