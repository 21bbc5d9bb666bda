/**
 * Okta FastPass through Apple's SSO extension (`device-apple-sso-extension`, `cancel-transaction`):
 * snapshots of Okta's playground responses as the real okta-auth-js parses them, and the
 * controller's one automatic send per user action.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { routeOf, toSnapshot } from '../../../src/controller/snapshot.js';
import type { OvTransaction } from '../../../src/controller/types.js';
import { FakeClient } from '../fixtures/fake-client.js';
import { flowAt } from '../fixtures/host.js';
import { parsed, recorded, SSO_EXTENSION, withMethod } from '../fixtures/recorded.js';

const { FORM, BIOMETRICS, FORM_AGAIN, FAILED } = SSO_EXTENSION;

describe("Apple's SSO extension: snapshots of Okta's responses", () => {
  it('device-apple-sso-extension: the FastPass screen, Okta Verify, sent at once, the picker one click away', async () => {
    const step = toSnapshot(parsed(await recorded(FORM)));
    expect([step.name, step.screen]).to.deep.equal(['device-apple-sso-extension', 'fastpass']);
    expect(step.authenticator?.key).to.equal('okta_verify');
    expect(step.authenticator?.challenge).to.deep.equal({ method: 'APPLE_SSO_EXTENSION' });
    expect(step.can).to.include({ chooseOther: true, cancel: true });
    expect(step.poll).to.equal(undefined);
    expect(routeOf(step)).to.deep.include({ remediation: 'device-apple-sso-extension', sendAtOnce: true });
    expect(routeOf(step).moves.chooseOther).to.deep.equal({ show: 'select-authenticator-authenticate' });
    // That picker's options carry their form beside the label (`form.value`), not in `value.form`.
    const picker = toSnapshot(parsed(await recorded(FORM)), 'select-authenticator-authenticate');
    expect(picker.options.map((o) => [o.label, o.method, o.values])).to.deep.equal([
      ['Okta Verify', 'signed_nonce', { authenticator: { id: 'auttheidkwh282hv8g3', methodType: 'signed_nonce' } }],
      ['Okta Password', 'password', { authenticator: { id: 'auttmbseAWnMPtLe20g3', methodType: 'password' } }],
    ]);
  });

  it("Okta's message (biometrics required) stays on the step", async () => {
    const step = toSnapshot(parsed(await recorded(BIOMETRICS)));
    expect(step.screen).to.equal('fastpass');
    expect(step.messages.map((m) => m.key)).to.deep.equal([
      'oie.authenticator.oktaverify.method.fastpass.verify.enable.biometrics.mobile',
    ]);
  });

  it('the 401s (the form again, cancel-transaction) name no authenticator: Okta Verify stands in', async () => {
    for (const [file, remediation] of [
      [FORM_AGAIN, 'device-apple-sso-extension'],
      [FAILED, 'cancel-transaction'],
    ] as const) {
      const step = toSnapshot(parsed(await recorded(file), false));
      expect([step.name, step.screen], file).to.deep.equal([remediation, 'fastpass']);
      expect(step.authenticator?.challenge?.method).to.equal('APPLE_SSO_EXTENSION');
      expect(step.can.chooseOther, file).to.equal(false);
      expect(routeOf(step)).to.deep.include({ remediation, sendAtOnce: true });
    }
  });

  it('method GET: a page to go to (http or https only), never sent by the widget', async () => {
    const step = toSnapshot(parsed(withMethod(await recorded(FORM), 'GET')));
    expect(step.authenticator?.challenge?.href).to.match(/^http:\/\/localhost:3000\/idp\/idx\/.*\/verify$/);
    expect(routeOf(step).sendAtOnce).to.equal(undefined);
    const unsafe = toSnapshot(parsed(withMethod(await recorded(FORM), 'GET', 'javascript:alert(1)')));
    expect([unsafe.screen, unsafe.remediation]).to.deep.equal(['unsupported', 'device-apple-sso-extension']);
  });
});

describe("Apple's SSO extension: the controller sends Okta's form once per user action", () => {
  const sends = (client: FakeClient) => client.callsOf('proceed').map((c) => c.options.step);

  it('sends device-apple-sso-extension as soon as it is shown, busy meanwhile, and shows the answer', async () => {
    const form = parsed(await recorded(FORM));
    const client = new FakeClient();
    const held = client.hold();
    const { controller } = await flowAt(client, form);
    await waitUntil(() => client.inFlight === 1, 'the automatic send');
    expect(controller.state.step?.screen).to.equal('fastpass');
    expect(controller.state.busy).to.equal(true);
    expect(sends(client)).to.deep.equal(['device-apple-sso-extension']);
    held.resolve(parsed(await recorded(FAILED), false));
    // The failed attempt's cancel goes out by itself too (once), and Okta's picker is shown.
    client.answer(toPickerOf(form));
    await waitUntil(() => controller.state.step?.screen === 'verify-picker', 'the picker').catch(() => {
      throw new Error(
        JSON.stringify([controller.state.step?.name, controller.state.busy, controller.state.problem, sends(client)]),
      );
    });
    expect(sends(client)).to.deep.equal(['device-apple-sso-extension', 'cancel-transaction']);
  });

  it('Okta answering the form again: shown with Try again, not sent again; Try again sends it once more', async () => {
    const client = new FakeClient().answer(parsed(await recorded(FORM_AGAIN), false));
    const { controller } = await flowAt(client, parsed(await recorded(FORM)));
    await waitUntil(() => client.callsOf('proceed').length === 1 && !controller.state.busy, 'the first answer');
    await settledFor(controller);
    expect(sends(client)).to.deep.equal(['device-apple-sso-extension']);
    client.answer(parsed(await recorded(FORM_AGAIN), false));
    controller.submit();
    await waitUntil(() => client.callsOf('proceed').length === 2 && !controller.state.busy, 'the user’s send');
    await settledFor(controller);
    expect(sends(client)).to.deep.equal(['device-apple-sso-extension', 'device-apple-sso-extension']);
  });

  it('never sent by itself when Okta sent a message with it (biometrics required)', async () => {
    const client = new FakeClient();
    const { controller } = await flowAt(client, parsed(await recorded(BIOMETRICS)));
    await settledFor(controller);
    expect(sends(client)).to.deep.equal([]);
    expect(controller.state.busy).to.equal(false);
  });

  it('never sent by itself with method GET', async () => {
    const client = new FakeClient();
    const { controller } = await flowAt(client, parsed(withMethod(await recorded(FORM), 'GET')));
    await settledFor(controller);
    expect(sends(client)).to.deep.equal([]);
  });
});

/** The picker of the same response, as Okta answers a cancelled extension. */
function toPickerOf(form: OvTransaction): OvTransaction {
  return {
    ...form,
    neededToProceed: form.neededToProceed.filter((r) => r.name === 'select-authenticator-authenticate'),
  };
}

/** Long enough for a deferred automatic send to have gone out, had the controller wanted one. */
async function settledFor(controller: { settled: Promise<void> }): Promise<void> {
  await controller.settled;
  await new Promise((resolve) => setTimeout(resolve, 0));
  await controller.settled;
}
