/**
 * Server mode's security, as a browser lives it: the cookie's flags, CSRF refused, another site's
 * requests without the cookie (SameSite) and refused, no token in any answer the page received,
 * and two users signing in at once without crossing.
 */
import { expect } from '@open-wc/testing';
import { verifyWithOktaVerify } from '../e2e/support/steps.js';
import { eventually, screenTitled } from '../e2e/support/screen.js';
import { VirtualDevice } from '../e2e/support/virtual-device.js';
import {
  ENDPOINT,
  expectNoOktaAuthJsLoaded,
  expectSignedInOnServer,
  leaks,
  mountServerMode,
  secondUserSignsIn,
  serverLog,
  sessionCookies,
  signInsOnServer,
  startFreshServerMode,
} from './support/server-mode.js';
import type { MountedSignin } from '../e2e/support/widget.js';
import { engine } from '../support/engine.js';

// WebKitGTK keeps no Secure cookie from plain http://localhost, so there the test server sets a plain
// `ov-session` cookie (web-test-runner.config.mjs) and the Secure cookie's own test cannot run; the
// second user's browser context is puppeteer's, which WebKit's WebDriver session has no equal of.
const itOutsideWebKit = engine === 'webkit' ? it.skip : it;

/** Signs `login` in up to the push-waiting screen. */
async function waitingForPush(login = 'push@example.com'): Promise<MountedSignin> {
  const mounted = await mountServerMode();
  await verifyWithOktaVerify(mounted, login, 'Get a push notification');
  await screenTitled(mounted.widget, 'Get a push notification');
  return mounted;
}

async function approvePush(login = 'push@example.com'): Promise<void> {
  const device = await VirtualDevice.of(login);
  expect(await device.approve(await device.nextPush())).to.equal('approved');
}

