/**
 * The same three sign-ins on both widgets, done as a user does them: up to the moment the phone has
 * to act (push waiting, QR shown) or the code is typed. Selectors are each widget's own markup.
 */
import type { Page } from 'puppeteer-core';
import { DEMO_PASSWORD } from 'ov-sim';
import type { PageName } from './browser-setup.ts';
import { click, type, waitForText } from './page-actions.ts';

export interface WidgetDriver {
  page: PageName;
  label: string;
  /** The `window.bench` event that says the user is signed in with tokens. */
  successEvent: string;
  /** Password, Okta Verify, push: returns once the push-waiting screen is on show. */
  toPushWaiting(page: Page, login: string): Promise<void>;
  /** Password, Okta Verify enrollment: returns the QR image's data URI once it is on show. */
  toQrWaiting(page: Page, login: string): Promise<string>;
  /** Password, Okta Verify, enter a code: types `code` (read from the phone after the screen shows). */
  signInWithCode(page: Page, login: string, code: () => Promise<string>): Promise<void>;
}

/** A picker option's description line ("Get a push notification" under "Okta Verify"); a click on it chooses the option. */
const OV_METHOD = 'span[part="option-detail"]';

const qrSource = (page: Page, selector: string): Promise<string> =>
  page.$eval(`>>> ${selector}`, (img) => (img as HTMLImageElement).src);

export const ovSigninDriver: WidgetDriver = {
  page: 'ov-signin',
  label: 'ov-signin',
  successEvent: 'ov-success',
  async toPushWaiting(page, login) {
    await signInOv(page, login);
    await click(page, OV_METHOD, 'Get a push notification');
    await waitForText(page, 'h2[data-heading]', 'Get a push notification');
  },
  async toQrWaiting(page, login) {
    await signInOv(page, login);
    await waitForText(page, 'h2[data-heading]', 'Set up a security method');
    await click(page, 'button', 'Okta Verify');
    await waitForText(page, 'h2[data-heading]', 'Set up Okta Verify');
    await page.waitForSelector('>>> img[src^="data:image"]');
    return qrSource(page, 'img[src^="data:image"]');
  },
  async signInWithCode(page, login, code) {
    await signInOv(page, login);
    // The user's only method is a code, so the widget skips the picker (as Okta's widget does).
    await waitForText(page, 'h2[data-heading]', 'Enter a code');
    // Six digits submit the code by themselves.
    await type(page, 'input', await code());
  },
};

async function signInOv(page: Page, login: string): Promise<void> {
  await waitForText(page, 'h2[data-heading]', 'Sign in');
  await type(page, 'input[autocomplete="username"]', login);
  await type(page, 'input[type="password"]', DEMO_PASSWORD);
  await click(page, 'button', 'Sign in');
}

/** The Okta Sign-In Widget 7 (OIE): one list offers Okta Verify's methods, so no method screen. */
export function oktaWidgetDriver(page: 'okta-sign-in' | 'okta-sign-in.oie'): WidgetDriver {
  return {
    page,
    label: `Okta Sign-In Widget (${page}.min.js)`,
    successEvent: 'success',
    async toPushWaiting(tab, login) {
      await signInOkta(tab, login);
      await click(tab, '[data-se="okta_verify-push"] a');
      await tab.waitForSelector('.okta-verify-push-challenge');
    },
    async toQrWaiting(tab, login) {
      await signInOkta(tab, login);
      await click(tab, '[data-se="okta_verify"] a');
      await tab.waitForSelector('.siw-main-view img[src^="data:image"]');
      return qrSource(tab, '.siw-main-view img[src^="data:image"]');
    },
    async signInWithCode(tab, login, code) {
      await signInOkta(tab, login);
      await click(tab, '[data-se="okta_verify-totp"] a');
      await type(tab, 'input[name="credentials.totp"]', await code());
      await click(tab, 'input[type="submit"]');
    },
  };
}

async function signInOkta(page: Page, login: string): Promise<void> {
  await type(page, 'input[name="identifier"]', login);
  await type(page, 'input[name="credentials.passcode"]', DEMO_PASSWORD);
  await click(page, 'input[type="submit"]');
}
