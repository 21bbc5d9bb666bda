import { css } from 'lit';

export const pickerStyles = css`
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: calc(0.5 * var(--_space));
  }
  button[data-option] {
    inline-size: 100%;
    display: grid;
    gap: calc(0.125 * var(--_space));
    text-align: start;
    background: var(--_surface);
    color: var(--_text);
    border-color: var(--_border);
  }
  button[data-option]:hover {
    border-color: var(--_accent);
  }
  .label {
    font-weight: 600;
  }
  .detail {
    color: var(--_muted);
    font-size: 0.875em;
  }
`;
