/** Enrolling Okta Verify during sign-in: by scanning the QR code, or by an activation link sent by email or SMS. */
import { expect } from '@open-wc/testing';
import { mountSignin, startFresh } from './support/widget.js';
import type { MountedSignin } from './support/widget.js';
import { scanTheQrCode, startEnrolment } from './support/steps.js';
import { appears, button, eventually, field, headingOf, screenTitled, textOf } from './support/screen.js';
import { click, fillIn, press, type } from './support/user.js';
import { VirtualDevice } from './support/virtual-device.js';
import { expectAccessible, expectFocusOn, expectSignedIn } from './support/expectations.js';
import { expectNoMorePolls, expectPollCadence, markRequests, pollsAtLeast, pollsSince } from './support/polls.js';
import { outbox } from './support/control-api.js';

const LOGIN = 'enroll@example.com';

/** The link arrived (`sent` times), the polling widget notices the phone tapped it, and the user is signed in with the new device. */
async function tapLinkAndFinish(mounted: MountedSignin, channel: 'email' | 'sms', to: string, sent = 1): Promise<void> {
  const waiting = await markRequests();
  const messages = await outbox();
  expect(messages.map((m) => [m.channel, m.to, m.login])).to.deep.equal(Array(sent).fill([channel, to, LOGIN]));
  await pollsAtLeast(waiting, 3);
  const device = await VirtualDevice.tap(messages.at(-1)!.link);
  await expectSignedIn(mounted, LOGIN);
  const end = await markRequests();
  expectPollCadence(await pollsSince(waiting), 3);
  await expectNoMorePolls(end);
  expect((await VirtualDevice.of(LOGIN)).id, 'the user’s one Okta Verify').to.equal(device.id);
}

describe('e2e: Okta Verify enrolment', () => {
  beforeEach(startFresh);

  it('by QR: the phone scans the very image the widget shows', async () => {
    const mounted = await mountSignin();
    const { widget } = mounted;
    await startEnrolment(mounted, LOGIN);
    expect(textOf(widget)).to.contain(
      'On your mobile device, download the Okta Verify app from the App Store or Google Play.',
    );
    expect(textOf(widget)).to.contain('When prompted, tap Scan a QR code, then scan the code below.');
    const { device, waiting } = await scanTheQrCode(mounted);
    await expectSignedIn(mounted, LOGIN);
    const end = await markRequests();
    expectPollCadence(await pollsSince(waiting), 3);
    expect(mounted.stepNames()).to.deep.equal(['identify', 'select-authenticator-enroll', 'enroll-poll', 'success']);
    expect(mounted.eventsOf('ov-error')).to.have.length(0);
    await expectNoMorePolls(end);
    expect((await VirtualDevice.of(LOGIN)).id, 'the user’s one Okta Verify').to.equal(device.id);
  });

  it('by email: Can’t scan?, the address (a mistyped one first), “check your email”, Send again, then the phone opens the link', async () => {
    const mounted = await mountSignin({ resendDelay: 300 });
    const { widget } = mounted;
    await startEnrolment(mounted, LOGIN);
    await click(button(widget, 'Can’t scan?'));
    await screenTitled(widget, 'Get an activation link instead');
    await expectAccessible(mounted);
    // Choosing a channel is not waiting for the phone: the QR screen's polling has stopped.
    await expectNoMorePolls(await markRequests());

    await click(button(widget, 'Email me a link'));
    await screenTitled(widget, 'Get a setup link by email');
    await expectAccessible(mounted);
    await fillIn(field(widget, 'Email'), 'enroll@example');
    await click(button(widget, 'Send me the setup link'));

    const error = await appears(widget, '.field-error', 'the error at the email field');
    expect(textOf(error)).to.equal('Enter an email address that can receive the activation link.');
    const email = field(widget, 'Email');
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(email.getAttribute('aria-describedby')).to.equal(error.id);
    await expectFocusOn(email, 'focus on the field the server refused');
    expect(mounted.eventsOf('ov-error').map((e) => e.detail.problem.code)).to.deep.equal(['invalid-input']);
    await expectAccessible(mounted);
    // The typed address is kept, so the user fixes the typo in place.
    await press('End');
    await type('.com');
    expect(email.value).to.equal(LOGIN);
    await click(button(widget, 'Send me the setup link'));

    await screenTitled(widget, 'Check your email');
    expect(textOf(widget)).to.contain(
      `We sent an activation link to ${LOGIN}. Open it on your mobile device to set up Okta Verify.`,
    );
    expect(textOf(widget)).to.contain('Waiting for you to open the link on your mobile device…');
    await expectAccessible(mounted);

    await eventually(
      () => textOf(widget).includes('Haven’t received it? Send again'),
      'the offer to send the link again',
    );
    await expectAccessible(mounted);
    await click(button(widget, 'Send again'));
    await expectFocusOn(headingOf(widget), 'focus on the heading once “Send again” is used');
    await eventually(async () => (await outbox()).length === 2, 'the second email');
    await tapLinkAndFinish(mounted, 'email', LOGIN, 2);
    expect(mounted.stepNames()).to.deep.equal([
      'identify',
      'select-authenticator-enroll',
      'enroll-poll',
      'select-enrollment-channel',
      'enrollment-channel-data',
      'enrollment-channel-data',
      'enroll-poll',
      'success',
    ]);
  });

  it('by SMS: the phone number, “check your text messages”, then the phone opens the link', async () => {
    const phone = '+1 555 010 0199';
    const mounted = await mountSignin();
    const { widget } = mounted;
    await startEnrolment(mounted, LOGIN);
    await click(button(widget, 'Can’t scan?'));
    await screenTitled(widget, 'Get an activation link instead');
    await click(button(widget, 'Text me a link (SMS)'));
    await screenTitled(widget, 'Get a setup link by SMS');
    await expectAccessible(mounted);
    await fillIn(field(widget, 'Phone Number'), phone);
    await click(button(widget, 'Send me the setup link'));

    await screenTitled(widget, 'Check your text messages');
    expect(textOf(widget)).to.contain(
      `We sent an activation link to ${phone}. Open it on your mobile device to set up Okta Verify.`,
    );
    await expectAccessible(mounted);
    await tapLinkAndFinish(mounted, 'sms', phone);
  });
});
