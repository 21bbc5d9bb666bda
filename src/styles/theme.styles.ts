import { css } from 'lit';

/**
 * The `theme` attribute of the top-level elements (`<ov-signin>`, `<ov-flow-inspector>`): the
 * user's light or dark preference unless it says `light` or `dark`. What is inside inherits it; a
 * page's own `color-scheme` on the element wins over these.
 */
export const themeStyles = css`
  :host {
    color-scheme: light dark;
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
`;
