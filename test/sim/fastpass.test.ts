/**
 * Okta FastPass through the real okta-auth-js: the test plays the browser (it probes the loopback
 * ports and hands the challenge to the first that answers, or opens the custom URI) and the
 * simulator's virtual Okta Verify desktop app answers Okta.
 */
import assert from 'node:assert/strict';
import { after, beforeEach, test } from 'node:test';
import type { IdxTransaction, OktaAuth } from '@okta/okta-auth-js/idx';
import { startSimulator } from 'ov-sim';
import { ControlApi, VirtualDevice } from 'ov-sim/client';
import { identify, pollWhile } from './support/flows.ts';
import { assertStep, messagesOf, optionValues } from './support/idx-assert.ts';
import { createAuthClient } from './support/sdk-client.ts';
import { verifyTokens } from './support/token-verifier.ts';

const sim = await startSimulator({ port: 0, config: { testing: true } });
after(() => sim.close());
const control = new ControlApi(sim);
beforeEach(() => control.reset());

const LOGIN = 'fastpass@example.com';

interface Challenge {
  challengeMethod: string;
  challengeRequest?: string;
  domain?: string;
  ports?: string[];
  probeTimeoutMillis?: number;
  href?: string;
  downloadHref?: string;
}

function challengeOf(tx: IdxTransaction): Challenge {
  const data = tx.context.currentAuthenticator?.value.contextualData as
    { challenge?: { value: Challenge } } | undefined;
  assert.ok(data?.challenge, 'a FastPass challenge-poll carries contextualData.challenge');
  return data.challenge.value;
}

/** Password, then Okta Verify by FastPass: a challenge-poll about signed_nonce, nothing pushed. */
async function startFastPass(auth: OktaAuth): Promise<IdxTransaction> {
  const identified = await identify(auth, LOGIN);
  assertStep(identified, 'select-authenticator-authenticate');
  const selected = await auth.idx.proceed({ step: 'select-authenticator-authenticate', authenticator: 'okta_verify' });
  assert.deepEqual(optionValues(assertStep(selected, 'authenticator-verification-data'), 'methodType').sort(), [
    'push',
    'signed_nonce',
    'totp',
  ]);
  const polling = await auth.idx.proceed({ step: 'authenticator-verification-data', methodType: 'signed_nonce' });
  assertStep(polling, 'challenge-poll');
  assert.equal(polling.nextStep?.relatesTo?.value.key, 'okta_verify');
  assert.deepEqual(
    polling.nextStep?.relatesTo?.value.methods?.map((m) => m.type),
    ['signed_nonce'],
  );
  assert.ok(polling.actions['currentAuthenticator-cancel'], 'the cancel form of the poll');
  return polling;
}

/** What the widget does: probe each port within probeTimeoutMillis, challenge the first that answers. */
async function loopback(challenge: Challenge): Promise<{ port?: string; probed: string[] }> {
  const probed: string[] = [];
  for (const port of challenge.ports ?? []) {
    probed.push(port);
    const base = `${challenge.domain}:${port}`;
    const probe = await fetch(`${base}/probe`, { signal: AbortSignal.timeout(challenge.probeTimeoutMillis!) }).catch(
      () => undefined,
    );
    if (!probe?.ok) continue;
    const answered = await fetch(`${base}/challenge`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ challengeRequest: challenge.challengeRequest }),
    });
    assert.equal(answered.status, 200);
    return { port, probed };
  }
  return { probed };
}

test('loopback: the desktop app answers on one of the advertised ports, then tokens', async () => {
  const auth = createAuthClient(sim);
  const polling = await startFastPass(auth);
  const challenge = challengeOf(polling);
  assert.equal(challenge.challengeMethod, 'LOOPBACK');
  assert.equal(challenge.domain, 'http://localhost');
  assert.equal(challenge.ports?.length, 2, 'a port nobody listens on, then the app’s');
  assert.ok(challenge.probeTimeoutMillis! > 0);
  assertStep(await auth.idx.proceed({ step: 'challenge-poll' }), 'challenge-poll');

  const { port, probed } = await loopback(challenge);
  assert.equal(port, challenge.ports![1]);
  assert.deepEqual(probed, challenge.ports);
  const done = await pollWhile(auth, 'challenge-poll');
  assert.equal(done.status, 'SUCCESS');
  const { idClaims } = await verifyTokens(sim, done.tokens, LOGIN);
  assert.ok(idClaims.amr?.includes('hwk'), 'a FastPass sign-in is proven by the device key');
  const device = await VirtualDevice.of(control, LOGIN);
  assert.deepEqual(await device.pendingPushes(), [], 'nothing was pushed');
});

