/**
 * What `GET /sim/api/state` tells the /sim/ page and the demo's phone panel of FastPass: each desktop
 * app as it is now, and the challenge by custom URI or link a sign-in waits on, with the href to open
 * and the devices that may open it. Nothing else is listed: no loopback challenge, none replaced.
 */
import assert from 'node:assert/strict';
import { after, beforeEach, test } from 'node:test';
import type { IdxTransaction, OktaAuth } from '@okta/okta-auth-js/idx';
import { startSimulator } from 'ov-sim';
import { ControlApi, VirtualDevice, type StateView } from 'ov-sim/client';
import { identify, pollWhile } from './support/flows.ts';
import { assertStep } from './support/idx-assert.ts';
import { createAuthClient } from './support/sdk-client.ts';

const sim = await startSimulator({ port: 0, config: { testing: true } });
after(() => sim.close());
const control = new ControlApi(sim);
beforeEach(() => control.reset());

const LOGIN = 'fastpass@example.com';

function devicesOf(state: StateView, login: string) {
  const user = state.users.find((u) => u.login === login);
  assert.ok(user, `${login} in the state`);
  return user.devices;
}

async function startFastPass(auth: OktaAuth): Promise<IdxTransaction> {
  await identify(auth, LOGIN);
  await auth.idx.proceed({ step: 'select-authenticator-authenticate', authenticator: 'okta_verify' });
  const polling = await auth.idx.proceed({ step: 'authenticator-verification-data', methodType: 'signed_nonce' });
  assertStep(polling, 'challenge-poll');
  return polling;
}

function hrefOf(tx: IdxTransaction): string | undefined {
  const data = tx.context.currentAuthenticator?.value.contextualData as
    { challenge?: { value: { href?: string } } } | undefined;
  return data?.challenge?.value.href;
}

function cancel(auth: OktaAuth, reason: string): Promise<IdxTransaction> {
  return auth.idx.proceed({
    actions: [{ name: 'currentAuthenticator-cancel', params: { reason } }],
  } as Parameters<OktaAuth['idx']['proceed']>[0]);
}

test('each FastPass device shows its desktop app: on or off, approving or denying, its port once advertised', async () => {
  const [device] = devicesOf(await control.state(), LOGIN);
  assert.deepEqual(device?.desktop, { on: true, deny: false });
  assert.equal(devicesOf(await control.state(), 'push@example.com')[0]?.desktop, undefined, 'a phone has none');

  await startFastPass(createAuthClient(sim));
  const port = devicesOf(await control.state(), LOGIN)[0]?.desktop?.port;
  assert.ok(port && port > 0, 'the port the loopback challenge advertised');

  await control.setDesktop(device.id, { on: false, deny: true });
  assert.deepEqual(devicesOf(await control.state(), LOGIN)[0]?.desktop, { on: false, deny: true, port });
  assert.deepEqual((await control.state()).fastPass, [], 'a loopback challenge is not for a link to open');
});

test('a custom URI challenge waits in the state with its href; opened on the listed device, the sign-in ends', async () => {
  await control.withSettings({ fastPassMethod: 'CUSTOM_URI' }, async () => {
    const auth = createAuthClient(sim);
    const polling = await startFastPass(auth);
    const [waiting, ...others] = (await control.state()).fastPass;
    assert.equal(others.length, 0);
    const device = await VirtualDevice.of(control, LOGIN);
    assert.deepEqual(
      { ...waiting, id: undefined, expiresInSeconds: undefined },
      {
        id: undefined,
        login: LOGIN,
        method: 'CUSTOM_URI',
        href: hrefOf(polling),
        deviceIds: [device.id],
        expiresInSeconds: undefined,
      },
    );
    assert.ok(waiting!.expiresInSeconds > 0);
    assert.equal(await control.open(waiting!.deviceIds[0]!, waiting!.href), 'verified');
    assert.equal((await pollWhile(auth, 'challenge-poll')).status, 'SUCCESS');
    assert.deepEqual((await control.state()).fastPass, [], 'answered, it no longer waits');
  });
});

test('a universal link waits with its https href, opened the same way', async () => {
  await control.withSettings({ fastPassMethod: 'UNIVERSAL_LINK' }, async () => {
    const auth = createAuthClient(sim);
    const polling = await startFastPass(auth);
    const [waiting] = (await control.state()).fastPass;
    assert.equal(waiting?.method, 'UNIVERSAL_LINK');
    assert.equal(waiting.href, hrefOf(polling));
    assert.equal(await control.open(waiting.deviceIds[0]!, waiting.href), 'verified');
    assert.equal((await pollWhile(auth, 'challenge-poll')).status, 'SUCCESS');
  });
});

test('the fallback from loopback is listed once; a cancel for another way takes it off', async () => {
  const device = await VirtualDevice.of(control, LOGIN);
  await device.setDesktop({ on: false });
  const auth = createAuthClient(sim);
  await startFastPass(auth);
  const fallback = await cancel(auth, 'OV_UNREACHABLE_BY_LOOPBACK');
  assertStep(fallback, 'challenge-poll');
  const listed = (await control.state()).fastPass;
  assert.deepEqual(
    listed.map((c) => [c.method, c.href]),
    [['CUSTOM_URI', hrefOf(fallback)]],
  );
  assertStep(await cancel(auth, 'USER_CANCELED'), 'select-authenticator-authenticate');
  assert.deepEqual((await control.state()).fastPass, [], 'nothing waits after the cancel');
});

test('before identify, any desktop app may open the challenge, and no user is named yet', async () => {
  await control.withSettings({ fastPassOnIdentify: true, fastPassMethod: 'CUSTOM_URI' }, async () => {
    const auth = createAuthClient(sim);
    await auth.idx.start();
    await auth.idx.proceed({ step: 'launch-authenticator' });
    const [waiting] = (await control.state()).fastPass;
    assert.equal(waiting?.login, null);
    assert.deepEqual(waiting.deviceIds, [(await VirtualDevice.of(control, LOGIN)).id]);
  });
});
