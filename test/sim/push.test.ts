/** Okta Verify push through the real okta-auth-js: approve, number challenge, reject, expiry. */
import assert from 'node:assert/strict';
import { after, beforeEach, test } from 'node:test';
import { startSimulator } from 'ov-sim';
import { ControlApi, VirtualDevice } from 'ov-sim/client';
import { identify, pollWhile, startPush } from './support/flows.ts';
import { assertStep, assertTerminal, currentContextualData, inputNames, optionValues } from './support/idx-assert.ts';
import { createAuthClient } from './support/sdk-client.ts';
import { verifyTokens } from './support/token-verifier.ts';

const sim = await startSimulator({ port: 0, config: { testing: true } });
after(() => sim.close());
const control = new ControlApi(sim);
beforeEach(() => control.reset());

const REJECTED = 'api.authn.poll.error.push_rejected: You have chosen to reject this login.';
const TIMED_OUT = 'core.system.transaction_resource_not_found: Verification timed out. Please try again';

test('push approved: the poll stays pending until the phone approves, then tokens', async () => {
  const auth = createAuthClient(sim);
  const polling = await startPush(auth, 'push@example.com');
  assert.equal(polling.nextStep?.refresh, 300);
  assert.equal(polling.nextStep?.relatesTo?.value.key, 'okta_verify');
  assert.deepEqual(inputNames(polling.nextStep), ['autoChallenge']);
  assert.equal(currentContextualData(polling).correctAnswer, undefined);

  assertStep(await auth.idx.proceed({ step: 'challenge-poll' }), 'challenge-poll');
  const device = await VirtualDevice.of(control, 'push@example.com');
  const push = await device.onlyPush();
  assert.equal(push.login, 'push@example.com');
  assert.equal(push.choices, undefined);
  assert.equal(await device.approve(push), 'approved');

  const done = await pollWhile(auth, 'challenge-poll');
  assert.equal(done.status, 'SUCCESS');
  const { idClaims } = await verifyTokens(sim, done.tokens, 'push@example.com');
  assert.deepEqual(idClaims.amr?.slice().sort(), ['mfa', 'pwd', 'swk']);
  assert.deepEqual(await device.pendingPushes(), []);
});

test('number challenge: the number shown in the browser approves on the phone', async () => {
  const auth = createAuthClient(sim);
  const polling = await startPush(auth, 'number@example.com');
  const shown = (polling.nextStep?.relatesTo?.value.contextualData as { correctAnswer?: string } | undefined)
    ?.correctAnswer;
  assert.match(shown ?? '', /^\d{2}$/);
  assert.equal(currentContextualData(polling).correctAnswer, shown);

  const device = await VirtualDevice.of(control, 'number@example.com');
  const push = await device.onlyPush();
  assert.equal(push.choices?.length, 3);
  assert.ok(push.choices?.includes(shown!), 'the phone offers the number the browser shows');
  assert.equal(await device.approve(push, shown), 'approved');
  const done = await pollWhile(auth, 'challenge-poll');
  assert.equal(done.status, 'SUCCESS');
  await verifyTokens(sim, done.tokens, 'number@example.com');
});

test('number challenge: a wrong number rejects the push, a resend asks again with a new push', async () => {
  const auth = createAuthClient(sim);
  const polling = await startPush(auth, 'number@example.com');
  const shown = currentContextualData(polling).correctAnswer!;
  const device = await VirtualDevice.of(control, 'number@example.com');
  const first = await device.onlyPush();
  const wrong = first.choices!.find((choice) => choice !== shown)!;
  assert.equal(await device.approve(first, wrong), 'rejected');

  const rejected = await pollWhile(auth, 'challenge-poll');
  assertStep(rejected, 'resend', [REJECTED]);

  const again = await auth.idx.proceed({ step: 'resend' });
  assertStep(again, 'challenge-poll');
  const second = await device.onlyPush();
  assert.notEqual(second.id, first.id);
  const shownAgain = currentContextualData(again).correctAnswer!;
  assert.ok(second.choices!.includes(shownAgain));
  assert.equal(await device.approve(second, shownAgain), 'approved');
  const done = await pollWhile(auth, 'challenge-poll');
  assert.equal(done.status, 'SUCCESS');
  await verifyTokens(sim, done.tokens, 'number@example.com');
});

