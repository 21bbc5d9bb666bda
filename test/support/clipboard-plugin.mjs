// `read-clipboard`: what the page wrote to the system clipboard (test/browser/inspector/). Writing
// needs only the user's click; reading needs a permission no test page can grant itself, so the
// server grants it to the page behind the test session (chromeLauncher's puppeteer page) first.
export function clipboardPlugin() {
  return {
    name: 'ov-clipboard',
    async executeCommand({ command, session }) {
      if (command !== 'read-clipboard') return undefined;
      const page = session.browser.getPage(session.id);
      await page
        .browserContext()
        .overridePermissions(new URL(page.url()).origin, ['clipboard-read', 'clipboard-sanitized-write']);
      return page.evaluate(() => navigator.clipboard.readText());
    },
  };
}
