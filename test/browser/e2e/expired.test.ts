/**
 * A transaction the server no longer knows (its idle lifetime passed): whether the widget finds it
 * on resume or on the user's next click, it starts a new sign-in and says the old one expired.
 */
import { aTimeout, expect, fixtureCleanup } from '@open-wc/testing';
import { mountSignin, startFresh } from './support/widget.js';
import { oktaVerifyMethod, signInWithPassword, verifyWithOktaVerify } from './support/steps.js';
import { button, eventually, field, queryAllDeep, queryDeep, screenTitled, textOf } from './support/screen.js';
import { click } from './support/user.js';
import { expectAccessible, expectFocusOn } from './support/expectations.js';
import { SESSION_EXPIRED } from './support/okta-bodies.js';
import { control, requestsSince } from './support/control-api.js';
import { markRequests, pollsSince } from './support/polls.js';

/**
 * The idle lifetime the transaction gets from the last answer before the wait. Only that answer:
 * the steps before it run with the usual lifetime, however slowly a loaded machine (or WebDriver,
 * one key at a time) types, and the new sign-in after it too.
 */
const LIFETIME_MS = 1500;
const EXPIRED_TEXT = 'This sign-in has expired. Start again.';

describe('e2e: expired transaction', () => {
  let lifetime: number;
  beforeEach(async () => {
    await startFresh();
    ({ transactionLifetimeMs: lifetime } = await control<{ transactionLifetimeMs: number }>('GET', '/settings'));
  });
  const shortLifetime = () => control('PATCH', '/settings', { transactionLifetimeMs: LIFETIME_MS });
  const usualLifetime = () => control('PATCH', '/settings', { transactionLifetimeMs: lifetime });
  afterEach(usualLifetime);

  it('on resume: a new sign-in, with a notice instead of an error, and an ov-error of code expired', async () => {
    const before = await mountSignin();
    await verifyWithOktaVerify(before, 'push@example.com', 'Get a push notification');
    await screenTitled(before.widget, 'Get a push notification');
    // The next poll's answer gives the transaction the short lifetime; the wait starts after it.
    await shortLifetime();
    const mark = await markRequests();
    await eventually(async () => (await pollsSince(mark)).length > 0, 'a poll answered with the short lifetime');
    fixtureCleanup();
    await aTimeout(LIFETIME_MS + 500);
    await usualLifetime();

    const after = await mountSignin();
    await screenTitled(after.widget, 'Sign in');
    const notice = queryDeep(after.widget, '[part="notice"]');
    expect(textOf(notice)).to.equal(EXPIRED_TEXT);
    expect(notice.getAttribute('role')).to.equal('status');
    expect(after.eventsOf('ov-terminal')).to.have.length(0);
    expect(after.eventsOf('ov-error').map((e) => e.detail.problem.code)).to.deep.equal(['expired']);
    expect(after.stepNames()).to.deep.equal(['identify']);
    await expectAccessible(after);

    // The notice goes once the user acts on the new sign-in.
    await signInWithPassword(after, 'push@example.com');
    await screenTitled(after.widget, 'Verify it’s you with a security method');
    expect(textOf(after.widget)).not.to.contain(EXPIRED_TEXT);
  });

  it('on the next click: the same notice, the new sign-in screen takes focus on its first empty field', async () => {
    const mounted = await mountSignin();
    // The password's answer gives the transaction the short lifetime (typing ran under the usual one).
    await shortLifetime();
    await signInWithPassword(mounted, 'push@example.com');
    await screenTitled(mounted.widget, 'Verify it’s you with a security method');
    await aTimeout(LIFETIME_MS + 500);
    await usualLifetime();
    await click(oktaVerifyMethod(mounted.widget, 'Get a push notification'));

    await screenTitled(mounted.widget, 'Sign in');
    expect(textOf(queryDeep(mounted.widget, '[part="notice"]'))).to.equal(EXPIRED_TEXT);
    expect(mounted.eventsOf('ov-terminal')).to.have.length(0);
    expect(mounted.eventsOf('ov-error').map((e) => e.detail.problem.code)).to.deep.equal(['expired']);
    // The username of the sign-in that expired is filled in again: the password is what is left.
    await eventually(() => field(mounted.widget, 'Username').value === 'push@example.com', 'the username kept');
    await expectFocusOn(field(mounted.widget, 'Password'), 'the new sign-in screen');
    await expectAccessible(mounted);
  });
});

describe('e2e: every new transaction answered "expired"', () => {
  beforeEach(startFresh);
  afterEach(() => control('DELETE', '/faults'));

  for (const status of [401, 200]) {
    it(`introspect answers idx.session.expired (${status}): one restart, then a screen with Start again`, async () => {
      await control('POST', '/faults', { kind: 'respond', path: '/idp/idx/introspect', status, body: SESSION_EXPIRED });
      const mark = await markRequests();
      const mounted = await mountSignin();
      const { widget } = mounted;
      const startAgain = await eventually(
        () => queryAllDeep<HTMLButtonElement>(widget, 'button').find((b) => textOf(b) === 'Start again'),
        'the Start again button',
      ).then(() => button(widget, 'Start again'));
      expect(textOf(widget)).to.contain('You have been logged out due to inactivity.');
      expect(textOf(widget)).to.contain(EXPIRED_TEXT);
      expect(textOf(widget)).not.to.contain('Loading…');
      // Long enough for a storm to show (it ran at ~25 restarts a second).
      await aTimeout(1000);
      const interacts = async () => (await requestsSince(mark)).filter((r) => r.path.endsWith('/v1/interact'));
      expect((await interacts()).length, 'interact requests: the first and one restart').to.equal(2);
      await expectAccessible(mounted);

      // The user's click is a new action: one more sign-in (and one more restart at most).
      await click(startAgain);
      await eventually(async () => (await interacts()).length >= 3, 'a new sign-in');
      await aTimeout(1000);
      expect((await interacts()).length).to.be.at.most(4);
    });
  }

  it('introspect refused by a proxy (403, not an IDX body): one restart, then the same stop, said once', async () => {
    const body = { error: 'Forbidden', message: 'Access denied by network policy' };
    await control('POST', '/faults', { kind: 'respond', path: '/idp/idx/introspect', status: 403, body });
    const mark = await markRequests();
    const mounted = await mountSignin();
    const { widget } = mounted;
    await eventually(
      () => queryAllDeep<HTMLButtonElement>(widget, 'button').some((b) => textOf(b) === 'Start again'),
      'the Start again button',
    );
    expect(textOf(widget).split(EXPIRED_TEXT).length - 1, 'the expiry said once').to.equal(1);
    await aTimeout(1000);
    const interacts = (await requestsSince(mark)).filter((r) => r.path.endsWith('/v1/interact'));
    expect(interacts.length, 'interact requests: the first and one restart').to.equal(2);
    await expectAccessible(mounted);
  });
});
