/**
 * What the browser may ask for, checked against the session's current transaction before
 * okta-auth-js sees it: a step must be one of its remediations, an action one of its actions, and
 * values only those the widget's screens send. Nothing else of the body reaches the SDK (no `flow`,
 * `stateHandle`, `exchangeCodeForTokens`…).
 */
import type { IdxTransaction } from '@okta/okta-auth-js';
import {
  AUTHENTICATOR_KEYS,
  FASTPASS_CANCEL_ACTIONS,
  POLL_REMEDIATIONS,
  PROCEED_VALUE_KEYS,
} from '../transport/protocol.js';
import { InvalidRequestError } from './errors.js';
import type { TransactionOffers } from './session-store.js';

/** Longest string value accepted (a username, a password, a code). */
const MAX_VALUE_LENGTH = 1024;

export type ProceedValue =
  string | boolean | Readonly<Record<string, string>> | ReadonlyArray<Readonly<Record<string, string | boolean>>>;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isShortString(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_VALUE_LENGTH;
}

export function readString(body: Record<string, unknown>, key: string): string {
  const value = body[key];
  if (!isShortString(value) || value === '') throw new InvalidRequestError(`"${key}" must be a string`);
  return value;
}

/** The `values` of a proceed, restricted to the keys (and shapes) the widget sends. */
export function readValues(input: unknown): Record<string, ProceedValue> {
  if (input === undefined) return {};
  if (!isPlainObject(input)) throw new InvalidRequestError('"values" must be an object');
  const values: Record<string, ProceedValue> = {};
  for (const [key, value] of Object.entries(input)) {
    if (!PROCEED_VALUE_KEYS.includes(key)) throw new InvalidRequestError(`"${key}" is not a value the sign-in accepts`);
    if (key === 'authenticator' && isPlainObject(value)) {
      const entries = Object.entries(value);
      if (!entries.every(([k, v]) => AUTHENTICATOR_KEYS.includes(k) && isShortString(v))) {
        throw new InvalidRequestError('"authenticator" may only carry id, methodType and enrollmentId');
      }
      values[key] = Object.fromEntries(entries) as Record<string, string>;
    } else if (key === 'rememberMe' && typeof value === 'boolean') {
      values[key] = value;
    } else if (key === 'authenticatorsData') {
      values[key] = readAutoChallenge(value);
    } else if (isShortString(value)) {
      values[key] = value;
    } else {
      throw new InvalidRequestError(`"${key}" must be a string`);
    }
  }
  return values;
}

/** "Send push automatically": one `{ id, methodType, autoChallenge }`, nothing else. */
function readAutoChallenge(value: unknown): ReadonlyArray<Record<string, string | boolean>> {
  const [only, ...more] = Array.isArray(value) ? (value as unknown[]) : [];
  const valid =
    more.length === 0 &&
    isPlainObject(only) &&
    Object.keys(only).every((k) => ['id', 'methodType', 'autoChallenge'].includes(k)) &&
    isShortString(only.id) &&
    isShortString(only.methodType) &&
    typeof only.autoChallenge === 'boolean';
  if (!valid || !isPlainObject(only)) {
    throw new InvalidRequestError('"authenticatorsData" may only carry one { id, methodType, autoChallenge }');
  }
  return [only as Record<string, string | boolean>];
}

/** What `tx` offers the next request: the names of its remediations and of its actions. */
export function offersOf(tx: IdxTransaction): TransactionOffers {
  return { steps: (tx.neededToProceed ?? []).map((r) => r.name), actions: Object.keys(tx.actions ?? {}) };
}

export function requireRemediation(offers: TransactionOffers, step: string): void {
  if (!offers.steps.includes(step)) {
    throw new InvalidRequestError(`"${step}" is not a step of the current transaction`);
  }
}

export function requirePoll(offers: TransactionOffers, step: string): void {
  if (!POLL_REMEDIATIONS.includes(step)) throw new InvalidRequestError(`"${step}" is not a poll`);
  requireRemediation(offers, step);
}

export function requireResend(offers: TransactionOffers, action: string): void {
  // "Forgot password?" (the password's recover action) is sent the same way as a resend.
  const allowed = action.endsWith('-resend') || action.endsWith('-recover') || FASTPASS_CANCEL_ACTIONS.includes(action);
  if (!allowed || !offers.actions.includes(action)) {
    throw new InvalidRequestError(`"${action}" is not a resend, recover or FastPass cancel of the current transaction`);
  }
}

/** The only values an action is sent with: a FastPass cancel's `reason` and `statusCode`, as text. */
export function readActionParams(input: unknown): Record<string, string> | undefined {
  if (input === undefined) return undefined;
  if (!input || typeof input !== 'object' || Array.isArray(input))
    throw new InvalidRequestError('"params" must be an object');
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(input)) {
    if ((key !== 'reason' && key !== 'statusCode') || typeof value !== 'string' || value.length > 64)
      throw new InvalidRequestError(`"params.${key}" is not accepted`);
    params[key] = value;
  }
  return params;
}
