/** The simulator this test run started, through its client (ov-sim/client), as a test harness drives it. */
import { executeServerCommand } from '@web/test-runner-commands';
import { ControlApi, type OutboxMessage, type RequestRecord } from 'ov-sim/client';

export type { OutboxMessage, RequestRecord };

let sim: Promise<ControlApi> | undefined;

/** The control API of the simulator the test server started for this run. */
export function simulator(): Promise<ControlApi> {
  sim ??= executeServerCommand<string, undefined>('sim-url').then((url) => new ControlApi(url));
  return sim;
}

/** The URL of the simulator the test server started for this run. */
export async function simulatorUrl(): Promise<string> {
  return (await simulator()).url;
}

/** The `issuer` the widget is given: the simulator's `default` authorization server. */
export async function issuer(): Promise<string> {
  return `${await simulatorUrl()}/oauth2/default`;
}

export async function control<T>(method: string, path: string, body?: object): Promise<T> {
  return (await simulator()).call<T>(method, path, body);
}

/** Seeded users and devices again; no transactions, an empty outbox and request log. */
export async function resetSimulator(): Promise<void> {
  await (await simulator()).reset();
}

export async function outbox(): Promise<OutboxMessage[]> {
  return (await simulator()).outbox();
}

/** Org requests (IDX and OAuth; the control API is not logged) answered after `since`. */
export async function requestsSince(since = 0): Promise<RequestRecord[]> {
  return (await simulator()).requests(since);
}
