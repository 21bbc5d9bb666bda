/**
 * `credentials-in-light-dom`: the username and password form lives in the page's DOM, where a
 * password manager that only runs `document.querySelectorAll('input')` finds it; the sign-in
 * works as ever, the form leaves the page with its step, and it is styled and accessible.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/define.js';
import type { OvSignin } from '../../../src/components/ov-signin/ov-signin.js';
import { CLIENT_ID, PASSWORD, startFresh } from './support/widget.js';
import { oktaVerifyMethod } from './support/steps.js';
import { eventually, firstScreen, screenTitled, textOf } from './support/screen.js';
import { click, fillIn } from './support/user.js';
import { VirtualDevice } from './support/virtual-device.js';
import { issuer } from './support/control-api.js';
import { expectFocusOn } from './support/expectations.js';

async function mountWithLightDomCredentials(): Promise<OvSignin> {
  const widget = await fixture<OvSignin>(
    html`<ov-signin
      credentials-in-light-dom
      issuer=${await issuer()}
      client-id=${CLIENT_ID}
      redirect-uri=${`${location.origin}/callback`}
    ></ov-signin>`,
  );
  await firstScreen(widget);
  await eventually(
    () => document.querySelector('input[autocomplete="username"]'),
    'the username field in the page’s DOM',
    15_000,
  );
  return widget;
}

/** What a light-DOM-only password manager sees. */
function pageField(autocomplete: string): HTMLInputElement | null {
  return document.querySelector<HTMLInputElement>(`input[autocomplete="${autocomplete}"]`);
}

describe('e2e: credentials in the light DOM', () => {
  beforeEach(startFresh);

  it('a light-DOM-only password manager finds both fields in one form; the push sign-in completes', async () => {
    const widget = await mountWithLightDomCredentials();
    const username = pageField('username')!;
    const password = pageField('current-password')!;
    expect(password, 'the password field').not.to.equal(null);
    expect(username.form, 'one form holds both').to.equal(password.form);
    expect(username.form!.querySelector('button[type="submit"]'), 'with a submit button').not.to.equal(null);
    expect(username.closest('ov-signin'), 'inside the widget').to.equal(widget);
    await expect(widget).to.be.accessible();

    await fillIn(username, 'push@example.com');
    await fillIn(password, PASSWORD);
    await click(username.form!.querySelector('button[type="submit"]')!);
    const heading = await screenTitled(widget, 'Verify it’s you with a security method');
    await expectFocusOn(heading, 'the next screen');
    expect(pageField('username'), 'the form left with its step').to.equal(null);

    await click(oktaVerifyMethod(widget, 'Get a push notification'));
    await screenTitled(widget, 'Get a push notification');
    const device = await VirtualDevice.of('push@example.com');
    expect(await device.approve(await device.nextPush())).to.equal('approved');
    await screenTitled(widget, 'You are signed in');
    expect(textOf(widget)).to.contain('Signed in as push@example.com');
  });

  it('a wrong password: the server’s message in the page’s DOM, the field cleared, and no id twice in the page', async () => {
    const widget = await mountWithLightDomCredentials();
    await fillIn(pageField('username')!, 'push@example.com');
    await fillIn(pageField('current-password')!, 'wrong-password');
    await click(pageField('username')!.form!.querySelector('button[type="submit"]')!);
    await eventually(
      () => textOf(pageField('username')!.form!.closest('ov-identify')!).includes('Authentication failed'),
      'the refusal',
    );
    expect(pageField('current-password')!.value).to.equal('');
    // A second widget's form in the same page: its ids must not collide with the first one's.
    await mountWithLightDomCredentials();
    await eventually(() => document.querySelectorAll('ov-identify h2[id]').length === 2, 'the second form');
    const ids = [...document.querySelectorAll('[id]')].map((el) => el.id);
    expect(
      ids.filter((id, i) => ids.indexOf(id) !== i),
      'ids used twice',
    ).to.deep.equal([]);
    await expect(widget).to.be.accessible();
  });

  it('the fields keep the widget’s look against plain page rules', async () => {
    const style = document.createElement('style');
    style.textContent = 'input { border: 5px dashed red; border-radius: 0; } button { background: yellow; }';
    document.head.append(style);
    try {
      await mountWithLightDomCredentials();
      const input = getComputedStyle(pageField('username')!);
      expect(`${input.borderTopWidth} ${input.borderTopStyle}`).to.equal('1px solid');
      expect(input.borderTopLeftRadius).to.equal('6px');
      const submit = getComputedStyle(pageField('username')!.form!.querySelector('button[type="submit"]')!);
      expect(submit.backgroundColor).not.to.equal('rgb(255, 255, 0)');
    } finally {
      style.remove();
    }
  });
});
