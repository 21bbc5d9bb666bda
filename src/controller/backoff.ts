/** Longest wait between two polls while the network or the server is failing. */
export const MAX_POLL_BACKOFF = 30_000;

/**
 * Delay before the next poll. After `failures` failed polls in a row it grows exponentially from
 * `refresh`, capped, with jitter so that many widgets that failed together do not retry together;
 * it is never shorter than `refresh`, nor than what the server asked for in `Retry-After`.
 */
export function pollDelay(
  refresh: number,
  failures: number,
  retryAfterMs = 0,
  random: () => number = Math.random,
): number {
  if (failures <= 0) return Math.max(refresh, retryAfterMs);
  const ceiling = Math.min(MAX_POLL_BACKOFF, refresh * 2 ** failures);
  const jittered = ceiling / 2 + (random() * ceiling) / 2;
  return Math.round(Math.max(refresh, retryAfterMs, jittered));
}
