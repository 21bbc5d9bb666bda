/**
 * The sign-in API through each adapter (Node's http, Express, Fastify), with the real okta-auth-js
 * against the simulator: a whole sign-in each, the cookie the browser gets, the tokens handed to
 * the app and never to the browser.
 */
import assert from 'node:assert/strict';
import { after, beforeEach, describe, test } from 'node:test';
import { startSimulator } from 'ov-sim';
import { ControlApi } from 'ov-sim/client';
import { verifyTokens } from '../sim/support/token-verifier.ts';
import { BrowserSession } from './support/browser-session.ts';
import type { Answer } from './support/browser-session.ts';
import { expectStep, pushApproved, qrScanned, totpEntered } from './support/flows.ts';
import { expectNoneIn, tokenStrings } from './support/secrets.ts';
import { startServer } from './support/servers.ts';
import type { AdapterKind, RunningServer } from './support/servers.ts';

const sim = await startSimulator({ port: 0, config: { testing: true } });
after(() => sim.close());
const control = new ControlApi(sim);
beforeEach(() => control.reset());

const flows: Record<
  AdapterKind,
  { login: string; run: (browser: BrowserSession, login: string) => Promise<Answer>; steps: string }
> = {
  node: { login: 'push@example.com', run: (b, l) => pushApproved(b, control, l), steps: 'push approved' },
  express: { login: 'totp@example.com', run: (b, l) => totpEntered(b, control, l), steps: 'Okta Verify code' },
  fastify: { login: 'enroll@example.com', run: (b, l) => qrScanned(b, control, l), steps: 'QR enrolment' },
};

for (const [kind, flow] of Object.entries(flows) as Array<[AdapterKind, (typeof flows)[AdapterKind]]>) {
  describe(`${kind} adapter`, () => {
    let server: RunningServer;
    beforeEach(async () => {
      server = await startServer(kind, sim);
    });

    test(`a whole sign-in (${flow.steps}): tokens to the app, what it shares to the browser, no token in any answer`, async (t) => {
      t.after(() => server.close());
      const browser = new BrowserSession(server.base);
      const done = await flow.run(browser, flow.login);

      const success = await expectStep(done, 'success');
      assert.equal(success.identifier, flow.login);
      assert.deepEqual(done.json.shared, { email: flow.login, name: server.signIns[0]?.tokens.idToken?.claims.name });
      assert.equal(server.signIns.length, 1);
      const { idClaims } = await verifyTokens(sim, server.signIns[0]!.tokens, flow.login);
      assert.ok(idClaims.amr?.includes('mfa'));
      expectNoneIn(browser.answers, tokenStrings(server.signIns[0]!.tokens), 'tokens');
      assert.ok(
        browser.answers.every((a) => a.headers.get('cache-control') === 'no-store'),
        'no answer may be cached',
      );
      assert.deepEqual(server.errors, []);

      // The transaction is over: nothing is left to continue.
      const after = await browser.post('poll', {
        step: flow.steps === 'QR enrolment' ? 'enroll-poll' : 'challenge-poll',
      });
      assert.deepEqual([after.status, after.json.error], [404, 'expired']);
    });

    test('the session cookie: host-only, HttpOnly, SameSite=Strict, Secure on a loopback host', async (t) => {
      t.after(() => server.close());
      const browser = new BrowserSession(server.base);
      const opened = await browser.open();
      assert.equal(opened.status, 200);
      const [cookie, ...more] = opened.headers.getSetCookie();
      assert.deepEqual(more, []);
      assert.match(cookie!, /^__Host-ov-session=[\w-]{43}\.[\w-]{43}; Path=\/; HttpOnly; Secure; SameSite=Strict$/);
      assert.match(opened.json.csrfToken ?? '', /^[A-Za-z0-9_-]{43}$/);
      // The same session again: the same token, no new cookie.
      const again = await browser.open();
      assert.equal(again.json.csrfToken, opened.json.csrfToken);
      assert.deepEqual(again.headers.getSetCookie(), []);
    });
  });
}