test("push rejected: Okta's message, then the resend action sends a new push", async () => {
  const auth = createAuthClient(sim);
  await startPush(auth, 'push@example.com');
  const device = await VirtualDevice.of(control, 'push@example.com');
  assert.equal(await device.reject(await device.onlyPush()), 'rejected');

  const rejected = await pollWhile(auth, 'challenge-poll');
  assertStep(rejected, 'resend', [REJECTED]);
  assert.ok(rejected.availableSteps?.some((step) => step.name === 'currentAuthenticator-resend'));
  assert.deepEqual(await device.pendingPushes(), []);

  // The action on currentAuthenticator, the other way the SDK offers to push again (okta-auth-js-notes.md §4.8).
  assertStep(await auth.idx.proceed({ resend: true }), 'challenge-poll');
  assert.equal(await device.approve(await device.onlyPush()), 'approved');
  assert.equal((await pollWhile(auth, 'challenge-poll')).status, 'SUCCESS');
});

test('push unanswered, pushExpiry "terminal": the poll ends TERMINAL with Okta\'s timeout message', async () => {
  await control.withSettings({ pushExpiry: 'terminal' }, async () => {
    const auth = createAuthClient(sim);
    await startPush(auth, 'push@example.com');
    const device = await VirtualDevice.of(control, 'push@example.com');
    const push = await device.onlyPush();
    assert.equal(await device.expire(push), 'expired');

    const ended = await pollWhile(auth, 'challenge-poll');
    assertTerminal(ended, [TIMED_OUT]);
    assert.equal(ended.requestDidSucceed, false);
    await assert.rejects(device.approve(push), { status: 404 });
  });
});

test('push unanswered, pushExpiry "resend": the poll offers resend without a message, and resend works', async () => {
  await control.withSettings({ pushExpiry: 'resend' }, async () => {
    const auth = createAuthClient(sim);
    await startPush(auth, 'push@example.com');
    const device = await VirtualDevice.of(control, 'push@example.com');
    assert.equal(await device.expire(await device.onlyPush()), 'expired');

    const expired = await pollWhile(auth, 'challenge-poll');
    assertStep(expired, 'resend');
    assert.equal(expired.requestDidSucceed, true);

    assertStep(await auth.idx.proceed({ step: 'resend' }), 'challenge-poll');
    assert.equal(await device.approve(await device.onlyPush()), 'approved');
    const done = await pollWhile(auth, 'challenge-poll');
    assert.equal(done.status, 'SUCCESS');
    await verifyTokens(sim, done.tokens, 'push@example.com');
  });
});

test('another method while the push waits: picking Okta Verify again asks for a method and withdraws the push', async () => {
  const auth = createAuthClient(sim);
  await startPush(auth, 'push@example.com');
  const device = await VirtualDevice.of(control, 'push@example.com');
  const withdrawn = await device.onlyPush();

  const choosing = await auth.idx.proceed({ step: 'select-authenticator-authenticate', authenticator: 'okta_verify' });
  assert.deepEqual(optionValues(assertStep(choosing, 'authenticator-verification-data'), 'methodType'), [
    'push',
    'totp',
  ]);
  assert.deepEqual(await device.pendingPushes(), []);
  await assert.rejects(device.approve(withdrawn), { status: 404 });

  assertStep(
    await auth.idx.proceed({ step: 'authenticator-verification-data', methodType: 'totp' }),
    'challenge-authenticator',
  );
  const done = await auth.idx.proceed({ step: 'challenge-authenticator', verificationCode: await device.totp() });
  assert.equal(done.status, 'SUCCESS');
  await verifyTokens(sim, done.tokens, 'push@example.com');
});

test('a custom push authenticator: its own key and name in the poll, pushes answered on the device', async () => {
  const auth = createAuthClient(sim);
  const login = 'custompush@example.com';
  const identified = await identify(auth, login);
  const picker = assertStep(identified, 'select-authenticator-authenticate');
  const option = picker.inputs?.[0]?.options?.[0] as { label?: string; relatesTo?: { key?: string } } | undefined;
  assert.equal(option?.label, 'Acme Push');
  assert.equal(option?.relatesTo?.key, 'custom_app');
  const polling = await auth.idx.proceed({
    step: 'select-authenticator-authenticate',
    authenticator: { id: 'aut1ovsim0CustomPush', methodType: 'push' },
  });
  assertStep(polling, 'challenge-poll');
  const current = polling.context.currentAuthenticator?.value;
  assert.equal(current?.key, 'custom_app');
  assert.equal(current?.displayName, 'Acme Push');
  const device = await VirtualDevice.of(control, login);
  assert.equal(await device.approve(await device.onlyPush()), 'approved');
  const done = await pollWhile(auth, 'challenge-poll');
  assert.equal(done.status, 'SUCCESS');
  await verifyTokens(sim, done.tokens, login);
});
