/**
 * Debian's redis-server for the tests: on a free loopback port, no persistence (`--save ''
 * --appendonly no`), in a temporary folder; ready once it answers PING. `.ci/run` installs it.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const REDIS_SERVER = '/usr/bin/redis-server';

/** `skip` for tests needing redis-server: only off CI, where a developer may not have it installed. */
export const redisSkip =
  !existsSync(REDIS_SERVER) && !process.env.CI
    ? `${REDIS_SERVER} is not installed (apt-get install redis-server); CI installs it`
    : false;

export interface RunningRedis {
  readonly port: number;
  readonly url: string;
  /** Stops the server (its data, held in memory only, is gone) and starts a new one on the same port. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** A port nothing listens on now (the kernel's choice for port 0). */
export async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Whether a Redis on `port` answers PING with PONG. */
function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let reply = '';
    socket.setTimeout(1000, () => socket.destroy());
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (reply.includes('\r\n')) socket.end();
    });
    socket.on('close', () => resolve(reply.startsWith('+PONG')));
    socket.on('error', () => undefined);
  });
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));
}

async function launch(port: number, dir: string): Promise<ChildProcess> {
  const child = spawn(
    REDIS_SERVER,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 20_000;
  while (!(await answersPing(port))) {
    if (child.exitCode !== null) throw new Error(`redis-server exited (${child.exitCode}): ${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`redis-server did not answer PING on ${port}: ${output}`);
    }
    await sleep(20);
  }
  return child;
}

export async function startRedis(): Promise<RunningRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'ov-redis-'));
  let port = await freePort();
  let child: ChildProcess;
  try {
    child = await launch(port, dir);
  } catch {
    // Another program took the port between the probe and the start: once more, elsewhere.
    port = await freePort();
    child = await launch(port, dir);
  }
  const stop = async () => {
    child.kill('SIGTERM');
    await exited(child);
  };
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    async restart() {
      await stop();
      child = await launch(port, dir);
    },
    async stop() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
