/**
 * Puts each simulator response beside the real Okta response recorded for the same step and
 * compares their shapes: keys, JSON types, remediation names and order, relatesTo paths and, where
 * the recording's source states it, the HTTP status. The recordings are not in this repository;
 * test/sim/okta-shapes.json holds their digests (scripts/okta-shapes.ts, sim/shape.ts).
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEMO_PASSWORD, startSimulator } from 'ov-sim';
import { ALLOWED_DIFFERENCES } from './support/allowed-differences.ts';
import { compareShapes, unexplained } from './support/compare-shapes.ts';
import { ControlApi, VirtualDevice } from 'ov-sim/client';
import { get, IdxTransaction, interact, postIdx, type Reply } from 'ov-sim/idx-driver';
import { digest, type ShapeDigest } from 'ov-sim/shape';

const { digests } = JSON.parse(readFileSync(new URL('./okta-shapes.json', import.meta.url), 'utf8')) as {
  digests: Record<string, ShapeDigest>;
};

const sim = await startSimulator({
  port: 0,
  config: {
    testing: true,
    users: [
      { login: 'push@example.com' },
      { login: 'number@example.com', numberChallenge: true },
      { login: 'push-only@example.com', methods: ['push'] },
      { login: 'enroll@example.com', enrolled: false },
      { login: 'fastpass@example.com', methods: ['signed_nonce', 'push', 'totp'], desktop: true },
      { login: 'samedevice@example.com', enrolled: false, enrollChannel: 'samedevice' },
      { login: 'bootstrap@example.com', enrollChannel: 'devicebootstrap' },
    ],
  },
});
after(() => sim.close());
const control = new ControlApi(sim);
/** The push lifetime the expiry steps shorten to; they then wait twice as long before polling. */
const SHORT_LIFETIME_MS = 100;

async function signIn(login: string): Promise<IdxTransaction> {
  const tx = await IdxTransaction.start(sim);
  await tx.proceed('identify', { identifier: login, credentials: { passcode: DEMO_PASSWORD } });
  return tx;
}

async function chooseMethod(login: string, methodType?: 'push' | 'totp' | 'signed_nonce'): Promise<IdxTransaction> {
  const tx = await signIn(login);
  await tx.proceed('select-authenticator-authenticate', {
    authenticator: { id: tx.oktaVerifyId(), ...(methodType ? { methodType } : {}) },
  });
  return tx;
}

async function answerPush(login: string, action: 'approve' | 'reject'): Promise<IdxTransaction> {
  const tx = await chooseMethod(login, 'push');
  const device = await VirtualDevice.of(control, login);
  // The push sent last: earlier, unfinished sign-ins of the same user may still have one pending.
  const push = (await device.pendingPushes()).at(-1);
  assert.ok(push, `no push reached ${login}`);
  await (action === 'approve' ? device.approve(push) : device.reject(push));
  await tx.proceed('challenge-poll');
  return tx;
}

/** A push nobody answers within its (shortened) lifetime, then one more poll. */
async function unansweredPush(login: string, pushExpiry: 'resend' | 'terminal'): Promise<Reply> {
  return control.withSettings({ pushExpiry, pushLifetimeMs: SHORT_LIFETIME_MS }, async () => {
    const tx = await chooseMethod(login, 'push');
    await sleep(2 * SHORT_LIFETIME_MS);
    return tx.proceed('challenge-poll');
  });
}

/** Each user's code is good once per 30 s step, so tests that succeed with a code use different users. */
async function totpAnswer(login: string, correct: boolean): Promise<IdxTransaction> {
  const tx = await chooseMethod(login, 'totp');
  const code = await (await VirtualDevice.of(control, login)).totp();
  const wrong = String((Number(code) + 500_000) % 1_000_000).padStart(6, '0');
  await tx.proceed('challenge-authenticator', { credentials: { totp: correct ? code : wrong } });
  return tx;
}

const identifierFirst = <T>(run: () => Promise<T>) => control.withSettings({ passwordOnIdentify: false }, run);

async function enrollByQr(): Promise<IdxTransaction> {
  const tx = await signIn('enroll@example.com');
  await tx.proceed('select-authenticator-enroll', { authenticator: { id: tx.oktaVerifyId() } });
  return tx;
}

async function enrollChannel(channel: 'email' | 'sms'): Promise<IdxTransaction> {
  const tx = await enrollByQr();
  await tx.proceed('select-enrollment-channel', { authenticator: { id: tx.oktaVerifyId(), channel } });
  return tx;
}

const lastOf = (tx: IdxTransaction) => tx.last;

