import { css } from 'lit';

/** A dense, monospace log that takes the widget's colours (`--ov-*`) and its light or dark scheme. */
export const inspectorStyles = css`
  :host {
    font: var(--ov-font, 400 0.875rem/1.45 system-ui, sans-serif) !important;
  }
  /* The shared :host { display: block } would otherwise beat the hidden attribute. */
  :host([hidden]) {
    display: none !important;
  }
  [part='base'] {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(0.75 * var(--_space));
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(0.5 * var(--_space));
    margin-block-end: calc(0.5 * var(--_space));
  }
  h2 {
    font-size: 1rem;
    margin: 0;
    margin-inline-end: auto;
  }
  header button {
    padding: calc(0.25 * var(--_space)) calc(0.75 * var(--_space));
  }
  .note {
    color: var(--_muted);
    margin: 0 0 calc(0.5 * var(--_space));
  }
  .scroll {
    max-block-size: var(--ov-inspector-height, 28rem);
    overflow: auto;
    border-block-start: 1px solid var(--_border);
  }
  .scroll:focus-visible {
    outline: 2px solid var(--_focus-ring);
    outline-offset: 2px;
  }
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
    font:
      0.8125rem/1.4 ui-monospace,
      'SFMono-Regular',
      Menlo,
      Consolas,
      monospace;
  }
  .entry {
    display: grid;
    grid-template-columns: 5.5rem 4.5rem 1fr;
    gap: calc(0.5 * var(--_space));
    padding: calc(0.25 * var(--_space)) 0;
    border-block-end: 1px solid color-mix(in srgb, var(--_border) 35%, transparent);
  }
  .time,
  .kind,
  .detail,
  .label {
    color: var(--_muted);
  }
  .main {
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
  .main p {
    margin: 0;
  }
  .status {
    margin-inline-start: 0.5em;
  }
  .status::before {
    content: '→ ' / '';
    color: var(--_muted);
  }
  .entry.step strong {
    color: var(--_accent);
  }
  .tag {
    color: var(--_muted);
    font-weight: 400;
  }
  .bad {
    color: var(--_error);
  }
  details summary {
    cursor: pointer;
    color: var(--_accent);
    inline-size: fit-content;
  }
  details summary:focus-visible {
    outline: 2px solid var(--_focus-ring);
    outline-offset: 2px;
  }
  .label {
    margin: calc(0.25 * var(--_space)) 0 0;
  }
  /* Wrapped, not scrolled: one scrolling (and focusable) region is enough. */
  pre {
    margin: 0;
    white-space: pre-wrap;
  }
  textarea {
    inline-size: 100%;
    block-size: 8rem;
    font:
      0.75rem ui-monospace,
      monospace;
    color: var(--_text);
    background: var(--_input-background);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
`;
