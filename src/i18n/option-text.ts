import { msg } from './msg.js';

/**
 * The one line under a choice of the authenticator picker, as Okta's picker words it ("Okta Verify ·
 * Get a push notification"). Okta sends no such line, so the widget has its own, by method first
 * (any push app pushes) and then by authenticator; unknown ones get a generic line.
 */
const byMethod = new Map<string, () => string>([
  ['push', () => msg('Get a push notification', { id: 'option.push' })],
  ['totp', () => msg('Enter a code', { id: 'option.totp' })],
  ['otp', () => msg('Enter a code', { id: 'option.otp' })],
  ['signed_nonce', () => msg('Use Okta FastPass', { id: 'option.signedNonce' })],
  ['sms', () => msg('Get a code by text message (SMS)', { id: 'option.sms' })],
  ['voice', () => msg('Get a code by voice call', { id: 'option.voice' })],
]);

const byAuthenticator = new Map<string, () => string>([
  ['okta_verify', () => msg('Use the Okta Verify app', { id: 'option.oktaVerify' })],
  ['okta_password', () => msg('Use a password', { id: 'option.password' })],
  ['okta_email', () => msg('Get a code or link by email', { id: 'option.email' })],
  ['phone_number', () => msg('Get a code by text message or call', { id: 'option.phone' })],
  ['google_otp', () => msg('Enter a code from the app', { id: 'option.appCode' })],
  ['webauthn', () => msg('Use a security key or biometrics', { id: 'option.webauthn' })],
  ['security_question', () => msg('Answer a security question', { id: 'option.securityQuestion' })],
]);

/**
 * What picking the choice does, in the active locale. `methodLabel`, Okta's name of a method the
 * widget has no words for, is shown as sent rather than the generic line.
 */
export function optionDescription(
  method: string | undefined,
  authenticatorKey: string | undefined,
  methodLabel?: string,
): string {
  const words = (method && byMethod.get(method)) || (authenticatorKey && byAuthenticator.get(authenticatorKey));
  if (words) return words();
  return methodLabel || msg('Use this security method', { id: 'option.generic' });
}
