import { readFileSync } from 'node:fs';
import { ruleProblem, type FaultRule } from './faults/rules.ts';

/** `signed_nonce` is Okta FastPass: Okta Verify on the computer signing in answers for the user. */
export type OktaVerifyMethod = 'push' | 'totp' | 'signed_nonce';

/**
 * How Okta asks Okta Verify on the user's computer to answer a FastPass challenge.
 * `APPLE_SSO_EXTENSION`: a managed Apple device, whose SSO extension intercepts the browser's POST
 * to Okta (`device-apple-sso-extension`); after identify only.
 */
export type FastPassMethod = 'LOOPBACK' | 'CUSTOM_URI' | 'UNIVERSAL_LINK' | 'APP_LINK' | 'APPLE_SSO_EXTENSION';

/** Ways Okta may offer to set up Okta Verify besides the QR code. */
export type ExtraEnrollmentChannel = 'samedevice' | 'devicebootstrap';

/** A seeded user. Passwords are plain text on purpose: this is a test org. */
export interface UserConfig {
  login: string;
  password: string;
  firstName: string;
  lastName: string;
  /** Methods the user's Okta Verify offers once enrolled. */
  methods: OktaVerifyMethod[];
  /** Pushes carry a number the user must pick on the phone. */
  numberChallenge: boolean;
  /** Seed an Okta Verify device, so sign-in challenges instead of enrolling. */
  enrolled: boolean;
  /**
   * The seeded device is a computer with Okta Verify's desktop app (FastPass): a loopback server
   * answers Okta's challenges on it. Needs `signed_nonce` in `methods`.
   */
  desktop: boolean;
  /**
   * The enrolment policy sets Okta Verify up on this device (`samedevice`) or from a device that
   * already has it (`devicebootstrap`, with the seeded device) rather than by QR code.
   */
  enrollChannel?: ExtraEnrollmentChannel;
  /**
   * The user verifies with a custom push authenticator of this name (Okta's `custom_app`, fixture
   * 68) instead of Okta Verify; its pushes reach the seeded device all the same. Needs `methods: ["push"]`.
   */
  customPush?: string;
  /**
   * Okta Verify is the user's only authenticator, so after the password Okta goes straight to its
   * method choice (`authenticator-verification-data`), whose `autoChallenge` ("Send push
   * automatically") has this value. A push sent with `autoChallenge: true` sets it, as Okta
   * remembers the choice (in a cookie) for the next sign-in.
   */
  autoChallenge?: boolean;
  /**
   * The user's device fails the app's device-assurance policy, which grants a grace period: after
   * the password Okta warns what to fix and by when (`device-assurance-grace-period`), then goes on.
   */
  deviceAssuranceGracePeriod?: boolean;
}

/**
 * An OIDC app of the org. URIs are compared character for character, as Okta compares them: a
 * redirect URI is registered, or the request is refused.
 */
export interface ClientConfig {
  clientId: string;
  /** "Sign-in redirect URIs": the `redirect_uri` of interact, authorize and token. */
  redirectUris: string[];
  /** "Sign-out redirect URIs": the `post_logout_redirect_uri` of /v1/logout. */
  postLogoutRedirectUris: string[];
  /**
   * A confidential (web) app's secret, given with `client_secret_basic` or `client_secret_post`;
   * without one the app is public (`none`: PKCE only), as an SPA or native app is.
   */
  clientSecret?: string;
}

export interface SimSettings {
  /** `refresh` (ms) of `enroll-poll`; Okta records 4000. */
  enrollPollRefreshMs: number;
  /** `refresh` (ms) of `challenge-poll`; Okta records 1000 (v3 widget) and 4000 (mobile SDKs). */
  challengePollRefreshMs: number;
  /** Idle lifetime of a transaction; every response slides it forward. */
  transactionLifetimeMs: number;
  /** How long a push waits for an answer before the poll ends. */
  pushLifetimeMs: number;
  /** How long an enrollment (QR or activation link) stays valid. */
  enrollmentLifetimeMs: number;
  /**
   * What a poll returns once a push expired. Okta has been recorded doing both:
   * a TERMINAL "Verification timed out" (fixture 53) and a `resend` remediation (fixture 28).
   */
  pushExpiry: 'terminal' | 'resend';
  /**
   * Content-Type of IDX responses. Okta's forms say they produce ion+json, but no recorded
   * header confirms it, and okta-auth-js reads introspect errors differently for each.
   */
  idxContentType: 'ion' | 'json';
  /** Password on the identify form (fixture 10) or identifier first, then a password challenge (fixture 11/12). */
  passwordOnIdentify: boolean;
  /** Wrong TOTP codes in a row before the user is locked out. */
  maxTotpFailures: number;
  /** How long a lockout lasts. */
  lockoutMs: number;
  /** Lifetime of issued ID and access tokens. */
  tokenLifetimeSeconds: number;
  /** How a FastPass challenge reaches Okta Verify; a failed loopback falls back to CUSTOM_URI. */
  fastPassMethod: FastPassMethod;
  /**
   * The identify step also offers "Sign in with Okta FastPass" (`launch-authenticator`, then a
   * `device-challenge-poll`): Okta Verify on this computer signs the user in without a password.
   */
  fastPassOnIdentify: boolean;
  /** `probeTimeoutMillis` of a LOOPBACK challenge: how long the browser waits for each port. */
  probeTimeoutMillis: number;
  /** Lifetime of refresh tokens (scope `offline_access`). */
  refreshTokenLifetimeSeconds: number;
}

