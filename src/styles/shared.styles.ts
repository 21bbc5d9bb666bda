import { css } from 'lit';

/**
 * Rules every ov-* element shares. Appearance comes from `--ov-*` custom properties set on the
 * page; the rules read only private `--_*` locals.
 */
export const sharedStyles = css`
  :host {
    --_accent: var(--ov-accent, #1662dd);
    --_accent-text: var(--ov-accent-text, #ffffff);
    --_text: var(--ov-text, #1d1d21);
    --_muted: var(--ov-muted, #4b4f58);
    --_error: var(--ov-error, #b3261e);
    --_border: var(--ov-border, #6e7380);
    --_surface: var(--ov-surface, #ffffff);
    --_radius: var(--ov-radius, 6px);
    display: block;
    box-sizing: border-box;
    color: var(--_text);
    font: var(--ov-font, 400 1rem/1.5 system-ui, sans-serif);
    text-align: start;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  [hidden] {
    display: none !important;
  }
  h2 {
    font-size: 1.25rem;
    margin: 0 0 0.75rem;
  }
  h2:focus {
    outline: none;
  }
  h2:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  p {
    margin: 0 0 0.75rem;
  }
  form {
    display: grid;
    gap: 0.75rem;
  }
  .field,
  label {
    display: grid;
    gap: 0.25rem;
  }
  label {
    font-weight: 600;
  }
  input {
    font: inherit;
    padding: 0.5rem 0.625rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  input[aria-invalid='true'] {
    border-color: var(--_error);
  }
  button {
    font: inherit;
    cursor: pointer;
    padding: 0.5rem 1rem;
    border-radius: var(--_radius);
    border: 1px solid var(--_accent);
    background: var(--_accent);
    color: var(--_accent-text);
  }
  button.secondary {
    background: var(--_surface);
    color: var(--_accent);
  }
  button.link {
    border: none;
    background: none;
    color: var(--_accent);
    padding: 0.25rem 0;
    text-decoration: underline;
  }
  button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.7;
  }
  button:focus-visible,
  input:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .messages {
    margin: 0 0 0.75rem;
    padding: 0;
    list-style: none;
  }
  .error {
    color: var(--_error);
  }
  .field-error {
    color: var(--_error);
    font-weight: 400;
    margin: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
    margin-top: 1rem;
  }
  .problem {
    border-inline-start: 4px solid var(--_error);
    padding: 0.5rem 0.75rem;
    margin: 0 0 0.75rem;
  }
  .problem p {
    margin: 0 0 0.5rem;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
    }
  }
`;
