/**
 * `npm start`, `npm run sim` and `npm run example:server` on a port another program holds: each says
 * which port is taken and how to choose another, and exits non-zero, without a stack trace.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const TSX = ['--conditions=ov-sim-source', '--import', 'tsx'];

let holder: Server;
let taken: number;

before(async () => {
  holder = createServer().listen(0, '127.0.0.1');
  await once(holder, 'listening');
  taken = (holder.address() as AddressInfo).port;
});
after(() => holder.close());

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a script of the repository to its end; `env` adds to the environment. */
function run(script: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...TSX, script, ...args],
      { cwd: REPO, env: { ...process.env, ...env }, timeout: 120_000 },
      (error, stdout, stderr) => resolve({ code: error ? ((error.code as number | null) ?? null) : 0, stdout, stderr }),
    );
  });
}

function assertToldTaken(result: Run, howToChoose: RegExp): void {
  assert.equal(result.code, 1, `exit code; stderr: ${result.stderr}`);
  assert.match(result.stderr, new RegExp(`Port ${taken} is taken by another program`));
  assert.match(result.stderr, howToChoose);
  assert.doesNotMatch(result.stderr, /^\s+at /m, 'a stack trace');
}

test('npm run sim: a taken --port is named, with --port and OV_SIM_PORT to choose another', async () => {
  assertToldTaken(await run('sim/cli.ts', ['--port', String(taken)]), /npm run sim -- --port \d+.*OV_SIM_PORT=/);
  // The environment variable is read the same way.
  assertToldTaken(await run('sim/cli.ts', [], { OV_SIM_PORT: String(taken) }), /--port/);
});

test('npm run sim: a port that is not a number is refused in one sentence', async () => {
  const result = await run('sim/cli.ts', ['--port', 'eighty']);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /--port must be a port number from 0 to 65535, not "eighty"/);
  assert.doesNotMatch(result.stderr, /^\s+at /m);
});

test("npm start: the simulator's port taken: --sim-port and OV_SIM_PORT", async () => {
  assertToldTaken(
    await run('scripts/demo.ts', ['--sim-port', String(taken)]),
    /npm start -- --sim-port \d+.*OV_SIM_PORT=/,
  );
});

test("npm start: the demo page's port taken: --port and OV_DEMO_PORT", async () => {
  assertToldTaken(
    await run('scripts/demo.ts', ['--port', String(taken), '--sim-port', '0']),
    /npm start -- --port \d+.*OV_DEMO_PORT=/,
  );
});

test("npm run example:server: the app's or the simulator's port taken", async () => {
  assertToldTaken(
    await run('examples/express-bff/start.ts', ['--port', String(taken), '--sim-port', '0']),
    /npm run example:server -- --port \d+.*PORT=/,
  );
  assertToldTaken(
    await run('examples/express-bff/start.ts', ['--sim-port', String(taken)], { PORT: '0' }),
    /npm run example:server -- --sim-port \d+.*OV_SIM_PORT=/,
  );
});
