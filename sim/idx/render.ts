import type { OktaVerifyMethod, SimSettings } from '../config.ts';
import type { SimStore } from '../state/store.ts';
import type { IdxMessage, Step, Transaction, UserState } from '../state/types.ts';
import type { AuthenticatorObject } from './authenticators.ts';
import {
  enrollmentChoiceForm,
  methodTypeField,
  oktaVerify,
  oktaVerifyEnrollment,
  OKTA_VERIFY_ID,
  CUSTOM_PUSH_ID,
  customPush,
  password,
  passwordEnrollment,
} from './authenticators.ts';
import { arrayValue, form, immutable, objectValue, type Field, type Form } from './forms.ts';
import { challengeValue } from './fastpass.ts';
import { ssoExtensionCancelPath, ssoExtensionVerifyPath } from './sso-extension.ts';

export interface RenderContext {
  store: SimStore;
  settings: SimSettings;
  /** Origin of the org as the caller reached it; every href is absolute on it. */
  origin: string;
}

export interface RenderExtras {
  /** Top-level messages, e.g. a rejected push. */
  messages?: IdxMessage[];
  /** Field-level messages by field name, e.g. an invalid code on `totp`. */
  fieldMessages?: Record<string, IdxMessage[]>;
  /** What a failed identify was given; Okta echoes it as `user.value.identifier` (fixture 15). */
  identifier?: string;
}

/** The IDX response (v1.0.0) for the transaction's current step. */
export function renderIdx(ctx: RenderContext, tx: Transaction, extras: RenderExtras = {}): Record<string, unknown> {
  const parts = new ResponseParts(ctx, tx, extras);
  const body: Record<string, unknown> = {
    version: '1.0.0',
    stateHandle: tx.stateHandle,
    expiresAt: new Date(tx.expiresAt).toISOString(),
    intent: 'LOGIN',
  };
  if (tx.step.name === 'terminal') {
    body.messages = arrayValue(tx.step.messages);
    return body;
  }
  const remediations = parts.remediations(tx.step);
  if (remediations.length > 0) body.remediation = arrayValue(remediations);
  const messages = [...(extras.messages ?? []), ...stepMessages(tx.step)];
  if (messages.length > 0) body.messages = arrayValue(messages);
  Object.assign(body, parts.context(tx.step));
  body.cancel = parts.action('cancel', '/idp/idx/cancel');
  body.app = objectValue({ name: 'oidc_client', label: 'ov-signin', id: tx.clientId });
  if (tx.step.name === 'success') body.successWithInteractionCode = parts.success(tx.step.interactionCode);
  return body;
}

/** The body Okta sends for an unknown or expired state handle (fixtures 51, 52). */
export function sessionExpiredBody(): Record<string, unknown> {
  return {
    version: '1.0.0',
    messages: arrayValue([message('The session has expired.', 'idx.session.expired')]),
  };
}

/** How long the simulated device-assurance grace period lasts. */
const GRACE_PERIOD_DAYS = 14;

export function message(text: string, key: string, params?: unknown[]): IdxMessage {
  return { message: text, i18n: params ? { key, params } : { key }, class: 'ERROR' };
}

class ResponseParts {
  private readonly user: UserState | undefined;
  private readonly methods: OktaVerifyMethod[];

  constructor(
    private readonly ctx: RenderContext,
    private readonly tx: Transaction,
    private readonly extras: RenderExtras,
  ) {
    this.user = ctx.store.user(tx.login);
    this.methods = this.user?.config.methods ?? ['push', 'totp'];
  }

  /** The authenticator the user verifies with by push: Okta Verify, or the user's custom push app. */
  private pushVerifier(types: string[]): AuthenticatorObject {
    const custom = this.user?.config.customPush;
    return custom ? customPush(custom) : oktaVerify(types);
  }

  private get verifierId(): string {
    return this.user?.config.customPush ? CUSTOM_PUSH_ID : OKTA_VERIFY_ID;
  }

  private get verifierLabel(): string {
    return this.user?.config.customPush ?? 'Okta Verify';
  }

  private href(path: string): string {
    return this.ctx.origin + path;
  }

