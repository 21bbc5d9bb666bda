// `shortcut`: presses Control with one key (`c` copy, `v` paste, `a` select all) in the page behind
// the test session, through the engine's own input pipeline, so copy and paste use the engine's real
// clipboard. @web/test-runner-commands' sendKeys holds no modifier over WebDriver.
const WEBDRIVER_CONTROL = '\uE009';

export function keyboardShortcutPlugin() {
  return {
    name: 'ov-keyboard-shortcut',
    async executeCommand({ command, payload, session }) {
      if (command !== 'shortcut') return undefined;
      if (!/^[a-z]$/.test(payload)) throw new Error(`shortcut: one lower-case key, not ${payload}`);
      if (session.browser.type === 'puppeteer') {
        const { keyboard } = session.browser.getPage(session.id);
        await keyboard.down('Control');
        await keyboard.press(`Key${payload.toUpperCase()}`);
        await keyboard.up('Control');
        return true;
      }
      if (session.browser.type === 'webdriver') {
        const { driver } = session.browser;
        await driver.performActions([
          {
            type: 'key',
            id: 'keyboard',
            actions: [
              { type: 'keyDown', value: WEBDRIVER_CONTROL },
              { type: 'keyDown', value: payload },
              { type: 'keyUp', value: payload },
              { type: 'keyUp', value: WEBDRIVER_CONTROL },
            ],
          },
        ]);
        await driver.releaseActions();
        return true;
      }
      throw new Error(`shortcut: no keyboard for browser type ${session.browser.type}`);
    },
  };
}
