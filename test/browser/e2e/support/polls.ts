/** What the widget asked the simulator, read from its request log: poll cadence and silence after the end. */
import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import { requestsSince } from './control-api.js';
import type { RequestRecord } from './control-api.js';

/** The simulator's TESTING settings: enroll-poll and challenge-poll both ask for a poll every 300 ms. */
export const POLL_REFRESH_MS = 300;

const POLL_PATHS = new Set(['/idp/idx/challenge/poll', '/idp/idx/authenticators/poll']);

function isPoll(request: RequestRecord): boolean {
  return request.method === 'POST' && POLL_PATHS.has(request.path);
}

/** A point in the request log; `pollsSince(mark)` reads what came after it. */
export async function markRequests(): Promise<number> {
  return (await requestsSince(0)).at(-1)?.seq ?? 0;
}

export async function pollsSince(mark: number): Promise<RequestRecord[]> {
  return (await requestsSince(mark)).filter(isPoll);
}

/** Waits until the widget has polled `count` times since `mark` (however long a loaded machine takes). */
export async function pollsAtLeast(mark: number, count: number): Promise<void> {
  await waitUntil(async () => (await pollsSince(mark)).length >= count, `${count} polls`, { timeout: 60_000 });
}

/**
 * The widget polled at the server's pace while it waited: at least `min` polls, none sooner than
 * the refresh after the previous answer. No upper bound: a loaded machine may answer late, and a
 * widget that stopped polling is caught by the tests waiting for its polls.
 *
 * The gaps are between the simulator's answer times, which it notes just after each answer is sent:
 * on a loaded machine the simulator can be preempted between the two, noting an answer late, so that
 * gap shrinks by as much as the one before it grew. So the pace is checked over the whole wait (with a
 * little clock slack), and each gap only against half the refresh: a poll right after an answer, the
 * fault this guards against, still fails it.
 */
export function expectPollCadence(polls: readonly RequestRecord[], min: number): void {
  expect(polls.length, `polls while waiting: ${polls.length}`).to.be.at.least(min);
  const gaps = polls.slice(1).map((poll, i) => poll.at - polls[i]!.at);
  const described = `gaps between polls (ms): ${gaps.join(', ')}`;
  for (const gap of gaps) expect(gap, described).to.be.at.least(POLL_REFRESH_MS / 2);
  const average = gaps.reduce((sum, gap) => sum + gap, 0) / gaps.length;
  expect(average, `the average gap; ${described}`).to.be.at.least(POLL_REFRESH_MS - 30);
}

/** After the end (success, terminal, cancel), no poll for several refresh intervals. */
export async function expectNoMorePolls(mark: number): Promise<void> {
  await aTimeout(POLL_REFRESH_MS * 5);
  const late = await pollsSince(mark);
  expect(late.length, `polls after the end: ${late.map((r) => `${r.path} (${r.status})`).join(', ')}`).to.equal(0);
}
