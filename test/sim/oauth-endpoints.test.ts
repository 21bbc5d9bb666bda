/**
 * Every endpoint the discovery document names, as the real okta-auth-js and raw HTTP clients use
 * them: userinfo, introspect, revoke, logout, authorize, keys; and redirect URIs matched exactly.
 */
import assert from 'node:assert/strict';
import { after, beforeEach, describe, test } from 'node:test';
import type { IDToken, OktaAuth, Tokens } from '@okta/okta-auth-js/idx';
import { DEMO_CLIENT_ID, resolveConfig, startSimulator } from 'ov-sim';
import { ControlApi, ControlApiError, VirtualDevice } from 'ov-sim/client';
import { pollWhile, startPush } from './support/flows.ts';
import { fixturesSkipReason, readFixture } from './support/recorded-fixtures.ts';
import { createAuthClient, REDIRECT_URI } from './support/sdk-client.ts';

const sim = await startSimulator({ port: 0, config: { testing: true } });
after(() => sim.close());
const control = new ControlApi(sim);
beforeEach(() => control.reset());

const LOGIN = 'push@example.com';
const SIGNED_OUT_URI = 'http://localhost:8080/';
const NOT_REGISTERED = "The 'redirect_uri' parameter must be a Login redirect URI in the client app settings";

/** A push sign-in by the real okta-auth-js; its tokens, and the client that holds them. */
async function signIn(scopes = ['openid', 'email', 'profile']): Promise<{ auth: OktaAuth; tokens: Tokens }> {
  const auth = createAuthClient(sim, undefined, { scopes });
  await startPush(auth, LOGIN);
  const device = await VirtualDevice.of(control, LOGIN);
  await device.approve(await device.onlyPush());
  const { status, tokens } = await pollWhile(auth, 'challenge-poll');
  assert.equal(status, 'SUCCESS');
  assert.ok(tokens?.accessToken);
  return { auth, tokens };
}

/**
 * okta-auth-js's getSignOutRedirectUrl(), the URL signOut() sends the browser to. The client is
 * built from the SDK's idx entry point, whose type leaves this OIDC method out; it is there at run time.
 */
function logoutUrl(
  auth: OktaAuth,
  options: { idToken?: IDToken; postLogoutRedirectUri?: string; state?: string },
): string {
  return (auth as unknown as { getSignOutRedirectUrl(o: typeof options): string }).getSignOutRedirectUrl(options);
}

async function postForm(
  path: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${sim.issuer}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json', ...headers },
    body: new URLSearchParams(fields),
  });
}

async function introspect(token: string, hint?: string): Promise<Record<string, unknown>> {
  const response = await postForm('/v1/introspect', {
    client_id: DEMO_CLIENT_ID,
    token,
    ...(hint ? { token_type_hint: hint } : {}),
  });
  assert.equal(response.status, 200);
  return (await response.json()) as Record<string, unknown>;
}

/** A 401/403 of userinfo: empty body, the reason in WWW-Authenticate. */
async function userinfoRefusal(headers: Record<string, string>): Promise<{ status: number; challenge: string }> {
  const response = await fetch(`${sim.issuer}/v1/userinfo`, { headers });
  assert.equal(await response.text(), '');
  return { status: response.status, challenge: response.headers.get('www-authenticate') ?? '' };
}

