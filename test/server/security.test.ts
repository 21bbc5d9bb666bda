/**
 * The API's defences, through the Node adapter with the real okta-auth-js and the simulator: CSRF
 * (token, JSON only, other sites refused), what a step may carry, sessions kept apart, requests of
 * one session serialized, and nothing secret in any answer.
 */
import assert from 'node:assert/strict';
import { after, afterEach, beforeEach, describe, test } from 'node:test';
import { startSimulator } from 'ov-sim';
import { ControlApi, VirtualDevice } from 'ov-sim/client';
import { BrowserSession } from './support/browser-session.ts';
import {
  chooseOktaVerify,
  expectStep,
  pollUntilDone,
  pushApproved,
  rateLimitedPoll,
  signInWithPassword,
  stepOf,
  totpEntered,
  waitForPush,
} from './support/flows.ts';
import { expectNoneIn, tokenStrings, transactionSecrets } from './support/secrets.ts';
import { RecordingStore } from './support/stores.ts';
import { startServer } from './support/servers.ts';
import type { RunningServer } from './support/servers.ts';

const sim = await startSimulator({ port: 0, config: { testing: true } });
after(() => sim.close());
const control = new ControlApi(sim);

let server: RunningServer;
let store: RecordingStore;
beforeEach(async () => {
  await control.reset();
  store = new RecordingStore();
  server = await startServer('node', sim, { store });
});
afterEach(() => server.close());

/** A browser with a session and a transaction at identify. */
async function started(): Promise<BrowserSession> {
  const browser = new BrowserSession(server.base);
  await browser.open();
  await expectStep(browser.post('start'), 'identify');
  return browser;
}

const refusal = (answer: { status: number; json: { error?: string } }) => [answer.status, answer.json.error];

describe('CSRF', () => {
  test('a POST without the token, with a wrong one, or with another session’s is refused, and changes nothing', async () => {
    const browser = await started();
    const other = new BrowserSession(server.base);
    await other.open();
    const identify = { step: 'identify', values: { username: 'push@example.com', password: 'Ov-Demo-2026!' } };
    assert.deepEqual(refusal(await browser.post('proceed', identify, { csrf: null })), [403, 'forbidden']);
    assert.deepEqual(refusal(await browser.post('proceed', identify, { csrf: 'x'.repeat(43) })), [403, 'forbidden']);
    assert.deepEqual(refusal(await browser.post('proceed', identify, { csrf: other.csrfToken })), [403, 'forbidden']);
    assert.deepEqual(refusal(await browser.post('cancel', {}, { csrf: null })), [403, 'forbidden']);
    // Still at identify: none of them reached Okta.
    assert.ok(!(await control.requests()).some((r) => r.path === '/idp/idx/identify'));
    await expectStep(browser.post('start', { resume: true }), 'identify');
  });

  test('without the cookie, or with a cookie that names no session, a POST is refused', async () => {
    const browser = await started();
    assert.deepEqual(refusal(await browser.post('start', {}, { cookie: null })), [403, 'forbidden']);
    assert.deepEqual(refusal(await browser.post('start', {}, { cookie: `__Host-ov-session=${'A'.repeat(43)}` })), [
      403,
      'forbidden',
    ]);
  });

  test('only JSON is accepted: what a form or a “simple” cross-site fetch can send is refused', async () => {
    const browser = await started();
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const answer = await browser.post('cancel', {}, { contentType, rawBody: '{}' });
      assert.deepEqual(refusal(answer), [415, 'unsupported-media-type'], contentType);
    }
  });

  test('a request the browser says another site (or another origin) started is refused, token and cookie notwithstanding', async () => {
    const browser = await started();
    for (const site of ['cross-site', 'same-site', 'none']) {
      assert.deepEqual(
        refusal(await browser.post('start', {}, { headers: { 'sec-fetch-site': site } })),
        [403, 'forbidden'],
        site,
      );
    }
    // Browsers without Sec-Fetch-Site: the Origin decides.
    const bare = new BrowserSession(server.base, {});
    bare.cookie = browser.cookie;
    bare.csrfToken = browser.csrfToken;
    assert.deepEqual(refusal(await bare.post('start', {}, { headers: { origin: 'http://evil.example' } })), [
      403,
      'forbidden',
    ]);
    assert.deepEqual(refusal(await bare.post('start', {}, { headers: { origin: 'null' } })), [403, 'forbidden']);
    const sameOrigin = await bare.post('start', {}, { headers: { origin: new URL(server.base).origin } });
    await expectStep(sameOrigin, 'identify');
  });

  test('GET session from another site opens nothing and tells nothing', async () => {
    const stranger = new BrowserSession(server.base, { 'sec-fetch-site': 'cross-site' });
    const answer = await stranger.open();
    assert.deepEqual(refusal(answer), [403, 'forbidden']);
    assert.deepEqual(answer.headers.getSetCookie(), []);
    assert.equal(store.size, 0);
  });
});

