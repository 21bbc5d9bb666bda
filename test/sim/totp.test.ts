/** Okta Verify TOTP through the real okta-auth-js: right, wrong, replayed codes and the lockout. */
import assert from 'node:assert/strict';
import { after, beforeEach, test } from 'node:test';
import type { IdxTransaction, OktaAuth } from '@okta/okta-auth-js/idx';
import { startSimulator } from 'ov-sim';
import { ControlApi, VirtualDevice } from 'ov-sim/client';
import { identify } from './support/flows.ts';
import { assertStep, assertTerminal, inputNames, optionValues } from './support/idx-assert.ts';
import { createAuthClient } from './support/sdk-client.ts';
import { verifyTokens } from './support/token-verifier.ts';

const sim = await startSimulator({ port: 0, config: { testing: true } });
after(() => sim.close());
const control = new ControlApi(sim);
beforeEach(() => control.reset());

const INVALID = 'api.authn.error.PASSCODE_INVALID: Invalid code. Try again.';
const LOCKED = 'errors.E0000069: Your account is locked because of too many authentication attempts.';

/** A six-digit code that is not `code` (nor, barring a one-in-a-million clash, a neighbour step's). */
function otherCode(code: string): string {
  return String((Number(code) + 500_000) % 1_000_000).padStart(6, '0');
}

/** totp@ has only TOTP: pick Okta Verify, then its one method. */
async function challengeTotpOnlyUser(auth: OktaAuth): Promise<IdxTransaction> {
  const identified = await identify(auth, 'totp@example.com');
  assertStep(identified, 'select-authenticator-authenticate');
  const selected = await auth.idx.proceed({ step: 'select-authenticator-authenticate', authenticator: 'okta_verify' });
  assert.deepEqual(optionValues(assertStep(selected, 'authenticator-verification-data'), 'methodType'), ['totp']);
  return auth.idx.proceed({ step: 'authenticator-verification-data', methodType: 'totp' });
}

/** push@ has both methods: pick Okta Verify and TOTP in one step, by authenticator id (okta-auth-js-notes.md §4.6). */
async function challengeTotpDirectly(auth: OktaAuth, login = 'push@example.com'): Promise<IdxTransaction> {
  const identified = await identify(auth, login);
  const id = identified.context.authenticators.value.find((authenticator) => authenticator.key === 'okta_verify')?.id;
  assert.ok(id);
  return auth.idx.proceed({ step: 'select-authenticator-authenticate', authenticator: { id, methodType: 'totp' } });
}

test('TOTP right: the code on the phone signs in', async () => {
  const auth = createAuthClient(sim);
  const challenge = await challengeTotpOnlyUser(auth);
  const step = assertStep(challenge, 'challenge-authenticator');
  assert.deepEqual(inputNames(step), ['credentials']);
  assert.equal(step.relatesTo?.value.key, 'okta_verify');
  assert.deepEqual(step.relatesTo?.value.methods, [{ type: 'totp' }]);

  const device = await VirtualDevice.of(control, 'totp@example.com');
  const done = await auth.idx.proceed({ step: 'challenge-authenticator', verificationCode: await device.totp() });
  assert.equal(done.status, 'SUCCESS');
  const { idClaims } = await verifyTokens(sim, done.tokens, 'totp@example.com');
  assert.ok(idClaims.amr?.includes('mfa'));
});

test('TOTP wrong then right: a field message on the same step, then success', async () => {
  const auth = createAuthClient(sim);
  assertStep(await challengeTotpDirectly(auth), 'challenge-authenticator');
  const device = await VirtualDevice.of(control, 'push@example.com');
  const code = await device.totp();

  const refused = await auth.idx.proceed({ step: 'challenge-authenticator', verificationCode: otherCode(code) });
  assertStep(refused, 'challenge-authenticator', [INVALID]);
  assert.equal(refused.requestDidSucceed, false);
  // After a failed step the SDK builds nextStep with its aliases (okta-auth-js-notes.md §6).
  assert.deepEqual(inputNames(refused.nextStep), ['verificationCode']);

  const done = await auth.idx.proceed({ step: 'challenge-authenticator', verificationCode: code });
  assert.equal(done.status, 'SUCCESS');
  await verifyTokens(sim, done.tokens, 'push@example.com');
});

test('TOTP replayed: a code that signed in once is refused on the next sign-in', async () => {
  const device = await VirtualDevice.of(control, 'push@example.com');
  const first = createAuthClient(sim);
  await challengeTotpDirectly(first);
  const code = await device.totp();
  assert.equal(
    (await first.idx.proceed({ step: 'challenge-authenticator', verificationCode: code })).status,
    'SUCCESS',
  );

  const second = createAuthClient(sim);
  await challengeTotpDirectly(second);
  const replayed = await second.idx.proceed({ step: 'challenge-authenticator', verificationCode: code });
  assertStep(replayed, 'challenge-authenticator', [INVALID]);
});

test('TOTP lockout: maxTotpFailures wrong codes end the sign-in and lock the user out', async () => {
  await control.withSettings({ maxTotpFailures: 3 }, async () => {
    const auth = createAuthClient(sim);
    await challengeTotpOnlyUser(auth);
    const code = await (await VirtualDevice.of(control, 'totp@example.com')).totp();
    for (let attempt = 1; attempt < 3; attempt++) {
      assertStep(
        await auth.idx.proceed({ step: 'challenge-authenticator', verificationCode: otherCode(code) }),
        'challenge-authenticator',
        [INVALID],
      );
    }
    const locked = await auth.idx.proceed({ step: 'challenge-authenticator', verificationCode: otherCode(code) });
    assertTerminal(locked, [LOCKED]);

    // Even the right password now gets the lockout, on the identify form.
    const again = await identify(createAuthClient(sim), 'totp@example.com');
    assertStep(again, 'identify', [LOCKED]);
    assert.equal(again.requestDidSucceed, false);
  });
});

test('TOTP lockout holds in a sign-in that was already waiting for a code: even the right code is refused', async () => {
  await control.withSettings({ maxTotpFailures: 2 }, async () => {
    const waiting = createAuthClient(sim);
    await challengeTotpOnlyUser(waiting);
    const guessing = createAuthClient(sim);
    await challengeTotpOnlyUser(guessing);
    const code = await (await VirtualDevice.of(control, 'totp@example.com')).totp();
    await guessing.idx.proceed({ step: 'challenge-authenticator', verificationCode: otherCode(code) });
    assertTerminal(await guessing.idx.proceed({ step: 'challenge-authenticator', verificationCode: otherCode(code) }), [
      LOCKED,
    ]);

    assertTerminal(await waiting.idx.proceed({ step: 'challenge-authenticator', verificationCode: code }), [LOCKED]);
  });
});
