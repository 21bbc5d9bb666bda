import { css, unsafeCSS } from 'lit';
import { darkPalette, lightPalette } from './palette.js';
import type { OvPalette } from './palette.js';

/** Each colour a page may set, and the palette entry it defaults to. */
const COLOURS: ReadonlyArray<[property: string, key: keyof OvPalette]> = [
  ['--ov-accent', 'accent'],
  ['--ov-accent-text', 'accentText'],
  ['--ov-text', 'text'],
  ['--ov-muted', 'muted'],
  ['--ov-error', 'error'],
  ['--ov-border', 'border'],
  ['--ov-surface', 'surface'],
  ['--ov-input-background', 'inputBackground'],
];

/** `--_accent: var(--ov-accent, <default>);` and so on, the default given by `value`. */
function colourLocals(value: (key: keyof OvPalette) => string) {
  return unsafeCSS(
    COLOURS.map(([property, key]) => `${property.replace('--ov-', '--_')}: var(${property}, ${value(key)});`).join(
      '\n',
    ),
  );
}

/**
 * Rules every ov-* element shares. Appearance comes from `--ov-*` custom properties set on the
 * page; the rules read only private `--_*` locals. Default colours follow the element's
 * `color-scheme` through `light-dark()`, so they switch with it (see docs/theming.md).
 */
export const sharedStyles = css`
  :host {
    ${colourLocals((key) => `light-dark(${lightPalette[key]}, ${darkPalette[key]})`)}
    --_focus-ring: var(--ov-focus-ring, var(--_accent));
    --_radius: var(--ov-radius, 6px);
    --_space: var(--ov-space, 1em);
    --_activity-track: color-mix(in srgb, var(--_accent) 25%, transparent);
    display: block;
    /* A page's global rules (on *, on body) reach the host and the screens inherit from it: reset
       what text inherits. !important because, from inside a shadow root, it beats the page's rules
       whether they are !important or not. Pages theme through the --ov-* properties instead. */
    box-sizing: border-box !important;
    color: var(--_text) !important;
    /* medium: the user's default text size, whatever the page did to the root's (html { font-size: 62.5% }). */
    font: var(--ov-font, 400 medium/1.5 system-ui, sans-serif) !important;
    text-align: start !important;
    text-indent: 0 !important;
    text-transform: none !important;
    text-shadow: none !important;
    letter-spacing: normal !important;
    word-spacing: normal !important;
    white-space: normal !important;
    cursor: auto !important;
  }
  /* Browsers without light-dark() keep the light palette. */
  @supports not (color: light-dark(#000, #fff)) {
    :host {
      ${colourLocals((key) => lightPalette[key])}
    }
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
    font-size: 1.25em;
    margin: 0 0 calc(0.75 * var(--_space));
  }
  h2:focus {
    outline: none;
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
  /* Who is signing in, under the title, as Okta shows it; "Use a different account" beside it. */
  .identity {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 calc(0.75 * var(--_space));
    color: var(--_muted);
    overflow-wrap: anywhere;
  }
  .identity .username {
    color: var(--_text);
    font-weight: 600;
  }
  p {
    margin: 0 0 calc(0.75 * var(--_space));
  }
  form {
    display: grid;
    gap: calc(0.75 * var(--_space));
  }
  .field,
  label {
    display: grid;
    gap: calc(0.25 * var(--_space));
  }
  label {
    font-weight: 600;
  }
  input {
    font: inherit;
    padding: calc(0.5 * var(--_space)) calc(0.625 * var(--_space));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_input-background);
    color: var(--_text);
  }
  input[aria-invalid='true'] {
    border-color: var(--_error);
  }
  button {
    font: inherit;
    cursor: pointer;
    /* WCAG 2.2 target size, whatever font or spacing the page sets. */
    min-block-size: 24px;
    min-inline-size: 24px;
    padding: calc(0.5 * var(--_space)) var(--_space);
    border-radius: var(--_radius);
    border: 1px solid var(--_accent);
    background: var(--_accent);
    color: var(--_accent-text);
    transition:
      background-color 0.15s,
      border-color 0.15s,
      color 0.15s,
      opacity 0.15s;
  }
  button.secondary {
    background: var(--_surface);
    color: var(--_accent);
  }
  button.link {
    border: none;
    background: none;
    color: var(--_accent);
    padding: calc(0.25 * var(--_space)) 0;
    text-decoration: underline;
  }
  a {
    color: var(--_accent);
    text-decoration: underline;
  }
  button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.7;
  }
  a {
    color: var(--_accent);
  }
  /* A link that opens an app (Okta Verify) where a button would stand: it looks like one. */
  a.button {
    display: inline-block;
    min-block-size: 24px;
    padding: calc(0.5 * var(--_space)) var(--_space);
    border-radius: var(--_radius);
    border: 1px solid var(--_accent);
    background: var(--_accent);
    color: var(--_accent-text);
    text-decoration: none;
  }
  /* One ring for every control: 2px, offset onto the surface, ≥3:1 against it by default. */
  button:focus-visible,
  a:focus-visible,
  input:focus-visible,
  h2:focus-visible {
    outline: 2px solid var(--_focus-ring);
    outline-offset: 2px;
  }
  .messages {
    margin: 0 0 calc(0.75 * var(--_space));
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
  /* One action a row, on every screen: filled buttons span the width (the main one first), links
     sit under them at the start, as in Okta's widget. */
  .actions {
    display: flex;
    flex-direction: column;
    align-items: stretch;
    gap: calc(0.5 * var(--_space));
    margin-top: var(--_space);
  }
  /* Rows of links in a row (verify with something else, then cancel) keep the gap of one row. */
  .actions + .actions {
    margin-top: calc(0.5 * var(--_space));
  }
  .actions > .link,
  .actions > a:not(.button) {
    align-self: flex-start;
  }
  .actions > a.button {
    text-align: center;
  }
  /* While Okta waits for the user: an indicator beside the polite progress line. It says nothing to
     assistive technology (aria-hidden); the line does. */
  .waiting {
    display: flex;
    align-items: center;
    gap: calc(0.5 * var(--_space));
    margin: 0 0 calc(0.75 * var(--_space));
  }
  .waiting > p {
    margin: 0;
  }
  .activity {
    flex: none;
    inline-size: 1.25em;
    block-size: 1.25em;
    border: 0.1875em solid var(--_activity-track);
    border-block-start-color: var(--_accent);
    border-radius: 50%;
    animation: ov-activity 0.9s linear infinite;
  }
  @keyframes ov-activity {
    to {
      transform: rotate(1turn);
    }
  }
  .problem {
    border-inline-start: 4px solid var(--_error);
    padding: calc(0.5 * var(--_space)) calc(0.75 * var(--_space));
    margin: 0 0 calc(0.75 * var(--_space));
  }
  .problem p {
    margin: 0 0 calc(0.5 * var(--_space));
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  /* The user's system colours replace ours, and a faded (opacity) button means nothing in them: a
     busy button takes the system's disabled colours, which only forced-color-adjust: none keeps. */
  @media (forced-colors: active) {
    .activity {
      border-color: GrayText;
      border-block-start-color: Highlight;
    }
    button[aria-disabled='true'] {
      forced-color-adjust: none;
      color: GrayText;
      border-color: GrayText;
      background: Canvas;
      opacity: 1;
    }
  }
  /* !important: also stops transitions a page adds to the parts. The activity indicator then
     stands still; the progress line beside it still says what is happening. */
  @media (prefers-reduced-motion: reduce) {
    :host,
    *,
    *::before,
    *::after {
      transition: none !important;
      animation: none !important;
    }
  }
`;
