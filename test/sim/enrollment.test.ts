/** Okta Verify enrollment through the real okta-auth-js: by QR code, by email link, by SMS link. */
import assert from 'node:assert/strict';
import { after, beforeEach, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { IdxTransaction, OktaAuth } from '@okta/okta-auth-js/idx';
import { startSimulator } from 'ov-sim';
import { ControlApi, VirtualDevice } from 'ov-sim/client';
import { identify, pollWhile, startPush } from './support/flows.ts';
import {
  assertStep,
  assertTerminal,
  authenticatorKeys,
  currentContextualData,
  inputNames,
  optionValues,
} from './support/idx-assert.ts';
import { createAuthClient } from './support/sdk-client.ts';
import { verifyTokens } from './support/token-verifier.ts';

const sim = await startSimulator({ port: 0, config: { testing: true } });
after(() => sim.close());
const control = new ControlApi(sim);
beforeEach(() => control.reset());

const LOGIN = 'enroll@example.com';

/** Password accepted for a user without Okta Verify: the policy asks to enroll it. */
async function identifyUnenrolled(auth: OktaAuth): Promise<IdxTransaction> {
  const identified = await identify(auth, LOGIN);
  const step = assertStep(identified, 'select-authenticator-enroll');
  assert.deepEqual(authenticatorKeys(step), ['okta_verify']);
  assert.deepEqual(optionValues(step, 'channel'), ['email', 'qrcode', 'sms']);
  return identified;
}

/** Okta Verify picked without a channel: Okta shows a QR code first (okta-auth-js-notes.md §4.10). */
async function showQr(auth: OktaAuth): Promise<IdxTransaction> {
  await identifyUnenrolled(auth);
  const enrolling = await auth.idx.proceed({ step: 'select-authenticator-enroll', authenticator: 'okta_verify' });
  assert.equal(assertStep(enrolling, 'enroll-poll').refresh, 300);
  return enrolling;
}

async function finishEnrollment(auth: OktaAuth): Promise<void> {
  const done = await pollWhile(auth, 'enroll-poll');
  assert.equal(done.status, 'SUCCESS');
  const { idClaims } = await verifyTokens(sim, done.tokens, LOGIN);
  assert.deepEqual(idClaims.amr?.slice().sort(), ['mfa', 'pwd', 'swk']);
}

test('enroll by QR: the code the browser shows, scanned, enrolls a device that then receives pushes', async () => {
  const auth = createAuthClient(sim);
  const enrolling = await showQr(auth);
  const { qrcode, selectedChannel } = currentContextualData(enrolling);
  assert.equal(selectedChannel, 'qrcode');
  assert.equal(qrcode?.method, 'embedded');
  assert.equal(qrcode?.type, 'image/png');
  assert.match(qrcode?.href ?? '', /^data:image\/png;base64,/);
  assert.ok(enrolling.availableSteps?.some((step) => step.name === 'select-enrollment-channel'));
  assertStep(await auth.idx.proceed({ step: 'enroll-poll' }), 'enroll-poll');

  const device = await VirtualDevice.scan(control, qrcode!.href);
  await finishEnrollment(auth);
  assert.deepEqual(await control.deviceIds(LOGIN), [device.id]);
  await assert.rejects(VirtualDevice.scan(control, qrcode!.href), { status: 410 });

  // Enrolled now: the next sign-in challenges the new device instead of enrolling again.
  const next = createAuthClient(sim);
  await startPush(next, LOGIN);
  assert.equal(await device.approve(await device.onlyPush()), 'approved');
  assert.equal((await pollWhile(next, 'challenge-poll')).status, 'SUCCESS');
});

test('enroll by email: switch channel, an invalid address is refused, the link (sent again on resend) enrolls', async () => {
  const auth = createAuthClient(sim);
  await showQr(auth);
  const asking = await auth.idx.proceed({ step: 'select-enrollment-channel', channel: 'email' });
  assert.deepEqual(inputNames(assertStep(asking, 'enrollment-channel-data')), ['email']);
  assert.equal(currentContextualData(asking).selectedChannel, 'email');

  const invalid = await auth.idx.proceed({ step: 'enrollment-channel-data', email: 'not-an-address' });
  assert.equal(invalid.nextStep?.name, 'enrollment-channel-data');
  assert.equal(invalid.requestDidSucceed, false);
  assert.equal(invalid.messages?.length, 1);
  assert.deepEqual(await control.outbox(), []);

  const sent = await auth.idx.proceed({ step: 'enrollment-channel-data', email: 'phone-owner@example.net' });
  assertStep(sent, 'enroll-poll');
  assert.deepEqual(currentContextualData(sent), { selectedChannel: 'email', email: 'phone-owner@example.net' });
  assertStep(await auth.idx.proceed({ resend: true }), 'enroll-poll');

  const outbox = await control.outbox();
  assert.deepEqual(
    outbox.map(({ channel, to, login }) => ({ channel, to, login })),
    [1, 2].map(() => ({ channel: 'email', to: 'phone-owner@example.net', login: LOGIN })),
  );
  const [first, second] = outbox;
  assert.ok(first && second);
  assert.equal(second.link, first.link);
  await VirtualDevice.tap(control, first.link);
  await finishEnrollment(auth);
});

test('enroll by SMS: channel chosen with the authenticator, the texted link enrolls', async () => {
  const auth = createAuthClient(sim);
  const identified = await identifyUnenrolled(auth);
  const id = identified.context.authenticators.value.find((authenticator) => authenticator.key === 'okta_verify')?.id;
  const asking = await auth.idx.proceed({ step: 'select-authenticator-enroll', authenticator: { id, channel: 'sms' } });
  assert.deepEqual(inputNames(assertStep(asking, 'enrollment-channel-data')), ['phoneNumber']);

  const sent = await auth.idx.proceed({ step: 'enrollment-channel-data', phoneNumber: '+1 555 555 0123' });
  assertStep(sent, 'enroll-poll');
  assert.deepEqual(currentContextualData(sent), { selectedChannel: 'sms', phoneNumber: '+1 555 555 0123' });
  const [sms] = await control.outbox();
  assert.ok(sms);
  assert.equal(sms.channel, 'sms');
  assert.equal(sms.to, '+1 555 555 0123');
  await VirtualDevice.tap(control, sms.link);
  await finishEnrollment(auth);
});

test('enrollment unanswered: the poll ends TERMINAL and the QR code no longer enrolls', async () => {
  await control.withSettings({ enrollmentLifetimeMs: 300 }, async () => {
    const auth = createAuthClient(sim);
    const enrolling = await showQr(auth);
    await sleep(400);
    assertTerminal(await pollWhile(auth, 'enroll-poll'), [
      'core.system.transaction_resource_not_found: Verification timed out. Please try again',
    ]);
    await assert.rejects(VirtualDevice.scan(control, currentContextualData(enrolling).qrcode!.href), { status: 410 });
    assert.deepEqual(await control.deviceIds(LOGIN), []);
  });
});
