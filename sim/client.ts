/**
 * The simulator's client: its control API (`/sim/api`, documented in the README) and the virtual
 * Okta Verify device played through it, as tests, benchmarks, scripts and the CLI drive them.
 *
 * Browser-safe on purpose (`fetch` and timers only, no `node:` import): the browser tests load it
 * as it is (`import { ControlApi } from 'ov-sim/client'`).
 */
import type { SimSettings } from './config.ts';
import type { PushView } from './device/virtual-device.ts';
import type { FaultRule } from './faults/rules.ts';
import type { OutboxMessage, RequestRecord } from './state/types.ts';

export type { SimSettings, FaultRule, OutboxMessage, RequestRecord };

/** Where a simulator listens: `http://host:port`, or anything with a `url` (a RunningSimulator). */
export type SimAddress = string | { readonly url: string };

/** A device's Okta Verify desktop app (FastPass). */
export interface DesktopAppView {
  on: boolean;
  deny: boolean;
  /** Its loopback port, once a FastPass challenge advertised it. */
  port?: number;
}

/** A push waiting on a device, with the numbers offered on the phone for a number challenge. */
export interface PendingPush extends PushView {
  deviceId: string;
}

export type PushResult = 'approved' | 'rejected' | 'expired';

/** An OIDC app of the org as `GET /sim/api/clients` shows it. */
export interface ClientView {
  clientId: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  tokenEndpointAuthMethod: 'none' | 'client_secret_basic';
}

/** What `GET /sim/api/state` says of a user (no secrets). */
export interface UserView {
  login: string;
  name: string;
  methods: string[];
  numberChallenge: boolean;
  lockedOut: boolean;
  /** `desktop`: the device is a computer with Okta Verify's desktop app (FastPass), as it is now. */
  devices: Array<{ id: string; name: string; desktop?: DesktopAppView }>;
}

/**
 * A FastPass challenge by custom URI, universal link or app link that a sign-in waits on: opening
 * `href` on one of `deviceIds` (`ControlApi#open`) is what the operating system does for the page.
 */
export interface WaitingFastPass {
  id: string;
  /** Null before identify, when whichever device answers names the user. */
  login: string | null;
  method: 'CUSTOM_URI' | 'UNIVERSAL_LINK' | 'APP_LINK';
  href: string;
  deviceIds: string[];
  expiresInSeconds: number;
}

/** `GET /sim/api/state`; the users and waiting FastPass challenges are typed here, the rest is for people to read. */
export interface StateView {
  users: UserView[];
  fastPass: WaitingFastPass[];
  [part: string]: unknown;
}

/** A control API call the simulator refused: its status and its `{error}` body. */
export class ControlApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: { error?: string },
    call = '',
  ) {
    super(`control API ${call ? `${call} ` : ''}answered ${status}: ${body.error ?? ''}`);
    this.name = 'ControlApiError';
  }
}

/**
 * How the simulator's clients (this one, the IDX driver) send a request and read its JSON answer:
 * `fetch` unless told otherwise. The load benchmark gives them node:http on kept-alive connections,
 * which costs a fraction of `fetch`'s CPU per request.
 */
export interface Exchange {
  method: string;
  headers: Record<string, string>;
  body?: string;
}

export interface JsonReply<Body = unknown> {
  status: number;
  body: Body;
}

export type Transport = (url: string, exchange: Exchange) => Promise<JsonReply>;

export const fetchTransport: Transport = async (url, exchange) => {
  const response = await fetch(url, exchange);
  return { status: response.status, body: (await response.json()) as unknown };
};

/** The control API of one simulator, over `fetch` unless given another transport. */
export class ControlApi {
  /** `http://host:port`, no trailing slash. */
  readonly url: string;
  readonly #transport: Transport;

  constructor(sim: SimAddress, transport = fetchTransport) {
    this.url = (typeof sim === 'string' ? sim : sim.url).replace(/\/$/, '');
    this.#transport = transport;
  }

