/**
 * examples/express-bff against the simulator: the page it serves, a whole sign-in through its /auth,
 * and the app's own session holding the tokens afterwards; then two of it on one Redis behind nginx.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createClient } from 'redis';
import { SERVER_CLIENT_ID, SERVER_CLIENT_SECRET, startSimulator } from 'ov-sim';
import { createApp } from '../../examples/express-bff/server.ts';
import { ControlApi } from 'ov-sim/client';
import { BrowserSession, SAME_ORIGIN } from './support/browser-session.ts';
import { expectStep, pushApproved, totpEntered } from './support/flows.ts';
import { redisSkip, startRedis } from './support/redis-server.ts';
import { nginxSkip, startNginx } from './support/scale/nginx.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const sim = await startSimulator({ port: 0, config: { testing: true } });
const server = createApp({
  issuer: sim.issuer,
  clientId: SERVER_CLIENT_ID,
  clientSecret: SERVER_CLIENT_SECRET,
  redirectUri: 'http://localhost:3000/login/callback',
}).listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
after(async () => {
  server.close();
  server.closeAllConnections();
  await sim.close();
});

before(() => {
  // The page loads the server-mode build; `npm run example:server` builds it first, as this does when it is missing.
  if (!existsSync(`${REPO}dist/bundle/ov-signin-server-mode.js`))
    execFileSync('npm', ['run', '--silent', 'build:bundle'], { cwd: REPO, stdio: 'pipe' });
});

test('the page: the widget in server mode, the server-mode build, a strict Content-Security-Policy', async () => {
  const page = await fetch(`${origin}/`);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /<ov-signin endpoint="\/auth"><\/ov-signin>/);
  assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'self'/);
  const bundle = await fetch(`${origin}/ov-signin-server-mode.js`);
  assert.equal(bundle.status, 200);
  assert.doesNotMatch(await bundle.text(), /okta-auth-js|OktaAuth/);
});

test('username and password, then an Okta Verify code: the page learns the name and email, the app keeps the tokens', async () => {
  await new ControlApi(sim).reset();
  const browser = new BrowserSession(`${origin}/auth`);
  const done = await totpEntered(browser, new ControlApi(sim), 'totp@example.com');
  await expectStep(done, 'success');
  assert.deepEqual(Object.keys(done.json.shared ?? {}).sort(), ['email', 'name']);
  assert.equal(done.json.shared?.email, 'totp@example.com');

  const appCookie = done.headers.getSetCookie().find((c) => c.startsWith('example-app-session='));
  assert.match(appCookie ?? '', /; HttpOnly; SameSite=Lax$/);
  const me = await (await fetch(`${origin}/api/me`, { headers: { cookie: appCookie!.split(';')[0]! } })).json();
  assert.equal(me.signedIn, true);
  assert.equal(me.email, 'totp@example.com');
  assert.ok(me.accessTokenExpiresAt > Date.now() / 1000);
  assert.deepEqual(await (await fetch(`${origin}/api/me`)).json(), { signedIn: false });
});

test('over https (a TLS proxy in front, trusted on loopback) the app’s own cookie is Secure too', async () => {
  await new ControlApi(sim).reset();
  const browser = new BrowserSession(`${origin}/auth`, { ...SAME_ORIGIN, 'x-forwarded-proto': 'https' });
  const done = await pushApproved(browser, new ControlApi(sim), 'push@example.com');
  await expectStep(done, 'success');
  const appCookie = done.headers.getSetCookie().find((c) => c.startsWith('example-app-session='));
  assert.match(appCookie ?? '', /; HttpOnly; SameSite=Lax; Secure$/);
});

test(
  'two processes’ worth of the app on one Redis behind nginx, no sticky sessions: one sign-in, and either answers /api/me',
  { skip: redisSkip || nginxSkip },
  async (t) => {
    await new ControlApi(sim).reset();
    const redis = await startRedis();
    // Redis stops last, after the apps' clients have closed.
    const cleanups: Array<() => unknown> = [() => redis.stop()];
    t.after(async () => {
      for (const cleanup of cleanups.reverse()) await cleanup();
    });
    const csrfSecret = 'one-secret-for-every-process-0123456789';
    const apps = await Promise.all(
      [0, 1].map(async () => {
        const client = await createClient({ url: redis.url }).connect();
        const app = createApp({
          issuer: sim.issuer,
          clientId: SERVER_CLIENT_ID,
          clientSecret: SERVER_CLIENT_SECRET,
          redirectUri: 'http://localhost:3000/login/callback',
          redis: client,
          csrfSecret,
        });
        const served = { count: 0 };
        const listening = http.createServer((req, res) => {
          served.count++;
          app(req, res);
        });
        await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
        cleanups.push(async () => {
          listening.close();
          listening.closeAllConnections();
          await client.close();
        });
        return { served, origin: `http://127.0.0.1:${(listening.address() as AddressInfo).port}` };
      }),
    );
    const balancer = await startNginx(apps.map((app) => Number(new URL(app.origin).port)));
    cleanups.push(() => balancer.stop());

    const browser = new BrowserSession(`${balancer.url}/auth`);
    const done = await totpEntered(browser, new ControlApi(sim), 'totp@example.com');
    await expectStep(done, 'success');
    for (const app of apps) assert.ok(app.served.count > 0, `${app.origin} served some of the sign-in`);
    const appCookie = done.headers
      .getSetCookie()
      .find((c) => c.startsWith('example-app-session='))!
      .split(';')[0]!;
    for (const app of apps) {
      const me = await (await fetch(`${app.origin}/api/me`, { headers: { cookie: appCookie } })).json();
      assert.equal(me.email, 'totp@example.com', `${app.origin} knows the app session`);
    }
  },
);
