/**
 * Failures in server mode land on the same problems as in the page: Okta failing behind the server
 * (its 429 and Retry-After passed on, 5xx and dropped connections), and the server forgetting the
 * session (a restart with the memory store).
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { signInWithPassword, verifyWithOktaVerify } from '../e2e/support/steps.js';
import { button, eventually, screenTitled, textOf } from '../e2e/support/screen.js';
import { click } from '../e2e/support/user.js';
import { VirtualDevice } from '../e2e/support/virtual-device.js';
import type { PendingPush } from '../e2e/support/virtual-device.js';
import { expectAccessible } from '../e2e/support/expectations.js';
import { markRequests, pollsSince } from '../e2e/support/polls.js';
import { control } from '../e2e/support/control-api.js';
import { mountSignin } from '../e2e/support/widget.js';
import { expectSignedInOnServer, mountServerMode, serverLog, startFreshServerMode } from './support/server-mode.js';

const LOGIN = 'push@example.com';
const POLL_PATH = '/idp/idx/authenticators/poll';
const UNSTABLE = 'Still waiting. The connection is unstable, retrying…';

const problemCodes = (mounted: { eventsOf(type: 'ov-error'): Array<HTMLElementEventMap['ov-error']> }) =>
  mounted.eventsOf('ov-error').map((e) => e.detail.problem.code);

async function approve(): Promise<void> {
  const device = await VirtualDevice.of(LOGIN);
  await device.approve(await device.nextPush());
}

describe('server mode: faults', () => {
  beforeEach(startFreshServerMode);
  afterEach(() => control('DELETE', '/faults'));

  it('Okta rate-limits a poll: the server passes on 429 and Retry-After, the widget waits that long, then signs in', async () => {
    const mounted = await mountServerMode();
    await verifyWithOktaVerify(mounted, LOGIN, 'Get a push notification');
    await screenTitled(mounted.widget, 'Get a push notification');
    const mark = await markRequests();
    await control('POST', '/faults', {
      kind: 'rate-limit',
      path: POLL_PATH,
      method: 'POST',
      retryAfterSeconds: 2,
      count: 1,
    });
    await eventually(
      async () => (await pollsSince(mark)).some((p, i, all) => p.status === 429 && all[i + 1]),
      'a 429 then another poll',
      8000,
    );
    const polls = await pollsSince(mark);
    const limited = polls.findIndex((p) => p.status === 429);
    expect(polls[limited + 1]!.at - polls[limited]!.at, 'waited for Retry-After').to.be.at.least(1900);
    const answered = (await serverLog()).find((e) => e.status === 429);
    expect(answered?.route).to.equal('poll');
    expect(problemCodes(mounted)[0]).to.equal('rate-limited');
    await approve();
    await expectSignedInOnServer(mounted, LOGIN);
  });

  it('Okta drops poll connections: the unstable-connection line, polling carries on, then signs in', async () => {
    const mounted = await mountServerMode();
    await verifyWithOktaVerify(mounted, LOGIN, 'Get a push notification');
    await screenTitled(mounted.widget, 'Get a push notification');
    await control('POST', '/faults', { kind: 'drop', path: POLL_PATH, method: 'POST', count: 2 });
    await eventually(() => textOf(mounted.widget).includes(UNSTABLE), 'the unstable-connection line');
    await expectAccessible(mounted);
    await approve();
    await expectSignedInOnServer(mounted, LOGIN);
    expect(
      problemCodes(mounted).every((code) => code === 'network'),
      problemCodes(mounted).join(),
    ).to.equal(true);
  });

  it('Okta fails a submit with 503: the network message, and Try again sends the same values', async () => {
    const mounted = await mountServerMode();
    await control('POST', '/faults', { kind: 'status', path: '/idp/idx/identify', status: 503, count: 1 });
    await signInWithPassword(mounted, LOGIN);
    await eventually(
      () => textOf(mounted.widget).includes('We could not reach the sign-in service.'),
      'the network message',
    );
    await expectAccessible(mounted);
    await click(button(mounted.widget, 'Try again'));
    await screenTitled(mounted.widget, 'Verify it’s you with a security method');
  });

  it('a wrong endpoint (the app’s 404 answers): an unexpected answer with Try again, not an expired sign-in', async () => {
    const mounted = await mountSignin({ endpoint: '/nowhere' });
    await eventually(() => mounted.eventsOf('ov-error').length > 0, 'an ov-error');
    expect(problemCodes(mounted)).to.deep.equal(['unexpected']);
    expect(textOf(button(mounted.widget, 'Try again'))).to.equal('Try again');
    await expectAccessible(mounted);
  });

  it('the server forgot the session (restarted): the sign-in has expired, and Start over opens a new session', async () => {
    const mounted = await mountServerMode();
    await verifyWithOktaVerify(mounted, LOGIN, 'Get a push notification');
    await screenTitled(mounted.widget, 'Get a push notification');
    await executeServerCommand('server-mode-reset');
    // The next poll is refused (403: no such session), which the widget reads as an expired sign-in.
    await eventually(
      () => textOf(mounted.widget).includes('This sign-in has expired. Start again.'),
      'the expired sign-in',
      5000,
    );
    expect(problemCodes(mounted)).to.deep.equal(['expired']);
    await expectAccessible(mounted);
    await click(button(mounted.widget, 'Start over'));
    await screenTitled(mounted.widget, 'Sign in');
    // A new token (GET session stores nothing; the restarted server signs it with its own secret),
    // then a new transaction under a new session id.
    const log = await serverLog();
    expect(log.filter((e) => e.route === 'session').map((e) => e.status)).to.deep.equal([200]);
    expect(
      log.filter((e) => e.route === 'start').map((e) => [e.status, e.setCookie.length]),
      'a new session id',
    ).to.deep.equal([[200, 1]]);
    // The forgotten transaction's push may still be on the phone (nobody cancelled it at Okta), or
    // may have expired while a loaded machine typed: the new push is the one not there before.
    const device = await VirtualDevice.of(LOGIN);
    const earlier = new Set((await device.pendingPushes()).map((push) => push.id));
    await verifyWithOktaVerify(mounted, LOGIN, 'Get a push notification');
    await screenTitled(mounted.widget, 'Get a push notification');
    let fresh: PendingPush | undefined;
    await eventually(
      async () => (fresh = (await device.pendingPushes()).find((push) => !earlier.has(push.id))),
      'the new push on the phone',
    );
    await device.approve(fresh!);
    await expectSignedInOnServer(mounted, LOGIN);
  });
});
