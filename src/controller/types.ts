import type { IdxStatus, IdxTransaction, Tokens } from '@okta/okta-auth-js';

/**
 * The part of `OktaAuth` the controller uses. A real `OktaAuth` (configured in step or legacy mode)
 * satisfies it, and so does a small fake in the tests.
 */
export interface OvAuthClient {
  idx: Pick<OktaAuthIdx, 'start' | 'proceed' | 'cancel' | 'canProceed'>;
  tokenManager: { setTokens(tokens: Tokens): void };
  /** Whether a saved sign-in may be resumed, known before the first step (server mode's `GET session`). */
  mayResume?(): Promise<boolean>;
}
type OktaAuthIdx = import('@okta/okta-auth-js').IdxAPI;

/** The transaction fields the snapshot is built from (never the mode-dependent `nextStep`). */
export type OvTransaction = Pick<
  IdxTransaction,
  'neededToProceed' | 'context' | 'actions' | 'messages' | 'tokens' | 'requestDidSucceed' | 'rawIdxState'
> &
  Partial<Pick<IdxTransaction, 'nextStep' | 'interactionCode'>> & {
    /**
     * `IdxStatus` by value: the server-mode build compares statuses without importing okta-auth-js,
     * whose enum is a run-time object.
     */
    status: `${IdxStatus}`;
  };

export interface OvMessage {
  /** As Okta sent it; may be empty when Okta sent only `key` (the widget words it then). */
  readonly text: string;
  /** Okta's i18n key: known keys are shown translated (src/i18n/server-text.ts). */
  readonly key?: string;
  readonly level: 'error' | 'info';
  /** Links Okta sent with it (help, download, settings pages); only `http:` and `https:` ones are kept. */
  readonly links?: readonly OvLink[];
}

export interface OvLink {
  /** An absolute `http:` or `https:` URL. */
  readonly href: string;
  /** Okta's label for it, when it sent one. */
  readonly label?: string;
}

/** A field the user fills in. `name` is what `controller.submit()` expects (`username`, `password`, `verificationCode`, `email`, `phoneNumber`). */
export interface OvInput {
  readonly name: string;
  readonly label: string;
  readonly required: boolean;
  readonly secret: boolean;
  readonly messages: readonly OvMessage[];
  /**
   * A one-time code of exactly this many digits (Okta Verify and Google Authenticator TOTP): digits
   * only, sent by itself once complete. Absent: free text (temporary access codes, email codes).
   */
  readonly digits?: number;
}

/** One choice of a picker step; `values` is what `controller.choose()` sends for it. */
export interface OvOption {
  readonly label: string;
  readonly value: string;
  readonly authenticatorKey?: string;
  /** e.g. the device name or masked phone number of an enrolment. */
  readonly detail?: string;
  /**
   * The method this choice verifies with (Okta's `methodType`: `push`, `totp`, `signed_nonce`, `email`,
   * `sms`, `voice`, …), when it names one: the elements word known methods in their own language.
   */
  readonly method?: string;
  /** Where `label` names a method of an authenticator: the authenticator's own name ("Okta Verify"). */
  readonly authenticatorLabel?: string;
  /** The enrolment's device name, masked phone number or email, where Okta gives one. */
  readonly profile?: string;
  readonly values: Readonly<Record<string, unknown>>;
}

/**
 * An Okta FastPass challenge (`contextualData.challenge` of a `signed_nonce` poll, or
 * `authenticatorChallenge` of `device-challenge-poll`): how the page reaches Okta Verify on this
 * device. Nothing is pushed to a phone.
 */
export interface OvDeviceChallenge {
  /**
   * `LOOPBACK`, `CUSTOM_URI`, `UNIVERSAL_LINK` or `APP_LINK`; `APPLE_SSO_EXTENSION`: the OS's SSO
   * extension answers the request the widget sends by itself (no `href`), or, with `href`, a page
   * to go to that it answers.
   */
  readonly method: string;
  /** LOOPBACK: `http://localhost` and the ports Okta Verify may listen on. */
  readonly domain?: string;
  readonly ports?: readonly string[];
  readonly probeTimeoutMillis?: number;
  readonly challengeRequest?: string;
  /** CUSTOM_URI, UNIVERSAL_LINK, APP_LINK: what opens Okta Verify; APPLE_SSO_EXTENSION: the page to go to. */
  readonly href?: string;
  /** CUSTOM_URI: where to get Okta Verify. */
  readonly downloadHref?: string;
}

