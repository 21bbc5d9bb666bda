import { css } from 'lit';

export const signinStyles = css`
  :host {
    max-inline-size: var(--ov-width, 24rem);
  }
  [part='base'] {
    background: var(--_surface);
    padding: var(--ov-padding, 1.5rem);
    border: 1px solid var(--ov-frame, transparent);
    border-radius: var(--_radius);
  }
  .status {
    color: var(--_muted);
  }
`;
