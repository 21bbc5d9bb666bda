import type { OvTransaction } from '../controller/types.js';
import { MalformedResponseError, RateLimitedError, ServerFailureError } from '../errors.js';
import { toMessages } from '../controller/snapshot.js';

const RATE_LIMIT_KEYS = new Set(['tooManyRequests', 'E0000047']);

/**
 * okta-auth-js turns a failed IDX request whose body it could read (or not) into a TERMINAL
 * transaction, not an exception: a 5xx or a 429 would end the sign-in on screen. This tells those
 * apart from a real terminal step: a real one is an IDX body (it has `version`) without a rate-limit key.
 */
export function transportFailure(tx: OvTransaction): Error | undefined {
  if (tx.status !== 'TERMINAL') return undefined;
  const raw = tx.rawIdxState as unknown as Record<string, unknown> | undefined;
  if (!raw || typeof raw !== 'object') return new MalformedResponseError('a terminal transaction without a body');
  const keys = (tx.messages ?? []).map((m) => m?.i18n?.key);
  if (keys.some((key) => key !== undefined && RATE_LIMIT_KEYS.has(key)) || raw.errorCode === 'E0000047')
    return new RateLimitedError(toMessages(tx.messages));
  if ('version' in raw) return undefined;
  if ('errorCode' in raw) return new ServerFailureError();
  return new MalformedResponseError('an answer that is not an IDX response');
}
