import type { IdxAuthenticator, IdxMessage, IdxRemediation } from '@okta/okta-auth-js';
import { OutcomeStep } from './types.js';
import type { OvAuthenticator, OvInput, OvMessage, OvOption, OvStep, OvTransaction } from './types.js';

type Field = NonNullable<IdxRemediation['value']>[number];

/** Polling interval when a poll remediation carries no `refresh` (what Okta's own widget assumes). */
export const DEFAULT_POLL_REFRESH = 4000;

export const POLL_STEPS: ReadonlySet<string> = new Set(['enroll-poll', 'challenge-poll']);

/** Remediations a screen of this widget knows how to render. */
export const SUPPORTED_STEPS: ReadonlySet<string> = new Set([
  'identify',
  'challenge-authenticator',
  'select-authenticator-enroll',
  'select-authenticator-authenticate',
  'authenticator-verification-data',
  'select-enrollment-channel',
  'enrollment-channel-data',
  'enroll-poll',
  'challenge-poll',
  'resend',
]);

/**
 * Remediations that are never a screen of their own: they are offered as actions (skip), or are
 * Okta features this widget leaves out (self-registration, unlock, device probing).
 */
const NOT_A_SCREEN: ReadonlySet<string> = new Set([
  'skip',
  'select-enroll-profile',
  'unlock-account',
  'launch-authenticator',
  'redirect-idp',
]);

const SELECT_OTHER = ['select-authenticator-authenticate', 'select-authenticator-enroll'];

/** Thrown when a response lacks what its own step needs; the controller turns it into a problem. */
export class MalformedResponseError extends Error {
  constructor(detail: string) {
    super(`Malformed IDX response: ${detail}`);
    this.name = 'MalformedResponseError';
  }
}

/**
 * Builds the snapshot of a transaction from `neededToProceed` and `context`, which look the same
 * whatever mode okta-auth-js runs in (unlike `nextStep`, see idx-protocol.md §6).
 * `show` picks another remediation of the same response (e.g. "Can't scan?" → select-enrollment-channel).
 */
export function toSnapshot(tx: OvTransaction, show?: string): OvStep {
  switch (tx.status) {
    case 'SUCCESS':
      return outcome(OutcomeStep.SUCCESS, tx, []);
    case 'TERMINAL':
    case 'FAILURE':
      return outcome(OutcomeStep.TERMINAL, tx, toMessages(tx.messages));
    case 'CANCELED':
    case 'PENDING':
      break;
    default:
      throw new MalformedResponseError(`unknown status ${String(tx.status)}`);
  }
  const remediations = Array.isArray(tx.neededToProceed) ? tx.neededToProceed : [];
  const screens = remediations.filter((r) => r && typeof r.name === 'string' && !NOT_A_SCREEN.has(r.name));
  const remediation = (show && screens.find((r) => r.name === show)) || screens[0];
  if (!remediation) throw new MalformedResponseError('a pending transaction without a remediation');

  const names = remediations.map((r) => r.name);
  const authenticator = readAuthenticator(remediation, tx);
  const inputs = readInputs(remediation, authenticator);
  const fieldTexts = new Set(inputs.flatMap((i) => i.messages.map((m) => m.text)));
  // okta-auth-js lifts field messages into `transaction.messages` too; keep each in one place only.
  const messages = toMessages(tx.messages).filter((m) => !fieldTexts.has(m.text));
  const actions = Object.keys(tx.actions ?? {});
  const isPoll = POLL_STEPS.has(remediation.name);

  return freeze({
    name: SUPPORTED_STEPS.has(remediation.name) ? remediation.name : OutcomeStep.UNSUPPORTED,
    ...(SUPPORTED_STEPS.has(remediation.name) ? {} : { remediation: remediation.name }),
    inputs,
    options: readOptions(remediation, authenticator),
    ...(authenticator && { authenticator }),
    messages,
    ...(isPoll && { poll: { refresh: positiveNumber(remediation.refresh) ?? DEFAULT_POLL_REFRESH } }),
    can: {
      resend: actions.some((a) => a.endsWith('-resend')) || names.includes('resend'),
      cancel: actions.includes('cancel'),
      selectOther: SELECT_OTHER.some((n) => n !== remediation.name && names.includes(n)),
      skip: names.includes('skip'),
      changeChannel: remediation.name !== 'select-enrollment-channel' && names.includes('select-enrollment-channel'),
    },
    alternatives: screens.map((r) => r.name).filter((n) => n !== remediation.name),
    ...identifier(tx),
  });
}

