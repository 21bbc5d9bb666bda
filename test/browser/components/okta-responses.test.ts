/**
 * What Okta's own responses need on screen (issue 14): key-only messages worded, links as links,
 * the unsupported screen with Okta's messages, Okta's success page, codes by authenticator.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define.js';
import type { OvSignin } from '../../../src/components/ov-signin/ov-signin.js';
import { FakeClient } from '../fixtures/fake-client.js';
import * as idx from '../fixtures/idx.js';
import type { OvTransaction } from '../../../src/controller/types.js';

async function signin(client: FakeClient, redirect = 'manual'): Promise<OvSignin> {
  const el = await fixture<OvSignin>(html`<ov-signin .authClient=${client} redirect=${redirect}></ov-signin>`);
  await waitUntil(() => el.controller.state.step || el.controller.state.problem, 'the first screen', { interval: 5 });
  await el.updateComplete;
  return el;
}

/** Everything under `el` through shadow roots. */
function deepAll<T extends Element>(el: Element, selector: string): T[] {
  const found: T[] = [];
  const visit = (root: Element | ShadowRoot) => {
    root.querySelectorAll<T>(selector).forEach((e) => found.push(e));
    root.querySelectorAll('*').forEach((e) => e.shadowRoot && visit(e.shadowRoot));
  };
  if (el.shadowRoot) visit(el.shadowRoot);
  return found;
}

function text(el: Element): string {
  return deepAll(el, 'h2, p, li, a, button, label')
    .map((e) => e.textContent?.replace(/\s+/g, ' ').trim() ?? '')
    .join(' | ');
}

