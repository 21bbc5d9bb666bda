import { css } from 'lit';

export const identifyStyles = css`
  .user {
    color: var(--_muted);
  }
`;
