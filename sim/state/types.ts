import type { FastPassMethod, UserConfig } from '../config.ts';

/** An IDX message as Okta sends it. */
export interface IdxMessage {
  message: string;
  i18n: { key: string; params?: unknown[] };
  class: 'ERROR' | 'INFO' | 'WARNING';
}

export type EnrollmentChannel = 'qrcode' | 'email' | 'sms' | 'samedevice' | 'devicebootstrap';

/** What the transaction waits for; the IDX response is rendered from it alone. */
export type Step =
  | { name: 'identify' }
  | { name: 'challenge-password' }
  /** `fastPassDenied`: the user denied FastPass in Okta Verify; the choice says so. */
  | { name: 'select-authenticator-authenticate'; fastPassDenied?: boolean }
  | { name: 'authenticator-verification-data' }
  | { name: 'challenge-poll'; pushId: string }
  | { name: 'resend'; rejected: boolean; correctAnswer?: string }
  | { name: 'challenge-totp' }
  /** Okta FastPass: rendered as `challenge-poll` for the `signed_nonce` method. */
  | { name: 'fastpass-poll'; challengeId: string }
  /** FastPass before identify (`launch-authenticator`): whoever's Okta Verify answers signs in. */
  | { name: 'device-challenge-poll'; challengeId: string }
  /** Device assurance failed, within its grace period: the user may go on (Okta's `/idx/skip`). */
  | { name: 'device-assurance-grace-period' }
  /** FastPass by Apple's SSO extension: the browser posts to the challenge's verify endpoint. */
  | { name: 'sso-extension'; challengeId: string }
  /** The SSO extension did not answer (off) or the user denied: only its cancel is offered (a 401). */
  | { name: 'sso-extension-failed'; challengeId: string }
  | { name: 'select-authenticator-enroll' }
  | { name: 'enrollment-channel-data'; channel: 'email' | 'sms' }
  | {
      name: 'enroll-poll';
      channel: EnrollmentChannel;
      activationToken: string;
      expiresAt: number;
      /** The QR image (data URI) for the qrcode channel. */
      qrcode?: string;
      /** Email address or phone number the activation link went to. */
      sentTo?: string;
    }
  | { name: 'success'; interactionCode: string }
  | { name: 'terminal'; messages: IdxMessage[]; httpStatus: number };

export interface Transaction {
  /** The authorization server the transaction started on; its tokens carry it as `iss`. */
  issuer: string;
  interactionHandle: string;
  stateHandle: string;
  clientId: string;
  redirectUri: string;
  scope: string;
  /** PKCE S256 challenge; a confidential client may start without one. */
  codeChallenge?: string;
  state: string;
  createdAt: number;
  /** Slides forward with every response, as Okta's `expiresAt` does. */
  expiresAt: number;
  step: Step;
  login?: string;
  /** Authentication methods references for the ID token. */
  amr: string[];
  /** Set once the interaction code has been exchanged, so a replay is refused. */
  codeRedeemed?: boolean;
  /** The user went on past the device-assurance grace period warning. */
  gracePeriodSeen?: boolean;
}

/** A refresh token (opaque, as Okta's are) and what it was issued for; revoking it revokes its access tokens. */
export interface RefreshGrant {
  token: string;
  issuer: string;
  clientId: string;
  scopes: string[];
  amr: string[];
  authTime: number;
  login: string;
  userId: string;
  /** Seconds. */
  iat: number;
  exp: number;
  jti: string;
  /** `jti`s of the access tokens issued with it. */
  accessTokenIds: string[];
  revoked: boolean;
}

export interface UserState {
  id: string;
  config: UserConfig;
  totpFailures: number;
  lockedUntil: number;
  /** When the user was seeded or loaded: userinfo's `updated_at`. */
  createdAt: number;
}

export interface Device {
  id: string;
  login: string;
  name: string;
  /** Base32 TOTP secret shared at enrollment. */
  secret: string;
  createdAt: number;
  /** Counter of the last TOTP code accepted, so a code is accepted once. */
  lastTotpCounter: number;
  /** A computer with Okta Verify's desktop app: the key pair it answers FastPass challenges with. */
  desktop?: { publicKeyPem: string; privateKeyPem: string };
}

/** One FastPass challenge: what Okta sent to Okta Verify on the computer, and how it was answered. */
export interface FastPassChallenge {
  id: string;
  interactionHandle: string;
  /** The user asked for; empty before identify, when the answering device names the user. */
  login: string;
  method: FastPassMethod;
  nonce: string;
  /** The signed JWT the browser hands to Okta Verify. */
  challengeRequest: string;
  /** Loopback ports advertised (LOOPBACK only). */
  ports: number[];
  createdAt: number;
  expiresAt: number;
  status: 'pending' | 'verified' | 'denied';
}

/** One push challenge, sent to every Okta Verify device of the user. */
export interface Push {
  id: string;
  deviceIds: string[];
  /** The transaction it belongs to (its interaction handle survives a cancel, its state handle does not). */
  interactionHandle: string;
  createdAt: number;
  expiresAt: number;
  /** For a number challenge: the number shown in the browser, and the choices on the phone. */
  correctAnswer?: string;
  choices?: string[];
  status: 'pending' | 'approved' | 'rejected';
}

export interface OutboxMessage {
  id: string;
  channel: 'email' | 'sms';
  to: string;
  login: string;
  text: string;
  link: string;
  sentAt: number;
}

export interface RequestRecord {
  seq: number;
  at: number;
  method: string;
  path: string;
  status: number;
  durationMs: number;
}
