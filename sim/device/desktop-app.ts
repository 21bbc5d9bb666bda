import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SimStore } from '../state/store.ts';
import { answerChallenge, FastPassError } from '../idx/fastpass.ts';

/** How the desktop app of one device behaves now (control API: `/sim/api/devices/<id>/desktop`). */
export interface DesktopAppState {
  /** The loopback server listens; off, every probe of its port fails and the browser falls back. */
  on: boolean;
  /** The user denies the sign-in in Okta Verify. */
  deny: boolean;
  /** The port its loopback server uses (kept while it is off, so it is still advertised). */
  port?: number;
}

/**
 * A virtual Okta Verify desktop app: a loopback HTTP server on 127.0.0.1 (and ::1, where there is
 * one) that answers the browser's `GET /probe` and `POST /challenge`, signs the challenge with its
 * device's key and reports to Okta (the simulator) over HTTP, as Okta Verify does.
 */
class DesktopApp {
  readonly state: DesktopAppState = { on: true, deny: false };
  #servers: Server[] = [];

  constructor(
    private readonly store: SimStore,
    readonly deviceId: string,
  ) {}

  get listening(): boolean {
    return this.#servers.length > 0;
  }

  async start(): Promise<number> {
    if (this.listening && this.state.port) return this.state.port;
    const first = await listen(this.#handler, '127.0.0.1', this.state.port ?? 0).catch(() =>
      listen(this.#handler, '127.0.0.1', 0),
    );
    const port = (first.address() as AddressInfo).port;
    this.#servers = [first];
    // `localhost` may resolve to ::1 first; a machine without IPv6 simply has no second listener.
    const second = await listen(this.#handler, '::1', port).catch(() => undefined);
    if (second) this.#servers.push(second);
    this.state.port = port;
    return port;
  }

  async stop(): Promise<void> {
    const servers = this.#servers;
    this.#servers = [];
    await Promise.all(
      servers.map(
        (server) =>
          new Promise<void>((resolve) => {
            server.close(() => resolve());
            server.closeAllConnections();
          }),
      ),
    );
  }

  readonly #handler = (req: IncomingMessage, res: ServerResponse): void => {
    void this.#answer(req, res).catch(() => send(res, 500, { error: 'Okta Verify failed.' }, req));
  };

  async #answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'OPTIONS') {
      send(res, 204, undefined, req);
    } else if (req.method === 'GET' && path === '/probe') {
      send(res, 200, undefined, req);
    } else if (req.method === 'POST' && path === '/challenge') {
      const body = JSON.parse((await readBody(req)) || '{}') as { challengeRequest?: unknown };
      if (typeof body.challengeRequest !== 'string') {
        send(res, 400, { error: 'No challengeRequest.' }, req);
        return;
      }
      try {
        await answerChallenge(this.store, this.deviceId, body.challengeRequest, this.state.deny);
        send(res, 200, {}, req);
      } catch (error) {
        if (!(error instanceof FastPassError)) throw error;
        send(res, error.status, { error: error.message }, req);
      }
    } else {
      send(res, 404, { error: 'Not found.' }, req);
    }
  }
}

/** Every device's desktop app, started when a FastPass challenge first advertises it. */
export class DesktopApps {
  readonly #apps = new Map<string, DesktopApp>();

  constructor(private readonly store: SimStore) {}

  #app(deviceId: string): DesktopApp {
    let app = this.#apps.get(deviceId);
    if (!app) {
      app = new DesktopApp(this.store, deviceId);
      this.#apps.set(deviceId, app);
    }
    return app;
  }

  /**
   * The loopback ports Okta advertises for a user's FastPass devices: first one nothing listens on
   * (Okta lists several; the browser tries each), then each device's app port, started if it is on.
   */
  async portsFor(login: string | undefined): Promise<number[]> {
    const ports = [await closedPort()];
    // Before identify no user is known: every desktop app on this (simulated) computer may answer.
    const devices = login === undefined ? [...this.store.devices.values()] : this.store.devicesOf(login);
    for (const device of devices.filter((d) => d.desktop)) {
      const app = this.#app(device.id);
      ports.push(app.state.on ? await app.start() : (app.state.port ?? (await closedPort())));
    }
    return ports;
  }

  state(deviceId: string): DesktopAppState {
    return { ...this.#app(deviceId).state };
  }

  /** Switches the app on or off and sets whether its user denies; off closes the loopback server. */
  async set(deviceId: string, change: Partial<Pick<DesktopAppState, 'on' | 'deny'>>): Promise<DesktopAppState> {
    const app = this.#app(deviceId);
    if (change.deny !== undefined) app.state.deny = change.deny;
    if (change.on !== undefined) {
      app.state.on = change.on;
      if (!change.on) await app.stop();
      else if (app.state.port) await app.start();
    }
    return { ...app.state };
  }

  /** The app as the operating system starts it for a custom URI or link: it answers whether its server is on or not. */
  deny(deviceId: string): boolean {
    return this.#app(deviceId).state.deny;
  }

  async closeAll(): Promise<void> {
    const apps = [...this.#apps.values()];
    this.#apps.clear();
    await Promise.all(apps.map((app) => app.stop()));
  }
}

function listen(handler: (req: IncomingMessage, res: ServerResponse) => void, host: string, port: number) {
  return new Promise<Server>((resolve, reject) => {
    const server = createServer(handler);
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

/** A port on 127.0.0.1 that nothing listens on now: a probe of it is refused at once. */
async function closedPort(): Promise<number> {
  const server = await listen(() => {}, '127.0.0.1', 0);
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The page that probes is on another origin: Okta Verify answers CORS, including Chrome's private-network preflight. */
function send(res: ServerResponse, status: number, body: object | undefined, req: IncomingMessage): void {
  if (res.headersSent) return;
  const origin = req.headers.origin;
  res.writeHead(status, {
    ...(origin ? { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' } : {}),
    'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
    'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] ?? 'Content-Type',
    'Access-Control-Allow-Private-Network': 'true',
    ...(body ? { 'Content-Type': 'application/json' } : {}),
  });
  res.end(body ? JSON.stringify(body) : undefined);
}
