/**
 * The seeded confidential client (`ov-server`), as a server-side app uses it: okta-auth-js with a
 * `clientSecret` (sent in the form, `client_secret_post`), the same code redeemed with
 * `client_secret_basic`, and Okta's refusals of a wrong, missing or doubled secret.
 */
import assert from 'node:assert/strict';
import { after, beforeEach, test } from 'node:test';
import type { OktaAuth } from '@okta/okta-auth-js/idx';
import { SERVER_CLIENT_ID, SERVER_CLIENT_SECRET, startSimulator } from 'ov-sim';
import { ControlApi, VirtualDevice } from 'ov-sim/client';
import { pollWhile, startPush } from './support/flows.ts';
import { createAuthClient, REDIRECT_URI } from './support/sdk-client.ts';
import { verifyTokenPair } from './support/token-verifier.ts';

const sim = await startSimulator({ port: 0, config: { testing: true } });
after(() => sim.close());
const control = new ControlApi(sim);
beforeEach(() => control.reset());

const LOGIN = 'push@example.com';
const server = { ...sim, clientId: SERVER_CLIENT_ID };
const WRONG_SECRET = {
  error: 'invalid_client',
  error_description: 'The client secret supplied for a confidential client is invalid.',
};

function serverClient(clientSecret = SERVER_CLIENT_SECRET, exchange = true): OktaAuth {
  return createAuthClient(server, undefined, { clientSecret, idx: { exchangeCodeForTokens: exchange } });
}

async function approvedPush(auth: OktaAuth) {
  await startPush(auth, LOGIN);
  const device = await VirtualDevice.of(control, LOGIN);
  await device.approve(await device.onlyPush());
  const done = await pollWhile(auth, 'challenge-poll');
  assert.equal(done.status, 'SUCCESS');
  return done;
}

async function token(
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, string> }> {
  const response = await fetch(`${sim.issuer}/v1/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json', ...headers },
    body: new URLSearchParams(fields),
  });
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}

const basic = (id: string, secret: string) => ({
  Authorization: `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`,
});

test('client_secret_post: okta-auth-js with a clientSecret signs in and gets tokens for the confidential client', async () => {
  const { tokens } = await approvedPush(serverClient());
  assert.ok(tokens?.idToken && tokens.accessToken);
  const { accessClaims } = await verifyTokenPair(server, tokens.idToken.idToken, tokens.accessToken.accessToken, LOGIN);
  assert.equal(accessClaims.cid, SERVER_CLIENT_ID);
});

test('client_secret_basic: the interaction code redeemed with the secret in the Authorization header', async () => {
  const done = await approvedPush(serverClient(SERVER_CLIENT_SECRET, false));
  const code = done.interactionCode!;
  const fields = {
    grant_type: 'interaction_code',
    interaction_code: code,
    code_verifier: done.meta!.codeVerifier!,
    redirect_uri: REDIRECT_URI,
  };
  const wrong = await token(fields, basic(SERVER_CLIENT_ID, 'not-the-secret'));
  assert.equal(wrong.status, 401);
  assert.deepEqual(wrong.body, WRONG_SECRET);

  const redeemed = await token(fields, basic(SERVER_CLIENT_ID, SERVER_CLIENT_SECRET));
  assert.equal(redeemed.status, 200);
  await verifyTokenPair(server, redeemed.body.id_token!, redeemed.body.access_token!, LOGIN);
});

test('the success response asks for client_secret, as Okta’s does for a confidential client', async () => {
  const done = await approvedPush(serverClient(SERVER_CLIENT_SECRET, false));
  const form = done.rawIdxState.successWithInteractionCode?.value?.map((field) => field.name);
  assert.deepEqual(form, ['grant_type', 'interaction_code', 'client_id', 'client_secret', 'code_verifier']);
});

test('a wrong secret: 401 invalid_client at interact (okta-auth-js rejects) and at token', async () => {
  await assert.rejects(serverClient('wrong').idx.start(), { name: 'OAuthError', errorCode: 'invalid_client' });

  const done = await approvedPush(serverClient(SERVER_CLIENT_SECRET, false));
  const fields = {
    client_id: SERVER_CLIENT_ID,
    grant_type: 'interaction_code',
    interaction_code: done.interactionCode!,
    code_verifier: done.meta!.codeVerifier!,
    redirect_uri: REDIRECT_URI,
  };
  const wrong = await token({ ...fields, client_secret: 'wrong' });
  assert.equal(wrong.status, 401);
  assert.deepEqual(wrong.body, WRONG_SECRET);

  const missing = await token(fields);
  assert.equal(missing.status, 401);
  assert.deepEqual(missing.body, {
    error: 'invalid_client',
    error_description: 'Client authentication failed. Either the client or the client credentials are invalid.',
  });

  const both = await token(
    { ...fields, client_secret: SERVER_CLIENT_SECRET },
    basic(SERVER_CLIENT_ID, SERVER_CLIENT_SECRET),
  );
  assert.equal(both.status, 400);
  assert.equal(both.body.error, 'invalid_request');

  // None of the refusals used the code up.
  assert.equal((await token({ ...fields, client_secret: SERVER_CLIENT_SECRET })).status, 200);
});

test('introspect and revoke authenticate the confidential client too', async () => {
  const { tokens } = await approvedPush(serverClient());
  const accessToken = tokens!.accessToken!.accessToken;
  const introspect = (headers: Record<string, string>, fields: Record<string, string> = {}) =>
    fetch(`${sim.issuer}/v1/introspect`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams({ token: accessToken, ...fields }),
    });
  const wrong = await introspect(basic(SERVER_CLIENT_ID, 'wrong'));
  assert.equal(wrong.status, 401);
  assert.deepEqual(await wrong.json(), WRONG_SECRET);
  const unauthenticated = await introspect({}, { client_id: SERVER_CLIENT_ID });
  assert.equal(unauthenticated.status, 401);

  const active = (await (await introspect(basic(SERVER_CLIENT_ID, SERVER_CLIENT_SECRET))).json()) as {
    active: boolean;
    client_id: string;
  };
  assert.equal(active.active, true);
  assert.equal(active.client_id, SERVER_CLIENT_ID);

  const auth = serverClient();
  await auth.revokeAccessToken(tokens!.accessToken);
  const after = await introspect({}, { client_id: SERVER_CLIENT_ID, client_secret: SERVER_CLIENT_SECRET });
  assert.deepEqual(await after.json(), { active: false });
});

test('configured as Okta’s embedded-SDK sample is: sign-in, getUserInfo(), then its sign-out URL', async () => {
  // samples/generated/express-embedded-auth-with-sdk/config.js of okta-auth-js: port 8080, these URIs.
  const auth = createAuthClient(server, undefined, {
    clientSecret: SERVER_CLIENT_SECRET,
    redirectUri: 'http://localhost:8080/login/callback',
    postLogoutRedirectUri: 'http://localhost:8080',
  });
  const { tokens } = await approvedPush(auth);
  const info = await auth.token.getUserInfo(tokens!.accessToken, tokens!.idToken);
  assert.equal(info.email, LOGIN);

  const signOutUrl = (auth as unknown as { getSignOutRedirectUrl(o: object): string }).getSignOutRedirectUrl({
    idToken: tokens!.idToken,
  });
  const logout = await fetch(signOutUrl, { redirect: 'manual' });
  assert.equal(logout.status, 302);
  assert.equal(logout.headers.get('location'), 'http://localhost:8080/');
});
