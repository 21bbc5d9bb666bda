import type { IdxAuthenticator, IdxMessage, IdxRemediation } from '@okta/okta-auth-js';
import { MalformedResponseError } from '../errors.js';
import { OutcomeStep } from './types.js';
import type {
  OvAuthenticator,
  OvDeviceChallenge,
  OvInput,
  OvLink,
  OvMessage,
  OvOption,
  OvScreen,
  OvStep,
  OvTransaction,
} from './types.js';

type Field = NonNullable<IdxRemediation['value']>[number];

/** Polling interval when a poll remediation carries no `refresh` (what Okta's own widget assumes). */
export const DEFAULT_POLL_REFRESH = 4000;

/** Okta's way to end a sign-in without an interaction code: a page to send the user to. */
const SUCCESS_REDIRECT = 'success-redirect';

/** Remediations this widget shows as a screen (screenOf() names which; any other is `unsupported`). */
const SCREEN_REMEDIATIONS = [
  'identify',
  'challenge-authenticator',
  'select-authenticator-enroll',
  'select-authenticator-authenticate',
  'authenticator-verification-data',
  'select-enrollment-channel',
  'enrollment-channel-data',
  'enroll-poll',
  'challenge-poll',
  'device-challenge-poll',
  'resend',
  'device-assurance-grace-period',
  'device-apple-sso-extension',
  'cancel-transaction',
] as const;

/**
 * Remediations that are never a screen of their own: they are offered as intents (skip), or are
 * Okta features this widget leaves out (self-registration, unlock, device probing).
 */
const NOT_A_SCREEN: ReadonlySet<string> = new Set([
  'skip',
  'select-enroll-profile',
  'unlock-account',
  'launch-authenticator',
  'redirect-idp',
  SUCCESS_REDIRECT,
]);

/**
 * Every IDX remediation name the snapshot knows. Only the controller and the snapshot speak them;
 * a test checks that no element does (test/package/screen-boundary.test.ts).
 */
export const KNOWN_REMEDIATIONS: readonly string[] = [...SCREEN_REMEDIATIONS, ...NOT_A_SCREEN];

const SELECT_OTHER: readonly string[] = ['select-authenticator-authenticate', 'select-authenticator-enroll'];
const CHANNEL_CHOICE = 'select-enrollment-channel';
const QR_POLL = 'enroll-poll';
const DEVICE_CHALLENGE_POLL = 'device-challenge-poll';
const LAUNCH_FASTPASS = 'launch-authenticator';
/**
 * FastPass on a managed Apple device: the page sends the form (POST) and the OS's SSO extension
 * answers for Okta Verify; `cancel-transaction` follows a failed attempt. Okta's widget sends
 * either at once; a GET one is a page to go to.
 */
const SSO_EXTENSION: readonly string[] = ['device-apple-sso-extension', 'cancel-transaction'];
const POLLED: readonly string[] = [QR_POLL, 'challenge-poll', DEVICE_CHALLENGE_POLL];
/** The actions okta-auth-js makes of the `cancel` form of a FastPass poll (fixtures 60, 62). */
const FASTPASS_CANCEL: readonly string[] = ['currentAuthenticator-cancel', 'authenticatorChallenge-cancel'];
/** The password's "forgot password" action, as okta-auth-js names it (identify, password challenge). */
const RECOVER: readonly string[] = ['currentAuthenticator-recover', 'currentAuthenticatorEnrollment-recover'];

/** The only QR sources shown: an inline PNG or GIF. Anything else (a URL, SVG, HTML) is dropped. */
const SAFE_QR = /^data:image\/(png|gif);base64,[A-Za-z0-9+/]+={0,2}$/;

export function isSafeQrSource(href: string): boolean {
  return SAFE_QR.test(href);
}

/**
 * How the controller carries out an intent: show another remediation of the same response
 * (no request), or send one.
 */
export type OvMove = { readonly show: string } | { readonly send: OvSend };

/** An action by name, or with the values okta-auth-js sends with it (`{ name, params }`). */
export type OvAction = string | { readonly name: string; readonly params: Readonly<Record<string, string>> };