describe('discovery', () => {
  test('every endpoint it names is served, on both authorization servers', async () => {
    for (const issuer of [sim.issuer, `${sim.url}/oauth2`]) {
      const wellKnown = issuer.endsWith('/default') ? issuer : sim.url;
      const discovery = (await (await fetch(`${wellKnown}/.well-known/openid-configuration`)).json()) as Record<
        string,
        unknown
      >;
      const endpoints = Object.entries(discovery).filter(([key]) => key.endsWith('_endpoint') || key === 'jwks_uri');
      assert.deepEqual(endpoints.map(([key]) => key).sort(), [
        'authorization_endpoint',
        'end_session_endpoint',
        'introspection_endpoint',
        'jwks_uri',
        'revocation_endpoint',
        'token_endpoint',
        'userinfo_endpoint',
      ]);
      for (const [key, url] of endpoints) {
        assert.ok(typeof url === 'string' && url.startsWith(`${issuer}/v1/`), `${key}: ${String(url)}`);
        const method = ['token_endpoint', 'introspection_endpoint', 'revocation_endpoint'].includes(key)
          ? 'POST'
          : 'GET';
        const { status } = await fetch(url, { method, redirect: 'manual' });
        assert.ok(![404, 405].includes(status), `${method} ${key} answered ${status}`);
      }
    }
  });

  test(
    'names what Okta’s names, but dynamic registration and request objects',
    { skip: fixturesSkipReason },
    async () => {
      const okta = (await readFixture('01-oauth2-well-known-openid-configuration.json')) as Record<string, unknown>;
      const ours = (await (await fetch(`${sim.issuer}/.well-known/openid-configuration`)).json()) as Record<
        string,
        unknown
      >;
      const missing = Object.keys(okta).filter((key) => !(key in ours));
      assert.deepEqual(missing.sort(), ['registration_endpoint', 'request_object_signing_alg_values_supported']);
      assert.deepEqual(
        Object.keys(ours).filter((key) => !(key in okta)),
        [],
      );
    },
  );
});

describe('userinfo', () => {
  test('okta-auth-js getUserInfo(): the claims of the scopes granted, sub equal to the ID token’s', async () => {
    const { auth, tokens } = await signIn();
    const info = await auth.token.getUserInfo(tokens.accessToken, tokens.idToken);
    assert.equal(info.sub, tokens.idToken?.claims.sub);
    assert.equal(info.email, LOGIN);
    assert.equal(info.email_verified, true);
    assert.equal(info.name, 'Push Example');
    assert.equal(info.given_name, 'Push');
    assert.equal(info.family_name, 'Example');
    assert.equal(info.preferred_username, LOGIN);
  });

  test('without the profile scope, no profile claims', async () => {
    const { auth, tokens } = await signIn(['openid', 'email']);
    const info = await auth.token.getUserInfo(tokens.accessToken, tokens.idToken);
    // okta-auth-js adds the response's `headers` to what it returns.
    const claims = Object.keys(info).filter((key) => key !== 'headers');
    assert.deepEqual(claims.sort(), ['email', 'email_verified', 'sub']);
  });

  test('the access token also works as a form POST, as Okta allows', async () => {
    const { tokens } = await signIn();
    const response = await postForm('/v1/userinfo', { access_token: tokens.accessToken!.accessToken });
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as { sub: string }).sub, tokens.idToken?.claims.sub);
  });

  test('no token, a bad token, another server’s token: 401 with WWW-Authenticate as Okta words it', async () => {
    const missing = await userinfoRefusal({});
    assert.equal(missing.status, 401);
    assert.equal(
      missing.challenge,
      `Bearer authorization_uri="${sim.issuer}/v1/authorize", realm="${sim.issuer}", scope="openid", error="invalid_request", error_description="The access token is missing.", resource="/oauth2/default/v1/userinfo"`,
    );
    const bad = await userinfoRefusal({ Authorization: 'Bearer not-a-token' });
    assert.equal(bad.status, 401);
    assert.match(bad.challenge, /error="invalid_token", error_description="The access token is invalid\."/);

    const { tokens } = await signIn();
    const orgServer = await fetch(`${sim.url}/oauth2/v1/userinfo`, {
      headers: { Authorization: `Bearer ${tokens.accessToken!.accessToken}` },
    });
    assert.equal(orgServer.status, 401, 'a token of the default server is not one of the org server');
  });

  test('a token without openid: 403 insufficient_scope', async () => {
    const { tokens } = await signIn(['email']);
    assert.equal(tokens.idToken, undefined);
    const refusal = await userinfoRefusal({ Authorization: `Bearer ${tokens.accessToken!.accessToken}` });
    assert.equal(refusal.status, 403);
    assert.match(refusal.challenge, /error="insufficient_scope"/);
  });
});

