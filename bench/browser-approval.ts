/**
 * Approval to success: from the control API call that approves the push (or scans the QR) to the
 * widget's success event in the page, both read from this machine's clock. The phone acts just after
 * a poll was answered (browser-flows.ts), the same moment of the cycle for both widgets, so the poll
 * that sees it comes one refresh later for a widget that keeps the server's pace: refresh + one
 * round trip is the floor, and a figure above it is a widget polling slower than asked. Token, keys
 * and rendering come after that, and are reported apart.
 */
import { isPoll, runFlow, type FlowName, type FlowRun } from './browser-flows.ts';
import type { BrowserBench } from './lib/browser-setup.ts';
import { median, repeat } from './lib/stats.ts';
import type { WidgetDriver } from './lib/widget-drivers.ts';

export interface ApprovalTiming {
  widget: string;
  flow: FlowName;
  refreshMs: number;
  latencies: number[];
  median: number;
  max: number;
  /** Phone acted → the poll that saw it answered (server log): what the refresh bounds. */
  polling: number[];
  /** That poll answered → success event: token, keys, the widget's own work. */
  finishing: number[];
  /** Median poll round trip as the browser timed it. */
  roundTrip: number;
  /** The first run, watched for three intervals after the end: the request figures come from it. */
  watchedRun: FlowRun;
}

export async function measureApproval(
  bench: BrowserBench,
  driver: WidgetDriver,
  flow: 'push' | 'qr',
  refreshMs: number,
  runs: number,
): Promise<ApprovalTiming> {
  const results = await repeat(runs, (i) => runFlow(bench, driver, flow, refreshMs, i === 0));
  const [watchedRun] = results;
  if (!watchedRun) throw new Error('measureApproval needs at least one run');
  const latencies = results.map((run) => run.successAt - (run.phoneActedAt ?? Number.NaN));
  const lastPollAt = (run: FlowRun) =>
    run.requests.filter((r) => isPoll(r) && r.at <= run.successAt).at(-1)?.at ?? Number.NaN;
  const polling = results.map((run) => lastPollAt(run) - (run.phoneActedAt ?? Number.NaN));
  const finishing = results.map((run) => run.successAt - lastPollAt(run));
  return {
    widget: driver.label,
    flow,
    refreshMs,
    latencies,
    median: median(latencies),
    max: Math.max(...latencies),
    polling,
    finishing,
    roundTrip: median(results.flatMap((run) => run.pollRoundTrips)),
    watchedRun,
  };
}