/** A request: a remediation with values, or an action (`currentAuthenticator-resend`). */
export interface OvSend {
  readonly step?: string;
  readonly actions?: readonly OvAction[];
  readonly values?: Readonly<Record<string, unknown>>;
}

/** What the controller needs to act on a screen; kept beside the snapshot, out of the elements' sight. */
export interface OvRoute {
  /** The remediation the screen's form answers and, on a polling screen, the one polled. */
  readonly remediation?: string;
  readonly moves: Readonly<Partial<Record<OvMovingIntent, OvMove>>>;
  /** FastPass: the action that cancels the poll, sent with a `reason` (another way, Okta Verify unreachable). */
  readonly fastPassCancel?: string;
  /** Apple's SSO extension: the remediation is sent as soon as it is shown (the controller sends it once). */
  readonly sendAtOnce?: boolean;
}

/** The intents of `OvStep.can` that the route carries out (cancel is `idx.cancel()`). */
export type OvMovingIntent = Exclude<keyof OvStep['can'], 'cancel'>;

const routes = new WeakMap<OvStep, OvRoute>();

/** The route of a snapshot made by toSnapshot() (none for a snapshot made elsewhere). */
export function routeOf(step: OvStep): OvRoute {
  return routes.get(step) ?? { moves: {} };
}

/**
 * Builds the snapshot of a transaction from `neededToProceed` and `context`, which look the same
 * whatever mode okta-auth-js runs in (unlike `nextStep`, whose shape differs between legacy and
 * step mode). `show` picks another remediation of the same response (e.g. "Can't scan?" →
 * select-enrollment-channel).
 */
export function toSnapshot(tx: OvTransaction, show?: string): OvStep {
  switch (tx.status) {
    case 'SUCCESS':
      return outcome(OutcomeStep.SUCCESS, tx, [], successRedirect(tx));
    case 'TERMINAL':
    case 'FAILURE': {
      // okta-auth-js calls a `success` without an interaction code TERMINAL: Okta finished the
      // sign-in (e.g. an enrolment completed on the device) and sends the user to its own page.
      const redirect = successRedirect(tx);
      if (redirect) return outcome(OutcomeStep.SUCCESS, tx, toMessages(tx.messages), redirect);
      return outcome(OutcomeStep.TERMINAL, tx, toMessages(tx.messages));
    }
    case 'CANCELED':
    case 'PENDING':
      break;
    default:
      throw new MalformedResponseError(`unknown status ${String(tx.status)}`);
  }
  const remediations = (Array.isArray(tx.neededToProceed) ? tx.neededToProceed : []).filter(
    (r) => r && typeof r.name === 'string',
  );
  const redirect = remediations.find((r) => r.name === SUCCESS_REDIRECT);
  if (redirect) return outcome(OutcomeStep.SUCCESS, tx, toMessages(tx.messages), safeHref(redirect.href));
  const screens = remediations.filter((r) => !NOT_A_SCREEN.has(r.name));
  // Only remediations that are no screen: "Sign in with Okta FastPass" alone when Okta offers it
  // (as Okta's widget does), else the first shown as unsupported, with Okta's messages.
  const remediation =
    (show && screens.find((r) => r.name === show)) ||
    screens[0] ||
    remediations.find((r) => r.name === LAUNCH_FASTPASS) ||
    remediations[0];
  if (!remediation) throw new MalformedResponseError('a pending transaction without a remediation');

  const names = remediations.map((r) => r.name);
  const alternatives = screens.map((r) => r.name).filter((n) => n !== remediation.name);
  const ssoExtension = SSO_EXTENSION.includes(remediation.name);
  const authenticator = ssoExtension
    ? ssoExtensionAuthenticator(remediation)
    : (readAuthenticator(remediation, tx) ?? chosenAuthenticator(remediation));
  const qrcode = authenticator?.qrcode;
  const qrRefused = qrcode !== undefined && !isSafeQrSource(qrcode.href);
  const shownAuthenticator = authenticator && qrRefused ? withoutQr(authenticator) : authenticator;
  const inputs = withPasswordRefusal(readInputs(remediation, authenticator), toMessages(tx.messages));
  const fieldTexts = new Set(inputs.flatMap((i) => i.messages.map(messageId)));
  // okta-auth-js lifts field messages into `transaction.messages` too; keep each in one place only.
  const messages = toMessages(tx.messages).filter((m) => !fieldTexts.has(messageId(m)));
  const options = readOptions(remediation, authenticator);
  const screen =
    remediation.name === LAUNCH_FASTPASS
      ? 'sign-in'
      : NOT_A_SCREEN.has(remediation.name) || (ssoExtension && !authenticator)
        ? OutcomeStep.UNSUPPORTED
        : onlyPush(screenOf(remediation.name, authenticator), options);
  const rejectedPush = screen === 'resend-push' ? pushRejection(messages, authenticator) : undefined;
  const rememberMe = booleanField(remediation, 'rememberMe');
  const autoChallenge = screen === 'send-push' ? booleanField(remediation, 'autoChallenge') : undefined;
  const fastPassCancel =
    screen === 'fastpass' ? FASTPASS_CANCEL.find((a) => Object.keys(tx.actions ?? {}).includes(a)) : undefined;
  const moves = readMoves(tx, remediation.name, names, alternatives, screen, fastPassCancel);

  const step = freeze({
    name: screen === OutcomeStep.UNSUPPORTED ? OutcomeStep.UNSUPPORTED : remediation.name,
    screen,
    ...(screen === OutcomeStep.UNSUPPORTED && { remediation: remediation.name }),
    inputs,
    options,
    ...(rememberMe !== undefined && { rememberMe }),
    ...(autoChallenge !== undefined && { autoChallenge }),
    ...(rejectedPush && { rejectedPush }),
    ...(shownAuthenticator && { authenticator: shownAuthenticator }),
    ...(qrRefused && { qrRefused }),
    messages,
    ...(POLLED.includes(remediation.name)
      ? { poll: { refresh: positiveNumber(remediation.refresh) ?? DEFAULT_POLL_REFRESH } }
      : {}),
    can: {
      resend: moves.resend !== undefined,
      cancel: Object.keys(tx.actions ?? {}).includes('cancel'),
      chooseOther: moves.chooseOther !== undefined,
      skip: moves.skip !== undefined,
      changeChannel: moves.changeChannel !== undefined,
      backToQr: moves.backToQr !== undefined,
      launchFastPass: moves.launchFastPass !== undefined,
      recover: moves.recover !== undefined,
    },
    alternatives,
    ...identifier(tx),
  });
  const sendAtOnce = ssoExtension && authenticator?.challenge?.href === undefined;
  routes.set(
    step,
    freeze({
      remediation: remediation.name,
      moves,
      ...(fastPassCancel && { fastPassCancel }),
      ...(sendAtOnce && { sendAtOnce }),
    }),
  );
  return step;
}

