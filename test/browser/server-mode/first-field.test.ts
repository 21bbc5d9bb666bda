/**
 * Server mode's sign-in form before Okta has answered: `GET session` says whether the server holds
 * a sign-in, so a new one shows the identify form while the server asks Okta to start (the page's
 * `POST start` is held at a request gate of the test, so "before" is a fact, not a race); one in
 * progress resumes without the form flashing first.
 */
import { expect } from '@open-wc/testing';
import { button, eventually, field, firstScreen, screenTitled } from '../e2e/support/screen.js';
import { click, fillIn, type } from '../e2e/support/user.js';
import { gateRequests, type RequestGate } from '../e2e/support/request-gate.js';
import { verifyWithOktaVerify } from '../e2e/support/steps.js';
import { ENDPOINT, mountServerMode, serverLog, startFreshServerMode } from './support/server-mode.js';

const LOGIN = 'push@example.com';

describe('server mode: the sign-in form before Okta has answered', () => {
  let gate: RequestGate;
  beforeEach(async () => {
    await startFreshServerMode();
    gate = gateRequests(`${ENDPOINT}/start`);
  });
  afterEach(() => gate.remove());

  it('a new session: the form shows once GET session answers; a submit made then waits for the password', async () => {
    const mounted = await mountServerMode({ beforeOktaAnswers: true });
    const { widget } = mounted;
    await eventually(() => gate.arrived === 1, 'POST start sent (and held)');
    await screenTitled(widget, 'Sign in');
    expect(widget.controller.state.provisional, 'the form shown before the server answered start').to.equal(true);
    await type(LOGIN);
    await click(button(widget, 'Next'));
    await eventually(() => widget.controller.state.busy, 'the submit held');

    gate.open();
    await firstScreen(widget);
    expect(
      (await serverLog()).filter((e) => e.route === 'proceed'),
      'nothing sent without the password',
    ).to.have.length(0);
    await fillIn(field(widget, 'Password'), 'Ov-Demo-2026!');
    await click(button(widget, 'Sign in'));
    await screenTitled(widget, 'Verify it’s you with a security method');
    const proceeds = (await serverLog()).filter((e) => e.route === 'proceed');
    expect(proceeds, 'one identify, with the password').to.have.length(1);
  });

  it('a sign-in in progress: a new widget (a reload) resumes it, with no sign-in form before', async () => {
    gate.open();
    const first = await mountServerMode();
    await verifyWithOktaVerify(first, LOGIN, 'Get a push notification');
    first.widget.remove();

    const screens: string[] = [];
    const again = await mountServerMode({ beforeOktaAnswers: true });
    again.widget.controller.subscribe((state) => {
      if (state.step) screens.push(state.provisional ? 'provisional' : state.step.screen);
    });
    await screenTitled(again.widget, 'Get a push notification');
    expect(screens).not.to.include('provisional');
  });
});
