import { css } from 'lit';

export const signinStyles = css`
  :host {
    max-inline-size: var(--ov-width, 24em);
  }
  [part='base'] {
    background: var(--_surface);
    padding: var(--ov-padding, calc(1.5 * var(--_space)));
    border: 1px solid var(--ov-frame-border, transparent);
    border-radius: var(--_radius);
  }
  .status {
    color: var(--_muted);
  }
  .notice {
    margin: 0 0 var(--_space);
    padding-inline-start: calc(0.75 * var(--_space));
    border-inline-start: 4px solid var(--_accent);
  }
  .notice:empty {
    margin: 0;
    padding: 0;
    border: 0;
  }
`;
