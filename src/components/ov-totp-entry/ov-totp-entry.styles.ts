import { css } from 'lit';

export const totpEntryStyles = css`
  input[name] {
    font-size: 1.5em;
    letter-spacing: 0.3em;
    max-inline-size: 12ch;
    font-variant-numeric: tabular-nums;
  }
`;
