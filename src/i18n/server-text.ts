import { msg } from './msg.js';
import type { OvInput, OvMessage } from '../controller/types.js';
import { getLocale } from './localization.js';
import { sourceLocale } from './locale-codes.js';
import { strings } from './strings.js';

/**
 * Okta messages this widget translates, by their `i18n.key` (the keys seen in recordings of Okta and
 * sent by the simulator, and those Okta sends with no text). The English is Okta's. None of them has `i18n.params`; a key that would
 * need them stays out of this table and is shown as sent.
 */
const known = new Map<string, () => string>([
  ['errors.E0000004', () => msg('Authentication failed', { id: 'okta.errors.E0000004' })],
  [
    'errors.E0000069',
    () => msg('Your account is locked because of too many authentication attempts.', { id: 'okta.errors.E0000069' }),
  ],
  ['incorrectPassword', () => msg('Password is incorrect', { id: 'okta.incorrectPassword' })],
  [
    'api.authn.error.PASSCODE_INVALID',
    () => msg('Invalid code. Try again.', { id: 'okta.api.authn.error.PASSCODE_INVALID' }),
  ],
  [
    'api.authn.poll.error.push_rejected',
    () => msg('You have chosen to reject this login.', { id: 'okta.api.authn.poll.error.push_rejected' }),
  ],
  ['idx.session.expired', () => msg('The session has expired.', { id: 'okta.idx.session.expired' })],
  [
    'core.system.transaction_resource_not_found',
    () => msg('Verification timed out. Please try again', { id: 'okta.core.system.transaction_resource_not_found' }),
  ],
  ['E0000010', () => msg('Server is unable to respond at the moment.', { id: 'okta.E0000010' })],
  ['tooManyRequests', () => msg('Too many requests', { id: 'okta.tooManyRequests' })],
  ['error.username.required', () => msg('Please enter a username', { id: 'okta.error.username.required' })],
  ['error.password.required', () => msg('Please enter a password', { id: 'okta.error.password.required' })],
  [
    'error.expired.session',
    () => msg('Your session has expired. Please try to sign in again.', { id: 'okta.error.expired.session' }),
  ],
  [
    'model.validation.field.blank',
    () => msg('This field cannot be left blank', { id: 'okta.model.validation.field.blank' }),
  ],
]);

/**
 * A server message in the active locale: translated when its key is known, else as Okta sent it
 * (Okta localizes for the org's and user's language, which may already be right). In English the
 * server's own wording is kept.
 */
export function serverText(message: OvMessage): string {
  const translate = message.key === undefined ? undefined : known.get(message.key);
  // A message with only a key (or nothing): the widget's wording, never an empty line.
  if (message.text === '') {
    if (translate) return translate();
    return message.level === 'error' ? strings.unknownServerError : strings.unknownServerInfo;
  }
  if (getLocale() === sourceLocale) return message.text;
  return translate ? translate() : message.text;
}

/** The widget's own label for the fields it knows, by `OvInput.name`. */
const fieldLabels = new Map<string, () => string>([
  ['username', () => strings.username],
  ['password', () => strings.password],
  ['verificationCode', () => strings.totpLabel],
  ['email', () => strings.emailLabel],
  ['phoneNumber', () => strings.phoneLabel],
]);

/**
 * A field's label: in English the server's, else the widget's translation for a known field (Okta
 * words its labels in the browser's language, which need not be the widget's).
 */
export function fieldLabel(input: OvInput): string {
  // The enrolment address fields read "Email" / "Phone number" in every language: Okta's own
  // labels differ in case ("Phone Number").
  const sentenceCase = input.name === 'email' || input.name === 'phoneNumber';
  if (getLocale() === sourceLocale && input.label && !sentenceCase) return input.label;
  return fieldLabels.get(input.name)?.() ?? input.label;
}
