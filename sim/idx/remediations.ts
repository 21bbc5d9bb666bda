import { matchTotp } from '../crypto/totp.ts';
import { activationToken } from '../crypto/ids.ts';
import { qrPngDataUri } from '../device/qr.ts';
import type { Step, Transaction } from '../state/types.ts';
import { CUSTOM_PUSH_ID, OKTA_VERIFY_ID } from './authenticators.ts';
import { sendPush, stepAfterPassword, succeed, withdrawPushes } from './policy.ts';
import { message, type RenderContext, type RenderExtras } from './render.ts';
import { sendActivationLink, enrollmentUri } from './activation.ts';
import { startFastPass, withdrawFastPass } from './fastpass.ts';
import { cancelSsoExtension, SSO_EXTENSION_CANCEL, SSO_EXTENSION_VERIFY, verifySsoExtension } from './sso-extension.ts';

/** What a remediation did: the transaction is re-rendered with this status and these messages. */
export interface IdxResult {
  status: number;
  extras?: RenderExtras;
  /** HTTP headers of the answer besides the content type (the SSO extension's step-up challenge). */
  headers?: Record<string, string>;
}

type Body = Record<string, unknown>;
/** `params`: what a patterned endpoint's path holds (PATTERNED_REMEDIATIONS), e.g. a challenge id. */
type Handler = (ctx: RenderContext, tx: Transaction, body: Body, params?: string[]) => IdxResult | Promise<IdxResult>;

interface Remediation {
  /** Steps in which the server offers this endpoint; any other step refuses it. */
  steps: Array<Step['name']>;
  handle: Handler;
}

const OK: IdxResult = { status: 200 };
const AUTHENTICATION_FAILED = message('Authentication failed', 'errors.E0000004');
const PASSCODE_INVALID = message('Invalid code. Try again.', 'api.authn.error.PASSCODE_INVALID', []);
/** [unverified] Okta's OIE key for an OV TOTP lockout is not in any recording; E0000069 is its "User locked" code. */
const LOCKED_OUT = message('Your account is locked because of too many authentication attempts.', 'errors.E0000069');

function record(value: unknown): Body {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Body) : {};
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function fail(status: number, ...messages: ReturnType<typeof message>[]): IdxResult {
  return { status, extras: { messages } };
}

function fieldFail(status: number, field: string, ...messages: ReturnType<typeof message>[]): IdxResult {
  return { status, extras: { fieldMessages: { [field]: messages } } };
}

function checkPassword(
  ctx: RenderContext,
  login: string | undefined,
  password: string | undefined,
): 'ok' | 'wrong' | 'locked' {
  const user = ctx.store.user(login);
  if (!user || password === undefined || user.config.password !== password) return 'wrong';
  return user.lockedUntil > Date.now() ? 'locked' : 'ok';
}

function passwordVerified(ctx: RenderContext, tx: Transaction, login: string): void {
  tx.login = login;
  tx.amr = ['pwd'];
  tx.step = stepAfterPassword(ctx.store, login, tx);
}

/** "Continue" past the device-assurance grace period warning: on to what the policy asks next. */
const skipGracePeriod: Handler = (ctx, tx) => {
  tx.gracePeriodSeen = true;
  tx.step = stepAfterPassword(ctx.store, tx.login ?? '', tx);
  return OK;
};

const identify: Handler = (ctx, tx, body) => {
  const login = text(body.identifier)?.trim().toLowerCase();
  if (!login)
    return fieldFail(400, 'identifier', message('This field cannot be left blank', 'model.validation.field.blank'));
  if (!ctx.settings.passwordOnIdentify) {
    // Identifier first: unknown users reach the password challenge too, so nobody can probe which logins exist.
    tx.login = login;
    tx.step = { name: 'challenge-password' };
    return OK;
  }
  const password = text(record(body.credentials).passcode);
  const outcome = checkPassword(ctx, login, password);
  if (outcome === 'wrong') return { status: 401, extras: { messages: [AUTHENTICATION_FAILED], identifier: login } };
  if (outcome === 'locked') return fail(403, LOCKED_OUT);
  passwordVerified(ctx, tx, login);
  return OK;
};

