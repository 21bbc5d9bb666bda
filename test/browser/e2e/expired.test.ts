/**
 * A transaction the server no longer knows (its idle lifetime passed): whether the widget finds it
 * on resume or on the user's next click, it starts a new sign-in and says the old one expired.
 */
import { aTimeout, expect, fixtureCleanup } from '@open-wc/testing';
import { mountSignin, startFresh } from './support/widget.js';
import { oktaVerifyMethod, signInWithPassword, verifyWithOktaVerify } from './support/steps.js';
import { queryDeep, screenTitled, textOf } from './support/screen.js';
import { click } from './support/user.js';
import { expectAccessible, expectFocusOn } from './support/expectations.js';
import { control } from './support/control-api.js';
import { markRequests, pollsSince } from './support/polls.js';
import { eventually } from './support/screen.js';

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

  it('on the next click: the same notice, the new sign-in screen takes focus', async () => {
    const mounted = await mountSignin();
    // The password's answer gives the transaction the short lifetime (typing ran under the usual one).
    await shortLifetime();
    await signInWithPassword(mounted, 'push@example.com');
    await screenTitled(mounted.widget, 'Verify it’s you with a security method');
    await aTimeout(LIFETIME_MS + 500);
    await usualLifetime();
    await click(oktaVerifyMethod(mounted.widget, 'Get a push notification'));

    const heading = await screenTitled(mounted.widget, 'Sign in');
    expect(textOf(queryDeep(mounted.widget, '[part="notice"]'))).to.equal(EXPIRED_TEXT);
    expect(mounted.eventsOf('ov-terminal')).to.have.length(0);
    expect(mounted.eventsOf('ov-error').map((e) => e.detail.problem.code)).to.deep.equal(['expired']);
    await expectFocusOn(heading, 'the new sign-in screen');
    await expectAccessible(mounted);
  });
});
