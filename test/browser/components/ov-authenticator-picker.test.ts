import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define.js';
import type { OvAuthenticatorPicker } from '../../../src/components/ov-authenticator-picker/ov-authenticator-picker.js';
import { FakeClient } from '../fixtures/fake-client.js';
import { $, $$, flowAt } from '../fixtures/host.js';
import * as idx from '../fixtures/idx.js';
import type { OvTransaction } from '../../../src/controller/types.js';

async function picker(tx: OvTransaction) {
  const client = new FakeClient();
  const { controller } = await flowAt(client, tx);
  const el = await fixture<OvAuthenticatorPicker>(
    html`<ov-authenticator-picker .controller=${controller}></ov-authenticator-picker>`,
  );
  return { el, client, controller };
}

describe('<ov-authenticator-picker>', () => {
  it('lists each way to verify as a button: Okta Verify’s methods one by one, with the enrolment detail', async () => {
    const { el } = await picker(idx.selectAuthenticatorAuthenticate);
    expect($(el, 'h2').textContent).to.contain('Verify it’s you');
    const options = $$(el, 'button[data-option]');
    expect(options.map((b) => b.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
      'Enter a code Okta Verify · Pixel 8',
      'Get a push notification Okta Verify · Pixel 8',
      'Phone +1 XXX-XXX-2241',
    ]);
    await expect(el).to.be.accessible();
  });

  it('sends the picked authenticator with its method, in one request', async () => {
    const { el, client, controller } = await picker(idx.selectAuthenticatorAuthenticate);
    client.answer(idx.pushPoll);
    $$(el, 'button[data-option]')[1]!.click();
    await waitUntil(() => controller.state.step?.name === 'challenge-poll');
    expect(client.calls[1]!.options).to.deep.include({
      step: 'select-authenticator-authenticate',
      authenticator: { id: idx.OV.id, methodType: 'push' },
    });
  });

  it('offers push or code for Okta Verify', async () => {
    const { el, client } = await picker(idx.verificationData);
    expect($$(el, 'button[data-option]').map((b) => b.textContent!.trim())).to.deep.equal([
      'Enter a code',
      'Get a push notification',
    ]);
    await expect(el).to.be.accessible();
    client.answer(idx.pushPoll);
    $$(el, 'button[data-option]')[1]!.click();
    await waitUntil(() => client.calls.length === 2);
    expect(client.calls[1]!.options).to.deep.include({ step: 'authenticator-verification-data', methodType: 'push' });
  });

  it('lists what can be enrolled, with skip and cancel', async () => {
    const { el } = await picker(idx.selectAuthenticatorEnroll);
    expect($(el, 'h2').textContent).to.contain('Set up a security method');
    expect($$(el, '.actions button').map((b) => b.textContent!.trim())).to.deep.equal([
      'Set up later',
      'Back to sign in',
    ]);
    await expect(el).to.be.accessible();
  });

  it('works from the keyboard: arrows, Home and End move focus, Enter picks', async () => {
    const { el, client } = await picker(idx.selectAuthenticatorAuthenticate);
    const [first, second, last] = $$(el, 'button[data-option]');
    first!.focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(el.shadowRoot!.activeElement).to.equal(second);
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowUp' });
    expect(el.shadowRoot!.activeElement, 'ArrowUp wraps to the last').to.equal(last);
    await sendKeys({ press: 'ArrowDown' });
    expect(el.shadowRoot!.activeElement, 'ArrowDown wraps to the first').to.equal(first);
    await sendKeys({ press: 'End' });
    expect(el.shadowRoot!.activeElement).to.equal(last);
    await sendKeys({ press: 'Home' });
    expect(el.shadowRoot!.activeElement).to.equal(first);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(last);
    client.answer(idx.totpChallenge);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => client.calls.length === 2);
    expect(client.calls[1]!.options).to.deep.include({
      authenticator: { id: 'autPH0001', methodType: 'sms', enrollmentId: 'smsENR0001' },
    });
  });

  it('focus() moves to the heading', async () => {
    const { el } = await picker(idx.selectAuthenticatorAuthenticate);
    el.focus();
    expect(el.shadowRoot!.activeElement).to.equal($(el, 'h2'));
  });

  it('renders nothing for a step that is not a choice', async () => {
    const { el } = await picker(idx.identify);
    expect(el.shadowRoot!.querySelector('section')).to.equal(null);
  });
});
