/**
 * Okta FastPass through Apple's SSO extension, with the real okta-auth-js: the simulator
 * (`fastPassMethod: APPLE_SSO_EXTENSION`) answers the choice of FastPass with
 * `device-apple-sso-extension`; the test posts it as the widget does, and the simulator plays the
 * extension with the user's desktop app. Its shapes are compared with Okta's playground responses
 * that the browser replay test uses (test/browser/replay/responses/).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, beforeEach, test } from 'node:test';
import type { IdxTransaction as SdkTransaction, OktaAuth } from '@okta/okta-auth-js/idx';
import { DEMO_PASSWORD, startSimulator } from 'ov-sim';
import { IdxTransaction, type Reply } from 'ov-sim/idx-driver';
import { ControlApi, VirtualDevice } from 'ov-sim/client';
import { digest } from 'ov-sim/shape';
import { compareShapes, type Difference } from './support/compare-shapes.ts';
import { identify } from './support/flows.ts';
import { assertStep } from './support/idx-assert.ts';
import { createAuthClient } from './support/sdk-client.ts';
import { verifyTokens } from './support/token-verifier.ts';

const sim = await startSimulator({ port: 0, config: { testing: true } });
after(() => sim.close());
const control = new ControlApi(sim);
beforeEach(async () => {
  await control.reset();
  await control.patchSettings({ fastPassMethod: 'APPLE_SSO_EXTENSION' });
});

const LOGIN = 'fastpass@example.com';
const VERIFY_HREF = /\/idp\/idx\/authenticators\/sso_extension\/transactions\/[^/]+\/verify$/;

function recorded(file: string): Record<string, unknown> {
  const url = new URL(`../browser/replay/responses/${file}`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as Record<string, unknown>;
}

/**
 * Where the simulator's shape differs from these recordings on purpose: its org has only the
 * password and Okta Verify; its choice of authenticator is the one every other simulated step
 * sends (fixtures 20–28: options nest `value.form`, relate to `authenticators`); its current
 * authenticator lists its methods, as in every FastPass challenge-poll (fixtures 62–65); and it
 * names the user, as every simulated step after identify does. The playground recording of the
 * form leaves out `produces`, which Okta's 401 recording and every recorded org response carry.
 */
const KEPT: Array<{ kind: Difference['kind']; path: RegExp }> = [
  { kind: 'missing', path: /okta_password|\[password\]/ },
  { kind: 'missing', path: /options\[okta_verify\]\.form$/ },
  { kind: 'extra', path: /options\[okta_verify\]\.value$/ },
  { kind: 'type', path: /options\[okta_verify\]\.relatesTo$/ },
  { kind: 'extra', path: /^currentAuthenticator\.value\.methods$/ },
  { kind: 'extra', path: /^user$/ },
  { kind: 'extra', path: /\.produces$/ },
];

function unexplained(differences: Difference[]): Difference[] {
  return differences.filter((d) => !KEPT.some((k) => k.kind === d.kind && k.path.test(d.path)));
}

/** Password, then Okta Verify's FastPass: Okta answers with the SSO extension's form. */
async function chooseFastPass(auth: OktaAuth): Promise<SdkTransaction> {
  assertStep(await identify(auth, LOGIN), 'select-authenticator-authenticate');
  await auth.idx.proceed({ step: 'select-authenticator-authenticate', authenticator: 'okta_verify' });
  const extension = await auth.idx.proceed({ step: 'authenticator-verification-data', methodType: 'signed_nonce' });
  assert.deepEqual(
    extension.neededToProceed.map((r) => r.name),
    ['device-apple-sso-extension', 'select-authenticator-authenticate'],
  );
  const form = extension.neededToProceed[0]!;
  assert.equal(form.method, 'POST');
  assert.match(form.href ?? '', VERIFY_HREF);
  assert.deepEqual(
    form.value?.map((f) => f.name),
    ['stateHandle'],
  );
  const challenge = (
    extension.context.currentAuthenticator?.value.contextualData as { challenge?: { value: unknown } } | undefined
  )?.challenge?.value;
  assert.deepEqual(challenge, { challengeMethod: 'APPLE_SSO_EXTENSION' });
  return extension;
}