/**
 * The same snapshot, its rejection known to end a number challenge: the controller saw the number
 * screen just before, which Okta's rejection need not repeat.
 */
export function asNumberChallengeRejection(step: OvStep): OvStep {
  if (step.rejectedPush !== 'push') return step;
  const marked = freeze({ ...step, rejectedPush: 'number-challenge' as const });
  routes.set(marked, routeOf(step));
  return marked;
}

/** The screen a remediation is shown as; `authenticator` tells apart screens that share one. */
function screenOf(remediation: string, authenticator: OvAuthenticator | undefined): OvScreen {
  switch (remediation) {
    case 'identify':
      return 'sign-in';
    case 'challenge-authenticator':
      return isPassword(authenticator) ? 'password' : 'code';
    case 'select-authenticator-enroll':
      return 'enroll-picker';
    case 'select-authenticator-authenticate':
      return 'verify-picker';
    case 'authenticator-verification-data':
      return 'method-picker';
    case CHANNEL_CHOICE:
      return 'enroll-channel';
    case 'enrollment-channel-data':
      return 'enroll-address';
    case QR_POLL:
      switch (authenticator?.selectedChannel) {
        case 'samedevice':
          return 'enroll-same-device';
        case 'devicebootstrap':
          return 'enroll-bootstrap';
        default:
          if (isLinkChannel(authenticator?.selectedChannel)) return 'link-sent';
          return !authenticator?.qrcode && authenticator?.setupHref ? 'enroll-on-device' : 'enroll-qr';
      }
    case 'challenge-poll':
      // Okta Verify's signed_nonce (FastPass) polls too, but nothing was pushed.
      if (authenticator?.challenge) return 'fastpass';
      return authenticator?.correctAnswer !== undefined ? 'number' : 'push';
    case DEVICE_CHALLENGE_POLL:
    case 'device-apple-sso-extension':
    case 'cancel-transaction':
      return 'fastpass';
    case 'resend':
      return 'resend-push';
    case 'device-assurance-grace-period':
      return 'grace-period';
    default:
      return OutcomeStep.UNSUPPORTED;
  }
}

