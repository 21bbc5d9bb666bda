/**
 * What a person with the developer tools open would see go wrong on the demo page: console errors and
 * warnings, uncaught errors and rejections, CSP violations, and requests that failed. The test runs in
 * the page itself, so it listens from inside: console.error/warn wrapped (and still passed on), the
 * window's error events, and resource timing for the requests; the test server adds the page's 404s.
 */
import { executeServerCommand } from '@web/test-runner-commands';

export interface ConsoleNoise {
  readonly kind: 'console.error' | 'console.warn' | 'error' | 'unhandledrejection' | 'securitypolicyviolation';
  readonly text: string;
}

export interface FailedResource {
  readonly url: string;
  readonly status: number;
}

/**
 * Whether this engine says the HTTP status of each request in resource timing (Chromium's
 * `responseStatus`); elsewhere the simulator's request log is what tells a failed request.
 */
export const timingHasStatus = 'responseStatus' in PerformanceResourceTiming.prototype;

const noise: ConsoleNoise[] = [];
const failed: FailedResource[] = [];

function describe(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/** Starts listening; call before the page's script runs, so that its first messages are caught too. */
export function watchConsole(): void {
  for (const level of ['error', 'warn'] as const) {
    const original = console[level].bind(console);
    console[level] = (...args: unknown[]) => {
      noise.push({ kind: `console.${level}`, text: args.map(describe).join(' ') });
      original(...args);
    };
  }
  window.addEventListener('error', (event) =>
    noise.push({ kind: 'error', text: describe(event.error ?? event.message) }),
  );
  window.addEventListener('unhandledrejection', (event) =>
    noise.push({ kind: 'unhandledrejection', text: describe(event.reason) }),
  );
  document.addEventListener(
    'securitypolicyviolation',
    (event) => noise.push({ kind: 'securitypolicyviolation', text: `${event.violatedDirective} ${event.blockedURI}` }),
    true,
  );
  // The phone panel asks the simulator several times a second: no entry may be dropped for want of room.
  performance.setResourceTimingBufferSize(1_000_000);
  if (!timingHasStatus) return;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as PerformanceResourceTiming[]) {
      // 0: a cross-origin answer without Timing-Allow-Origin hides its status, or none came.
      if (entry.responseStatus >= 400) failed.push({ url: entry.name, status: entry.responseStatus });
    }
  }).observe({ type: 'resource', buffered: true });
}

/** What was seen since the last call, and forgets it. */
export function takeNoise(): { noise: ConsoleNoise[]; failed: FailedResource[] } {
  return { noise: noise.splice(0), failed: failed.splice(0) };
}

/** The page's requests to the test server (its own origin) answered 404 so far, in every engine. */
export async function page404s(): Promise<string[]> {
  return (await executeServerCommand<string[], undefined>('page-404s')) ?? [];
}
