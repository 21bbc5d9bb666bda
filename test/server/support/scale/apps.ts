/** App processes (app-process.ts) started and watched by the scale tests and the benchmark. */
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { AppMessage } from './messages.ts';

const APP = fileURLToPath(new URL('./app-process.ts', import.meta.url));

export interface AppSettings {
  readonly issuer: string;
  readonly clientId: string;
  readonly redirectUri: string;
  /** Without it, each process keeps sessions in its own memory. */
  readonly redisUrl?: string;
  readonly lockTtlMs?: number;
  /** The CSRF secret every process shares (a load balancer sends a browser to any of them). */
  readonly csrfSecret: string;
}

export interface AppSuccess {
  readonly app: number;
  readonly email: string;
  readonly digest: string;
}

export class AppProcess {
  port = 0;
  readonly errors: string[] = [];
  readonly #child: ChildProcess;
  readonly #exited: Promise<void>;
  #stats?: (served: number) => void;

  constructor(
    readonly index: number,
    settings: AppSettings,
    successes: AppSuccess[],
  ) {
    this.#child = fork(APP, [], {
      execArgv: ['--conditions=ov-sim-source', '--import', 'tsx'],
      env: {
        ...process.env,
        OV_ISSUER: settings.issuer,
        OV_CLIENT_ID: settings.clientId,
        OV_REDIRECT_URI: settings.redirectUri,
        OV_CSRF_SECRET: settings.csrfSecret,
        ...(settings.redisUrl && { OV_REDIS_URL: settings.redisUrl }),
        ...(settings.lockTtlMs && { OV_LOCK_TTL_MS: String(settings.lockTtlMs) }),
      },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.#exited = new Promise((resolve) => this.#child.once('exit', () => resolve()));
    this.#child.on('message', (message: AppMessage) => {
      if (message.type === 'success') successes.push({ app: index, email: message.email, digest: message.digest });
      else if (message.type === 'error') this.errors.push(message.message);
      else if (message.type === 'stats') this.#stats?.(message.served);
    });
  }

  get pid(): number | undefined {
    return this.#child.pid;
  }

  get alive(): boolean {
    return this.#child.exitCode === null && this.#child.signalCode === null;
  }

  async listening(): Promise<void> {
    this.port = await new Promise<number>((resolve, reject) => {
      this.#child.on('message', (message: AppMessage) => message.type === 'listening' && resolve(message.port));
      void this.#exited.then(() => reject(new Error(`app process ${this.index} exited before listening`)));
    });
  }

  /** Requests this process served so far. */
  served(): Promise<number> {
    return new Promise((resolve) => {
      this.#stats = resolve;
      this.#child.send('stats');
    });
  }

  /** Killed at once, as a crash or an OOM kill ends a process: nothing is cleaned up. */
  async kill(): Promise<void> {
    this.#child.kill('SIGKILL');
    await this.#exited;
  }

  async stop(): Promise<void> {
    if (this.alive) this.#child.kill('SIGTERM');
    await this.#exited;
  }
}

/** `count` app processes, listening. */
export async function startApps(count: number, settings: AppSettings, successes: AppSuccess[]): Promise<AppProcess[]> {
  const apps = Array.from({ length: count }, (_, index) => new AppProcess(index, settings, successes));
  try {
    await Promise.all(apps.map((app) => app.listening()));
  } catch (error) {
    await Promise.all(apps.map((app) => app.stop()));
    throw error;
  }
  return apps;
}
