import { css } from 'lit';

export const qrEnrollStyles = css`
  ol {
    margin: 0 0 var(--_space);
    padding-inline-start: 1.25em;
    display: grid;
    gap: calc(0.25 * var(--_space));
  }
  /* Centred in the card, as in Okta's widget; never wider than a small phone leaves it. */
  .qr {
    display: block;
    inline-size: 200px;
    max-inline-size: 100%;
    block-size: auto;
    aspect-ratio: 1;
    margin: 0 auto var(--_space);
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
  ul.channels button {
    inline-size: 100%;
  }
`;
