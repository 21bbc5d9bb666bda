/**
 * The simulator listens on a port of the developer's machine, and its control API approves pushes
 * and reads TOTP codes (issue 16, finding 10): another site must not drive it with a form post
 * (CSRF), a page reaching it through DNS rebinding (a foreign `Host`) must not read it, and
 * `PATCH /sim/api/settings` must not change the prototype of the settings.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { after, before, beforeEach, test } from 'node:test';
import { startSimulator, type RunningSimulator } from 'ov-sim';
import { ControlApi } from 'ov-sim/client';

let sim: RunningSimulator;
let control: ControlApi;
before(async () => {
  sim = await startSimulator({ port: 0, allowedHosts: ['sim.test'], config: { testing: true } });
  control = new ControlApi(sim);
});
after(() => sim.close());
beforeEach(() => control.reset());

const FAULT = { kind: 'status', path: '/oauth2/default/v1/keys', status: 503 };

/** A raw request, so that `Host` can be any value (fetch sets it from the URL). */
function raw(
  method: string,
  path: string,
  headers: Record<string, string>,
  body = '',
): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(sim.url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function faultCount(): Promise<number> {
  return (await control.call<{ faults: unknown[] }>('GET', '/faults')).faults.length;
}

test('another site’s text/plain form post can neither add a fault nor reset the simulator (CSRF)', async () => {
  await control.call('POST', '/faults', FAULT);
  const form = { 'Content-Type': 'text/plain', Origin: 'https://attacker.example' };
  const added = await fetch(`${sim.url}/sim/api/faults`, {
    method: 'POST',
    headers: form,
    body: JSON.stringify(FAULT),
  });
  const reset = await fetch(`${sim.url}/sim/api/reset`, { method: 'POST', headers: form, body: 'x=1' });
  assert.deepEqual([added.status, reset.status], [403, 403]);
  assert.match(((await added.json()) as { error: string }).error, /Origin/);
  assert.equal(await faultCount(), 1, 'neither the hostile fault added nor the existing one reset');
});

test('a mutation needs Content-Type: application/json, even without an Origin', async () => {
  for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
    const refused = await fetch(`${sim.url}/sim/api/faults`, {
      method: 'POST',
      headers: { 'Content-Type': contentType },
      body: JSON.stringify(FAULT),
    });
    assert.equal(refused.status, 415, contentType);
    assert.match(((await refused.json()) as { error: string }).error, /application\/json/);
  }
  const bare = await fetch(`${sim.url}/sim/api/reset`, { method: 'POST' });
  assert.equal(bare.status, 415, 'no content type at all');
  assert.equal(await faultCount(), 0);
});

test('a mutation from a foreign Origin is refused even as JSON; the sim’s own origin, a trusted one and none pass', async () => {
  const post = (origin?: string) =>
    fetch(`${sim.url}/sim/api/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=utf-8', ...(origin && { Origin: origin }) },
      body: JSON.stringify(FAULT),
    });
  const statuses = [];
  for (const origin of ['https://attacker.example', 'null', 'http://localhost.attacker.example:8080'])
    statuses.push((await post(origin)).status);
  assert.deepEqual(statuses, [403, 403, 403]);
  assert.equal(await faultCount(), 0);
  // The simulator's own page, a page of the org's trusted (CORS) origins, and ov-sim/client in Node.
  for (const origin of [sim.url, 'http://localhost:5173', undefined]) assert.equal((await post(origin)).status, 200);
  assert.equal(await faultCount(), 3);
});

test('a foreign Host is refused (DNS rebinding): no TOTP code, no state, no push answered', async () => {
  const { port } = new URL(sim.url);
  const [deviceId] = (await control.call<{ deviceIds: string[] }>('GET', '/users/totp@example.com/devices')).deviceIds;
  for (const host of [`attacker.example:${port}`, 'attacker.example', `127.0.0.1.attacker.example:${port}`]) {
    for (const path of [`/sim/api/devices/${deviceId}/totp`, '/sim/api/state', '/.well-known/openid-configuration']) {
      const answer = await raw('GET', path, { Host: host });
      assert.equal(answer.status, 403, `${host} ${path}`);
      assert.doesNotMatch(answer.body, /"code"/);
      assert.match(answer.body, /--allowed-host/);
    }
    const approve = await raw(
      'POST',
      `/sim/api/devices/${deviceId}/pushes/x`,
      { Host: host, 'Content-Type': 'application/json' },
      '{"action":"approve"}',
    );
    assert.equal(approve.status, 403);
  }
  for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, 'LOCALHOST', `sim.test:${port}`])
    assert.equal((await raw('GET', `/sim/api/devices/${deviceId}/totp`, { Host: host })).status, 200, host);
});

test('PATCH /sim/api/settings skips __proto__, constructor and prototype', async () => {
  const patch = (body: string) => raw('PATCH', '/sim/api/settings', { 'Content-Type': 'application/json' }, body);
  const settings = sim.store.config.settings as unknown as Record<string, unknown>;
  const proto = await patch('{"__proto__": {"polluted": true}, "pushLifetimeMs": 4000}');
  assert.equal(proto.status, 200, proto.body);
  assert.equal(Object.getPrototypeOf(settings), Object.prototype, 'the prototype of the settings is unchanged');
  assert.equal(settings.polluted, undefined);
  assert.equal(settings.pushLifetimeMs, 4000, 'the other keys are applied');
  const others = await patch('{"constructor": {"prototype": {"polluted": true}}, "prototype": 1}');
  assert.equal(others.status, 200, others.body);
  assert.equal(settings.constructor, Object);
  assert.equal(Object.hasOwn(settings, 'prototype'), false);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
});

test('ov-sim warns when --host is not a loopback address', async () => {
  const cli = fileURLToPath(new URL('../../sim/cli.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', cli, '--port', '0', '--host', '0.0.0.0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  child.stderr.on('data', (chunk: Buffer) => (printed += String(chunk)));
  try {
    for await (const chunk of child.stdout) if (/listening on/.test((printed += String(chunk)))) break;
    assert.match(printed, /warning: .*0\.0\.0\.0.* not a loopback address/i);
    assert.match(printed, /--allowed-host/);
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
});
