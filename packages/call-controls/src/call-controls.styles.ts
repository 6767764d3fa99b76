import { css } from 'lit';

/** Styles of `<cif-call-controls>`. Public tokens resolve once on `:host` into private `--_x` locals. */
export const styles = css`
  :host {
    display: block;
    --_bg: var(--cif-call-controls-background, var(--cif-color-surface));
    --_control-bg: var(--cif-call-controls-control-background, var(--cif-color-surface-alt));
    --_control-bg-hover: var(
      --cif-call-controls-control-background-hover,
      var(--cif-color-surface-hover)
    );
    --_pressed-bg: var(--cif-call-controls-pressed-background, var(--cif-color-primary));
    --_pressed-color: var(--cif-call-controls-pressed-color, var(--cif-color-on-primary));
    --_end-bg: var(--cif-call-controls-end-background, var(--cif-color-danger));
    --_end-color: var(--cif-call-controls-end-color, var(--cif-color-on-danger));
    --_radius: var(--cif-call-controls-radius, var(--cif-radius-md));
    --_focus: var(--cif-call-controls-focus-color, var(--cif-color-focus));
    --_muted: var(--cif-color-on-surface-muted);
    /* A control's width; the element computes overflow from the same numbers (72px, 44px, gap 4px). */
    --_item: 72px;
  }
  :host(:state(compact)) {
    --_item: 44px;
  }
  [part='base'] {
    display: grid;
    gap: var(--cif-space-2);
    background: var(--_bg);
  }
  [part='status'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--cif-space-1) var(--cif-space-3);
    min-block-size: 1lh;
    font-size: var(--cif-font-size-sm);
    color: var(--_muted);
  }
  [part~='timer'] {
    color: var(--cif-color-on-surface);
    font-weight: var(--cif-font-weight-semibold);
  }
  time {
    font-family: var(--cif-font-family-numeric);
    font-variant-numeric: tabular-nums;
  }
  [part='recording']::before {
    content: '';
    display: inline-block;
    inline-size: 8px;
    block-size: 8px;
    margin-inline-end: var(--cif-space-1);
    border-radius: 50%;
    background: var(--cif-color-danger);
  }
  [part='recording'].paused::before {
    background: var(--_muted);
  }
  [part='conference'] {
    padding-inline: var(--cif-space-2);
    border: 1px solid var(--cif-color-border-strong);
    border-radius: var(--cif-radius-circle);
  }
  [part='quality'] {
    position: relative;
    display: inline-flex;
    align-items: center;
    gap: var(--cif-space-1);
  }
  .good {
    color: var(--cif-color-success-text);
  }
  .fair {
    color: var(--cif-color-warning-text);
  }
  .poor {
    color: var(--cif-color-danger-text);
  }
  [part='quality'] path {
    stroke: var(--cif-color-border-strong);
    stroke-width: 4;
    stroke-linecap: butt;
  }
  [part='quality'] path.on {
    stroke: currentColor;
  }
  [part='toolbar'] {
    display: flex;
    gap: 4px;
  }
  button {
    font: inherit;
    color: inherit;
  }
  button {
    position: relative;
    min-block-size: var(--cif-target-size);
    min-inline-size: var(--cif-target-size);
    border: none;
    border-radius: var(--_radius);
    background: var(--_control-bg);
    cursor: pointer;
    touch-action: manipulation;
    -webkit-tap-highlight-color: transparent;
  }
  button:hover:not([aria-disabled='true'], [aria-pressed='true'], [part~='end-button']) {
    background: var(--_control-bg-hover);
  }
  [part~='control'] {
    flex: 1 0 var(--_item);
    max-inline-size: 7rem;
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 2px;
    padding: var(--cif-space-1);
  }
  [part~='label'] {
    max-inline-size: 100%;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    font-size: 12px;
    line-height: 1.2;
  }
  [aria-pressed='true'] {
    background: var(--_pressed-bg);
    color: var(--_pressed-color);
  }
  [part~='end-button'] {
    background: var(--_end-bg);
    color: var(--_end-color);
  }
  [aria-disabled='true'] {
    cursor: default;
    opacity: 0.45;
  }
  .pending {
    cursor: progress;
    animation: pulse 0.8s ease-in-out infinite alternate;
  }
  @keyframes pulse {
    to {
      opacity: 0.3;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .pending {
      animation: none;
    }
  }
  :focus-visible {
    outline: var(--cif-focus-width) solid var(--_focus);
    outline-offset: 2px;
  }
  svg {
    inline-size: 20px;
    block-size: 20px;
    flex: none;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .record,
  .end {
    fill: currentColor;
    stroke: none;
  }
  .keypad,
  .dots {
    stroke-width: 3.5;
  }
  :host(:state(rtl)) .transfer {
    transform: scaleX(-1);
  }
  /* Tooltips: the label of a compact control (below it) and why a control is off (above it). */
  :host(:state(compact)) [part='toolbar'] [part~='label'],
  .why,
  [part='quality']::after {
    position: absolute;
    z-index: 1;
    inset-block-start: calc(100% + 4px);
    inset-inline: -6rem;
    inline-size: max-content;
    max-inline-size: 12rem;
    margin-inline: auto;
    padding-block: 2px;
    padding-inline: var(--cif-space-2);
    border-radius: var(--cif-radius-sm);
    background: var(--cif-color-on-surface);
    color: var(--cif-color-surface);
    font-size: 12px;
    font-weight: var(--cif-font-weight-regular);
    white-space: normal;
    pointer-events: none;
    visibility: hidden;
  }
  .why {
    inset-block: auto calc(100% + 4px);
  }
  [part='toolbar'] > :first-child :is(.why, [part~='label']) {
    margin-inline-start: 0;
    inset-inline-start: 0;
  }
  [part='toolbar'] > :last-child :is(.why, [part~='label']) {
    margin-inline-end: 0;
    inset-inline-end: 0;
  }
  :host(:state(compact)) [part='toolbar'] :is(:hover, :focus-visible) > [part~='label'],
  :is(:hover, :focus-visible) > .why {
    visibility: visible;
  }
  [part='quality']:hover::after {
    content: attr(aria-label);
    visibility: visible;
  }
  [part~='more-button'] {
    anchor-name: --cif-call-controls-more;
  }
  [part='menu'] {
    position-anchor: --cif-call-controls-more;
    position-area: block-end span-inline-start;
    position-try-fallbacks: flip-block;
    inset: auto;
    margin-block: 4px;
    margin-inline: 0;
    padding: var(--cif-space-1);
    border: 1px solid var(--cif-color-border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: inherit;
    box-shadow: var(--cif-shadow-lg);
  }
  [part='menu']:popover-open {
    display: grid;
    gap: 4px;
  }
  [part='menu'] [part~='control'] {
    flex-direction: row;
    justify-content: flex-start;
    gap: var(--cif-space-2);
    max-inline-size: none;
    padding-inline: var(--cif-space-3);
  }
  [part='menu'] [part~='label'] {
    font-size: inherit;
  }
  [part='error'] {
    margin: 0;
    font-size: var(--cif-font-size-sm);
    color: var(--cif-color-danger-text);
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
    button {
      border: 1px solid ButtonText;
    }
    [aria-pressed='true'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
    [aria-disabled='true'] {
      color: GrayText;
      border-color: GrayText;
      opacity: 1;
    }
    /* End call stays a filled button, in inverted button colours rather than the tokens' Highlight:
       Chromium paints a Canvas backplate behind forced text, which would hide HighlightText. */
    [part~='end-button'] {
      forced-color-adjust: none;
      border-color: ButtonText;
      background: ButtonText;
      color: ButtonFace;
    }
    [part~='end-button'][aria-disabled='true'] {
      border-color: GrayText;
      background: ButtonFace;
      color: GrayText;
    }
    [part='quality'] path.on,
    [part='recording']::before {
      stroke: CanvasText;
      background: CanvasText;
    }
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;
