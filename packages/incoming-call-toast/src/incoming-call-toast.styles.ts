import { css } from 'lit';

/** Styles of `<cif-incoming-call-toast>`. Public tokens resolve once on `:host` into private `--_x` locals. */
export const styles = css`
  :host {
    display: block;
    --_bg: var(--cif-incoming-call-toast-background, var(--cif-color-surface));
    --_color: var(--cif-incoming-call-toast-color, var(--cif-color-on-surface));
    --_border: var(--cif-incoming-call-toast-border-color, var(--cif-color-border));
    --_radius: var(--cif-incoming-call-toast-radius, var(--cif-radius-lg));
    --_shadow: var(--cif-incoming-call-toast-shadow, var(--cif-shadow-lg));
    --_width: var(--cif-incoming-call-toast-width, 24rem);
    --_offset: var(--cif-incoming-call-toast-offset, var(--cif-space-3));
    --_z: var(--cif-incoming-call-toast-z-index, 1000);
    --_avatar: var(--cif-incoming-call-toast-avatar-size, 48px);
    --_answer-bg: var(--cif-incoming-call-toast-answer-background, var(--cif-color-success));
    --_answer-color: var(--cif-incoming-call-toast-answer-color, var(--cif-color-on-success));
    --_decline-bg: var(--cif-incoming-call-toast-decline-background, var(--cif-color-danger));
    --_decline-color: var(--cif-incoming-call-toast-decline-color, var(--cif-color-on-danger));
    --_progress: var(--cif-incoming-call-toast-progress-color, var(--cif-color-primary));
    --_focus: var(--cif-incoming-call-toast-focus-color, var(--cif-color-focus));
    --_muted: var(--cif-color-on-surface-muted);
  }
  :host(:state(empty)) {
    display: none;
  }
  :host([placement='top']),
  :host([placement='bottom']) {
    position: fixed;
    inset-inline: var(--_offset);
    z-index: var(--_z);
  }
  :host([placement='top']) {
    inset-block-start: var(--_offset);
  }
  :host([placement='bottom']) {
    inset-block-end: var(--_offset);
  }
  :host(:state(waiting)) {
    --_avatar: var(--cif-incoming-call-toast-avatar-size, 32px);
  }
  [part='base'] {
    display: grid;
    gap: var(--cif-space-2);
    max-inline-size: var(--_width);
    margin-inline: auto;
  }
  .toast {
    display: grid;
    gap: var(--cif-space-3);
    padding: var(--cif-space-3);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_color);
    animation: enter var(--cif-duration-normal) var(--cif-easing);
  }
  :host(:not([placement='inline'])) .toast {
    box-shadow: var(--_shadow);
  }
  :host(:state(waiting)) .toast {
    gap: var(--cif-space-2);
    padding: var(--cif-space-2);
  }
  @keyframes enter {
    from {
      opacity: 0;
      transform: translateY(-8px);
    }
  }
  .head {
    display: flex;
    gap: var(--cif-space-3);
    align-items: flex-start;
  }
  .avatar {
    flex: none;
    display: grid;
    place-items: center;
    inline-size: var(--_avatar);
    block-size: var(--_avatar);
    border-radius: var(--cif-radius-circle);
    overflow: hidden;
    background: var(--cif-color-surface-alt);
    font-weight: var(--cif-font-weight-semibold);
  }
  [part='toast toast-ringing'] .avatar {
    box-shadow: 0 0 0 0 var(--_answer-bg);
    animation: ring 1.5s ease-out infinite;
  }
  @keyframes ring {
    to {
      box-shadow: 0 0 0 10px transparent;
    }
  }
  .avatar img {
    inline-size: 100%;
    block-size: 100%;
    object-fit: cover;
  }
  .who {
    flex: 1;
    min-inline-size: 0;
    display: flex;
    flex-direction: column;
    overflow-wrap: anywhere;
  }
  [part='eyebrow'],
  [part='number'],
  [part='company'],
  [part='time'],
  .countdown {
    font-size: var(--cif-font-size-sm);
    color: var(--_muted);
  }
  [part='name'] {
    font-size: var(--cif-font-size-lg);
    font-weight: var(--cif-font-weight-semibold);
  }
  [part='matches'] {
    align-self: flex-start;
    margin-block-start: var(--cif-space-1);
    padding-inline: var(--cif-space-2);
    border: 1px solid var(--_border);
    border-radius: var(--cif-radius-circle);
    font-size: var(--cif-font-size-sm);
  }
  .countdown {
    flex: none;
    display: grid;
    gap: var(--cif-space-1);
    justify-items: end;
    font-variant-numeric: tabular-nums;
  }
  .bar {
    inline-size: 4rem;
    block-size: 4px;
    border-radius: 2px;
    background: var(--cif-color-surface-alt);
  }
  :host(:state(rtl)) .bar {
    transform: scaleX(-1);
  }
  [part='progress'] {
    fill: var(--_progress);
    transition: width 1s linear;
  }
  dl {
    display: grid;
    gap: var(--cif-space-1);
    margin: 0;
    font-size: var(--cif-font-size-sm);
  }
  dl div {
    display: flex;
    gap: var(--cif-space-2);
  }
  dt {
    color: var(--_muted);
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  [part='error'] {
    margin: 0;
    font-size: var(--cif-font-size-sm);
    font-weight: var(--cif-font-weight-semibold);
    color: var(--cif-color-danger-text);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cif-space-2);
  }
  button {
    display: inline-flex;
    flex: 1 1 auto;
    align-items: center;
    justify-content: center;
    gap: var(--cif-space-2);
    min-block-size: var(--cif-target-size);
    min-inline-size: var(--cif-target-size);
    padding-inline: var(--cif-space-3);
    border: 1px solid var(--_border);
    border-radius: var(--cif-radius-md);
    background: var(--cif-color-surface-alt);
    color: inherit;
    font: inherit;
    font-weight: var(--cif-font-weight-semibold);
    cursor: pointer;
  }
  button:hover {
    background: var(--cif-color-surface-hover);
  }
  [part='extra-button'] {
    flex-basis: 100%;
    font-weight: var(--cif-font-weight-regular);
  }
  .answer,
  .answer:hover {
    border-color: transparent;
    background: var(--_answer-bg);
    color: var(--_answer-color);
  }
  .decline,
  .decline:hover {
    border-color: transparent;
    background: var(--_decline-bg);
    color: var(--_decline-color);
  }
  .answer:hover,
  .decline:hover {
    filter: brightness(0.92);
  }
  .decline svg {
    transform: rotate(135deg);
  }
  [aria-disabled='true'] {
    cursor: default;
    opacity: 0.55;
  }
  :focus-visible {
    outline: var(--cif-focus-width) solid var(--_focus);
    outline-offset: 2px;
  }
  svg {
    inline-size: 20px;
    block-size: 20px;
    fill: currentColor;
    flex: none;
  }
  ::slotted(*) {
    margin: 0;
  }
  @media (prefers-reduced-motion: reduce) {
    .toast,
    [part='toast toast-ringing'] .avatar {
      animation: none;
    }
    [part='progress'] {
      transition: none;
    }
  }
  @media (forced-colors: active) {
    .toast {
      border-color: CanvasText;
    }
    button {
      border-color: ButtonText;
    }
    .answer,
    .decline {
      border-width: 2px;
      border-color: ButtonText;
    }
    /* Answer is filled in inverted button colours, decline outlined: told apart without colour, and no
       Highlight fill (Chromium's Canvas backplate behind forced text would hide HighlightText). */
    .answer {
      forced-color-adjust: none;
      background: ButtonText;
      color: ButtonFace;
    }
    .decline {
      background: ButtonFace;
      color: ButtonText;
    }
    [part='progress'] {
      fill: Highlight;
    }
    [aria-disabled='true'] {
      opacity: 1;
      color: GrayText;
      background: ButtonFace;
    }
    .answer[aria-disabled='true'] {
      border-color: GrayText;
    }
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;
