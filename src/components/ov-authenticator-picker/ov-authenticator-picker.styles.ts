import { css } from 'lit';

export const pickerStyles = css`
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: calc(0.5 * var(--_space));
  }
  /* Icon on the start side, name above the line that says what the choice does. */
  button[data-option] {
    inline-size: 100%;
    display: grid;
    grid-template-columns: auto 1fr;
    column-gap: calc(0.75 * var(--_space));
    row-gap: calc(0.125 * var(--_space));
    align-items: center;
    padding: calc(0.75 * var(--_space));
    text-align: start;
    background: var(--_surface);
    color: var(--_text);
    border-color: var(--_border);
  }
  button[data-option]:hover {
    border-color: var(--_accent);
  }
  .icon {
    grid-row: span 2;
    inline-size: 1.5em;
    block-size: 1.5em;
    color: var(--_accent);
  }
  .label {
    font-weight: 600;
  }
  .detail {
    color: var(--_muted);
    font-size: 0.875em;
  }
`;
