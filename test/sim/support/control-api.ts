/** The simulator's control API (/sim/api), as a test drives it over HTTP. */
import type { SimSettings } from '../../../sim/index.ts';
import type { OrgAddress } from './sdk-client.ts';

export interface OutboxMessage {
  channel: 'email' | 'sms';
  to: string;
  login: string;
  link: string;
}

export interface RequestRecord {
  seq: number;
  method: string;
  path: string;
  status: number;
}

export class ControlApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: { error?: string },
  ) {
    super(`control API answered ${status}: ${body.error ?? ''}`);
  }
}

export class ControlApi {
  constructor(readonly sim: OrgAddress) {}

  async call<T>(method: string, path: string, body?: object): Promise<T> {
    const response = await fetch(`${this.sim.url}/sim/api${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const parsed = (await response.json()) as T & { error?: string };
    if (!response.ok) throw new ControlApiError(response.status, parsed);
    return parsed;
  }

  /** Seeded users and devices again (new TOTP secrets), no transactions, empty outbox and request log. */
  async reset(): Promise<void> {
    await this.call('POST', '/reset');
  }

  async settings(): Promise<SimSettings> {
    return this.call<SimSettings>('GET', '/settings');
  }

  async patchSettings(changes: Partial<SimSettings>): Promise<SimSettings> {
    return this.call<SimSettings>('PATCH', '/settings', changes);
  }

  /** Changes settings for the duration of `run`, then puts the earlier values back. */
  async withSettings<T>(changes: Partial<SimSettings>, run: () => Promise<T>): Promise<T> {
    const before = await this.settings();
    await this.patchSettings(changes);
    try {
      return await run();
    } finally {
      const keys = Object.keys(changes) as Array<keyof SimSettings>;
      await this.patchSettings(Object.fromEntries(keys.map((key) => [key, before[key]])));
    }
  }

  async outbox(): Promise<OutboxMessage[]> {
    return (await this.call<{ messages: OutboxMessage[] }>('GET', '/outbox')).messages;
  }

  /** Requests the org (not the control API) answered. */
  async requests(): Promise<RequestRecord[]> {
    return (await this.call<{ requests: RequestRecord[] }>('GET', '/requests')).requests;
  }

  async deviceIds(login: string): Promise<string[]> {
    return (await this.call<{ deviceIds: string[] }>('GET', `/users/${encodeURIComponent(login)}/devices`)).deviceIds;
  }
}