/** A fetch from this page (same origin, its cookie sent) to the API. */
function postFromPage(route: string, headers: Record<string, string>): Promise<Response> {
  return fetch(`${ENDPOINT}/${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: '{}',
  });
}

describe('server mode: security', () => {
  beforeEach(startFreshServerMode);

  itOutsideWebKit(
    'the session cookie: __Host-, HttpOnly, Secure, SameSite=Strict, a session cookie, invisible to the page [not WebKit: no Secure cookie on http://localhost]',
    async () => {
      await mountServerMode();
      const cookies = await sessionCookies();
      expect(cookies).to.have.length(1);
      const [cookie] = cookies;
      expect({ ...cookie, domain: undefined }).to.deep.equal({
        name: '__Host-ov-session',
        domain: undefined,
        path: '/',
        httpOnly: true,
        secure: true,
        sameSite: 'Strict',
        session: true,
      });
      expect(cookie!.domain, 'host-only').to.equal(location.hostname);
      expect(document.cookie).not.to.contain('ov-session');
      const [opened] = (await serverLog()).filter((e) => e.setCookie.length > 0);
      expect(opened!.setCookie[0]).to.match(
        /^__Host-ov-session=[\w-]{43}\.[\w-]{43}; Path=\/; HttpOnly; Secure; SameSite=Strict$/,
      );
    },
  );

  it('against session fixation: a new session id at start and after identify, the old ones refused, the sign-in goes on', async () => {
    const mounted = await waitingForPush();
    // GET session sets a cookie only when the browser has none (an earlier test may have left one).
    const rotations = (await serverLog()).filter((e) => e.method === 'POST' && e.setCookie.length > 0);
    expect(rotations.map((e) => `${e.route} ${e.status}`)).to.deep.equal(['start 200', 'proceed 200']);
    const [first, ...rotated] = [
      rotations[0]!.sessionIdSent,
      ...rotations.map((e) => /^(?:__Host-)?ov-session=([\w-]{43})\./.exec(e.setCookie[0]!)?.[1]),
    ];
    expect(new Set([first, ...rotated]).size, 'three different session ids').to.equal(3);
    await approvePush();
    await expectSignedInOnServer(mounted, 'push@example.com');
    // Each POST carried the id of the answer before it: the browser dropped the old ones.
    const posts = (await serverLog()).filter((e) => e.method === 'POST');
    expect(posts.map((e) => e.sessionIdSent).slice(0, 2)).to.deep.equal([first, rotated[0]]);
    expect(new Set(posts.slice(2).map((e) => e.sessionIdSent))).to.deep.equal(new Set([rotated[1]]));
  });

  it('a request without the CSRF token, or with a wrong one, is refused; the sign-in goes on', async () => {
    const mounted = await waitingForPush();
    const without = await postFromPage('cancel', {});
    const wrong = await postFromPage('cancel', { 'x-ov-csrf': 'A'.repeat(43) });
    expect([without.status, wrong.status]).to.deep.equal([403, 403]);
    expect(await without.json()).to.deep.equal({ error: 'forbidden' });
    const refused = (await serverLog()).filter((e) => e.route === 'cancel');
    expect(refused.map((e) => [e.status, e.cookieSent, e.site])).to.deep.equal([
      [403, true, 'same-origin'],
      [403, true, 'same-origin'],
    ]);
    await approvePush();
    await expectSignedInOnServer(mounted, 'push@example.com');
    expect(mounted.eventsOf('ov-cancel')).to.have.length(0);
  });

  it('another site (127.0.0.1 against localhost) cannot use the cookie: the browser does not send it, the server refuses', async () => {
    const mounted = await waitingForPush();
    // The page's own token, as if stolen: even with it, nothing gets through.
    const { csrfToken } = (await (await fetch(`${ENDPOINT}/session`)).json()) as { csrfToken: string };
    const mark = (await serverLog()).length;
    const target = `${location.origin}${ENDPOINT}`;
    const frame = document.createElement('iframe');
    frame.src = `${location.protocol}//127.0.0.1:${location.port}/test/browser/server-mode/pages/attacker.html?${new URLSearchParams({ target, token: csrfToken })}`;
    const outcome = new Promise<Record<string, string>>((resolve) =>
      window.addEventListener(
        'message',
        (e: MessageEvent<{ attacker?: Record<string, string> }>) => e.data.attacker && resolve(e.data.attacker),
      ),
    );
    document.body.append(frame);
    const seen = await outcome;
    frame.remove();

    // What the other site could see: nothing readable.
    expect(seen.jsonPost, 'the JSON POST needs a preflight, never granted').to.equal('failed: TypeError');
    expect(seen.readToken, 'the token cannot be read across origins').to.equal('failed: TypeError');
    expect(['opaque', 'failed: TypeError']).to.include(seen.simplePost);
    // What reached the server: no request with the cookie, every one refused, no JSON POST at all.
    // This page keeps polling meanwhile: the other site's requests are those that name it as their origin.
    const attempts = (await serverLog()).slice(mark).filter((e) => e.origin === new URL(frame.src).origin);
    expect(attempts.length, 'the attempts reached the server').to.be.at.least(3);
    for (const attempt of attempts) {
      expect(attempt.site, `${attempt.method} ${attempt.route}`).to.equal('cross-site');
      // WebKit takes the top page's site (this page's) as the site of the frame's requests, and so
      // sends the SameSite=Strict cookie from the cross-site frame; the server refuses them all the same.
      if (engine !== 'webkit')
        expect(attempt.cookieSent, `${attempt.method} ${attempt.route}: cookie sent`).to.equal(false);
      expect(attempt.status, `${attempt.method} ${attempt.route}`).to.be.oneOf([403, 405, 415]);
    }
    expect(
      attempts.filter((a) => a.method === 'POST' && a.csrfSent),
      'the token never arrived',
    ).to.deep.equal([]);
    expect(
      attempts.some((a) => a.method === 'OPTIONS'),
      'the preflight was refused',
    ).to.equal(true);

    // The user's sign-in did not notice.
    await approvePush();
    await expectSignedInOnServer(mounted, 'push@example.com');
    expect(mounted.eventsOf('ov-cancel')).to.have.length(0);
  });

  it('no token and no transaction secret in any answer the page received, from the first screen to success', async () => {
    const mounted = await waitingForPush();
    await approvePush();
    await expectSignedInOnServer(mounted, 'push@example.com');
    const found = await leaks();
    expect(found.bodies, 'answers inspected (session, start, two steps, polls)').to.be.at.least(5);
    expect(found.tokens, 'tokens looked for').to.be.at.least(2);
    expect(found.transactionSecrets, 'state handles, interaction handle, PKCE verifier… looked for').to.be.at.least(4);
    expect(found.found).to.deep.equal([]);
    // And what the widget told the page.
    for (const event of mounted.events) {
      const detail = (event as Event & { detail?: unknown }).detail ?? {};
      expect(JSON.stringify(detail), event.type).not.to.match(/eyJ[\w-]+\.eyJ/);
    }
  });

  itOutsideWebKit(
    'two users signing in at once, in two browsers: neither sees the other’s transaction, each gets their own sign-in [not WebKit: a second puppeteer context]',
    async () => {
      const mounted = await waitingForPush('push@example.com');
      // While this page polls for its push, another browser signs in a second user with a code.
      const second = await secondUserSignsIn('totp@example.com');
      expect(second.steps.at(-1)).to.equal('success');
      expect(second.success?.tokens, 'no tokens in the second page').to.equal(null);
      expect(second.success?.shared?.email).to.equal('totp@example.com');
      expect(second.cookieVisible).to.equal(false);
      // This page is still waiting for its own push, untouched.
      await screenTitled(mounted.widget, 'Get a push notification');
      expect(mounted.eventsOf('ov-success')).to.have.length(0);

      await approvePush();
      await expectSignedInOnServer(mounted, 'push@example.com');
      const signIns = await signInsOnServer();
      expect(signIns.map((s) => s.email)).to.deep.equal(['totp@example.com', 'push@example.com']);
      // Each browser keeps its cookie's anchor while its session id changes (start, identify).
      const anchors = new Set(
        (await serverLog())
          .filter((e) => e.setCookie.length)
          .map((e) => /=[\w-]{43}\.([\w-]{43});/.exec(e.setCookie[0]!)?.[1]),
      );
      expect(anchors.size, 'two browser sessions').to.equal(2);
      await eventually(() => mounted.eventsOf('ov-step').at(-1)?.detail.step.name === 'success', 'this page’s success');
    },
  );

  it('the page never loaded okta-auth-js', () => {
    expectNoOktaAuthJsLoaded();
  });
});
