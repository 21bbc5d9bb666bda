import { aTimeout, expect, oneEvent, waitUntil } from '@open-wc/testing';
import { FakeClient } from '../fixtures/fake-client.js';
import { flowOn } from '../fixtures/host.js';
import { recordEvents } from '../fixtures/events.js';
import { TimerSpy } from '../fixtures/timers.js';
import * as idx from '../fixtures/idx.js';
import type { OvStepEvent } from '../../../src/events/ov-step.js';
import type { OvErrorEvent } from '../../../src/events/ov-error.js';
import type { OvSuccessEvent } from '../../../src/events/ov-success.js';
import type { OvTerminalEvent } from '../../../src/events/ov-terminal.js';

const REFRESH = 25;
const stepName = (c: { state: { step?: { name: string } } }) => c.state.step?.name;

describe('OvFlowController', () => {
  let timers: TimerSpy;
  beforeEach(() => {
    timers = new TimerSpy().install();
  });
  afterEach(() => timers.uninstall());

  describe('mode', () => {
    it('runs every call in step mode, even for a client configured for legacy mode', async () => {
      const client = new FakeClient().answer(idx.identify).answer(idx.selectAuthenticatorAuthenticate);
      const { controller } = await flowOn(client);
      controller.start();
      await waitUntil(() => stepName(controller) === 'identify');
      controller.submit({ username: 'ada', password: 'pw' });
      await waitUntil(() => stepName(controller) === 'select-authenticator-authenticate');
      expect(client.options.idx.enableLegacyMode).to.equal(true);
      expect(client.calls.map((c) => c.options.enableLegacyMode)).to.deep.equal([false, false]);
      expect(client.calls[1]!.options).to.deep.include({
        step: 'identify',
        username: 'ada',
        password: 'pw',
        useGenericRemediator: false,
      });
    });

    for (const mode of ['legacy', 'step'] as const) {
      it(`gives the same snapshots for transactions whose nextStep has the ${mode}-mode shape`, async () => {
        const client = new FakeClient()
          .answer(idx.inMode(idx.identify, mode))
          .answer(idx.inMode(idx.numberChallenge, mode));
        const { host, controller } = await flowOn(client);
        const steps = recordEvents(host, 'ov-step') as OvStepEvent[];
        controller.start();
        await waitUntil(() => steps.length === 1);
        controller.submit({ username: 'ada', password: 'pw' });
        await waitUntil(() => steps.length === 2);
        expect(steps[1]!.detail.step.authenticator?.correctAnswer).to.equal('52');
        expect(steps[1]!.detail.step.poll).to.deep.equal({ refresh: 1000 });
        controller.cancel();
      });
    }

    it('resumes a saved transaction without remediating, instead of starting anew', async () => {
      const client = new FakeClient().answer(idx.qrEnroll);
      client.hasSavedTransaction = true;
      const { host, controller } = await flowOn(client);
      controller.start();
      await waitUntil(() => stepName(controller) === 'enroll-poll');
      expect(client.calls[0]).to.deep.include({ method: 'proceed' });
      expect(client.calls[0]!.options).to.include({ autoRemediate: false, enableLegacyMode: false });
      host.remove();
    });

    it('starts anew when the saved transaction has expired on the server', async () => {
      const expired = Object.assign(new Error(''), { name: 'AuthApiError', xhr: { status: 401 } });
      const client = new FakeClient().fail(expired).answer(idx.identify);
      client.hasSavedTransaction = true;
      const { controller } = await flowOn(client);
      controller.start();
      await waitUntil(() => stepName(controller) === 'identify');
      expect(client.calls.map((c) => c.method)).to.deep.equal(['proceed', 'start']);
      expect(controller.state.problem).to.equal(undefined);
      expect(controller.state.notice).to.equal('expired');
    });

    it('starts anew, saying why, when a step is answered with an expired session; the next request clears the notice', async () => {
      const client = new FakeClient()
        .answer(idx.selectAuthenticatorAuthenticate)
        .answer(idx.terminalExpired)
        .answer(idx.identify);
      const { host, controller } = await flowOn(client);
      const events = recordEvents(host, 'ov-terminal', 'ov-error');
      controller.start();
      await waitUntil(() => stepName(controller) === 'select-authenticator-authenticate');
      controller.choose(controller.state.step!.options[0]!);
      await waitUntil(() => stepName(controller) === 'identify');
      expect(client.calls.map((c) => c.method)).to.deep.equal(['start', 'proceed', 'start']);
      expect(events.map((e) => `${e.type}:${(e as OvErrorEvent).detail.problem?.code}`)).to.deep.equal([
        'ov-error:expired',
      ]);
      expect(controller.state.notice).to.equal('expired');
      client.answer(idx.identify);
      controller.submit({ username: 'ada@example.com' });
      expect(controller.state.notice).to.equal(undefined);
    });
  });

  describe('a push not approved', () => {
    it('after the number screen: the rejection is marked as a number challenge’s, and resend still works', async () => {
      // Okta's rejection (fixture 27) does not repeat the number; the screen before showed it.
      const client = new FakeClient().answer(idx.numberChallenge).answer(idx.pushRejected).answer(idx.numberChallenge);
      const { controller } = await flowOn(client);
      controller.start();
      await waitUntil(() => controller.state.step?.screen === 'number');
      // The poll, sent now rather than at the step's pace.
      controller.submit();
      await waitUntil(() => controller.state.step?.screen === 'resend-push');
      expect(controller.state.step!.rejectedPush).to.equal('number-challenge');
      expect(controller.state.step!.can.resend).to.equal(true);
      controller.resend();
      await waitUntil(() => controller.state.step?.screen === 'number');
      expect(client.calls.at(-1)!.options).to.deep.include({ step: 'resend' });
    });

    it('after a plain push: the rejection stays a denial', async () => {
      const client = new FakeClient().answer(idx.pushPoll).answer(idx.pushRejected);
      const { controller } = await flowOn(client);
      controller.start();
      await waitUntil(() => controller.state.step?.screen === 'push');
      // The poll, sent now rather than at the step's pace.
      controller.submit();
      await waitUntil(() => controller.state.step?.screen === 'resend-push');
      expect(controller.state.step!.rejectedPush).to.equal('push');
    });
  });

  describe('requests', () => {
    it('sends a picked option, a resend action and skip as okta-auth-js expects them', async () => {
      const client = new FakeClient()
        .answer(idx.selectAuthenticatorAuthenticate)
        .answer(idx.verificationData)
        .answer(idx.pushRejected)
        .answer(idx.selectAuthenticatorEnroll)
        .answer(idx.success);
      const { controller } = await flowOn(client);
      controller.start();
      await waitUntil(() => stepName(controller) === 'select-authenticator-authenticate');
      controller.choose(controller.state.step!.options[0]!);
      await waitUntil(() => stepName(controller) === 'authenticator-verification-data');
      controller.resend();
      await waitUntil(() => stepName(controller) === 'resend');
      controller.resend();
      await waitUntil(() => stepName(controller) === 'select-authenticator-enroll');
      controller.skip();
      await waitUntil(() => stepName(controller) === 'success');
      expect(client.calls.slice(1).map((c) => c.options)).to.deep.equal([
        {
          enableLegacyMode: false,
          useGenericRemediator: false,
          step: 'select-authenticator-authenticate',
          authenticator: { id: idx.OV.id, methodType: 'totp' },
        },
        { enableLegacyMode: false, useGenericRemediator: false, actions: ['currentAuthenticator-resend'] },
        { enableLegacyMode: false, useGenericRemediator: false, step: 'resend' },
        { enableLegacyMode: false, useGenericRemediator: false, step: 'skip' },
      ]);
    });

    it('ignores a second submit while the first is in flight', async () => {
      const client = new FakeClient().answer(idx.identify);
      const { controller } = await flowOn(client);
      controller.start();
      await waitUntil(() => stepName(controller) === 'identify');
      const held = client.hold();
      controller.submit({ username: 'ada', password: 'pw' });
      controller.submit({ username: 'ada', password: 'pw' });
      await aTimeout(0);
      expect(controller.state.busy).to.equal(true);
      held.resolve(idx.selectAuthenticatorAuthenticate);
      await waitUntil(() => stepName(controller) === 'select-authenticator-authenticate');
      expect(client.callsOf('proceed')).to.have.length(1);
      expect(controller.state.busy).to.equal(false);
    });
  });

  describe('polling', () => {
    it('two tabs on the same transaction: one polls, the other takes over when it stops', async () => {
      const first = new FakeClient().answer(idx.pushPollWithRefresh(REFRESH));
      const second = new FakeClient().answer(idx.pushPollWithRefresh(REFRESH));
      for (let i = 0; i < 20; i++) {
        first.answer(idx.pushPollWithRefresh(REFRESH));
        second.answer(idx.pushPollWithRefresh(REFRESH));
      }
      const a = await flowOn(first);
      const b = await flowOn(second);
      a.controller.start();
      await waitUntil(() => first.calls.length >= 3, 'the first tab polls', { interval: 2 });
      b.controller.start();
      await aTimeout(REFRESH * 6);
      expect(second.calls, 'the second tab only started').to.have.length(1);
      a.host.remove();
      await waitUntil(() => second.calls.length >= 3, 'the second tab takes over', { interval: 2 });
      b.host.remove();
    });

    it('a page shown again (tab switch, back/forward cache) polls at once instead of waiting out the interval', async () => {
      const LONG = 60_000;
      const client = new FakeClient().answer(idx.pushPollWithRefresh(LONG)).answer(idx.success);
      const { controller } = await flowOn(client);
      controller.start();
      await waitUntil(() => timers.pendingWith(LONG) === 1, 'the poll scheduled');
      document.dispatchEvent(new Event('visibilitychange'));
      await waitUntil(() => stepName(controller) === 'success', 'polled at once');
      expect(client.calls).to.have.length(2);
      window.dispatchEvent(new Event('pageshow'));
      expect(client.calls, 'nothing due, nothing sent').to.have.length(2);
    });

    it('polls challenge-poll at its refresh, one request at a time, until success', async () => {
      const client = new FakeClient().answer(idx.pushPollWithRefresh(REFRESH));
      const first = client.hold();
      const { host, controller } = await flowOn(client);
      const success = recordEvents(host, 'ov-success') as OvSuccessEvent[];
      const stepped = oneEvent(host, 'ov-step');
      controller.start();
      await stepped;
      await waitUntil(() => timers.pendingWith(REFRESH) === 1, 'the poll scheduled (once this tab leads)', {
        interval: 2,
      });

      await waitUntil(() => client.inFlight === 1, 'the first poll', { interval: 5 });
      expect(client.calls[1]!.options).to.deep.equal({
        enableLegacyMode: false,
        useGenericRemediator: false,
        step: 'challenge-poll',
      });
      expect(controller.state.polling).to.equal(true);
      // While a poll is in flight nothing else is scheduled, however long it takes.
      await aTimeout(REFRESH * 3);
      expect(timers.pendingWith(REFRESH)).to.equal(0);
      expect(client.callsOf('proceed')).to.have.length(1);

      client.answer(idx.success);
      first.resolve(idx.pushPollWithRefresh(REFRESH));
      await waitUntil(() => success.length === 1, 'success', { interval: 5 });

      expect(client.callsOf('proceed')).to.have.length(2);
      expect(client.maxInFlight).to.equal(1);
      expect(timers.delays.filter((d) => d === REFRESH)).to.have.length(2);
      expect(timers.pendingWith(REFRESH)).to.equal(0);
      await aTimeout(REFRESH * 3);
      expect(client.callsOf('proceed')).to.have.length(2);
      expect(controller.state.polling).to.equal(false);
      expect(client.savedTokens).to.deep.equal([idx.TOKENS]);
      expect(success[0]!.detail.tokens).to.equal(idx.TOKENS);
    });

    it('uses 4000 ms when the remediation has no refresh', async () => {
      const client = new FakeClient().answer(idx.pushPollWithRefresh(null));
      const { host, controller } = await flowOn(client);
      controller.start();
      await waitUntil(() => stepName(controller) === 'challenge-poll');
      expect(timers.pendingWith(4000)).to.equal(1);
      host.remove();
      expect(timers.pendingWith(4000)).to.equal(0);
    });

    it('polls enroll-poll with the enroll-poll step name', async () => {
      const client = new FakeClient().answer(idx.qrEnroll);
      const { host, controller } = await flowOn(client);
      controller.start();
      await waitUntil(() => stepName(controller) === 'enroll-poll');
      expect(timers.pendingWith(4000)).to.equal(1);
      expect(controller.state.polling).to.equal(false);
      host.remove();

      // The poll itself, sooner: it names the remediation it repeats.
      const quickQr = {
        ...idx.qrEnroll,
        neededToProceed: idx.qrEnroll.neededToProceed.map((r, i) => (i === 0 ? { ...r, refresh: REFRESH } : r)),
      };
      const polled = new FakeClient().answer(quickQr).answer(idx.success);
      const flow = await flowOn(polled);
      flow.controller.start();
      await waitUntil(() => polled.calls.length === 2, 'the first poll', { interval: 5 });
      expect(polled.calls[1]!.method).to.equal('proceed');
      expect(polled.calls[1]!.options).to.deep.include({ step: 'enroll-poll' });
    });

    it('does not poll a step that is not a poll step', async () => {
      const client = new FakeClient().answer(idx.pushRejected);
      const { controller } = await flowOn(client);
      controller.start();
      await waitUntil(() => stepName(controller) === 'resend');
      await aTimeout(20);
      expect(timers.pendingWith(4000)).to.equal(0);
      expect(controller.state.polling).to.equal(false);
      expect(client.calls).to.have.length(1);
    });

    it('stops when a poll brings a new step', async () => {
      const client = new FakeClient().answer(idx.pushPollWithRefresh(REFRESH)).answer(idx.totpChallenge);
      const { controller } = await flowOn(client);
      controller.start();
      await waitUntil(() => stepName(controller) === 'challenge-authenticator');
      await aTimeout(REFRESH * 3);
      expect(client.calls).to.have.length(2);
      expect(timers.pendingWith(REFRESH)).to.equal(0);
    });

    it('stops on a terminal answer and reports it', async () => {
      const client = new FakeClient().answer(idx.pushPollWithRefresh(REFRESH)).answer(idx.terminalTimedOut);
      const { host, controller } = await flowOn(client);
      const terminal = recordEvents(host, 'ov-terminal') as OvTerminalEvent[];
      controller.start();
      await waitUntil(() => terminal.length === 1);
      expect(terminal[0]!.detail.messages.map((m) => m.text)).to.deep.equal([
        'Verification timed out. Please try again',
      ]);
      await aTimeout(REFRESH * 3);
      expect(client.calls).to.have.length(2);
      expect(timers.pendingWith(REFRESH)).to.equal(0);
    });

    it('stops on cancel, drops the poll answer in flight, and starts anew', async () => {
      const client = new FakeClient().answer(idx.pushPollWithRefresh(REFRESH));
      const poll = client.hold();
      const { host, controller } = await flowOn(client);
      const events = recordEvents(host, 'ov-step', 'ov-cancel');
      controller.start();
      await waitUntil(() => client.inFlight === 1 && client.calls.length === 2, 'the poll', { interval: 5 });
      client.answer(idx.canceled).answer(idx.identify);
      controller.cancel();
      await aTimeout(10);
      // The cancel waits for the poll it overtook: never two requests at once.
      expect(client.callsOf('cancel')).to.have.length(0);
      poll.resolve(idx.totpChallenge);
      await waitUntil(() => stepName(controller) === 'identify');
      expect(events.map((e) => (e.type === 'ov-step' ? (e as OvStepEvent).detail.step.name : e.type))).to.deep.equal([
        'challenge-poll',
        'ov-cancel',
        'identify',
      ]);
      expect(client.calls.map((c) => c.method)).to.deep.equal(['start', 'proceed', 'cancel', 'start']);
      expect(client.maxInFlight).to.equal(1);
      await aTimeout(REFRESH * 3);
      expect(timers.pendingWith(REFRESH)).to.equal(0);
    });

    it('stops when the host leaves the page, leaving no timer, and resumes on return', async () => {
      const client = new FakeClient().answer(idx.pushPollWithRefresh(REFRESH));
      const { host, controller } = await flowOn(client);
      const stepped = oneEvent(host, 'ov-step');
      controller.start();
      await stepped;
      await waitUntil(() => timers.pendingWith(REFRESH) === 1, 'the poll scheduled (once this tab leads)', {
        interval: 2,
      });
      const parent = host.parentNode!;
      host.remove();
      expect(timers.pendingWith(REFRESH)).to.equal(0);
      await aTimeout(REFRESH * 3);
      expect(client.calls).to.have.length(1);

      client.answer(idx.success);
      parent.appendChild(host);
      await waitUntil(() => stepName(controller) === 'success');
      expect(client.calls).to.have.length(2);
    });

    it('drops the answer of a poll in flight when the host leaves, and re-reads the state on return', async () => {
      const client = new FakeClient().answer(idx.pushPollWithRefresh(REFRESH));
      const { host, controller } = await flowOn(client);
      const steps = recordEvents(host, 'ov-step');
      controller.start();
      await waitUntil(() => stepName(controller) === 'challenge-poll');
      const poll = client.hold();
      await waitUntil(() => client.inFlight === 1);
      const parent = host.parentNode!;
      host.remove();
      poll.resolve(idx.totpChallenge);
      await aTimeout(10);
      expect(steps).to.have.length(1);

      client.hasSavedTransaction = true;
      client.answer(idx.totpChallenge);
      parent.appendChild(host);
      await waitUntil(() => stepName(controller) === 'challenge-authenticator');
      expect(client.calls.at(-1)!.options).to.include({ autoRemediate: false });
    });

    it('keeps polling through network failures, backing off, and recovers by itself', async () => {
      const offline = () => new TypeError('Failed to fetch');
      const client = new FakeClient()
        .answer(idx.pushPollWithRefresh(REFRESH))
        .fail(offline())
        .fail(offline())
        .fail(offline())
        .answer(idx.success);
      const { host, controller } = await flowOn(client);
      const errors = recordEvents(host, 'ov-error') as OvErrorEvent[];
      const transient: Array<boolean | undefined> = [];
      controller.subscribe((s) => s.problem && transient.push(s.problem.transient));
      const started = performance.now();
      controller.start();
      await waitUntil(() => stepName(controller) === 'success', 'success after the network came back', {
        timeout: 5000,
      });
      expect(errors.map((e) => e.detail.problem.code)).to.deep.equal(['network', 'network', 'network']);
      expect(transient.every((t) => t === true)).to.equal(true);
      expect(controller.state.problem).to.equal(undefined);
      expect(client.calls).to.have.length(5);
      // Waits of at least refresh, then ≥ refresh, ≥ 2×refresh/2, ≥ 4×refresh/2 (jittered back-off).
      expect(performance.now() - started).to.be.greaterThan(REFRESH * 4);
    });

    it('stops with Retry after repeated unreadable answers', async () => {
      const unreadable = () => new SyntaxError('Unexpected end of JSON input');
      const client = new FakeClient()
        .answer(idx.pushPollWithRefresh(REFRESH))
        .fail(unreadable())
        .fail(unreadable())
        .fail(unreadable());
      const { host, controller } = await flowOn(client);
      const errors = recordEvents(host, 'ov-error') as OvErrorEvent[];
      controller.start();
      await waitUntil(() => errors.length === 3, 'three unreadable polls', { interval: 5 });
      expect(controller.state.problem).to.include({ code: 'unexpected', canRetry: true });
      expect(controller.state.problem?.transient).to.equal(undefined);
      await aTimeout(REFRESH * 6);
      expect(client.calls).to.have.length(4);

      client.answer(idx.success);
      controller.retry();
      await waitUntil(() => stepName(controller) === 'success');
      expect(controller.state.problem).to.equal(undefined);
    });

    it('"Can\'t scan?" stops polling without a request; back to the QR resumes it', async () => {
      const client = new FakeClient().answer(idx.qrEnroll);
      const { host, controller } = await flowOn(client);
      controller.start();
      await waitUntil(() => timers.pendingWith(4000) === 1);
      controller.changeChannel();
      expect(stepName(controller)).to.equal('select-enrollment-channel');
      expect(timers.pendingWith(4000)).to.equal(0);
      controller.backToQr();
      expect(stepName(controller)).to.equal('enroll-poll');
      await waitUntil(() => timers.pendingWith(4000) === 1, 'the poll scheduled (once this tab leads)', {
        interval: 2,
      });
      expect(client.calls).to.have.length(1);
      host.remove();
    });
  });

  describe('problems', () => {
    it('a network failure becomes a problem and ov-error; retry repeats the same request', async () => {
      const client = new FakeClient()
        .answer(idx.identify)
        .fail(new TypeError('Failed to fetch'))
        .answer(idx.passwordChallenge);
      const { host, controller } = await flowOn(client);
      const errors = recordEvents(host, 'ov-error') as OvErrorEvent[];
      controller.start();
      await waitUntil(() => stepName(controller) === 'identify');
      controller.submit({ username: 'ada' });
      await waitUntil(() => errors.length === 1);
      expect(errors[0]!.detail.problem).to.include({ code: 'network', canRetry: true });
      expect(controller.state.problem?.message).to.match(/could not be reached/);
      expect(stepName(controller)).to.equal('identify');
      controller.retry();
      await waitUntil(() => stepName(controller) === 'challenge-authenticator');
      expect(client.calls[1]!.options).to.deep.equal(client.calls[2]!.options);
    });

    it('a start that fails offers retry', async () => {
      const client = new FakeClient().fail(new TypeError('Failed to fetch')).answer(idx.identify);
      const { controller } = await flowOn(client);
      controller.start();
      await waitUntil(() => controller.state.problem !== undefined);
      expect(controller.state.step).to.equal(undefined);
      controller.retry();
      await waitUntil(() => stepName(controller) === 'identify');
    });

    it('a malformed answer becomes a problem, not an exception', async () => {
      const client = new FakeClient().answer({ ...idx.identify, neededToProceed: [] });
      const { host, controller } = await flowOn(client);
      const errors = recordEvents(host, 'ov-error') as OvErrorEvent[];
      controller.start();
      await waitUntil(() => errors.length === 1);
      expect(errors[0]!.detail.problem.code).to.equal('unexpected');
    });

    it('a wrong code: the step comes back with its field message and ov-error fires', async () => {
      const client = new FakeClient().answer(idx.totpChallenge).answer(idx.totpInvalid);
      const { host, controller } = await flowOn(client);
      const errors = recordEvents(host, 'ov-error') as OvErrorEvent[];
      controller.start();
      await waitUntil(() => stepName(controller) === 'challenge-authenticator');
      controller.submit({ verificationCode: '000000' });
      await waitUntil(() => errors.length === 1);
      expect(errors[0]!.detail.problem.code).to.equal('invalid-input');
      expect(errors[0]!.detail.problem.messages?.map((m) => m.text)).to.deep.equal(['Invalid code. Try again.']);
      expect(controller.state.step?.inputs[0]?.messages).to.have.length(1);
    });

    it('a token manager that throws is reported, not thrown', async () => {
      const client = new FakeClient().answer(idx.success);
      client.tokenManager.setTokens = () => {
        throw new Error('storage full');
      };
      const { host, controller } = await flowOn(client);
      const events = recordEvents(host, 'ov-error', 'ov-success');
      controller.start();
      await waitUntil(() => events.length > 0);
      await controller.settled;
      // Signed in on the server, but not in this browser: no ov-success, before or after the error.
      expect(events.map((e) => e.type)).to.deep.equal(['ov-error']);
      expect((events[0] as OvErrorEvent).detail.problem.code).to.equal('tokens');
    });
  });

  it('fires ov-step only when the step changes, not on every identical poll answer', async () => {
    const client = new FakeClient()
      .answer(idx.pushPollWithRefresh(REFRESH))
      .answer(idx.pushPollWithRefresh(REFRESH))
      .answer(idx.pushPollWithRefresh(REFRESH))
      .answer(idx.numberChallenge);
    const { host, controller } = await flowOn(client);
    const steps = recordEvents(host, 'ov-step') as OvStepEvent[];
    controller.start();
    await waitUntil(() => controller.state.step?.authenticator?.correctAnswer === '52', 'three polls', { interval: 5 });
    expect(client.calls).to.have.length(4);
    expect(steps.map((e) => e.detail.step.authenticator?.correctAnswer)).to.deep.equal([undefined, '52']);
    host.remove();
  });
});