/** "Sign in with Okta FastPass" before identify: the device challenge by `fastPassMethod`. */
function deviceChallenge(fastPassMethod: 'LOOPBACK' | 'CUSTOM_URI'): Promise<Reply> {
  return control.withSettings({ fastPassOnIdentify: true, fastPassMethod }, async () =>
    (await IdxTransaction.start(sim)).proceed('launch-authenticator', {}),
  );
}

/** Okta Verify by FastPass (signed_nonce), the challenge reaching it by `fastPassMethod`. */
function fastPass(fastPassMethod: 'LOOPBACK' | 'CUSTOM_URI' | 'UNIVERSAL_LINK' | 'APP_LINK'): () => Promise<Reply> {
  return () =>
    control.withSettings({ fastPassMethod }, async () =>
      lastOf(await chooseMethod('fastpass@example.com', 'signed_nonce')),
    );
}

interface ComparedStep {
  fixture: string;
  /** How the simulator is brought to the recorded step. */
  step: string;
  reach: () => Promise<Reply>;
}

const COMPARED: ComparedStep[] = [
  {
    fixture: '01-oauth2-well-known-openid-configuration',
    step: 'GET the default server discovery document',
    reach: () => get(`${sim.issuer}/.well-known/openid-configuration`),
  },
  {
    fixture: '02-oauth2-interact',
    step: 'POST /v1/interact with a PKCE S256 challenge',
    reach: () => interact(sim, 'a'.repeat(43)),
  },
  {
    fixture: '03-oauth2-interact-error-400-unauthorized-client',
    step: '/v1/interact refused (the simulator refuses an unknown client; it has no client without the interaction_code grant)',
    reach: () => interact(sim, 'a'.repeat(43), 'unknown-client'),
  },
  {
    fixture: '04-oauth2-token-interaction-code',
    step: 'interaction_code grant after an approved push',
    reach: async () => (await answerPush('push@example.com', 'approve')).token(),
  },
  { fixture: '05-oauth2-keys-jwks', step: 'GET /v1/keys', reach: () => get(`${sim.issuer}/v1/keys`) },
  {
    fixture: '06-oauth2-token-error-invalid-grant-pkce',
    step: 'interaction_code grant with the wrong code_verifier',
    reach: async () => (await answerPush('push@example.com', 'approve')).token('b'.repeat(43)),
  },
  {
    fixture: '10-introspect-identify-with-password',
    step: 'introspect a new transaction (password on the identify form)',
    reach: async () => lastOf(await IdxTransaction.start(sim)),
  },
  {
    fixture: '11-introspect-identify-identifier-only',
    step: 'introspect a new transaction (identifier first)',
    reach: () => identifierFirst(async () => lastOf(await IdxTransaction.start(sim))),
  },
  {
    fixture: '12-identify-challenge-authenticator-password',
    step: 'identify (identifier first) → password challenge-authenticator',
    reach: () =>
      identifierFirst(async () => {
        const tx = await IdxTransaction.start(sim);
        return tx.proceed('identify', { identifier: 'push@example.com' });
      }),
  },
  {
    fixture: '13-challenge-answer-password-success-interaction-code',
    step: 'challenge/answer → successWithInteractionCode (reached with an Okta Verify code: the simulated policy always asks for Okta Verify after the password)',
    reach: async () => lastOf(await totpAnswer('number@example.com', true)),
  },
  {
    fixture: '14-challenge-answer-password-incorrect',
    step: 'challenge/answer with a wrong password (identifier first)',
    reach: () =>
      identifierFirst(async () => {
        const tx = await IdxTransaction.start(sim);
        await tx.proceed('identify', { identifier: 'push@example.com' });
        return tx.proceed('challenge-authenticator', { credentials: { passcode: 'not the password' } });
      }),
  },
  {
    fixture: '15-identify-wrong-password-authentication-failed',
    step: 'identify with a wrong password',
    reach: async () =>
      (await IdxTransaction.start(sim)).proceed('identify', {
        identifier: 'push@example.com',
        credentials: { passcode: 'not the password' },
      }),
  },
  {
    fixture: '20-identify-select-authenticator-authenticate-ov',
    step: 'identify a user with Okta Verify → select-authenticator-authenticate',
    reach: async () => lastOf(await signIn('push@example.com')),
  },
  {
    fixture: '21-challenge-ov-authenticator-verification-data-push-or-totp',
    step: 'select Okta Verify without a method (push and totp) → authenticator-verification-data',
    reach: async () => lastOf(await chooseMethod('push@example.com')),
  },
  {
    fixture: '22-challenge-ov-authenticator-verification-data-push-only',
    step: 'select Okta Verify without a method (push only) → authenticator-verification-data',
    reach: async () => lastOf(await chooseMethod('push-only@example.com')),
  },
  {
    fixture: '23-challenge-ov-push-challenge-poll',
    step: 'select Okta Verify push → challenge-poll',
    reach: async () => lastOf(await chooseMethod('push@example.com', 'push')),
  },
  {
    fixture: '24-challenge-ov-push-number-challenge',
    step: 'select Okta Verify push, number challenge → challenge-poll with correctAnswer',
    reach: async () => lastOf(await chooseMethod('number@example.com', 'push')),
  },
  {
    fixture: '25-challenge-ov-push-number-challenge-kotlin',
    step: 'select Okta Verify push, number challenge → challenge-poll with correctAnswer',
    reach: async () => lastOf(await chooseMethod('number@example.com', 'push')),
  },
  {
    fixture: '26-poll-ov-push-approved-success-interaction-code',
    step: 'poll after the push was approved → successWithInteractionCode',
    reach: async () => lastOf(await answerPush('push@example.com', 'approve')),
  },
  {
    fixture: '27-poll-ov-push-rejected',
    step: 'poll after the push was rejected → resend',
    reach: async () => lastOf(await answerPush('push@example.com', 'reject')),
  },
  {
    fixture: '28-poll-ov-push-expired-resend',
    step: 'poll after the push expired (pushExpiry "resend") → resend',
    reach: () => unansweredPush('number@example.com', 'resend'),
  },
  {
    fixture: '29-challenge-ov-totp-challenge-authenticator',
    step: 'select Okta Verify totp → challenge-authenticator',
    reach: async () => lastOf(await chooseMethod('push@example.com', 'totp')),
  },
  {
    fixture: '30-challenge-answer-ov-totp-invalid',
    step: 'challenge/answer with a wrong Okta Verify code',
    reach: async () => lastOf(await totpAnswer('push@example.com', false)),
  },
  {
    fixture: '31-challenge-answer-success-interaction-code',
    step: 'challenge/answer with the right Okta Verify code → successWithInteractionCode',
    reach: async () => lastOf(await totpAnswer('push@example.com', true)),
  },
  {
    fixture: '40-select-authenticator-enroll',
    step: 'identify a user without Okta Verify → select-authenticator-enroll',
    reach: async () => lastOf(await signIn('enroll@example.com')),
  },
  {
    fixture: '41-credential-enroll-ov-qr-enroll-poll',
    step: 'enroll Okta Verify → QR enroll-poll',
    reach: async () => lastOf(await enrollByQr()),
  },
  {
    fixture: '42-credential-enroll-ov-qr-enroll-poll-kotlin',
    step: 'enroll Okta Verify → QR enroll-poll',
    reach: async () => lastOf(await enrollByQr()),
  },
  {
    fixture: '43-credential-enroll-ov-qr-enroll-poll-with-skip-swift',
    step: 'enroll Okta Verify → QR enroll-poll',
    reach: async () => lastOf(await enrollByQr()),
  },
  {
    fixture: '44-select-enrollment-channel-email',
    step: 'select-enrollment-channel email → enrollment-channel-data',
    reach: async () => lastOf(await enrollChannel('email')),
  },
  {
    fixture: '45-select-enrollment-channel-sms',
    step: 'select-enrollment-channel sms → enrollment-channel-data',
    reach: async () => lastOf(await enrollChannel('sms')),
  },
  {
    fixture: '46-enrollment-channel-data-email-enroll-poll',
    step: 'enrollment-channel-data email → enroll-poll',
    reach: async () =>
      (await enrollChannel('email')).proceed('enrollment-channel-data', { email: 'enroll@example.com' }),
  },
  {
    fixture: '47-enrollment-channel-data-sms-enroll-poll',
    step: 'enrollment-channel-data phoneNumber → enroll-poll',
    reach: async () => (await enrollChannel('sms')).proceed('enrollment-channel-data', { phoneNumber: '+15555550100' }),
  },
  {
    fixture: '50-cancel-returns-new-identify',
    step: 'cancel at select-authenticator-authenticate → a new identify',
    reach: async () => (await signIn('push@example.com')).cancel(),
  },
  {
    fixture: '51-terminal-401-session-expired',
    step: 'introspect an unknown interaction handle',
    reach: () => postIdx(`${sim.url}/idp/idx/introspect`, { interactionHandle: 'no-such-handle' }),
  },
  {
    fixture: '52-terminal-introspect-session-expired-minimal',
    step: 'introspect an unknown interaction handle',
    reach: () => postIdx(`${sim.url}/idp/idx/introspect`, { interactionHandle: 'no-such-handle' }),
  },
  {
    fixture: '53-terminal-404-verification-timed-out',
    step: 'poll after the push expired (pushExpiry "terminal") → terminal',
    reach: () => unansweredPush('push@example.com', 'terminal'),
  },
  {
    fixture: '60-identify-with-device-probing-loopback',
    step: 'identify offers launch-authenticator (fastPassOnIdentify) → device-challenge-poll, LOOPBACK',
    reach: () => deviceChallenge('LOOPBACK'),
  },
  {
    fixture: '61-identify-with-device-launch-authenticator',
    step: 'identify offers launch-authenticator (fastPassOnIdentify, CUSTOM_URI) → device-challenge-poll',
    reach: () => deviceChallenge('CUSTOM_URI'),
  },
  {
    fixture: '62-authenticator-verification-okta-verify-signed-nonce-loopback',
    step: 'select Okta Verify signed_nonce (FastPass) → challenge-poll with a LOOPBACK challenge',
    reach: fastPass('LOOPBACK'),
  },
  {
    fixture: '63-authenticator-verification-okta-verify-signed-nonce-custom-uri',
    step: 'select Okta Verify signed_nonce (fastPassMethod CUSTOM_URI) → challenge-poll with a CUSTOM_URI challenge',
    reach: fastPass('CUSTOM_URI'),
  },
  {
    fixture: '64-authenticator-verification-okta-verify-signed-nonce-universal-link',
    step: 'select Okta Verify signed_nonce (fastPassMethod UNIVERSAL_LINK) → challenge-poll with a UNIVERSAL_LINK challenge',
    reach: fastPass('UNIVERSAL_LINK'),
  },
  {
    fixture: '65-authenticator-verification-okta-verify-signed-nonce-app-link',
    step: 'select Okta Verify signed_nonce (fastPassMethod APP_LINK) → challenge-poll with an APP_LINK challenge',
    reach: fastPass('APP_LINK'),
  },
  {
    fixture: '66-authenticator-enroll-ov-same-device',
    step: 'enroll Okta Verify where the policy offers samedevice → enroll-poll',
    reach: async () => {
      const tx = await signIn('samedevice@example.com');
      return tx.proceed('select-authenticator-enroll', { authenticator: { id: tx.oktaVerifyId() } });
    },
  },
  {
    fixture: '67-authenticator-enroll-ov-device-bootstrap',
    step: 'enroll Okta Verify where the policy offers devicebootstrap → enroll-poll',
    reach: async () => {
      const tx = await signIn('bootstrap@example.com');
      return tx.proceed('select-authenticator-enroll', { authenticator: { id: tx.oktaVerifyId() } });
    },
  },
];

