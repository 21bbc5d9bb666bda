/**
 * Device assurance in its grace period, as the real okta-auth-js meets it: after the password Okta
 * warns what to fix and by when (`device-assurance-grace-period`, shaped as Okta's playground
 * response), and Continue (`/idp/idx/skip`) goes on to Okta Verify and a sign-in.
 */
import assert from 'node:assert/strict';
import { after, beforeEach, test } from 'node:test';
import { startSimulator } from 'ov-sim';
import { ControlApi, VirtualDevice } from 'ov-sim/client';
import { identify, pollWhile } from './support/flows.ts';
import { assertStep } from './support/idx-assert.ts';
import { createAuthClient } from './support/sdk-client.ts';

const sim = await startSimulator({ port: 0, config: { testing: true } });
after(() => sim.close());
const control = new ControlApi(sim);
beforeEach(() => control.reset());

const LOGIN = 'graceperiod@example.com';

test('the grace-period warning after the password, Continue, then Okta Verify signs in', async () => {
  const auth = createAuthClient(sim);
  const warned = await identify(auth, LOGIN);
  assert.equal(warned.nextStep?.name, 'device-assurance-grace-period');
  const messages = warned.messages ?? [];
  assert.deepEqual(
    messages.map((m) => [m.class, m.i18n.key]),
    [
      ['WARNING', 'idx.device_assurance.grace_period.warning.title.due_by_date'],
      ['ERROR', 'idx.error.code.access_denied.device_assurance.remediation.upgrade_os_version'],
    ],
  );
  assert.match(messages[0]!.message, /Fix the issue by .+ UTC to prevent lockout\./);
  assert.deepEqual(
    warned.neededToProceed.map((r) => [r.name, r.href?.endsWith('/idp/idx/skip')]),
    [['device-assurance-grace-period', true]],
  );

  const next = await auth.idx.proceed({ step: 'device-assurance-grace-period' });
  assertStep(next, 'select-authenticator-authenticate');
  await auth.idx.proceed({ step: 'select-authenticator-authenticate', authenticator: 'okta_verify' });
  await auth.idx.proceed({ step: 'authenticator-verification-data', methodType: 'push' });
  const device = await VirtualDevice.of(control, LOGIN);
  await device.approve(await device.onlyPush());
  assert.equal((await pollWhile(auth, 'challenge-poll')).status, 'SUCCESS');
});

test('the warning comes once per sign-in, and /idp/idx/skip is refused at any other step', async () => {
  const auth = createAuthClient(sim);
  assert.equal((await identify(auth, LOGIN)).nextStep?.name, 'device-assurance-grace-period');
  const next = await auth.idx.proceed({ step: 'device-assurance-grace-period' });
  assertStep(next, 'select-authenticator-authenticate');
  const stateHandle = next.context.stateHandle;
  const refused = await fetch(`${sim.url}/idp/idx/skip`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/ion+json; okta-version=1.0.0',
      Accept: 'application/ion+json; okta-version=1.0.0',
    },
    body: JSON.stringify({ stateHandle }),
  });
  assert.equal(refused.status >= 400, true, `skip at another step answered ${refused.status}`);
});
