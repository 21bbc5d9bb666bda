/**
 * The widget in server mode (`endpoint="/auth"`): okta-auth-js runs on the server behind wtr's own
 * origin, the page talks only to it. The same screens and events as in the page, each flow to its end.
 */
import { aTimeout, expect } from '@open-wc/testing';
import { scanTheQrCode, startEnrolment, verifyWithOktaVerify } from '../e2e/support/steps.js';
import { appears, button, field, queryDeep, screenTitled, textOf } from '../e2e/support/screen.js';
import { click, fillIn, type } from '../e2e/support/user.js';
import { VirtualDevice } from '../e2e/support/virtual-device.js';
import { expectAccessible, expectFocusOn } from '../e2e/support/expectations.js';
import { expectNoMorePolls, expectPollCadence, markRequests, pollsAtLeast, pollsSince } from '../e2e/support/polls.js';
import { requestsSince } from '../e2e/support/control-api.js';
import {
  expectNoOktaAuthJsLoaded,
  expectSignedInOnServer,
  mountServerMode,
  serverLog,
  startFreshServerMode,
} from './support/server-mode.js';

describe('server mode: flows', () => {
  beforeEach(startFreshServerMode);

  it('QR enrolment: the phone scans the image the server passed on, and the user is signed in on the server', async () => {
    const mounted = await mountServerMode();
    await startEnrolment(mounted, 'enroll@example.com');
    const { device, waiting } = await scanTheQrCode(mounted);
    await expectSignedInOnServer(mounted, 'enroll@example.com');
    const end = await markRequests();
    expectPollCadence(await pollsSince(waiting), 3);
    expect(mounted.stepNames()).to.deep.equal(['identify', 'select-authenticator-enroll', 'enroll-poll', 'success']);
    expect(mounted.eventsOf('ov-error')).to.have.length(0);
    await expectNoMorePolls(end);
    expect((await VirtualDevice.of('enroll@example.com')).id).to.equal(device.id);
  });

  it('push approved: the widget polls the server at Okta’s pace, the server polls Okta, then success', async () => {
    const mounted = await mountServerMode();
    const { widget } = mounted;
    await verifyWithOktaVerify(mounted, 'push@example.com', 'Get a push notification');
    await screenTitled(widget, 'Get a push notification');
    expect(textOf(widget)).to.contain('Waiting for your approval…');
    await expectAccessible(mounted);

    const waiting = await markRequests();
    const device = await VirtualDevice.of('push@example.com');
    const push = await device.nextPush();
    await pollsAtLeast(waiting, 4);
    expect(await device.approve(push)).to.equal('approved');
    await expectSignedInOnServer(mounted, 'push@example.com');
    const end = await markRequests();
    expectPollCadence(await pollsSince(waiting), 4);
    const polls = (await serverLog()).filter((e) => e.route === 'poll');
    expect(polls.length, 'one API poll per Okta poll').to.equal((await pollsSince(waiting)).length);
    expect(mounted.stepNames()).to.deep.equal([
      'identify',
      'select-authenticator-authenticate',
      'challenge-poll',
      'success',
    ]);
    expect(mounted.eventsOf('ov-error')).to.have.length(0);
    await expectNoMorePolls(end);
  });

  it('number challenge: the number reaches the screen through the server', async () => {
    const mounted = await mountServerMode();
    const { widget } = mounted;
    await verifyWithOktaVerify(mounted, 'number@example.com', 'Get a push notification');
    await screenTitled(widget, 'Verify with a number');
    const shown = textOf(queryDeep(widget, '[part="number"]'));
    expect(shown).to.match(/^\d{2}$/);
    await expectAccessible(mounted);
    const device = await VirtualDevice.of('number@example.com');
    const push = await device.nextPush();
    expect(push.choices).to.include(shown);
    expect(await device.approve(push, shown)).to.equal('approved');
    await expectSignedInOnServer(mounted, 'number@example.com');
  });

  it('Okta Verify code: a wrong one gets Okta’s message at the field, the right one signs in, no poll at all', async () => {
    const mounted = await mountServerMode();
    const { widget } = mounted;
    await verifyWithOktaVerify(mounted, 'totp@example.com', 'Enter a code');
    await screenTitled(widget, 'Enter a code');
    const device = await VirtualDevice.of('totp@example.com');
    const code = await device.totp();
    await fillIn(
      field(widget, 'Enter code'),
      code.replace(/\d/g, (d) => String((Number(d) + 5) % 10)),
    );
    const error = await appears(widget, '.field-error', 'the error at the code field');
    expect(textOf(error)).to.equal('Invalid code. Try again.');
    await expectFocusOn(field(widget, 'Enter code'), 'focus back in the field');
    expect(mounted.eventsOf('ov-error').map((e) => e.detail.problem.code)).to.deep.equal(['invalid-input']);
    await expectAccessible(mounted);
    await type(code);
    await expectSignedInOnServer(mounted, 'totp@example.com');
    expect(await pollsSince(0)).to.deep.equal([]);
  });

  it('push timed out: the terminal screen and ov-terminal, polling stops, Back to sign in starts anew', async () => {
    const mounted = await mountServerMode();
    const { widget } = mounted;
    await verifyWithOktaVerify(mounted, 'push@example.com', 'Get a push notification');
    await screenTitled(widget, 'Get a push notification');
    const device = await VirtualDevice.of('push@example.com');
    expect(await device.expire(await device.nextPush())).to.equal('expired');
    const heading = await screenTitled(widget, 'Sign-in could not continue');
    await expectFocusOn(heading, 'focus on the terminal heading');
    expect(textOf(queryDeep(widget, '[role="alert"]'))).to.equal('Verification timed out. Please try again');
    expect(mounted.eventsOf('ov-terminal')).to.have.length(1);
    expect(mounted.eventsOf('ov-success')).to.have.length(0);
    await expectAccessible(mounted);
    const end = await markRequests();
    await expectNoMorePolls(end);

    await click(button(widget, 'Back to sign in'));
    await screenTitled(widget, 'Sign in');
    expect(
      (await requestsSince(end)).map((r) => r.path),
      'a new transaction',
    ).to.include('/oauth2/default/v1/interact');
  });

  it('cancel while a push waits: ov-cancel, the push withdrawn, a new sign-in, no more polls', async () => {
    const mounted = await mountServerMode();
    const { widget } = mounted;
    await verifyWithOktaVerify(mounted, 'push@example.com', 'Get a push notification');
    await screenTitled(widget, 'Get a push notification');
    const device = await VirtualDevice.of('push@example.com');
    await device.nextPush();
    const waiting = await markRequests();
    await aTimeout(700);

    await click(button(widget, 'Cancel'));
    await screenTitled(widget, 'Sign in');
    expect(mounted.eventsOf('ov-cancel')).to.have.length(1);
    expect(field(widget, 'Username').value).to.equal('');
    expect(await device.pendingPushes()).to.deep.equal([]);
    const after = (await requestsSince(waiting)).filter((r) => r.method === 'POST').map((r) => r.path);
    expect(
      after.filter((p) => p === '/idp/idx/cancel'),
      'one cancel',
    ).to.have.length(1);
    expect(after.slice(after.indexOf('/idp/idx/cancel'))).to.include('/oauth2/default/v1/interact');
    await expectAccessible(mounted);
    await expectNoMorePolls(await markRequests());
  });

  it('a new widget on the page (a reload) resumes the server’s transaction where it was', async () => {
    const first = await mountServerMode();
    await verifyWithOktaVerify(first, 'push@example.com', 'Get a push notification');
    await screenTitled(first.widget, 'Get a push notification');
    first.widget.remove();
    const before = await markRequests();
    const second = await mountServerMode();
    await screenTitled(second.widget, 'Get a push notification');
    expect(
      (await requestsSince(before)).map((r) => r.path),
      'no new transaction',
    ).not.to.include('/oauth2/default/v1/interact');
    const device = await VirtualDevice.of('push@example.com');
    expect(await device.approve(await device.nextPush())).to.equal('approved');
    await expectSignedInOnServer(second, 'push@example.com');
  });

  it('the page never loaded okta-auth-js', () => {
    expectNoOktaAuthJsLoaded();
  });
});
