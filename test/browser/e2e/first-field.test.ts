/**
 * The sign-in form before Okta has answered: a new sign-in shows the identify form at once, typable
 * while okta-auth-js asks Okta to start (discovery, interact, introspect), and a submit made then
 * is held and sent once, when Okta's first step is known. Introspect is held at a request gate of
 * the test, so "before" is a fact, not a race.
 */
import { expect } from '@open-wc/testing';
import { mountSignin, startFresh } from './support/widget.js';
import type { MountedSignin } from './support/widget.js';
import { oktaVerifyMethod, signInWithPassword } from './support/steps.js';
import {
  button,
  eventually,
  field,
  firstScreen,
  focused,
  queryAllDeep,
  queryDeep,
  screenTitled,
  textOf,
} from './support/screen.js';
import { click, fillIn, press, type } from './support/user.js';
import { expectAccessible, expectFocusOn, expectSignedIn } from './support/expectations.js';
import { SESSION_EXPIRED } from './support/okta-bodies.js';
import { control, requestsSince, simulator } from './support/control-api.js';
import { markRequests } from './support/polls.js';
import { gateRequests, type RequestGate } from './support/request-gate.js';
import { VirtualDevice } from './support/virtual-device.js';

const LOGIN = 'push@example.com';
const INTROSPECT = '/idp/idx/introspect';

/** A widget starting a new sign-in, with its introspect request made and held at the gate. */
async function mountBeforeIntrospect(gate: RequestGate, noAutofocus = false): Promise<MountedSignin> {
  const mounted = await mountSignin({ beforeOktaAnswers: true, noAutofocus });
  await eventually(() => gate.arrived === 1, 'introspect sent (and held)');
  await screenTitled(mounted.widget, 'Sign in');
  expect(mounted.widget.controller.state.provisional, 'the sign-in form shown before Okta answered').to.equal(true);
  return mounted;
}

async function identifyRequests(since: number): Promise<number> {
  return (await requestsSince(since)).filter((r) => r.method === 'POST' && r.path === '/idp/idx/identify').length;
}

