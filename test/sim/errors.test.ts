/** Errors as okta-auth-js reads them under both IDX content types, and as raw HTTP clients see them. */
import assert from 'node:assert/strict';
import { after, beforeEach, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AuthApiError, OktaAuth } from '@okta/okta-auth-js/idx';
import { DEMO_PASSWORD, startSimulator, type SimSettings } from 'ov-sim';
import { ControlApi } from 'ov-sim/client';
import { identify, startPush } from './support/flows.ts';
import { assertStep, assertTerminal } from './support/idx-assert.ts';
import { createAuthClient, MapStorage, reloadedAuthClient } from './support/sdk-client.ts';

const sim = await startSimulator({ port: 0, config: { testing: true } });
after(() => sim.close());
const control = new ControlApi(sim);
beforeEach(() => control.reset());

const AUTHENTICATION_FAILED = 'errors.E0000004: Authentication failed';
const SESSION_EXPIRED = 'idx.session.expired: The session has expired.';
const CONTENT_TYPES: Record<SimSettings['idxContentType'], RegExp> = {
  ion: /^application\/ion\+json; okta-version=1\.0\.0$/,
  json: /^application\/json$/,
};
/** A transaction lifetime a test can outwait. */
const SHORT_LIFETIME_MS = 200;

interface RawReply {
  status: number;
  contentType: string;
  text: string;
  body: {
    version?: string;
    messages?: { value: Array<{ i18n: { key: string } }> };
    remediation?: unknown;
    error?: string;
    errorCode?: string;
  };
}

async function post(path: string, body: string, contentType = 'application/json'): Promise<RawReply> {
  const response = await fetch(`${sim.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': contentType, Accept: 'application/json' },
    body,
  });
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    text,
    body: JSON.parse(text) as RawReply['body'],
  };
}

function messageKeys(reply: RawReply): string[] {
  return (reply.body.messages?.value ?? []).map((m) => m.i18n.key);
}

/** Stack frames, file paths or error class names would leak the simulator's insides. */
function assertNoStackTrace(reply: RawReply): void {
  assert.doesNotMatch(reply.text, /\bat .+:\d+:\d+|node:internal|\.ts\b|\b\w*Error\b/);
}

/** A transaction that goes idle for longer than its (shortened) lifetime after one more response. */
async function outliveTransaction(auth: OktaAuth): Promise<void> {
  await control.patchSettings({ transactionLifetimeMs: SHORT_LIFETIME_MS });
  assertStep(await auth.idx.proceed({ step: 'challenge-poll' }), 'challenge-poll');
  await sleep(SHORT_LIFETIME_MS + 100);
}

for (const idxContentType of ['ion', 'json'] as const) {
  test(`idxContentType ${idxContentType}: responses say so, and okta-auth-js shows a wrong password's message`, async () => {
    await control.withSettings({ idxContentType }, async () => {
      const auth = createAuthClient(sim);
      const refused = await identify(auth, 'push@example.com', 'not-the-password');
      assertStep(refused, 'identify', [AUTHENTICATION_FAILED]);
      assert.equal(refused.requestDidSucceed, false);
      assertStep(
        await auth.idx.proceed({ step: 'identify', username: 'push@example.com', password: DEMO_PASSWORD }),
        'select-authenticator-authenticate',
      );

      const reply = await post('/idp/idx/introspect', JSON.stringify({ interactionHandle: 'unknown' }));
      assert.match(reply.contentType, CONTENT_TYPES[idxContentType]);
    });
  });
}

test('a transaction idle past its lifetime: the next step ends TERMINAL with session expired', async () => {
  await control.withSettings({ transactionLifetimeMs: 60_000 }, async () => {
    const auth = createAuthClient(sim);
    await startPush(auth, 'push@example.com');
    await outliveTransaction(auth);
    const expired = await auth.idx.proceed({ step: 'challenge-poll' });
    assertTerminal(expired, [SESSION_EXPIRED]);
    assert.equal(expired.requestDidSucceed, false);
  });
});

test('resume of an expired transaction, idxContentType json: okta-auth-js reads the 401 introspect as TERMINAL', async () => {
  await control.withSettings({ idxContentType: 'json', transactionLifetimeMs: 60_000 }, async () => {
    const storage = new MapStorage();
    const auth = createAuthClient(sim, storage);
    await startPush(auth, 'push@example.com');
    await outliveTransaction(auth);
    assertTerminal(await reloadedAuthClient(sim, storage).idx.proceed({ useGenericRemediator: true }), [
      SESSION_EXPIRED,
    ]);
  });
});