function outcome(name: string, tx: OvTransaction, messages: OvMessage[]): OvStep {
  return freeze({
    name,
    inputs: [],
    options: [],
    messages,
    can: { resend: false, cancel: false, selectOther: false, skip: false, changeChannel: false },
    alternatives: [],
    ...identifier(tx),
  });
}

function identifier(tx: OvTransaction): { identifier?: string } {
  const id = tx.context?.user?.value?.identifier;
  return typeof id === 'string' ? { identifier: id } : {};
}

function readAuthenticator(remediation: IdxRemediation, tx: OvTransaction): OvAuthenticator | undefined {
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
  };
  const qr = data.qrcode;
  return {
    // Recorded password challenges sometimes omit `key` (okta-auth-js then expects `verificationCode`).
    key: text(raw.key) ?? '',
    id: text(raw.id) ?? '',
    type: text(raw.type) ?? '',
    displayName: text(raw.displayName) ?? '',
    methods: Array.isArray(raw.methods) ? raw.methods.map((m) => text(m?.type)).filter(isString) : [],
    ...(qr && typeof qr.href === 'string' && { qrcode: { href: qr.href, type: text(qr.type) ?? '' } }),
    ...(text(data.correctAnswer) !== undefined && { correctAnswer: text(data.correctAnswer) }),
    ...(text(data.selectedChannel) !== undefined && { selectedChannel: text(data.selectedChannel) }),
    ...(text(data.email) !== undefined && { email: text(data.email) }),
    ...(text(data.phoneNumber) !== undefined && { phoneNumber: text(data.phoneNumber) }),
  };
}

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
    .map((f) => ({
      name: inputName(remediation.name, f.name, authenticator),
      label: text(f.label) ?? f.name,
      required: f.required === true,
      secret: f.secret === true,
      messages: toMessages(f.messages?.value),
    }));
}

function readOptions(remediation: IdxRemediation, authenticator?: OvAuthenticator): OvOption[] {
  const field = (remediation.value ?? []).find((f) => f.name === 'authenticator');
  if (!field) return [];
  switch (remediation.name) {
    case 'select-authenticator-enroll':
    case 'select-authenticator-authenticate':
      return (field.options ?? []).flatMap((option, index) => {
        const form = Object.fromEntries(
          subFieldsOf(option.value).map((f) => [f.name, f] as const),
        );
        const id = text(form.id?.value);
        if (!id) throw new MalformedResponseError(`option ${index} of ${remediation.name} has no id`);
        const fixedMethod = form.methodType?.mutable === false ? text(form.methodType.value) : undefined;
        const enrollmentId = text(form.enrollmentId?.value);
        const related = option.relatesTo;
        const label = text(option.label) ?? related?.displayName ?? id;
        const detail = profileDetail(related);
        const pick = (methodType?: string): OvOption['values'] => ({
          // An object with an `id` makes okta-auth-js send exactly this authenticator (§4.6).
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
            values: pick(method.value),
          }));
        }
        return [
          {
            label,
            value: id + (fixedMethod ? `:${fixedMethod}` : ''),
            ...(text(related?.key) && { authenticatorKey: related?.key }),
            ...(detail && { detail }),
            values: pick(fixedMethod),
          },
        ];
      });
    case 'authenticator-verification-data':
      return choices(field, 'methodType').map((c) => ({
        ...c,
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

/** Object fields nest their form either as `form.value` or as `value.form.value` (idx-protocol.md §3.3). */
function subFields(field: Field): Field[] {
  return field.form?.value ?? subFieldsOf(field.value);
}

function subFieldsOf(value: unknown): Field[] {
  const form = (value as { form?: { value?: unknown } } | undefined)?.form?.value;
  return Array.isArray(form) ? (form as Field[]) : [];
}

function profileDetail(authenticator?: IdxAuthenticator): string | undefined {
  const profile = authenticator?.profile;
  return text(profile?.deviceName) ?? text(profile?.phoneNumber) ?? text(profile?.email);
}

export function toMessages(list: readonly IdxMessage[] | undefined): OvMessage[] {
  if (!Array.isArray(list)) return [];
  return list
    .filter((m) => m && typeof m.message === 'string')
    .map((m) => ({
      text: m.message,
      ...(typeof m.i18n?.key === 'string' && { key: m.i18n.key }),
      level: m.class === 'ERROR' ? ('error' as const) : ('info' as const),
    }));
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
