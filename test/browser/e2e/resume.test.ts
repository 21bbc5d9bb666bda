/** A page reload mid sign-in: the new widget resumes the transaction okta-auth-js saved in storage. */
import { aTimeout, expect, fixtureCleanup } from '@open-wc/testing';
import { mountSignin, startFresh } from './support/widget.js';
import { verifyWithOktaVerify } from './support/steps.js';
import { screenTitled } from './support/screen.js';
import { VirtualDevice } from './support/virtual-device.js';
import { expectSignedIn } from './support/expectations.js';
import {
  expectNoMorePolls,
  expectPollCadence,
  markRequests,
  POLL_REFRESH_MS,
  pollsAtLeast,
  pollsSince,
} from './support/polls.js';
import { requestsSince } from './support/control-api.js';

describe('e2e: resume', () => {
  beforeEach(startFresh);

  it('a widget mounted again while a push waits shows the same push screen, polls, and signs in', async () => {
    const login = 'push@example.com';
    const before = await mountSignin();
    await verifyWithOktaVerify(before, login, 'Get a push notification');
    await screenTitled(before.widget, 'Get a push notification');
    const device = await VirtualDevice.of(login);
    const push = await device.nextPush();
    // As a reload does: the element goes away (its polling with it), storage stays; a poll in flight lands.
    fixtureCleanup();
    await aTimeout(POLL_REFRESH_MS);
    const gone = await markRequests();

    const after = await mountSignin();
    await screenTitled(after.widget, 'Get a push notification');
    expect(after.stepNames()).to.deep.equal(['challenge-poll']);
    const resumed = (await requestsSince(gone)).filter((r) => r.method === 'POST').map((r) => r.path);
    expect(resumed, 'no new transaction').not.to.include('/oauth2/default/v1/interact');
    // One stream of polls at the server's pace: the removed widget no longer polls.
    await pollsAtLeast(gone, 3);
    expectPollCadence(await pollsSince(gone), 2);

    expect(await device.approve(push)).to.equal('approved');
    await expectSignedIn(after, login);
    expect(before.eventsOf('ov-success'), 'the removed widget stays silent').to.have.length(0);
    await expectNoMorePolls(await markRequests());
  });
});