describe('what a request may ask', () => {
  test('only steps, actions and values of the current transaction reach okta-auth-js', async () => {
    const browser = await started();
    const bad = [
      ['proceed', { step: 'challenge-authenticator', values: { verificationCode: '123456' } }],
      ['proceed', { step: 'identify', values: { username: 'push@example.com', stateHandle: 'x' } }],
      ['proceed', { step: 'identify', values: { username: 'push@example.com', exchangeCodeForTokens: false } }],
      ['proceed', { step: 'identify', values: { username: { nested: true } } }],
      ['proceed', { step: 'identify', values: { username: 'x'.repeat(2000) } }],
      ['proceed', { step: 'identify', values: ['username'] }],
      ['proceed', {}],
      ['poll', { step: 'identify' }],
      ['resend', { action: 'cancel' }],
      ['resend', { action: 'currentAuthenticator-resend' }],
    ] as const;
    for (const [route, body] of bad) {
      assert.deepEqual(
        refusal(await browser.post(route, body)),
        [400, 'invalid-request'],
        `${route} ${JSON.stringify(body).slice(0, 80)}`,
      );
    }
    const picker = await signInWithPassword(browser, 'push@example.com', 'select-authenticator-authenticate');
    const option = picker.options[0]!;
    const withExtra = { authenticator: { ...(option.values.authenticator as object), key: 'okta_password' } };
    assert.deepEqual(refusal(await browser.post('proceed', { step: picker.name, values: withExtra })), [
      400,
      'invalid-request',
    ]);
    assert.deepEqual(
      refusal(await browser.post('proceed', { step: picker.name, values: option.values }, { rawBody: '{"step":' })),
      [400, 'invalid-request'],
    );
    assert.deepEqual(
      refusal(await browser.post('proceed', {}, { rawBody: JSON.stringify({ pad: 'x'.repeat(20_000) }) })),
      [413, 'payload-too-large'],
    );
    // The refused requests left the transaction where it was.
    const next = stepOf(await browser.post('proceed', { step: picker.name, values: option.values }));
    assert.ok(
      ['challenge-poll', 'challenge-authenticator', 'authenticator-verification-data'].includes(next.name),
      next.name,
    );
  });

  test('routes and methods: unknown routes 404, wrong methods 405, a session without transaction 404 expired', async () => {
    const browser = new BrowserSession(server.base);
    await browser.open();
    assert.deepEqual(refusal(await browser.post('poll', { step: 'challenge-poll' })), [404, 'expired']);
    assert.deepEqual(refusal(await browser.post('cancel')), [404, 'expired']);
    assert.deepEqual(refusal(await browser.post('tokens')), [404, 'not-found']);
    assert.deepEqual(refusal(await browser.post('session')), [405, 'method-not-allowed']);
    const get = await fetch(`${server.base}/start`, { headers: { cookie: browser.cookie! } });
    assert.deepEqual([get.status, get.headers.get('allow')], [405, 'POST']);
  });
});

