/**
 * A real reload of the page that embeds the one-file build, on every step of the Okta Verify flows:
 * the new page's widget comes back to the same step from the transaction okta-auth-js saved, without
 * a new transaction and without asking for the password again, and the flow then finishes.
 */
import { expect } from '@open-wc/testing';
import type { OvSignin } from '../../../src/components/ov-signin/ov-signin.js';
import { PASSWORD, startFresh } from '../e2e/support/widget.js';
import { button, field, queryDeep, screenTitled, textOf } from '../e2e/support/screen.js';
import { click, fillIn } from '../e2e/support/user.js';
import { VirtualDevice } from '../e2e/support/virtual-device.js';
import { oktaVerifyMethod } from '../e2e/support/steps.js';
import { requestsSince } from '../e2e/support/control-api.js';
import { markRequests } from '../e2e/support/polls.js';
import { openPage } from '../hostile/support/page-frame.js';
import type { PageFrame } from '../hostile/support/page-frame.js';

const PICKER = 'Verify it’s you with a security method';

async function signIn(widget: OvSignin, login: string): Promise<void> {
  await screenTitled(widget, 'Sign in');
  await fillIn(field(widget, 'Username'), login);
  await fillIn(field(widget, 'Password'), PASSWORD);
  await click(button(widget, 'Sign in'));
}

/** Reloads on the screen titled `heading` and checks the new page shows it again, resumed. */
async function reloadOn(page: PageFrame, heading: string): Promise<PageFrame> {
  await screenTitled(page.widget, heading);
  const mark = await markRequests();
  const reloaded = await page.reload();
  await screenTitled(reloaded.widget, heading);
  const posted = (await requestsSince(mark)).filter((r) => r.method === 'POST').map((r) => r.path);
  expect(posted, 'no new transaction, no password sent again').not.to.include.members([
    '/oauth2/default/v1/interact',
    '/idp/idx/identify',
  ]);
  expect(posted, 'the saved transaction was read back').to.include('/idp/idx/introspect');
  expect(reloaded.errors(), 'uncaught errors on the reloaded page').to.deep.equal([]);
  return reloaded;
}

async function expectSignedIn(page: PageFrame, login: string): Promise<void> {
  await screenTitled(page.widget, 'You are signed in');
  expect(textOf(page.widget)).to.contain(`Signed in as ${login}`);
}

describe('reload of the page mid sign-in', () => {
  let page: PageFrame | undefined;
  beforeEach(startFresh);
  afterEach(() => page?.close());

  it('on the authenticator picker and the push screen: each comes back, then the push signs in', async () => {
    const login = 'push@example.com';
    page = await openPage('clean');
    await signIn(page.widget, login);
    page = await reloadOn(page, PICKER);
    await click(oktaVerifyMethod(page.widget, 'Get a push notification'));
    page = await reloadOn(page, 'Get a push notification');
    const device = await VirtualDevice.of(login);
    expect(await device.pendingPushes(), 'the reload sent no second push').to.have.length(1);
    expect(await device.approve(await device.nextPush())).to.equal('approved');
    await expectSignedIn(page, login);
  });

  it('on the code screen: it comes back and the code signs in', async () => {
    const login = 'totp@example.com';
    page = await openPage('clean');
    await signIn(page.widget, login);
    page = await reloadOn(page, 'Enter a code');
    await fillIn(field(page.widget, 'Enter code'), await (await VirtualDevice.of(login)).totp());
    await expectSignedIn(page, login);
  });

  it('on the QR enrolment screen: the same QR code comes back and scanning it signs in', async () => {
    const login = 'enroll@example.com';
    page = await openPage('clean');
    await signIn(page.widget, login);
    await screenTitled(page.widget, 'Set up a security method');
    await click(button(page.widget, /^Okta Verify/));
    await screenTitled(page.widget, 'Set up Okta Verify');
    const before = queryDeep<HTMLImageElement>(page.widget, 'img').src;
    page = await reloadOn(page, 'Set up Okta Verify');
    const qr = queryDeep<HTMLImageElement>(page.widget, 'img');
    expect(qr.src, 'the enrolment in progress, not a new one').to.equal(before);
    await VirtualDevice.scan(qr.src);
    await expectSignedIn(page, login);
  });
});
