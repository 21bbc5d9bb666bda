import { css } from 'lit';

/**
 * The frame: a card by default (a surface with an edge and a shadow, visible on light and dark
 * pages), or, with `appearance="plain"`, the surface alone for pages that frame the widget
 * themselves. One width on every screen, down to the width of a small phone.
 */
export const signinStyles = css`
  :host {
    inline-size: var(--ov-width, 25em);
    max-inline-size: 100%;
    --_frame-border: var(--ov-frame-border, light-dark(#c4c7ce, #464a54));
    --_frame-shadow: var(
      --ov-frame-shadow,
      0 1px 2px light-dark(rgb(0 0 0 / 0.08), rgb(0 0 0 / 0.5)),
      0 4px 16px light-dark(rgb(0 0 0 / 0.08), rgb(0 0 0 / 0.4))
    );
  }
  @supports not (color: light-dark(#000, #fff)) {
    :host {
      --_frame-border: var(--ov-frame-border, #c4c7ce);
      --_frame-shadow: var(--ov-frame-shadow, 0 1px 2px rgb(0 0 0 / 0.08), 0 4px 16px rgb(0 0 0 / 0.08));
    }
  }
  :host([appearance='plain']) {
    --_frame-border: var(--ov-frame-border, transparent);
    --_frame-shadow: var(--ov-frame-shadow, none);
  }
  [part='base'] {
    background: var(--_surface);
    padding: var(--ov-padding, calc(1.5 * var(--_space)));
    border: 1px solid var(--_frame-border);
    border-radius: var(--_radius);
    box-shadow: var(--_frame-shadow);
  }
  /* The organisation's logo and name, centred above the screens, as in Okta's widget. */
  .header {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: calc(0.5 * var(--_space));
    margin: 0 0 var(--_space);
    padding: 0 0 var(--_space);
    border-block-end: 1px solid var(--_frame-border);
    text-align: center;
  }
  /* The logo is the page's own element, which the page's CSS reaches: !important, from inside the
     shadow root, wins over the page's rules, !important or not, so a CMS theme's img rules do not
     stretch, hide or frame it. Its size is --ov-logo-height. */
  ::slotted([slot='logo']) {
    display: block !important;
    position: static !important;
    float: none !important;
    box-sizing: content-box !important;
    block-size: var(--ov-logo-height, 2.5em) !important;
    inline-size: auto !important;
    max-inline-size: 100% !important;
    min-inline-size: 0 !important;
    margin: 0 !important;
    padding: 0 !important;
    border: 0 !important;
    object-fit: contain !important;
    filter: none !important;
    transform: none !important;
  }
  .brand-name {
    margin: 0;
    font-weight: 600;
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