test('resume of an expired transaction, idxContentType ion: okta-auth-js throws on the 401 introspect', async () => {
  await control.withSettings({ idxContentType: 'ion', transactionLifetimeMs: 60_000 }, async () => {
    const storage = new MapStorage();
    const auth = createAuthClient(sim, storage);
    await startPush(auth, 'push@example.com');
    await outliveTransaction(auth);
    await assert.rejects(
      reloadedAuthClient(sim, storage).idx.proceed({ useGenericRemediator: true }),
      (error: AuthApiError) => {
        assert.equal(error.name, 'AuthApiError');
        assert.equal(error.xhr?.status, 401);
        return true;
      },
    );
  });
});

test("an unknown state handle: 401 with Okta's session-expired body and nothing else", async () => {
  const reply = await post(
    '/idp/idx/identify',
    JSON.stringify({ identifier: 'push@example.com', stateHandle: '02unknownunknownunknownunknownunknown000000' }),
  );
  assert.equal(reply.status, 401);
  assert.equal(reply.body.version, '1.0.0');
  assert.deepEqual(messageKeys(reply), ['idx.session.expired']);
  assert.equal(reply.body.remediation, undefined);
});

test('malformed JSON and non-object JSON: 400 with an IDX error body, no stack trace', async () => {
  for (const [path, body] of <Array<[string, string]>>[
    ['/idp/idx/introspect', '{"interactionHandle": '],
    ['/idp/idx/identify', '{not json'],
    ['/idp/idx/challenge', '["an", "array"]'],
  ]) {
    const reply = await post(path, body);
    assert.equal(reply.status, 400, path);
    assert.match(reply.contentType, /json/);
    assert.equal(reply.body.version, '1.0.0');
    assert.equal(messageKeys(reply).length, 1);
    assertNoStackTrace(reply);
  }
});

test('a body that is not JSON: 415 from IDX, invalid_request from OAuth, no stack trace', async () => {
  const idx = await post('/idp/idx/identify', 'identifier=push%40example.com', 'application/x-www-form-urlencoded');
  assert.equal(idx.status, 415);
  assert.equal(idx.body.version, '1.0.0');
  assertNoStackTrace(idx);

  const oauth = await post('/oauth2/default/v1/token', JSON.stringify({ grant_type: 'interaction_code' }));
  assert.equal(oauth.status, 400);
  assert.equal(oauth.body.error, 'invalid_request');
  assertNoStackTrace(oauth);
});

test('unknown paths are 404 and wrong methods 405, as JSON', async () => {
  const missing = await post('/idp/idx/no-such-endpoint', '{}');
  assert.equal(missing.status, 404);
  assert.equal(missing.body.errorCode, 'E0000022');

  const wrongMethod = await fetch(`${sim.url}/idp/idx/identify`);
  assert.equal(wrongMethod.status, 405);
  assert.equal(wrongMethod.headers.get('allow'), 'POST');
  assert.equal(((await wrongMethod.json()) as { errorCode: string }).errorCode, 'E0000022');
});

test('a form posted at the wrong step is refused, and the transaction carries on', async () => {
  const auth = createAuthClient(sim);
  const started = await auth.idx.start();
  const early = await post(
    '/idp/idx/challenge/answer',
    JSON.stringify({ credentials: { totp: '123456' }, stateHandle: started.context.stateHandle }),
  );
  assert.equal(early.status, 400);
  assert.equal(early.body.version, '1.0.0');
  assert.equal(messageKeys(early).length, 1);

  const identified = await auth.idx.proceed({
    step: 'identify',
    username: 'push@example.com',
    password: DEMO_PASSWORD,
  });
  assertStep(identified, 'select-authenticator-authenticate');
});

test('an oversized body is refused with 413 before it is read, and the server carries on', async () => {
  const huge = JSON.stringify({ stateHandle: 'x'.repeat(2 * 1024 * 1024) });
  const refused = await fetch(`${sim.url}/idp/idx/introspect`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: huge,
  });
  assert.equal(refused.status, 413);
  assert.equal(((await refused.json()) as { errorCode: string }).errorCode, 'E0000003');
  assert.equal((await fetch(`${sim.issuer}/v1/keys`)).status, 200);
});
