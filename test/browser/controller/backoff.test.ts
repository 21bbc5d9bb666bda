import { expect } from '@open-wc/testing';
import { MAX_POLL_BACKOFF, pollDelay } from '../../../src/controller/backoff.js';
import { parseRetryAfter } from '../../../src/transport/retry-after.js';

describe('poll back-off', () => {
  it('polls at refresh while all is well, or later when the server asks', () => {
    expect(pollDelay(1000, 0)).to.equal(1000);
    expect(pollDelay(1000, 0, 5000)).to.equal(5000);
  });

  it('grows exponentially with jitter after failures, never below refresh, capped', () => {
    const low = () => 0;
    const high = () => 0.999999;
    expect(pollDelay(1000, 1, 0, low)).to.equal(1000);
    expect(pollDelay(1000, 1, 0, high)).to.equal(2000);
    expect(pollDelay(1000, 3, 0, low)).to.equal(4000);
    expect(pollDelay(1000, 3, 0, high)).to.equal(8000);
    expect(pollDelay(1000, 20, 0, high)).to.equal(MAX_POLL_BACKOFF);
    expect(pollDelay(300, 1, 0, low)).to.equal(300);
    expect(pollDelay(1000, 2, 9000, high)).to.equal(9000);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-29T10:00:00Z');
    expect(parseRetryAfter('7', now)).to.equal(7000);
    expect(parseRetryAfter('Sun, 29 Nov 2026 10:00:30 GMT', now)).to.equal(30_000);
    expect(parseRetryAfter('soon', now)).to.equal(undefined);
    expect(parseRetryAfter(undefined, now)).to.equal(undefined);
  });
});
