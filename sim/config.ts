import { readFileSync } from 'node:fs';
import { ruleProblem, type FaultRule } from './faults/rules.ts';

/** `signed_nonce` is Okta FastPass: Okta Verify on the computer signing in answers for the user. */
export type OktaVerifyMethod = 'push' | 'totp' | 'signed_nonce';

/** How Okta asks Okta Verify on the user's computer to answer a FastPass challenge. */
export type FastPassMethod = 'LOOPBACK' | 'CUSTOM_URI' | 'UNIVERSAL_LINK' | 'APP_LINK';

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
}

export interface ClientConfig {
  clientId: string;
  /** Origins (scheme://host:port, `*` as port matches any) the redirect URI may use. */
  redirectOrigins: string[];
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
  /** Lifetime of issued tokens. */
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
}

export interface SimConfig {
  settings: SimSettings;
  clients: ClientConfig[];
  /** Origins (same pattern syntax as redirectOrigins) allowed to call the org from a browser. */
  corsOrigins: string[];
  users: UserConfig[];
  /** Faults injected from the start (see sim/faults/rules.ts); the control API can change them. */
  faults: FaultRule[];
}

export const DEMO_PASSWORD = 'Ov-Demo-2026!';
export const DEMO_CLIENT_ID = 'ov-demo';

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
    },
    faults: [],
    clients: [{ clientId: DEMO_CLIENT_ID, redirectOrigins: LOCAL_ORIGINS }],
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
    ],
  };
}

/** Short lifetimes and fast polls, so tests of timeouts take seconds. */
export const TESTING_SETTINGS: Partial<SimSettings> = {
  enrollPollRefreshMs: 300,
  challengePollRefreshMs: 300,
  pushLifetimeMs: 3000,
  enrollmentLifetimeMs: 60_000,
  transactionLifetimeMs: 60_000,
};

export interface ConfigInput {
  settings?: Partial<SimSettings>;
  clients?: ClientConfig[];
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
    clients: input.clients ?? base.clients,
    corsOrigins: input.corsOrigins ?? base.corsOrigins,
    faults: input.faults ?? base.faults,
    users: input.users?.map((u) => user(u.login, u.firstName ?? u.login.split('@')[0] ?? u.login, u)) ?? base.users,
  };
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