  private form(name: string, path: string, fields: Field[], extra?: { relatesTo?: string[]; refresh?: number }): Form {
    return form(name, this.href(path), this.tx.stateHandle, fields, extra);
  }

  action(name: string, path: string, fields: Field[] = []): Form {
    return this.form(name, path, fields);
  }

  private withFieldMessages(field: Field): Field {
    const messages = this.extras.fieldMessages?.[field.name as string];
    return messages ? { ...field, messages: arrayValue(messages) } : field;
  }

  remediations(step: Step): Form[] {
    switch (step.name) {
      case 'identify':
        return this.ctx.settings.fastPassOnIdentify
          ? [
              this.identify(),
              this.form('launch-authenticator', '/idp/idx/authenticators/okta-verify/launch', [], {
                relatesTo: ['authenticatorChallenge'],
              }),
            ]
          : [this.identify()];
      case 'device-challenge-poll':
        return [
          this.form('device-challenge-poll', '/idp/idx/authenticators/poll', [], {
            relatesTo: ['authenticatorChallenge'],
            refresh: this.ctx.settings.challengePollRefreshMs,
          }),
        ];
      case 'challenge-password':
        return [
          this.challengeAnswer('$.currentAuthenticatorEnrollment', {
            name: 'passcode',
            label: 'Password',
            secret: true,
          }),
        ];
      case 'device-assurance-grace-period':
        return [this.form('device-assurance-grace-period', '/idp/idx/skip', [])];
      case 'select-authenticator-authenticate':
        return [this.selectAuthenticatorAuthenticate()];
      case 'authenticator-verification-data':
        return [this.verificationData(), this.selectAuthenticatorAuthenticate()];
      case 'challenge-poll':
        return [
          this.form('challenge-poll', '/idp/idx/authenticators/poll', [autoChallengeField()], {
            relatesTo: ['$.currentAuthenticator'],
            refresh: this.ctx.settings.challengePollRefreshMs,
          }),
          this.selectAuthenticatorAuthenticate(),
        ];
      case 'fastpass-poll':
        return [
          this.form('challenge-poll', '/idp/idx/authenticators/poll', [], {
            relatesTo: ['$.currentAuthenticator'],
            refresh: this.ctx.settings.challengePollRefreshMs,
          }),
          this.selectAuthenticatorAuthenticate(),
        ];
      case 'sso-extension':
        // Only the state handle: the SSO extension, not the page, adds the device's answer.
        return [
          this.form('device-apple-sso-extension', ssoExtensionVerifyPath(step.challengeId), []),
          this.selectAuthenticatorAuthenticate(),
        ];
      case 'sso-extension-failed':
        return [this.form('cancel-transaction', ssoExtensionCancelPath(step.challengeId), [])];
      case 'resend':
        return [this.resendPush(), this.selectAuthenticatorAuthenticate()];
      case 'challenge-totp':
        return [
          this.challengeAnswer('$.currentAuthenticator', {
            name: 'totp',
            label: 'Enter code',
            required: true,
            visible: true,
          }),
          this.selectAuthenticatorAuthenticate(),
        ];
      case 'select-authenticator-enroll':
        return [this.selectAuthenticatorEnroll()];
      case 'enrollment-channel-data':
        return [
          this.enrollmentChannelData(step.channel),
          this.selectEnrollmentChannel(),
          this.selectAuthenticatorEnroll(),
        ];
      case 'enroll-poll':
        return [
          this.form('enroll-poll', '/idp/idx/challenge/poll', [], { refresh: this.ctx.settings.enrollPollRefreshMs }),
          this.selectEnrollmentChannel(),
          this.selectAuthenticatorEnroll(),
        ];
      case 'success':
      case 'terminal':
        return [];
    }
  }

  private identify(): Form {
    const fields: Field[] = [{ name: 'identifier', label: 'Username', required: true }];
    if (this.ctx.settings.passwordOnIdentify) {
      fields.push({
        name: 'credentials',
        type: 'object',
        form: { value: [{ name: 'passcode', label: 'Password', secret: true }] },
        required: true,
      });
    }
    fields.push({ name: 'rememberMe', type: 'boolean', label: 'Remember this device' });
    return this.form('identify', '/idp/idx/identify', fields);
  }

