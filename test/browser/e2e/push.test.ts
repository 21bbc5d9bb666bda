/** Signing in with an Okta Verify push: approved, number challenge, rejected then resent, timed out. */
import { expect } from '@open-wc/testing';
import { mountSignin, startFresh } from './support/widget.js';
import { verifyWithOktaVerify } from './support/steps.js';
import { button, eventually, field, queryDeep, screenTitled, textOf } from './support/screen.js';
import { click, press } from './support/user.js';
import { VirtualDevice } from './support/virtual-device.js';
import { expectAccessible, expectFocusOn, expectSignedIn } from './support/expectations.js';
import { expectNoMorePolls, expectPollCadence, markRequests, pollsAtLeast, pollsSince } from './support/polls.js';
import { requestsSince } from './support/control-api.js';

const PUSH_LOGIN = 'push@example.com';
const NUMBER_LOGIN = 'number@example.com';
/** Okta answers a wrong number tapped as it answers a denial, so the widget says it may be either. */
const NUMBER_REJECTED =
  'This sign-in wasn’t approved on your mobile device. The number tapped may not have matched the one shown here, or the request was denied.';

describe('e2e: Okta Verify push', () => {
  beforeEach(startFresh);

  it('approved: the screen says a push was sent, the widget polls at the server’s pace, tokens, then no more polls', async () => {
    const mounted = await mountSignin();
    const { widget } = mounted;
    await verifyWithOktaVerify(mounted, PUSH_LOGIN, 'Get a push notification');
    await screenTitled(widget, 'Get a push notification');
    expect(textOf(widget)).to.contain('Push notification sent. Approve it in Okta Verify on your mobile device.');
    expect(textOf(widget)).to.contain('Waiting for your approval…');
    await expectAccessible(mounted);

    const waiting = await markRequests();
    const device = await VirtualDevice.of(PUSH_LOGIN);
    const push = await device.nextPush();
    await pollsAtLeast(waiting, 4);
    expect(await device.approve(push)).to.equal('approved');
    await expectSignedIn(mounted, PUSH_LOGIN);
    const end = await markRequests();
    const polls = await pollsSince(waiting);
    expectPollCadence(polls, 4);
    expect(polls.at(-1)!.status, 'the poll that saw the approval').to.equal(200);
    await expectAccessible(mounted);

    expect(mounted.stepNames()).to.deep.equal([
      'identify',
      'select-authenticator-authenticate',
      'challenge-poll',
      'success',
    ]);
    expect(mounted.eventsOf('ov-error')).to.have.length(0);
    const tokenRequests = (await requestsSince(0)).filter(
      (r) => r.method === 'POST' && r.path === '/oauth2/default/v1/token',
    );
    expect(
      tokenRequests.map((r) => r.status),
      'one code exchange',
    ).to.deep.equal([200]);
    await expectNoMorePolls(end);
  });

  it('number challenge: the screen shows the number, and the phone answers with it', async () => {
    const mounted = await mountSignin();
    const { widget } = mounted;
    await verifyWithOktaVerify(mounted, NUMBER_LOGIN, 'Get a push notification');
    await screenTitled(widget, 'Verify with a number');
    expect(textOf(widget)).to.contain('On your mobile device, open Okta Verify and tap this number:');
    const shown = textOf(queryDeep(widget, '[part="number"]'));
    expect(shown).to.match(/^\d{2}$/);
    expect(queryDeep(widget, '[part="number"]').getAttribute('aria-label')).to.equal(`Number to tap: ${shown}`);
    await expectAccessible(mounted);

    const device = await VirtualDevice.of(NUMBER_LOGIN);
    const push = await device.nextPush();
    expect(push.choices, 'the numbers offered on the phone').to.include(shown);
    expect(await device.approve(push, shown)).to.equal('approved');
    await expectSignedIn(mounted, NUMBER_LOGIN);
    await expectNoMorePolls(await markRequests());
  });

  it('number challenge, wrong number tapped: worded as a mismatch or a denial, aXe clean, and a resend then signs in', async () => {
    const mounted = await mountSignin();
    const { widget } = mounted;
    await verifyWithOktaVerify(mounted, NUMBER_LOGIN, 'Get a push notification');
    await screenTitled(widget, 'Verify with a number');
    const shown = textOf(queryDeep(widget, '[part="number"]'));
    const device = await VirtualDevice.of(NUMBER_LOGIN);
    const first = await device.nextPush();
    const wrong = first.choices!.find((choice) => choice !== shown)!;
    expect(await device.approve(first, wrong), 'the phone taps another number than the one shown').to.equal('rejected');

    const heading = await screenTitled(widget, 'Push notification not approved');
    await expectFocusOn(heading, 'focus on the new screen’s heading');
    expect(textOf(queryDeep(widget, '[role="alert"]'))).to.equal(NUMBER_REJECTED);
    expect(textOf(widget), 'Okta’s wording, which blames the user, is not shown').not.to.contain(
      'You have chosen to reject this login.',
    );
    const step = mounted.eventsOf('ov-step').at(-1)!.detail.step;
    expect(step.screen).to.equal('resend-push');
    expect(step.rejectedPush).to.equal('number-challenge');
    // Okta's own message is still in the snapshot, for pages that read it.
    expect(step.messages.map((m) => m.key)).to.deep.equal(['api.authn.poll.error.push_rejected']);
    expect(mounted.eventsOf('ov-error')).to.have.length(0);
    expect(textOf(widget)).to.contain('Send a new push notification to your mobile device.');
    await expectAccessible(mounted);
    await expectNoMorePolls(await markRequests());

    // The offer is the next stop from the heading, and the keyboard uses it.
    await press('Tab');
    await expectFocusOn(button(widget, 'Resend push notification'), 'focus on the resend offer');
    await press('Enter');
    await screenTitled(widget, 'Verify with a number');
    expect(textOf(widget)).not.to.contain(NUMBER_REJECTED);
    const shownAgain = textOf(queryDeep(widget, '[part="number"]'));
    const second = await device.nextPush();
    expect(second.id, 'a new push').not.to.equal(first.id);
    expect(await device.approve(second, shownAgain)).to.equal('approved');
    await expectSignedIn(mounted, NUMBER_LOGIN);
    expect(mounted.stepNames().slice(2)).to.deep.equal(['challenge-poll', 'resend', 'challenge-poll', 'success']);
    await expectNoMorePolls(await markRequests());
  });

  it('rejected: the server’s message on screen, no polling while it waits, and a resend sends a new push', async () => {
    const mounted = await mountSignin();
    const { widget } = mounted;
    await verifyWithOktaVerify(mounted, PUSH_LOGIN, 'Get a push notification');
    await screenTitled(widget, 'Get a push notification');
    const device = await VirtualDevice.of(PUSH_LOGIN);
    const first = await device.nextPush();
    expect(await device.reject(first)).to.equal('rejected');

    const heading = await screenTitled(widget, 'Push notification not approved');
    await expectFocusOn(heading, 'focus on the new screen’s heading');
    const alert = queryDeep(widget, '[role="alert"]');
    expect(textOf(alert)).to.equal('You have chosen to reject this login.');
    const resendStep = mounted.eventsOf('ov-step').at(-1)!.detail.step;
    expect(resendStep.name).to.equal('resend');
    expect(resendStep.messages.map((m) => [m.level, m.text])).to.deep.equal([
      ['error', 'You have chosen to reject this login.'],
    ]);
    expect(resendStep.rejectedPush, 'a plain push: Okta’s words kept').to.equal('push');
    expect(textOf(widget)).not.to.contain(NUMBER_REJECTED);
    // A refusal the user acted on, not a problem of the widget's: no ov-error.
    expect(mounted.eventsOf('ov-error')).to.have.length(0);
    expect(textOf(widget)).to.contain('Send a new push notification to your mobile device.');
    await expectAccessible(mounted);
    // Nothing to wait for until the user asks for a new push.
    await expectNoMorePolls(await markRequests());

    await click(button(widget, 'Resend push notification'));
    await screenTitled(widget, 'Get a push notification');
    expect(textOf(widget)).not.to.contain('You have chosen to reject this login.');
    const second = await device.nextPush();
    expect(second.id, 'a new push').not.to.equal(first.id);
    expect(await device.approve(second)).to.equal('approved');
    await expectSignedIn(mounted, PUSH_LOGIN);
    expect(mounted.stepNames().slice(2)).to.deep.equal(['challenge-poll', 'resend', 'challenge-poll', 'success']);
    await expectNoMorePolls(await markRequests());
  });

  it('not received: “Resend push notification” after the resend delay sends a new push, focus stays on the screen', async () => {
    const mounted = await mountSignin({ resendDelay: 500 });
    const { widget } = mounted;
    await verifyWithOktaVerify(mounted, PUSH_LOGIN, 'Get a push notification');
    const heading = await screenTitled(widget, 'Get a push notification');
    const device = await VirtualDevice.of(PUSH_LOGIN);
    const first = await device.nextPush();

    await eventually(
      () => textOf(widget).includes('Haven’t received a push notification? Resend push notification'),
      'the offer to resend',
    );
    await expectAccessible(mounted);
    await click(button(widget, 'Resend push notification'));
    await expectFocusOn(heading, 'focus on the heading once the resend link is used');
    await eventually(async () => (await device.pendingPushes())[0]?.id !== first.id, 'a new push on the phone');
    // The polite status line says so, and the offer comes back after the delay.
    const status = queryDeep(widget, '[part="status"]');
    await eventually(() => textOf(status) === 'We sent it again. Waiting for your approval…', 'the resend confirmed');
    expect(status.getAttribute('role')).to.equal('status');
    await eventually(() => textOf(widget).includes('Resend push notification'), 'the offer to resend, again');
    await expectAccessible(mounted);
    const second = await device.nextPush();
    expect(await device.approve(second)).to.equal('approved');
    await expectSignedIn(mounted, PUSH_LOGIN);
    await expectNoMorePolls(await markRequests());
  });

  it('timed out: the terminal screen and ov-terminal, polling stops, and Back to sign in starts a new sign-in', async () => {
    const mounted = await mountSignin();
    const { widget } = mounted;
    await verifyWithOktaVerify(mounted, PUSH_LOGIN, 'Get a push notification');
    await screenTitled(widget, 'Get a push notification');
    const waiting = await markRequests();

    await pollsAtLeast(waiting, 6);
    const device = await VirtualDevice.of(PUSH_LOGIN);
    expect(await device.expire(await device.nextPush())).to.equal('expired');
    const heading = await screenTitled(widget, 'Sign-in could not continue');
    await expectFocusOn(heading, 'focus on the terminal heading');
    expect(textOf(queryDeep(widget, '[role="alert"]'))).to.equal('Verification timed out. Please try again');
    const terminal = mounted.eventsOf('ov-terminal');
    expect(terminal).to.have.length(1);
    expect(terminal[0]!.detail.messages.map((m) => m.text)).to.deep.equal(['Verification timed out. Please try again']);
    expect(mounted.eventsOf('ov-success')).to.have.length(0);
    const end = await markRequests();
    expectPollCadence(await pollsSince(waiting), 6);
    await expectAccessible(mounted);
    await expectNoMorePolls(end);

    await click(button(widget, 'Back to sign in'));
    await screenTitled(widget, 'Sign in');
    // A new sign-in, for the same user unless they say otherwise.
    await eventually(() => field(widget, 'Username').value === PUSH_LOGIN, 'the username filled in');
    const restarted = (await requestsSince(end)).map((r) => r.path);
    expect(restarted, 'a new transaction').to.include('/oauth2/default/v1/interact');
  });
});
