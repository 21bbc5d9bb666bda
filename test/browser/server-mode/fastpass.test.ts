/**
 * Okta FastPass in server mode: okta-auth-js runs on the page's server, the browser still reaches
 * Okta Verify on this device (loopback or custom URI), and the poll's cancel reaches Okta through
 * the server with its reason.
 */
import { expect } from '@open-wc/testing';
import { verifyWithOktaVerify } from '../e2e/support/steps.js';
import { appears, button, eventually, screenTitled, textOf } from '../e2e/support/screen.js';
import { click } from '../e2e/support/user.js';
import { VirtualDevice } from '../e2e/support/virtual-device.js';
import { expectAccessible } from '../e2e/support/expectations.js';
import { requestsSince } from '../e2e/support/control-api.js';
import { expectSignedInOnServer, mountServerMode, startFreshServerMode } from './support/server-mode.js';

const LOGIN = 'fastpass@example.com';
const cancels = async () =>
  (await requestsSince(0)).filter((r) => r.method === 'POST' && r.path === '/idp/idx/authenticators/poll/cancel');

describe('server mode: Okta FastPass', () => {
  beforeEach(startFreshServerMode);

  it('loopback: the browser hands the challenge to the desktop app, the server signs in', async () => {
    const mounted = await mountServerMode();
    await verifyWithOktaVerify(mounted, LOGIN, 'Use Okta FastPass');
    await expectSignedInOnServer(mounted, LOGIN);
    expect(await cancels()).to.have.length(0);
  });

  it('desktop app off: the cancel with its reason goes through the server, then the custom URI signs in', async () => {
    const device = await VirtualDevice.of(LOGIN);
    await device.setDesktop({ on: false });
    const mounted = await mountServerMode();
    await verifyWithOktaVerify(mounted, LOGIN, 'Use Okta FastPass');
    const open = await appears<HTMLAnchorElement>(mounted.widget, 'a[data-open]', 'the fallback link');
    await screenTitled(mounted.widget, 'Sign in with Okta FastPass');
    await eventually(() => textOf(mounted.widget).includes('Okta Verify did not answer'), 'the fallback notice');
    expect(await cancels()).to.have.length(1);
    await expectAccessible(mounted);
    expect(await device.open(open.getAttribute('href')!)).to.equal('verified');
    await expectSignedInOnServer(mounted, LOGIN);
  });

  it('"Verify with something else" cancels the poll through the server', async () => {
    const device = await VirtualDevice.of(LOGIN);
    await device.setDesktop({ on: false });
    const mounted = await mountServerMode();
    await verifyWithOktaVerify(mounted, LOGIN, 'Use Okta FastPass');
    await appears(mounted.widget, 'a[data-open]', 'the custom URI screen');
    await click(button(mounted.widget, 'Verify with something else'));
    await screenTitled(mounted.widget, 'Verify it’s you with a security method');
    expect(await cancels()).to.have.length(2);
  });
});
