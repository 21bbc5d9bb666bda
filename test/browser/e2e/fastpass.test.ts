/**
 * Okta FastPass in the browser: the real widget and okta-auth-js against the simulator, whose
 * virtual Okta Verify desktop app listens on a loopback port. By loopback, by custom URI, with the
 * app switched off (fallback to the custom URI), denied, and cancelled for another way.
 * Engine-neutral: nothing here needs a Chromium-only protocol.
 */
import { expect } from '@open-wc/testing';
import { mountSignin, startFresh } from './support/widget.js';
import type { MountedSignin } from './support/widget.js';
import { oktaVerifyMethod, verifyWithOktaVerify } from './support/steps.js';
import { appears, button, eventually, headingOf, screenTitled, textOf } from './support/screen.js';
import { click } from './support/user.js';
import { VirtualDevice } from './support/virtual-device.js';
import { expectAccessible, expectFocusOn, expectSignedIn } from './support/expectations.js';
import { requestsSince, simulator } from './support/control-api.js';
import type { SimSettings } from 'ov-sim/client';

const LOGIN = 'fastpass@example.com';
const FASTPASS = 'Sign in with Okta FastPass';
const PUSH_SENT = /Push notification sent/;

async function withSettings(changes: Partial<SimSettings>, run: () => Promise<void>): Promise<void> {
  await (await simulator()).withSettings(changes, run);
}

/** Password, then "Use Okta FastPass" in the picker: the FastPass screen, focused, never a push. */
async function startFastPass(mounted: MountedSignin): Promise<void> {
  await verifyWithOktaVerify(mounted, LOGIN, 'Use Okta FastPass');
  await screenTitled(mounted.widget, FASTPASS);
  await expectFocusOn(headingOf(mounted.widget), 'the FastPass heading');
  expect(textOf(mounted.widget)).to.not.match(PUSH_SENT);
}

function cancelRequests(since: number) {
  return requestsSince(since).then((all) =>
    all.filter((r) => r.method === 'POST' && r.path === '/idp/idx/authenticators/poll/cancel'),
  );
}

