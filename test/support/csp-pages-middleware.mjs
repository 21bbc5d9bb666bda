// Serves the pages of test/browser/hostile/pages/ under a strict Content-Security-Policy, as a site
// that embeds the widget would. wtr's own test page has inline scripts, so the tests open these
// pages in an iframe: the policy then governs only the page and the widget inside it.
const PAGES = '/test/browser/hostile/pages/';

/** `?trusted-types` adds Trusted Types enforcement; Lit creates one policy, named `lit-html`. */
function policyFor(simulatorUrl, trustedTypes) {
  const directives = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src ${new URL(simulatorUrl).origin}`,
    ...(trustedTypes ? ["require-trusted-types-for 'script'", 'trusted-types lit-html'] : []),
  ];
  return directives.join('; ');
}

/** `simulatorUrl` is read per request: the simulator starts after the middleware is made. */
export function cspPagesMiddleware(simulatorUrl) {
  return async (ctx, next) => {
    await next();
    if (ctx.path.startsWith(PAGES) && ctx.path.endsWith('.html')) {
      ctx.set('Content-Security-Policy', policyFor(simulatorUrl(), 'trusted-types' in ctx.query));
    }
  };
}
