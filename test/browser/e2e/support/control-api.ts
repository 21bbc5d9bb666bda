/** The simulator's control API (/sim/api), called from the test page as a test harness would. */
import { executeServerCommand } from '@web/test-runner-commands';

export interface OutboxMessage {
  channel: 'email' | 'sms';
  to: string;
  login: string;
  text: string;
  link: string;
}

export interface RequestRecord {
  seq: number;
  method: string;
  path: string;
  status: number;
  /** Epoch milliseconds at which the simulator answered. */
  at: number;
}

let simUrl: Promise<string> | undefined;

/** The URL of the simulator the test server started for this run. */
export function simulatorUrl(): Promise<string> {
  simUrl ??= executeServerCommand<string, undefined>('sim-url');
  return simUrl;
}

/** The `issuer` the widget is given: the simulator's `default` authorization server. */
export async function issuer(): Promise<string> {
  return `${await simulatorUrl()}/oauth2/default`;
}

export async function control<T>(method: string, path: string, body?: object): Promise<T> {
  const response = await fetch(`${await simulatorUrl()}/sim/api${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    ...(body && { body: JSON.stringify(body) }),
  });
  const parsed = (await response.json()) as T & { error?: string };
  if (!response.ok) throw new Error(`control API ${method} ${path} answered ${response.status}: ${parsed.error ?? ''}`);
  return parsed;
}

/** Seeded users and devices again; no transactions, an empty outbox and request log. */
export async function resetSimulator(): Promise<void> {
  await control('POST', '/reset');
}

export async function outbox(): Promise<OutboxMessage[]> {
  return (await control<{ messages: OutboxMessage[] }>('GET', '/outbox')).messages;
}

/** Org requests (IDX and OAuth; the control API is not logged) answered after `since`. */
export async function requestsSince(since = 0): Promise<RequestRecord[]> {
  return (await control<{ requests: RequestRecord[] }>('GET', `/requests?since=${since}`)).requests;
}
