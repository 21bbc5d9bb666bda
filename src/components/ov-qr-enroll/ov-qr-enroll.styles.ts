import { css } from 'lit';

export const qrEnrollStyles = css`
  ol {
    margin: 0 0 1rem;
    padding-inline-start: 1.25rem;
    display: grid;
    gap: 0.25rem;
  }
  .qr {
    display: block;
    inline-size: 200px;
    block-size: 200px;
    margin: 0 0 0.75rem;
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
    gap: 0.5rem;
  }
`;
