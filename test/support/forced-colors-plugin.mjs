// `forced-colors` for the theming tests (Windows High Contrast and other user palettes).
// @web/test-runner-commands passes `forcedColors` to Playwright only, and puppeteer's
// emulateMediaFeatures refuses the feature, so this sends the DevTools protocol command itself. The
// override lives as long as the protocol session that set it, so the session is kept per test page.
export function forcedColorsPlugin() {
  const sessions = new Map();
  return {
    name: 'ov-forced-colors',
    async executeCommand({ command, payload, session }) {
      if (command !== 'forced-colors') return undefined;
      if (!sessions.has(session.id))
        sessions.set(session.id, await session.browser.getPage(session.id).createCDPSession());
      const cdp = sessions.get(session.id);
      await cdp.send('Emulation.setEmulatedMedia', {
        features: [{ name: 'forced-colors', value: payload ? 'active' : 'none' }],
      });
      return true;
    },
  };
}
