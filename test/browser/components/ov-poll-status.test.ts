import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/define.js';
import type { OvPollStatus } from '../../../src/components/ov-poll-status/ov-poll-status.js';
import { FakeClient } from '../fixtures/fake-client.js';
import { $, flowAt } from '../fixtures/host.js';
import * as idx from '../fixtures/idx.js';
import type { OvTransaction } from '../../../src/controller/types.js';

async function pollStatus(tx: OvTransaction, resendDelay = 30_000) {
  const client = new FakeClient();
  client.hold(); // the first poll stays in flight
  const { controller } = await flowAt(client, tx);
  const el = await fixture<OvPollStatus>(
    html`<ov-poll-status .controller=${controller} .resendDelay=${resendDelay}></ov-poll-status>`,
  );
  return { el, client, controller };
}

describe('<ov-poll-status>', () => {
  it('push: says what to do, with a polite progress line, other method and cancel', async () => {
    const { el } = await pollStatus(idx.pushPoll);
    expect($(el, 'h2').textContent).to.contain('Get a push notification');
    expect($(el, 'section').textContent).to.contain('Approve it in Okta Verify');
    const live = $(el, '[part="status"]');
    expect(live.getAttribute('aria-live')).to.equal('polite');
    expect(live.textContent).to.contain('Waiting for your approval');
    expect($(el, '[data-other]').textContent).to.contain('Verify with something else');
    expect($(el, '[data-cancel]').textContent).to.contain('Back to sign in');
    await expect(el).to.be.accessible();
  });

  it('number challenge: shows the number to tap', async () => {
    const { el } = await pollStatus(idx.numberChallenge);
    expect($(el, 'h2').textContent).to.contain('Verify with a number');
    expect($(el, '[part="number"]').textContent).to.equal('52');
    expect($(el, '[part="number"]').getAttribute('aria-label')).to.equal('Number to tap: 52');
    await expect(el).to.be.accessible();
  });

  it('offers a resend only after the resend delay', async () => {
    const { el } = await pollStatus(idx.pushPoll, 20);
    expect(el.shadowRoot!.querySelector('[data-resend]')).to.equal(null);
    await aTimeout(40);
    await el.updateComplete;
    expect($(el, '[data-resend]').textContent).to.contain('Resend push notification');
    await expect(el).to.be.accessible();
  });

  it('a rejected push: the server message and a resend', async () => {
    const { el, client } = await pollStatus(idx.pushRejected);
    expect($(el, '[role="alert"]').textContent).to.contain('You have chosen to reject this login.');
    await expect(el).to.be.accessible();
    client.answer(idx.pushPoll);
    $<HTMLButtonElement>(el, '[data-resend]').click();
    await waitUntil(() => client.calls.length === 2);
    expect(client.calls[1]!.options).to.deep.include({ step: 'resend' });
  });

  it('a push with a number challenge not approved: the widget’s words (mismatch or denial), not Okta’s blame', async () => {
    const { el } = await pollStatus(idx.numberPushRejected);
    const alert = $(el, '[role="alert"]');
    expect(alert.textContent!.trim()).to.equal(
      'This sign-in wasn’t approved on your mobile device. The number tapped may not have matched the one shown here, or the request was denied.',
    );
    expect(el.shadowRoot!.textContent).not.to.contain('You have chosen to reject this login.');
    expect($(el, '[data-resend]').textContent).to.contain('Resend push notification');
    await expect(el).to.be.accessible();
  });

  it('"Verify with something else" shows the picker', async () => {
    const { el, controller } = await pollStatus(idx.pushPoll);
    $<HTMLButtonElement>(el, '[data-other]').click();
    expect(controller.state.step?.name).to.equal('select-authenticator-authenticate');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('section')).to.equal(null);
  });

  it('cancel cancels the transaction', async () => {
    const { el, client } = await pollStatus(idx.pushPoll);
    $<HTMLButtonElement>(el, '[data-cancel]').click();
    await waitUntil(() => client.calls.length === 2);
    expect(client.calls.map((c) => c.method)).to.deep.equal(['start', 'cancel']);
  });
});