const answerPassword: Handler = (ctx, tx, body) => {
  const outcome = checkPassword(ctx, tx.login, text(record(body.credentials).passcode));
  if (outcome === 'wrong') return fail(401, message('Password is incorrect', 'incorrectPassword'));
  if (outcome === 'locked') return fail(403, LOCKED_OUT);
  passwordVerified(ctx, tx, tx.login!);
  return OK;
};

const answerTotp: Handler = (ctx, tx, body) => {
  const user = ctx.store.user(tx.login)!;
  const code = text(record(body.credentials).totp)?.trim() ?? '';
  const now = Date.now();
  // A lockout holds in sign-ins already past the password too, or each open one would allow more guesses.
  if (user.lockedUntil > now) return lockOut(tx);
  for (const device of ctx.store.devicesOf(user.config.login)) {
    const counter = /^\d{6}$/.test(code) ? matchTotp(device.secret, code, now) : null;
    // A code is good once: one at or before the last accepted step is a replay.
    if (counter === null || counter <= device.lastTotpCounter) continue;
    device.lastTotpCounter = counter;
    user.totpFailures = 0;
    ctx.store.save();
    succeed(tx, ['mfa', 'swk']);
    return OK;
  }
  user.totpFailures += 1;
  if (user.totpFailures >= ctx.settings.maxTotpFailures) {
    user.totpFailures = 0;
    user.lockedUntil = now + ctx.settings.lockoutMs;
    return lockOut(tx);
  }
  return fieldFail(401, 'totp', PASSCODE_INVALID);
};

function lockOut(tx: Transaction): IdxResult {
  tx.step = { name: 'terminal', messages: [LOCKED_OUT], httpStatus: 403 };
  return { status: 403 };
}

const challengeAnswer: Handler = (ctx, tx, body) =>
  tx.step.name === 'challenge-password' ? answerPassword(ctx, tx, body) : answerTotp(ctx, tx, body);

/** Select Okta Verify, choose its method, or (resend) push again; the SDK may send only `{id}` or nothing. */
const challenge: Handler = async (ctx, tx, body) => {
  const authenticator = record(body.authenticator);
  const repeatingPush = tx.step.name === 'resend' || tx.step.name === 'challenge-poll';
  // Only the `resend` form arrives without an authenticator (the SDK drops its nested value);
  // `{id}` alone is a pick from select-authenticator-authenticate, even while a push waits.
  const resendForm = body.authenticator === undefined;
  if (resendForm && !repeatingPush) {
    return fail(400, message("The 'authenticator' field is required.", 'E0000001'));
  }
  const verifierId = ctx.store.user(tx.login)?.config.customPush ? CUSTOM_PUSH_ID : OKTA_VERIFY_ID;
  if (authenticator.id !== undefined && authenticator.id !== verifierId) {
    return fail(400, message('The authenticator is not available for this sign-in.', 'E0000001'));
  }
  const methodType = text(authenticator.methodType) ?? (resendForm ? 'push' : undefined);
  const methods = ctx.store.user(tx.login)!.config.methods;
  if (methodType === undefined) {
    withdrawPushes(ctx.store, tx);
    tx.step = { name: 'authenticator-verification-data' };
    return OK;
  }
  if (methodType !== 'push' && methodType !== 'totp' && methodType !== 'signed_nonce')
    return fail(400, message(`Unsupported method: ${methodType}.`, 'E0000001'));
  if (!methods.includes(methodType))
    return fail(400, message('This method is not available for this user.', 'E0000001'));
  withdrawPushes(ctx.store, tx);
  withdrawFastPass(ctx.store, tx);
  if (methodType === 'signed_nonce') {
    tx.step = await startFastPass(ctx, tx);
    return OK;
  }
  const user = ctx.store.user(tx.login);
  // "Send push automatically" checked: Okta remembers it for the next sign-in.
  if (methodType === 'push' && authenticator.autoChallenge === true && user?.config.autoChallenge !== undefined) {
    user.config.autoChallenge = true;
    ctx.store.save();
  }
  tx.step =
    methodType === 'push'
      ? { name: 'challenge-poll', pushId: sendPush(ctx.store, ctx.settings, tx).id }
      : { name: 'challenge-totp' };
  return OK;
};

