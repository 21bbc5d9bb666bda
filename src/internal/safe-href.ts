/**
 * Schemes a link from the server may use: the web, and the custom schemes Okta opens Okta Verify
 * with. Anything else (`javascript:`, `data:`, `file:`) is never put in an `href`.
 */
const SAFE_SCHEMES: ReadonlySet<string> = new Set([
  'https:',
  'http:',
  'com-okta-authenticator:',
  'oktaverify:',
  'okta-verify:',
]);

/** The server's link resolved against the page, or undefined when it is not one this widget opens. */
export function safeHref(href: string | undefined, base = document.baseURI): string | undefined {
  if (!href) return undefined;
  let url: URL;
  try {
    url = new URL(href.trim(), base);
  } catch {
    return undefined;
  }
  return SAFE_SCHEMES.has(url.protocol.toLowerCase()) ? url.href : undefined;
}