describe('e2e: the sign-in form before Okta has answered', () => {
  let gate: RequestGate;
  beforeEach(async () => {
    await startFresh();
    gate = gateRequests(INTROSPECT);
  });
  afterEach(async () => {
    gate.remove();
    await control('DELETE', '/faults');
  });

  it('is typable before introspect is answered; the same field, value and focus stay, Okta’s fields join', async () => {
    const mounted = await mountBeforeIntrospect(gate);
    const { widget } = mounted;
    const username = field(widget, 'Username');
    expect(username.autocomplete).to.equal('username');
    expect(username.form, 'a real form').not.to.equal(null);
    await expectFocusOn(username, 'the username field, on load');
    await type(LOGIN);
    expect(username.value).to.equal(LOGIN);
    expect(queryAllDeep(widget, 'input[type="password"]'), 'no password field before Okta says so').to.have.length(0);
    expect(mounted.stepNames(), 'no ov-step before Okta’s first step').to.deep.equal([]);
    await expectAccessible(mounted);

    gate.open();
    await firstScreen(widget);
    expect(field(widget, 'Username'), 'the same input element').to.equal(username);
    expect(username.value).to.equal(LOGIN);
    await expectFocusOn(username, 'focus left where the person was typing');
    field(widget, 'Password');
    expect(textOf(widget)).to.contain('Keep me signed in');
    expect(mounted.stepNames()).to.deep.equal(['identify']);
    await expectAccessible(mounted);

    await fillIn(field(widget, 'Password'), 'Ov-Demo-2026!');
    await click(button(widget, 'Sign in'));
    await screenTitled(widget, 'Verify it’s you with a security method');
  });

  it('a submit made before the answer is held (busy, announced), sent once after it, and the sign-in completes', async () => {
    await (
      await simulator()
    ).withSettings({ passwordOnIdentify: false }, async () => {
      const mark = await markRequests();
      const mounted = await mountBeforeIntrospect(gate);
      const { widget } = mounted;
      await type(LOGIN);
      await press('Enter');
      const next = button(widget, 'Working…');
      await eventually(() => next.getAttribute('aria-disabled') === 'true', 'the button busy');
      const status = queryAllDeep(widget, '[role="status"]').map(textOf);
      expect(status, 'a polite status says so').to.include('Working…');
      await click(next);
      expect(await identifyRequests(mark), 'nothing sent before Okta answered').to.equal(0);

      gate.open();
      await screenTitled(widget, 'Verify with your password');
      expect(await identifyRequests(mark), 'the held submit, once').to.equal(1);
      expect(mounted.stepNames()).to.deep.equal(['identify', 'challenge-authenticator']);
      await fillIn(field(widget, 'Password'), 'Ov-Demo-2026!');
      await click(button(widget, 'Verify'));
      await screenTitled(widget, 'Verify it’s you with a security method');
      await click(oktaVerifyMethod(widget, 'Get a push notification'));
      await screenTitled(widget, 'Get a push notification');
      const device = await VirtualDevice.of(LOGIN);
      expect(await device.approve(await device.nextPush())).to.equal('approved');
      await expectSignedIn(mounted, LOGIN);
      expect(await identifyRequests(mark), 'still one identify').to.equal(1);
    });
  });

  it('a held submit that lacks a field Okta’s form asks (the password) is not sent; focus goes to that field', async () => {
    const mark = await markRequests();
    const mounted = await mountBeforeIntrospect(gate);
    const { widget } = mounted;
    await type(LOGIN);
    await press('Enter');
    await eventually(() => widget.controller.state.busy, 'the submit held');

    gate.open();
    await firstScreen(widget);
    const password = field(widget, 'Password');
    await expectFocusOn(password, 'the password, which the held submit lacked');
    expect(widget.controller.state.busy).to.equal(false);
    expect(await identifyRequests(mark), 'nothing sent').to.equal(0);
    await type('Ov-Demo-2026!');
    await press('Enter');
    await screenTitled(widget, 'Verify it’s you with a security method');
    expect(await identifyRequests(mark)).to.equal(1);
  });

  it('a first step other than identify replaces the form, with no blank state; the username typed is kept', async () => {
    await control('POST', '/faults', { kind: 'respond', path: INTROSPECT, status: 401, body: SESSION_EXPIRED });
    const mounted = await mountBeforeIntrospect(gate);
    const { widget } = mounted;
    const screens: string[] = [];
    const unsubscribe = widget.controller.subscribe((state) =>
      screens.push(state.step?.screen ?? (state.problem ? 'problem' : 'none')),
    );
    await type(LOGIN);

    // Every new sign-in answered "expired": one restart by itself, then the terminal screen.
    gate.open();
    const startAgain = await eventually(
      () => queryAllDeep<HTMLButtonElement>(widget, 'button').some((b) => textOf(b) === 'Start again'),
      'the Start again button',
    ).then(() => button(widget, 'Start again'));
    unsubscribe();
    expect(queryAllDeep(widget, 'input'), 'the form replaced').to.have.length(0);
    expect(screens, 'never a state without a screen').not.to.include('none');
    expect(widget.controller.state.username, 'the username typed, kept').to.equal(LOGIN);
    await expectFocusOn(queryDeep(widget, 'h2[data-heading]'), 'the screen that replaced the form');
    await expectAccessible(mounted);

    await control('DELETE', '/faults');
    await click(startAgain);
    await screenTitled(widget, 'Sign in');
    await eventually(() => field(widget, 'Username').value === LOGIN, 'the username filled in again');
  });

  it('a handshake that fails shows the problem with Try again, as before; the username typed is kept', async () => {
    await control('POST', '/faults', { kind: 'status', path: INTROSPECT, status: 503, count: 1 });
    const mounted = await mountBeforeIntrospect(gate);
    const { widget } = mounted;
    await type(LOGIN);
    gate.open();
    await screenTitled(widget, 'Something went wrong');
    expect(mounted.eventsOf('ov-error').map((e) => e.detail.problem.code)).to.deep.equal(['network']);
    expect(queryAllDeep(widget, 'input'), 'no form beside the problem').to.have.length(0);
    await click(button(widget, 'Try again'));
    await screenTitled(widget, 'Sign in');
    await eventually(() => field(widget, 'Username').value === LOGIN, 'the username filled in again');
  });

  it('no-autofocus: neither the early form nor Okta’s answer takes focus from the page', async () => {
    const outside = document.createElement('button');
    outside.textContent = 'The page’s own button';
    document.body.prepend(outside);
    try {
      outside.focus();
      const mounted = await mountBeforeIntrospect(gate, true);
      await mounted.widget.updateComplete;
      expect(focused(), 'focus stays on the page').to.equal(outside);
      gate.open();
      await firstScreen(mounted.widget);
      await mounted.widget.updateComplete;
      expect(focused(), 'focus still on the page').to.equal(outside);
    } finally {
      outside.remove();
    }
  });

  it('a resumed transaction shows the loading line, not the sign-in form, until Okta answers', async () => {
    gate.open();
    const first = await mountSignin();
    await signInWithPassword(first, LOGIN);
    await screenTitled(first.widget, 'Verify it’s you with a security method');
    first.widget.remove();
    gate.remove();

    gate = gateRequests(INTROSPECT);
    const mounted = await mountSignin({ beforeOktaAnswers: true });
    const { widget } = mounted;
    await eventually(() => gate.arrived === 1, 'introspect sent (and held)');
    await widget.updateComplete;
    expect(textOf(widget)).to.contain('Loading…');
    expect(queryAllDeep(widget, 'input'), 'no form while the step is unknown').to.have.length(0);
    expect(widget.controller.state.provisional).not.to.equal(true);
    gate.open();
    await screenTitled(widget, 'Verify it’s you with a security method');
    expect(mounted.stepNames()).to.deep.equal(['select-authenticator-authenticate']);
  });
});
