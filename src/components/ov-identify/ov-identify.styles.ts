import { css } from 'lit';

export const identifyStyles = css`
  .show-password {
    justify-self: start;
  }
  label.checkbox {
    display: flex;
    align-items: center;
    gap: calc(0.5 * var(--_space));
    font-weight: 400;
  }
`;
