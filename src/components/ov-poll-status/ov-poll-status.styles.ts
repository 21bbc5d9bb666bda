import { css } from 'lit';

export const pollStatusStyles = css`
  /* Centred in the card, where the eye looks for it, as in Okta's widget. */
  .number {
    text-align: center;
    font-size: 2.5em;
    font-weight: 700;
    margin: calc(0.25 * var(--_space)) 0 calc(0.75 * var(--_space));
    font-variant-numeric: tabular-nums;
  }
  .progress {
    color: var(--_muted);
  }
`;
