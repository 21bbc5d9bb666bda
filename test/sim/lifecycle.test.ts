/** A transaction's life through the real okta-auth-js: cancel, resume after a reload, identifier-first. */
import assert from 'node:assert/strict';
import { after, beforeEach, test } from 'node:test';
import { DEMO_PASSWORD, startSimulator } from 'ov-sim';
import { ControlApi, VirtualDevice } from 'ov-sim/client';
import { pollWhile, startPush } from './support/flows.ts';
import { assertStep, inputNames } from './support/idx-assert.ts';
import { createAuthClient, MapStorage, reloadedAuthClient } from './support/sdk-client.ts';
import { verifyTokens } from './support/token-verifier.ts';

const sim = await startSimulator({ port: 0, config: { testing: true } });
after(() => sim.close());
const control = new ControlApi(sim);
beforeEach(() => control.reset());

const LOGIN = 'push@example.com';

/** Paths of the org requests answered after `seq`. */
async function requestsAfter(seq: number): Promise<string[]> {
  return (await control.requests()).filter((r) => r.seq > seq).map((r) => r.path);
}

async function lastRequestSeq(): Promise<number> {
  return (await control.requests()).at(-1)?.seq ?? 0;
}

test('cancel during a poll: CANCELED, the push is withdrawn, and a new sign-in works', async () => {
  const auth = createAuthClient(sim);
  await startPush(auth, LOGIN);
  assertStep(await auth.idx.proceed({ step: 'challenge-poll' }), 'challenge-poll');
  const device = await VirtualDevice.of(control, LOGIN);
  const withdrawn = await device.onlyPush();

  const canceled = await auth.idx.cancel();
  assert.equal(canceled.status, 'CANCELED');
  assert.equal(auth.idx.canProceed(), false);
  assert.deepEqual(await device.pendingPushes(), []);
  await assert.rejects(device.approve(withdrawn), { status: 404 });

  await startPush(auth, LOGIN);
  assert.equal(await device.approve(await device.onlyPush()), 'approved');
  const done = await pollWhile(auth, 'challenge-poll');
  assert.equal(done.status, 'SUCCESS');
  await verifyTokens(sim, done.tokens, LOGIN);
});

test('resume mid-poll: a reloaded page re-introspects by interaction handle and polls on to success', async () => {
  const storage = new MapStorage();
  await startPush(createAuthClient(sim, storage), LOGIN);
  const device = await VirtualDevice.of(control, LOGIN);
  const push = await device.onlyPush();
  const beforeReload = await lastRequestSeq();

  const reloaded = reloadedAuthClient(sim, storage);
  assert.equal(reloaded.idx.canProceed(), true);
  const resumed = await reloaded.idx.proceed({ useGenericRemediator: true });
  assert.equal(assertStep(resumed, 'challenge-poll').refresh, 300);
  // The generic remediator introspects, then posts the first remediation it finds: one poll.
  assert.deepEqual(await requestsAfter(beforeReload), ['/idp/idx/introspect', '/idp/idx/authenticators/poll']);
  assert.equal((await device.onlyPush()).id, push.id, 'resuming does not send another push');

  assertStep(await reloaded.idx.proceed({ step: 'challenge-poll' }), 'challenge-poll');
  assert.equal(await device.approve(push), 'approved');
  const done = await pollWhile(reloaded, 'challenge-poll');
  assert.equal(done.status, 'SUCCESS');
  await verifyTokens(sim, done.tokens, LOGIN);
});

test('resume after the push was approved during the reload: introspect already says success', async () => {
  const storage = new MapStorage();
  await startPush(createAuthClient(sim, storage), LOGIN);
  const device = await VirtualDevice.of(control, LOGIN);
  assert.equal(await device.approve(await device.onlyPush()), 'approved');

  const resumed = await reloadedAuthClient(sim, storage).idx.proceed({ autoRemediate: false });
  assert.equal(resumed.status, 'SUCCESS');
  await verifyTokens(sim, resumed.tokens, LOGIN);
});

test('passwordOnIdentify true: the identify form carries the password', async () => {
  await control.withSettings({ passwordOnIdentify: true }, async () => {
    const started = await createAuthClient(sim).idx.start();
    const identifyStep = started.availableSteps?.find((step) => step.name === 'identify');
    assert.deepEqual(inputNames(identifyStep), ['username', 'password', 'rememberMe']);
  });
});

test('passwordOnIdentify false: identifier first, then a password challenge; a wrong password is refused there', async () => {
  await control.withSettings({ passwordOnIdentify: false }, async () => {
    const auth = createAuthClient(sim);
    const started = await auth.idx.start();
    assert.deepEqual(inputNames(started.availableSteps?.find((step) => step.name === 'identify')), [
      'username',
      'rememberMe',
    ]);

    const challenged = await auth.idx.proceed({ step: 'identify', username: LOGIN });
    const passwordStep = assertStep(challenged, 'challenge-authenticator');
    assert.equal(passwordStep.relatesTo?.value.key, 'okta_password');
    assert.deepEqual(inputNames(passwordStep), ['credentials']);

    const refused = await auth.idx.proceed({ step: 'challenge-authenticator', password: 'not-the-password' });
    assertStep(refused, 'challenge-authenticator', ['incorrectPassword: Password is incorrect']);

    const accepted = await auth.idx.proceed({ step: 'challenge-authenticator', password: DEMO_PASSWORD });
    assertStep(accepted, 'select-authenticator-authenticate');
    await auth.idx.proceed({ step: 'select-authenticator-authenticate', authenticator: 'okta_verify' });
    assertStep(
      await auth.idx.proceed({ step: 'authenticator-verification-data', methodType: 'push' }),
      'challenge-poll',
    );
    const device = await VirtualDevice.of(control, LOGIN);
    assert.equal(await device.approve(await device.onlyPush()), 'approved');
    const done = await pollWhile(auth, 'challenge-poll');
    assert.equal(done.status, 'SUCCESS');
    const { idClaims } = await verifyTokens(sim, done.tokens, LOGIN);
    assert.ok(idClaims.amr?.includes('pwd'));
  });
});

test('passwordOnIdentify false: an unknown user meets the same password challenge, so logins cannot be probed', async () => {
  await control.withSettings({ passwordOnIdentify: false }, async () => {
    const auth = createAuthClient(sim);
    await auth.idx.start();
    assertStep(await auth.idx.proceed({ step: 'identify', username: 'nobody@example.com' }), 'challenge-authenticator');
    const refused = await auth.idx.proceed({ step: 'challenge-authenticator', password: DEMO_PASSWORD });
    assertStep(refused, 'challenge-authenticator', ['incorrectPassword: Password is incorrect']);
  });
});
