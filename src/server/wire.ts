/**
 * Turns an okta-auth-js transaction into what the browser may see (protocol.ts `WireTransaction`).
 * Everything is copied by name: a field okta-auth-js adds one day stays on the server until it is
 * named here.
 */
import type { IdxMessage, IdxRemediation, IdxTransaction } from '@okta/okta-auth-js';
import type { WireMessage, WireRemediation, WireTransaction } from '../transport/protocol.js';

/**
 * The context entries the screens read, and the ones that describe the sign-in without granting
 * anything. Left out: `stateHandle` (it lets its holder continue the transaction at Okta),
 * `headers`, `successWithInteractionCode` and anything unknown.
 */
const CONTEXT_KEYS = [
  'version',
  'expiresAt',
  'intent',
  'user',
  'app',
  'currentAuthenticator',
  'currentAuthenticatorEnrollment',
  'authenticators',
  'authenticatorEnrollments',
  'enrollmentAuthenticator',
  // FastPass: the device challenge the browser hands to Okta Verify (its cancel form is scrubbed).
  'authenticatorChallenge',
] as const;

type Field = NonNullable<IdxRemediation['value']>[number];

export function toWireTransaction(tx: IdxTransaction, id: string): WireTransaction {
  const wire = copyForBrowser(tx, id);
  // Belt and braces: a state handle okta-auth-js put somewhere new fails the request, never leaks.
  const stateHandle = tx.context?.stateHandle;
  if (typeof stateHandle === 'string' && stateHandle !== '' && JSON.stringify(wire).includes(stateHandle)) {
    throw new Error('ov-signin/server: a state handle was about to reach the browser');
  }
  return wire;
}

function copyForBrowser(tx: IdxTransaction, id: string): WireTransaction {
  const context = (tx.context ?? {}) as unknown as Record<string, unknown>;
  const raw = (tx.rawIdxState ?? {}) as unknown as Record<string, unknown>;
  return {
    status: tx.status,
    id,
    remediations: (tx.neededToProceed ?? []).map(toWireRemediation),
    context: Object.fromEntries(
      CONTEXT_KEYS.filter((key) => context[key] !== undefined).map((key) => [key, scrub(context[key])]),
    ),
    actions: Object.keys(tx.actions ?? {}),
    messages: (tx.messages ?? []).map(toWireMessage),
    ...(typeof tx.requestDidSucceed === 'boolean' && { requestDidSucceed: tx.requestDidSucceed }),
    raw: {
      ...(typeof raw.version === 'string' && { version: raw.version }),
      ...(typeof raw.errorCode === 'string' && { errorCode: raw.errorCode }),
    },
  };
}

function toWireRemediation(remediation: IdxRemediation): WireRemediation {
  return {
    name: remediation.name,
    ...(remediation.value && { value: scrub(remediation.value) as Field[] }),
    ...(remediation.relatesTo !== undefined && { relatesTo: scrub(remediation.relatesTo) }),
    ...(typeof remediation.refresh === 'number' && { refresh: remediation.refresh }),
  };
}

function toWireMessage(message: IdxMessage): WireMessage {
  return {
    message: message.message,
    ...(message.i18n && {
      i18n: { key: message.i18n.key, ...(message.i18n.params && { params: message.i18n.params }) },
    }),
    ...(message.class && { class: message.class }),
  };
}

/**
 * Drops, at any depth, what lets its holder act at Okta: `stateHandle` fields (forms nest forms, as
 * in an option's `value.form.value`) and IDX forms and links, which carry `rel` and an `href`
 * (an authenticator's `resend` and `poll`). Data such as a QR code's `href` (a data URI, no `rel`) stays.
 */
function scrub(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((item) => !isStateHandleField(item) && !isIdxForm(item)).map(scrub);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, item]) => !isIdxForm(item))
        .map(([key, item]) => [key, scrub(item)]),
    );
  }
  return value;
}

function isStateHandleField(value: unknown): boolean {
  return (value as { name?: unknown } | null)?.name === 'stateHandle';
}

function isIdxForm(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'rel' in value && 'href' in value;
}
