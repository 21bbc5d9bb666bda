/**
 * Requests per sign-in, from the simulator's own log: what a widget sent against the least the
 * IDX protocol needs for the same sign-in, polls against the server's pace, and silence after the end.
 */
import { isPoll, type FlowName, type FlowRun, type LoggedRequest } from './browser-flows.ts';

/** In-flight requests of the sign-in itself (the JWKS for the ID token) may land just after the event. */
const END_GRACE_MS = 250;

/**
 * Without polls: well-known (token and keys endpoints), interact, introspect, identify (password on
 * the same form), the authenticator (push or TOTP chosen with Okta Verify in one request),
 * the code answer (TOTP only), token, keys. Enrollment: identify, then the enroll request.
 */
const PROTOCOL_MINIMUM: Record<FlowName, number> = { push: 7, qr: 7, totp: 8 };

export interface RequestCount {
  flow: FlowName;
  widget: string;
  /** Without CORS preflights. */
  requests: number;
  preflights: number;
  minimum: number;
  polls: number;
  /** Polls a client polling exactly at the server's refresh would have made before seeing the phone act. */
  pollsAtServerPace: number;
  afterEnd: number;
  /** Method and path of every non-OPTIONS request, for the record. */
  sequence: string[];
}

/** The request the widget was waiting on when polling began: the last non-poll IDX answer before the first poll. */
function waitingSince(requests: LoggedRequest[]): number | undefined {
  const firstPoll = requests.findIndex(isPoll);
  if (firstPoll < 0) return undefined;
  return requests.slice(0, firstPoll).findLast((r) => r.method === 'POST' && r.path.startsWith('/idp/idx/'))?.at;
}

export function countRequests(run: FlowRun): RequestCount {
  const signIn = run.requests.filter((r) => r.at <= run.successAt + END_GRACE_MS);
  const calls = signIn.filter((r) => r.method !== 'OPTIONS');
  const polls = calls.filter(isPoll).length;
  const since = waitingSince(signIn);
  const pollsAtServerPace =
    since !== undefined && run.phoneActedAt ? Math.floor((run.phoneActedAt - since) / run.refreshMs) + 1 : 0;
  return {
    flow: run.flow,
    widget: run.widget,
    requests: calls.length,
    preflights: signIn.length - calls.length,
    minimum: PROTOCOL_MINIMUM[run.flow] + pollsAtServerPace,
    polls,
    pollsAtServerPace,
    afterEnd: run.requests.length - signIn.length,
    sequence: calls.map((r) => `${r.method} ${r.path}`),
  };
}