  async call<T>(method: string, path: string, body?: object): Promise<T> {
    // The control API takes changes only as JSON (a defence against cross-site form posts); a
    // GET stays a simple request, with no CORS preflight.
    const change = method !== 'GET' && method !== 'HEAD';
    const reply = await this.#transport(`${this.url}/sim/api${path}`, {
      method,
      headers: change ? { 'Content-Type': 'application/json' } : {},
      ...(change ? { body: JSON.stringify(body ?? {}) } : {}),
    });
    const parsed = reply.body as T & { error?: string };
    if (reply.status < 200 || reply.status > 299) throw new ControlApiError(reply.status, parsed, `${method} ${path}`);
    return parsed;
  }

  /** Seeded users and devices again (new TOTP secrets), no transactions, empty outbox and request log. */
  async reset(): Promise<void> {
    await this.call('POST', '/reset');
  }

  /** Users, devices, live transactions, pending pushes and outbox. */
  state(): Promise<StateView> {
    return this.call<StateView>('GET', '/state');
  }

  settings(): Promise<SimSettings> {
    return this.call<SimSettings>('GET', '/settings');
  }

  patchSettings(changes: Partial<SimSettings>): Promise<SimSettings> {
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

  /** The org's OIDC apps (ids, redirect URIs, auth method; no secrets). */
  async clients(): Promise<ClientView[]> {
    return (await this.call<{ clients: ClientView[] }>('GET', '/clients')).clients;
  }

  /**
   * Registers sign-in redirect URIs (and optionally sign-out ones) with a client, e.g. the page of a
   * test server whose port was chosen at start-up. Kept across resets, like any org configuration.
   */
  async registerRedirectUris(
    clientId: string,
    redirectUris: string[],
    postLogoutRedirectUris: string[] = [],
  ): Promise<ClientView[]> {
    return (
      await this.call<{ clients: ClientView[] }>('POST', `/clients/${encodeURIComponent(clientId)}/redirect-uris`, {
        redirectUris,
        postLogoutRedirectUris,
      })
    ).clients;
  }

  /** Emails and SMS sent. */
  async outbox(): Promise<OutboxMessage[]> {
    return (await this.call<{ messages: OutboxMessage[] }>('GET', '/outbox')).messages;
  }

  /** Requests the org (IDX and OAuth, not the control API) answered after `since` (a `seq`). */
  async requests(since = 0): Promise<RequestRecord[]> {
    return (await this.call<{ requests: RequestRecord[] }>('GET', since ? `/requests?since=${since}` : '/requests'))
      .requests;
  }

  async deviceIds(login: string): Promise<string[]> {
    return (await this.call<{ deviceIds: string[] }>('GET', `/users/${encodeURIComponent(login)}/devices`)).deviceIds;
  }

  /** Scans an enrolment QR code (the simulator decodes the PNG) or taps an activation link. */
  async enroll(source: { qr: string } | { link: string }): Promise<string> {
    return (await this.call<{ deviceId: string }>('POST', '/devices/enroll', source)).deviceId;
  }

  async pushes(deviceId: string): Promise<PendingPush[]> {
    const { pushes } = await this.call<{ pushes: PushView[] }>('GET', `/devices/${deviceId}/pushes`);
    return pushes.map((push) => ({ ...push, deviceId }));
  }

  /** Approves (with the number tapped, for a number challenge) or rejects a push, or lets it time out now. */
  async answer(
    deviceId: string,
    pushId: string,
    action: 'approve' | 'reject' | 'expire',
    number?: string,
  ): Promise<PushResult> {
    const body = { action, ...(number === undefined ? {} : { number }) };
    return (await this.call<{ result: PushResult }>('POST', `/devices/${deviceId}/pushes/${pushId}`, body)).result;
  }

  /** The code the device shows now, and whole seconds until it changes. */
  totp(deviceId: string): Promise<{ code: string; expiresIn: number }> {
    return this.call('GET', `/devices/${deviceId}/totp`);
  }

  /** Whether a device's Okta Verify desktop app listens (`on`) and whether its user denies (`deny`), and its port. */
  desktop(deviceId: string): Promise<DesktopAppView> {
    return this.call('GET', `/devices/${deviceId}/desktop`);
  }

  /** Switches a device's desktop app off (its loopback port refuses probes) or on; makes its user deny or approve. */
  setDesktop(deviceId: string, change: { on?: boolean; deny?: boolean }): Promise<DesktopAppView> {
    return this.call('POST', `/devices/${deviceId}/desktop`, change);
  }

  /** The operating system opens a FastPass custom URI or link on the device; Okta Verify answers Okta. */
  async open(deviceId: string, href: string): Promise<'verified' | 'denied'> {
    return (await this.call<{ result: 'verified' | 'denied' }>('POST', `/devices/${deviceId}/open`, { href })).result;
  }

  /** Okta Verify adds the user's account (same-device or device-bootstrap enrolment); the new enrolment's device id. */
  async addAccount(login: string): Promise<string> {
    return (await this.call<{ deviceId: string }>('POST', `/users/${encodeURIComponent(login)}/add-account`, {}))
      .deviceId;
  }

  faults(): Promise<{ faults: FaultRule[] }> {
    return this.call('GET', '/faults');
  }

  addFault(rule: FaultRule): Promise<unknown> {
    return this.call('POST', '/faults', rule);
  }

  setFaults(rules: FaultRule[]): Promise<unknown> {
    return this.call('PUT', '/faults', { faults: rules });
  }

  clearFaults(): Promise<unknown> {
    return this.call('DELETE', '/faults');
  }
}

