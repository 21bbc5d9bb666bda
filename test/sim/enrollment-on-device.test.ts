/**
 * Okta Verify enrolment without a QR code, through the real okta-auth-js: set up on this device
 * (`samedevice`) and added from a device that already has Okta Verify (`devicebootstrap`).
 */
import assert from 'node:assert/strict';
import { after, beforeEach, test } from 'node:test';
import type { OktaAuth } from '@okta/okta-auth-js/idx';
import { startSimulator } from 'ov-sim';
import { ControlApi } from 'ov-sim/client';
import { identify, pollWhile } from './support/flows.ts';
import { assertStep, currentContextualData, optionValues } from './support/idx-assert.ts';
import { createAuthClient } from './support/sdk-client.ts';
import { verifyTokens } from './support/token-verifier.ts';

const sim = await startSimulator({ port: 0, config: { testing: true } });
after(() => sim.close());
const control = new ControlApi(sim);
beforeEach(() => control.reset());

async function enrolOnly(auth: OktaAuth, login: string, channel: string) {
  const picked = assertStep(await identify(auth, login), 'select-authenticator-enroll');
  assert.deepEqual(optionValues(picked, 'channel'), [channel], 'the policy offers this channel alone');
  const polling = await auth.idx.proceed({ step: 'select-authenticator-enroll', authenticator: 'okta_verify' });
  assertStep(polling, 'enroll-poll');
  const data = currentContextualData(polling) as Record<string, unknown>;
  assert.equal(data.selectedChannel, channel);
  assert.equal(data.qrcode, undefined, 'no QR code');
  return data;
}

test('same device: the org URL, the download link and the platform; Okta Verify adds the account', async () => {
  const auth = createAuthClient(sim);
  const login = 'samedevice@example.com';
  const data = await enrolOnly(auth, login, 'samedevice');
  const same = data.samedevice as { orgUrl: string; downloadHref: string; platform: string };
  assert.equal(same.orgUrl, new URL(sim.url).host);
  assert.match(same.downloadHref, /^https:\/\//);
  assert.equal(typeof same.platform, 'string');
  assertStep(await auth.idx.proceed({ step: 'enroll-poll' }), 'enroll-poll');

  const deviceId = await control.addAccount(login);
  assert.deepEqual(await control.deviceIds(login), [deviceId]);
  const done = await pollWhile(auth, 'enroll-poll');
  assert.equal(done.status, 'SUCCESS');
  await verifyTokens(sim, done.tokens, login);
});

test('device bootstrap: the devices that have Okta Verify by name; the account is added there', async () => {
  const auth = createAuthClient(sim);
  const login = 'bootstrap@example.com';
  const data = await enrolOnly(auth, login, 'devicebootstrap');
  const bootstrap = data.devicebootstrap as { enrolledDevices: string | string[] };
  assert.equal(bootstrap.enrolledDevices, 'Virtual Okta Verify');
  await control.addAccount(login);
  const done = await pollWhile(auth, 'enroll-poll');
  assert.equal(done.status, 'SUCCESS');
  await verifyTokens(sim, done.tokens, login);
});

test('add-account with no sign-in waiting for it is refused', async () => {
  await assert.rejects(control.addAccount('samedevice@example.com'), /409/);
});
