/**
 * The same screens on Okta's Sign-In Widget 7 (OIE bundle, from npm), against the same simulator,
 * for docs/compared-with-okta.md. Named as the `<ov-signin>` walk of the matching screen; screens
 * Okta's widget has no counterpart for (or that the simulator cannot bring it to) are left out.
 */
import { DEMO_PASSWORD, type SimSettings } from 'ov-sim';
import { VirtualDevice, type ControlApi } from 'ov-sim/client';
import type { Page } from 'puppeteer-core';
import { click, fill, mark, submit, waitForRender } from './okta-page.ts';
import { unsupportedStepFault } from './unsupported-step.ts';
import type { WalkContext } from './walk.ts';

export interface OktaWalk {
  name: string;
  settings?: Partial<SimSettings>;
  prepare?(control: ControlApi): Promise<unknown>;
  reach(context: WalkContext): Promise<void>;
}

async function signIn(page: Page, login: string, password = DEMO_PASSWORD): Promise<number> {
  await waitForRender(page, 0, 'identify');
  await fill(page, 'input[name="identifier"]', login);
  if (await page.$('input[name="credentials.passcode"]'))
    await fill(page, 'input[name="credentials.passcode"]', password);
  return submit(page);
}

async function toVerifyPicker(page: Page, login: string): Promise<void> {
  await waitForRender(page, await signIn(page, login), 'select-authenticator-authenticate');
}

async function pick(page: Page, dataSe: string, formName: string): Promise<void> {
  const since = await mark(page);
  await click(page, `[data-se="${dataSe}"] a`);
  await waitForRender(page, since, formName);
}

async function toEnrollChannel(page: Page): Promise<void> {
  await waitForRender(page, await signIn(page, 'enroll@example.com'), 'select-authenticator-enroll');
  await pick(page, 'okta_verify', 'enroll-poll');
  const since = await mark(page);
  await click(page, 'a.switch-channel-link');
  await waitForRender(page, since, 'select-enrollment-channel');
}

async function toEnrollAddress(page: Page, channel: 'email' | 'sms'): Promise<void> {
  await toEnrollChannel(page);
  await click(page, `input[type="radio"][value="${channel}"] + label, input[type="radio"][value="${channel}"]`);
  await waitForRender(page, await submit(page), 'enrollment-channel-data');
}

export const OKTA_WALKS: readonly OktaWalk[] = [
  { name: 'sign-in', reach: ({ page }) => waitForRender(page, 0, 'identify') },
  {
    name: 'password',
    settings: { passwordOnIdentify: false },
    async reach({ page }) {
      await waitForRender(page, await signIn(page, 'push@example.com'), 'challenge-authenticator');
    },
  },
  {
    name: 'wrong-password',
    async reach({ page }) {
      await waitForRender(page, await signIn(page, 'push@example.com', 'not-the-password'), 'error');
    },
  },
  {
    name: 'enroll-picker',
    async reach({ page }) {
      await waitForRender(page, await signIn(page, 'enroll@example.com'), 'select-authenticator-enroll');
    },
  },
  {
    name: 'enroll-qr',
    async reach({ page }) {
      await waitForRender(page, await signIn(page, 'enroll@example.com'), 'select-authenticator-enroll');
      await pick(page, 'okta_verify', 'enroll-poll');
      await page.waitForSelector('#okta-sign-in img[src^="data:image"]', { visible: true });
    },
  },
  { name: 'enroll-channel', reach: ({ page }) => toEnrollChannel(page) },
  { name: 'enroll-address-email', reach: ({ page }) => toEnrollAddress(page, 'email') },
  { name: 'enroll-address-sms', reach: ({ page }) => toEnrollAddress(page, 'sms') },
  {
    name: 'link-sent',
    async reach({ page }) {
      await toEnrollAddress(page, 'email');
      await fill(page, 'input[name="email"]', 'enroll@example.com');
      await waitForRender(page, await submit(page), 'enroll-poll');
    },
  },
  {
    name: 'enroll-same-device',
    async reach({ page }) {
      await waitForRender(page, await signIn(page, 'samedevice@example.com'), 'select-authenticator-enroll');
      await pick(page, 'okta_verify', 'enroll-poll');
    },
  },
  {
    name: 'enroll-bootstrap',
    async reach({ page }) {
      await waitForRender(page, await signIn(page, 'bootstrap@example.com'), 'select-authenticator-enroll');
      await pick(page, 'okta_verify', 'enroll-poll');
    },
  },
  { name: 'verify-picker', reach: ({ page }) => toVerifyPicker(page, 'push@example.com') },
  {
    name: 'code',
    async reach({ page }) {
      await toVerifyPicker(page, 'push@example.com');
      await pick(page, 'okta_verify-totp', 'challenge-authenticator');
    },
  },
  {
    name: 'code-error',
    async reach({ page, control }) {
      await toVerifyPicker(page, 'push@example.com');
      await pick(page, 'okta_verify-totp', 'challenge-authenticator');
      const code = await (await VirtualDevice.of(control, 'push@example.com')).totp();
      await fill(page, 'input[name="credentials.totp"]', String((Number(code) + 500_000) % 1_000_000).padStart(6, '0'));
      await waitForRender(page, await submit(page), 'error');
    },
  },
  {
    name: 'push',
    async reach({ page }) {
      await toVerifyPicker(page, 'push@example.com');
      await pick(page, 'okta_verify-push', 'challenge-poll');
    },
  },
  {
    name: 'number',
    async reach({ page }) {
      await toVerifyPicker(page, 'number@example.com');
      await pick(page, 'okta_verify-push', 'challenge-poll');
    },
  },
  {
    name: 'resend-push',
    async reach({ page, control }) {
      await toVerifyPicker(page, 'push@example.com');
      await pick(page, 'okta_verify-push', 'challenge-poll');
      const since = await mark(page);
      const device = await VirtualDevice.of(control, 'push@example.com');
      await device.reject(await device.nextPush());
      await waitForRender(page, since, 'resend');
    },
  },
  {
    name: 'fastpass',
    settings: { fastPassMethod: 'CUSTOM_URI' },
    async reach({ page }) {
      await toVerifyPicker(page, 'fastpass@example.com');
      await pick(page, 'okta_verify-signed_nonce', 'challenge-poll');
    },
  },
  {
    name: 'terminal',
    settings: { pushLifetimeMs: 1500, pushExpiry: 'terminal' },
    async reach({ page }) {
      await toVerifyPicker(page, 'push@example.com');
      await pick(page, 'okta_verify-push', 'challenge-poll');
      // Okta's widget shows the time-out as an error on the push form.
      await waitForRender(page, await mark(page), 'error');
    },
  },
  {
    name: 'unsupported',
    prepare: (control) => control.addFault(unsupportedStepFault(control.url)),
    reach: ({ page }) => waitForRender(page, 0, 'enroll-profile'),
  },
];
