import { oktaId } from '../crypto/ids.ts';
import type { SimStore } from '../state/store.ts';
import type { Device, Transaction } from '../state/types.ts';
import { OKTA_VERIFY_ID } from './authenticators.ts';
import { succeed } from './policy.ts';
import type { RenderContext } from './render.ts';

/** Path of the activation links "sent" by email or SMS (the simulator's own; Okta's is not recorded). */
export const ACTIVATION_PATH = '/idp/authenticators/okta-verify/activate';

/** The URI inside Okta's enrollment QR, in the shape decoded from real Okta QR images. */
export function enrollmentUri(ctx: RenderContext, login: string, token: string): string {
  const host = new URL(ctx.origin).host;
  return `oktaverify://${login}/?t=${token}&f=${OKTA_VERIFY_ID}&s=${ctx.origin}&issuer=${host}&isIdxEnabled=true`;
}

export function sendActivationLink(
  ctx: RenderContext,
  tx: Transaction,
  channel: 'email' | 'sms',
  to: string,
  token: string,
): void {
  const link = `${ctx.origin}${ACTIVATION_PATH}?t=${encodeURIComponent(token)}&f=${OKTA_VERIFY_ID}`;
  const text =
    channel === 'email'
      ? `Activate Okta Verify: open this link on your phone, where Okta Verify is installed: ${link}`
      : `Okta: tap to activate Okta Verify: ${link}`;
  ctx.store.outbox.push({ id: oktaId('msg'), channel, to, login: tx.login ?? '', text, link, sentAt: Date.now() });
}

/** The activation token carried by a QR URI or an activation link, whichever was given. */
export function activationTokenOf(uri: string): string | undefined {
  try {
    return new URL(uri).searchParams.get('t') ?? undefined;
  } catch {
    return undefined;
  }
}

export class EnrollmentError extends Error {}

/** What the Okta Verify app does after a scan or a tapped link: register a device, ending the enroll-poll. */
export function activateDevice(store: SimStore, token: string, deviceName = 'Virtual Okta Verify'): Device {
  const now = Date.now();
  const tx = store.transactions().find((t) => t.step.name === 'enroll-poll' && t.step.activationToken === token);
  if (!tx || tx.step.name !== 'enroll-poll')
    throw new EnrollmentError('This activation code is unknown or was already used.');
  if (tx.step.expiresAt <= now) throw new EnrollmentError('This activation code has expired.');
  const device = store.addDevice(tx.login!, deviceName);
  succeed(tx, ['mfa', 'swk']);
  return device;
}
