import { css } from 'lit';

export const identifyStyles = css`
  .show-password {
    justify-self: start;
  }
`;
