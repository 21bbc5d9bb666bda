/**
 * Okta Verify set up without a QR code, in the browser against the simulator: on this device
 * (same-device enrolment) and from a device that already has it (device bootstrap).
 */
import { expect } from '@open-wc/testing';
import { mountSignin, startFresh } from './support/widget.js';
import { signInWithPassword } from './support/steps.js';
import { appears, button, headingOf, queryAllDeep, screenTitled, textOf } from './support/screen.js';
import { click } from './support/user.js';
import { expectAccessible, expectFocusOn, expectSignedIn } from './support/expectations.js';
import { simulator, simulatorUrl } from './support/control-api.js';

describe('e2e: Okta Verify set up on a device', () => {
  beforeEach(startFresh);

  it('same device: the steps, the download link and the sign-in URL; Okta Verify adds the account', async () => {
    const login = 'samedevice@example.com';
    const mounted = await mountSignin();
    await signInWithPassword(mounted, login);
    await screenTitled(mounted.widget, 'Set up a security method');
    await click(button(mounted.widget, /^Okta Verify/));
    await screenTitled(mounted.widget, 'Set up Okta Verify on this device');
    await expectFocusOn(headingOf(mounted.widget), 'the heading');
    const text = textOf(mounted.widget);
    expect(text).to.not.contain('could not be shown safely');
    expect(text).to.contain('Open Okta Verify and choose to add an account.');
    const orgUrl = await appears(mounted.widget, '[data-org-url]', 'the sign-in URL');
    expect(textOf(orgUrl)).to.equal(new URL(await simulatorUrl()).host);
    const download = await appears<HTMLAnchorElement>(mounted.widget, 'a[data-download]', 'the download link');
    expect(download.protocol).to.equal('https:');
    expect(textOf(download)).to.equal('Get Okta Verify');
    await expectAccessible(mounted);
    await (await simulator()).addAccount(login);
    await expectSignedIn(mounted, login);
  });

  it('device bootstrap: the enrolled device by name; the account is added there', async () => {
    const login = 'bootstrap@example.com';
    const mounted = await mountSignin();
    await signInWithPassword(mounted, login);
    await screenTitled(mounted.widget, 'Set up a security method');
    await click(button(mounted.widget, /^Okta Verify/));
    await screenTitled(mounted.widget, 'Add this account in Okta Verify');
    expect(queryAllDeep(mounted.widget, '[data-devices] li').map(textOf)).to.deep.equal(['Virtual Okta Verify']);
    expect(textOf(mounted.widget)).to.not.contain('could not be shown safely');
    await expectAccessible(mounted);
    await (await simulator()).addAccount(login);
    await expectSignedIn(mounted, login);
  });
});
