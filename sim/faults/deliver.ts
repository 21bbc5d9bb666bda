import { json, type SimResponse } from '../http/types.ts';
import type { FaultRule } from './rules.ts';

/** What the server does with a request: answer it (maybe cut short), or drop the connection. */
export type Delivery = { response: SimResponse; truncate?: boolean } | { drop: true };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Okta's 429: IDX answers in its envelope (fixture 55), the OAuth and API endpoints with E0000047. */
function rateLimited(path: string, retryAfterSeconds: number): SimResponse {
  const body = path.startsWith('/idp/idx/')
    ? {
        version: '1.0.0',
        messages: {
          type: 'array',
          value: [{ message: 'Too many requests', i18n: { key: 'tooManyRequests' }, class: 'ERROR' }],
        },
      }
    : {
        errorCode: 'E0000047',
        errorSummary: 'API call exceeded rate limit due to too many requests.',
        errorCauses: [],
      };
  const reset = Math.ceil(Date.now() / 1000) + retryAfterSeconds;
  return json(429, body, {
    'Retry-After': String(retryAfterSeconds),
    'X-Rate-Limit-Limit': '50',
    'X-Rate-Limit-Remaining': '0',
    'X-Rate-Limit-Reset': String(reset),
  });
}

function failedStatus(status: number): SimResponse {
  const summary = status >= 500 ? 'Internal Server Error' : 'The request could not be completed.';
  return json(status, { errorCode: status === 503 ? 'E0000010' : 'E0000009', errorSummary: summary, errorCauses: [] });
}

/** Applies a fault rule around the real answer (`answer` runs only when the fault lets it). */
export async function deliver(
  rule: FaultRule | undefined,
  path: string,
  answer: () => Promise<SimResponse>,
): Promise<Delivery> {
  switch (rule?.kind) {
    case undefined:
      return { response: await answer() };
    case 'latency':
      await sleep(rule.latencyMs ?? 1000);
      return { response: await answer() };
    case 'status':
      return { response: failedStatus(rule.status ?? 503) };
    case 'rate-limit':
      return { response: rateLimited(path, rule.retryAfterSeconds ?? 2) };
    case 'drop':
      return { drop: true };
    case 'truncate':
      // The server did the work; the connection broke half-way through the answer.
      return { response: await answer(), truncate: true };
    case 'malformed':
      return {
        response: {
          status: 200,
          body: '{"version":"1.0.0","messages":{"type":"array","value":[',
          contentType: 'application/json',
        },
      };
    case 'respond':
      return { response: json(rule.status ?? 200, rule.body as object) };
    case 'wrong-shape':
      return {
        response: json(200, {
          version: '1.0.0',
          remediation: { type: 'array', value: 'identify' },
          context: [],
          stateHandle: 42,
        }),
      };
  }
}
