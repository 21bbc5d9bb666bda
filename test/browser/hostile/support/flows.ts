/** The flows the page tests run, screen by screen; `shoot` is called as each screen comes up. */
import { expect } from '@open-wc/testing';
import type { OvSignin } from '../../../../src/components/ov-signin/ov-signin.js';
import { PASSWORD } from '../../e2e/support/widget.js';
import { button, field, queryDeep, screenTitled, textOf } from '../../e2e/support/screen.js';
import { click, fillIn } from '../../e2e/support/user.js';
import { VirtualDevice } from '../../e2e/support/virtual-device.js';
import { oktaVerifyMethod } from '../../e2e/support/steps.js';

/** Waits for the screen titled `heading`; `unique` is a part of it that differs on every run (the QR code). */
export type Shoot = (heading: string, unique?: Element) => Promise<void>;
export type Flow = (widget: OvSignin, shoot: Shoot) => Promise<void>;

async function signIn(widget: OvSignin, login: string, shoot: Shoot): Promise<void> {
  await shoot('Sign in');
  await fillIn(field(widget, 'Username'), login);
  await fillIn(field(widget, 'Password'), PASSWORD);
  await click(button(widget, 'Sign in'));
}

export const push: Flow = async (widget, shoot) => {
  const login = 'push@example.com';
  await signIn(widget, login, shoot);
  await shoot('Verify it’s you with a security method');
  await click(oktaVerifyMethod(widget, 'Get a push notification'));
  await shoot('Get a push notification');
  const device = await VirtualDevice.of(login);
  expect(await device.approve(await device.nextPush())).to.equal('approved');
  await shoot('You are signed in');
  expect(textOf(widget)).to.contain(`Signed in as ${login}`);
};

export const qrEnrolment: Flow = async (widget, shoot) => {
  const login = 'enroll@example.com';
  await signIn(widget, login, shoot);
  await shoot('Set up a security method');
  await click(button(widget, /^Okta Verify/));
  await screenTitled(widget, 'Set up Okta Verify');
  const qr = queryDeep<HTMLImageElement>(widget, 'img');
  await qr.decode();
  await shoot('Set up Okta Verify', qr);
  await VirtualDevice.scan(qr.src);
  await shoot('You are signed in');
  expect(textOf(widget)).to.contain(`Signed in as ${login}`);
};