/**
 * Okta Verify's only method is push (a method choice, or an authenticator choice, with one push
 * option): "Send push", as Okta's widget shows it, rather than a list of one.
 */
function onlyPush(screen: OvScreen, options: readonly OvOption[]): OvScreen {
  const [only, ...more] = options;
  const picker = screen === 'method-picker' || screen === 'verify-picker';
  return picker && only?.method === 'push' && more.length === 0 ? 'send-push' : screen;
}

/** Okta's message when the push was not approved (fixture 27): a denial and a wrong number tapped alike. */
const PUSH_REJECTED = 'api.authn.poll.error.push_rejected';

/**
 * Whether Okta's rejection ends a push that asked for a number (its `correctAnswer` is still in the
 * context); the controller also knows it from the number screen shown before.
 */
function pushRejection(
  messages: readonly OvMessage[],
  authenticator: OvAuthenticator | undefined,
): OvStep['rejectedPush'] {
  if (!messages.some((m) => m.key === PUSH_REJECTED)) return undefined;
  return authenticator?.correctAnswer !== undefined ? 'number-challenge' : 'push';
}

/** Okta's keys for a refused password (fixtures 14, 15): the password field is what was wrong. */
const PASSWORD_REFUSED: ReadonlySet<string> = new Set(['incorrectPassword', 'errors.E0000004']);

/**
 * Okta sends a refused password as a message of the whole form; it belongs to the password field,
 * where it describes the field (`aria-describedby`) that is cleared and focused.
 */
function withPasswordRefusal(inputs: OvInput[], messages: readonly OvMessage[]): OvInput[] {
  const refusals = messages.filter((m) => m.level === 'error' && PASSWORD_REFUSED.has(m.key ?? ''));
  const password = inputs.find((i) => i.name === 'password');
  if (refusals.length === 0 || !password || password.messages.length > 0) return inputs;
  return inputs.map((i) => (i === password ? { ...i, messages: refusals } : i));
}

/** A boolean field of the form (also inside its `authenticator` object): its value, or undefined without the field. */
function booleanField(remediation: IdxRemediation, name: string): boolean | undefined {
  const fields = (remediation.value ?? []).flatMap((f) => [f, ...subFields(f)]);
  const field = fields.find((f) => f.name === name && f.type === 'boolean');
  return field ? (field.value as unknown) === true : undefined;
}

/** Recorded password challenges sometimes omit the authenticator's `key`; its `type` still says so. */
function isPassword(authenticator: OvAuthenticator | undefined): boolean {
  return authenticator?.key === 'okta_password' || (!authenticator?.key && authenticator?.type === 'password');
}

function isLinkChannel(channel: string | undefined): boolean {
  return channel === 'email' || channel === 'sms';
}

