/**
 * The provisional sign-in form (`state.provisional`): shown by `start()` when the host says no
 * saved sign-in can be resumed, before Okta's first answer; a submit on it is held and sent once.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { FakeClient } from '../fixtures/fake-client.js';
import { TestFlowHost } from '../fixtures/host.js';
import { recordEvents } from '../fixtures/events.js';
import * as idx from '../fixtures/idx.js';
import { OvFlowController } from '../../../src/controller/flow-controller.js';

async function startNew(client: FakeClient) {
  const host = await fixture<TestFlowHost>(html`<test-flow-host></test-flow-host>`);
  const controller = new OvFlowController(host, { authClient: client, mayResume: () => client.hasSavedTransaction });
  const steps = recordEvents(host, 'ov-step');
  const start = client.hold();
  controller.start();
  return { host, controller, steps, start };
}

describe('OvFlowController: the sign-in form before Okta answers', () => {
  it('shows the sign-in form at once; a submit is held, then sent once when identify asks nothing more', async () => {
    const client = new FakeClient();
    const { controller, steps, start } = await startNew(client);
    client.answer(idx.passwordChallenge);
    expect(controller.state).to.deep.include({ provisional: true, busy: false });
    expect(controller.state.step?.screen).to.equal('sign-in');
    expect(controller.state.step?.inputs.map((i) => i.name)).to.deep.equal(['username']);
    expect(steps, 'no ov-step before Okta’s first step').to.have.length(0);

    controller.submit({ username: 'ada' });
    controller.submit({ username: 'someone else' });
    expect(controller.state.busy).to.equal(true);
    await waitUntil(() => client.calls.length === 1, 'the start sent');
    expect(client.calls.map((c) => c.method)).to.deep.equal(['start']);

    start.resolve(idx.identifierOnly);
    await waitUntil(() => controller.state.step?.name === 'challenge-authenticator', 'the password step');
    expect(client.calls.map((c) => c.method)).to.deep.equal(['start', 'proceed']);
    expect(client.calls[1]!.options).to.include({ step: 'identify', username: 'ada' });
    expect(controller.state.provisional).to.equal(false);
  });

  it('keeps a held submit that lacks a field of Okta’s identify form (the password): nothing is sent', async () => {
    const client = new FakeClient();
    const { controller, start } = await startNew(client);
    controller.submit({ username: 'ada' });
    start.resolve(idx.identify);
    await waitUntil(() => controller.state.provisional === false, 'Okta’s identify form');
    expect(controller.state.step?.inputs.map((i) => i.name)).to.deep.equal(['username', 'password']);
    expect(controller.state.busy).to.equal(false);
    expect(client.calls).to.have.length(1);
  });

  it('another first step replaces the form; the username typed is kept for a later identify', async () => {
    const client = new FakeClient();
    const { host, controller, start } = await startNew(client);
    controller.draft(' ada ');
    controller.submit({ username: 'ada' });
    start.resolve(idx.deviceChallengePoll);
    await waitUntil(() => controller.state.step?.screen === 'fastpass', 'the FastPass step');
    expect(controller.state).to.deep.include({ provisional: false, username: 'ada' });
    const identify = client.calls.filter((c) => c.options.step === 'identify');
    expect(identify, 'the held submit dropped').to.have.length(0);
    host.remove();
  });

  it('a failed start shows the problem without the form, keeping the username typed', async () => {
    const client = new FakeClient();
    const { controller, start } = await startNew(client);
    controller.draft('ada');
    start.reject(new TypeError('Failed to fetch'));
    await waitUntil(() => controller.state.problem !== undefined, 'the problem');
    expect(controller.state.problem?.code).to.equal('network');
    expect(controller.state.step).to.equal(undefined);
    expect(controller.state).to.deep.include({ provisional: false, busy: false, username: 'ada' });
  });

  it('with a saved sign-in to resume, nothing shows until Okta answers', async () => {
    const client = new FakeClient();
    client.hasSavedTransaction = true;
    const { controller, start } = await startNew(client);
    expect(controller.state.step).to.equal(undefined);
    expect(controller.state.provisional).not.to.equal(true);
    start.resolve(idx.qrEnroll);
    await waitUntil(() => controller.state.step?.name === 'enroll-poll', 'the resumed step');
  });
});