describe('sessions', () => {
  test('two users signing in at once: each session sees only its own transaction, each user gets only their own tokens', async () => {
    const push = new BrowserSession(server.base);
    const totp = new BrowserSession(server.base);
    // Interleaved: both at Okta Verify together, the code user finishes while the push user waits.
    const [waiting] = await Promise.all([
      chooseOktaVerify(push, 'push@example.com', 'push'),
      chooseOktaVerify(totp, 'totp@example.com', 'totp'),
    ]);
    await expectStep(waiting, 'challenge-poll');
    assert.notEqual(push.cookie, totp.cookie);
    assert.notEqual(push.answers.at(-1)!.json.transaction!.id, totp.answers.at(-1)!.json.transaction!.id);
    // The code user's session has no push to poll: the other session's step is not theirs.
    assert.deepEqual(refusal(await totp.post('poll', { step: 'challenge-poll' })), [400, 'invalid-request']);
    // Nor does one session's token open the other.
    assert.deepEqual(refusal(await totp.post('poll', { step: 'challenge-poll' }, { csrf: push.csrfToken })), [
      403,
      'forbidden',
    ]);

    const code = await (await VirtualDevice.of(control, 'totp@example.com')).totp();
    const totpDone = await totp.post('proceed', {
      step: 'challenge-authenticator',
      values: { verificationCode: code },
    });
    await expectStep(totpDone, 'success');
    const device = await VirtualDevice.of(control, 'push@example.com');
    await device.approve(await waitForPush(device));
    const pushDone = await pollUntilDone(push, 'challenge-poll');
    await expectStep(pushDone, 'success');

    assert.equal(totpDone.json.shared?.email, 'totp@example.com');
    assert.equal(pushDone.json.shared?.email, 'push@example.com');
    const byCookie = new Map(
      server.signIns.map((s) => [s.request.headers.get('cookie'), s.tokens.idToken?.claims.email]),
    );
    assert.deepEqual(Object.fromEntries(byCookie), {
      [totp.cookie!]: 'totp@example.com',
      [push.cookie!]: 'push@example.com',
    });
  });

  test('a poll racing a cancel: the session’s requests run one after the other, and the cancel wins', async () => {
    const browser = new BrowserSession(server.base);
    await expectStep(chooseOktaVerify(browser, 'push@example.com', 'push'), 'challenge-poll');
    const [poll, cancel] = await Promise.all([
      browser.post('poll', { step: 'challenge-poll' }),
      browser.post('cancel'),
    ]);
    assert.equal(stepOf(poll).name, 'challenge-poll');
    assert.equal(cancel.json.transaction?.status, 'CANCELED');
    const idx = (await control.requests()).filter((r) => r.path.startsWith('/idp/idx/')).map((r) => r.path);
    assert.deepEqual(idx.slice(-2), ['/idp/idx/authenticators/poll', '/idp/idx/cancel']);
    // The poll's answer did not bring the cancelled transaction back.
    assert.deepEqual(refusal(await browser.post('poll', { step: 'challenge-poll' })), [404, 'expired']);
    await expectStep(browser.post('start', { resume: true }), 'identify');
  });

  test('a reload resumes the session’s transaction where it was, with the same id, asking Okta once', async () => {
    const browser = new BrowserSession(server.base);
    const waiting = await chooseOktaVerify(browser, 'push@example.com', 'push');
    const before = (await control.requests()).length;
    const resumed = await browser.post('start', { resume: true });
    assert.equal(stepOf(resumed).name, 'challenge-poll');
    assert.equal(resumed.json.transaction?.id, waiting.json.transaction?.id);
    const asked = (await control.requests()).slice(before).map((r) => r.path);
    assert.deepEqual(asked, ['/idp/idx/introspect']);
    // start without resume: a new transaction, a new id.
    const fresh = await browser.post('start');
    assert.equal(stepOf(fresh).name, 'identify');
    assert.notEqual(fresh.json.transaction?.id, waiting.json.transaction?.id);
  });
});

test('a step Okta took whose record was never saved (the process died): the resume finds where Okta is', async () => {
  const browser = new BrowserSession(server.base);
  const picker = await signInWithPassword(browser, 'push@example.com', 'select-authenticator-authenticate');
  const push = picker.options.find((o) => o.value.endsWith(':push'));
  assert.ok(push, 'push is offered');
  store.loseNextWrite = true;
  const lost = await browser.post('proceed', { step: picker.name, values: push.values });
  assert.deepEqual(refusal(lost), [502, 'upstream'], 'the page hears "try again"');
  // The record still says "choose a method"; Okta already sent the push and waits for it.
  const resumed = await browser.post('start', { resume: true });
  assert.equal(stepOf(resumed).name, 'challenge-poll');
  const device = await VirtualDevice.of(control, 'push@example.com');
  await device.approve(await waitForPush(device));
  await expectStep(pollUntilDone(browser, 'challenge-poll'), 'success');
});

describe('what reaches the browser', () => {
  test('no token, state handle, interaction handle, PKCE verifier or state in any answer of a whole sign-in', async () => {
    const browser = new BrowserSession(server.base);
    await expectStep(pushApproved(browser, control, 'push@example.com'), 'success');
    const secrets = [...new Set(store.written.flatMap(transactionSecrets))];
    assert.ok(secrets.length >= 4, `found ${secrets.length} transaction secrets in the store`);
    expectNoneIn(browser.answers, secrets, 'transaction secrets');
    expectNoneIn(browser.answers, tokenStrings(server.signIns[0]!.tokens), 'tokens');
    // The wire form of a transaction: only the documented keys.
    for (const answer of browser.answers.filter((a) => a.json.transaction)) {
      const wire = answer.json.transaction!;
      assert.deepEqual(
        Object.keys(wire).sort(),
        ['actions', 'context', 'id', 'messages', 'raw', 'remediations', 'requestDidSucceed', 'status']
          .filter((k) => k in wire)
          .sort(),
      );
      assert.ok(!('stateHandle' in wire.context) && !('headers' in wire.context));
      for (const remediation of wire.remediations)
        assert.deepEqual(
          Object.keys(remediation).filter((k) => !['name', 'value', 'relatesTo', 'refresh'].includes(k)),
          [],
        );
    }
  });

  test('a wrong code: Okta’s message reaches the widget as a step, and the right code still signs in', async () => {
    const browser = new BrowserSession(server.base);
    await expectStep(chooseOktaVerify(browser, 'totp@example.com', 'totp'), 'challenge-authenticator');
    const wrong = await browser.post('proceed', {
      step: 'challenge-authenticator',
      values: { verificationCode: '000000' },
    });
    assert.equal(wrong.json.transaction?.requestDidSucceed, false);
    const step = stepOf(wrong);
    assert.equal(step.name, 'challenge-authenticator');
    assert.ok(
      step.inputs.some((i) => i.messages.length > 0) || step.messages.length > 0,
      'the server’s message is in the step',
    );
    const code = await (await VirtualDevice.of(control, 'totp@example.com')).totp();
    await expectStep(
      browser.post('proceed', { step: 'challenge-authenticator', values: { verificationCode: code } }),
      'success',
    );
  });
});

