import type { Step, Transaction } from '../state/types.ts';
import { withdrawFastPass } from './fastpass.ts';
import { succeed } from './policy.ts';
import { message, type RenderContext } from './render.ts';
import type { IdxResult } from './remediations.ts';

const BASE = '/idp/idx/authenticators/sso_extension/transactions';
/** Where the page posts `device-apple-sso-extension` (replayed fixtures); the id is the challenge's. */
export const SSO_EXTENSION_VERIFY = /^\/idp\/idx\/authenticators\/sso_extension\/transactions\/([^/]+)\/verify$/;
/** `cancel-transaction`, offered after the extension failed. */
export const SSO_EXTENSION_CANCEL =
  /^\/idp\/idx\/authenticators\/sso_extension\/transactions\/([^/]+)\/verify\/cancel$/;

export function ssoExtensionVerifyPath(challengeId: string): string {
  return `${BASE}/${challengeId}/verify`;
}

export function ssoExtensionCancelPath(challengeId: string): string {
  return `${ssoExtensionVerifyPath(challengeId)}/cancel`;
}

/** What Okta sends with the 401 of a failed extension (okta-auth-js's generateIdxAction checks it). */
const DEVICE_STEP_UP = 'Oktadevicejwt realm="Okta Device"';

const NOT_THIS_CHALLENGE = message('This action is not available at this step of the sign-in.', 'E0000001');

/**
 * The page's POST to the verify endpoint. On a managed Apple device the SSO extension intercepts
 * it and answers with the device's key; the simulator plays the extension with the user's desktop
 * app: on and approving, FastPass succeeds; off (no extension answered) or denying, Okta answers
 * 401 with only `cancel-transaction` (error-401-okta-verify-apple-sso-step-up.json).
 */
export function verifySsoExtension(ctx: RenderContext, tx: Transaction, challengeId: string | undefined): IdxResult {
  const step = tx.step as Extract<Step, { name: 'sso-extension' }>;
  const challenge = ctx.store.fastPass.get(step.challengeId);
  if (!challenge || challengeId !== step.challengeId)
    return { status: 400, extras: { messages: [NOT_THIS_CHALLENGE] } };
  const device = ctx.store.devicesOf(tx.login ?? '').find((d) => d.desktop);
  const app = device && ctx.store.desktopApps.state(device.id);
  if (!app?.on || app.deny) {
    if (app?.on) challenge.status = 'denied';
    tx.step = { name: 'sso-extension-failed', challengeId: step.challengeId };
    // Okta's device step-up challenge: okta-auth-js keeps such a 401 as the current response
    // (`stepUp`), so its `cancel-transaction` can be sent next.
    return { status: 401, headers: { 'WWW-Authenticate': DEVICE_STEP_UP } };
  }
  challenge.status = 'verified';
  withdrawFastPass(ctx.store, tx);
  succeed(tx, ['mfa', 'hwk', 'phr']);
  return { status: 200 };
}

/** `cancel-transaction` after a failed extension: back to the choice of authenticator. */
export function cancelSsoExtension(ctx: RenderContext, tx: Transaction, challengeId: string | undefined): IdxResult {
  const step = tx.step as Extract<Step, { name: 'sso-extension-failed' }>;
  if (challengeId !== step.challengeId) return { status: 400, extras: { messages: [NOT_THIS_CHALLENGE] } };
  withdrawFastPass(ctx.store, tx);
  tx.step = { name: 'select-authenticator-authenticate' };
  return { status: 200 };
}
