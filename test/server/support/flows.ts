/**
 * Sign-ins through the API, choosing what the widget would choose: each step's values come from
 * the widget's own snapshot of the answer (toSnapshot), as its screens send them.
 */
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import type { IdxTransaction } from '@okta/okta-auth-js';
import { DEMO_PASSWORD } from 'ov-sim';
import { toSnapshot } from '../../../src/controller/snapshot.ts';
import type { OvStep } from '../../../src/controller/types.ts';
import type { WireTransaction } from '../../../src/transport/protocol.ts';
import { type ControlApi, VirtualDevice } from 'ov-sim/client';
import type { Answer, BrowserSession } from './browser-session.ts';

/** The widget's view of an answer (what endpoint-client.ts rebuilds, then toSnapshot). */
export function stepOf(answer: Answer): OvStep {
  assert.equal(answer.status, 200, `${answer.route} answered ${answer.status}: ${answer.text}`);
  const wire = answer.json.transaction as WireTransaction;
  const tx = {
    status: wire.status,
    neededToProceed: wire.remediations,
    context: { ...wire.context, stateHandle: wire.id },
    actions: Object.fromEntries(wire.actions.map((name) => [name, () => undefined])),
    messages: wire.messages,
    requestDidSucceed: wire.requestDidSucceed,
    rawIdxState: wire.raw,
  } as unknown as IdxTransaction;
  return toSnapshot(tx);
}

export async function expectStep(answer: Promise<Answer> | Answer, name: string): Promise<OvStep> {
  const step = stepOf(await answer);
  assert.equal(step.name, name, `expected ${name}, got ${step.name}`);
  return step;
}

/** A new transaction, then username and password: the authenticator picker of `pickerStep`. */
export async function signInWithPassword(browser: BrowserSession, login: string, pickerStep: string): Promise<OvStep> {
  await browser.open();
  await expectStep(browser.post('start'), 'identify');
  return expectStep(
    browser.post('proceed', { step: 'identify', values: { username: login, password: DEMO_PASSWORD } }),
    pickerStep,
  );
}

/** Password, Okta Verify, then the method (`push` or `totp`): the step that follows. */
export async function chooseOktaVerify(
  browser: BrowserSession,
  login: string,
  method: 'push' | 'totp',
): Promise<Answer> {
  const picker = await signInWithPassword(browser, login, 'select-authenticator-authenticate');
  const options = picker.options.filter((o) => o.authenticatorKey === 'okta_verify');
  // The picker offers each method of Okta Verify as its own choice, or Okta Verify then its methods.
  const direct = options.find((o) => o.value.endsWith(`:${method}`));
  if (direct) return browser.post('proceed', { step: picker.name, values: direct.values });
  assert.ok(options[0], 'Okta Verify is offered');
  const methods = await expectStep(
    browser.post('proceed', { step: picker.name, values: options[0].values }),
    'authenticator-verification-data',
  );
  const chosen = methods.options.find((o) => o.value === method);
  assert.ok(chosen, `${method} is offered`);
  return browser.post('proceed', { step: methods.name, values: chosen.values });
}

/** The next poll of a push challenge, which Okta rate-limits once (Retry-After: 3). */
export async function rateLimitedPoll(browser: BrowserSession, control: ControlApi): Promise<Answer> {
  await control.addFault({ kind: 'rate-limit', path: '/idp/idx/authenticators/poll', retryAfterSeconds: 3, count: 1 });
  return browser.post('poll', { step: 'challenge-poll' });
}

/** Polls `step` at the server's pace until the answer is another step; returns that answer. */
export async function pollUntilDone(browser: BrowserSession, step: string, timeoutMs = 8000): Promise<Answer> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await browser.post('poll', { step });
    const next = stepOf(answer);
    if (next.name !== step) return answer;
    assert.ok(Date.now() < deadline, `still at ${step} after ${timeoutMs} ms`);
    await sleep(next.poll?.refresh ?? 300);
  }
}

export async function pushApproved(browser: BrowserSession, control: ControlApi, login: string): Promise<Answer> {
  await expectStep(chooseOktaVerify(browser, login, 'push'), 'challenge-poll');
  const device = await VirtualDevice.of(control, login);
  const push = await waitForPush(device);
  assert.equal(await device.approve(push), 'approved');
  return pollUntilDone(browser, 'challenge-poll');
}

export async function totpEntered(browser: BrowserSession, control: ControlApi, login: string): Promise<Answer> {
  await expectStep(chooseOktaVerify(browser, login, 'totp'), 'challenge-authenticator');
  const code = await (await VirtualDevice.of(control, login)).totp();
  return browser.post('proceed', { step: 'challenge-authenticator', values: { verificationCode: code } });
}

export async function qrScanned(browser: BrowserSession, control: ControlApi, login: string): Promise<Answer> {
  const picker = await signInWithPassword(browser, login, 'select-authenticator-enroll');
  const oktaVerify = picker.options.find((o) => o.authenticatorKey === 'okta_verify');
  assert.ok(oktaVerify, 'Okta Verify is offered for enrolment');
  const qr = await expectStep(browser.post('proceed', { step: picker.name, values: oktaVerify.values }), 'enroll-poll');
  const image = qr.authenticator?.qrcode?.href ?? '';
  assert.ok(image.startsWith('data:image/png;base64,'), 'the QR image reaches the browser');
  await VirtualDevice.scan(control, image);
  return pollUntilDone(browser, 'enroll-poll');
}

export async function waitForPush(device: VirtualDevice): Promise<{ id: string; login: string; choices?: string[] }> {
  for (let tries = 0; tries < 100; tries++) {
    const [push] = await device.pendingPushes();
    if (push) return push;
    await sleep(50);
  }
  throw new Error('no push reached the phone');
}
