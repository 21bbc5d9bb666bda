import { css } from 'lit';

export const fastPassStyles = css`
  .progress {
    color: var(--_muted);
  }
  .download {
    margin-top: var(--_space);
  }
`;