/** Which remediation (or action) carries out each intent the screen offers. */
function readMoves(
  tx: OvTransaction,
  current: string,
  names: readonly string[],
  alternatives: readonly string[],
  screen: OvScreen,
  fastPassCancel: string | undefined,
): Partial<Record<OvMovingIntent, OvMove>> {
  const moves: Partial<Record<OvMovingIntent, OvMove>> = {};
  if (names.includes(LAUNCH_FASTPASS)) moves.launchFastPass = { send: { step: LAUNCH_FASTPASS } };
  const resendAction = Object.keys(tx.actions ?? {}).find((a) => a.endsWith('-resend'));
  if (resendAction) moves.resend = { send: { actions: [resendAction] } };
  else if (names.includes('resend')) moves.resend = { send: { step: 'resend' } };
  const other = alternatives.find((n) => SELECT_OTHER.includes(n));
  if (fastPassCancel) {
    // Okta waits for Okta Verify until told otherwise: cancel the poll, saying why (as Okta's widget does).
    moves.chooseOther = { send: { actions: [{ name: fastPassCancel, params: { reason: 'USER_CANCELED' } }] } };
  } else if (other) moves.chooseOther = { show: other };
  if (names.includes('skip')) moves.skip = { send: { step: 'skip' } };
  const recover = RECOVER.find((a) => Object.keys(tx.actions ?? {}).includes(a));
  if (recover && (screen === 'sign-in' || screen === 'password')) moves.recover = { send: { actions: [recover] } };
  if (current !== CHANNEL_CHOICE && names.includes(CHANNEL_CHOICE)) moves.changeChannel = { show: CHANNEL_CHOICE };
  // Back to the QR from the link screens: the QR poll of this response when it has one, else ask
  // the channel choice for the QR channel.
  if (screen === 'enroll-channel' || screen === 'enroll-address' || screen === 'link-sent') {
    if (alternatives.includes(QR_POLL)) moves.backToQr = { show: QR_POLL };
    else if (alternatives.includes(CHANNEL_CHOICE))
      moves.backToQr = { send: { step: CHANNEL_CHOICE, values: { channel: 'qrcode' } } };
  }
  return moves;
}

function withoutQr(authenticator: OvAuthenticator): OvAuthenticator {
  const rest = { ...authenticator };
  delete rest.qrcode;
  return rest;
}

/** A step that offers none of the intents. */
const CAN_NOTHING: OvStep['can'] = freeze({
  resend: false,
  cancel: false,
  chooseOther: false,
  skip: false,
  changeChannel: false,
  backToQr: false,
  launchFastPass: false,
  recover: false,
});

/**
 * The sign-in form shown before Okta has answered the start of a new sign-in (`state.provisional`):
 * the username alone, which Okta's identify form always asks; what else it asks (the password,
 * "Keep me signed in") appears with Okta's answer. It has no route: the controller holds a submit
 * until that answer.
 */
export const PROVISIONAL_SIGN_IN: OvStep = freeze({
  name: 'identify',
  screen: 'sign-in',
  inputs: [{ name: 'username', label: 'Username', required: true, secret: false, messages: [] }],
  options: [],
  messages: [],
  can: CAN_NOTHING,
  alternatives: [],
});

function outcome(
  screen: typeof OutcomeStep.SUCCESS | typeof OutcomeStep.TERMINAL,
  tx: OvTransaction,
  messages: OvMessage[],
  redirect?: string,
): OvStep {
  return freeze({
    ...(redirect && { redirect }),
    name: screen,
    screen,
    inputs: [],
    options: [],
    messages,
    can: CAN_NOTHING,
    alternatives: [],
    ...identifier(tx),
  });
}

/** Okta's `success.href` when it sent no interaction code to exchange (nothing else finishes the sign-in). */
function successRedirect(tx: OvTransaction): string | undefined {
  if (tx.interactionCode || tx.tokens) return undefined;
  const raw = tx.rawIdxState as { success?: { href?: unknown } } | undefined;
  return safeHref(raw?.success?.href);
}

