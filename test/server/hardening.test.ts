/**
 * The findings of the security review of server mode (issue 16), each as an attack that must fail:
 * session fixation, cookies that lose Secure behind a TLS proxy, anonymous requests that flush the
 * store or multiply calls to Okta, malformed Host headers, Origin checks by host only, and requests
 * that never finish sending their body. Real okta-auth-js, real HTTP, the simulator as Okta.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { after, afterEach, beforeEach, describe, test } from 'node:test';
import { startSimulator } from 'ov-sim';
import { ControlApi } from 'ov-sim/client';
import { createSignInHandler, createSignInServer, MemorySessionStore, nodeSignIn } from '../../src/server/index.ts';
import { BrowserSession } from './support/browser-session.ts';
import { chooseOktaVerify, expectStep, pushApproved, totpEntered } from './support/flows.ts';
import { oktaSettings, startServer } from './support/servers.ts';
import { RecordingStore } from './support/stores.ts';
import type { AdapterKind, RunningServer } from './support/servers.ts';

const sim = await startSimulator({ port: 0, config: { testing: true } });
after(() => sim.close());
const control = new ControlApi(sim);
beforeEach(() => control.reset());

const refusal = (answer: { status: number; json: { error?: string } }) => [answer.status, answer.json.error];
const IDENTIFY = { step: 'identify', values: { username: 'push@example.com', password: 'Ov-Demo-2026!' } };

describe('session fixation (finding 1)', () => {
  let server: RunningServer;
  let store: RecordingStore;
  beforeEach(async () => {
    store = new RecordingStore();
    server = await startServer('node', sim, { store });
  });
  afterEach(() => server.close());

  test('a new session id when a transaction starts and again after identify; the old ids name nothing', async () => {
    const browser = new BrowserSession(server.base);
    await browser.open();
    const planted = browser.cookie!;
    const started = await browser.post('start');
    await expectStep(started, 'identify');
    const atStart = browser.cookie!;
    assert.notEqual(atStart, planted, 'start sets a new session cookie');
    assert.equal(store.size, 1);
    await expectStep(browser.post('proceed', IDENTIFY), 'select-authenticator-authenticate');
    const afterIdentify = browser.cookie!;
    assert.notEqual(afterIdentify, atStart, 'identify sets a new session cookie');
    assert.equal(store.size, 1, 'the record under the previous id is deleted');
    // Whoever holds an earlier id (they planted it, or saw it before the rotation) gets nothing.
    for (const old of [planted, atStart]) {
      const poll = await browser.post('proceed', { step: 'select-authenticator-authenticate' }, { cookie: old });
      assert.deepEqual(refusal(poll), [404, 'expired'], old);
      assert.ok(!poll.text.includes('push@example.com'));
    }
  });

  test('a rotation whose new record is never written leaves the old id naming nothing, even for a resume', async () => {
    const attacker = new BrowserSession(server.base);
    await attacker.open();
    const victim = new BrowserSession(server.base);
    victim.cookie = attacker.cookie;
    await victim.open();
    await expectStep(victim.post('start'), 'identify');
    // The attacker saw the id of the started transaction (as a planted or sniffed cookie would be).
    attacker.cookie = victim.cookie;
    store.loseNextWrite = true;
    assert.deepEqual(refusal(await victim.post('proceed', IDENTIFY)), [502, 'upstream']);
    const resumed = await attacker.post('start', { resume: true });
    assert.equal(resumed.json.transaction?.context.user, undefined, 'nobody identified');
    await expectStep(resumed, 'identify');
  });

  test('the planted cookie of an attacker never receives the victim’s sign-in', async () => {
    const attacker = new BrowserSession(server.base);
    await attacker.open();
    const victim = new BrowserSession(server.base);
    victim.cookie = attacker.cookie;
    await victim.open();
    await expectStep(pushApproved(victim, control, 'push@example.com'), 'success');
    assert.notEqual(victim.cookie, attacker.cookie);
    const resumed = await attacker.post('start', { resume: true });
    assert.equal(resumed.json.transaction?.context.user, undefined, 'a fresh transaction, nobody identified');
    await expectStep(resumed, 'identify');
    assert.equal(server.signIns.length, 1);
  });

  test('success and cancel delete the session’s record', async () => {
    const done = new BrowserSession(server.base);
    await expectStep(totpEntered(done, control, 'totp@example.com'), 'success');
    assert.equal(store.size, 0, 'after success');
    const cancelled = new BrowserSession(server.base);
    await expectStep(chooseOktaVerify(cancelled, 'push@example.com', 'push'), 'challenge-poll');
    assert.equal(store.size, 1);
    assert.equal((await cancelled.post('cancel')).json.transaction?.status, 'CANCELED');
    assert.equal(store.size, 0, 'after cancel');
    // The page may begin again with the token it holds.
    await expectStep(cancelled.post('start'), 'identify');
  });

  test('two cookies of the session’s name are refused with a 400 that says so, never the first one taken', async () => {
    const browser = new BrowserSession(server.base);
    await browser.open();
    await expectStep(browser.post('start'), 'identify');
    const stranger = new BrowserSession(server.base);
    await stranger.open();
    const both = `${browser.cookie!}; ${stranger.cookie!}`;
    const post = await browser.post('start', { resume: true }, { cookie: both });
    assert.deepEqual(refusal(post), [400, 'duplicate-session-cookie']);
    const get = await new BrowserSession(server.base).open({ cookie: both });
    assert.deepEqual(refusal(get), [400, 'duplicate-session-cookie']);
    assert.deepEqual(get.headers.getSetCookie(), []);
  });
});

describe('Secure cookies by default (finding 2)', () => {
  const handlerWith = (options: Partial<Parameters<typeof createSignInHandler>[0]> = {}) =>
    createSignInHandler({ okta: oktaSettings(sim), onSuccess: () => undefined, ...options });
  const cookieFor = async (handler: ReturnType<typeof handlerWith>, url: string) =>
    (await handler.handle(new Request(url))).headers.getSetCookie()[0]!.replace(/=[\w.-]+;/, '=…;');
  const SECURE = '__Host-ov-session=…; Path=/; HttpOnly; Secure; SameSite=Strict';

  test('behind a TLS proxy the handler sees plain http: the cookie is Secure and __Host- all the same', async () => {
    const handler = handlerWith();
    for (const url of ['http://app.example.com/auth/session', 'http://192.168.1.20:3000/auth/session'])
      assert.equal(await cookieFor(handler, url), SECURE, url);
  });

  test('plain cookies only by the loud opt-out, and only on plain http', async () => {
    const handler = handlerWith({ insecureCookiesOnHttp: true });
    assert.equal(
      await cookieFor(handler, 'http://192.168.1.20:3000/auth/session'),
      'ov-session=…; Path=/; HttpOnly; SameSite=Strict',
    );
    assert.equal(await cookieFor(handler, 'https://app.example.com/auth/session'), SECURE);
  });

  test('NODE_ENV=production with the opt-out refuses to start, saying what to set; the removed `secure` too', () => {
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      assert.throws(() => handlerWith({ insecureCookiesOnHttp: true }), /NODE_ENV=production.*insecureCookiesOnHttp/s);
      handlerWith();
    } finally {
      if (previous === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = previous;
    }
    assert.throws(() => handlerWith({ cookie: { secure: false } as never }), /cookie\.secure.*insecureCookiesOnHttp/s);
  });
});

describe('anonymous requests (finding 3)', () => {
  test('GET session stores nothing: a flood of them leaves a live sign-in alone', async (t) => {
    const store = new MemorySessionStore({ maxSessions: 20 });
    const server = await startServer('node', sim, { store });
    t.after(() => server.close());
    const live = new BrowserSession(server.base);
    await expectStep(chooseOktaVerify(live, 'push@example.com', 'push'), 'challenge-poll');
    for (let i = 0; i < 100; i++) assert.equal((await new BrowserSession(server.base).open()).status, 200);
    assert.equal(store.size, 1);
    await expectStep(live.post('poll', { step: 'challenge-poll' }), 'challenge-poll');
  });

  test('GET session says whether the session holds a sign-in to resume, reading only', async (t) => {
    const store = new MemorySessionStore();
    const server = await startServer('node', sim, { store });
    t.after(() => server.close());
    const browser = new BrowserSession(server.base);
    assert.equal((await browser.open()).json.resumable, false, 'a new session');
    assert.equal((await browser.open()).json.resumable, false, 'its cookie, no transaction yet');
    assert.equal(store.size, 0);
    await expectStep(chooseOktaVerify(browser, 'push@example.com', 'push'), 'challenge-poll');
    assert.equal((await browser.open()).json.resumable, true, 'a sign-in in progress');
    assert.equal((await browser.post('cancel')).json.transaction?.status, 'CANCELED');
    assert.equal((await browser.open()).json.resumable, false, 'after cancel');
  });

  test('the token of a GET session is bound to its cookie and to the handler’s secret', async (t) => {
    const secret = 'a-secret-shared-by-every-process-of-the-app';
    const store = new MemorySessionStore();
    const one = await startServer('node', sim, { store, csrfSecret: secret });
    const two = await startServer('express', sim, { store, csrfSecret: secret });
    const other = await startServer('node', sim, { store, csrfSecret: 'another-secret-of-another-deployment' });
    t.after(() => Promise.all([one.close(), two.close(), other.close()]));
    const browser = new BrowserSession(one.base);
    await browser.open();
    const elsewhere = new BrowserSession(one.base);
    await elsewhere.open();
    // Another process with the same secret accepts the token; another secret, or another cookie, does not.
    const onTwo = new BrowserSession(two.base);
    Object.assign(onTwo, { cookie: browser.cookie, csrfToken: browser.csrfToken });
    const onOther = new BrowserSession(other.base);
    Object.assign(onOther, { cookie: browser.cookie, csrfToken: browser.csrfToken });
    assert.deepEqual(refusal(await onOther.post('start')), [403, 'forbidden']);
    assert.deepEqual(refusal(await browser.post('start', {}, { cookie: elsewhere.cookie })), [403, 'forbidden']);
    await expectStep(onTwo.post('start'), 'identify');
  });

  test('OpenID discovery is fetched once per process and issuer, not once per session', async (t) => {
    const server = await startServer('node', sim);
    t.after(() => server.close());
    const start = async () => {
      const browser = new BrowserSession(server.base);
      await browser.open();
      await expectStep(browser.post('start'), 'identify');
    };
    // A burst of first starts, while nothing is cached yet, then more.
    await Promise.all([start(), start(), start()]);
    await start();
    await start();
    // Two whole sign-ins (a code reused within its period is refused: two users).
    await expectStep(totpEntered(new BrowserSession(server.base), control, 'totp@example.com'), 'success');
    await expectStep(pushApproved(new BrowserSession(server.base), control, 'push@example.com'), 'success');
    const paths = (await control.requests()).map((r) => r.path);
    assert.equal(paths.filter((p) => p.endsWith('/.well-known/openid-configuration')).length, 1);
    assert.equal(paths.filter((p) => p.endsWith('/v1/keys')).length, 1);
    assert.equal(paths.filter((p) => p.endsWith('/v1/interact')).length, 7);
  });

  test('a full memory store evicts sessions without a transaction before those with one', () => {
    const store = new MemorySessionStore({ maxSessions: 2 });
    store.set('signing-in', { csrfToken: 't', sdkStorage: {}, transactionId: 'x' }, 60_000);
    store.set('idle', { csrfToken: 't', sdkStorage: {} }, 60_000);
    store.set('new', { csrfToken: 't', sdkStorage: {}, transactionId: 'y' }, 60_000);
    assert.deepEqual(
      ['signing-in', 'idle', 'new'].map((k) => store.get(k) !== undefined),
      [true, false, true],
    );
  });
});

/** One HTTP/1.1 request written by hand, so its Host header can be anything; the whole answer. */
async function rawRequest(port: number, head: string, body = ''): Promise<{ status: number; json: unknown }> {
  const socket = net.connect(port, '127.0.0.1');
  socket.write(`${head}\r\nConnection: close\r\n\r\n${body}`);
  let text = '';
  socket.setEncoding('utf8');
  for await (const chunk of socket) text += chunk as string;
  const [header = '', payload = ''] = text.split('\r\n\r\n');
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    json = payload;
  }
  return { status: Number(/^HTTP\/1\.1 (\d{3})/.exec(header)?.[1] ?? 0), json };
}