export interface OvAuthenticator {
  readonly key: string;
  readonly id: string;
  readonly type: string;
  readonly displayName: string;
  readonly methods: readonly string[];
  readonly qrcode?: { readonly href: string; readonly type: string };
  readonly correctAnswer?: string;
  readonly selectedChannel?: string;
  readonly email?: string;
  readonly phoneNumber?: string;
  /** Okta FastPass: how to reach Okta Verify on this device. */
  readonly challenge?: OvDeviceChallenge;
  /** Same-device enrolment: the sign-in URL to enter in Okta Verify, where to get it, the platform. */
  readonly sameDevice?: { readonly orgUrl?: string; readonly downloadHref?: string; readonly platform?: string };
  /** Device-bootstrap enrolment: the user's devices that already have Okta Verify. */
  readonly enrolledDevices?: readonly string[];
  /** Enrolment completed by an app on this device (an NFC PIN's `setupNfcUrl`), not by a QR code. */
  readonly setupHref?: string;
}

/** Names the snapshot uses besides Okta's remediation names (as `name` and as `screen`). */
export const OutcomeStep = {
  SUCCESS: 'success',
  TERMINAL: 'terminal',
  UNSUPPORTED: 'unsupported',
} as const;

/**
 * What is on screen, in the widget's words rather than Okta's: one element renders each screen
 * (see `<ov-signin>`'s screen map), and a new screen starts here.
 */
export type OvScreen =
  /** Username, and the password when the form asks for both (`identify`). */
  | 'sign-in'
  | 'password'
  /** A one-time code (Okta Verify TOTP or another code authenticator). */
  | 'code'
  /** Which authenticator to set up. */
  | 'enroll-picker'
  /** Which authenticator (and method) to verify with. */
  | 'verify-picker'
  /** Push or code, for the authenticator already chosen. */
  | 'method-picker'
  | 'enroll-qr'
  /** "Can't scan?": an activation link by email or SMS. */
  | 'enroll-channel'
  /** The email address or phone number the link goes to. */
  | 'enroll-address'
  /** "Check your email / SMS" while Okta waits for the link to be opened. */
  | 'link-sent'
  | 'push'
  /** Push with number challenge. */
  | 'number'
  /** The push was rejected or timed out and can be sent again. */
  | 'resend-push'
  /** Okta Verify's only method is push: "Send push" (and "Send push automatically" where offered). */
  | 'send-push'
  /** Okta FastPass: Okta Verify on this device answers (loopback, custom URI or link); no push. */
  | 'fastpass'
  /** Set Okta Verify up on this device (enroll-poll, `samedevice`). */
  | 'enroll-same-device'
  /** Add the account from a device that already has Okta Verify (enroll-poll, `devicebootstrap`). */
  | 'enroll-bootstrap'
  /** Set another authenticator up in an app on this device (enroll-poll with a setup link, no QR). */
  | 'enroll-on-device'
  /** The device fails Okta's device assurance but is in its grace period: what to fix, and Continue. */
  | 'grace-period'
  | (typeof OutcomeStep)[keyof typeof OutcomeStep];

/**
 * One immutable snapshot of a sign-in step: everything an element needs to render it and nothing
 * that depends on how okta-auth-js was configured.
 */
