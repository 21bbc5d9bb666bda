/** The widget, the real SDK and the simulator with faults injected: what the user sees, the events, the requests. */
import { expect } from '@open-wc/testing';
import { mountSignin, startFresh } from './support/widget.js';
import { signInWithPassword, verifyWithOktaVerify } from './support/steps.js';
import { button, eventually, screenTitled, textOf } from './support/screen.js';
import { click } from './support/user.js';
import { VirtualDevice } from './support/virtual-device.js';
import { expectAccessible, expectSignedIn } from './support/expectations.js';
import { expectNoMorePolls, markRequests, pollsSince } from './support/polls.js';
import { control } from './support/control-api.js';

const LOGIN = 'push@example.com';
const POLL_PATH = '/idp/idx/authenticators/poll';
const UNSTABLE = 'Still waiting. The connection is unstable, retrying…';

function injectFault(rule: object): Promise<unknown> {
  return control('POST', '/faults', rule);
}

describe('e2e: faults', () => {
  beforeEach(startFresh);
  afterEach(() => control('DELETE', '/faults'));

  it('dropped connections mid-poll: the screen says so, polling carries on, then signs in', async () => {
    const mounted = await mountSignin();
    const { widget } = mounted;
    await verifyWithOktaVerify(mounted, LOGIN, 'Get a push notification');
    await screenTitled(widget, 'Get a push notification');
    await injectFault({ kind: 'drop', path: POLL_PATH, method: 'POST', count: 2 });
    await eventually(() => textOf(widget).includes(UNSTABLE), 'the unstable-connection line');
    await expectAccessible(mounted);
    const device = await VirtualDevice.of(LOGIN);
    await device.approve(await device.nextPush());
    await expectSignedIn(mounted, LOGIN);
    expect(textOf(widget)).not.to.contain(UNSTABLE);
    const codes = mounted.eventsOf('ov-error').map((e) => (e as HTMLElementEventMap['ov-error']).detail.problem.code);
    // okta-auth-js retries a failed poll once by itself, so one or two failures reach the widget.
    expect(codes.length).to.be.within(1, 2);
    expect(
      codes.every((code) => code === 'network'),
      codes.join(),
    ).to.equal(true);
    expect(mounted.eventsOf('ov-terminal')).to.have.length(0);
  });

  it('429 on a poll: the next poll waits as long as Retry-After says', async () => {
    const mounted = await mountSignin();
    const { widget } = mounted;
    await verifyWithOktaVerify(mounted, LOGIN, 'Get a push notification');
    await screenTitled(widget, 'Get a push notification');
    const mark = await markRequests();
    await injectFault({ kind: 'rate-limit', path: POLL_PATH, method: 'POST', retryAfterSeconds: 2, count: 1 });
    let polls = await pollsSince(mark);
    const refusedThenPolled = async () => {
      polls = await pollsSince(mark);
      const refused = polls.findIndex((p) => p.status === 429);
      return refused >= 0 && polls.length > refused + 1;
    };
    await eventually(refusedThenPolled, 'a 429 then another poll', 8000);
    const limited = polls.findIndex((p) => p.status === 429);
    expect(limited, 'a poll was refused').to.be.greaterThan(-1);
    const next = polls[limited + 1];
    expect(next, 'a poll after the refused one').to.not.equal(undefined);
    expect(next!.at - polls[limited]!.at, 'waited for Retry-After').to.be.at.least(1900);
    expect((mounted.eventsOf('ov-error')[0] as HTMLElementEventMap['ov-error']).detail.problem.code).to.equal(
      'rate-limited',
    );
    const device = await VirtualDevice.of(LOGIN);
    await device.approve(await device.nextPush());
    await expectSignedIn(mounted, LOGIN);
  });

  it('a failed submit: a clear message, and Try again sends the same values without retyping', async () => {
    const mounted = await mountSignin();
    const { widget } = mounted;
    await injectFault({ kind: 'status', path: '/idp/idx/identify', status: 503, count: 1 });
    await signInWithPassword(mounted, LOGIN);
    await eventually(() => textOf(widget).includes('We could not reach the sign-in service.'), 'the network message');
    await expectAccessible(mounted);
    await click(button(widget, 'Try again'));
    await screenTitled(widget, 'Verify it’s you with a security method');
    expect((mounted.eventsOf('ov-error')[0] as HTMLElementEventMap['ov-error']).detail.problem.canRetry).to.equal(true);
  });

  it('unreadable answers to polls: polling stops with a readable error, and Try again resumes', async () => {
    const mounted = await mountSignin();
    const { widget } = mounted;
    await verifyWithOktaVerify(mounted, LOGIN, 'Get a push notification');
    await screenTitled(widget, 'Get a push notification');
    await injectFault({ kind: 'malformed', path: POLL_PATH, method: 'POST', count: 3 });
    await eventually(() => textOf(widget).includes('could not understand'), 'the unreadable-response message', 8000);
    await expectNoMorePolls(await markRequests());
    await click(button(widget, 'Try again'));
    const device = await VirtualDevice.of(LOGIN);
    await device.approve(await device.nextPush());
    await expectSignedIn(mounted, LOGIN);
  });
});
