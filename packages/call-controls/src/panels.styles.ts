import { css } from 'lit';

/**
 * Styles of the consult bar, the transfer panel and the wrap-up form: loaded with them (the lazy chunk)
 * and adopted into the element's shadow root then.
 */
export const styles = css`
  :host {
    --_radius: var(--cif-call-controls-radius, var(--cif-radius-md));
  }
  [part='consult'],
  form {
    display: grid;
    gap: var(--cif-space-2);
    padding: var(--cif-space-2);
    border: 1px solid var(--cif-color-border);
    border-radius: var(--_radius);
  }
  #consulting {
    font-weight: var(--cif-font-weight-semibold);
  }
  label {
    display: grid;
    gap: var(--cif-space-1);
    font-size: var(--cif-font-size-sm);
  }
  input,
  select,
  textarea {
    min-block-size: var(--cif-target-size);
    padding-inline: var(--cif-space-2);
    border: 1px solid var(--cif-color-border-strong);
    border-radius: var(--cif-radius-sm);
    background: var(--cif-color-surface);
    font-size: var(--cif-font-size-md);
  }
  textarea {
    padding-block: var(--cif-space-2);
    resize: vertical;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cif-space-2);
  }
  [part~='action'] {
    padding-inline: var(--cif-space-3);
    border: 1px solid var(--cif-color-border-strong);
  }
  [part~='primary'] {
    border-color: transparent;
    background: var(--cif-color-primary);
    color: var(--cif-color-on-primary);
  }
  [part~='primary']:hover:not([aria-disabled='true']) {
    background: var(--cif-color-primary-hover);
  }
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  @media (forced-colors: active) {
    [part='consult'],
    form,
    [part~='action'] {
      border: 1px solid ButtonText;
    }
    /* The primary action is filled in inverted button colours (a Highlight fill would get a Canvas
       backplate behind its text and hide it). */
    [part~='primary'] {
      forced-color-adjust: none;
      background: ButtonText;
      color: ButtonFace;
    }
    [part~='primary'][aria-disabled='true'] {
      border-color: GrayText;
      background: ButtonFace;
      color: GrayText;
    }
  }
`;