  private challengeAnswer(relatesTo: string, credential: Field): Form {
    const credentials = {
      name: 'credentials',
      type: 'object',
      form: { value: [this.withFieldMessages(credential)] },
      required: true,
    };
    return this.form('challenge-authenticator', '/idp/idx/challenge/answer', [credentials], { relatesTo: [relatesTo] });
  }

  private selectAuthenticatorAuthenticate(): Form {
    const option = {
      label: this.verifierLabel,
      value: { form: { value: [immutable('id', this.verifierId), methodTypeField(this.methods, false)] } },
      relatesTo: '$.authenticators.value[0]',
    };
    return this.form('select-authenticator-authenticate', '/idp/idx/challenge', [
      { name: 'authenticator', type: 'object', options: [option] },
    ]);
  }

  private verificationData(): Form {
    const authenticator = {
      name: 'authenticator',
      label: 'Okta Verify',
      form: {
        value: [
          immutable('id', OKTA_VERIFY_ID),
          methodTypeField(this.methods, true),
          autoChallengeField(this.user?.config.autoChallenge === true),
        ],
      },
    };
    return this.form('authenticator-verification-data', '/idp/idx/challenge', [authenticator], {
      relatesTo: ['$.currentAuthenticator'],
    });
  }

  private resendPush(): Form {
    const authenticator = {
      name: 'authenticator',
      type: 'object',
      label: this.verifierLabel,
      value: {
        form: {
          value: [
            immutable('id', this.verifierId),
            { name: 'methodType', required: false, value: 'push', mutable: false },
          ],
        },
      },
    };
    return this.form('resend', '/idp/idx/challenge', [authenticator], { relatesTo: ['$.currentAuthenticator'] });
  }

  private selectAuthenticatorEnroll(): Form {
    const option = {
      label: 'Okta Verify',
      value: enrollmentChoiceForm(this.user?.config.enrollChannel),
      relatesTo: '$.authenticators.value[0]',
    };
    return this.form('select-authenticator-enroll', '/idp/idx/credential/enroll', [
      { name: 'authenticator', type: 'object', options: [option] },
    ]);
  }

  private selectEnrollmentChannel(): Form {
    const authenticator = {
      name: 'authenticator',
      type: 'object',
      label: 'Okta Verify',
      value: enrollmentChoiceForm(this.user?.config.enrollChannel),
    };
    return this.form('select-enrollment-channel', '/idp/idx/credential/enroll', [authenticator]);
  }

  private enrollmentChannelData(channel: 'email' | 'sms'): Form {
    const field =
      channel === 'email' ? { name: 'email', label: 'Email' } : { name: 'phoneNumber', label: 'Phone Number' };
    return this.form('enrollment-channel-data', '/idp/idx/challenge/send', [
      this.withFieldMessages({ ...field, required: true, visible: true }),
    ]);
  }