/** Recorded steps the simulator deliberately does not produce. */
const NOT_SIMULATED: Array<{ fixture: string; reason: string }> = [
  {
    fixture: '48-enroll-poll-ov-enrolled-next-select-authenticator-enroll',
    reason:
      'the simulated policy has no authenticator after Okta Verify: the poll after enrollment answers success (the shape 26 and 31 check)',
  },
  {
    fixture: '54-terminal-polling-window-expired',
    reason:
      'a 2020 recording (E0000010); the simulator ends an unanswered push or enrollment with the 2024 "verification timed out" terminal of 53',
  },
  { fixture: '55-error-429-too-many-requests', reason: 'the simulator does not rate-limit' },
  {
    fixture: '68-authenticator-verification-custom-app-push',
    reason:
      'the simulated org’s only push authenticator is Okta Verify; a custom push authenticator (custom_app) is not simulated (the widget is tested on its shape)',
  },
  {
    fixture: '56-success-redirect-remediation',
    reason: 'success-redirect belongs to Okta-hosted and redirect flows, not the embedded interaction_code flow',
  },
];

for (const { fixture, step, reach } of COMPARED) {
  test(`${fixture}: ${step}`, async () => {
    const okta = digests[fixture];
    assert.ok(okta, `no digest for ${fixture} in okta-shapes.json`);
    const response = await reach();
    const differences = compareShapes(okta, digest(response.body, response.status));
    assert.deepEqual(unexplained(fixture.slice(0, 2), differences, ALLOWED_DIFFERENCES), []);
  });
}

for (const { fixture, reason } of NOT_SIMULATED) test(`${fixture}: not simulated`, { skip: reason }, () => {});

test('every recorded fixture is compared or skipped with a reason', () => {
  const accounted = [...COMPARED, ...NOT_SIMULATED].map(({ fixture }) => fixture);
  assert.deepEqual([...new Set(accounted)].sort(), Object.keys(digests).sort());
});
