import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define.js';
import type { OvSignin } from '../../../src/components/ov-signin/ov-signin.js';
import type { OvIdentify } from '../../../src/components/ov-identify/ov-identify.js';
import type { OvTotpEntry } from '../../../src/components/ov-totp-entry/ov-totp-entry.js';
import { FakeClient } from '../fixtures/fake-client.js';
import { $ } from '../fixtures/host.js';
import { recordEvents } from '../fixtures/events.js';
import * as idx from '../fixtures/idx.js';
import type { OvStepEvent } from '../../../src/events/ov-step.js';

async function signin(client: FakeClient, firstStep = 'identify') {
  const el = await fixture<OvSignin>(html`<ov-signin .authClient=${client} resend-delay="20"></ov-signin>`);
  await waitUntil(
    () => el.controller.state.step?.name === firstStep || el.controller.state.problem,
    'the first screen',
    { interval: 5 },
  );
  await el.updateComplete;
  return el;
}

/** The element that has focus, looking through shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

async function screen<T extends HTMLElement>(el: OvSignin, tag: string): Promise<T> {
  await el.updateComplete;
  const child = $<T>(el, tag);
  await (child as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return child;
}

describe('<ov-signin>', () => {
  it('renders the first step in its shadow root, its children fed by context, its first field focused', async () => {
    const el = await signin(new FakeClient().answer(idx.identify));
    expect(el.shadowRoot).to.not.equal(null);
    const identify = await screen<OvIdentify>(el, 'ov-identify');
    expect(identify.controller).to.equal(undefined);
    const username = identify.shadowRoot!.querySelector('input[name="username"]');
    expect(username).to.not.equal(null);
    await waitUntil(() => deepActive() === username, 'focus on the username');
    await expect(el).to.be.accessible();
  });

  it('no-autofocus: the first screen leaves focus to the page', async () => {
    const el = await fixture<OvSignin>(
      html`<ov-signin no-autofocus .authClient=${new FakeClient().answer(idx.identify)}></ov-signin>`,
    );
    await waitUntil(() => el.controller.state.step?.name === 'identify', 'the first screen');
    const identify = await screen<OvIdentify>(el, 'ov-identify');
    await identify.updateComplete;
    expect(document.activeElement).to.not.equal(el);
  });

  it('fires ov-step and moves focus to the heading of each new step', async () => {
    const client = new FakeClient().answer(idx.identify).answer(idx.selectAuthenticatorAuthenticate);
    const el = await signin(client);
    const steps = recordEvents(el, 'ov-step') as OvStepEvent[];
    el.controller.submit({ username: 'ada', password: 'pw' });
    await waitUntil(() => steps.length === 1);
    expect(steps[0]!.detail.step.name).to.equal('select-authenticator-authenticate');
    expect(steps[0]!.bubbles && steps[0]!.composed).to.equal(true);
    const picker = await screen(el, 'ov-authenticator-picker');
    await waitUntil(() => deepActive()?.localName === 'h2');
    expect(deepActive()).to.equal(picker.shadowRoot!.querySelector('h2'));
  });

  it('signs in from the keyboard alone: password, Okta Verify code, success', async () => {
    const client = new FakeClient()
      .answer(idx.identify)
      .answer(idx.selectAuthenticatorAuthenticate)
      .answer(idx.totpChallenge)
      .answer(idx.success);
    const el = await signin(client);
    const done = oneEvent(el, 'ov-success');
    ((await screen(el, 'ov-identify')).shadowRoot!.querySelector('input') as HTMLInputElement).focus();
    await sendKeys({ type: 'ada@example.com' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'pw' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      () => deepActive()?.localName === 'h2' && el.controller.state.step?.name === 'select-authenticator-authenticate',
    );
    // Past "Use a different account" beside the username, to the first choice.
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      () => deepActive()?.localName === 'h2' && el.controller.state.step?.name === 'challenge-authenticator',
    );
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '123456' });
    const event = await done;
    expect(event.detail.tokens).to.equal(idx.TOKENS);
    expect(client.savedTokens).to.deep.equal([idx.TOKENS]);
    expect(client.calls.slice(1).map((c) => c.options.step)).to.deep.equal([
      'identify',
      'select-authenticator-authenticate',
      'challenge-authenticator',
    ]);
    expect(client.calls[3]!.options).to.include({ verificationCode: '123456' });
    await el.updateComplete;
    expect($(el, 'h2').textContent).to.contain('You are signed in');
    await expect(el).to.be.accessible();
  });

  it('the same form answered again (a wrong code) keeps focus in the field its screen focused', async () => {
    const client = new FakeClient().answer(idx.totpChallenge).answer(idx.totpInvalid);
    const el = await signin(client, 'challenge-authenticator');
    const totp = await screen<OvTotpEntry>(el, 'ov-totp-entry');
    const input = totp.shadowRoot!.querySelector('input')!;
    input.focus();
    await sendKeys({ type: '000000' });
    await waitUntil(() => el.controller.state.step?.inputs[0]?.messages.length === 1, 'the wrong-code answer');
    await totp.updateComplete;
    // <ov-signin> decides about focus once the screen has re-rendered.
    await aTimeout(50);
    expect(deepActive() === input, `focus is on ${deepActive()?.localName}`).to.equal(true);
  });

  it('terminal: the server message in an assertive region, and Back to sign in starts again', async () => {
    const client = new FakeClient().answer(idx.pushPoll);
    client.answer(idx.terminalTimedOut);
    const el = await signin(client, 'challenge-poll');
    const terminal = oneEvent(el, 'ov-terminal');
    el.controller.resend();
    expect((await terminal).detail.messages[0]!.text).to.equal('Verification timed out. Please try again');
    await el.updateComplete;
    const region = $(el, '[role="alert"]');
    expect(region.getAttribute('aria-live')).to.equal('assertive');
    expect(region.textContent).to.contain('Verification timed out. Please try again');
    await expect(el).to.be.accessible();
    client.answer(idx.identify);
    $<HTMLButtonElement>(el, '.actions button').click();
    await waitUntil(() => el.controller.state.step?.name === 'identify');
    expect(client.calls.at(-1)!.method).to.equal('start');
  });

  it('cancel: ov-cancel, then a fresh sign-in', async () => {
    const client = new FakeClient().answer(idx.totpChallenge).answer(idx.canceled).answer(idx.identify);
    const el = await signin(client, 'challenge-authenticator');
    const cancelled = oneEvent(el, 'ov-cancel');
    const totp = await screen<OvTotpEntry>(el, 'ov-totp-entry');
    (totp.shadowRoot!.querySelector('[data-cancel]') as HTMLButtonElement).click();
    await cancelled;
    await waitUntil(() => el.controller.state.step?.name === 'identify');
    expect(client.calls.map((c) => c.method)).to.deep.equal(['start', 'cancel', 'start']);
  });

  it('a start that fails: a clear message, ov-error and Try again', async () => {
    const client = new FakeClient().fail(new TypeError('Failed to fetch'));
    const errors = recordEvents(document, 'ov-error');
    const el = await signin(client);
    expect(errors).to.have.length(1);
    expect($(el, 'h2').textContent).to.contain('Something went wrong');
    expect($(el, '.problem').textContent).to.contain('could not reach');
    await expect(el).to.be.accessible();
    client.answer(idx.identify);
    $<HTMLButtonElement>(el, '.problem button').click();
    await waitUntil(() => el.controller.state.step?.name === 'identify');
  });

  it('a step it has no screen for: says so and offers to start over', async () => {
    const el = await signin(new FakeClient().answer(idx.unsupported), 'unsupported');
    expect($(el, 'section').textContent).to.contain('enroll-profile');
    await expect(el).to.be.accessible();
  });

  it('without configuration: says what is missing', async () => {
    const el = await fixture<OvSignin>(html`<ov-signin></ov-signin>`);
    expect($(el, '[role="alert"]').textContent).to.contain('issuer, client ID or redirect URI');
    expect(el.scopes).to.equal('openid profile email');
  });

  it('shows a loading line while the first step is on its way', async () => {
    const client = new FakeClient();
    client.hold();
    const el = await fixture<OvSignin>(html`<ov-signin .authClient=${client}></ov-signin>`);
    expect($(el, '[part="status"]').textContent).to.contain('Loading');
    expect($(el, '[part="base"]').getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('renders each Okta Verify screen through context (enrolment, push, number)', async () => {
    for (const [tx, tag, heading] of [
      [idx.qrEnroll, 'ov-qr-enroll', 'Set up Okta Verify'],
      [idx.pushPoll, 'ov-poll-status', 'Get a push notification'],
      [idx.numberChallenge, 'ov-poll-status', 'Verify with a number'],
    ] as const) {
      const el = await signin(new FakeClient().answer(tx), tx === idx.qrEnroll ? 'enroll-poll' : 'challenge-poll');
      const child = await screen(el, tag);
      expect(child.shadowRoot!.querySelector('h2')!.textContent).to.contain(heading);
      await expect(el).to.be.accessible();
      el.remove();
    }
  });
});