test('the extension answers: the one POST to verify signs in, with the device key', async () => {
  const auth = createAuthClient(sim);
  await chooseFastPass(auth);
  const done = await auth.idx.proceed({ step: 'device-apple-sso-extension' });
  assert.equal(done.status, 'SUCCESS');
  const { idClaims } = await verifyTokens(sim, done.tokens, LOGIN);
  assert.ok(idClaims.amr?.includes('hwk'), 'a FastPass sign-in is proven by the device key');
  assert.deepEqual(await (await VirtualDevice.of(control, LOGIN)).pendingPushes(), [], 'nothing was pushed');
});

for (const [why, change] of [
  ['no extension answers (desktop app off)', { on: false }],
  ['the user denies', { deny: true }],
] as const) {
  test(`${why}: Okta's 401 offers only cancel-transaction, which returns to the choice of authenticator`, async () => {
    await (await VirtualDevice.of(control, LOGIN)).setDesktop(change);
    const auth = createAuthClient(sim);
    await chooseFastPass(auth);
    const failed = await auth.idx.proceed({ step: 'device-apple-sso-extension' });
    assert.equal(failed.status, 'PENDING');
    assert.deepEqual(
      failed.neededToProceed.map((r) => r.name),
      ['cancel-transaction'],
    );
    assert.match(failed.neededToProceed[0]!.href ?? '', /\/verify\/cancel$/);
    const back = await auth.idx.proceed({ step: 'cancel-transaction' });
    assertStep(back, 'select-authenticator-authenticate');
    // Another way still works: the push.
    await auth.idx.proceed({ step: 'select-authenticator-authenticate', authenticator: 'okta_verify' });
    const push = await auth.idx.proceed({ step: 'authenticator-verification-data', methodType: 'push' });
    assertStep(push, 'challenge-poll');
    assert.equal(push.status, 'PENDING');
  });
}

test('the /sim/ state lists no link to open for it: the page reaches the extension itself', async () => {
  const auth = createAuthClient(sim);
  await chooseFastPass(auth);
  const state = await control.state();
  const transactions = state.transactions as Array<{ step: string }>;
  assert.ok(transactions.some((t) => t.step === 'sso-extension'));
  assert.deepEqual(state.fastPass, []);
});

test('a stale challenge id is refused, the transaction stays at the extension', async () => {
  const auth = createAuthClient(sim);
  const extension = await chooseFastPass(auth);
  const href = extension.neededToProceed[0]!.href!.replace(/transactions\/[^/]+\//, 'transactions/ftt000000/');
  const response = await fetch(href, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json; okta-version=1.0.0' },
    body: JSON.stringify({ stateHandle: extension.context.stateHandle }),
  });
  assert.equal(response.status, 400);
  const body = (await response.json()) as { remediation: { value: Array<{ name: string }> } };
  assert.equal(body.remediation.value[0]!.name, 'device-apple-sso-extension');
});

/** The raw IDX answers, as the structure test reads them: password, FastPass, then the extension's POST. */
async function rawExtension(): Promise<{ form: Reply; failed: Reply }> {
  const tx = await IdxTransaction.start(sim);
  await tx.proceed('identify', { identifier: LOGIN, credentials: { passcode: DEMO_PASSWORD } });
  const form = await tx.proceed('select-authenticator-authenticate', {
    authenticator: { id: tx.oktaVerifyId(), methodType: 'signed_nonce' },
  });
  await (await VirtualDevice.of(control, LOGIN)).setDesktop({ on: false });
  const failed = await tx.proceed('device-apple-sso-extension');
  return { form, failed };
}

test("the shapes match Okta's: the extension's form, and the 401 after it failed", async () => {
  const { form, failed } = await rawExtension();
  const okta = digest(
    recorded('authenticator-verification-okta-verify-signed-nonce-credential-sso-extension.json'),
    200,
  );
  assert.deepEqual(unexplained(compareShapes(okta, digest(form.body, form.status))), []);
  const oktaFailed = digest(recorded('error-401-okta-verify-apple-sso-step-up.json'), 401);
  assert.deepEqual(unexplained(compareShapes(oktaFailed, digest(failed.body, failed.status))), []);
});