/** An absolute `http:` or `https:` URL, else nothing: no `javascript:`, `data:` or relative link reaches a page. */
export function safeHref(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function identifier(tx: OvTransaction): { identifier?: string } {
  const id = tx.context?.user?.value?.identifier;
  return typeof id === 'string' ? { identifier: id } : {};
}

/**
 * The authenticator of a picker that offers only one (its option's `relatesTo`), so that a screen
 * standing in for the picker (send-push) can name it.
 */
function chosenAuthenticator(remediation: IdxRemediation): OvAuthenticator | undefined {
  if (remediation.name !== 'select-authenticator-authenticate') return undefined;
  const options = (remediation.value ?? []).find((f) => f.name === 'authenticator')?.options ?? [];
  const related = options.length === 1 ? options[0]?.relatesTo : undefined;
  if (!related || typeof related !== 'object') return undefined;
  const key = text(related.key) ?? '';
  return {
    key,
    id: text(related.id) ?? '',
    type: text(related.type) ?? '',
    displayName: text(related.displayName) ?? BRANDS[key] ?? '',
    methods: Array.isArray(related.methods) ? related.methods.map((m) => text(m?.type)).filter(isString) : [],
  };
}

function readAuthenticator(remediation: IdxRemediation, tx: OvTransaction): OvAuthenticator | undefined {
  if (remediation.name === DEVICE_CHALLENGE_POLL) return deviceChallengeAuthenticator(tx);
  // relatesTo is already expanded by okta-auth-js to `{ type, value: authenticator }`.
  const raw =
    remediation.relatesTo?.value ??
    tx.context?.currentAuthenticator?.value ??
    tx.context?.currentAuthenticatorEnrollment?.value;
  if (!raw || typeof raw !== 'object') return undefined;
  const data = (raw.contextualData ?? {}) as NonNullable<IdxAuthenticator['contextualData']> & {
    correctAnswer?: unknown;
    email?: unknown;
    phoneNumber?: unknown;
    challenge?: { value?: unknown };
    samedevice?: { orgUrl?: unknown; downloadHref?: unknown; platform?: unknown };
    devicebootstrap?: { enrolledDevices?: unknown };
    setupNfcUrl?: unknown;
  };
  const qr = data.qrcode;
  const challenge = readChallenge(data.challenge?.value);
  const same = data.samedevice;
  const enrolledDevices = data.devicebootstrap ? listOfText(data.devicebootstrap.enrolledDevices) : undefined;
  return {
    // Recorded password challenges sometimes omit `key` (okta-auth-js then expects `verificationCode`).
    key: text(raw.key) ?? '',
    id: text(raw.id) ?? '',
    type: text(raw.type) ?? '',
    displayName: text(raw.displayName) ?? BRANDS[text(raw.key) ?? ''] ?? '',
    methods: Array.isArray(raw.methods) ? raw.methods.map((m) => text(m?.type)).filter(isString) : [],
    ...defined({
      qrcode: qr && typeof qr.href === 'string' ? { href: qr.href, type: text(qr.type) ?? '' } : undefined,
      correctAnswer: text(data.correctAnswer),
      selectedChannel: text(data.selectedChannel),
      email: text(data.email),
      phoneNumber: text(data.phoneNumber),
      challenge,
      sameDevice:
        same && typeof same === 'object'
          ? defined({ orgUrl: text(same.orgUrl), downloadHref: text(same.downloadHref), platform: text(same.platform) })
          : undefined,
      enrolledDevices,
      setupHref: text(data.setupNfcUrl),
    }),
  };
}

/** `fields` without the ones that are undefined: a field Okta did not send is absent from the snapshot, not undefined. */
function defined<T extends object>(fields: T): T {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as T;
}

/**
 * `device-challenge-poll` (FastPass probing on the first screen, fixtures 60, 61) names no
 * authenticator: its `authenticatorChallenge` is the challenge, and the authenticator is Okta Verify.
 */
function deviceChallengeAuthenticator(tx: OvTransaction): OvAuthenticator | undefined {
  const context = tx.context as { authenticatorChallenge?: { value?: unknown } } | undefined;
  const challenge = readChallenge(context?.authenticatorChallenge?.value);
  return challenge && oktaVerifyWith(challenge);
}

/**
 * Okta Verify by Apple's SSO extension. Okta names the authenticator with the form but not with the
 * 401s after an attempt (its playground responses): Okta Verify either way. A GET form is a page to
 * go to (`href`); one that is not `http:` or `https:` leaves no way on (undefined).
 */
function ssoExtensionAuthenticator(remediation: IdxRemediation): OvAuthenticator | undefined {
  const get = remediation.method === 'GET';
  const href = get ? safeHref(remediation.href) : undefined;
  if (get && !href) return undefined;
  return oktaVerifyWith({ method: 'APPLE_SSO_EXTENSION', ...(href && { href }) });
}

/** Okta Verify answering a device challenge, where the response names no authenticator. */
function oktaVerifyWith(challenge: OvDeviceChallenge): OvAuthenticator {
  return { key: 'okta_verify', id: '', type: 'app', displayName: 'Okta Verify', methods: ['signed_nonce'], challenge };
}

function readChallenge(value: unknown): OvDeviceChallenge | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const c = value as Record<string, unknown>;
  const method = text(c.challengeMethod);
  if (!method) return undefined;
  return defined({
    method,
    domain: text(c.domain),
    ports: listOfText(c.ports),
    probeTimeoutMillis: positiveNumber(c.probeTimeoutMillis),
    challengeRequest: text(c.challengeRequest),
    href: text(c.href),
    downloadHref: text(c.downloadHref),
  });
}

