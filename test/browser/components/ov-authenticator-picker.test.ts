import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define.js';
import type { OvAuthenticatorPicker } from '../../../src/components/ov-authenticator-picker/ov-authenticator-picker.js';
import { FakeClient } from '../fixtures/fake-client.js';
import { $, $$, flowAt } from '../fixtures/host.js';
import * as idx from '../fixtures/idx.js';
import type { OvTransaction } from '../../../src/controller/types.js';
import { optionDescription } from '../../../src/i18n/option-text.js';

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
      'Okta Verify Enter a code · Pixel 8',
      'Okta Verify Get a push notification · Pixel 8',
      'Phone Get a code by text message (SMS) · +1 XXX-XXX-2241',
    ]);
    await expect(el).to.be.accessible();
  });

  it('titles each choice as Okta’s picker does, with an icon and a one-line description', async () => {
    const { el } = await picker(idx.selectAuthenticatorAuthenticate);
    const rows = $$(el, 'button[data-option]').map((button) => ({
      title: button.querySelector('[part="option-label"]')!.textContent!.trim(),
      description: button.querySelector('[part="option-detail"]')!.textContent!.trim(),
      icon: button.querySelector('svg')!.dataset['icon'],
    }));
    expect(rows).to.deep.equal([
      { title: 'Okta Verify', description: 'Enter a code · Pixel 8', icon: 'app' },
      { title: 'Okta Verify', description: 'Get a push notification · Pixel 8', icon: 'app' },
      { title: 'Phone', description: 'Get a code by text message (SMS) · +1 XXX-XXX-2241', icon: 'phone' },
    ]);
    for (const icon of $$(el, 'button[data-option] svg')) {
      expect(icon.getAttribute('aria-hidden'), 'decoration').to.equal('true');
      expect(icon.hasAttribute('style'), 'no style attribute (strict CSP)').to.equal(false);
      expect(icon.querySelectorAll('image, use, foreignObject').length, 'nothing fetched').to.equal(0);
      const box = icon.getBoundingClientRect();
      expect(box.width > 0 && box.height > 0, 'drawn').to.equal(true);
    }
    const [first] = $$(el, 'button[data-option]');
    const [icon, title, description] = [...first!.children].map((child) => child.getBoundingClientRect());
    expect(icon!.right, 'icon before the words').to.be.at.most(title!.left);
    expect(title!.bottom, 'description under the title').to.be.at.most(description!.top + 1);
  });

  it('describes FastPass, a method it has no words for, and an unknown authenticator sensibly', async () => {
    expect(optionDescription('signed_nonce', 'okta_verify')).to.equal('Use Okta FastPass');
    expect(optionDescription('hotp', 'custom_otp', 'Enter a one-time code')).to.equal('Enter a one-time code');
    expect(optionDescription(undefined, 'acme_token')).to.equal('Use this security method');
    const { el } = await picker(idx.selectAuthenticatorEnroll);
    const details = $$(el, '[part="option-detail"]').map((d) => d.textContent!.trim());
    expect(
      details.every((d) => d.length > 0),
      'every choice has a line',
    ).to.equal(true);
    expect(details[0]).to.equal('Use the Okta Verify app');
  });

  it('words the descriptions in the widget’s language', async () => {
    const client = new FakeClient();
    const { controller } = await flowAt(client, idx.selectAuthenticatorAuthenticate);
    const el = await fixture<OvAuthenticatorPicker>(
      html`<ov-authenticator-picker lang="de" .controller=${controller}></ov-authenticator-picker>`,
    );
    await waitUntil(
      () => $$(el, '[part="option-detail"]')[1]?.textContent?.includes('Push-Benachrichtigung'),
      'German descriptions',
    );
    expect($$(el, '[part="option-label"]')[1]!.textContent!.trim(), 'the brand stays').to.equal('Okta Verify');
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
    expect($$(el, 'button[data-option]').map((b) => b.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
      'Okta Verify Enter a code',
      'Okta Verify Get a push notification',
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
    expect($$(el, '.actions button').map((b) => b.textContent!.trim())).to.deep.equal(['Set up later', 'Cancel']);
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
