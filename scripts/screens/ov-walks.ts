/**
 * Every screen of `<ov-signin>`, each reached from a fresh sign-in against the simulator the way a
 * user gets there: which account, which simulator settings, which choices. The names are the file
 * names under docs/screens/ (`<name>-<variant>.png`) and the anchors of docs/compared-with-okta.md.
 */
import { DEMO_PASSWORD, type SimSettings } from 'ov-sim';
import { VirtualDevice, type ControlApi } from 'ov-sim/client';
import type { Page } from 'puppeteer-core';
import { choose, chooseAuthenticatorOnly, fill, intent, send, waitForScreen } from './ov-page.ts';
import { unsupportedStepFault } from './unsupported-step.ts';
import type { WalkContext } from './walk.ts';

export interface OvWalk {
  name: string;
  /** Simulator settings for this walk only (the others keep the defaults). */
  settings?: Partial<SimSettings>;
  /** Done to the simulator before the page opens. */
  prepare?(control: ControlApi): Promise<unknown>;
  reach(context: WalkContext): Promise<void>;
}

async function signIn(page: Page, login: string, password = DEMO_PASSWORD): Promise<void> {
  await waitForScreen(page, 'sign-in');
  await fill(page, 'username', login);
  // The first form asks for the password too unless the org is set to identifier first.
  if (await page.$('>>> input[name="password"]')) await fill(page, 'password', password);
  await send(page);
}

async function toVerifyPicker(page: Page, login: string): Promise<void> {
  await signIn(page, login);
  await waitForScreen(page, 'verify-picker');
}

async function toEnrollChannel(page: Page): Promise<void> {
  await signIn(page, 'enroll@example.com');
  await waitForScreen(page, 'enroll-picker');
  await choose(page, 'okta_verify');
  await waitForScreen(page, 'enroll-qr');
  await intent(page, 'changeChannel');
  await waitForScreen(page, 'enroll-channel');
}

/** Password, then Okta Verify in the enrolment picker (a picker of one may be skipped by the widget). */
async function enrolOktaVerify(page: Page, login: string, screen: 'enroll-same-device' | 'enroll-bootstrap') {
  await signIn(page, login);
  if ((await waitForScreen(page, ['enroll-picker', screen])) === 'enroll-picker') await choose(page, 'okta_verify');
  await waitForScreen(page, screen);
}

async function toPush(page: Page, login: string, screen: 'push' | 'number' = 'push'): Promise<void> {
  await toVerifyPicker(page, login);
  await choose(page, ':push');
  await waitForScreen(page, screen);
}

/** A six-digit code that is not the one the app shows now. */
function wrongCode(code: string): string {
  return String((Number(code) + 500_000) % 1_000_000).padStart(6, '0');
}