export interface SimConfig {
  settings: SimSettings;
  clients: ClientConfig[];
  /** Origins (`scheme://host:port`, `*` as port matches any) allowed to call the org from a browser. */
  corsOrigins: string[];
  users: UserConfig[];
  /** Faults injected from the start (see sim/faults/rules.ts); the control API can change them. */
  faults: FaultRule[];
}

export const DEMO_PASSWORD = 'Ov-Demo-2026!';
export const DEMO_CLIENT_ID = 'ov-demo';
/** The seeded confidential client, for server-side apps (Okta's embedded-SDK sample, `ov-signin/server`). */
export const SERVER_CLIENT_ID = 'ov-server';
export const SERVER_CLIENT_SECRET = 'ov-server-secret-for-local-testing-only';

/**
 * Sign-in redirect URIs the seeded clients register: the demo page (`npm start`, vite on 5173), the
 * Node test harness and Okta's embedded-SDK sample (8080), the Express example (3000). A page served
 * elsewhere registers its own URI (config `clients[].redirectUris`, or the control API).
 */
export const SEEDED_REDIRECT_URIS = [
  'http://127.0.0.1:5173/login/callback',
  'http://localhost:5173/login/callback',
  'http://localhost:8080/login/callback',
  'http://localhost:3000/login/callback',
];
/** Sign-out redirect URIs: the same apps' home pages; `http://localhost:8080` is, without a slash, Okta's sample's. */
const SEEDED_LOGOUT_URIS = [
  'http://127.0.0.1:5173/',
  'http://localhost:5173/',
  'http://localhost:8080/',
  'http://localhost:8080',
  'http://localhost:3000/',
];

const LOCAL_ORIGINS = ['http://localhost:*', 'http://127.0.0.1:*', 'http://[::1]:*'];

function user(login: string, firstName: string, overrides: Partial<UserConfig>): UserConfig {
  return {
    login,
    password: DEMO_PASSWORD,
    firstName,
    lastName: 'Example',
    methods: ['push', 'totp'],
    numberChallenge: false,
    enrolled: true,
    desktop: false,
    ...overrides,
  };
}

export function defaultConfig(): SimConfig {
  return {
    settings: {
      enrollPollRefreshMs: 4000,
      challengePollRefreshMs: 1000,
      transactionLifetimeMs: 10 * 60_000,
      pushLifetimeMs: 5 * 60_000,
      enrollmentLifetimeMs: 10 * 60_000,
      pushExpiry: 'terminal',
      idxContentType: 'ion',
      passwordOnIdentify: true,
      maxTotpFailures: 5,
      lockoutMs: 15 * 60_000,
      tokenLifetimeSeconds: 3600,
      fastPassMethod: 'LOOPBACK',
      fastPassOnIdentify: false,
      probeTimeoutMillis: 1000,
      refreshTokenLifetimeSeconds: 90 * 24 * 3600,
    },
    faults: [],
    clients: [
      { clientId: DEMO_CLIENT_ID, redirectUris: SEEDED_REDIRECT_URIS, postLogoutRedirectUris: SEEDED_LOGOUT_URIS },
      {
        clientId: SERVER_CLIENT_ID,
        clientSecret: SERVER_CLIENT_SECRET,
        redirectUris: SEEDED_REDIRECT_URIS,
        postLogoutRedirectUris: SEEDED_LOGOUT_URIS,
      },
    ],
    corsOrigins: LOCAL_ORIGINS,
    users: [
      user('enroll@example.com', 'Enroll', { enrolled: false }),
      user('push@example.com', 'Push', {}),
      user('number@example.com', 'Number', { numberChallenge: true }),
      user('totp@example.com', 'Totp', { methods: ['totp'] }),
      user('fastpass@example.com', 'Fast', { methods: ['signed_nonce', 'push', 'totp'], desktop: true }),
      user('samedevice@example.com', 'Same', { enrolled: false, enrollChannel: 'samedevice' }),
      user('bootstrap@example.com', 'Boot', { enrollChannel: 'devicebootstrap' }),
      user('custompush@example.com', 'Custom', { methods: ['push'], customPush: 'Acme Push' }),
      user('autopush@example.com', 'Auto', { methods: ['push'], autoChallenge: false }),
      user('graceperiod@example.com', 'Grace', { deviceAssuranceGracePeriod: true }),
    ],
  };
}

