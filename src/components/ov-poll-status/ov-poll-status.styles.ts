import { css } from 'lit';

export const pollStatusStyles = css`
  .number {
    font-size: 2.5rem;
    font-weight: 700;
    margin: 0.25rem 0 0.75rem;
    font-variant-numeric: tabular-nums;
  }
  .progress {
    color: var(--_muted);
  }
`;
