import { createSign, createVerify } from 'node:crypto';
import { compactVerify, importJWK } from 'jose';
import type { FastPassMethod } from '../config.ts';
import { oktaId, randomToken } from '../crypto/ids.ts';
import { signJwt } from '../crypto/jwt.ts';
import { json, parseJsonObject, type Route } from '../http/types.ts';
import type { SimStore } from '../state/store.ts';
import type { FastPassChallenge, Step, Transaction } from '../state/types.ts';
import { OKTA_VERIFY_ID } from './authenticators.ts';
import { succeed } from './policy.ts';
import type { RenderContext } from './render.ts';

/** Okta's custom URI scheme for Okta Verify (desktop and mobile). */
const CUSTOM_URI = 'com-okta-authenticator:/deviceChallenge';
const DOWNLOAD_HREF = 'https://apps.apple.com/us/app/okta-verify/id490179405';
/** How long Okta Verify has to answer a FastPass challenge. */
const CHALLENGE_LIFETIME_MS = 5 * 60_000;
/** What the desktop app reports (the simulator's own claim: Okta's is not in any recording). */
const DENIED = 'DENIED';

export class FastPassError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function verifyPath(challengeId: string): string {
  return `/idp/authenticators/${OKTA_VERIFY_ID}/transactions/${challengeId}/verify`;
}

/** A new FastPass challenge for the transaction's user; earlier ones of the transaction are dropped. */
export async function startFastPass(
  ctx: RenderContext,
  tx: Transaction,
  method: FastPassMethod = ctx.settings.fastPassMethod,
  beforeIdentify = false,
): Promise<Step> {
  // Okta's SSO-extension challenge names the user's enrolment; before identify there is none, so
  // the device is probed by loopback instead.
  if (method === 'APPLE_SSO_EXTENSION' && beforeIdentify) method = 'LOOPBACK';
  withdrawFastPass(ctx.store, tx);
  const now = Date.now();
  const id = oktaId('ftt');
  const nonce = randomToken(24);
  const challengeRequest = await signJwt(ctx.store.signingKey, {
    iss: ctx.origin,
    aud: ctx.origin,
    exp: Math.floor((now + CHALLENGE_LIFETIME_MS) / 1000),
    iat: Math.floor(now / 1000),
    nonce,
    transactionId: id,
    signals: ['screenLock', 'rootPrivileges', 'fullDiskEncryption', 'id', 'platform', 'osVersion'],
    userVerificationRequirement: false,
    verificationUri: ctx.origin + verifyPath(id),
    ver: 0,
  });
  const challenge: FastPassChallenge = {
    id,
    interactionHandle: tx.interactionHandle,
    login: beforeIdentify ? '' : tx.login!,
    method,
    nonce,
    challengeRequest,
    ports: method === 'LOOPBACK' ? await ctx.store.desktopApps.portsFor(beforeIdentify ? undefined : tx.login) : [],
    createdAt: now,
    expiresAt: now + CHALLENGE_LIFETIME_MS,
    status: 'pending',
  };
  ctx.store.fastPass.set(id, challenge);
  if (method === 'APPLE_SSO_EXTENSION') return { name: 'sso-extension', challengeId: id };
  return { name: beforeIdentify ? 'device-challenge-poll' : 'fastpass-poll', challengeId: id };
}

export function withdrawFastPass(store: SimStore, tx: Transaction): void {
  for (const [id, c] of store.fastPass) if (c.interactionHandle === tx.interactionHandle) store.fastPass.delete(id);
}

/** `currentAuthenticator.value.contextualData.challenge.value` of a FastPass `challenge-poll` (fixtures 62–65). */
export function challengeValue(
  challenge: FastPassChallenge,
  settings: RenderContext['settings'],
  origin: string,
  cancel: object,
): Record<string, unknown> {
  const query = `challengeRequest=${challenge.challengeRequest}`;
  switch (challenge.method) {
    case 'LOOPBACK':
      return {
        challengeMethod: 'LOOPBACK',
        challengeRequest: challenge.challengeRequest,
        domain: 'http://localhost',
        ports: challenge.ports.map(String),
        probeTimeoutMillis: settings.probeTimeoutMillis,
      };
    case 'CUSTOM_URI':
      return { challengeMethod: 'CUSTOM_URI', href: `${CUSTOM_URI}?${query}`, downloadHref: DOWNLOAD_HREF };
    case 'UNIVERSAL_LINK':
      return { challengeMethod: 'UNIVERSAL_LINK', href: `${origin}/idp/authenticators/okta-verify/launch?${query}` };
    case 'APP_LINK':
      return {
        challengeMethod: 'APP_LINK',
        href: `${origin}/idp/authenticators/okta-verify/launch?${query}`,
        cancel: { ...cancel, name: 'cancel-polling-transaction' },
      };
    case 'APPLE_SSO_EXTENSION':
      // Nothing for the page to do but post the `device-apple-sso-extension` form (replayed fixture).
      return { challengeMethod: 'APPLE_SSO_EXTENSION' };
  }
}

/**
 * What Okta Verify does with a challenge request, from the loopback server or from a custom URI or
 * link the operating system opened: check Okta signed it, sign the nonce with the device's key (or
 * report that the user denied), and send the answer to the request's `verificationUri`.
 */
