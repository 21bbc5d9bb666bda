/** The OAuth side: discovery, interact, the tokens okta-auth-js receives, and what /v1/token refuses. */
import assert from 'node:assert/strict';
import { after, beforeEach, test } from 'node:test';
import { DEMO_CLIENT_ID, startSimulator } from 'ov-sim';
import { ControlApi, VirtualDevice } from 'ov-sim/client';
import { pollWhile, startPush } from './support/flows.ts';
import { createAuthClient, REDIRECT_URI } from './support/sdk-client.ts';
import { verifyTokenPair, verifyTokens } from './support/token-verifier.ts';

const OTHER_CLIENT = 'other-app';
/** Registered too, so that redeeming a code with it is a mismatch rather than an unregistered URI. */
const SECOND_URI = 'http://localhost:8080/second/callback';
const sim = await startSimulator({
  port: 0,
  config: {
    testing: true,
    clients: [DEMO_CLIENT_ID, OTHER_CLIENT].map((clientId) => ({ clientId, redirectUris: [REDIRECT_URI, SECOND_URI] })),
  },
});
after(() => sim.close());
const control = new ControlApi(sim);
beforeEach(() => control.reset());

const LOGIN = 'push@example.com';

/** An approved push sign-in whose interaction code the SDK leaves to the test to exchange. */
async function unexchangedSignIn(): Promise<{ code: string; codeVerifier: string }> {
  const auth = createAuthClient(sim, undefined, { idx: { exchangeCodeForTokens: false } });
  await startPush(auth, LOGIN);
  const device = await VirtualDevice.of(control, LOGIN);
  await device.approve(await device.onlyPush());
  const done = await pollWhile(auth, 'challenge-poll');
  assert.equal(done.status, 'SUCCESS');
  assert.equal(done.tokens, undefined);
  assert.ok(done.interactionCode && done.meta?.codeVerifier);
  return { code: done.interactionCode, codeVerifier: done.meta.codeVerifier };
}

async function exchange(fields: Record<string, string>): Promise<{ status: number; body: Record<string, string> }> {
  const response = await fetch(`${sim.issuer}/v1/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams({
      client_id: sim.clientId,
      redirect_uri: REDIRECT_URI,
      grant_type: 'interaction_code',
      ...fields,
    }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}

function assertInvalidGrant(reply: { status: number; body: Record<string, string> }): void {
  assert.equal(reply.status, 400);
  assert.equal(reply.body.error, 'invalid_grant');
  assert.equal(reply.body.access_token, undefined);
}

test('discovery names the issuer, the JWKS and S256, which okta-auth-js requires', async () => {
  const discovery = (await (await fetch(`${sim.issuer}/.well-known/openid-configuration`)).json()) as Record<
    string,
    unknown
  >;
  assert.equal(discovery.issuer, sim.issuer);
  assert.equal(discovery.jwks_uri, `${sim.issuer}/v1/keys`);
  assert.equal(discovery.token_endpoint, `${sim.issuer}/v1/token`);
  assert.deepEqual(discovery.code_challenge_methods_supported, ['S256']);
});

test('the tokens okta-auth-js receives: claims of the user, scopes asked for, lifetime', async () => {
  const auth = createAuthClient(sim);
  await startPush(auth, LOGIN);
  const device = await VirtualDevice.of(control, LOGIN);
  await device.approve(await device.onlyPush());
  const { tokens } = await pollWhile(auth, 'challenge-poll');

  const { idClaims, accessClaims } = await verifyTokens(sim, tokens, LOGIN);
  assert.equal(idClaims.name, 'Push Example');
  assert.equal(idClaims.preferred_username, LOGIN);
  assert.equal(idClaims.exp! - idClaims.iat!, 3600);
  assert.deepEqual(accessClaims.scp, ['openid', 'email', 'profile']);
  assert.deepEqual(tokens?.accessToken?.scopes, ['openid', 'email', 'profile']);
  assert.equal(tokens?.idToken?.issuer, sim.issuer);
  assert.equal(tokens?.idToken?.clientId, sim.clientId);
});

test('token endpoint: the right verifier gets tokens once; a replayed interaction code is invalid_grant', async () => {
  const { code, codeVerifier } = await unexchangedSignIn();
  const first = await exchange({ interaction_code: code, code_verifier: codeVerifier });
  assert.equal(first.status, 200);
  assert.equal(
    first.body.state,
    undefined,
    'a state in the token response breaks okta-auth-js (okta-auth-js-notes.md §4.16)',
  );
  const { id_token: idToken, access_token: accessToken } = first.body;
  assert.ok(idToken && accessToken);
  await verifyTokenPair(sim, idToken, accessToken, LOGIN);

  assertInvalidGrant(await exchange({ interaction_code: code, code_verifier: codeVerifier }));
});

test('token endpoint: a code_verifier that does not match the PKCE challenge is invalid_grant', async () => {
  const { code, codeVerifier } = await unexchangedSignIn();
  const wrongVerifier = await exchange({ interaction_code: code, code_verifier: `${codeVerifier.slice(0, -1)}x` });
  assertInvalidGrant(wrongVerifier);
  assert.equal(wrongVerifier.body.error_description, 'PKCE verification failed.');
});

test('token endpoint: another client or another redirect URI cannot redeem the code', async () => {
  const { code, codeVerifier } = await unexchangedSignIn();
  assertInvalidGrant(await exchange({ interaction_code: code, code_verifier: codeVerifier, client_id: OTHER_CLIENT }));
  const unknownClient = await exchange({
    interaction_code: code,
    code_verifier: codeVerifier,
    client_id: 'not-a-client',
  });
  assert.equal(unknownClient.status, 401);
  assert.equal(unknownClient.body.error, 'invalid_client');
  assertInvalidGrant(await exchange({ interaction_code: code, code_verifier: codeVerifier, redirect_uri: SECOND_URI }));
  const unregistered = await exchange({
    interaction_code: code,
    code_verifier: codeVerifier,
    redirect_uri: 'http://localhost:9999/elsewhere',
  });
  assert.equal(unregistered.status, 400);
  assert.deepEqual(unregistered.body, {
    error: 'invalid_request',
    error_description: "The 'redirect_uri' parameter must be a Login redirect URI in the client app settings",
  });
  // Refusals do not burn the code: its rightful owner still redeems it.
  assert.equal((await exchange({ interaction_code: code, code_verifier: codeVerifier })).status, 200);
});

test('token endpoint: an unknown interaction code and an unsupported grant are refused', async () => {
  assertInvalidGrant(await exchange({ interaction_code: 'never-issued', code_verifier: 'x'.repeat(43) }));
  const wrongGrant = await exchange({ grant_type: 'password', interaction_code: 'x', code_verifier: 'x' });
  assert.equal(wrongGrant.status, 400);
  assert.equal(wrongGrant.body.error, 'unsupported_grant_type');
});

test('interact: okta-auth-js started by an unknown client gets invalid_client', async () => {
  const auth = createAuthClient(sim, undefined, { clientId: 'not-a-client' });
  await assert.rejects(auth.idx.start(), { name: 'OAuthError', errorCode: 'invalid_client' });
});
