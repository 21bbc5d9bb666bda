import type { OvDeviceChallenge } from './types.js';

/** What Okta's widget waits for a probe when Okta names no `probeTimeoutMillis`. */
const DEFAULT_PROBE_TIMEOUT = 100;
/** Okta Verify answers a challenge within this (Okta's widget's limit). */
const CHALLENGE_TIMEOUT = 3000;

/** Only Okta Verify on this device is probed: a loopback host, a port number. */
const LOOPBACK_DOMAIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])$/;
const PORT = /^\d{1,5}$/;

/** Why the page could not hand the challenge over: the `reason` Okta's cancel form is told. */
export type LoopbackFailure = 'OV_UNREACHABLE_BY_LOOPBACK' | 'OV_RETURNED_ERROR';

export type LoopbackOutcome =
  | { readonly answered: true }
  | { readonly answered: false; readonly reason: LoopbackFailure; readonly statusCode?: number };

/**
 * Okta FastPass by loopback: probes `domain:port/probe` for each port in turn, each within
 * `probeTimeoutMillis`, and posts the challenge request to the first that answers. Okta Verify then
 * answers Okta itself; the page learns the outcome from its poll. A probe the browser blocks (an
 * `https` page calling `http://localhost` is mixed content in some browsers) fails like a closed port.
 */
export async function answerByLoopback(challenge: OvDeviceChallenge, signal: AbortSignal): Promise<LoopbackOutcome> {
  const domain = challenge.domain ?? '';
  const ports = (challenge.ports ?? []).filter((p) => PORT.test(p));
  if (!LOOPBACK_DOMAIN.test(domain) || !challenge.challengeRequest) {
    return { answered: false, reason: 'OV_UNREACHABLE_BY_LOOPBACK' };
  }
  for (const port of ports) {
    signal.throwIfAborted();
    const base = `${domain}:${port}`;
    const probe = await request(`${base}/probe`, { method: 'GET' }, signal, challenge.probeTimeoutMillis);
    if (!probe?.ok) continue;
    const answer = await request(
      `${base}/challenge`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ challengeRequest: challenge.challengeRequest }),
      },
      signal,
      CHALLENGE_TIMEOUT,
    );
    signal.throwIfAborted();
    if (answer?.ok) return { answered: true };
    return {
      answered: false,
      reason: 'OV_RETURNED_ERROR',
      ...(answer && { statusCode: answer.status }),
    };
  }
  signal.throwIfAborted();
  return { answered: false, reason: 'OV_UNREACHABLE_BY_LOOPBACK' };
}

/** A request that gives up after `timeout` ms or when `signal` aborts; undefined when it failed. */
async function request(
  url: string,
  init: RequestInit,
  signal: AbortSignal,
  timeout = DEFAULT_PROBE_TIMEOUT,
): Promise<Response | undefined> {
  const controller = new AbortController();
  const stop = () => controller.abort();
  signal.addEventListener('abort', stop);
  const timer = setTimeout(stop, timeout);
  try {
    return await fetch(url, { ...init, mode: 'cors', credentials: 'omit', signal: controller.signal });
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', stop);
  }
}
