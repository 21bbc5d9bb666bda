/** Whole sign-ins with the keyboard alone: Tab, arrows, Enter and typing; focus follows each new screen. */
import { aTimeout, expect } from '@open-wc/testing';
import { mountSignin, PASSWORD, startFresh } from './support/widget.js';
import type { MountedSignin } from './support/widget.js';
import { button, field, queryDeep, screenTitled } from './support/screen.js';
import { press, type } from './support/user.js';
import { oktaVerifyMethod } from './support/steps.js';
import { VirtualDevice } from './support/virtual-device.js';
import { expectFocusOn, expectSignedIn } from './support/expectations.js';
import { expectNoMorePolls, markRequests, pollsSince } from './support/polls.js';

/** Signs in with the password from the keyboard, starting in the username field, which has focus on load. */
async function typePassword({ widget }: MountedSignin, login: string): Promise<void> {
  await screenTitled(widget, 'Sign in');
  await expectFocusOn(field(widget, 'Username'), 'the first field has focus on load');
  await type(login);
  await press('Tab');
  await expectFocusOn(field(widget, 'Password'), 'Tab moves to the password');
  await type(PASSWORD);
  await press('Enter');
}

/** Waits for the screen titled `heading` and checks its heading took focus. */
async function screenTakesFocus({ widget }: MountedSignin, heading: string): Promise<void> {
  await expectFocusOn(await screenTitled(widget, heading), `focus on the heading of “${heading}”`);
}

describe('e2e: keyboard only', () => {
  beforeEach(startFresh);

  it('enrols by QR, via “Can’t scan?” and back to the QR', async () => {
    const login = 'enroll@example.com';
    const mounted = await mountSignin();
    const { widget } = mounted;
    await typePassword(mounted, login);

    await screenTakesFocus(mounted, 'Set up a security method');
    await press('Tab');
    await expectFocusOn(button(widget, /^Okta Verify/), 'Tab reaches the first choice');
    await press('Enter');

    await screenTakesFocus(mounted, 'Set up Okta Verify');
    await press('Tab');
    await expectFocusOn(button(widget, 'Can’t scan?'), 'Tab reaches “Can’t scan?”');
    await press('Enter');

    await screenTakesFocus(mounted, 'Get an activation link instead');
    await press('Tab');
    await expectFocusOn(button(widget, 'Email me a link'), 'Tab reaches the first channel');
    await press('Tab');
    await press('Tab');
    await expectFocusOn(button(widget, 'Scan a QR code instead'), 'Tab reaches the way back');
    await press('Enter');

    await screenTakesFocus(mounted, 'Set up Okta Verify');
    const back = await markRequests();
    await aTimeout(700);
    expect((await pollsSince(back)).length, 'polling again on the QR screen').to.be.at.least(1);
    await VirtualDevice.scan(queryDeep<HTMLImageElement>(widget, 'img').src);

    await screenTakesFocus(mounted, 'You are signed in');
    await expectSignedIn(mounted, login);
    await expectNoMorePolls(await markRequests());
  });

  it('signs in with a push, choosing it with the arrow keys', async () => {
    const login = 'push@example.com';
    const mounted = await mountSignin();
    const { widget } = mounted;
    await typePassword(mounted, login);

    await screenTakesFocus(mounted, 'Verify it’s you with a security method');
    await press('Tab');
    await expectFocusOn(button(widget, 'Use a different account'), 'Tab reaches the link beside the username');
    await press('Tab');
    await expectFocusOn(oktaVerifyMethod(widget, 'Get a push notification'), 'Tab reaches the first method');
    await press('ArrowDown');
    await expectFocusOn(oktaVerifyMethod(widget, 'Enter a code'), 'ArrowDown moves to the next method');
    await press('ArrowUp');
    await expectFocusOn(oktaVerifyMethod(widget, 'Get a push notification'), 'ArrowUp moves back');
    await press('Enter');

    await screenTakesFocus(mounted, 'Get a push notification');
    const device = await VirtualDevice.of(login);
    expect(await device.approve(await device.nextPush())).to.equal('approved');

    await screenTakesFocus(mounted, 'You are signed in');
    await expectSignedIn(mounted, login);
    await expectNoMorePolls(await markRequests());
  });
});
