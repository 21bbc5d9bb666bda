/** A push authenticator that is not Okta Verify: the widget calls it by the name Okta gives it. */
import { expect } from '@open-wc/testing';
import { mountSignin, startFresh } from './support/widget.js';
import { signInWithPassword } from './support/steps.js';
import { button, screenTitled, textOf } from './support/screen.js';
import { click } from './support/user.js';
import { VirtualDevice } from './support/virtual-device.js';
import { expectAccessible, expectSignedIn } from './support/expectations.js';

const LOGIN = 'custompush@example.com';

describe('e2e: custom push authenticator', () => {
  beforeEach(startFresh);

  it('named as Okta names it on the picker and the push screen, never "Okta Verify"', async () => {
    const mounted = await mountSignin();
    await signInWithPassword(mounted, LOGIN);
    await screenTitled(mounted.widget, 'Verify it’s you with a security method');
    expect(textOf(mounted.widget)).to.contain('Acme Push');
    expect(textOf(mounted.widget)).to.not.contain('Okta Verify');
    await click(button(mounted.widget, /Acme Push/));
    await screenTitled(mounted.widget, 'Get a push notification');
    expect(textOf(mounted.widget)).to.contain('Approve it in Acme Push on your mobile device.');
    expect(textOf(mounted.widget)).to.not.contain('Okta Verify');
    await expectAccessible(mounted);
    const device = await VirtualDevice.of(LOGIN);
    expect(await device.approve(await device.nextPush())).to.equal('approved');
    await expectSignedIn(mounted, LOGIN);
  });
});