const enroll: Handler = async (ctx, tx, body) => {
  const authenticator = record(body.authenticator);
  if (authenticator.id !== OKTA_VERIFY_ID)
    return fail(400, message('The authenticator is not available for enrollment.', 'E0000001'));
  const only = ctx.store.user(tx.login)?.config.enrollChannel;
  const channel = text(authenticator.channel) ?? only ?? 'qrcode';
  if (only && channel !== only) return fail(400, message(`Unsupported channel: ${channel}.`, 'E0000001'));
  if (channel === 'samedevice' || channel === 'devicebootstrap') {
    // Okta Verify on this device (or on one that has it) adds the account; no QR, no link.
    tx.step = {
      name: 'enroll-poll',
      channel,
      activationToken: activationToken(),
      expiresAt: Date.now() + ctx.settings.enrollmentLifetimeMs,
    };
    return OK;
  }
  if (channel === 'email' || channel === 'sms') {
    tx.step = { name: 'enrollment-channel-data', channel };
    return OK;
  }
  if (channel !== 'qrcode') return fail(400, message(`Unsupported channel: ${channel}.`, 'E0000001'));
  const token = activationToken();
  tx.step = {
    name: 'enroll-poll',
    channel: 'qrcode',
    activationToken: token,
    expiresAt: Date.now() + ctx.settings.enrollmentLifetimeMs,
    qrcode: await qrPngDataUri(enrollmentUri(ctx, tx.login!, token)),
  };
  return OK;
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9][0-9 ().-]{6,20}$/;

const sendChannelData: Handler = (ctx, tx, body) => {
  const step = tx.step as Extract<Step, { name: 'enrollment-channel-data' }>;
  const field = step.channel === 'email' ? 'email' : 'phoneNumber';
  const value = text(body[field])?.trim() ?? '';
  if (!(step.channel === 'email' ? EMAIL : PHONE).test(value)) {
    const what = step.channel === 'email' ? 'an email address' : 'a phone number';
    // [unverified] Okta's key for this validation error is not in any recording.
    return fieldFail(400, field, message(`Enter ${what} that can receive the activation link.`, 'E0000001'));
  }
  const token = activationToken();
  tx.step = {
    name: 'enroll-poll',
    channel: step.channel,
    activationToken: token,
    expiresAt: Date.now() + ctx.settings.enrollmentLifetimeMs,
    sentTo: value,
  };
  sendActivationLink(ctx, tx, step.channel, value, token);
  return OK;
};

const resend: Handler = (ctx, tx) => {
  const step = tx.step;
  if (step.name === 'enroll-poll' && (step.channel === 'email' || step.channel === 'sms') && step.sentTo) {
    sendActivationLink(ctx, tx, step.channel, step.sentTo, step.activationToken);
  }
  return OK;
};

/** The current state, after any time-driven change: that is all a poll asks for. */
const poll: Handler = () => OK;

/**
 * The `cancel` form of a FastPass `challenge-poll`. The browser sends a `reason`: a loopback that
 * no port answered (`OV_UNREACHABLE_BY_LOOPBACK`) gets the same challenge by custom URI, which the
 * operating system hands to Okta Verify; any other reason (the user chose another way) returns to
 * the choice of authenticator.
 */
const cancelPolling: Handler = async (ctx, tx, body) => {
  const step = tx.step as Extract<Step, { name: 'fastpass-poll' | 'device-challenge-poll' }>;
  const beforeIdentify = step.name === 'device-challenge-poll';
  const current = ctx.store.fastPass.get(step.challengeId);
  const unreachable = body.reason === 'OV_UNREACHABLE_BY_LOOPBACK' || body.reason === 'OV_RETURNED_ERROR';
  if (unreachable && current?.method === 'LOOPBACK') {
    tx.step = await startFastPass(ctx, tx, 'CUSTOM_URI', beforeIdentify);
    return OK;
  }
  withdrawFastPass(ctx.store, tx);
  tx.step = beforeIdentify ? { name: 'identify' } : { name: 'select-authenticator-authenticate' };
  return OK;
};

