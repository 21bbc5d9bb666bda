import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { startSimulator } from 'ov-sim';

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
