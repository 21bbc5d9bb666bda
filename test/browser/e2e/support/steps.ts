/** The screens every flow passes through, done with the mouse and keyboard; each is checked with axe on the way. */
import type { MountedSignin } from './widget.js';
import { PASSWORD } from './widget.js';
import { expect } from '@open-wc/testing';
import { button, field, firstScreen, queryDeep, screenTitled, textOf } from './screen.js';
import { click, fillIn } from './user.js';
import { expectAccessible } from './expectations.js';
import { markRequests, pollsAtLeast } from './polls.js';
import { VirtualDevice } from './virtual-device.js';

export async function signInWithPassword(mounted: MountedSignin, login: string, password = PASSWORD): Promise<void> {
  const { widget } = mounted;
  await screenTitled(widget, 'Sign in');
  await firstScreen(widget);
  await expectAccessible(mounted);
  // After "Back to sign in" or "Start over" the widget fills in the username of the sign-in left.
  const username = field(widget, 'Username');
  if (username.value !== login) {
    username.value = '';
    await fillIn(username, login);
  }
  await fillIn(field(widget, 'Password'), password);
  await click(button(widget, 'Sign in'));
}

/** Password, then an Okta Verify method in the picker (`Get a push notification` or `Enter a code`). */
export async function verifyWithOktaVerify(mounted: MountedSignin, login: string, method: string): Promise<void> {
  const { widget } = mounted;
  await signInWithPassword(mounted, login);
  await screenTitled(widget, 'Verify it’s you with a security method');
  await expectAccessible(mounted);
  await click(oktaVerifyMethod(widget, method));
}

/** A choice of the authenticator picker: "Okta Verify", then the method (and the device) under it. */
export function oktaVerifyMethod(widget: Element, method: string): HTMLButtonElement {
  return button(widget, new RegExp(`^Okta Verify\\s*${method}`));
}

/** Password, then Okta Verify in the enrolment picker: the QR screen. */
export async function startEnrolment(mounted: MountedSignin, login: string): Promise<void> {
  const { widget } = mounted;
  await signInWithPassword(mounted, login);
  await screenTitled(widget, 'Set up a security method');
  await expectAccessible(mounted);
  await click(button(widget, /^Okta Verify/));
  await screenTitled(widget, 'Set up Okta Verify');
}

/**
 * On the QR screen: the image drawn and the screen accessible; a second of polling, then the phone
 * scans the very image on screen. Returns the phone and the request mark from before the polling.
 */
export async function scanTheQrCode(mounted: MountedSignin): Promise<{ device: VirtualDevice; waiting: number }> {
  const { widget } = mounted;
  expect(textOf(widget)).to.contain('Waiting for Okta Verify to finish setup…');
  const qr = queryDeep<HTMLImageElement>(widget, 'img');
  expect(qr.alt).to.equal('QR code to scan with Okta Verify');
  await qr.decode();
  expect(qr.naturalWidth, 'the image is drawn').to.be.greaterThan(0);
  await expectAccessible(mounted);
  const waiting = await markRequests();
  await pollsAtLeast(waiting, 3);
  return { device: await VirtualDevice.scan(qr.src), waiting };
}
