/** Who is signing in, the way back, and the steps the controller answers by itself (issue 15). */
import { expect, waitUntil } from '@open-wc/testing';
import { FakeClient } from '../fixtures/fake-client.js';
import { flowAt } from '../fixtures/host.js';
import { recordEvents } from '../fixtures/events.js';
import * as idx from '../fixtures/idx.js';
import type { OvStepEvent } from '../../../src/events/ov-step.js';

describe('OvFlowController: who is signing in and the way back', () => {
  it("remembers the typed username, then Okta's identifier; cancel keeps it for the new identify form", async () => {
    const client = new FakeClient().answer(idx.selectAuthenticatorAuthenticate);
    const { controller } = await flowAt(client, idx.identify);
    controller.submit({ username: ' typed@example.com ', password: 'pw' });
    await waitUntil(() => controller.state.step?.name === 'select-authenticator-authenticate');
    expect(controller.state.username).to.equal('typed@example.com');

    client.answer(idx.canceled).answer(idx.identify);
    controller.cancel();
    await waitUntil(() => controller.state.step?.name === 'identify' && !controller.state.busy);
    expect(client.callsOf('cancel')).to.have.length(1);
    expect(controller.state.username).to.equal('typed@example.com');
  });

  it("Okta's identifier wins over what was typed", async () => {
    const client = new FakeClient().answer(idx.passwordChallenge);
    const { controller } = await flowAt(client, idx.identifierOnly);
    controller.submit({ username: 'ADA' });
    await waitUntil(() => controller.state.step?.name === 'challenge-authenticator');
    expect(controller.state.username).to.equal('ada@example.com');
  });

  it('useAnotherAccount(): one cancel, and the username forgotten', async () => {
    const client = new FakeClient().answer(idx.passwordChallenge);
    const { controller } = await flowAt(client, idx.identifierOnly);
    controller.submit({ username: 'ada@example.com' });
    await waitUntil(() => controller.state.step?.name === 'challenge-authenticator');
    client.answer(idx.canceled).answer(idx.identify);
    controller.useAnotherAccount();
    await waitUntil(() => controller.state.step?.name === 'identify' && !controller.state.busy);
    expect(client.callsOf('cancel')).to.have.length(1);
    expect(controller.state.username).to.equal(undefined);
  });
});

describe('OvFlowController: a single method skips the picker', () => {
  it('Okta Verify offers only a code: the code is chosen at once, the picker never shown', async () => {
    const client = new FakeClient().answer(idx.verificationDataOnly(['totp'])).answer(idx.totpChallenge);
    const { host, controller } = await flowAt(client, idx.identify);
    const steps = recordEvents(host, 'ov-step') as OvStepEvent[];
    controller.submit({ username: 'ada', password: 'pw' });
    await waitUntil(() => controller.state.step?.screen === 'code' && !controller.state.busy);
    expect(steps.map((s) => s.detail.step.screen)).to.deep.equal(['code']);
    const proceeds = client.callsOf('proceed');
    expect(proceeds).to.have.length(2);
    expect(proceeds[1]!.options).to.deep.include({ step: 'authenticator-verification-data', methodType: 'totp' });
  });

  it('a refused code choice is not sent again by itself', async () => {
    const refused = { ...idx.verificationDataOnly(['totp']), messages: [{ message: 'No', class: 'ERROR' }] };
    const client = new FakeClient().answer(idx.verificationDataOnly(['totp'])).answer(refused as never);
    const { controller } = await flowAt(client, idx.identify);
    controller.submit({ username: 'ada', password: 'pw' });
    await waitUntil(() => controller.state.step?.screen === 'method-picker' && !controller.state.busy);
    expect(client.callsOf('proceed')).to.have.length(2);
  });

  it('push alone with autoChallenge on: the push goes out by itself, with autoChallenge', async () => {
    const client = new FakeClient()
      .answer(idx.verificationDataOnly(['push'], true))
      .answer(idx.pushPollWithRefresh(60_000));
    const { controller } = await flowAt(client, idx.identify);
    controller.submit({ username: 'ada', password: 'pw' });
    await waitUntil(() => controller.state.step?.screen === 'push' && !controller.state.busy);
    const proceeds = client.callsOf('proceed');
    expect(proceeds).to.have.length(2);
    expect(proceeds[1]!.options).to.deep.include({
      methodType: 'push',
      authenticatorsData: [{ id: idx.OV.id, methodType: 'push', autoChallenge: true }],
    });
    controller.cancel();
  });

  it('push alone with autoChallenge off: "Send push" waits for the user', async () => {
    const client = new FakeClient().answer(idx.verificationDataOnly(['push'], false));
    const { controller } = await flowAt(client, idx.identify);
    controller.submit({ username: 'ada', password: 'pw' });
    await waitUntil(() => controller.state.step?.screen === 'send-push' && !controller.state.busy);
    expect(client.callsOf('proceed')).to.have.length(1);
  });
});

describe('OvFlowController: resend says it resent', () => {
  it('the answer to a resend is a new snapshot, with the resent notice; the next user request clears it', async () => {
    const client = new FakeClient().answer(idx.pushPollWithRefresh(60_000));
    const { controller } = await flowAt(client, idx.pushPollWithRefresh(60_000));
    const before = controller.state.step;
    controller.resend();
    await waitUntil(() => controller.state.notice === 'resent');
    expect(controller.state.step !== before, 'a new snapshot, so the resend offer re-arms').to.equal(true);
    expect(controller.state.step?.screen).to.equal('push');
    client.answer(idx.canceled).answer(idx.identify);
    controller.cancel();
    await waitUntil(() => controller.state.step?.name === 'identify' && !controller.state.busy);
    expect(controller.state.notice).to.equal(undefined);
  });
});
