/**
 * One complete sign-in per call, on either widget, in a fresh browser context against a freshly
 * reset simulator: when the phone acted, when the page had tokens, and every request the org saw.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { ControlApi, VirtualDevice } from 'ov-sim/client';
import type { BrowserBench } from './lib/browser-setup.ts';
import { roundTrips, waitForEvent } from './lib/page-actions.ts';
import type { WidgetDriver } from './lib/widget-drivers.ts';
import type { RequestRecord } from 'ov-sim/client';

export type FlowName = 'push' | 'qr' | 'totp';

const LOGINS: Record<FlowName, string> = {
  push: 'push@example.com',
  qr: 'enroll@example.com',
  totp: 'totp@example.com',
};
const POLL_PATHS = ['/idp/idx/challenge/poll', '/idp/idx/authenticators/poll'];

/** The simulator's request log entry. */
export type LoggedRequest = RequestRecord;

export interface FlowRun {
  flow: FlowName;
  widget: string;
  /** The refresh the server asked for in this run. */
  refreshMs: number;
  /** Node's Date.now() just before the control API call that approved the push or scanned the QR. */
  phoneActedAt?: number;
  /** Page Date.now() at the widget's success event (same machine clock). */
  successAt: number;
  /** Everything the org answered, including what came in the 3 refresh intervals after success. */
  requests: LoggedRequest[];
  /** Poll round trips as the browser timed them. */
  pollRoundTrips: number[];
}

export const isPoll = (r: LoggedRequest) => r.method === 'POST' && POLL_PATHS.includes(r.path);

async function waitForPush(device: VirtualDevice): Promise<void> {
  for (let tries = 0; (await device.pendingPushes()).length === 0; tries++) {
    if (tries > 100) throw new Error('no push reached the device');
    await sleep(20);
  }
}

/**
 * Returns as soon as the org has answered one more poll. The phone then acts at the same moment of
 * the poll cycle for either widget, just after a poll: the next poll, one refresh later if the widget
 * keeps the server's pace, is the one that sees it.
 */
async function justAfterAPoll(control: ControlApi): Promise<void> {
  const polls = async () =>
    (await control.call<{ requests: LoggedRequest[] }>('GET', '/requests?since=0')).requests.filter(isPoll).length;
  const before = await polls();
  while ((await polls()) === before) await sleep(5);
}

/** `watchAfterEnd`: wait three refresh intervals after success, for the request figure (the timing runs skip it). */
export async function runFlow(
  bench: BrowserBench,
  driver: WidgetDriver,
  flow: FlowName,
  refreshMs: number,
  watchAfterEnd = false,
): Promise<FlowRun> {
  const control = new ControlApi(bench.sim);
  await control.reset();
  await control.patchSettings(
    flow === 'qr' ? { enrollPollRefreshMs: refreshMs } : { challengePollRefreshMs: refreshMs },
  );
  const context = await bench.browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.goto(bench.url(driver.page));
    const login = LOGINS[flow];
    let phoneActedAt: number | undefined;
    if (flow === 'push') {
      await driver.toPushWaiting(page, login);
      const device = await VirtualDevice.of(control, login);
      await waitForPush(device);
      const push = await device.onlyPush();
      await justAfterAPoll(control);
      phoneActedAt = Date.now();
      await device.approve(push);
    } else if (flow === 'qr') {
      const qr = await driver.toQrWaiting(page, login);
      await justAfterAPoll(control);
      phoneActedAt = Date.now();
      await VirtualDevice.scan(control, qr);
    } else {
      const device = await VirtualDevice.of(control, login);
      await driver.signInWithCode(page, login, () => device.totp());
    }
    const successAt = await waitForEvent(page, driver.successEvent, refreshMs * 4 + 15_000);
    // Anything still polling after the end shows up in the next three intervals.
    if (watchAfterEnd) await sleep(3 * refreshMs);
    const { requests } = await control.call<{ requests: LoggedRequest[] }>('GET', '/requests?since=0');
    return {
      flow,
      widget: driver.label,
      refreshMs,
      phoneActedAt,
      successAt,
      requests,
      pollRoundTrips: await roundTrips(page, '/poll'),
    };
  } finally {
    await context.close();
  }
}
