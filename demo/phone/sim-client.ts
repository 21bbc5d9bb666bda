// The simulator's control API, as the demo's phone panel uses it (documented in the README).

export interface SimUser {
  login: string;
  name: string;
  methods: string[];
  numberChallenge: boolean;
  lockedOut: boolean;
  devices: Array<{ id: string; name: string }>;
}

export interface SimPush {
  id: string;
  login: string;
  deviceId: string;
  expiresAt: string;
  choices?: string[];
}

export interface SimMessage {
  id: string;
  channel: 'email' | 'sms';
  to: string;
  link: string;
  sentAt: number;
}

export class SimClient {
  constructor(readonly url: string) {}

  private async call<T>(method: string, path: string, body?: object): Promise<T> {
    const response = await fetch(`${this.url}/sim/api${path}`, {
      method,
      headers: body ? { 'Content-Type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    const result = (await response.json()) as T & { error?: string };
    if (!response.ok) throw new Error(result.error ?? `HTTP ${response.status}`);
    return result;
  }

  async users(): Promise<SimUser[]> {
    return (await this.call<{ users: SimUser[] }>('GET', '/state')).users;
  }

  /** Pending pushes on every device, with the numbers offered for a number challenge. */
  async pushes(users: SimUser[]): Promise<SimPush[]> {
    const devices = users.flatMap((u) => u.devices.map((d) => d.id));
    const lists = await Promise.all(
      devices.map(async (deviceId) => (await this.call<{ pushes: Omit<SimPush, 'deviceId'>[] }>('GET', `/devices/${deviceId}/pushes`)).pushes.map((p) => ({ ...p, deviceId }))),
    );
    return lists.flat();
  }

  async outbox(): Promise<SimMessage[]> {
    return (await this.call<{ messages: SimMessage[] }>('GET', '/outbox')).messages;
  }

  answer(push: SimPush, action: 'approve' | 'reject', number?: string): Promise<{ result: string }> {
    return this.call('POST', `/devices/${push.deviceId}/pushes/${push.id}`, { action, ...(number ? { number } : {}) });
  }

  enroll(source: { qr: string } | { link: string }): Promise<{ deviceId: string }> {
    return this.call('POST', '/devices/enroll', source);
  }

  totp(deviceId: string): Promise<{ code: string; expiresIn: number }> {
    return this.call('GET', `/devices/${deviceId}/totp`);
  }

  reset(): Promise<unknown> {
    return this.call('POST', '/reset');
  }
}