describe('revoke and introspect', () => {
  test('okta-auth-js revokeAccessToken(): introspection says active, then inactive', async () => {
    const { auth, tokens } = await signIn();
    const accessToken = tokens.accessToken!.accessToken;
    const active = await introspect(accessToken, 'access_token');
    assert.deepEqual(Object.keys(active), [
      'active',
      'scope',
      'username',
      'exp',
      'iat',
      'sub',
      'aud',
      'iss',
      'jti',
      'token_type',
      'client_id',
      'uid',
    ]);
    assert.equal(active.active, true);
    assert.equal(active.scope, 'openid email profile');
    assert.equal(active.username, LOGIN);
    assert.equal(active.client_id, DEMO_CLIENT_ID);
    assert.equal(active.iss, sim.issuer);
    assert.equal(active.aud, 'api://default');
    assert.equal(active.token_type, 'Bearer');
    assert.equal(active.uid, tokens.idToken?.claims.sub);

    await auth.revokeAccessToken(tokens.accessToken);
    assert.deepEqual(await introspect(accessToken), { active: false });
    await assert.rejects(auth.token.getUserInfo(tokens.accessToken, tokens.idToken), {
      name: 'OAuthError',
      errorCode: 'invalid_token',
    });
    // Revoking again, or revoking nonsense, is not an error (RFC 7009 §2.2).
    assert.equal((await postForm('/v1/revoke', { client_id: DEMO_CLIENT_ID, token: accessToken })).status, 200);
    assert.equal((await postForm('/v1/revoke', { client_id: DEMO_CLIENT_ID, token: 'nonsense' })).status, 200);
  });

  test('the ID token introspects as active; unknown tokens, and another client’s, as inactive', async () => {
    const { tokens } = await signIn();
    const id = await introspect(tokens.idToken!.idToken, 'id_token');
    assert.equal(id.active, true);
    assert.equal(id.sub, tokens.idToken?.claims.sub);
    assert.deepEqual(await introspect('not-a-token'), { active: false });
    const asServer = await postForm(
      '/v1/introspect',
      { token: tokens.accessToken!.accessToken },
      { Authorization: `Basic ${btoa('ov-server:ov-server-secret-for-local-testing-only')}` },
    );
    assert.deepEqual(await asServer.json(), { active: false });
  });

  test('refresh tokens: refreshed, introspected, revoked with the access tokens issued with them', async () => {
    const { auth, tokens } = await signIn(['openid', 'email', 'offline_access']);
    const refreshToken = tokens.refreshToken!.refreshToken;
    const refreshed = await postForm('/v1/token', {
      client_id: DEMO_CLIENT_ID,
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      scope: 'openid email offline_access',
    });
    assert.equal(refreshed.status, 200);
    const renewed = (await refreshed.json()) as Record<string, string>;
    assert.equal(renewed.refresh_token, refreshToken, 'Okta keeps the refresh token unless rotation is on');
    assert.ok(renewed.access_token && renewed.id_token);
    assert.equal((await introspect(refreshToken, 'refresh_token')).active, true);

    await auth.revokeRefreshToken(tokens.refreshToken);
    assert.deepEqual(await introspect(refreshToken), { active: false });
    assert.deepEqual(await introspect(renewed.access_token), { active: false });
    assert.deepEqual(await introspect(tokens.accessToken!.accessToken), { active: false });
    const again = await postForm('/v1/token', {
      client_id: DEMO_CLIENT_ID,
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
    });
    assert.equal(again.status, 400);
    assert.equal(((await again.json()) as { error: string }).error, 'invalid_grant');
  });

  test('no token, or an unknown client: Okta’s OAuth errors', async () => {
    const noToken = await postForm('/v1/introspect', { client_id: DEMO_CLIENT_ID });
    assert.equal(noToken.status, 400);
    assert.equal(((await noToken.json()) as { error: string }).error, 'invalid_request');
    const unknown = await postForm('/v1/revoke', { client_id: 'not-a-client', token: 'x' });
    assert.equal(unknown.status, 401);
    assert.deepEqual(await unknown.json(), {
      error: 'invalid_client',
      error_description: "Invalid value for 'client_id' parameter.",
    });
  });
});