test('desktop app off: no port answers, the cancel with OV_UNREACHABLE_BY_LOOPBACK brings a custom URI', async () => {
  const device = await VirtualDevice.of(control, LOGIN);
  await device.setDesktop({ on: false });
  const auth = createAuthClient(sim);
  const challenge = challengeOf(await startFastPass(auth));
  assert.equal((await loopback(challenge)).port, undefined);

  const fallback = await auth.idx.proceed({
    actions: [{ name: 'currentAuthenticator-cancel', params: { reason: 'OV_UNREACHABLE_BY_LOOPBACK' } }],
  } as Parameters<OktaAuth['idx']['proceed']>[0]);
  assertStep(fallback, 'challenge-poll');
  const custom = challengeOf(fallback);
  assert.equal(custom.challengeMethod, 'CUSTOM_URI');
  assert.match(custom.href ?? '', /^com-okta-authenticator:\/deviceChallenge\?challengeRequest=/);
  assert.match(custom.downloadHref ?? '', /^https:\/\//);

  assert.equal(await device.open(custom.href!), 'verified');
  const done = await pollWhile(auth, 'challenge-poll');
  assert.equal(done.status, 'SUCCESS');
  await verifyTokens(sim, done.tokens, LOGIN);
});

test('custom URI: Okta sends the link, the operating system opens it in Okta Verify', async () => {
  await control.withSettings({ fastPassMethod: 'CUSTOM_URI' }, async () => {
    const auth = createAuthClient(sim);
    const challenge = challengeOf(await startFastPass(auth));
    assert.equal(challenge.challengeMethod, 'CUSTOM_URI');
    assert.equal(challenge.challengeRequest, undefined);
    const device = await VirtualDevice.of(control, LOGIN);
    assert.equal(await device.open(challenge.href!), 'verified');
    assert.equal((await pollWhile(auth, 'challenge-poll')).status, 'SUCCESS');
  });
});

test('universal and app links carry the challenge in an https link; an app link has its own cancel form', async () => {
  for (const method of ['UNIVERSAL_LINK', 'APP_LINK'] as const) {
    await control.withSettings({ fastPassMethod: method }, async () => {
      const auth = createAuthClient(sim);
      const challenge = challengeOf(await startFastPass(auth)) as Challenge & { cancel?: { name: string } };
      assert.equal(challenge.challengeMethod, method);
      assert.match(challenge.href ?? '', /^http:\/\/127\.0\.0\.1:\d+\/.*challengeRequest=/);
      assert.equal(challenge.cancel?.name, method === 'APP_LINK' ? 'cancel-polling-transaction' : undefined);
      assert.equal(await (await VirtualDevice.of(control, LOGIN)).open(challenge.href!), 'verified');
      assert.equal((await pollWhile(auth, 'challenge-poll')).status, 'SUCCESS');
    });
  }
});

test('denied in Okta Verify: back to the choice of authenticator, with a message', async () => {
  const device = await VirtualDevice.of(control, LOGIN);
  await device.setDesktop({ deny: true });
  const auth = createAuthClient(sim);
  const challenge = challengeOf(await startFastPass(auth));
  assert.ok((await loopback(challenge)).port);
  const denied = await pollWhile(auth, 'challenge-poll');
  assertStep(denied, 'select-authenticator-authenticate', [
    'oie.okta_verify.signed_nonce.denied: Okta Verify did not confirm it is you: the sign-in was denied.',
  ]);
  assert.equal(messagesOf(denied).length, 1);
});

test('cancelled (another way): the cancel form returns to the choice; the old challenge no longer signs in', async () => {
  const auth = createAuthClient(sim);
  const challenge = challengeOf(await startFastPass(auth));
  const back = await auth.idx.proceed({
    actions: [{ name: 'currentAuthenticator-cancel', params: { reason: 'USER_CANCELED' } }],
  } as Parameters<OktaAuth['idx']['proceed']>[0]);
  assertStep(back, 'select-authenticator-authenticate');
  const base = `${challenge.domain}:${challenge.ports![1]}`;
  const late = await fetch(`${base}/challenge`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ challengeRequest: challenge.challengeRequest }),
  });
  assert.equal(late.status, 404, 'Okta no longer knows the challenge');
});

test('before identify: "Sign in with Okta FastPass" (launch-authenticator), a device challenge, tokens for the device’s user', async () => {
  await control.withSettings({ fastPassOnIdentify: true }, async () => {
    const auth = createAuthClient(sim);
    const started = await auth.idx.start();
    assert.deepEqual(
      started.neededToProceed.map((r) => r.name),
      ['identify', 'launch-authenticator'],
    );
    const launched = await auth.idx.proceed({ step: 'launch-authenticator' });
    assert.deepEqual(
      launched.neededToProceed.map((r) => r.name),
      ['device-challenge-poll'],
    );
    assert.ok(launched.actions['authenticatorChallenge-cancel'], 'the cancel form of the device challenge');
    const challenge = (launched.context as unknown as { authenticatorChallenge: { value: Challenge } })
      .authenticatorChallenge.value;
    assert.equal(challenge.challengeMethod, 'LOOPBACK');
    assert.ok((await loopback(challenge)).port);
    let done = await auth.idx.proceed({ step: 'device-challenge-poll' });
    for (let i = 0; done.status === 'PENDING' && i < 20; i++) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      done = await auth.idx.proceed({ step: 'device-challenge-poll' });
    }
    assert.equal(done.status, 'SUCCESS');
    const { idClaims } = await verifyTokens(sim, done.tokens, LOGIN);
    assert.ok(idClaims.amr?.includes('hwk'));
    assert.ok(!idClaims.amr?.includes('pwd'), 'no password was asked');
  });
});

test('before identify, cancelled: the device challenge’s cancel form returns to identify', async () => {
  await control.withSettings({ fastPassOnIdentify: true, fastPassMethod: 'CUSTOM_URI' }, async () => {
    const auth = createAuthClient(sim);
    await auth.idx.start();
    await auth.idx.proceed({ step: 'launch-authenticator' });
    const back = await auth.idx.proceed({
      actions: [{ name: 'authenticatorChallenge-cancel', params: { reason: 'USER_CANCELED' } }],
    });
    assert.equal(back.neededToProceed[0]?.name, 'identify');
  });
});