  /** Context objects: who is signing in and the authenticator the step is about. */
  context(step: Step): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (step.name === 'device-challenge-poll') {
      // Fixtures 60, 61: the challenge itself, with the poll's cancel form inside it.
      const challenge = this.ctx.store.fastPass.get(step.challengeId);
      const cancel = this.action('cancel-polling', '/idp/idx/authenticators/poll/cancel');
      if (challenge) {
        const value = challengeValue(challenge, this.ctx.settings, this.ctx.origin, cancel);
        out.authenticatorChallenge = objectValue({ ...value, cancel });
      }
      return out;
    }
    // Okta's answer to a failed extension carries no context (error-401-okta-verify-apple-sso-step-up.json).
    if (step.name === 'sso-extension-failed') return out;
    if (step.name === 'identify') {
      if (this.ctx.settings.passwordOnIdentify) out.currentAuthenticator = objectValue(password());
      if (this.extras.identifier) out.user = objectValue({ identifier: this.extras.identifier });
      return out;
    }
    const current = this.currentAuthenticator(step);
    if (current) out.currentAuthenticator = objectValue(current);
    if (step.name === 'challenge-password') out.currentAuthenticatorEnrollment = objectValue(passwordEnrollment());
    if (step.name !== 'success') Object.assign(out, this.authenticatorLists(step));
    const enrolling = step.name === 'enroll-poll' || step.name === 'enrollment-channel-data';
    if (enrolling) out.enrollmentAuthenticator = objectValue(oktaVerify(enrollingMethods(step)));
    if (this.user) out.user = objectValue(this.userValue(this.user));
    return out;
  }

  private authenticatorLists(step: Step): Record<string, unknown> {
    if (step.name === 'challenge-password') {
      return { authenticators: arrayValue([password()]), authenticatorEnrollments: arrayValue([passwordEnrollment()]) };
    }
    const enrolling = ['select-authenticator-enroll', 'enroll-poll', 'enrollment-channel-data'].includes(step.name);
    const devices = this.user ? this.ctx.store.devicesOf(this.user.config.login) : [];
    // `authenticators` are the org's definitions, with every method Okta Verify has; the enrollments
    // (and the select options) carry what this user's device offers (fixture 22).
    // The org offers FastPass (signed_nonce) only where the user's policy has it (fixtures 62–65).
    const orgMethods = this.methods.includes('signed_nonce') ? ['push', 'totp', 'signed_nonce'] : undefined;
    return {
      authenticators: arrayValue([this.user?.config.customPush ? this.pushVerifier([]) : oktaVerify(orgMethods)]),
      authenticatorEnrollments: arrayValue(
        enrolling
          ? [passwordEnrollment()]
          : devices.map((d) =>
              this.user?.config.customPush
                ? { profile: { deviceName: d.name }, ...this.pushVerifier([]), id: d.id }
                : oktaVerifyEnrollment(d, this.methods),
            ),
      ),
    };
  }

  private currentAuthenticator(step: Step): Record<string, unknown> | undefined {
    switch (step.name) {
      case 'authenticator-verification-data':
        return { resend: this.action('resend', '/idp/idx/challenge/resend'), ...oktaVerify(this.methods) };
      case 'challenge-poll':
      case 'resend': {
        const correctAnswer =
          step.name === 'resend' ? step.correctAnswer : this.ctx.store.pushes.get(step.pushId)?.correctAnswer;
        return {
          resend: this.action('resend', '/idp/idx/challenge', [
            {
              name: 'authenticator',
              required: true,
              value: { methodType: 'push', id: this.verifierId },
              visible: false,
              mutable: false,
            },
          ]),
          ...(correctAnswer ? { contextualData: { correctAnswer } } : {}),
          ...this.pushVerifier(['push']),
        };
      }
      case 'challenge-totp':
        return oktaVerify(['totp']);
      case 'fastpass-poll': {
        const challenge = this.ctx.store.fastPass.get(step.challengeId);
        const cancel = this.action('cancel-polling', '/idp/idx/authenticators/poll/cancel');
        return {
          ...oktaVerify(['signed_nonce']),
          cancel,
          ...(challenge && {
            contextualData: {
              challenge: objectValue(challengeValue(challenge, this.ctx.settings, this.ctx.origin, cancel)),
            },
          }),
        };
      }
      case 'sso-extension': {
        const challenge = this.ctx.store.fastPass.get(step.challengeId);
        return {
          ...oktaVerify(['signed_nonce']),
          ...(challenge && {
            contextualData: {
              challenge: objectValue(challengeValue(challenge, this.ctx.settings, this.ctx.origin, {})),
            },
          }),
        };
      }
      case 'enrollment-channel-data':
        return { contextualData: { selectedChannel: step.channel }, ...oktaVerify(enrollingMethods(step)) };
      case 'enroll-poll':
        return {
          ...(step.channel === 'email' || step.channel === 'sms'
            ? { resend: this.action('resend', '/idp/idx/challenge/resend') }
            : {}),
          contextualData: enrollPollContextualData(step, this.ctx, this.tx.login ?? ''),
          ...oktaVerify(enrollingMethods(step)),
        };
      default:
        return undefined;
    }
  }

  private userValue(user: UserState): Record<string, unknown> {
    const { login, firstName, lastName } = user.config;
    return { id: user.id, identifier: login, profile: { firstName, lastName, timeZone: 'UTC', locale: 'en_US' } };
  }

  success(interactionCode: string): Record<string, unknown> {
    return {
      rel: ['create-form'],
      name: 'issue',
      href: `${this.tx.issuer}/v1/token`,
      method: 'POST',
      value: [
        { name: 'grant_type', required: true, value: 'interaction_code' },
        { name: 'interaction_code', required: true, value: interactionCode },
        { name: 'client_id', required: true, value: this.tx.clientId },
        // A confidential client authenticates at /v1/token (fixture 13).
        ...(this.ctx.store.config.clients.find((c) => c.clientId === this.tx.clientId)?.clientSecret
          ? [{ name: 'client_secret', required: true }]
          : []),
        { name: 'code_verifier', required: true },
      ],
      accepts: 'application/x-www-form-urlencoded',
    };
  }
}

