import type { ExtraEnrollmentChannel, OktaVerifyMethod } from '../config.ts';
import type { Device } from '../state/types.ts';
import { choice, immutable, type Field } from './forms.ts';

/** Authenticator definitions of the simulated org (ids in Okta's 20-character shape). */
export const OKTA_VERIFY_ID = 'aut1ovsim0OktaVerify';
export const PASSWORD_ID = 'aut1ovsim00Password0';
export const CUSTOM_PUSH_ID = 'aut1ovsim0CustomPush';
const PASSWORD_ENROLLMENT_ID = 'lae1ovsim00Password0';

type Methods = Array<{ type: string }>;

export type AuthenticatorObject = {
  type: string;
  key: string;
  id: string;
  displayName: string;
  methods: Methods;
  profile?: Record<string, string>;
};

const methods = (types: string[]): Methods => types.map((type) => ({ type }));

export function oktaVerify(types: string[] = ['push', 'totp']): AuthenticatorObject {
  return { type: 'app', key: 'okta_verify', id: OKTA_VERIFY_ID, displayName: 'Okta Verify', methods: methods(types) };
}

/** A custom push authenticator (Okta's `custom_app`): its own name, push only (fixture 68). */
export function customPush(displayName: string): AuthenticatorObject {
  return { type: 'app', key: 'custom_app', id: CUSTOM_PUSH_ID, displayName, methods: methods(['push']) };
}

export function oktaVerifyEnrollment(device: Device, types: OktaVerifyMethod[]): AuthenticatorObject {
  return { profile: { deviceName: device.name }, ...oktaVerify(types), id: device.id };
}

export function password(): AuthenticatorObject {
  return {
    type: 'password',
    key: 'okta_password',
    id: PASSWORD_ID,
    displayName: 'Password',
    methods: methods(['password']),
  };
}

export function passwordEnrollment(): AuthenticatorObject {
  return { ...password(), id: PASSWORD_ENROLLMENT_ID };
}

const METHOD_LABELS: Record<OktaVerifyMethod, string> = {
  totp: 'Enter a code',
  push: 'Get a push notification',
  signed_nonce: 'Use Okta FastPass',
};

export function methodTypeField(types: OktaVerifyMethod[], required: boolean): Field {
  return choice(
    'methodType',
    types.map((value) => ({ label: METHOD_LABELS[value], value })),
    required,
  );
}

export const CHANNEL_OPTIONS = [
  { label: 'QRCODE', value: 'qrcode' },
  { label: 'EMAIL', value: 'email' },
  { label: 'SMS', value: 'sms' },
];

/**
 * The `{id, channel}` form of the Okta Verify enrollment choices. A policy that sets Okta Verify up
 * on this device or from an enrolled one offers that channel alone (fixtures 66, 67).
 */
export function enrollmentChoiceForm(only?: ExtraEnrollmentChannel): { form: { value: Field[] } } {
  const options = only ? [{ label: only.toUpperCase(), value: only }] : CHANNEL_OPTIONS;
  return { form: { value: [immutable('id', OKTA_VERIFY_ID), choice('channel', options)] } };
}
