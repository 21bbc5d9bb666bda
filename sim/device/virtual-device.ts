import { totpCode, totpExpiresIn } from '../crypto/totp.ts';
import { activateDevice, activationTokenOf, EnrollmentError } from '../idx/activation.ts';
import { succeed } from '../idx/policy.ts';
import type { SimStore } from '../state/store.ts';
import type { Device, Push } from '../state/types.ts';
import { decodeQrDataUri } from './qr.ts';

/** What the Okta Verify app can do, played against the simulator's state. */
export class DeviceError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Scanning decodes the PNG itself, so a QR the widget mangled fails here as it would on a phone. */
export function enrollFromQr(store: SimStore, dataUri: string): Device {
  let uri: string;
  try {
    uri = decodeQrDataUri(dataUri);
  } catch (error) {
    throw new DeviceError(400, `The QR code could not be scanned: ${(error as Error).message}`);
  }
  if (!uri.startsWith('oktaverify://'))
    throw new DeviceError(400, 'This QR code is not an Okta Verify enrollment code.');
  return enroll(store, uri);
}

export function enrollFromLink(store: SimStore, link: string): Device {
  return enroll(store, link);
}

function enroll(store: SimStore, uri: string): Device {
  const token = activationTokenOf(uri);
  if (!token) throw new DeviceError(400, 'No activation code found in it.');
  try {
    return activateDevice(store, token);
  } catch (error) {
    if (error instanceof EnrollmentError) throw new DeviceError(410, error.message);
    throw error;
  }
}

export function device(store: SimStore, id: string): Device {
  const found = store.devices.get(id);
  if (!found) throw new DeviceError(404, `No device ${id}.`);
  return found;
}

export interface PushView {
  id: string;
  login: string;
  createdAt: string;
  expiresAt: string;
  /** The numbers offered on the phone for a number challenge. */
  choices?: string[];
}

export function pendingPushes(store: SimStore, deviceId: string): PushView[] {
  const { login } = device(store, deviceId);
  const now = Date.now();
  return [...store.pushes.values()]
    .filter((p) => p.status === 'pending' && p.expiresAt > now && p.deviceIds.includes(deviceId))
    .map((p) => ({
      id: p.id,
      login,
      createdAt: new Date(p.createdAt).toISOString(),
      expiresAt: new Date(p.expiresAt).toISOString(),
      ...(p.choices ? { choices: p.choices } : {}),
    }));
}

export type PushAnswer = { action: 'approve'; number?: string | number } | { action: 'reject' } | { action: 'expire' };

/**
 * Approving with the wrong number counts as a rejection, as it does in Okta Verify. `expire` leaves
 * the push unanswered and ends its lifetime now: the sign-in's next poll times out, as it would after
 * Okta's five minutes, without anyone waiting for them.
 */
export function answerPush(
  store: SimStore,
  deviceId: string,
  pushId: string,
  answer: PushAnswer,
): { result: 'approved' | 'rejected' | 'expired' } {
  device(store, deviceId);
  const push = store.pushes.get(pushId);
  if (!push || !push.deviceIds.includes(deviceId)) throw new DeviceError(404, `No push ${pushId} on this device.`);
  if (push.status !== 'pending') throw new DeviceError(409, `This push was already ${push.status}.`);
  if (push.expiresAt <= Date.now()) throw new DeviceError(410, 'This push has expired.');
  const tx = store.transactionByInteractionHandle(push.interactionHandle);
  if (!tx || tx.step.name !== 'challenge-poll' || tx.step.pushId !== push.id) {
    throw new DeviceError(410, 'The sign-in this push belongs to is no longer waiting for it.');
  }
  if (answer.action === 'expire') {
    push.expiresAt = Date.now();
    return { result: 'expired' };
  }
  const approved = answer.action === 'approve' && numberMatches(push, answer.number);
  push.status = approved ? 'approved' : 'rejected';
  if (approved) succeed(tx, ['mfa', 'swk']);
  else tx.step = { name: 'resend', rejected: true, correctAnswer: push.correctAnswer };
  return { result: push.status };
}

function numberMatches(push: Push, number: string | number | undefined): boolean {
  return push.correctAnswer === undefined || String(number ?? '') === push.correctAnswer;
}

export function currentTotp(store: SimStore, deviceId: string, now = Date.now()): { code: string; expiresIn: number } {
  return { code: totpCode(device(store, deviceId).secret, now), expiresIn: totpExpiresIn(now) };
}