/** "Sign in with Okta FastPass" on identify: a device challenge whoever's Okta Verify may answer. */
const launchAuthenticator: Handler = async (ctx, tx) => {
  tx.step = await startFastPass(ctx, tx, ctx.settings.fastPassMethod, true);
  return OK;
};

const cancel: Handler = (ctx, tx) => {
  withdrawPushes(ctx.store, tx);
  withdrawFastPass(ctx.store, tx);
  ctx.store.renewStateHandle(tx);
  tx.login = undefined;
  tx.amr = [];
  tx.step = { name: 'identify' };
  return OK;
};

const PUSH_STEPS: Array<Step['name']> = [
  'select-authenticator-authenticate',
  'authenticator-verification-data',
  'challenge-poll',
  'resend',
  'challenge-totp',
  'fastpass-poll',
  'sso-extension',
];
const ENROLL_STEPS: Array<Step['name']> = ['select-authenticator-enroll', 'enroll-poll', 'enrollment-channel-data'];
const ALL_STEPS: Array<Step['name']> = [
  'identify',
  'device-challenge-poll',
  'challenge-password',
  'device-assurance-grace-period',
  ...PUSH_STEPS,
  ...ENROLL_STEPS,
  'sso-extension-failed',
  'success',
  'terminal',
];

/** Every IDX endpoint a form or action of the simulator can point at. */
export const REMEDIATIONS: Record<string, Remediation> = {
  '/idp/idx/identify': { steps: ['identify'], handle: identify },
  '/idp/idx/skip': { steps: ['device-assurance-grace-period'], handle: skipGracePeriod },
  '/idp/idx/challenge/answer': { steps: ['challenge-password', 'challenge-totp'], handle: challengeAnswer },
  '/idp/idx/challenge': { steps: PUSH_STEPS, handle: challenge },
  '/idp/idx/challenge/resend': { steps: ['authenticator-verification-data', 'enroll-poll'], handle: resend },
  '/idp/idx/credential/enroll': { steps: ENROLL_STEPS, handle: enroll },
  '/idp/idx/challenge/send': { steps: ['enrollment-channel-data'], handle: sendChannelData },
  '/idp/idx/challenge/poll': { steps: ['enroll-poll', 'success', 'terminal'], handle: poll },
  '/idp/idx/authenticators/poll': {
    // A FastPass denied in Okta Verify leaves the poll at the choice of authenticator.
    steps: [
      'challenge-poll',
      'fastpass-poll',
      'device-challenge-poll',
      'resend',
      'select-authenticator-authenticate',
      'identify',
      'success',
      'terminal',
    ],
    handle: poll,
  },
  '/idp/idx/authenticators/poll/cancel': { steps: ['fastpass-poll', 'device-challenge-poll'], handle: cancelPolling },
  '/idp/idx/authenticators/okta-verify/launch': { steps: ['identify'], handle: launchAuthenticator },
  '/idp/idx/cancel': { steps: ALL_STEPS, handle: cancel },
};

/** Endpoints whose path carries an id (the SSO extension's challenge), matched by pattern. */
const PATTERNED_REMEDIATIONS: Array<Remediation & { pattern: RegExp }> = [
  {
    pattern: SSO_EXTENSION_VERIFY,
    steps: ['sso-extension'],
    handle: (ctx, tx, _body, params) => verifySsoExtension(ctx, tx, params?.[0]),
  },
  {
    pattern: SSO_EXTENSION_CANCEL,
    steps: ['sso-extension-failed'],
    handle: (ctx, tx, _body, params) => cancelSsoExtension(ctx, tx, params?.[0]),
  },
];

export const IDX_PATTERNS: readonly RegExp[] = PATTERNED_REMEDIATIONS.map((r) => r.pattern);

/** The endpoint at `path` and what its path holds, if the simulator has one there. */
export function findRemediation(path: string): { endpoint: Remediation; params: string[] } | undefined {
  const exact = REMEDIATIONS[path];
  if (exact) return { endpoint: exact, params: [] };
  for (const endpoint of PATTERNED_REMEDIATIONS) {
    const found = endpoint.pattern.exec(path);
    if (found) return { endpoint, params: found.slice(1) };
  }
  return undefined;
}
