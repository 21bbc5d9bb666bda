import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define.js';
import type { OvTotpEntry } from '../../../src/components/ov-totp-entry/ov-totp-entry.js';
import { FakeClient } from '../fixtures/fake-client.js';
import { $, flowAt } from '../fixtures/host.js';
import * as idx from '../fixtures/idx.js';
import { pasteInto } from '../support/clipboard.js';

async function totp() {
  const client = new FakeClient();
  const { controller } = await flowAt(client, idx.totpChallenge);
  const el = await fixture<OvTotpEntry>(html`<ov-totp-entry .controller=${controller}></ov-totp-entry>`);
  return { el, client, controller, input: $<HTMLInputElement>(el, 'input') };
}

/** A real paste (a synthetic ClipboardEvent carries no data in Firefox). */
function paste(input: HTMLInputElement, text: string): Promise<void> {
  return pasteInto(input, text);
}

describe('<ov-totp-entry>', () => {
  it('asks for the code with one-time-code autocomplete and a numeric keyboard', async () => {
    const { el, input } = await totp();
    expect(input.getAttribute('autocomplete')).to.equal('one-time-code');
    expect(input.getAttribute('inputmode')).to.equal('numeric');
    expect($(el, 'label').textContent).to.contain('Enter code');
    await expect(el).to.be.accessible();
  });

  it('submits by itself at the sixth digit, once', async () => {
    const { client, input } = await totp();
    client.hold();
    input.focus();
    await sendKeys({ type: '12345' });
    await aTimeout(10);
    expect(client.calls).to.have.length(1);
    await sendKeys({ type: '6' });
    await waitUntil(() => client.calls.length === 2);
    await sendKeys({ press: 'Enter' });
    await aTimeout(10);
    expect(client.calls).to.have.length(2);
    expect(client.calls[1]!.options).to.deep.include({ step: 'challenge-authenticator', verificationCode: '123456' });
  });

  it('takes a pasted code with spaces and submits it', async () => {
    const { client, input } = await totp();
    client.hold();
    await paste(input, ' 123 456 ');
    expect(input.value).to.equal('123456');
    await waitUntil(() => client.calls.length === 2);
    expect(client.calls[1]!.options).to.deep.include({ verificationCode: '123456' });
  });

  it('drops letters as they are typed', async () => {
    const { input, client } = await totp();
    input.focus();
    await sendKeys({ type: '1a2b' });
    expect(input.value).to.equal('12');
    expect(client.calls).to.have.length(1);
  });

  it('says so when fewer than six digits are submitted, without a request', async () => {
    const { el, client, input } = await totp();
    input.focus();
    await sendKeys({ type: '123' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect($(el, '#incomplete').textContent).to.contain('Enter 3 more digits.');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(client.calls).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('shows a wrong code at the field, clears it and focuses it', async () => {
    const { el, client, input, controller } = await totp();
    client.answer(idx.totpInvalid);
    await paste(input, '000000');
    await waitUntil(() => controller.state.step?.inputs[0]?.messages.length === 1);
    await el.updateComplete;
    expect($(el, '.field-error').textContent).to.contain('Invalid code. Try again.');
    expect(input.value).to.equal('');
    expect(el.shadowRoot!.activeElement).to.equal(input);
    expect(input.getAttribute('aria-describedby')).to.contain('verificationCode-error');
    await expect(el).to.be.accessible();
  });

  it('offers another method', async () => {
    const { el, controller } = await totp();
    $<HTMLButtonElement>(el, 'form .link').click();
    expect(controller.state.step?.name).to.equal('select-authenticator-authenticate');
  });
});
