import { css } from 'lit';

/** Styles of `<cif-contact-card>`. Public tokens resolve once on `:host` into private `--_x` locals. */
export const styles = css`
  :host {
    display: block;
    --_bg: var(--cif-contact-card-background, var(--cif-color-surface));
    --_border: var(--cif-contact-card-border-color, var(--cif-color-border));
    --_radius: var(--cif-contact-card-radius, var(--cif-radius-lg));
    --_padding: var(--cif-contact-card-padding, var(--cif-space-4));
    --_gap: var(--cif-contact-card-gap, var(--cif-space-3));
    --_avatar-size: var(--cif-contact-card-avatar-size, 48px);
    --_avatar-color: var(--cif-contact-card-avatar-color, #fff);
    --_action: var(--cif-contact-card-action-color, var(--cif-color-link));
    --_hover: var(--cif-contact-card-hover-background, var(--cif-color-surface-hover));
    --_skeleton: var(--cif-contact-card-skeleton-color, var(--cif-color-surface-alt));
    --_focus: var(--cif-contact-card-focus-color, var(--cif-color-focus));
    --_muted: var(--cif-color-on-surface-muted);
    --_danger: var(--cif-color-danger-text);
  }
  :host([layout='compact']) {
    --_avatar-size: var(--cif-contact-card-avatar-size, 32px);
    --_padding: var(--cif-contact-card-padding, var(--cif-space-2));
    --_gap: var(--cif-contact-card-gap, var(--cif-space-2));
  }
  [part='base'] {
    display: grid;
    gap: var(--_gap);
    padding: var(--_padding);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .header,
  .error,
  .option,
  .item {
    display: flex;
    gap: var(--cif-space-3);
    align-items: center;
  }
  .who {
    display: grid;
    flex: 1;
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
  .name {
    font-weight: var(--cif-font-weight-semibold);
  }
  .header .name {
    font-size: var(--cif-font-size-lg);
    outline: none;
  }
  .muted,
  dt {
    color: var(--_muted);
    font-size: var(--cif-font-size-sm);
  }
  p {
    margin: 0;
  }
  .avatar {
    --_hue: #616161;
    display: grid;
    flex: none;
    place-items: center;
    inline-size: var(--_avatar-size);
    block-size: var(--_avatar-size);
    overflow: hidden;
    border-radius: var(--cif-radius-circle);
    background: var(--cif-contact-card-avatar-background, var(--_hue));
    color: var(--_avatar-color);
    font-weight: var(--cif-font-weight-semibold);
  }
  .avatar.small {
    --_avatar-size: 32px;
    font-size: var(--cif-font-size-sm);
  }
  [data-hue='0'] {
    --_hue: #a4262c;
  }
  [data-hue='1'] {
    --_hue: #8e562e;
  }
  [data-hue='2'] {
    --_hue: #5c2e91;
  }
  [data-hue='3'] {
    --_hue: #0f548c;
  }
  [data-hue='4'] {
    --_hue: #00666d;
  }
  [data-hue='5'] {
    --_hue: #0b6a0b;
  }
  [data-hue='6'] {
    --_hue: #8b2e5b;
  }
  [data-hue='7'] {
    --_hue: #4f52b2;
  }
  img {
    inline-size: 100%;
    block-size: 100%;
    object-fit: cover;
  }
  .flags {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cif-space-1);
    margin-block-start: var(--cif-space-1);
  }
  [part~='flag'] {
    padding-inline: var(--cif-space-2);
    border: 1px solid currentColor;
    border-radius: var(--cif-radius-sm);
    font-size: var(--cif-font-size-sm);
    font-weight: var(--cif-font-weight-semibold);
  }
  .dnc,
  .notice,
  .error svg {
    color: var(--_danger);
  }
  button,
  a {
    display: inline-flex;
    gap: var(--cif-space-2);
    align-items: center;
    min-block-size: var(--cif-target-size);
    border: none;
    border-radius: var(--cif-radius-md);
    background: none;
    color: var(--_action);
    font: inherit;
    cursor: pointer;
  }
  a {
    overflow-wrap: anywhere;
  }
  .icon {
    flex: none;
    justify-content: center;
    min-inline-size: var(--cif-target-size);
  }
  button:hover,
  .option:hover,
  a:hover {
    background: var(--_hover);
  }
  :focus-visible {
    outline: var(--cif-focus-width) solid var(--_focus);
    outline-offset: -2px;
  }
  [aria-disabled='true'] {
    color: var(--_muted);
    cursor: not-allowed;
  }
  svg {
    flex: none;
    inline-size: 20px;
    block-size: 20px;
    fill: currentColor;
  }
  dl {
    display: grid;
    margin: 0;
  }
  .row {
    display: grid;
    grid-template-columns: minmax(5rem, max-content) minmax(0, 1fr);
    gap: var(--cif-space-2);
    align-items: center;
    min-block-size: var(--cif-target-size);
    border-block-start: 1px solid var(--_border);
  }
  dd {
    margin: 0;
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
  .phone {
    display: flex;
  }
  .dial {
    flex: 1;
    padding-inline: var(--cif-space-2);
    text-align: start;
  }
  .address {
    white-space: pre-line;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cif-space-2);
  }
  .actions button {
    padding-inline: var(--cif-space-3);
    border: 1px solid var(--_border);
  }
  ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .option,
  .item {
    inline-size: 100%;
    min-block-size: var(--cif-target-size);
    padding: var(--cif-space-2);
    border-radius: var(--cif-radius-md);
    color: inherit;
    text-align: start;
    cursor: pointer;
  }
  div.item {
    cursor: default;
  }
  .item svg {
    color: var(--_muted);
  }
  .section-heading {
    font-weight: var(--cif-font-weight-semibold);
    margin-block-end: var(--cif-space-1);
  }
  .skeleton {
    display: grid;
    grid-template-columns: var(--_avatar-size) 1fr;
    gap: var(--cif-space-2);
    align-items: center;
  }
  .skeleton .avatar {
    grid-row: span 2;
  }
  .skeleton span {
    background: var(--_skeleton);
    animation: pulse 1s ease-in-out infinite alternate;
  }
  .line {
    grid-column: 2;
    block-size: 0.9em;
    border-radius: var(--cif-radius-sm);
  }
  .short {
    inline-size: 60%;
  }
  @keyframes pulse {
    to {
      opacity: 0.4;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton span {
      animation: none;
    }
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
    [part='base'],
    .avatar,
    .skeleton span {
      border: 1px solid CanvasText;
    }
    /* Every button and option shows its extent: icon-only and text-like buttons included. */
    button,
    .option {
      border: 1px solid ButtonText;
    }
    .phone {
      gap: var(--cif-space-1);
    }
    :focus-visible {
      outline-color: Highlight;
    }
    [aria-disabled='true'] {
      color: GrayText;
      border-color: GrayText;
    }
  }
`;