/** One Okta Verify device of the simulator, played through the control API as the phone app would. */
export class VirtualDevice {
  private constructor(
    readonly control: ControlApi,
    readonly id: string,
  ) {}

  /** The device a user already has (seeded, or enrolled earlier); a user without exactly one is an error. */
  static async of(control: ControlApi, login: string): Promise<VirtualDevice> {
    const ids = await control.deviceIds(login);
    if (ids.length !== 1) throw new Error(`${login} has ${ids.length} Okta Verify devices, expected 1`);
    return new VirtualDevice(control, ids[0]!);
  }

  /** Scans the QR image exactly as the browser received it; the simulator decodes the PNG. */
  static async scan(control: ControlApi, qrDataUri: string): Promise<VirtualDevice> {
    return new VirtualDevice(control, await control.enroll({ qr: qrDataUri }));
  }

  /** Taps an activation link sent by email or SMS. */
  static async tap(control: ControlApi, link: string): Promise<VirtualDevice> {
    return new VirtualDevice(control, await control.enroll({ link }));
  }

  pendingPushes(): Promise<PendingPush[]> {
    return this.control.pushes(this.id);
  }

  /** The one push waiting on the phone now; a sign-in sends one at a time and withdraws the earlier one. */
  async onlyPush(): Promise<PendingPush> {
    return only(await this.pendingPushes());
  }

  /**
   * Waits for the push to arrive on the phone (a sign-in has one at a time), asking every `interval`
   * ms. The default `timeout` leaves room for a busy machine; a push that comes returns at once.
   */
  async nextPush({
    timeout = 60_000,
    interval = 50,
  }: { timeout?: number; interval?: number } = {}): Promise<PendingPush> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const pushes = await this.pendingPushes();
      if (pushes.length > 0) return only(pushes);
      if (Date.now() >= deadline) throw new Error(`no push arrived on device ${this.id} within ${timeout} ms`);
      await new Promise((resolve) => setTimeout(resolve, interval));
    }
  }

  approve(push: Pick<PendingPush, 'id'>, number?: string): Promise<PushResult> {
    return this.control.answer(this.id, push.id, 'approve', number);
  }

  reject(push: Pick<PendingPush, 'id'>): Promise<PushResult> {
    return this.control.answer(this.id, push.id, 'reject');
  }

  /** Leaves the push unanswered until it times out, at once: the sign-in's next poll ends it. */
  expire(push: Pick<PendingPush, 'id'>): Promise<PushResult> {
    return this.control.answer(this.id, push.id, 'expire');
  }

  /** Switches this device's Okta Verify desktop app off (FastPass probes fail) or on, or has its user deny. */
  setDesktop(change: { on?: boolean; deny?: boolean }): Promise<DesktopAppView> {
    return this.control.setDesktop(this.id, change);
  }

  /** Opens a FastPass custom URI or link (what the operating system does when the page opens it). */
  open(href: string): Promise<'verified' | 'denied'> {
    return this.control.open(this.id, href);
  }

  /** The six-digit code the app shows now. */
  async totp(): Promise<string> {
    return (await this.control.totp(this.id)).code;
  }
}

function only(pushes: PendingPush[]): PendingPush {
  if (pushes.length !== 1) throw new Error(`expected one pending push, found ${pushes.length}`);
  return pushes[0]!;
}