export const OV_WALKS: readonly OvWalk[] = [
  { name: 'sign-in', reach: ({ page }) => waitForScreen(page, 'sign-in').then(() => undefined) },
  {
    name: 'password',
    settings: { passwordOnIdentify: false },
    async reach({ page }) {
      await signIn(page, 'push@example.com');
      await waitForScreen(page, 'password');
    },
  },
  {
    name: 'wrong-password',
    async reach({ page }) {
      await signIn(page, 'push@example.com', 'not-the-password');
      await waitForScreen(page, ['sign-in', 'password'], { problem: true });
    },
  },
  {
    name: 'enroll-picker',
    async reach({ page }) {
      await signIn(page, 'enroll@example.com');
      await waitForScreen(page, 'enroll-picker');
    },
  },
  {
    name: 'enroll-qr',
    async reach({ page }) {
      await signIn(page, 'enroll@example.com');
      await waitForScreen(page, 'enroll-picker');
      await choose(page, 'okta_verify');
      await waitForScreen(page, 'enroll-qr');
      await page.waitForSelector('>>> img[src^="data:image"]', { visible: true });
    },
  },
  { name: 'enroll-channel', reach: ({ page }) => toEnrollChannel(page) },
  {
    name: 'enroll-address-email',
    async reach({ page }) {
      await toEnrollChannel(page);
      await choose(page, 'email');
      await waitForScreen(page, 'enroll-address');
    },
  },
  {
    name: 'enroll-address-sms',
    async reach({ page }) {
      await toEnrollChannel(page);
      await choose(page, 'sms');
      await waitForScreen(page, 'enroll-address');
    },
  },
  {
    name: 'link-sent',
    async reach({ page }) {
      await toEnrollChannel(page);
      await choose(page, 'email');
      await waitForScreen(page, 'enroll-address');
      await fill(page, 'email', 'enroll@example.com');
      await send(page);
      await waitForScreen(page, 'link-sent');
    },
  },
  {
    name: 'enroll-same-device',
    reach: ({ page }) => enrolOktaVerify(page, 'samedevice@example.com', 'enroll-same-device'),
  },
  { name: 'enroll-bootstrap', reach: ({ page }) => enrolOktaVerify(page, 'bootstrap@example.com', 'enroll-bootstrap') },
  { name: 'verify-picker', reach: ({ page }) => toVerifyPicker(page, 'push@example.com') },
  {
    name: 'method-picker',
    async reach({ page }) {
      await toVerifyPicker(page, 'push@example.com');
      await chooseAuthenticatorOnly(page, ':push');
      await waitForScreen(page, 'method-picker');
    },
  },
  {
    name: 'code',
    async reach({ page }) {
      await toVerifyPicker(page, 'push@example.com');
      await choose(page, ':totp');
      await waitForScreen(page, 'code');
    },
  },
  {
    name: 'code-error',
    async reach({ page, control }) {
      await toVerifyPicker(page, 'push@example.com');
      await choose(page, ':totp');
      await waitForScreen(page, 'code');
      const device = await VirtualDevice.of(control, 'push@example.com');
      // Six digits send themselves.
      await fill(page, 'verificationCode', wrongCode(await device.totp()));
      await waitForScreen(page, 'code', { problem: true });
    },
  },
  { name: 'push', reach: ({ page }) => toPush(page, 'push@example.com') },
  { name: 'number', reach: ({ page }) => toPush(page, 'number@example.com', 'number') },
  {
    name: 'resend-push',
    async reach({ page, control }) {
      await toPush(page, 'push@example.com');
      const device = await VirtualDevice.of(control, 'push@example.com');
      await device.reject(await device.nextPush());
      await waitForScreen(page, 'resend-push');
    },
  },
  {
    name: 'number-rejected',
    async reach({ page, control }) {
      await toPush(page, 'number@example.com', 'number');
      const shown = await page.$eval('>>> [part="number"]', (number) => number.textContent?.trim());
      const device = await VirtualDevice.of(control, 'number@example.com');
      const push = await device.nextPush();
      await device.approve(
        push,
        push.choices?.find((choice) => choice !== shown),
      );
      await waitForScreen(page, 'resend-push');
    },
  },
  {
    name: 'fastpass',
    // Loopback would finish at once; a custom URI waits for the user to open Okta Verify.
    settings: { fastPassMethod: 'CUSTOM_URI' },
    async reach({ page }) {
      await toVerifyPicker(page, 'fastpass@example.com');
      await choose(page, ':signed_nonce');
      await waitForScreen(page, 'fastpass');
    },
  },
  {
    name: 'terminal',
    settings: { pushLifetimeMs: 1500, pushExpiry: 'terminal' },
    async reach({ page }) {
      await toPush(page, 'push@example.com');
      await waitForScreen(page, 'terminal');
    },
  },
  {
    name: 'success',
    async reach({ page, control }) {
      await signIn(page, 'totp@example.com');
      // Okta Verify with a code only: a picker of one, unless the widget skips it.
      if ((await waitForScreen(page, ['verify-picker', 'code'])) === 'verify-picker') await choose(page, ':totp');
      await waitForScreen(page, 'code');
      await fill(page, 'verificationCode', await (await VirtualDevice.of(control, 'totp@example.com')).totp());
      await waitForScreen(page, 'success');
    },
  },
  {
    name: 'unsupported',
    prepare: (control) => control.addFault(unsupportedStepFault(control.url)),
    reach: ({ page }) => waitForScreen(page, 'unsupported').then(() => undefined),
  },
];
