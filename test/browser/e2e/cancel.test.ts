/** Cancelling while the widget polls: ov-cancel, a fresh sign-in, and silence on the poll endpoints. */
import { aTimeout, expect } from '@open-wc/testing';
import { mountSignin, startFresh } from './support/widget.js';
import type { MountedSignin } from './support/widget.js';
import { startEnrolment, verifyWithOktaVerify } from './support/steps.js';
import { button, eventually, field, queryDeep, screenTitled, textOf } from './support/screen.js';
import { click } from './support/user.js';
import { VirtualDevice } from './support/virtual-device.js';
import { expectAccessible, expectFocusOn } from './support/expectations.js';
import { expectNoMorePolls, markRequests, pollsSince } from './support/polls.js';
import { requestsSince } from './support/control-api.js';

/** Clicks "Back to sign in" on a polling screen and checks what follows. */
async function cancelWhilePolling(mounted: MountedSignin, login: string): Promise<void> {
  const { widget } = mounted;
  const waiting = await markRequests();
  await aTimeout(700);
  expect((await pollsSince(waiting)).length, 'polling before the cancel').to.be.at.least(1);

  expect(textOf(queryDeep(widget, '[data-identity]')), 'who is signing in, under the title').to.equal(login);
  await click(button(widget, 'Back to sign in'));
  await screenTitled(widget, 'Sign in');
  expect(mounted.eventsOf('ov-cancel')).to.have.length(1);
  expect(mounted.eventsOf('ov-success')).to.have.length(0);
  expect(mounted.eventsOf('ov-terminal')).to.have.length(0);
  // The identify form again, filled in with who was signing in; focus on the password, the first empty field.
  await eventually(() => field(widget, 'Username').value === login, 'the username filled in');
  await expectFocusOn(field(widget, 'Password'), 'focus on the password');
  const end = await markRequests();
  const after = (await requestsSince(waiting)).filter((r) => r.method === 'POST').map((r) => r.path);
  expect(
    after.filter((p) => p === '/idp/idx/cancel'),
    'one cancel',
  ).to.have.length(1);
  // The widget starts a new sign-in right after the cancel.
  expect(after.slice(after.indexOf('/idp/idx/cancel'))).to.include('/oauth2/default/v1/interact');
  await expectAccessible(mounted);
  await expectNoMorePolls(end);
}

describe('e2e: cancel', () => {
  beforeEach(startFresh);

  it('while waiting for a push: back to Sign in, the push withdrawn from the phone, no more polls', async () => {
    const mounted = await mountSignin();
    await verifyWithOktaVerify(mounted, 'push@example.com', 'Get a push notification');
    await screenTitled(mounted.widget, 'Get a push notification');
    const device = await VirtualDevice.of('push@example.com');
    await device.nextPush();
    await cancelWhilePolling(mounted, 'push@example.com');
    expect(await device.pendingPushes()).to.deep.equal([]);
  });

  it('while waiting for the QR scan: back to Sign in, no more polls', async () => {
    const mounted = await mountSignin();
    await startEnrolment(mounted, 'enroll@example.com');
    await cancelWhilePolling(mounted, 'enroll@example.com');
  });
});
