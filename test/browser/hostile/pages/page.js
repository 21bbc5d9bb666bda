// The test pages' own script (external: the policy allows no inline code). It records policy
// violations and uncaught errors from the page's first moment, before the widget loads, and mounts
// the widget with the settings the test passes in the query string.
window.cspViolations = [];
window.pageErrors = [];
window.addEventListener('error', (event) => window.pageErrors.push(event.message));
window.addEventListener('unhandledrejection', (event) => window.pageErrors.push(String(event.reason)));
document.addEventListener(
  'securitypolicyviolation',
  (event) =>
    window.cspViolations.push(
      `${event.violatedDirective}: ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
    ),
  true,
);

document.addEventListener('DOMContentLoaded', () => {
  const params = new URLSearchParams(location.search);
  const widget = document.createElement('ov-signin');
  for (const name of ['issuer', 'client-id', 'redirect-uri']) widget.setAttribute(name, params.get(name) ?? '');
  if (params.has('credentials-in-light-dom')) widget.setAttribute('credentials-in-light-dom', '');
  if (params.has('brand')) {
    widget.setAttribute('brand-name', 'Example Co.');
    const logo = document.createElement('img');
    Object.assign(logo, { slot: 'logo', src: 'logo.svg', alt: 'Example Co.' });
    widget.append(logo);
  }
  document.getElementById('signin').append(widget);
});