/** A rejected push stays on screen for as long as the transaction waits for a resend (fixture 27). */
/** Okta's grace-period warning (its playground's device-assurance-grace-period-one-option.json): what to fix, by when. */
function gracePeriodMessages(): IdxMessage[] {
  const due = new Date(Date.now() + GRACE_PERIOD_DAYS * 24 * 3600 * 1000);
  const dueText = due.toLocaleString('en-US', { dateStyle: 'short', timeStyle: 'short', timeZone: 'UTC' });
  return [
    {
      message: `Your device doesn't meet the security requirements. Fix the issue by ${dueText} UTC to prevent lockout.`,
      i18n: { key: 'idx.device_assurance.grace_period.warning.title.due_by_date', params: [due.toISOString()] },
      class: 'WARNING',
    },
    message(
      'Update to the latest version of your operating system',
      'idx.error.code.access_denied.device_assurance.remediation.upgrade_os_version',
    ),
  ];
}

function stepMessages(step: Step): IdxMessage[] {
  if (step.name === 'device-assurance-grace-period') return gracePeriodMessages();
  if (step.name === 'select-authenticator-authenticate' && step.fastPassDenied) {
    // [unverified] Okta's key for a FastPass the user denied in Okta Verify is not in any recording.
    return [
      message('Okta Verify did not confirm it is you: the sign-in was denied.', 'oie.okta_verify.signed_nonce.denied'),
    ];
  }
  return step.name === 'resend' && step.rejected
    ? [message('You have chosen to reject this login.', 'api.authn.poll.error.push_rejected', [])]
    : [];
}

function autoChallengeField(value = false): Field {
  return {
    name: 'autoChallenge',
    type: 'boolean',
    label: 'Send push automatically',
    required: false,
    value,
    mutable: true,
  };
}

/** Okta reports `totp` while a QR is shown and `push` once a link was sent (fixtures 41, 46, 47). */
function enrollingMethods(step: Step): string[] {
  return step.name === 'enroll-poll' && step.channel !== 'qrcode' ? ['push'] : ['totp'];
}

/** Okta's download page for Okta Verify (the simulator's users are on a computer). */
const DOWNLOAD_HREF = 'https://apps.apple.com/us/app/okta-verify/id490179405';

function enrollPollContextualData(
  step: Extract<Step, { name: 'enroll-poll' }>,
  ctx: RenderContext,
  login: string,
): Record<string, unknown> {
  switch (step.channel) {
    case 'samedevice':
      return {
        samedevice: { orgUrl: new URL(ctx.origin).host, downloadHref: DOWNLOAD_HREF, platform: 'macos' },
        selectedChannel: 'samedevice',
      };
    case 'devicebootstrap': {
      const names = ctx.store.devicesOf(login).map((d) => d.name);
      // One device is sent as a string (fixture 67); more as a list.
      return {
        devicebootstrap: { platform: 'macos', enrolledDevices: names.length === 1 ? names[0] : names },
        selectedChannel: 'devicebootstrap',
      };
    }
    case 'qrcode':
      return { qrcode: { method: 'embedded', href: step.qrcode, type: 'image/png' }, selectedChannel: 'qrcode' };
    case 'email':
      return { selectedChannel: 'email', email: step.sentTo };
    case 'sms':
      return { selectedChannel: 'sms', phoneNumber: step.sentTo };
  }
}