export interface OvStep {
  /** Okta's remediation name (`identify`, `challenge-poll`, …) or an OutcomeStep. */
  readonly name: string;
  /** What the widget shows for it; what elements render from. */
  readonly screen: OvScreen;
  /** For `unsupported`: the remediation name the widget does not handle. */
  readonly remediation?: string;
  readonly inputs: readonly OvInput[];
  readonly options: readonly OvOption[];
  /** `qrcode` is left out when its source is not a PNG or GIF data URI (then `qrRefused` is set). */
  readonly authenticator?: OvAuthenticator;
  /** The server sent a QR code this widget will not show (not a PNG or GIF data URI). */
  readonly qrRefused?: boolean;
  /** Form-level messages; field messages sit on their input. */
  readonly messages: readonly OvMessage[];
  /** Present only on a step the controller polls. */
  readonly poll?: { readonly refresh: number };
  /** What the user may do on this screen; each is a controller method of the same name. */
  readonly can: {
    /** Send the push, code or activation link again. */
    readonly resend: boolean;
    readonly cancel: boolean;
    /** "Verify with something else": the authenticator picker. */
    readonly chooseOther: boolean;
    /** "Set up later". */
    readonly skip: boolean;
    /** "Can't scan?": an activation link instead of the QR code. */
    readonly changeChannel: boolean;
    /** From the activation-link screens back to the QR code. */
    readonly backToQr: boolean;
    /** "Sign in with Okta FastPass" (Okta offers `launch-authenticator`). */
    readonly launchFastPass: boolean;
    /** "Forgot password?" (Okta offers the password's `recover` action). */
    readonly recover: boolean;
  };
  /**
   * The identify form offers `rememberMe` ("Keep me signed in"): its value as Okta sent it. Absent
   * when the form has no such field. Sent back as `rememberMe` with `controller.submit()`.
   */
  readonly rememberMe?: boolean;
  /**
   * The push-only method choice has Okta's `autoChallenge` field ("Send push automatically"): its
   * value as Okta sent it (true: the user asked for it before, and the controller sends the push by
   * itself, once). Absent when the form has no such field.
   */
  readonly autoChallenge?: boolean;
  /**
   * Okta says the push was not approved (`resend-push` with Okta's rejection message). `push`: a
   * plain push, denied on the phone. `number-challenge`: the push asked for a number to tap, and Okta
   * answers a wrong number tapped exactly as a denial, so the widget can only say it was one or the
   * other (the elements word it so, mismatch first). Absent on any other screen.
   */
  readonly rejectedPush?: 'push' | 'number-challenge';
  /** Other remediations of the same server response the user may switch to without a request. */
  readonly alternatives: readonly string[];
  readonly identifier?: string;
  /**
   * `success` without an interaction code: where Okta sends the user to finish (its `success.href`
   * or a `success-redirect` step); an `http:` or `https:` URL.
   */
  readonly redirect?: string;
}

export const ProblemCode = {
  NETWORK: 'network',
  RATE_LIMITED: 'rate-limited',
  EXPIRED: 'expired',
  UNEXPECTED: 'unexpected',
  /** Okta refused the request with an OAuth error (e.g. `unauthorized_client`); `messages` hold its description. */
  REFUSED: 'refused',
  INVALID_INPUT: 'invalid-input',
  CONFIG: 'config',
  TOKENS: 'tokens',
  QR_REFUSED: 'qr-refused',
  /** `endpoint` is on another origin than the page's, and the page did not allow it: nothing was sent. */
  CROSS_ORIGIN_ENDPOINT: 'cross-origin-endpoint',
} as const;
export type ProblemCode = (typeof ProblemCode)[keyof typeof ProblemCode];

/** Why the sign-in on screen began anew, or took another way, worded by `<ov-signin>`. */
export const NoticeCode = {
  /** The previous sign-in expired on the server. */
  EXPIRED: 'expired',
  /**
   * Okta Verify did not answer on any loopback port (not running, or the browser blocked a
   * `http://localhost` request from an `https` page): Okta offered to open it instead.
   */
  FASTPASS_UNREACHABLE: 'fastpass-unreachable',
  /** The push, code or activation link was sent again, as the user asked (shown in the screen's status line). */
  RESENT: 'resent',
} as const;
export type NoticeCode = (typeof NoticeCode)[keyof typeof NoticeCode];

/** A recoverable problem: shown on screen (worded from `code` by the element) and sent as `ov-error`. */
export interface OvProblem {
  readonly code: ProblemCode;
  /** What the code means, in English, for developers and logs; never shown on screen. */
  readonly message: string;
  /** `retry()` repeats the failed request with the same values. */
  readonly canRetry: boolean;
  /** The controller keeps trying by itself (a poll failed, the next one is scheduled). */
  readonly transient?: boolean;
  /** Server messages, when the server refused what was sent. */
  readonly messages?: readonly OvMessage[];
}

/** What the controller exposes; replaced (never mutated) on every change. */
export interface OvFlowState {
  readonly step?: OvStep;
  /** A request the user started is in flight (polls do not count). */
  readonly busy: boolean;
  readonly problem?: OvProblem;
  readonly polling: boolean;
  /** Why this sign-in began anew (the previous one expired); cleared by the user's next request. */
  readonly notice?: NoticeCode;
  /**
   * Who is signing in: Okta's `user.value.identifier`, else the username typed on the identify form.
   * Shown under each screen's title after the first, and filled in again after "Back to sign in";
   * forgotten by `useAnotherAccount()`.
   */
  readonly username?: string;
  /**
   * The step on show is the sign-in form shown before Okta answered the start of a new sign-in
   * (PROVISIONAL_SIGN_IN): it may be typed in, and a submit is held (`busy`) until Okta's first
   * step is known, then sent if that step is identify and asks nothing more than was given.
   */
  readonly provisional?: boolean;
}
