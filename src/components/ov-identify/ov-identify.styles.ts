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
  /* WCAG 2.2 target size, as every other control. */
  label.checkbox input {
    inline-size: 24px;
    block-size: 24px;
    margin: 0;
    accent-color: var(--_accent);
  }
`;