/**
 * Fast polls, so tests take seconds. Pushes live long enough for any loaded machine to answer them;
 * a test of a timed-out push ends it on purpose (the control API's `expire`).
 */
export const TESTING_SETTINGS: Partial<SimSettings> = {
  enrollPollRefreshMs: 300,
  challengePollRefreshMs: 300,
  pushLifetimeMs: 10 * 60_000,
  enrollmentLifetimeMs: 60_000,
  transactionLifetimeMs: 60_000,
};

/** A client as a config file gives it: `postLogoutRedirectUris` may be left out. */
export type ClientInput = Pick<ClientConfig, 'clientId' | 'redirectUris'> & Partial<ClientConfig>;

export interface ConfigInput {
  settings?: Partial<SimSettings>;
  /** Replace the seeded clients. */
  clients?: ClientInput[];
  /** Add sign-in redirect URIs to clients (seeded or given), by client id: how a test harness whose port is chosen at start-up registers its page. */
  redirectUris?: Record<string, string[]>;
  corsOrigins?: string[];
  users?: Array<Partial<UserConfig> & { login: string }>;
  faults?: FaultRule[];
  /** Start from TESTING_SETTINGS instead of the realistic defaults. */
  testing?: boolean;
}

/** Defaults, then the testing preset, then what the caller gave; users given replace the seeded ones. */
export function resolveConfig(input: ConfigInput = {}): SimConfig {
  const base = defaultConfig();
  for (const rule of input.faults ?? []) {
    const problem = ruleProblem(rule);
    if (problem) throw new Error(`Fault rule ${JSON.stringify(rule)}: ${problem}`);
  }
  return {
    settings: { ...base.settings, ...(input.testing ? TESTING_SETTINGS : {}), ...input.settings },
    clients: withRedirectUris(input.clients?.map(clientFrom) ?? base.clients, input.redirectUris ?? {}),
    corsOrigins: input.corsOrigins ?? base.corsOrigins,
    faults: input.faults ?? base.faults,
    users: input.users?.map((u) => user(u.login, u.firstName ?? u.login.split('@')[0] ?? u.login, u)) ?? base.users,
  };
}

function clientFrom(input: ClientInput): ClientConfig {
  if ('redirectOrigins' in input) {
    throw new Error(
      `Client ${input.clientId}: "redirectOrigins" was replaced by "redirectUris", the exact URIs the app registers, as Okta matches them.`,
    );
  }
  if (!Array.isArray(input.redirectUris)) throw new Error(`Client ${input.clientId}: "redirectUris" must be a list.`);
  for (const uri of [...input.redirectUris, ...(input.postLogoutRedirectUris ?? [])]) {
    const problem = redirectUriProblem(uri);
    if (problem) throw new Error(`Client ${input.clientId}: ${problem}`);
  }
  return {
    clientId: input.clientId,
    redirectUris: [...input.redirectUris],
    postLogoutRedirectUris: [...(input.postLogoutRedirectUris ?? [])],
    ...(input.clientSecret ? { clientSecret: input.clientSecret } : {}),
  };
}

function withRedirectUris(clients: ClientConfig[], extra: Record<string, string[]>): ClientConfig[] {
  for (const [clientId, uris] of Object.entries(extra)) {
    const client = clients.find((c) => c.clientId === clientId);
    if (!client) throw new Error(`redirectUris: no client ${clientId}.`);
    addRedirectUris(client, uris);
  }
  return clients;
}

/** What is wrong with a URI an app wants to register, as Okta's admin console would refuse it; undefined if nothing. */
export function redirectUriProblem(uri: unknown): string | undefined {
  if (typeof uri !== 'string') return `a redirect URI must be a string, not ${JSON.stringify(uri)}.`;
  try {
    const url = new URL(uri);
    if (url.hash) return `a redirect URI cannot have a fragment: ${uri}`;
    if (uri.includes('*')) return `wildcards are not allowed in a redirect URI here: ${uri}`;
    return undefined;
  } catch {
    return `not an absolute URI: ${uri}`;
  }
}

/** Registers sign-in redirect URIs with a client (each once); throws on a URI Okta would refuse. */
export function addRedirectUris(client: ClientConfig, uris: unknown[]): void {
  for (const uri of uris) {
    const problem = redirectUriProblem(uri);
    if (problem) throw new Error(problem);
  }
  client.redirectUris = [...new Set([...client.redirectUris, ...(uris as string[])])];
}

export function readConfigFile(path: string): ConfigInput {
  return JSON.parse(readFileSync(path, 'utf8')) as ConfigInput;
}

/** `http://localhost:*` matches any port on that host; other patterns match exactly. */
export function originMatches(origin: string, patterns: string[]): boolean {
  return patterns.some((pattern) => {
    if (!pattern.endsWith(':*')) return pattern === origin;
    const prefix = pattern.slice(0, -1);
    return origin.startsWith(prefix) && /^\d+$/.test(origin.slice(prefix.length));
  });
}
