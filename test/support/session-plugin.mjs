// What the test server knows of the test page's session: the name of the web-test-runner group it
// runs in (`default`, `reduced-motion`), for a test file that only means something in the browser its
// group launches (reduced-motion.test.ts); and the page's requests the server answered 404, in every
// engine (resource timing tells statuses in Chromium and Firefox only: test/browser/demo/).
export function sessionPlugin() {
  return {
    name: 'ov-session',
    executeCommand({ command, session }) {
      if (command === 'session-group') return session.group.name;
      if (command === 'page-404s') return session.request404s;
      return undefined;
    },
  };
}
