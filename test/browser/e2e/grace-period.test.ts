/**
 * Device assurance in its grace period, against the simulator: after the password the widget shows
 * Okta's warning (what to fix, by when) with Continue, and the sign-in goes on to Okta Verify.
 */
import { expect } from '@open-wc/testing';
import { mountSignin, startFresh } from './support/widget.js';
import { button, screenTitled, textOf } from './support/screen.js';
import { click } from './support/user.js';
import { oktaVerifyMethod, signInWithPassword } from './support/steps.js';
import { VirtualDevice } from './support/virtual-device.js';
import { expectAccessible, expectFocusOn, expectSignedIn } from './support/expectations.js';

const LOGIN = 'graceperiod@example.com';

describe('e2e: device assurance in its grace period', () => {
  beforeEach(startFresh);

  it('Okta’s warning with Continue, focus on it, aXe clean; Continue goes on to Okta Verify and signs in', async () => {
    const mounted = await mountSignin();
    const { widget } = mounted;
    await signInWithPassword(mounted, LOGIN);
    const heading = await screenTitled(widget, 'Update your device soon');
    await expectFocusOn(heading, 'focus on the new screen’s heading');
    expect(textOf(widget)).to.match(/Fix the issue by .+ UTC to prevent lockout\./);
    expect(textOf(widget)).to.contain('Update to the latest version of your operating system');
    expect(textOf(widget)).not.to.contain('not supported');
    await expectAccessible(mounted);

    await click(button(widget, 'Continue'));
    await screenTitled(widget, 'Verify it’s you with a security method');
    await click(oktaVerifyMethod(widget, 'Get a push notification'));
    const device = await VirtualDevice.of(LOGIN);
    expect(await device.approve(await device.nextPush())).to.equal('approved');
    await expectSignedIn(mounted, LOGIN);
    expect(mounted.stepNames().slice(0, 3)).to.deep.equal([
      'identify',
      'device-assurance-grace-period',
      'select-authenticator-authenticate',
    ]);
    expect(mounted.eventsOf('ov-error')).to.have.length(0);
  });
});
