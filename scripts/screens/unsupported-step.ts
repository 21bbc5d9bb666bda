/**
 * A step Okta may send that the widget has no screen for: self-service registration
 * (`enroll-profile`), answered to introspect by the simulator's `respond` fault, in the shape Okta
 * sends it (okta/okta-signin-widget's playground recordings).
 */
import type { FaultRule } from 'ov-sim/client';

const STATE_HANDLE = '02screens-unsupported';
const ION = 'application/ion+json; okta-version=1.0.0';
const JSON_TYPE = 'application/json; okta-version=1.0.0';

function form(simUrl: string, name: string, path: string, value: object[]) {
  const stateHandle = { name: 'stateHandle', required: true, value: STATE_HANDLE, visible: false, mutable: false };
  return {
    rel: ['create-form'],
    name,
    href: `${simUrl}${path}`,
    method: 'POST',
    produces: ION,
    value: [...value, stateHandle],
    accepts: JSON_TYPE,
  };
}

export function unsupportedStepFault(simUrl: string): FaultRule {
  const userProfile = {
    name: 'userProfile',
    form: {
      value: [
        { name: 'firstName', label: 'First name', required: true },
        { name: 'lastName', label: 'Last name', required: true },
        { name: 'email', label: 'Email', required: true },
      ],
    },
  };
  return {
    kind: 'respond',
    path: '/idp/idx/introspect',
    body: {
      version: '1.0.0',
      stateHandle: STATE_HANDLE,
      expiresAt: new Date(Date.now() + 10 * 60_000).toISOString(),
      intent: 'LOGIN',
      remediation: { type: 'array', value: [form(simUrl, 'enroll-profile', '/idp/idx/enroll/new', [userProfile])] },
      cancel: form(simUrl, 'cancel', '/idp/idx/cancel', []),
      app: { type: 'object', value: { name: 'oidc_client', label: 'ov-signin demo', id: 'ov-demo' } },
    },
  };
}
