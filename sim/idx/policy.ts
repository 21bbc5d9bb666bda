import { randomInt } from 'node:crypto';
import type { SimSettings } from '../config.ts';
import { oktaId, randomToken } from '../crypto/ids.ts';
import type { SimStore } from '../state/store.ts';
import type { Push, Step, Transaction } from '../state/types.ts';
import { message } from './render.ts';

/**
 * The org's sign-on policy, as small pure decisions: every user needs Okta Verify after the
 * password; a user without it must enroll it, one with it must verify with it.
 */
export function stepAfterPassword(store: SimStore, login: string, tx: Pick<Transaction, 'gracePeriodSeen'>): Step {
  // A device-assurance policy in its grace period warns first, once per sign-in.
  if (store.user(login)?.config.deviceAssuranceGracePeriod && !tx.gracePeriodSeen)
    return { name: 'device-assurance-grace-period' };
  // A device-bootstrap policy has the user add this account from a device that already has Okta Verify.
  if (store.user(login)?.config.enrollChannel === 'devicebootstrap') return { name: 'select-authenticator-enroll' };
  if (store.devicesOf(login).length === 0) return { name: 'select-authenticator-enroll' };
  // Okta Verify alone: its method choice at once (fixture "…-push-autoChallenge-off").
  if (store.user(login)?.config.autoChallenge !== undefined) return { name: 'authenticator-verification-data' };
  return { name: 'select-authenticator-authenticate' };
}

export function succeed(tx: Transaction, amr: string[]): void {
  tx.amr = [...new Set([...tx.amr, ...amr])];
  tx.step = { name: 'success', interactionCode: randomToken(32) };
}

/** Okta's terminal state once a push or an enrollment went unanswered (fixture 53, served as 404). */
function timedOut(): Step {
  return {
    name: 'terminal',
    messages: [message('Verification timed out. Please try again', 'core.system.transaction_resource_not_found')],
    httpStatus: 404,
  };
}

export function sendPush(store: SimStore, settings: SimSettings, tx: Transaction): Push {
  const user = store.user(tx.login);
  const now = Date.now();
  const push: Push = {
    id: oktaId('pns'),
    deviceIds: store.devicesOf(tx.login ?? '').map((d) => d.id),
    interactionHandle: tx.interactionHandle,
    createdAt: now,
    expiresAt: now + settings.pushLifetimeMs,
    status: 'pending',
  };
  if (user?.config.numberChallenge) Object.assign(push, numberChallenge());
  withdrawPushes(store, tx);
  store.pushes.set(push.id, push);
  return push;
}

/** A new push, a cancel or a method switch makes the earlier push unanswerable. */
export function withdrawPushes(store: SimStore, tx: Transaction): void {
  for (const push of store.pushes.ofInteraction(tx.interactionHandle)) store.pushes.delete(push.id);
}

/** Two-digit numbers, as Okta Verify shows: the right one and two others, shuffled. */
function numberChallenge(): { correctAnswer: string; choices: string[] } {
  const numbers = new Set<number>();
  while (numbers.size < 3) numbers.add(randomInt(10, 100));
  const [correctAnswer, ...others] = [...numbers].map(String) as [string, ...string[]];
  // The right number may stand anywhere among the three.
  const choices = [...others];
  choices.splice(randomInt(0, choices.length + 1), 0, correctAnswer);
  return { correctAnswer, choices };
}

/** Time-driven changes, applied before a transaction is read: an unanswered push or enrollment ends. */
export function applyTimeouts(store: SimStore, settings: SimSettings, tx: Transaction, now = Date.now()): void {
  const step = tx.step;
  if (step.name === 'challenge-poll') {
    const push = store.pushes.get(step.pushId);
    if (push && push.expiresAt > now) return;
    if (push) store.pushes.delete(push.id);
    tx.step =
      settings.pushExpiry === 'resend'
        ? { name: 'resend', rejected: false, correctAnswer: push?.correctAnswer }
        : timedOut();
  } else if (step.name === 'fastpass-poll' || step.name === 'device-challenge-poll' || step.name === 'sso-extension') {
    const challenge = store.fastPass.get(step.challengeId);
    if (challenge && challenge.expiresAt > now) return;
    if (challenge) store.fastPass.delete(challenge.id);
    tx.step = timedOut();
  } else if (step.name === 'enroll-poll' && step.expiresAt <= now) {
    tx.step = timedOut();
  }
}
