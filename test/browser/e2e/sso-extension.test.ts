/**
 * Okta FastPass through Apple's SSO extension in the browser: the real widget and okta-auth-js
 * against the simulator (`fastPassMethod: APPLE_SSO_EXTENSION`), which plays the extension that
 * intercepts the page's POST on a managed Apple device. The widget sends Okta's form by itself,
 * once; with the extension off, Okta's 401 and its cancel lead back to the choice of authenticator.
 */
import { expect } from '@open-wc/testing';
import type { SimSettings } from 'ov-sim/client';
import { mountSignin, startFresh } from './support/widget.js';
import { oktaVerifyMethod, verifyWithOktaVerify } from './support/steps.js';
import { eventually, queryAllDeep, screenTitled, textOf } from './support/screen.js';
import { click } from './support/user.js';
import { VirtualDevice } from './support/virtual-device.js';
import { expectAccessible, expectSignedIn } from './support/expectations.js';
import { requestsSince, simulator } from './support/control-api.js';
import { markRequests } from './support/polls.js';
import { gateRequests } from './support/request-gate.js';

const LOGIN = 'fastpass@example.com';
const VERIFY = /^\/idp\/idx\/authenticators\/sso_extension\/transactions\/[^/]+\/verify$/;
const CANCEL = /^\/idp\/idx\/authenticators\/sso_extension\/transactions\/[^/]+\/verify\/cancel$/;

async function withSettings(changes: Partial<SimSettings>, run: () => Promise<void>): Promise<void> {
  await (await simulator()).withSettings(changes, run);
}

/** The page's POSTs since `mark` to the extension's endpoint matching `path`. */
async function posts(mark: number, path: RegExp): Promise<number> {
  return (await requestsSince(mark)).filter((r) => r.method === 'POST' && path.test(r.path)).length;
}

describe("e2e: Okta FastPass through Apple's SSO extension", () => {
  beforeEach(startFresh);

  it('the widget sends Okta’s form once, says so while it goes out, and the extension signs in', async () => {
    await withSettings({ fastPassMethod: 'APPLE_SSO_EXTENSION' }, async () => {
      const gate = gateRequests(VERIFY);
      try {
        const mark = await markRequests();
        const mounted = await mountSignin();
        await verifyWithOktaVerify(mounted, LOGIN, 'Use Okta FastPass');
        await screenTitled(mounted.widget, 'Sign in with Okta FastPass');
        await eventually(() => gate.arrived === 1, 'the automatic send of device-apple-sso-extension');
        const status = queryAllDeep(mounted.widget, '[role="status"][aria-live="polite"]');
        expect(status.map(textOf)).to.include('Verifying with Okta FastPass…');
        expect(queryAllDeep(mounted.widget, 'button[data-other]'), 'no picker while the form is out').to.have.length(0);
        await expectAccessible(mounted);
        gate.open();
        await expectSignedIn(mounted, LOGIN);
        expect(mounted.eventsOf('ov-success')[0]!.detail.tokens?.idToken?.claims.amr).to.include('hwk');
        expect(await posts(mark, VERIFY), 'one automatic send').to.equal(1);
        expect(await (await VirtualDevice.of(LOGIN)).pendingPushes(), 'nothing pushed').to.deep.equal([]);
      } finally {
        gate.remove();
      }
    });
  });

  it('extension off: Okta’s 401, its cancel sent once, the choice of authenticator, then a push signs in', async () => {
    await withSettings({ fastPassMethod: 'APPLE_SSO_EXTENSION' }, async () => {
      const device = await VirtualDevice.of(LOGIN);
      await device.setDesktop({ on: false });
      const mark = await markRequests();
      const mounted = await mountSignin();
      await verifyWithOktaVerify(mounted, LOGIN, 'Use Okta FastPass');
      await eventually(() => mounted.stepNames().includes('cancel-transaction'), 'Okta’s cancel-transaction');
      await screenTitled(mounted.widget, 'Verify it’s you with a security method');
      expect(await posts(mark, VERIFY), 'one automatic send of the form').to.equal(1);
      expect(await posts(mark, CANCEL), 'one automatic send of its cancel').to.equal(1);
      await expectAccessible(mounted);
      await click(oktaVerifyMethod(mounted.widget, 'Get a push notification'));
      await screenTitled(mounted.widget, 'Get a push notification');
      expect(await device.approve(await device.nextPush())).to.equal('approved');
      await expectSignedIn(mounted, LOGIN);
      expect(await posts(mark, VERIFY)).to.equal(1);
      expect(await posts(mark, CANCEL)).to.equal(1);
    });
  });
});
