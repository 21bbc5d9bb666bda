/** Okta Verify with one method: no picker of one; "Send push", and "Send push automatically" remembered. */
import { expect } from '@open-wc/testing';
import { mountSignin, startFresh } from './support/widget.js';
import { signInWithPassword } from './support/steps.js';
import { button, eventually, queryDeep, screenTitled, textOf } from './support/screen.js';
import { click } from './support/user.js';
import { VirtualDevice } from './support/virtual-device.js';
import { expectAccessible, expectSignedIn } from './support/expectations.js';

const LOGIN = 'autopush@example.com';

describe('e2e: Okta Verify with push alone', () => {
  beforeEach(startFresh);

  it('"Send push" with "Send push automatically"; once checked, the next sign-in sends the push by itself', async () => {
    const mounted = await mountSignin();
    const { widget } = mounted;
    await signInWithPassword(mounted, LOGIN);
    await screenTitled(widget, 'Get a push notification');
    const device = await VirtualDevice.of(LOGIN);
    expect(await device.pendingPushes(), 'nothing sent before the user asks').to.deep.equal([]);
    const automatically = queryDeep<HTMLInputElement>(widget, 'input[name="autoChallenge"]');
    expect(automatically.checked).to.equal(false);
    expect(textOf(automatically.closest('label')!)).to.equal('Send push automatically');
    expect(textOf(queryDeep(widget, '[data-identity]'))).to.equal(`${LOGIN} Use a different account`);
    await expectAccessible(mounted);

    await click(automatically);
    await click(button(widget, 'Send push'));
    await eventually(() => textOf(widget).includes('Push notification sent'), 'the push screen');
    expect(await device.approve(await device.nextPush())).to.equal('approved');
    await expectSignedIn(mounted, LOGIN);
    mounted.widget.remove();
    sessionStorage.clear();
    localStorage.clear();

    // Okta now says autoChallenge: the push goes out without the "Send push" screen.
    const again = await mountSignin();
    await signInWithPassword(again, LOGIN);
    await eventually(() => textOf(again.widget).includes('Push notification sent'), 'the push screen at once');
    expect(again.stepNames(), 'no Send push screen on the way').to.deep.equal(['identify', 'challenge-poll']);
    expect(await device.approve(await device.nextPush())).to.equal('approved');
    await expectSignedIn(again, LOGIN);
  });
});