describe('malformed Host headers (finding 4)', () => {
  for (const kind of ['node', 'express', 'fastify'] as AdapterKind[]) {
    test(`${kind}: 400 with the usual error body, no stack trace, no reset`, async (t) => {
      const server = await startServer(kind, sim);
      t.after(() => server.close());
      const port = Number(new URL(server.base).port);
      for (const host of ['exa mple.com', '[::1', 'a@b.example', 'x/y', '']) {
        for (const head of [
          `GET /auth/session HTTP/1.1\r\nHost: ${host}`,
          `POST /auth/start HTTP/1.1\r\nHost: ${host}`,
        ]) {
          const answer = await rawRequest(port, `${head}\r\nContent-Type: application/json\r\nContent-Length: 2`, '{}');
          assert.deepEqual(answer, { status: 400, json: { error: 'invalid-request' } }, `${kind} ${head}`);
        }
      }
      assert.deepEqual(server.errors, []);
    });
  }
});

describe('Origin checks (finding 5)', () => {
  test('an Origin with the same host and port but another scheme is another site', async (t) => {
    const server = await startServer('node', sim);
    t.after(() => server.close());
    const browser = new BrowserSession(server.base, {});
    await browser.open();
    const { host } = new URL(server.base);
    for (const origin of [`https://${host}`, `http://${host.replace(/:\d+$/, ':1')}`])
      assert.deepEqual(refusal(await browser.post('start', {}, { headers: { origin } })), [403, 'forbidden'], origin);
    await expectStep(browser.post('start', {}, { headers: { origin: `http://${host}` } }), 'identify');
  });
});

describe('timeouts (finding 7)', () => {
  test('createSignInServer: a Node server with bounded header and request times', () => {
    const server = createSignInServer(createSignInHandler({ okta: oktaSettings(sim), onSuccess: () => undefined }));
    assert.ok(server instanceof http.Server);
    assert.equal(server.headersTimeout, 10_000);
    assert.equal(server.requestTimeout, 30_000);
  });

  test('a body that never comes: 408 once the body timeout passes, the connection closed', async (t) => {
    const handler = createSignInHandler({ okta: oktaSettings(sim), onSuccess: () => undefined });
    const server = http.createServer(nodeSignIn(handler, { bodyTimeoutMs: 200 }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    t.after(() => {
      server.closeAllConnections();
      server.close();
    });
    const { port } = server.address() as AddressInfo;
    const answer = await rawRequest(
      port,
      `POST /auth/start HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: 100`,
      '{',
    );
    assert.deepEqual(answer, { status: 408, json: { error: 'request-timeout' } });
  });
});
