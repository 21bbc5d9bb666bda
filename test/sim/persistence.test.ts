import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { DEMO_CLIENT_ID, startSimulator } from 'ov-sim';
import type { RunningSimulator } from 'ov-sim';
import { ControlApi, VirtualDevice } from 'ov-sim/client';
import { pollWhile, startPush } from './support/flows.ts';
import { createAuthClient } from './support/sdk-client.ts';

const dir = mkdtempSync(join(tmpdir(), 'ov-sim-data-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function snapshot(dataFile: string) {
  const sim = await startSimulator({ port: 0, dataFile });
  try {
    const get = async (path: string) => (await fetch(`${sim.url}${path}`)).json();
    const { deviceIds } = (await get('/sim/api/users/push@example.com/devices')) as { deviceIds: string[] };
    const at = Date.now();
    const { code } = (await get(`/sim/api/devices/${deviceIds[0]}/totp`)) as { code: string };
    const { keys } = (await get('/oauth2/default/v1/keys')) as { keys: [{ kid: string; n: string }] };
    return { deviceIds, code, step: Math.floor(at / 30_000), key: keys[0] };
  } finally {
    await sim.close();
  }
}

test('--data keeps devices, their TOTP secrets and the signing key across a restart', async () => {
  const dataFile = join(dir, 'kept.json');
  const first = await snapshot(dataFile);
  const second = await snapshot(dataFile);
  assert.equal(first.deviceIds.length, 1);
  assert.deepEqual(second.deviceIds, first.deviceIds);
  assert.deepEqual(second.key, first.key);
  // The same secret gives the same code within one 30 s step (a step boundary between the two is rare).
  if (second.step === first.step) assert.equal(second.code, first.code);
});

test('without --data every start is a new org', async () => {
  const first = await snapshot(join(dir, 'a.json'));
  const second = await snapshot(join(dir, 'b.json'));
  assert.notDeepEqual(second.deviceIds, first.deviceIds);
  assert.notEqual(second.key.n, first.key.n);
});

test('--data keeps refresh tokens and revocations: a revoked access token stays revoked after a restart', async () => {
  const dataFile = join(dir, 'tokens.json');
  let sim = await startSimulator({ port: 0, dataFile, config: { testing: true } });
  // The issuer names the port: the restarted simulator must be the same org at the same address.
  const port = Number(new URL(sim.url).port);
  let revoked: string;
  let kept: string;
  let refreshToken: string;
  try {
    const auth = createAuthClient(sim, undefined, { scopes: ['openid', 'offline_access'] });
    await startPush(auth, 'push@example.com');
    const device = await VirtualDevice.of(new ControlApi(sim), 'push@example.com');
    await device.approve(await device.onlyPush());
    const { tokens } = await pollWhile(auth, 'challenge-poll');
    revoked = tokens!.accessToken!.accessToken;
    refreshToken = tokens!.refreshToken!.refreshToken;
    kept = String((await refresh(sim, refreshToken)).access_token);
    await tokenCall(sim, '/v1/revoke', { token: revoked });
    assert.equal((await tokenCall(sim, '/v1/introspect', { token: revoked })).active, false);
  } finally {
    await sim.close();
  }
  sim = await startSimulator({ port, dataFile, config: { testing: true } });
  try {
    assert.equal((await tokenCall(sim, '/v1/introspect', { token: kept })).active, true, 'the same org');
    assert.equal((await tokenCall(sim, '/v1/introspect', { token: revoked })).active, false, 'still revoked');
    const refreshed = await refresh(sim, refreshToken);
    assert.equal(typeof refreshed.access_token, 'string', JSON.stringify(refreshed));
  } finally {
    await sim.close();
  }
});

const refresh = (sim: RunningSimulator, token: string) =>
  tokenCall(sim, '/v1/token', { grant_type: 'refresh_token', refresh_token: token, scope: 'openid offline_access' });

/** A form POST to an OAuth endpoint of the default server, as the demo's public client. */
async function tokenCall(
  sim: RunningSimulator,
  path: string,
  fields: Record<string, string>,
): Promise<Record<string, unknown>> {
  const response = await fetch(`${sim.issuer}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams({ client_id: DEMO_CLIENT_ID, ...fields }),
  });
  const text = await response.text();
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}
