import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define.js';
import { isSafeQrSource } from '../../../src/controller/snapshot.js';
import type { OvQrEnroll } from '../../../src/components/ov-qr-enroll/ov-qr-enroll.js';
import type { OvErrorEvent } from '../../../src/events/ov-error.js';
import { FakeClient } from '../fixtures/fake-client.js';
import { recordEvents } from '../fixtures/events.js';
import { $, $$, flowAt, flowOn } from '../fixtures/host.js';
import * as idx from '../fixtures/idx.js';
import type { OvTransaction } from '../../../src/controller/types.js';

async function enroll(tx: OvTransaction, resendDelay = 30_000) {
  const client = new FakeClient();
  const flow = await flowAt(client, tx);
  const el = await fixture<OvQrEnroll>(
    html`<ov-qr-enroll .controller=${flow.controller} resend-delay=${resendDelay}></ov-qr-enroll>`,
  );
  return { el, client, ...flow };
}

describe('<ov-qr-enroll>', () => {
  it('shows the QR code with numbered steps and a polite progress line', async () => {
    const { el } = await enroll(idx.qrEnroll);
    expect($<HTMLImageElement>(el, 'img[part="qr"]').getAttribute('src')).to.equal(idx.PNG_1PX);
    expect($<HTMLImageElement>(el, 'img').alt).to.equal('QR code to scan with Okta Verify');
    expect($$(el, 'ol > li')).to.have.length(3);
    expect($(el, '[part="status"]').getAttribute('aria-live')).to.equal('polite');
    await expect(el).to.be.accessible();
  });

  for (const href of [
    'https://evil.example/qr.png',
    'data:image/svg+xml;base64,PHN2Zy8+',
    'javascript:alert(1)',
    `${idx.PNG_1PX}"onerror="x`,
  ]) {
    it(`refuses a QR source that is not an inline PNG/GIF: ${href.slice(0, 30)}`, async () => {
      const client = new FakeClient().answer(idx.qrEnrollWith(href));
      const { host, controller } = await flowOn(client);
      // The snapshot drops the source and the controller reports it; the element fires nothing.
      const errors = recordEvents(host, 'ov-error') as OvErrorEvent[];
      controller.start();
      await waitUntil(() => controller.state.step !== undefined, 'the QR step', { interval: 5 });
      expect(errors.map((e) => e.detail.problem.code)).to.deep.equal(['qr-refused']);
      const el = document.createElement('ov-qr-enroll');
      const own = recordEvents(el, 'ov-error');
      el.controller = controller;
      host.appendChild(el);
      await el.updateComplete;
      expect(own).to.have.length(0);
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
      expect($(el, '[role="alert"]').textContent).to.contain('could not be shown safely');
      await expect(el).to.be.accessible();
    });
  }

  it('accepts data:image/png and data:image/gif base64 only', () => {
    expect(isSafeQrSource(idx.PNG_1PX)).to.equal(true);
    expect(isSafeQrSource('data:image/gif;base64,R0lGODlhAQABAAAAACw=')).to.equal(true);
    expect(isSafeQrSource('data:image/jpeg;base64,AAAA')).to.equal(false);
    expect(isSafeQrSource('data:image/png,not-base64')).to.equal(false);
  });

  it('"Can\'t scan?" offers email or SMS without a request, and goes back to the QR', async () => {
    const { el, client, controller } = await enroll(idx.qrEnroll);
    $<HTMLButtonElement>(el, 'button.link').click();
    await el.updateComplete;
    expect(controller.state.step?.name).to.equal('select-enrollment-channel');
    expect($$(el, '[data-channel]').map((b) => b.dataset.channel)).to.deep.equal(['email', 'sms']);
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[data-back]').click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('img[part="qr"]')).to.not.equal(null);
    expect(client.calls).to.have.length(1);
  });

  it('sends the chosen channel, then the email address', async () => {
    const { el, client, controller } = await enroll(idx.qrEnroll);
    controller.changeChannel();
    await el.updateComplete;
    client.answer(idx.emailChannelData);
    $<HTMLButtonElement>(el, '[data-channel="email"]').click();
    await waitUntil(() => controller.state.step?.name === 'enrollment-channel-data');
    expect(client.calls[1]!.options).to.deep.include({ step: 'select-enrollment-channel', channel: 'email' });
    await el.updateComplete;
    const input = $<HTMLInputElement>(el, 'input[name="email"]');
    expect(input.getAttribute('autocomplete')).to.equal('email');
    await expect(el).to.be.accessible();

    client.answer(idx.emailLinkSent);
    input.focus();
    await sendKeys({ type: 'ada@example.com' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => controller.state.step?.authenticator?.selectedChannel === 'email');
    expect(client.calls[2]!.options).to.deep.include({ step: 'enrollment-channel-data', email: 'ada@example.com' });
  });

  it('phone number form for SMS: "Phone number" in sentence case, with a format hint read with the field', async () => {
    const { el } = await enroll(idx.smsChannelData);
    const input = $<HTMLInputElement>(el, 'input[name="phoneNumber"]');
    expect(input.getAttribute('type')).to.equal('tel');
    expect(input.closest('label')!.textContent!.trim()).to.equal('Phone number');
    const hint = el.shadowRoot!.getElementById(input.getAttribute('aria-describedby')!);
    expect(hint?.textContent).to.equal('Include the country code, for example +1 555 010 0199.');
    expect($(el, 'button[type="submit"]').textContent!.trim()).to.equal('Send me the activation link');
    await expect(el).to.be.accessible();
  });

  it('from the address form, back to the QR asks the server for the QR channel', async () => {
    const { el, client } = await enroll(idx.emailChannelData);
    client.hold();
    $<HTMLButtonElement>(el, '[data-back]').click();
    await waitUntil(() => client.calls.length === 2);
    expect(client.calls[1]!.options).to.deep.include({ step: 'select-enrollment-channel', channel: 'qrcode' });
  });

  it('"check your email": the address, and "Send again" only after the resend delay', async () => {
    const { el, client } = await enroll(idx.emailLinkSent, 20);
    expect($(el, 'h2').textContent).to.contain('Check your email');
    expect($(el, 'section').textContent).to.contain('ada@example.com');
    expect(el.shadowRoot!.querySelector('[data-resend]')).to.equal(null);
    await expect(el).to.be.accessible();
    await aTimeout(40);
    await el.updateComplete;
    client.hold();
    $<HTMLButtonElement>(el, '[data-resend]').click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[data-resend]')).to.equal(null);
    await waitUntil(() => client.calls.length === 2);
    expect(client.calls[1]!.options).to.deep.include({ actions: ['currentAuthenticator-resend'] });
  });

  it('"check your text messages" for SMS', async () => {
    const { el } = await enroll(idx.smsLinkSent);
    expect($(el, 'h2').textContent).to.contain('Check your text messages');
    expect($(el, 'section').textContent).to.contain('+12165550100');
    await expect(el).to.be.accessible();
  });

  it('offers skip when enrolment is optional', async () => {
    const { el, client } = await enroll(idx.qrEnrollWithSkip);
    client.hold();
    $<HTMLButtonElement>(el, '[data-skip]').click();
    await waitUntil(() => client.calls.length === 2);
    expect(client.calls[1]!.options).to.deep.include({ step: 'skip' });
  });
});
