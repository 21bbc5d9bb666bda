import { sharedStyles } from '../../styles/shared.styles.js';
import { identifyStyles } from './ov-identify.styles.js';

/** What marks an `<ov-identify>` that renders into the page's DOM instead of a shadow root. */
export const LIGHT_DOM_ATTRIBUTE = 'data-light-dom';

const adopted = new WeakSet<Document>();

/**
 * The element's own rules, for the copy of it that lives in the page's DOM: scoped to it with
 * `@scope`, `:host` becoming the scope root. Page rules of the same specificity lose to them (scope
 * proximity); more specific or `!important` page rules win, which is the price of the light DOM.
 * A constructed stylesheet, like Lit's own, so a strict `style-src` does not block it.
 */
export function adoptLightDomStyles(document: Document): void {
  if (adopted.has(document)) return;
  adopted.add(document);
  const rules = [sharedStyles, identifyStyles].map((style) => style.cssText).join('\n');
  const scoped = rules.replace(/:host\(([^)]*)\)/g, ':scope:is($1)').replace(/:host\b/g, ':scope');
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`@scope (ov-identify[${LIGHT_DOM_ATTRIBUTE}]) {\n${scoped}\n}`);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