/** A list of names or numbers, or one alone (Okta sends `enrolledDevices` as a string, fixture 67). */
function listOfText(value: unknown): string[] | undefined {
  const list = (Array.isArray(value) ? (value as unknown[]) : [value]).map(text).filter(isString);
  return list.length > 0 ? list : undefined;
}

/** Names of authenticators by key, for responses that leave `displayName` empty (product names, not translated). */
const BRANDS: Readonly<Record<string, string>> = {
  okta_verify: 'Okta Verify',
  google_otp: 'Google Authenticator',
};

/** Authenticators whose codes are TOTP digits of a fixed length (everything else may be free text). */
const DIGIT_CODES: Readonly<Record<string, number>> = { okta_verify: 6, google_otp: 6 };

/** Maps the server's field names to the names okta-auth-js accepts in `proceed()` for each step. */
function inputName(step: string, field: string, authenticator?: OvAuthenticator): string {
  if (step === 'identify' && field === 'identifier') return 'username';
  if (step === 'identify' && field === 'passcode') return 'password';
  if (field === 'passcode' && authenticator?.key === 'okta_password') return 'password';
  if (field === 'passcode' || field === 'totp' || field === 'otp') return 'verificationCode';
  return field;
}

function readInputs(remediation: IdxRemediation, authenticator?: OvAuthenticator): OvInput[] {
  if (!/^(identify|challenge-authenticator|enrollment-channel-data)$/.test(remediation.name)) return [];
  const fields = (remediation.value ?? []).flatMap((f) => (f.name === 'credentials' ? subFields(f) : [f]));
  return fields
    .filter((f) => f.visible !== false && f.mutable !== false && (f.type ?? 'string') === 'string')
    .map((f) => {
      const name = inputName(remediation.name, f.name, authenticator);
      const digits = name === 'verificationCode' ? DIGIT_CODES[authenticator?.key ?? ''] : undefined;
      return {
        name,
        label: text(f.label) ?? f.name,
        required: f.required === true,
        secret: f.secret === true,
        messages: toMessages(f.messages?.value),
        ...(digits && { digits }),
      };
    });
}

function readOptions(remediation: IdxRemediation, authenticator?: OvAuthenticator): OvOption[] {
  const field = (remediation.value ?? []).find((f) => f.name === 'authenticator');
  if (!field) return [];
  switch (remediation.name) {
    case 'select-authenticator-enroll':
    case 'select-authenticator-authenticate':
      return (field.options ?? []).flatMap((option, index) => {
        const form = Object.fromEntries(optionFields(option).map((f) => [f.name, f] as const));
        const id = text(form.id?.value);
        if (!id) throw new MalformedResponseError(`option ${index} of ${remediation.name} has no id`);
        const fixedMethod = form.methodType?.mutable === false ? text(form.methodType.value) : undefined;
        const enrollmentId = text(form.enrollmentId?.value);
        const related = option.relatesTo;
        // Never the id: Okta's label, else the authenticator's name; '' lets the element word it.
        const label = text(option.label) ?? text(related?.displayName) ?? BRANDS[text(related?.key) ?? ''] ?? '';
        const detail = profileDetail(related);
        const pick = (methodType?: string): OvOption['values'] => ({
          // An object with an `id` makes okta-auth-js send it as is (`{ authenticator: { id, methodType } }`);
          // a key would be matched against the options' `relatesTo.key` instead.
          authenticator: { id, ...(methodType && { methodType }), ...(enrollmentId && { enrollmentId }) },
        });
        const methods = form.methodType && !fixedMethod ? choices(form.methodType, 'methodType') : [];
        if (remediation.name === 'select-authenticator-authenticate' && methods.length > 0) {
          // One choice per method ("Get a push notification — Okta Verify"), as Okta's own widget
          // lists them: the pick then names the method, saving the request of a method screen.
          return methods.map((method) => ({
            label: method.label || method.value,
            value: `${id}:${method.value}`,
            ...(text(related?.key) && { authenticatorKey: related?.key }),
            detail: detail ? `${label} · ${detail}` : label,
            method: method.value,
            authenticatorLabel: label,
            ...(detail && { profile: detail }),
            values: pick(method.value),
          }));
        }
        return [
          {
            label,
            value: id + (fixedMethod ? `:${fixedMethod}` : ''),
            ...(text(related?.key) && { authenticatorKey: related?.key }),
            ...(detail && { detail, profile: detail }),
            ...(fixedMethod && { method: fixedMethod }),
            values: pick(fixedMethod),
          },
        ];
      });
    case 'authenticator-verification-data':
      return choices(field, 'methodType').map((c) => ({
        ...c,
        method: c.value,
        ...(authenticator?.displayName && { authenticatorLabel: authenticator.displayName }),
        ...(authenticator?.key && { authenticatorKey: authenticator.key }),
        values: { methodType: c.value },
      }));
    case 'select-enrollment-channel':
      return choices(field, 'channel').map((c) => ({ ...c, values: { channel: c.value } }));
    default:
      return [];
  }
}

