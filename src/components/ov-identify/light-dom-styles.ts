import { sharedStyles } from '../../styles/shared.styles.js';
import { identifyStyles } from './ov-identify.styles.js';

/** What marks an `<ov-identify>` that renders into the page's DOM instead of a shadow root. */
export const LIGHT_DOM_ATTRIBUTE = 'data-light-dom';

const adopted = new WeakSet<Document>();

/**
 * The element's own rules, for the copy of it that lives in the page's DOM: nested in a rule for the
 * element (CSS nesting), `:host` becoming `&`. Each rule gains the element's selector's weight, so
 * plain page rules (`input {…}`, `.form button {…}`) lose to it; rules with an id or `!important`
 * win, which is the price of the light DOM. Not `@scope`: WebKitGTK parses it but applies nothing
 * inside it. A nested `@keyframes` is dropped, which costs nothing: the form has no animation. A
 * constructed stylesheet, like Lit's own, so a strict `style-src` does not block it.
 */
export function adoptLightDomStyles(document: Document): void {
  if (adopted.has(document)) return;
  adopted.add(document);
  const rules = [sharedStyles, identifyStyles].map((style) => style.cssText).join('\n');
  const nested = rules.replace(/:host\(([^)]*)\)/g, '&:is($1)').replace(/:host\b/g, '&');
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`ov-identify[${LIGHT_DOM_ATTRIBUTE}] {\n${nested}\n}`);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