describe('e2e: Okta FastPass', () => {
  beforeEach(startFresh);

  it('loopback: the widget reaches the desktop app on its port, nothing is pushed, tokens', async () => {
    // A slower poll keeps the screen up long enough to be read and checked.
    await withSettings({ challengePollRefreshMs: 1500 }, async () => {
      const mounted = await mountSignin();
      await startFastPass(mounted);
      expect(textOf(mounted.widget)).to.contain('Okta Verify on this device is confirming it’s you.');
      expect(textOf(mounted.widget)).to.contain('Waiting for Okta Verify…');
      await expectAccessible(mounted);
      await expectSignedIn(mounted, LOGIN);
      expect(mounted.eventsOf('ov-success')[0]!.detail.tokens?.idToken?.claims.amr).to.include('hwk');
      const device = await VirtualDevice.of(LOGIN);
      expect(await device.pendingPushes(), 'nothing pushed').to.deep.equal([]);
      expect(mounted.eventsOf('ov-error')).to.have.length(0);
      expect(await cancelRequests(0)).to.have.length(0);
    });
  });

  it('custom URI: "Open Okta Verify" links to the URI; the system opens it and the sign-in completes', async () => {
    await withSettings({ fastPassMethod: 'CUSTOM_URI' }, async () => {
      const mounted = await mountSignin();
      await startFastPass(mounted);
      const open = await appears<HTMLAnchorElement>(mounted.widget, 'a[data-open]', 'the Open Okta Verify link');
      expect(textOf(open)).to.equal('Open Okta Verify');
      expect(open.getAttribute('href')).to.match(/^com-okta-authenticator:\/deviceChallenge\?challengeRequest=/);
      const download = await appears<HTMLAnchorElement>(mounted.widget, 'a[data-download]', 'the download link');
      expect(textOf(download)).to.equal('Get Okta Verify');
      expect(download.protocol).to.equal('https:');
      await expectAccessible(mounted);
      // What the operating system does when the user follows the link: Okta Verify opens it.
      const device = await VirtualDevice.of(LOGIN);
      expect(await device.open(open.getAttribute('href')!)).to.equal('verified');
      await expectSignedIn(mounted, LOGIN);
    });
  });

  it('desktop app off: no port answers, the widget tells Okta and shows the custom URI, saying why', async () => {
    const device = await VirtualDevice.of(LOGIN);
    await device.setDesktop({ on: false });
    const mounted = await mountSignin();
    await verifyWithOktaVerify(mounted, LOGIN, 'Use Okta FastPass');
    const open = await appears<HTMLAnchorElement>(mounted.widget, 'a[data-open]', 'the fallback link');
    await screenTitled(mounted.widget, FASTPASS);
    await eventually(
      () => textOf(mounted.widget).includes('Okta Verify did not answer on this device'),
      'the fallback notice',
    );
    expect(await cancelRequests(0)).to.have.length(1);
    await expectAccessible(mounted);
    expect(await device.open(open.getAttribute('href')!)).to.equal('verified');
    await expectSignedIn(mounted, LOGIN);
  });

  it('denied in Okta Verify: back to the choice with the message, then a push signs in', async () => {
    const device = await VirtualDevice.of(LOGIN);
    await device.setDesktop({ deny: true });
    const mounted = await mountSignin();
    await verifyWithOktaVerify(mounted, LOGIN, 'Use Okta FastPass');
    await eventually(() => textOf(mounted.widget).includes('the sign-in was denied'), 'the denial', 8000);
    await screenTitled(mounted.widget, 'Verify it’s you with a security method');
    expect(mounted.eventsOf('ov-step').map((e) => e.detail.step.screen)).to.include('fastpass');
    await expectAccessible(mounted);
    await click(oktaVerifyMethod(mounted.widget, 'Get a push notification'));
    await screenTitled(mounted.widget, 'Get a push notification');
    expect(await device.approve(await device.nextPush())).to.equal('approved');
    await expectSignedIn(mounted, LOGIN);
  });

  it('cancelled: "Verify with something else" cancels the poll on the server, then a push signs in', async () => {
    await withSettings({ fastPassMethod: 'CUSTOM_URI' }, async () => {
      const mounted = await mountSignin();
      await startFastPass(mounted);
      await click(button(mounted.widget, 'Verify with something else'));
      await screenTitled(mounted.widget, 'Verify it’s you with a security method');
      expect(await cancelRequests(0)).to.have.length(1);
      await click(oktaVerifyMethod(mounted.widget, 'Get a push notification'));
      await screenTitled(mounted.widget, 'Get a push notification');
      const device = await VirtualDevice.of(LOGIN);
      expect(await device.approve(await device.nextPush())).to.equal('approved');
      await expectSignedIn(mounted, LOGIN);
    });
  });

  it('before identify: "Sign in with Okta FastPass" signs in by the desktop app, no password asked', async () => {
    await withSettings({ fastPassOnIdentify: true, challengePollRefreshMs: 1500 }, async () => {
      const mounted = await mountSignin();
      await screenTitled(mounted.widget, 'Sign in');
      await expectAccessible(mounted);
      await click(button(mounted.widget, FASTPASS));
      await screenTitled(mounted.widget, FASTPASS);
      expect(textOf(mounted.widget)).to.not.match(PUSH_SENT);
      await expectAccessible(mounted);
      await screenTitled(mounted.widget, 'You are signed in', 8000);
      expect(textOf(mounted.widget)).to.contain(`Signed in as ${LOGIN}`);
      const amr = mounted.eventsOf('ov-success')[0]!.detail.tokens?.idToken?.claims.amr;
      expect(amr).to.include('hwk');
      expect(amr).to.not.include('pwd');
      expect(mounted.stepNames()).to.deep.equal(['identify', 'device-challenge-poll', 'success']);
    });
  });
});
