import { css } from 'lit';

export const qrEnrollStyles = css`
  ol {
    margin: 0 0 var(--_space);
    padding-inline-start: 1.25em;
    display: grid;
    gap: calc(0.25 * var(--_space));
  }
  .qr {
    display: block;
    inline-size: 200px;
    block-size: 200px;
    margin: 0 0 calc(0.75 * var(--_space));
    image-rendering: pixelated;
    border: 1px solid var(--_border);
  }
  .progress {
    color: var(--_muted);
  }
  ul.channels {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: calc(0.5 * var(--_space));
  }
`;
