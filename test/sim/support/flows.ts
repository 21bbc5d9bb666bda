/** Sign-in sequences several test files share, each step asserted as it goes. */
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import type { IdxTransaction, OktaAuth } from '@okta/okta-auth-js/idx';
import { DEMO_PASSWORD } from 'ov-sim';
import { assertStep, authenticatorKeys, optionValues } from './idx-assert.ts';

/** `start()` then the identify step with username and password on one form. */
export async function identify(auth: OktaAuth, login: string, password = DEMO_PASSWORD): Promise<IdxTransaction> {
  const started = await auth.idx.start();
  assert.equal(started.status, 'PENDING');
  assert.ok(
    started.availableSteps?.some((step) => step.name === 'identify'),
    'a new transaction starts with identify',
  );
  return auth.idx.proceed({ step: 'identify', username: login, password });
}

/** Password accepted, Okta Verify picked, then a push asked for: the browser now polls. */
export async function startPush(auth: OktaAuth, login: string): Promise<IdxTransaction> {
  const identified = await identify(auth, login);
  assert.deepEqual(authenticatorKeys(assertStep(identified, 'select-authenticator-authenticate')), ['okta_verify']);
  const selected = await auth.idx.proceed({ step: 'select-authenticator-authenticate', authenticator: 'okta_verify' });
  assert.deepEqual(optionValues(assertStep(selected, 'authenticator-verification-data'), 'methodType'), [
    'push',
    'totp',
  ]);
  const polling = await auth.idx.proceed({ step: 'authenticator-verification-data', methodType: 'push' });
  assertStep(polling, 'challenge-poll');
  return polling;
}

/**
 * Polls step `name` every `nextStep.refresh` ms, as the app's timer does in step mode, until the
 * transaction leaves it. Fails after `timeoutMs`.
 */
export async function pollWhile(
  auth: OktaAuth,
  name: 'challenge-poll' | 'enroll-poll',
  timeoutMs = 8000,
): Promise<IdxTransaction> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const transaction = await auth.idx.proceed({ step: name });
    if (transaction.status !== 'PENDING' || transaction.nextStep?.name !== name) return transaction;
    const refresh = transaction.nextStep.refresh;
    assert.ok(refresh && refresh > 0, `${name} without a refresh interval`);
    assert.ok(Date.now() + refresh < deadline, `still at ${name} after ${timeoutMs} ms`);
    await sleep(refresh);
  }
}
