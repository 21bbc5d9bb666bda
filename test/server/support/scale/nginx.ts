/**
 * Debian's nginx as a round-robin load balancer on loopback, no sticky sessions: a generated
 * config in a temporary folder, in the foreground, with its own pid file, error log and temp
 * paths, so it runs as root (workers as root too, to use those paths) or as any user.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '../redis-server.ts';

export const NGINX = '/usr/sbin/nginx';

export const nginxSkip =
  !existsSync(NGINX) && !process.env.CI ? `${NGINX} is not installed (apt-get install nginx); CI installs it` : false;

export interface RunningNginx {
  readonly url: string;
  stop(): Promise<void>;
}

function config(dir: string, port: number, upstreams: readonly number[]): string {
  const asRoot = process.getuid?.() === 0 ? 'user root root;\n' : '';
  return `${asRoot}daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 8192; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream apps {
${upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=30s;`).join('\n')}
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://apps;
      proxy_set_header Host $http_host;
      # A process that refuses the connection (it died) is skipped, and the request goes to the next.
      # A POST it had already received is not sent again (nginx's default for non-idempotent requests).
      proxy_next_upstream error timeout;
      # A saturated app (the 1,000 sign-in benchmark) accepts and answers late rather than never:
      # no 504s. A dead one refuses at once, whatever these say.
      proxy_connect_timeout 60s;
      proxy_read_timeout 600s;
    }
  }
}
`;
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

export async function startNginx(upstreams: readonly number[]): Promise<RunningNginx> {
  const dir = mkdtempSync(join(tmpdir(), 'ov-nginx-'));
  mkdirSync(join(dir, 'logs'));
  const port = await freePort();
  writeFileSync(join(dir, 'nginx.conf'), config(dir, port, upstreams));
  const child = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 20_000;
  while (!(await accepts(port))) {
    const log = existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : '';
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`nginx did not start: ${output}${log}`);
    }
    await sleep(20);
  }
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