/** The options of `field`'s sub-field `name`, or of `field` itself when it is that field. */
function choices(field: Field, name: string): { label: string; value: string }[] {
  const sub = field.name === name && field.options ? field : subFields(field).find((f) => f.name === name);
  return (sub?.options ?? [])
    .map((o) => ({ label: text(o.label) ?? '', value: text(o.value) ?? '' }))
    .filter((o) => o.value !== '');
}

/** Object fields nest their form either as `form.value` or as `value.form.value` (both are seen in Okta's responses). */
function subFields(field: Field): Field[] {
  return field.form?.value ?? subFieldsOf(field.value);
}

/** An option's form: `value.form.value`, or `form.value` beside its label (Okta's SSO-extension responses). */
function optionFields(option: NonNullable<Field['options']>[number]): Field[] {
  const direct = (option as { form?: { value?: unknown } }).form?.value;
  return Array.isArray(direct) ? (direct as Field[]) : subFieldsOf(option.value);
}

function subFieldsOf(value: unknown): Field[] {
  const form = (value as { form?: { value?: unknown } } | undefined)?.form?.value;
  return Array.isArray(form) ? (form as Field[]) : [];
}

function profileDetail(authenticator?: IdxAuthenticator): string | undefined {
  const profile = authenticator?.profile;
  return text(profile?.deviceName) ?? text(profile?.phoneNumber) ?? text(profile?.email);
}

/**
 * Every message Okta sent, even one with only an i18n key (the element words it) or none at all;
 * links are kept when they are `http:` or `https:`.
 */
export function toMessages(list: readonly IdxMessage[] | undefined): OvMessage[] {
  // Array.isArray would type a readonly array as any[].
  const messages: readonly IdxMessage[] = Array.isArray(list) ? list : [];
  return messages
    .filter((m) => m && typeof m === 'object')
    .map((m) => {
      const links = readLinks((m as { links?: unknown }).links);
      return {
        text: typeof m.message === 'string' ? m.message.trim() : '',
        ...(typeof m.i18n?.key === 'string' && { key: m.i18n.key }),
        level: m.class === 'ERROR' ? ('error' as const) : ('info' as const),
        ...(links.length > 0 && { links }),
      };
    });
}

function readLinks(value: unknown): OvLink[] {
  if (!Array.isArray(value)) return [];
  return (value as unknown[]).flatMap((link) => {
    const { url, href, label } = (link ?? {}) as { url?: unknown; href?: unknown; label?: unknown };
    const safe = safeHref(url ?? href);
    return safe ? [{ href: safe, ...(text(label) && { label: text(label) }) }] : [];
  });
}

/** What tells two messages apart: the text, or the key of a key-only one. */
function messageId(m: OvMessage): string {
  return `${m.key ?? ''}\u0000${m.text}`;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined;
}

function isString(value: string | undefined): value is string {
  return value !== undefined;
}

function positiveNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}

/** Deep-freezes a plain snapshot so no element can change what another one renders. */
function freeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.values(value).forEach(freeze);
    Object.freeze(value);
  }
  return value;
}