describe('logout', () => {
  test('okta-auth-js signOut(): revokes the access token, then the logout URL redirects back with state', async () => {
    const { auth, tokens } = await signIn();
    auth.tokenManager.setTokens(tokens);
    const assigned: string[] = [];
    // signOut() ends by sending the browser to Okta's logout URL; here a stand-in window records it.
    const stub = {
      location: {
        origin: 'http://localhost:8080',
        href: 'http://localhost:8080/app',
        assign: (url: string) => assigned.push(url),
      },
    };
    Object.assign(globalThis, { window: stub });
    try {
      await auth.signOut({ postLogoutRedirectUri: SIGNED_OUT_URI, state: 'bye-42', clearTokensBeforeRedirect: true });
    } finally {
      Reflect.deleteProperty(globalThis, 'window');
      // Tokens in the token manager hold expiry timers, which would keep the test process alive.
      auth.tokenManager.clear();
    }
    assert.equal(assigned.length, 1);
    assert.equal(
      assigned[0],
      logoutUrl(auth, { idToken: tokens.idToken, postLogoutRedirectUri: SIGNED_OUT_URI, state: 'bye-42' }),
    );
    assert.deepEqual(await introspect(tokens.accessToken!.accessToken), { active: false });

    const logout = await fetch(assigned[0]!, { redirect: 'manual' });
    assert.equal(logout.status, 302);
    assert.equal(logout.headers.get('location'), `${SIGNED_OUT_URI}?state=bye-42`);
  });

  test('a sign-out URI the client did not register, or no valid id_token_hint: Okta’s 400 page, no redirect', async () => {
    const { auth, tokens } = await signIn();
    const elsewhere = logoutUrl(auth, {
      idToken: tokens.idToken,
      postLogoutRedirectUri: 'http://localhost:8080/not-registered',
    });
    const refused = await fetch(elsewhere, { redirect: 'manual' });
    assert.equal(refused.status, 400);
    assert.equal(refused.headers.get('location'), null);
    assert.match(
      await refused.text(),
      /The &#39;post_logout_redirect_uri&#39; parameter must be a Logout redirect URI in the client app settings/,
    );
    const noHint = await fetch(`${sim.issuer}/v1/logout?post_logout_redirect_uri=${SIGNED_OUT_URI}`, {
      redirect: 'manual',
    });
    assert.equal(noHint.status, 400);
    const forged = await fetch(`${sim.issuer}/v1/logout?id_token_hint=${tokens.idToken!.idToken.slice(0, -4)}AAAA`, {
      redirect: 'manual',
    });
    assert.equal(forged.status, 400);
  });
});

