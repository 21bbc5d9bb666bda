import type { NoticeCode, OvProblem, ProblemCode } from '../controller/types.js';
import { strings } from './strings.js';

/** The words for each problem code, in the active locale (the controller reports codes only). */
const problemWords: Readonly<Record<ProblemCode, () => string>> = {
  network: () => strings.networkError,
  'rate-limited': () => strings.rateLimited,
  expired: () => strings.sessionExpired,
  unexpected: () => strings.unexpectedResponse,
  refused: () => strings.refused,
  'invalid-input': () => strings.invalidInput,
  config: () => strings.configNeedsEndpoint,
  tokens: () => strings.tokenSaveFailed,
  'qr-refused': () => strings.qrRefused,
  'cross-origin-endpoint': () => strings.crossOriginEndpoint,
};

/** A problem as the user reads it; a poll that failed and is tried again says just that. */
export function problemText(problem: OvProblem): string {
  return problem.transient ? strings.pollTrouble : problemWords[problem.code]();
}

const noticeWords: Readonly<Record<NoticeCode, () => string>> = {
  expired: () => strings.sessionExpired,
  'fastpass-unreachable': () => strings.fastPassUnreachable,
  resent: () => strings.sentAgain,
};

export function noticeText(notice: NoticeCode): string {
  return noticeWords[notice]();
}