describe('Okta failing', () => {
  test('Okta rate-limits a poll: 429 with its Retry-After and the transaction, and the next poll goes on', async () => {
    const browser = new BrowserSession(server.base);
    await expectStep(chooseOktaVerify(browser, 'push@example.com', 'push'), 'challenge-poll');
    const limited = await rateLimitedPoll(browser, control);
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '3');
    assert.equal(limited.json.transaction?.status, 'TERMINAL');
    await expectStep(browser.post('poll', { step: 'challenge-poll' }), 'challenge-poll');
  });

  test('Okta answers 503: 502 upstream, and the session keeps its state', async () => {
    const browser = new BrowserSession(server.base);
    await expectStep(chooseOktaVerify(browser, 'push@example.com', 'push'), 'challenge-poll');
    await control.call('POST', '/faults', {
      kind: 'status',
      status: 503,
      path: '/idp/idx/authenticators/poll',
      count: 1,
    });
    const failed = await browser.post('poll', { step: 'challenge-poll' });
    assert.ok(
      failed.status === 502 || failed.json.transaction?.status === 'TERMINAL',
      `answered ${failed.status}: ${failed.text.slice(0, 200)}`,
    );
    await expectStep(browser.post('poll', { step: 'challenge-poll' }), 'challenge-poll');
  });

  test('Okta cannot be reached: 502 upstream, nothing reported as a server error', async (t) => {
    const down = await startServer('node', { issuer: 'http://127.0.0.1:9/oauth2/default', clientId: 'ov-demo' });
    t.after(() => down.close());
    const browser = new BrowserSession(down.base);
    await browser.open();
    assert.deepEqual(refusal(await browser.post('start')), [502, 'upstream']);
    assert.deepEqual(down.errors, []);
  });
});

describe('cookie flags', () => {
  test('Secure and __Host- by default, on https, loopback, and plain http (a TLS proxy in front); Lax on request', async () => {
    const { createSignInHandler } = await import('../../src/server/index.ts');
    const handler = createSignInHandler({
      okta: { issuer: sim.issuer, clientId: sim.clientId, redirectUri: 'http://localhost:8080/login/callback' },
      onSuccess: () => undefined,
    });
    const cookieFor = async (url: string) =>
      (await handler.handle(new Request(url))).headers.getSetCookie()[0]!.replace(/=[\w-]{43}\.[\w-]{43};/, '=…;');
    assert.equal(
      await cookieFor('https://signin.example.test/auth/session'),
      '__Host-ov-session=…; Path=/; HttpOnly; Secure; SameSite=Strict',
    );
    assert.equal(
      await cookieFor('http://localhost:3000/auth/session'),
      '__Host-ov-session=…; Path=/; HttpOnly; Secure; SameSite=Strict',
    );
    assert.equal(
      await cookieFor('http://[::1]:3000/auth/session'),
      '__Host-ov-session=…; Path=/; HttpOnly; Secure; SameSite=Strict',
    );
    assert.equal(
      await cookieFor('http://192.168.1.20:3000/auth/session'),
      '__Host-ov-session=…; Path=/; HttpOnly; Secure; SameSite=Strict',
    );
    const lax = createSignInHandler({
      okta: { issuer: sim.issuer, clientId: sim.clientId, redirectUri: 'http://localhost:8080/login/callback' },
      onSuccess: () => undefined,
      cookie: { name: 'signin', sameSite: 'Lax' },
    });
    const laxCookie = (await lax.handle(new Request('http://192.168.1.20/auth/session'))).headers.getSetCookie()[0]!;
    assert.match(laxCookie, /^__Host-signin=[\w-]{43}\.[\w-]{43}; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
  });
});

describe('the sign-in itself', () => {
  test('a totp sign-in through the recording store hands over exactly one set of tokens', async () => {
    const browser = new BrowserSession(server.base);
    await expectStep(totpEntered(browser, control, 'totp@example.com'), 'success');
    assert.equal(server.signIns.length, 1);
    // The finished transaction's record is deleted; every record written held the page's token.
    assert.equal(store.size, 0);
    assert.ok(store.written.every((record) => record.csrfToken === browser.csrfToken));
  });
});