describe('redirect URIs, matched exactly', () => {
  test('interact: a URI the client did not register is refused with Okta’s body', async () => {
    for (const redirectUri of [
      'http://localhost:8081/login/callback',
      'http://localhost:8080/login/callback/',
      'http://localhost:8080/login/callback?x=1',
      'http://127.0.0.1:8080/login/callback',
    ]) {
      const auth = createAuthClient(sim, undefined, { redirectUri });
      await assert.rejects(auth.idx.start(), { name: 'OAuthError', errorCode: 'invalid_request' }, redirectUri);
      const response = await postForm('/v1/interact', {
        client_id: DEMO_CLIENT_ID,
        redirect_uri: redirectUri,
        scope: 'openid',
        code_challenge: 'x'.repeat(43),
        code_challenge_method: 'S256',
      });
      assert.equal(response.status, 400);
      assert.deepEqual(await response.json(), { error: 'invalid_request', error_description: NOT_REGISTERED });
    }
  });

  test('authorize: an unregistered URI gets Okta’s 400 page; a registered one is redirected to with state', async () => {
    const query = (redirectUri: string) =>
      new URLSearchParams({
        client_id: DEMO_CLIENT_ID,
        redirect_uri: redirectUri,
        response_type: 'code',
        scope: 'openid',
        state: 'st-1',
        code_challenge: 'x'.repeat(43),
        code_challenge_method: 'S256',
        prompt: 'none',
      });
    const refused = await fetch(`${sim.issuer}/v1/authorize?${query('http://localhost:9/cb')}`, { redirect: 'manual' });
    assert.equal(refused.status, 400);
    assert.equal(refused.headers.get('location'), null);
    assert.match(await refused.text(), /The &#39;redirect_uri&#39; parameter must be a Login redirect URI/);

    const back = await fetch(`${sim.issuer}/v1/authorize?${query(REDIRECT_URI)}`, { redirect: 'manual' });
    assert.equal(back.status, 302);
    const location = new URL(back.headers.get('location') ?? '');
    assert.equal(`${location.origin}${location.pathname}`, REDIRECT_URI);
    assert.equal(location.searchParams.get('error'), 'login_required');
    assert.equal(location.searchParams.get('state'), 'st-1');
  });

  test('the control API registers a URI (a harness on a port chosen at start-up), kept across resets', async () => {
    const uri = 'http://localhost:45678/callback';
    const before = createAuthClient(sim, undefined, { redirectUri: uri });
    await assert.rejects(before.idx.start(), { errorCode: 'invalid_request' });

    const clients = await control.registerRedirectUris(DEMO_CLIENT_ID, [uri]);
    assert.ok(clients.find((c) => c.clientId === DEMO_CLIENT_ID)?.redirectUris.includes(uri));
    assert.ok(
      clients.every((c) => !('clientSecret' in c)),
      'secrets are not shown',
    );
    await control.reset();
    const started = await createAuthClient(sim, undefined, { redirectUri: uri }).idx.start();
    assert.equal(started.status, 'PENDING');

    await assert.rejects(control.registerRedirectUris(DEMO_CLIENT_ID, ['http://localhost:*/cb']), ControlApiError);
    await assert.rejects(control.registerRedirectUris(DEMO_CLIENT_ID, ['/relative']), ControlApiError);
    await assert.rejects(control.registerRedirectUris('no-such-client', [uri]), { status: 404 });
  });

  test('config: clients[].redirectUris, and redirectUris by client id added to the seeded ones', () => {
    const config = resolveConfig({ redirectUris: { [DEMO_CLIENT_ID]: ['https://app.example.com/callback'] } });
    const demo = config.clients.find((c) => c.clientId === DEMO_CLIENT_ID);
    assert.ok(demo?.redirectUris.includes('https://app.example.com/callback'));
    assert.ok(demo?.redirectUris.includes(REDIRECT_URI), 'the seeded URIs stay');

    const own = resolveConfig({ clients: [{ clientId: 'spa', redirectUris: ['https://spa.example.com/cb'] }] });
    assert.deepEqual(own.clients, [
      { clientId: 'spa', redirectUris: ['https://spa.example.com/cb'], postLogoutRedirectUris: [] },
    ]);
    assert.throws(
      () => resolveConfig({ clients: [{ clientId: 'old', redirectOrigins: ['http://localhost:*'] } as never] }),
      /"redirectOrigins" was replaced by "redirectUris"/,
    );
    assert.throws(() => resolveConfig({ redirectUris: { nobody: ['https://x.example/cb'] } }), /no client nobody/);
  });
});
