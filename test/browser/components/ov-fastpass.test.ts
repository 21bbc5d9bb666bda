/**
 * Okta FastPass and the Okta Verify screens Okta sends beyond push and QR (defects 2, 3, 4 of
 * issue 14): each rendered from a step shaped like Okta's, alone, with aXe.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/define.js';
import type { OvFastPass } from '../../../src/components/ov-fastpass/ov-fastpass.js';
import type { OvPollStatus } from '../../../src/components/ov-poll-status/ov-poll-status.js';
import type { OvQrEnroll } from '../../../src/components/ov-qr-enroll/ov-qr-enroll.js';
import type { OvIdentify } from '../../../src/components/ov-identify/ov-identify.js';
import { toSnapshot } from '../../../src/controller/snapshot.js';
import type { OvTransaction } from '../../../src/controller/types.js';
import { FakeClient } from '../fixtures/fake-client.js';
import { $, $$, flowAt } from '../fixtures/host.js';
import * as idx from '../fixtures/idx.js';

async function at<T extends HTMLElement>(
  tx: OvTransaction,
  tag: 'ov-fastpass' | 'ov-poll-status' | 'ov-qr-enroll' | 'ov-identify',
) {
  const client = new FakeClient();
  client.hold();
  const { controller } = await flowAt(client, tx);
  const el = await fixture<T>(
    tag === 'ov-fastpass'
      ? html`<ov-fastpass .controller=${controller}></ov-fastpass>`
      : tag === 'ov-poll-status'
        ? html`<ov-poll-status .controller=${controller}></ov-poll-status>`
        : tag === 'ov-qr-enroll'
          ? html`<ov-qr-enroll .controller=${controller}></ov-qr-enroll>`
          : html`<ov-identify .controller=${controller}></ov-identify>`,
  );
  return { el, client, controller };
}

const PUSH_CLAIM = /push/i;

describe('Okta FastPass (defect 2: never shown as a push)', () => {
  it('the snapshot: a signed_nonce challenge-poll is the fastpass screen, with the challenge read', () => {
    const step = toSnapshot(idx.fastPassLoopback());
    expect(step.screen).to.equal('fastpass');
    expect(step.poll?.refresh).to.equal(4000);
    expect(step.authenticator?.challenge).to.deep.equal({
      method: 'LOOPBACK',
      domain: 'http://localhost',
      ports: ['2000', '6511'],
      probeTimeoutMillis: 200,
      challengeRequest: idx.CHALLENGE_REQUEST,
    });
    expect(step.can.chooseOther).to.equal(true);
  });

  it('device-challenge-poll on the first screen is FastPass too, polled at its refresh', () => {
    const step = toSnapshot(idx.deviceChallengePoll);
    expect(step.screen).to.equal('fastpass');
    expect(step.name).to.equal('device-challenge-poll');
    expect(step.poll?.refresh).to.equal(2000);
    expect(step.authenticator?.challenge?.method).to.equal('LOOPBACK');
  });

  it('loopback: says Okta Verify on this device confirms it, and no push', async () => {
    const { el } = await at<OvFastPass>(idx.fastPassLoopback(['1']), 'ov-fastpass');
    expect($(el, 'h2').textContent).to.contain('Sign in with Okta FastPass');
    const text = $(el, 'section').textContent ?? '';
    expect(text).to.contain('Okta Verify on this device is confirming it’s you.');
    expect(text).to.not.match(/Push notification sent/);
    expect($(el, '[part="status"]').getAttribute('aria-live')).to.equal('polite');
    await expect(el).to.be.accessible();
  });

  it('custom URI: "Open Okta Verify" is a real link to the URI, "Get Okta Verify" to the download', async () => {
    const { el } = await at<OvFastPass>(idx.fastPassCustomUri, 'ov-fastpass');
    const open = $<HTMLAnchorElement>(el, 'a[data-open]');
    expect(open.textContent?.trim()).to.equal('Open Okta Verify');
    expect(open.getAttribute('href')).to.match(/^com-okta-authenticator:\/deviceChallenge\?challengeRequest=/);
    const download = $<HTMLAnchorElement>(el, 'a[data-download]');
    expect(download.textContent?.trim()).to.equal('Get Okta Verify');
    expect(download.href).to.equal('https://apps.apple.com/us/app/okta-verify/id490179405');
    expect(download.rel).to.contain('noopener');
    expect($(el, 'section').textContent).to.not.match(PUSH_CLAIM);
    await expect(el).to.be.accessible();
  });

  it('universal and app links: a button-like link that opens the href', async () => {
    for (const tx of [idx.fastPassUniversalLink, idx.fastPassAppLink]) {
      const { el } = await at<OvFastPass>(tx, 'ov-fastpass');
      const open = $<HTMLAnchorElement>(el, 'a[data-open]');
      expect(open.href).to.match(/^https?:\/\/.*okta-verify\.html/);
      expect($(el, 'section').textContent).to.not.match(PUSH_CLAIM);
      await expect(el).to.be.accessible();
    }
  });

  it('a javascript: link is never rendered', async () => {
    const { el } = await at<OvFastPass>(idx.fastPassHostileLink, 'ov-fastpass');
    expect($$(el, 'a')).to.have.length(0);
    expect($(el, 'section').textContent).to.contain('cannot reach Okta Verify');
  });

  it('"Verify with something else" cancels the poll with reason USER_CANCELED', async () => {
    const { el, client } = await at<OvFastPass>(idx.fastPassCustomUri, 'ov-fastpass');
    client.answer(idx.selectAuthenticatorAuthenticate);
    $<HTMLButtonElement>(el, '[data-other]').click();
    await waitUntil(() => client.calls.some((c) => c.options && 'actions' in c.options));
    const call = client.calls.find((c) => c.options && 'actions' in c.options)!;
    expect(call.options).to.deep.include({
      actions: [{ name: 'currentAuthenticator-cancel', params: { reason: 'USER_CANCELED' } }],
    });
  });

  it('loopback with no port answering: the cancel form is told OV_UNREACHABLE_BY_LOOPBACK', async () => {
    // Port 9 (discard) on the loopback answers nothing; the probe is refused or times out.
    const { client } = await at<OvFastPass>(idx.fastPassLoopback(['9']), 'ov-fastpass');
    client.answer(idx.fastPassCustomUri);
    await waitUntil(() => client.calls.some((c) => c.options && 'actions' in c.options), 'no cancel', {
      timeout: 5000,
    });
    const call = client.calls.find((c) => c.options && 'actions' in c.options)!;
    expect(call.options).to.deep.include({
      actions: [{ name: 'currentAuthenticator-cancel', params: { reason: 'OV_UNREACHABLE_BY_LOOPBACK' } }],
    });
  });

  it('a new loopback challenge after the fallback is not cancelled again: one cancel per user action', async () => {
    const probes: string[] = [];
    const original = window.fetch;
    // Every port is closed, at once: the probes fail without a timer, so what follows is microtasks.
    window.fetch = (input) => {
      probes.push(String(input));
      return Promise.reject(new TypeError('connection refused'));
    };
    try {
      const client = new FakeClient();
      client.answer(idx.fastPassLoopback(['9'], 'http://localhost', 'second-challenge'));
      client.answer(idx.fastPassCustomUri).answer(idx.fastPassCustomUri);
      const { controller } = await flowAt(client, idx.fastPassLoopback(['9']));
      await waitUntil(() => probes.length >= 2, 'the second challenge was never probed');
      // One task later: a second automatic cancel would have been sent by now.
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(client.calls.filter((c) => 'actions' in c.options)).to.have.length(1);
      expect(controller.state.step?.authenticator?.challenge?.challengeRequest).to.equal('second-challenge');
      expect(controller.state.notice).to.equal('fastpass-unreachable');
    } finally {
      window.fetch = original;
    }
  });

  it('only loopback hosts are probed: another domain is never fetched', async () => {
    const fetched: string[] = [];
    const original = window.fetch;
    window.fetch = (input, init) => {
      fetched.push(String(input));
      return original(input, init);
    };
    try {
      const { client } = await at<OvFastPass>(idx.fastPassLoopback(['443'], 'https://example.com'), 'ov-fastpass');
      client.answer(idx.fastPassCustomUri);
      await waitUntil(() => client.calls.some((c) => c.options && 'actions' in c.options));
      expect(fetched.filter((u) => u.includes('example.com'))).to.deep.equal([]);
    } finally {
      window.fetch = original;
    }
  });

  it('identify with launch-authenticator: "Sign in with Okta FastPass" sends it', async () => {
    const step = toSnapshot(idx.identifyWithLaunch);
    expect(step.screen).to.equal('sign-in');
    expect(step.can.launchFastPass).to.equal(true);
    const { el, client } = await at<OvIdentify>(idx.identifyWithLaunch, 'ov-identify');
    client.answer(idx.deviceChallengePoll);
    $<HTMLButtonElement>(el, '[data-fastpass]').click();
    await waitUntil(() => client.calls.length >= 2);
    expect(client.calls.at(-1)!.options).to.deep.include({ step: 'launch-authenticator' });
    await expect(el).to.be.accessible();
  });

  it('launch-authenticator alone: "Sign in with Okta FastPass" is the one, primary button; no form, a way back', async () => {
    const { el, client } = await at<OvIdentify>(idx.launchOnly, 'ov-identify');
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
    const launch = $<HTMLButtonElement>(el, '[data-fastpass]');
    expect(launch.getAttribute('part')).to.equal('button button-primary');
    expect($$(el, 'button').map((b) => b.textContent?.trim())).to.include('Back to sign in');
    await expect(el).to.be.accessible();
    client.answer(idx.deviceChallengePoll);
    launch.click();
    await waitUntil(() => client.calls.length >= 2);
    expect(client.calls.at(-1)!.options).to.deep.include({ step: 'launch-authenticator' });
  });
});

describe('same-device and device-bootstrap enrolment (defect 3)', () => {
  it('same device: what to do, the download link, the sign-in URL; no QR error', async () => {
    const step = toSnapshot(idx.sameDeviceEnroll);
    expect(step.screen).to.equal('enroll-same-device');
    const { el } = await at<OvQrEnroll>(idx.sameDeviceEnroll, 'ov-qr-enroll');
    expect($(el, 'h2').textContent).to.contain('Set up Okta Verify on this device');
    const text = $(el, 'section').textContent ?? '';
    expect(text).to.not.contain('could not be shown safely');
    expect($(el, '[data-org-url]').textContent).to.equal('acme.okta.com');
    expect($<HTMLAnchorElement>(el, 'a[data-download]').href).to.equal(
      'https://apps.apple.com/us/app/okta-verify/id490179405',
    );
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('device bootstrap: the enrolled devices by name, one or several', async () => {
    for (const [devices, names] of [
      ['Ada’s MacBook', ['Ada’s MacBook']],
      [
        ['Laptop', 'Desktop'],
        ['Laptop', 'Desktop'],
      ],
    ] as const) {
      const tx = idx.bootstrapEnroll(devices as string | string[]);
      expect(toSnapshot(tx).screen).to.equal('enroll-bootstrap');
      const { el } = await at<OvQrEnroll>(tx, 'ov-qr-enroll');
      expect($(el, 'h2').textContent).to.contain('Add this account in Okta Verify');
      expect($$(el, '[data-devices] li').map((li) => li.textContent)).to.deep.equal(names);
      expect($(el, 'section').textContent).to.not.contain('could not be shown safely');
      await expect(el).to.be.accessible();
    }
  });
});

describe('authenticators named as Okta names them (defect 4)', () => {
  it('a custom push authenticator: its own name, never Okta Verify', async () => {
    const { el } = await at<OvPollStatus>(idx.customPushPoll('Acme Push'), 'ov-poll-status');
    const text = $(el, 'section').textContent ?? '';
    expect(text).to.contain('Approve it in Acme Push on your mobile device.');
    expect(text).to.not.contain('Okta Verify');
    await expect(el).to.be.accessible();
  });

  it('a push authenticator without a name: no name at all', async () => {
    const { el } = await at<OvPollStatus>(idx.customPushPoll(), 'ov-poll-status');
    const text = $(el, 'section').textContent ?? '';
    expect(text).to.contain('Push notification sent. Approve it on your mobile device.');
    expect(text).to.not.contain('Okta Verify');
  });

  it('Okta Verify keeps its own wording', async () => {
    const { el } = await at<OvPollStatus>(idx.pushPoll, 'ov-poll-status');
    expect($(el, 'section').textContent).to.contain('Approve it in Okta Verify');
  });
});
