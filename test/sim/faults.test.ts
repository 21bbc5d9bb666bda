import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { startSimulator, type RunningSimulator } from 'ov-sim';

let sim: RunningSimulator;
before(async () => {
  sim = await startSimulator({
    port: 0,
    config: { testing: true, faults: [{ kind: 'status', path: '/oauth2/v1/keys', status: 500 }] },
  });
});
after(() => sim.close());
beforeEach(() => fetch(`${sim.url}/sim/api/reset`, { method: 'POST', headers: JSON_TYPE, body: '{}' }));

const ORIGIN = 'http://localhost:8080';
/** The control API takes changes only as JSON. */
const JSON_TYPE = { 'Content-Type': 'application/json' };

function addFault(rule: object): Promise<Response> {
  return fetch(`${sim.url}/sim/api/faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(rule),
  });
}

function keys(): Promise<Response> {
  return fetch(`${sim.url}/oauth2/default/v1/keys`, { headers: { Origin: ORIGIN } });
}

function introspect(): Promise<Response> {
  return fetch(`${sim.url}/idp/idx/introspect`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/ion+json; okta-version=1.0.0', Origin: ORIGIN },
    body: JSON.stringify({ interactionHandle: 'unknown' }),
  });
}

test('a 5xx for the next request only, with CORS headers so a browser can read it', async () => {
  assert.equal(
    (await addFault({ kind: 'status', path: '/oauth2/default/v1/keys', status: 503, count: 1 })).status,
    200,
  );
  const failed = await keys();
  assert.equal(failed.status, 503);
  assert.equal(failed.headers.get('access-control-allow-origin'), ORIGIN);
  assert.equal(((await failed.json()) as { errorSummary: string }).errorSummary, 'Internal Server Error');
  assert.equal((await keys()).status, 200);
});

test("429 with Retry-After and, on IDX, Okta's envelope", async () => {
  await addFault({ kind: 'rate-limit', path: '/idp/idx/*', retryAfterSeconds: 7, count: 1 });
  const limited = await introspect();
  assert.equal(limited.status, 429);
  assert.equal(limited.headers.get('retry-after'), '7');
  assert.equal(limited.headers.get('x-rate-limit-remaining'), '0');
  const body = (await limited.json()) as { version: string; messages: { value: Array<{ i18n: { key: string } }> } };
  assert.equal(body.version, '1.0.0');
  assert.equal(body.messages.value[0]?.i18n.key, 'tooManyRequests');
});

test('a dropped connection fails the request at the network level', async () => {
  await addFault({ kind: 'drop', path: '/oauth2/default/v1/keys', count: 1 });
  await assert.rejects(keys());
  assert.equal((await keys()).status, 200);
  const log = (await (await fetch(`${sim.url}/sim/api/requests`)).json()) as { requests: Array<{ status: number }> };
  assert.deepEqual(
    log.requests.map((r) => r.status),
    [0, 200],
  );
});

test('a truncated body keeps the real status and is not JSON', async () => {
  await addFault({ kind: 'truncate', path: '/oauth2/default/v1/keys', count: 1 });
  const cut = await keys();
  assert.equal(cut.status, 200);
  const text = await cut.text();
  assert.ok(text.startsWith('{"keys":'), text.slice(0, 20));
  assert.throws(() => JSON.parse(text));
});

test('a malformed body and a body of the wrong shape', async () => {
  await addFault({ kind: 'malformed', path: '/idp/idx/introspect', count: 1 });
  await addFault({ kind: 'wrong-shape', path: '/idp/idx/introspect', count: 1 });
  const malformed = await introspect();
  assert.equal(malformed.status, 200);
  await assert.rejects(malformed.json(), SyntaxError);
  const wrong = (await (await introspect()).json()) as { remediation: { value: unknown } };
  assert.equal(typeof wrong.remediation.value, 'string');
});

test('respond answers with the body and status given (a recorded Okta response)', async () => {
  const expired = {
    version: '1.0.0',
    messages: { type: 'array', value: [{ message: 'Expired', i18n: { key: 'idx.session.expired' }, class: 'ERROR' }] },
  };
  await addFault({ kind: 'respond', path: '/idp/idx/introspect', status: 401, body: expired, count: 1 });
  const answer = await introspect();
  assert.equal(answer.status, 401);
  assert.deepEqual(await answer.json(), expired);
  assert.notDeepEqual(await (await introspect()).json(), expired, 'count: 1, then the real answer');
  const refused = await fetch(`${sim.url}/sim/api/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'respond', path: '/idp/idx/introspect' }),
  });
  assert.equal(refused.status, 400);
});

test('latency delays the real answer', async () => {
  await addFault({ kind: 'latency', path: '/oauth2/default/v1/keys', latencyMs: 400, count: 1 });
  const started = performance.now();
  assert.equal((await keys()).status, 200);
  assert.ok(performance.now() - started >= 390, `took ${performance.now() - started} ms`);
});

test('faults from the config come back on reset; PUT replaces, DELETE clears; bad rules are refused', async () => {
  const orgKeys = () => fetch(`${sim.url}/oauth2/v1/keys`);
  assert.equal((await orgKeys()).status, 500);
  await fetch(`${sim.url}/sim/api/faults`, { method: 'DELETE', headers: JSON_TYPE, body: '{}' });
  assert.equal((await orgKeys()).status, 200);
  await fetch(`${sim.url}/sim/api/reset`, { method: 'POST', headers: JSON_TYPE, body: '{}' });
  assert.equal((await orgKeys()).status, 500);
  const put = await fetch(`${sim.url}/sim/api/faults`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ faults: [{ kind: 'latency', path: '/x', latencyMs: 1 }] }),
  });
  assert.deepEqual(
    ((await put.json()) as { faults: Array<{ path: string }> }).faults.map((f) => f.path),
    ['/x'],
  );
  assert.equal((await orgKeys()).status, 200);
  const refused = await addFault({ kind: 'explode', path: '/' });
  assert.equal(refused.status, 400);
});

test('a config with a bad fault rule does not start', async () => {
  await assert.rejects(startSimulator({ port: 0, config: { faults: [{ kind: 'drop', path: 'nope' }] } }), /"path"/);
});
