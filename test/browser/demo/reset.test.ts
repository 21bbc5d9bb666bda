/**
 * The demo page (demo/index.html and demo/main.ts, as `npm start` serves them) against the test
 * run's simulator: "Reset the simulator" mid-flow starts a fresh sign-in by itself, instead of
 * leaving a screen whose next click can only say the sign-in expired.
 */
import { expect } from '@open-wc/testing';
import type { OvSignin } from '../../../src/components/ov-signin/ov-signin.js';
import { eventually, queryDeep, screenTitled, textOf } from '../e2e/support/screen.js';
import { oktaVerifyMethod, signInWithPassword } from '../e2e/support/steps.js';
import { click } from '../e2e/support/user.js';
import type { MountedSignin } from '../e2e/support/widget.js';
import { openDemo } from './support.js';

const EXPIRED_TEXT = 'This sign-in has expired. Start again.';

describe('demo: Reset the simulator', () => {
  let mounted: MountedSignin;
  let widget: OvSignin;
  before(async () => {
    mounted = await openDemo();
    widget = mounted.widget;
  });

  it('on the method picker: the widget is back on the first screen by itself', async () => {
    await signInWithPassword(mounted, 'push@example.com');
    await screenTitled(widget, 'Verify it’s you with a security method');

    await click(queryDeep(document.body, '#reset'));
    await screenTitled(widget, 'Sign in');
    expect(textOf(widget)).not.to.contain(EXPIRED_TEXT);
  });

  it('mid-push: the widget starts a fresh sign-in by itself, with no expiry to click through', async () => {
    await screenTitled(widget, 'Sign in');
    await signInWithPassword(mounted, 'push@example.com');
    await screenTitled(widget, 'Verify it’s you with a security method');
    await click(oktaVerifyMethod(widget, 'Get a push notification'));
    await screenTitled(widget, 'Get a push notification');

    await click(queryDeep(document.body, '#reset'));
    await eventually(() => textOf(document.querySelector('#events')!).includes('simulator reset'), 'the reset');
    await screenTitled(widget, 'Sign in');
    // The fresh sign-in works: a user types their name there and goes on, no "Start again" first.
    await signInWithPassword(mounted, 'push@example.com');
    await screenTitled(widget, 'Verify it’s you with a security method');
    expect(textOf(widget)).not.to.contain(EXPIRED_TEXT);
  });
});
