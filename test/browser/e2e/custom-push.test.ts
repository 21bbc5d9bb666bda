/** A push authenticator that is not Okta Verify: the widget calls it by the name Okta gives it. */
import { expect } from '@open-wc/testing';
import { mountSignin, startFresh } from './support/widget.js';
import { signInWithPassword } from './support/steps.js';
import { button, eventually, screenTitled, textOf } from './support/screen.js';
import { click } from './support/user.js';
import { VirtualDevice } from './support/virtual-device.js';
import { expectAccessible, expectSignedIn } from './support/expectations.js';

const LOGIN = 'custompush@example.com';

describe('e2e: custom push authenticator', () => {
  beforeEach(startFresh);

  it('its only method is push: "Send push", then the push screen, named as Okta names it, never "Okta Verify"', async () => {
    const mounted = await mountSignin();
    await signInWithPassword(mounted, LOGIN);
    await screenTitled(mounted.widget, 'Get a push notification');
    expect(textOf(mounted.widget)).to.contain('We will send a push notification to Acme Push on your mobile device.');
    expect(textOf(mounted.widget)).to.not.contain('Okta Verify');
    await expectAccessible(mounted);
    const device = await VirtualDevice.of(LOGIN);
    expect(await device.pendingPushes(), 'nothing sent before the user asks').to.deep.equal([]);
    await click(button(mounted.widget, 'Send push'));
    await eventually(() => textOf(mounted.widget).includes('Push notification sent'), 'the push screen');
    await screenTitled(mounted.widget, 'Get a push notification');
    expect(textOf(mounted.widget)).to.contain('Approve it in Acme Push on your mobile device.');
    expect(textOf(mounted.widget)).to.not.contain('Okta Verify');
    await expectAccessible(mounted);
    expect(await device.approve(await device.nextPush())).to.equal('approved');
    await expectSignedIn(mounted, LOGIN);
  });
});