async function settle(el: OvSignin): Promise<void> {
  await el.updateComplete;
  for (const child of deepAll<HTMLElement>(el, '*')) {
    await (child as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
  }
}

describe('Okta responses on screen', () => {
  it("key-only messages in the widget's words, an unknown key as a sentence, links as safe links", async () => {
    const el = await signin(new FakeClient().answer(idx.terminalWithLinks));
    const messages = deepAll(el, '[part~="message"]').map((m) => m.textContent?.replace(/\s+/g, ' ').trim());
    expect(messages).to.deep.equal([
      'Please enter a username',
      'The sign-in service reported a problem with this step.',
      'For more information, follow the instructions on the help page More information',
    ]);
    const links = deepAll<HTMLAnchorElement>(el, 'a');
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['https://okta.example/help']);
    expect(links[0]?.rel).to.contain('noopener');
    await expect(el).to.be.accessible();
  });

  it("only non-screen remediations: the unsupported screen with Okta's message, Start over and Back to sign in", async () => {
    const el = await signin(new FakeClient().answer(idx.notAScreenOnly));
    const shown = text(el);
    expect(shown).to.contain('This step is not supported here');
    expect(shown).to.contain('Contact your administrator.');
    expect(shown).to.contain('Start over');
    expect(shown).to.contain('Back to sign in');
    expect(shown).not.to.contain('could not understand');
    await expect(el).to.be.accessible();
  });

  it('device assurance in its grace period: what to fix, with its link, and Continue, which goes on', async () => {
    const client = new FakeClient().answer(idx.gracePeriod);
    const el = await signin(client);
    const shown = text(el);
    expect(shown).to.contain('Update your device soon');
    expect(shown).to.contain('Fix the issue by 09/05/2024');
    expect(shown).to.contain('Update to Android 100');
    expect(shown).not.to.contain('not supported');
    expect(deepAll<HTMLAnchorElement>(el, 'a').map((a) => a.getAttribute('href'))).to.deep.equal([
      'https://okta.com/android-upgrade-os',
    ]);
    await expect(el).to.be.accessible();
    client.answer(idx.selectAuthenticatorAuthenticate);
    deepAll<HTMLButtonElement>(el, 'button')
      .find((b) => b.textContent?.trim() === 'Continue')!
      .click();
    await waitUntil(() => client.calls.length >= 2);
    expect(client.calls.at(-1)!.options).to.deep.include({ step: 'device-assurance-grace-period' });
  });

  it('success without an interaction code, redirect="manual": a Continue link to Okta\'s page, a cancelable ov-success', async () => {
    const client = new FakeClient().answer(idx.successWithoutCode('https://example.okta.com/app/UserHome'));
    const events: Event[] = [];
    const el = await fixture<OvSignin>(
      html`<ov-signin .authClient=${client} redirect="manual" @ov-success=${(e: Event) => events.push(e)}></ov-signin>`,
    );
    await waitUntil(() => events.length > 0, 'ov-success', { interval: 5 });
    await settle(el);
    const link = deepAll<HTMLAnchorElement>(el, 'a[data-continue]')[0];
    expect(link?.href).to.equal('https://example.okta.com/app/UserHome');
    expect(link?.textContent?.trim()).to.equal('Continue');
    expect(text(el)).not.to.contain('could not continue');
    expect(events[0]?.cancelable).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('redirect="auto": an ov-success listener that calls preventDefault() keeps the page', async () => {
    const client = new FakeClient().answer(idx.successRedirectStep as OvTransaction);
    let prevented = false;
    const el = await fixture<OvSignin>(
      html`<ov-signin
        .authClient=${client}
        @ov-success=${(e: Event) => {
          e.preventDefault();
          prevented = true;
        }}
      ></ov-signin>`,
    );
    await waitUntil(() => prevented, 'ov-success', { interval: 5 });
    await settle(el);
    expect(deepAll<HTMLAnchorElement>(el, 'a[data-continue]')[0]?.href).to.equal(
      'https://example.okta.com/app/UserHome',
    );
    expect(location.href).not.to.contain('UserHome');
  });

  it('an email code: letters and more than six characters, sent with Verify', async () => {
    const client = new FakeClient().answer(idx.emailCodeChallenge).answer(idx.success);
    const el = await signin(client);
    await settle(el);
    const input = deepAll<HTMLInputElement>(el, 'input')[0]!;
    expect(input.inputMode).to.equal('text');
    input.focus();
    await sendKeys({ type: 'AB12cd34' });
    expect(input.value).to.equal('AB12cd34');
    expect(client.callsOf('proceed')).to.have.length(0);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => client.callsOf('proceed').length === 1, 'the code sent', { interval: 5 });
    expect(client.callsOf('proceed')[0]?.options.verificationCode).to.equal('AB12cd34');
  });

  it('an Okta Verify code: digits only, sent by itself at six', async () => {
    const client = new FakeClient().answer(idx.totpChallenge).answer(idx.success);
    const el = await signin(client);
    await settle(el);
    const input = deepAll<HTMLInputElement>(el, 'input')[0]!;
    expect(input.inputMode).to.equal('numeric');
    input.focus();
    await sendKeys({ type: '12a345' });
    expect(input.value).to.equal('12345');
    await sendKeys({ type: '6' });
    await waitUntil(() => client.callsOf('proceed').length === 1, 'the code sent', { interval: 5 });
    expect(client.callsOf('proceed')[0]?.options.verificationCode).to.equal('123456');
  });
});

describe('<ov-signin>: the screens Okta users know (issue 15)', () => {
  it('"Forgot password?" where Okta offers recover: one recover action; a recovery step is shown as unsupported', async () => {
    const client = new FakeClient().answer(idx.identifyWithRecover);
    const el = await signin(client);
    const forgot = deepAll<HTMLButtonElement>(el, 'button[data-recover]')[0]!;
    expect(forgot.textContent!.trim()).to.equal('Forgot password?');
    await expect(el).to.be.accessible();
    client.answer(idx.unsupported);
    forgot.click();
    await waitUntil(() => el.controller.state.step?.screen === 'unsupported' && !el.controller.state.busy);
    expect(client.callsOf('proceed').at(-1)!.options).to.deep.include({ actions: ['currentAuthenticator-recover'] });
    await el.updateComplete;
    expect(text(el)).to.contain('This step is not supported here');
  });

  it('method names in the widget\'s language: Okta\'s English labels replaced under lang="ar"', async () => {
    const el = await fixture<OvSignin>(
      html`<ov-signin lang="ar" .authClient=${new FakeClient().answer(idx.verificationData)}></ov-signin>`,
    );
    await waitUntil(() => deepAll(el, 'button[data-option]').length === 2, 'the choices');
    await waitUntil(() => !text(el).includes('Enter a code'), 'the labels translated');
    // Titled "Okta Verify" (a product name), each method described in the widget's language.
    const descriptions = deepAll(el, '[part="option-detail"]').map((l) => l.textContent!.trim());
    expect(descriptions).to.deep.equal(['إدخال رمز', 'تلقّي إشعار فوري']);
    expect(text(el)).not.to.contain('Get a push notification');
  });
});