export async function answerChallenge(
  store: SimStore,
  deviceId: string,
  challengeRequest: string,
  deny: boolean,
): Promise<void> {
  const device = store.devices.get(deviceId);
  if (!device?.desktop) throw new FastPassError(404, `No Okta Verify desktop app on device ${deviceId}.`);
  let claims: { nonce?: unknown; verificationUri?: unknown; iss?: unknown };
  try {
    const key = await importJWK(store.signingKey.publicJwk, 'RS256');
    claims = JSON.parse(
      new TextDecoder().decode((await compactVerify(challengeRequest, key)).payload),
    ) as typeof claims;
  } catch {
    throw new FastPassError(400, 'The challenge request was not signed by this org.');
  }
  if (typeof claims.verificationUri !== 'string' || typeof claims.nonce !== 'string')
    throw new FastPassError(400, 'The challenge request has no nonce or verification URI.');
  const now = Math.floor(Date.now() / 1000);
  const challengeResponse = signEs256(device.desktop.privateKeyPem, deviceId, {
    iss: deviceId,
    aud: claims.iss,
    iat: now,
    exp: now + 300,
    nonce: claims.nonce,
    method: 'signed_nonce',
    keyType: 'proofOfPossession',
    challengeResponseContext: { userConsent: deny ? DENIED : 'APPROVED' },
  });
  const response = await fetch(claims.verificationUri, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ challengeResponse, method: 'signed_nonce' }),
  });
  if (!response.ok) {
    const { error } = (await response.json().catch(() => ({}))) as { error?: string };
    throw new FastPassError(response.status, error ?? `Okta answered ${response.status}.`);
  }
}

/** The challenge request inside a custom URI, universal link or app link. */
export function challengeRequestOf(href: string): string {
  const found = /[?&]challengeRequest=([^&#]+)/.exec(href)?.[1];
  if (!found) throw new FastPassError(400, 'This link carries no challengeRequest.');
  return decodeURIComponent(found);
}

function signEs256(privateKeyPem: string, kid: string, payload: object): string {
  const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
  const input = `${encode({ kid, alg: 'ES256', typ: 'JWT' })}.${encode(payload)}`;
  const signature = createSign('sha256').update(input).sign({ key: privateKeyPem, dsaEncoding: 'ieee-p1363' });
  return `${input}.${signature.toString('base64url')}`;
}

function verifyEs256(publicKeyPem: string, jwt: string): Record<string, unknown> | undefined {
  const [header, payload, signature] = jwt.split('.');
  if (!header || !payload || !signature) return undefined;
  const ok = createVerify('sha256')
    .update(`${header}.${payload}`)
    .verify({ key: publicKeyPem, dsaEncoding: 'ieee-p1363' }, Buffer.from(signature, 'base64url'));
  return ok ? (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>) : undefined;
}

/**
 * Okta's side of FastPass: Okta Verify posts the signed nonce here; a good signature from one of
 * the user's devices ends the `challenge-poll`, a denial sends the user back to the choice of
 * authenticator.
 */
export const verifyFastPass: Route = (ctx, req, [, challengeId = '']) => {
  const challenge = ctx.store.fastPass.get(challengeId);
  if (!challenge) return json(404, { error: 'No such FastPass challenge.' });
  const body = parseJsonObject(req.body);
  const jwt = typeof body?.challengeResponse === 'string' ? body.challengeResponse : '';
  const kid = (() => {
    try {
      return (JSON.parse(Buffer.from(jwt.split('.')[0] ?? '', 'base64url').toString('utf8')) as { kid?: unknown }).kid;
    } catch {
      return undefined;
    }
  })();
  const device = typeof kid === 'string' ? ctx.store.devices.get(kid) : undefined;
  if (!device?.desktop || (challenge.login !== '' && device.login !== challenge.login))
    return json(403, { error: 'The answer is not from an Okta Verify device of this user.' });
  const claims = verifyEs256(device.desktop.publicKeyPem, jwt);
  if (!claims || claims.nonce !== challenge.nonce) return json(403, { error: 'The signature or nonce is wrong.' });
  if (challenge.status !== 'pending' || challenge.expiresAt <= Date.now())
    return json(410, { error: 'This challenge was already answered or has expired.' });
  const tx = ctx.store.transactionByInteractionHandle(challenge.interactionHandle);
  const waiting = tx?.step.name === 'fastpass-poll' || tx?.step.name === 'device-challenge-poll';
  if (!tx || !waiting || !('challengeId' in tx.step) || tx.step.challengeId !== challenge.id)
    return json(410, { error: 'The sign-in this challenge belongs to is no longer waiting for it.' });
  const context = claims.challengeResponseContext as { userConsent?: unknown } | undefined;
  if (context?.userConsent === DENIED) {
    challenge.status = 'denied';
    // Before identify, the user signs in the usual way instead.
    tx.step = tx.login ? { name: 'select-authenticator-authenticate', fastPassDenied: true } : { name: 'identify' };
  } else {
    challenge.status = 'verified';
    // Before identify, the device names the user: its key is possession and Okta Verify's check is the other factor.
    tx.login ??= device.login;
    succeed(tx, ['mfa', 'hwk', 'phr']);
  }
  return json(200, {});
};

export const FASTPASS_VERIFY_PATH = /^\/idp\/authenticators\/([^/]+)\/transactions\/([^/]+)\/verify$/;
